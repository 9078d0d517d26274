// Device limits are checked when shaders are emitted: a step too big for one workgroup is split
// into a kernel per dispatch, smaller tiles are used where invocations are scarce, and a model that
// cannot fit at all is an error naming its largest layer. Loops stay within the driver's loop count
// (llvmpipe's 65,535 passes; test/webgpu/loop-limit.test.ts checks the count against the driver).
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import { DEFAULT_LIMITS, emitWgsl, EmitLimitError, loopPasses, stepsPerDispatch } from '../../compiler/wgsl/emit.js';
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

  const llvmpipe = { ...DEFAULT_LIMITS, maxLoopPasses: 65535 };
  const wideSoftmax = (width: number) =>
    compileModel(model('m', [dense('dense', 4, 16, 'relu'), dense('dense_1', 16, width, 'softmax')]), {
      loss: loss('sparse_categorical_crossentropy'),
      optimizer: adam,
      metrics: [metric('accuracy', 'sparse_categorical_accuracy')],
    }).plan;

  it('gives a single-workgroup dispatch as many steps as the loop count allows, and not one more', () => {
    for (const [plan, maxRows] of [[pima(), 10], [wideSoftmax(1000), 32]] as const) {
      for (const step of ['train', 'evaluate', 'predict'] as const) {
        const [shader] = emitWgsl(plan, { maxRows, limits: llvmpipe, strategy: 'single-workgroup' }).schedules[step].kernels;
        for (const rows of [1, maxRows]) {
          const steps = stepsPerDispatch(shader!, rows, 65535);
          // the step loop around the kernels' loops, and the zero-initialization of workgroup memory before
          const taken = (s: number) => shader!.zeroInitPasses + loopPasses([{ perRow: 0, fixed: s, per: 1, inner: shader!.stepLoops }], rows);
          expect(taken(steps), `${step}, ${rows} rows`).toBeLessThanOrEqual(65535);
          expect(taken(steps + 1), `${step}, ${rows} rows`).toBeGreaterThan(65535);
        }
      }
    }
    // a softmax 1,000 wide loops over its row for the max, the sum of exponentials and the loss: 3,000 passes and more a step
    const [predict] = emitWgsl(wideSoftmax(1000), { maxRows: 32, limits: llvmpipe }).schedules.predict.kernels;
    expect(loopPasses(predict!.stepLoops, 1)).toBeGreaterThan(2000);
    expect(stepsPerDispatch(predict!, 1, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('runs a kernel per dispatch when one step would take a single workgroup past the loop count', () => {
    // a row of 40,000 classes loops 40,000 times per reduction: a step of the whole network in one invocation does not fit
    expect(emitWgsl(wideSoftmax(40000), { maxRows: 2 }).schedules.predict.strategy).toBe('single-workgroup');
    const g = emitWgsl(wideSoftmax(40000), { maxRows: 2, limits: llvmpipe });
    for (const step of ['train', 'evaluate', 'predict'] as const) expect(g.schedules[step].strategy, step).toBe('per-kernel');
  });

  it('refuses a kernel whose loops alone would pass the loop count, naming its layer', () => {
    // a softmax over 70,000 classes: one invocation per row loops over all of them
    expect(() => emitWgsl(wideSoftmax(70000), { maxRows: 2, limits: { ...DEFAULT_LIMITS, maxStorageBufferBindingSize: 1 << 30 } })).not.toThrow();
    let error: unknown;
    try {
      emitWgsl(wideSoftmax(70000), { maxRows: 2, limits: { ...llvmpipe, maxStorageBufferBindingSize: 1 << 30 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EmitLimitError);
    expect((error as EmitLimitError).layer).toMatch(/^(dense_1|activation_1|loss)/);
    expect((error as EmitLimitError).limit).toBe('loop passes per invocation');
    expect((error as EmitLimitError).available).toBe(65535);
  });
});
