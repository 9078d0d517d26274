// A dataset larger than one storage binding is streamed through a window of rows: training,
// evaluation and prediction give what they give on the CPU (here with a binding limit made small).
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import { ModelSession } from '../../runtime/session.js';
import { WebGpuExecutor } from '../../runtime/webgpu/executor.js';
import type { GpuContext } from '../../runtime/webgpu/gpu.js';
import { gpuForTests } from '../helpers/gpu.js';
import { adam, dense, loss, metric, model, randomTable } from '../core/helpers.js';

const gpu = await gpuForTests();

describe.skipIf(!gpu)('datasets larger than a storage binding', () => {
  it('are streamed through a window, with the same results as the CPU', async () => {
    // 2,400 rows x 4 features = 38,400 bytes against a 16 KiB binding: a window of 1,024 rows, several per epoch.
    const small: GpuContext = Object.create(gpu!, { limits: { value: { ...gpu!.limits, maxStorageBufferBindingSize: 16384 } } });
    const m = model('m', [dense('dense', 4, 6, 'relu'), dense('dense_1', 6, 1, 'sigmoid')]);
    const { plan } = compileModel(m, { loss: loss('binary_crossentropy'), optimizer: adam, metrics: [metric('accuracy', 'binary_accuracy')] });
    const data = randomTable(2400, 4, 2, (x) => [x[0]! + x[1]! > 0 ? 1 : 0]);
    const run = async (session: ModelSession) => {
      session.initialize(1);
      const h = await session.fit(data, { epochs: 3, batchSize: 10, validationSplit: 0.25, validationData: null, shuffle: true, seed: 4 });
      return { h, e: await session.evaluate(data, 32), p: await session.predict(data, 32) };
    };
    const streamed = await run(new ModelSession(m, plan, await WebGpuExecutor.create(plan, small, 32)));
    const whole = await run(new ModelSession(m, plan, await WebGpuExecutor.create(plan, gpu!, 32)));
    const onCpu = await run(new ModelSession(m, plan, new CpuExecutor(plan)));
    // The same kernels read the same rows in the same order: bit for bit what the whole dataset gives.
    expect(streamed.h.history).toEqual(whole.h.history);
    expect(streamed.e).toEqual(whole.e);
    expect(Array.from(streamed.p)).toEqual(Array.from(whole.p));
    // And what the CPU gives, up to float32 drift over the epochs.
    expect(Math.abs(streamed.h.history.loss!.at(-1)! - onCpu.h.history.loss!.at(-1)!)).toBeLessThan(1e-4);
    expect(Math.abs(streamed.e.loss! - onCpu.e.loss!)).toBeLessThan(1e-4);
    expect(streamed.p.length).toBe(2400);
  });
});
