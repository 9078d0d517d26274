// Shared by the training-core tests: hand-built models and data, and the float64 gradient check.
import type { Activation, DenseLayer, Layer, Loss, Metric, Model, Optimizer } from '../../compiler/program.js';
import type { Span } from '../../base/source.js';
import type { Table } from '../../base/data/dataset.js';
import { RandomStream } from '../../base/rng.js';

export const span: Span = { file: 'test.nn', line: 1, col: 1, endLine: 1, endCol: 2, offset: 0, endOffset: 1 };

export function dense(name: string, inputDim: number, units: number, activation: Activation['name'] = 'linear', extra: Partial<DenseLayer> = {}): DenseLayer {
  return {
    kind: 'Dense',
    name,
    span,
    inputShape: [inputDim],
    outputShape: [units],
    units,
    activation: { name: activation, alpha: activation === 'leaky_relu' ? 0.2 : activation === 'elu' ? 1 : 0 },
    useBias: true,
    kernelInitializer: { name: 'glorot_uniform' },
    biasInitializer: { name: 'zeros' },
    ...extra,
  };
}

export function model(name: string, layers: Layer[]): Model {
  const params = layers.reduce((n, l) => n + (l.kind === 'Dense' ? l.inputShape[0]! * l.units + (l.useBias ? l.units : 0) : 0), 0);
  const inputShape = layers[0]!.inputShape;
  const outputShape = layers.at(-1)!.outputShape;
  return { name, span, inputShape, outputShape, inputDim: inputShape[0]!, outputDim: outputShape[0]!, layers, trainableParams: params, nonTrainableParams: 0 };
}

export function loss(name: Loss['name'], delta = 1): Loss {
  return { name, delta, span };
}

export function metric(key: string, kind: Metric['kind']): Metric {
  return { key, kind, span };
}

export const adam: Optimizer = { kind: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/** A table from plain rows: the first `featureDim` values are features, the rest labels. */
export function table(rows: number[][], featureDim: number, classes: string[] | null = null): Table {
  const labelColumns = rows[0]!.length - featureDim;
  return {
    rows: rows.length,
    featureDim,
    features: Float32Array.from(rows.flatMap((r) => r.slice(0, featureDim))),
    labelColumns,
    labels: Float32Array.from(rows.flatMap((r) => r.slice(featureDim))),
    classes,
    stringLabels: false,
    featureNames: null,
    labelNames: null,
  };
}

/** Random rows for a synthetic problem (features in [-1, 1]); labels made by `label`. */
export function randomTable(n: number, featureDim: number, seed: number, label: (x: number[]) => number[], classes: string[] | null = null): Table {
  const rng = new RandomStream(seed, 77);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const x = Array.from({ length: featureDim }, () => rng.range(-1, 1));
    rows.push([...x, ...label(x)]);
  }
  return table(rows, featureDim, classes);
}
