// Device limits are checked when shaders are emitted: a step too big for one workgroup is split
// into a kernel per dispatch, smaller tiles are used where invocations are scarce, and a model that
// cannot fit at all is an error naming its largest layer.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import { DEFAULT_LIMITS, emitWgsl, EmitLimitError } from '../../compiler/wgsl/emit.js';
import { adam, dense, loss, metric, model } from '../core/helpers.js';

const pima = () =>
  compileModel(model('m', [dense('dense', 8, 12, 'relu'), dense('dense_1', 12, 1, 'sigmoid')]), {
    loss: loss('binary_crossentropy'),
    optimizer: adam,
    metrics: [metric('accuracy', 'binary_accuracy')],
  }).plan;

describe('limits', () => {
  it('fits one workgroup with the default limits', () => {
    expect(emitWgsl(pima(), { maxRows: 10 }).schedules.train.strategy).toBe('single-workgroup');
  });

  it('shrinks the workgroup of reductions to the workgroup memory there is', () => {
    const g = emitWgsl(pima(), { maxRows: 10, limits: { ...DEFAULT_LIMITS, maxComputeWorkgroupStorageSize: 2048 } });
    expect(g.schedules.train.strategy).toBe('single-workgroup');
    expect(g.schedules.train.kernels[0]!.workgroupBytes).toBeLessThanOrEqual(2048);
    expect(g.schedules.train.kernels[0]!.workgroupSize[0]).toBe(128);
  });

  it('splits a step into a kernel per dispatch when the whole step binds more buffers than a shader may', () => {
    const g = emitWgsl(pima(), { maxRows: 10, limits: { ...DEFAULT_LIMITS, maxStorageBuffersPerShaderStage: 3 } });
    expect(g.schedules.train.strategy).toBe('per-kernel');
    expect(g.schedules.train.kernels.flatMap((k) => k.kernels)).toHaveLength(7); // every plan kernel, some sharing a dispatch
    for (const k of g.schedules.train.kernels) expect(k.bindings.filter((b) => b.kind !== 'uniform').length).toBeLessThanOrEqual(3);
  });

  it('uses smaller matmul tiles where a workgroup may have only 128 invocations', () => {
    const g = emitWgsl(pima(), { maxRows: 10, strategy: 'per-kernel', limits: { ...DEFAULT_LIMITS, maxComputeInvocationsPerWorkgroup: 128, maxComputeWorkgroupSizeX: 128 } });
    for (const k of g.schedules.train.kernels) expect(k.workgroupSize[0] * k.workgroupSize[1] * k.workgroupSize[2]).toBeLessThanOrEqual(128);
  });

  it('names the layer when the model does not fit the device', () => {
    const big = compileModel(model('m', [dense('dense', 784, 4096, 'relu'), dense('dense_1', 4096, 10, 'softmax')]), {
      loss: loss('categorical_crossentropy'),
      optimizer: adam,
      metrics: [],
    }).plan;
    let error: unknown;
    try {
      emitWgsl(big, { maxRows: 128, limits: { ...DEFAULT_LIMITS, maxStorageBufferBindingSize: 8 << 20 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EmitLimitError);
    expect((error as EmitLimitError).layer).toBe('dense');
    expect((error as EmitLimitError).available).toBe(8 << 20);
  });
});
