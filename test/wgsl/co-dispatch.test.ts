// The per-kernel strategy puts neighbouring kernels that do not depend on one another into one
// dispatch: the MLP's training step goes from 15 dispatches to 9 on a device with 48 KiB of
// workgroup memory, and no shader ever holds two kernels where one reads what the other writes.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import { dependsOn, effectsOf } from '../../compiler/plan/expr.js';
import { DEFAULT_LIMITS, emitWgsl } from '../../compiler/wgsl/emit.js';
import { adam, dense, loss, metric, model } from '../core/helpers.js';

const mlp = compileModel(model('m', [dense('dense', 784, 256, 'relu'), dense('dense_1', 256, 128, 'relu'), dense('dense_2', 128, 10, 'softmax')]), {
  loss: loss('categorical_crossentropy'),
  optimizer: adam,
  metrics: [metric('accuracy', 'categorical_accuracy')],
}).plan;
const limits = { ...DEFAULT_LIMITS, maxComputeWorkgroupStorageSize: 49152 };

describe('co-dispatch', () => {
  it('runs the MLP step in 9 dispatches instead of 15, in plan order', () => {
    const together = emitWgsl(mlp, { maxRows: 128, limits }).schedules.train.kernels;
    const alone = emitWgsl(mlp, { maxRows: 128, limits, coDispatch: false }).schedules.train.kernels;
    expect(alone).toHaveLength(15);
    expect(together.map((k) => k.kernels.length)).toEqual([1, 1, 1, 1, 1, 1, 3, 3, 3]);
    expect(together.flatMap((k) => k.kernels)).toEqual(mlp.schedules.train.kernels.map((k) => k.name));
  });

  it('never puts a kernel beside one it depends on, and stays within workgroup memory', () => {
    for (const [maxRows, bytes] of [[128, 49152], [1024, 16384], [7, 8192]] as const) {
      const shaders = emitWgsl(mlp, { maxRows, limits: { ...limits, maxComputeWorkgroupStorageSize: bytes } }).schedules.train.kernels;
      for (const s of shaders) {
        expect(s.workgroupBytes).toBeLessThanOrEqual(bytes);
        const effects = s.kernels.map((name) => effectsOf(mlp.schedules.train.kernels.find((k) => k.name === name)!, mlp.io.permutation));
        for (let i = 0; i < effects.length; i++) for (let j = 0; j < i; j++) expect(dependsOn(effects[i]!, effects[j]!), `${s.name}`).toBe(false);
      }
    }
  });
});
