// The GPU runs the same plan as the CPU: one training step on random networks (every activation,
// loss and optimizer among them), both GPU strategies, agrees with the CPU interpreter to 1e-5.
import { describe, expect, it } from 'vitest';
import { emitWgsl, type Strategy } from '../../compiler/wgsl/emit.js';
import { compileModel } from '../../compiler/driver.js';
import type { Activation, Loss, Optimizer } from '../../compiler/program.js';
import { gpuForTests } from '../helpers/gpu.js';
import { optimizers, randomCase, type Case } from '../core/cases.js';
import { adam, dense, loss, metric, model, randomTable } from '../core/helpers.js';
import { compareSteps } from './compare.js';

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

describe.skipIf(!gpu)('GPU = CPU with register-tiled matmuls (both output sides of 64 or more)', () => {
  it('an 80-96-3 network, batches of 100, partial tiles at every edge', async () => {
    const c = caseWith('wide', 'relu', 'categorical_crossentropy', adam);
    c.model = model('m', [dense('dense', 80, 96, 'relu'), dense('dense_1', 96, 3, 'softmax')]);
    const data = randomTable(230, 80, 6, (x) => [x[0]! + x[1]! < -0.3 ? 0 : x[0]! + x[1]! < 0.3 ? 1 : 2], ['0', '1', '2']);
    // the forward, backward and weight-gradient matmuls take the 64x64 register-tiled form
    const { plan } = compileModel(c.model, c.config);
    const tiled = emitWgsl(plan, { maxRows: 100, strategy: 'per-kernel' }).schedules.train.kernels.filter((k) => k.workgroupBytes === 2 * 64 * 16 * 4);
    expect(tiled.map((k) => k.name).sort()).toEqual(['train.dense.grad.matmul@1', 'train.dense.matmul@1', 'train.dense_1.grad.matmul@1']);
    await compareSteps(gpu!, c.model, c.config, data, 'per-kernel', 2, 'wide', 100);
  });
});
