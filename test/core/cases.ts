// Random small networks for the agreement tests: every activation, head, loss and optimizer.
import type { CompileConfig } from '../../compiler/driver.js';
import type { Layer, Loss, Model, Optimizer } from '../../compiler/program.js';
import { RandomStream } from '../../base/rng.js';
import { dense, loss, metric, model, span } from './helpers.js';

export const optimizers: Optimizer[] = [
  { kind: 'sgd', learningRate: 0.1, momentum: 0, nesterov: false },
  { kind: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: true },
  { kind: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  { kind: 'adamw', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0.004 },
  { kind: 'rmsprop', learningRate: 0.01, rho: 0.9, momentum: 0.5, epsilon: 1e-7 },
  { kind: 'adagrad', learningRate: 0.05, initialAccumulatorValue: 0.1, epsilon: 1e-7 },
  { kind: 'nadam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  { kind: 'adamax', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  { kind: 'adadelta', learningRate: 1.0, rho: 0.95, epsilon: 1e-7 },
  { kind: 'lion', learningRate: 0.001, beta1: 0.9, beta2: 0.99 },
  { kind: 'ftrl', learningRate: 0.05, learningRatePower: -0.5, initialAccumulatorValue: 0.1, l1: 0.01, l2: 0.01, l2Shrinkage: 0.01, beta: 0.1 },
  { kind: 'ftrl', learningRate: 0.05, learningRatePower: -0.3, initialAccumulatorValue: 0.1, l1: 0, l2: 0, l2Shrinkage: 0, beta: 0 },
];

export interface Case {
  name: string;
  model: Model;
  config: CompileConfig;
  labels: (x: number[]) => number[];
}

export function randomCase(seed: number): Case {
  const rng = new RandomStream(seed, 1);
  const pick = <T>(xs: readonly T[]) => xs[rng.int(xs.length)]!;
  const inputDim = 2 + rng.int(5);
  const hidden = 2 + rng.int(7);
  const acts = ['relu', 'sigmoid', 'tanh', 'leaky_relu', 'elu', 'selu', 'softplus', 'gelu', 'swish', 'linear'] as const;
  const head = pick(['binary', 'softmax', 'sparse', 'regression', 'huber', 'mae'] as const);
  const classes = head === 'binary' ? 1 : head === 'regression' || head === 'huber' || head === 'mae' ? 1 + rng.int(3) : 3;
  const layers: Layer[] = [dense('dense', inputDim, hidden, pick(acts))];
  if (rng.next() < 0.5) layers.push({ kind: 'Dropout', name: 'dropout', span, inputShape: [hidden], outputShape: [hidden], rate: 0.25 });
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

