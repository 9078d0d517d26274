// Pass: lowerToGraph — a checked model and its compile settings become the graph of one step
// (train, evaluate or predict): the forward pass, the loss, the metrics and the epoch accumulators.
// Gradients and the optimizer update are added by later passes (differentiate, applyOptimizer).
import type { Activation, Layer, Loss, Metric, Model } from './program.js';
import type { Span } from '../base/source.js';
import { GraphBuilder, type Graph, type StepKind } from './graph/ir.js';
import { Stream } from '../base/rng.js';
import { metricParts, partKey } from './metrics.js';

/** What the model is compiled with: the parts of a `compile` statement the graph needs. */
export interface CompileSettings {
  loss: Loss;
  metrics: Metric[];
  /** The compile statement, for the accumulation kernels' origin. */
  span?: Span;
}

/** How a dataset's label columns become the `labels` input of a step. */
export type LabelEncoding =
  /** Class indices turned into one-hot rows of `classes` columns (categorical_crossentropy). */
  | { kind: 'one_hot'; classes: number }
  /** Class indices as they are, one column (sparse_categorical_crossentropy). */
  | { kind: 'index' }
  /** The label columns as stored (binary targets, regression targets). */
  | { kind: 'raw'; cols: number };

export function labelEncoding(model: Pick<Model, 'outputDim'>, loss: Pick<Loss, 'name'>): LabelEncoding {
  if (loss.name === 'categorical_crossentropy') return { kind: 'one_hot', classes: model.outputDim };
  if (loss.name === 'sparse_categorical_crossentropy') return { kind: 'index' };
  return { kind: 'raw', cols: model.outputDim };
}

export function labelColumns(encoding: LabelEncoding): number {
  return encoding.kind === 'one_hot' ? encoding.classes : encoding.kind === 'index' ? 1 : encoding.cols;
}

/** Names of the state buffers a step keeps across steps: epoch sums of loss and metrics. */
export function accumulatorName(step: StepKind, key: string): string {
  return `${step}/sum/${key}`;
}
/** The first step whose loss was not finite (0 while all were): TerminateOnNaN. */
export const NON_FINITE_STEP = 'train/first_non_finite_step';

const EPSILON = 1e-7;

export function lowerToGraph(model: Model, settings: CompileSettings | null, step: StepKind): Graph {
  const b = GraphBuilder.create(step);
  const training = step === 'train';
  const x = b.input('features', model.inputDim);

  // Forward. The last layer's activation is kept apart: a sigmoid or softmax output feeds the loss
  // its logits (the stable form) while the prediction is the activation's value.
  let h = x;
  let logits: number | null = null;
  let outputActivation: Activation | null = null;
  model.layers.forEach((layer, index) => {
    b.within({ what: layer.name, span: layer.span }, () => {
      const isLast = index === model.layers.length - 1;
      h = lowerLayer(b, layer, h, training, index, isLast, (z, act) => {
        logits = z;
        outputActivation = act;
      });
    });
  });
  const prediction = h;
  b.graph.outputs.prediction = prediction;
  if (step === 'predict' || !settings) return b.graph;

  const encoding = labelEncoding(model, settings.loss);
  const y = b.input('labels', labelColumns(encoding));
  const loss = b.within({ what: 'loss', span: settings.loss.span }, () =>
    lowerLoss(b, settings.loss, prediction, logits, outputActivation, y),
  );
  b.graph.outputs.loss = loss;
  for (const metric of settings.metrics) {
    b.within({ what: `metric:${metric.key}`, span: metric.span }, () => {
      for (const [part, perRow] of metricParts(b, metric, prediction, y, encoding)) b.graph.outputs.metrics[partKey(metric.key, part)] = perRow;
    });
  }

  // Epoch sums, kept in state buffers so a whole epoch runs without reading anything back: one
  // number for the loss and most metrics, a row of them for counts kept per class or threshold.
  b.within({ what: 'accumulate', ...(settings.span ? { span: settings.span } : {}) }, () => {
    const sums: Array<[string, number]> = [['loss', loss], ...Object.entries(b.graph.outputs.metrics)];
    for (const [key, perRow] of sums) {
      const acc = b.state(accumulatorName(step, key), [1, b.shape(perRow).at(-1) as number]);
      const batchSum = b.reduce('sum', 'rows', perRow);
      b.graph.updates.push({ target: acc, value: b.add2(acc, batchSum) });
      if (key === 'loss' && training) {
        const flag = b.state(NON_FINITE_STEP, [1, 1]);
        const bad = b.sub(b.constant(1), b.map('is_finite', [batchSum]));
        const next = b.map('select', [flag, flag, b.mul(bad, b.uniform('step'))]);
        b.graph.updates.push({ target: flag, value: next });
      }
    }
  });
  return b.graph;
}

