// The GPU runs the same plan as the CPU: one training step on random networks (every activation,
// loss and optimizer among them), both GPU strategies, agrees with the CPU interpreter to 1e-5.
import { describe, expect, it } from 'vitest';
import { emitWgsl, type Strategy } from '../../compiler/wgsl/emit.js';
import { compileModel } from '../../compiler/driver.js';
import type { Activation, Loss, Optimizer } from '../../compiler/program.js';
import { gpuForTests } from '../helpers/gpu.js';
import { optimizers, randomCase, type Case } from '../core/cases.js';
import { adam, dense, loss, metric, model, randomTable } from '../core/helpers.js';
import { WebGpuExecutor } from '../../runtime/webgpu/executor.js';
import type { GpuContext } from '../../runtime/webgpu/gpu.js';
import { compareSteps } from './compare.js';
import { encodeLabels } from '../../runtime/session.js';
import { initialParameters } from '../../runtime/init.js';

const gpu = await gpuForTests();
const compare = (c: Case, strategy: Strategy, steps = 1) => compareSteps(gpu!, c.model, c.config, randomTable(13, c.model.inputDim, 3, c.labels, ['0', '1', '2']), strategy, steps, c.name);

function caseWith(name: string, hidden: Activation['name'], lossName: Loss['name'], optimizer: Optimizer): Case {
  const classes = lossName.includes('categorical') ? 3 : lossName === 'binary_crossentropy' ? 1 : 2;
  const out = lossName.includes('categorical') ? 'softmax' : lossName === 'binary_crossentropy' ? 'sigmoid' : 'linear';
  return {
    name,
    model: model('m', [dense('dense', 4, 6, hidden), dense('dense_1', 6, classes, out)]),
    config: { loss: loss(lossName, 0.8), optimizer, metrics: [metric('accuracy', classes === 1 ? 'binary_accuracy' : 'categorical_accuracy')] },
    labels: (x) => {
      const s = x[0]! + 2 * x[1]! - x[2]!;
      if (lossName === 'binary_crossentropy') return [s > 0 ? 1 : 0];
      if (lossName === 'categorical_crossentropy' || lossName === 'sparse_categorical_crossentropy') return [s < -0.5 ? 0 : s < 0.5 ? 1 : 2];
      return [Math.sin(s), Math.cos(s)];
    },
  };
}

describe.skipIf(!gpu)('GPU = CPU, one training step', () => {
  const strategies: Strategy[] = ['single-workgroup', 'per-kernel'];
  for (const a of ['linear', 'relu', 'sigmoid', 'tanh', 'softmax', 'leaky_relu', 'elu', 'selu', 'softplus', 'gelu', 'swish'] as const) {
    it(`activation ${a}`, async () => {
      for (const s of strategies) await compare(caseWith(a, a, 'mse', adam), s);
    });
  }
  for (const l of ['mse', 'mae', 'huber', 'binary_crossentropy', 'categorical_crossentropy', 'sparse_categorical_crossentropy'] as const) {
    it(`loss ${l}`, async () => {
      for (const s of strategies) await compare(caseWith(l, 'relu', l, adam), s);
    });
  }
  for (const o of optimizers) {
    it(`optimizer ${o.kind}${o.kind === 'sgd' && o.momentum ? ' momentum' : ''}`, async () => {
      for (const s of strategies) await compare(caseWith(o.kind, 'tanh', 'mse', o), s, 2);
    });
  }
  for (let seed = 1; seed <= 6; seed++) {
    const c = randomCase(seed);
    it(`random network ${c.name}, two steps`, async () => {
      for (const s of strategies) await compare(c, s, 2);
    });
  }
});

describe.skipIf(!gpu)('GPU = CPU with each matmul tile (16x16, and 32x32 and 64x64 with outputs in registers)', () => {
  const c = caseWith('wide', 'relu', 'categorical_crossentropy', adam);
  c.model = model('m', [dense('dense', 80, 96, 'relu'), dense('dense_1', 96, 3, 'softmax')]);
  const data = randomTable(230, 80, 6, (x) => [x[0]! + x[1]! < -0.3 ? 0 : x[0]! + x[1]! < 0.3 ? 1 : 2], ['0', '1', '2']);
  const { plan } = compileModel(c.model, c.config, { verify: true });
  for (const [tile, registers] of [[16, 'acc'], [32, 'acc11'], [64, 'acc33']] as const) {
    it(`an 80-96-3 network, batches of 100, partial tiles at every edge: tile ${tile}`, async () => {
      // every matmul of the step takes the forced form (registers named accRC hold an RxR block)
      const matmuls = emitWgsl(plan, { maxRows: 100, strategy: 'per-kernel', matmulTile: tile, coDispatch: false }).schedules.train.kernels.filter((k) => k.wgsl.includes('tile_a'));
      expect(matmuls.length).toBe(5);
      for (const k of matmuls) expect(k.wgsl, k.name).toMatch(new RegExp(`var ${registers}: f32`));
      await compareSteps(gpu!, c.model, c.config, data, 'per-kernel', 2, `wide, tile ${tile}`, 100, tile);
    });
  }
});

