// The kernel plan (lowered, then fused) run by the CPU interpreter must compute what the graph
// means: one training step on random networks against the float64 graph evaluator.
import { describe, expect, it } from 'vitest';
import { compileModel, type CompileConfig } from '../../compiler/driver.js';
import { evaluateGraph, matrix, type Matrix } from '../../compiler/graph/evaluate.js';
import type { Layer, Loss, Model, Optimizer } from '../../compiler/program.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import { encodeLabels } from '../../runtime/session.js';
import { RandomStream } from '../../runtime/rng.js';
import { dense, loss, metric, model, randomTable, span } from './helpers.js';

const optimizers: Optimizer[] = [
  { kind: 'sgd', learningRate: 0.1, momentum: 0, nesterov: false },
  { kind: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: true },
  { kind: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  { kind: 'adamw', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0.004 },
  { kind: 'rmsprop', learningRate: 0.01, rho: 0.9, momentum: 0.5, epsilon: 1e-7 },
  { kind: 'adagrad', learningRate: 0.05, initialAccumulatorValue: 0.1, epsilon: 1e-7 },
];

interface Case {
  name: string;
  model: Model;
  config: CompileConfig;
  labels: (x: number[]) => number[];
}

function randomCase(seed: number): Case {
  const rng = new RandomStream(seed, 1);
  const pick = <T>(xs: readonly T[]) => xs[rng.int(xs.length)]!;
  const inputDim = 2 + rng.int(5);
  const hidden = 2 + rng.int(7);
  const acts = ['relu', 'sigmoid', 'tanh', 'leaky_relu', 'elu', 'selu', 'softplus', 'gelu', 'swish', 'linear'] as const;
  const head = pick(['binary', 'softmax', 'sparse', 'regression', 'huber', 'mae'] as const);
  const classes = head === 'binary' ? 1 : head === 'regression' || head === 'huber' || head === 'mae' ? 1 + rng.int(3) : 3;
  const layers: Layer[] = [dense('dense', inputDim, hidden, pick(acts))];
  if (rng.next() < 0.5) layers.push({ kind: 'Dropout', name: 'dropout', span, inputDim: hidden, outputDim: hidden, rate: 0.25 });
  const outAct = head === 'binary' ? 'sigmoid' : head === 'softmax' || head === 'sparse' ? 'softmax' : 'linear';
  layers.push(dense('dense_1', hidden, classes, outAct));
  const lossName: Loss['name'] =
    head === 'binary' ? 'binary_crossentropy' : head === 'softmax' ? 'categorical_crossentropy' : head === 'sparse' ? 'sparse_categorical_crossentropy' : head === 'huber' ? 'huber' : head === 'mae' ? 'mae' : 'mse';
  const metrics = head === 'binary' ? [metric('accuracy', 'binary_accuracy')] : head === 'softmax' || head === 'sparse' ? [metric('accuracy', head === 'sparse' ? 'sparse_categorical_accuracy' : 'categorical_accuracy')] : [metric('mae', 'mae')];
  const labels = (x: number[]) => {
    const s = x.reduce((a, b, i) => a + b * (i + 1), 0);
    if (head === 'binary') return [s > 0 ? 1 : 0];
    if (head === 'softmax' || head === 'sparse') return [s < -0.5 ? 0 : s < 0.5 ? 1 : 2];
    return Array.from({ length: classes }, (_, j) => Math.sin(s + j));
  };
  return { name: `seed ${seed}: ${layers.map((l) => (l.kind === 'Dense' ? `Dense(${l.units},${l.activation.name})` : l.kind)).join(' ')} ${lossName} ${optimizers[seed % optimizers.length]!.kind}`, model: model('m', layers), config: { loss: loss(lossName, 0.8), optimizer: optimizers[seed % optimizers.length]!, metrics }, labels };
}

/** One training step on the CPU interpreter, and the same step in float64 on the graph. */
function compareOneStep(c: Case, fuse: boolean): void {
  const data = randomTable(7, c.model.inputDim, 3, c.labels, ['0', '1', '2']);
  const { graphs, plan } = compileModel(c.model, c.config, { fuse });
  const exec = new CpuExecutor(plan);
  const rng = new RandomStream(42, 5);
  const values = new Map<string, Matrix>();
  for (const b of plan.buffers) {
    if (b.role !== 'param' && b.role !== 'state') continue;
    const n = (b.rows as number) * b.cols;
    const v = b.role === 'param' ? Float32Array.from({ length: n }, () => rng.range(-0.7, 0.7)) : new Float32Array(n).fill(b.fill ?? 0);
    exec.write(b.id, v);
    values.set(b.name, matrix(b.rows as number, b.cols, v));
  }
  const labels = encodeLabels(data, plan.io.labelEncoding);
  exec.bindData({ key: 'd', rows: data.rows, features: data.features, labels });
  exec.setPermutation(Uint32Array.from({ length: data.rows }, (_, i) => i));
  exec.run('train', [{ offset: 0, rows: data.rows, step: 3 }], 9);

  const train = graphs.train!;
  const results = evaluateGraph(train, {
    features: matrix(data.rows, data.featureDim, data.features),
    labels: matrix(data.rows, labels.length / data.rows, labels),
    values,
    step: 3,
    seed: 9,
  });
  let compared = 0;
  for (const u of train.updates) {
    const op = train.nodes[u.target]!.op;
    if (op.kind !== 'param' && op.kind !== 'state') continue;
    const buf = plan.buffers.find((b) => b.name === op.name)!;
    const got = exec.view(buf.id);
    const want = results[u.value]!.data;
    for (let k = 0; k < want.length; k++) {
      const w = want[k]!;
      expect(Math.abs(got[k]! - w), `${c.name}: ${op.name}[${k}] ${got[k]} vs ${w}`).toBeLessThanOrEqual(2e-5 * Math.max(1, Math.abs(w)));
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(0);
}

describe('plan on the CPU = graph in float64, one training step', () => {
  for (let seed = 1; seed <= 24; seed++) {
    const c = randomCase(seed);
    it(`unfused: ${c.name}`, () => compareOneStep(c, false));
    it(`fused: ${c.name}`, () => compareOneStep(c, true));
  }
});
