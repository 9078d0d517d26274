// The GPU runs the same plan as the CPU: one training step on random networks (every activation,
// loss and optimizer among them), both GPU strategies, agrees with the CPU interpreter to 1e-5.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import type { Strategy } from '../../compiler/wgsl/emit.js';
import type { Activation, Loss, Optimizer } from '../../compiler/program.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import type { Executor } from '../../runtime/executor.js';
import { encodeLabels } from '../../runtime/session.js';
import { RandomStream } from '../../runtime/rng.js';
import { WebGpuExecutor } from '../../runtime/webgpu/executor.js';
import { gpuForTests } from '../helpers/gpu.js';
import { optimizers, randomCase, type Case } from '../core/cases.js';
import { adam, dense, loss, metric, model, randomTable } from '../core/helpers.js';

const gpu = await gpuForTests();

/** Runs `steps` training steps from the same start on CPU and GPU; returns both executors' buffers. */
async function compare(c: Case, strategy: Strategy, steps = 1): Promise<void> {
  const data = randomTable(13, c.model.inputDim, 3, c.labels, ['0', '1', '2']);
  const { plan } = compileModel(c.model, c.config);
  const cpu = new CpuExecutor(plan);
  const wg = await WebGpuExecutor.create(plan, gpu!, 8, strategy);
  const rng = new RandomStream(42, 5);
  for (const b of plan.buffers) {
    if (b.role !== 'param' && b.role !== 'state') continue;
    const n = (b.rows as number) * b.cols;
    const v = b.role === 'param' ? Float32Array.from({ length: n }, () => rng.range(-0.7, 0.7)) : new Float32Array(n).fill(b.fill ?? 0);
    for (const e of [cpu, wg] as Executor[]) e.write(b.id, v);
  }
  const labels = encodeLabels(data, plan.io.labelEncoding);
  const perm = Uint32Array.from({ length: data.rows }, (_, i) => (i * 5) % data.rows);
  const args = Array.from({ length: steps }, (_, k) => ({ offset: k * 8, rows: Math.min(8, data.rows - k * 8), step: k + 1 }));
  for (const e of [cpu, wg] as Executor[]) {
    e.bindData({ key: 'd', rows: data.rows, features: data.features, labels });
    e.setPermutation(perm);
    e.run('train', args, 9);
  }
  let compared = 0;
  for (const b of plan.buffers) {
    if (b.role !== 'param' && b.role !== 'state') continue;
    const want = await cpu.read(b.id);
    const got = await wg.read(b.id);
    // Relative to the tensor's size (max norm): Adam's m / sqrt(v) turns a last-bit difference in a
    // near-zero gradient into a visible one for that element alone, while the tensor agrees.
    const scale = Math.max(...Array.from(want, Math.abs), 1e-6);
    // The step's result, the parameters, must agree to 1e-5; optimizer moments square the gradient
    // (v ~ g^2) and so double its relative difference: they get 1e-4.
    const relative = b.role === 'param' ? 1e-5 : 1e-4;
    for (let k = 0; k < want.length; k++) {
      const tolerance = relative * scale;
      expect(Math.abs(got[k]! - want[k]!), `${c.name} [${strategy}]: ${b.name}[${k}] gpu ${got[k]} cpu ${want[k]}`).toBeLessThanOrEqual(tolerance);
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(0);
  wg.dispose();
}

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