describe.skipIf(!gpu)('GPU = CPU on a device with too few storage bindings for the shared layout', () => {
  it('binds each kernel through its own layout (4 storage buffers per stage), with the same results', async () => {
    const narrow: GpuContext = Object.create(gpu!, { limits: { value: { ...gpu!.limits, maxStorageBuffersPerShaderStage: 4 } } });
    const c = caseWith('narrow', 'relu', 'categorical_crossentropy', adam);
    const data = randomTable(40, 4, 6, (x) => [x[0]! + x[1]! < -0.3 ? 0 : x[0]! + x[1]! < 0.3 ? 1 : 2], ['0', '1', '2']);
    c.model = model('m', [dense('dense', 4, 8, 'relu'), dense('dense_1', 8, 3, 'softmax')]);
    const { plan } = compileModel(c.model, c.config, { verify: true });
    for (const [context, layout] of [[narrow, 'per-kernel'], [gpu!, 'shared']] as const) {
      const executor = await WebGpuExecutor.create(plan, context, 8);
      expect(executor.bindingLayout).toBe(layout);
      executor.dispose();
    }
    for (const strategy of ['per-kernel', 'single-workgroup'] as const) await compareSteps(narrow, c.model, c.config, data, strategy, 2, `narrow ${strategy}`, 8);
  });
});

describe.skipIf(!gpu)('GPU = CPU when a dispatch has more workgroups than one dimension allows', () => {
  // With 4 workgroups per dimension, the runtime dispatches (4, n) for more: the 48-column layer's
  // matmul tiles (8x8 where a workgroup has 128 invocations) and bias-gradient column groups (4
  // columns each) are found from the flat workgroup index, not from the x id alone.
  it('a 4-12-48-1 network, per kernel', async () => {
    const small: GpuContext = Object.create(gpu!, { limits: { value: { ...gpu!.limits, maxComputeWorkgroupsPerDimension: 4, maxComputeInvocationsPerWorkgroup: 128 } } });
    const m = model('m', [dense('dense', 4, 12, 'relu'), dense('dense_1', 12, 48, 'relu'), dense('dense_2', 48, 1, 'linear')]);
    const config = { loss: loss('mse'), optimizer: adam, metrics: [] };
    const { plan } = compileModel(m, config);
    const train = emitWgsl(plan, { maxRows: 16, strategy: 'per-kernel', limits: small.limits }).schedules.train.kernels;
    expect(train.some((k) => !k.dispatch.parts && Math.ceil((k.dispatch.x.perRow * 16 + k.dispatch.x.fixed) / k.dispatch.x.per) > 4)).toBe(true);
    const data = randomTable(37, 4, 3, (x) => [x[0]! - x[1]!]);
    await compareSteps(small, m, config, data, 'per-kernel', 2, 'split', 16);
  });
});

describe.skipIf(!gpu)('the single-workgroup shader on a copy of the arena in workgroup memory', () => {
  it('gives the bits it gives with the arena in device memory, over steps and dispatches', async () => {
    const c = caseWith('copy', 'relu', 'categorical_crossentropy', adam);
    const { plan } = compileModel(c.model, c.config);
    const data = randomTable(29, c.model.inputDim, 3, c.labels, ['0', '1', '2']);
    const labels = encodeLabels(data, plan.io.labelEncoding);
    const perm = Uint32Array.from({ length: data.rows }, (_, i) => (i * 7) % data.rows);
    const weights: Float32Array[][] = [];
    for (const workgroupArena of [true, false]) {
      const wg = await WebGpuExecutor.create(plan, gpu!, 8, { strategy: 'single-workgroup', workgroupArena });
      expect(wg.program.schedules.train.kernels[0]!.arenaInWorkgroup ?? false).toBe(workgroupArena);
      for (const [id, v] of initialParameters(plan, 3)) wg.write(id, v);
      wg.bindData({ key: 'd', rows: data.rows, features: data.features, labels });
      wg.setPermutation(perm);
      // two epochs of 4 steps (the last short), each epoch one dispatch
      for (let epoch = 0; epoch < 2; epoch++) wg.run('train', Array.from({ length: 4 }, (_, k) => ({ offset: k * 8, rows: Math.min(8, data.rows - k * 8), step: epoch * 4 + k + 1 })), 5);
      weights.push(await Promise.all(plan.buffers.filter((b) => b.role === 'param' || b.role === 'state').map((b) => wg.read(b.id))));
      wg.dispose();
    }
    expect(weights[0]).toEqual(weights[1]);
    expect(weights[0]!.some((w) => w.some((v) => v !== 0))).toBe(true);
  });
});
