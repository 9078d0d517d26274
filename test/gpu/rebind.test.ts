// Data bound again: a second fit with a validation split (its rows are a new view of the same table)
// reuses the uploaded buffers, and a key bound to other rows gets new buffers and new bind groups
// (an old bind group would point at destroyed buffers: "used in submit while destroyed").
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import { ModelSession } from '../../runtime/session.js';
import { WebGpuExecutor } from '../../runtime/webgpu/executor.js';
import { gpuForTests } from '../helpers/gpu.js';
import { adam, dense, loss, metric, model, randomTable } from '../core/helpers.js';

const gpu = await gpuForTests();

describe.skipIf(!gpu)('data bound again', () => {
  const m = model('m', [dense('dense', 4, 6, 'relu'), dense('dense_1', 6, 1, 'sigmoid')]);
  const { plan } = compileModel(m, { loss: loss('binary_crossentropy'), optimizer: adam, metrics: [metric('accuracy', 'binary_accuracy')] });
  const data = randomTable(200, 4, 2, (x) => [x[0]! + x[1]! > 0 ? 1 : 0]);
  const options = { epochs: 2, batchSize: 10, validationSplit: 0.25, validationData: null, shuffle: true, seed: 4 };

  for (const strategy of ['per-kernel', 'single-workgroup'] as const) {
    it(`two fits with a validation split on one session (${strategy}) give what the CPU gives`, async () => {
      const twice = async (session: ModelSession) => {
        session.initialize(1);
        await session.fit(data, options);
        return (await session.fit(data, options)).history;
      };
      const onGpu = await twice(new ModelSession(m, plan, await WebGpuExecutor.create(plan, gpu!, 10, { strategy })));
      const onCpu = await twice(new ModelSession(m, plan, new CpuExecutor(plan)));
      for (const key of ['loss', 'val_loss']) onGpu[key]!.forEach((v, i) => expect(v).toBeCloseTo(onCpu[key]![i]!, 5));
    });
  }

  it('a key bound to other rows runs on the new rows', async () => {
    const other = randomTable(200, 4, 9, (x) => [x[0]! > 0 ? 1 : 0]);
    const run = async (executor: WebGpuExecutor, tables: Array<typeof data>) => {
      const session = new ModelSession(m, plan, executor);
      let last: Float32Array = new Float32Array(0);
      for (const t of tables) {
        session.initialize(1);
        executor.bindData({ key: 'same', rows: t.rows, features: t.features, labels: t.labels });
        executor.setPermutation(Uint32Array.from({ length: t.rows }, (_, i) => i));
        executor.run('train', [{ offset: 0, rows: 10, step: 1 }], 3);
        last = await executor.read(plan.io.params[0]!);
      }
      return last;
    };
    const rebound = await run(await WebGpuExecutor.create(plan, gpu!, 10, { strategy: 'per-kernel' }), [data, other]);
    const fresh = await run(await WebGpuExecutor.create(plan, gpu!, 10, { strategy: 'per-kernel' }), [other]);
    expect(Array.from(rebound)).toEqual(Array.from(fresh));
  });
});