type OutputSink = (logits: number, activation: Activation) => void;

function lowerLayer(
  b: GraphBuilder,
  layer: Layer,
  h: number,
  training: boolean,
  index: number,
  isLast: boolean,
  output: OutputSink,
): number {
  switch (layer.kind) {
    case 'Dense': {
      const kernel = b.param(`${layer.name}/kernel`, [layer.inputDim, layer.units], layer.kernelInitializer, layer.inputDim, layer.units);
      let z = b.matmul(h, kernel);
      if (layer.useBias) {
        const bias = b.param(`${layer.name}/bias`, [1, layer.units], layer.biasInitializer, layer.inputDim, layer.units);
        z = b.add2(z, bias);
      }
      if (isLast) output(z, layer.activation);
      return applyActivation(b, layer.activation, z);
    }
    case 'Activation':
      if (isLast) output(h, layer.activation);
      return applyActivation(b, layer.activation, h);
    case 'Dropout': {
      if (!training || layer.rate === 0) return h;
      const keep = b.map('ge', [b.random(b.node(h).shape, Stream.dropout + index), b.constant(layer.rate)]);
      return b.mul(b.mul(h, keep), b.constant(1 / (1 - layer.rate)));
    }
    case 'Normalization': {
      // Keras: (x - mean) / max(sqrt(variance), epsilon); mean and variance are adapted, not trained.
      const mean = b.state(`${layer.name}/mean`, [1, layer.inputDim], 0);
      const variance = b.state(`${layer.name}/variance`, [1, layer.inputDim], 1);
      const std = b.map('max', [b.map('sqrt', [variance]), b.constant(EPSILON)]);
      return b.div(b.sub(h, mean), std);
    }
  }
}

export function applyActivation(b: GraphBuilder, act: Activation, z: number): number {
  switch (act.name) {
    case 'linear':
      return z;
    case 'softmax':
      return b.softmax(z);
    case 'leaky_relu':
    case 'elu':
      return b.map(act.name, [z], act.alpha);
    default:
      return b.map(act.name, [z]);
  }
}

function lowerLoss(
  b: GraphBuilder,
  loss: Loss,
  p: number,
  logits: number | null,
  act: Activation | null,
  y: number,
): number {
  const fromSigmoid = logits !== null && act?.name === 'sigmoid';
  const fromSoftmax = logits !== null && act?.name === 'softmax';
  switch (loss.name) {
    case 'mse':
      return b.meanCols(b.map('square', [b.sub(p, y)]));
    case 'mae':
      return b.meanCols(b.map('abs', [b.sub(p, y)]));
    case 'huber':
      return b.meanCols(b.map('huber', [b.sub(p, y)], loss.delta));
    case 'binary_crossentropy': {
      if (fromSigmoid) return b.meanCols(b.map('bce_logits', [logits!, y]));
      const pc = b.map('clip_prob', [p], EPSILON);
      const one = b.constant(1);
      const ll = b.add2(b.mul(y, b.map('log', [pc])), b.mul(b.sub(one, y), b.map('log', [b.sub(one, pc)])));
      return b.meanCols(b.map('neg', [ll]));
    }
    case 'categorical_crossentropy': {
      if (fromSoftmax) return b.cceLogits(logits!, y);
      return crossEntropyOfProbabilities(b, p, y);
    }
    case 'sparse_categorical_crossentropy': {
      if (fromSoftmax) return b.sparseCceLogits(logits!, y);
      return crossEntropyOfProbabilities(b, p, b.oneHot(y, b.shape(p).at(-1) as number));
    }
  }
}

/** Keras' probability form: p / sum(p), clipped to [eps, 1 - eps], then -sum(y log p). */
function crossEntropyOfProbabilities(b: GraphBuilder, p: number, oneHot: number): number {
  const normalized = b.div(p, b.reduce('sum', 'cols', p));
  const logp = b.map('log', [b.map('clip_prob', [normalized], EPSILON)]);
  return b.map('neg', [b.reduce('sum', 'cols', b.mul(oneHot, logp))]);
}
