// Pass: lowerToGraph — a checked model and its compile settings become the graph of one step
// (train, evaluate or predict): the forward pass, the loss, the metrics and the epoch accumulators.
// Gradients and the optimizer update are added by later passes (differentiate, applyOptimizer).
import type { Activation, BatchNormalizationLayer, Conv2DLayer, Layer, Loss, Metric, Model, Padding, Pooling2DLayer } from './program.js';
import { axisCoord, constCoord, type Coord } from './graph/index-map.js';
import type { Shape } from './graph/shape.js';
import { graphInputShape, samePadding } from './layers.js';
import type { Span } from '../base/source.js';
import { GraphBuilder, type Graph, type StepKind } from './graph/ir.js';
import { Stream } from '../base/rng.js';
import { metricParts, partKey } from './metrics.js';
import { isSequenceLayer, lowerConv1D, lowerSequenceLayer, type SequenceState } from './lower-sequence.js';

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
/** The lowest float32: what cells outside the input are in a max (they never win). */
const F32_MAX = 3.4028234663852886e38;

export function lowerToGraph(model: Model, settings: CompileSettings | null, step: StepKind): Graph {
  const b = GraphBuilder.create(step);
  const training = step === 'train';
  const x = b.input('features', graphInputShape(model));

  // Forward. The last layer's activation is kept apart: a sigmoid or softmax output feeds the loss
  // its logits (the stable form) while the prediction is the activation's value.
  let h = x;
  const sequences: SequenceState = { maskTokens: null };
  let logits: number | null = null;
  let outputActivation: Activation | null = null;
  const extents = extentsRead(model.layers);
  model.layers.forEach((layer, index) => {
    b.within({ what: layer.name, span: layer.span }, () => {
      const isLast = index === model.layers.length - 1;
      h = lowerLayer(b, layer, h, step, index, isLast, sequences, extents[index] ?? null, (z, act) => {
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
  step: StepKind,
  index: number,
  isLast: boolean,
  sequences: SequenceState,
  read: [number, number] | null,
  output: OutputSink,
): number {
  if (isSequenceLayer(layer)) return lowerSequenceLayer(b, layer, h, sequences);
  const training = step === 'train';
  const batch = (shape: number[]): Shape => ['B', ...shape];
  switch (layer.kind) {
    case 'Dense': {
      const inputs = layer.inputShape.at(-1)!;
      const kernel = b.param(`${layer.name}/kernel`, [inputs, layer.units], layer.kernelInitializer, inputs, layer.units);
      // on the last axis: a matrix product for rows, a contraction over the last axis otherwise
      const rank = layer.inputShape.length + 1;
      // out[.., u] = sum_f x[.., f] kernel[f, u]: the output's axes, then f
      const leading = Array.from({ length: rank - 1 }, (_, d) => axisCoord(d));
      let z = rank === 2 ? b.matmul(h, kernel) : b.contract(h, kernel, batch(layer.outputShape), [inputs], [...leading, axisCoord(rank)], [axisCoord(rank), axisCoord(rank - 1)]);
      if (layer.useBias) {
        const bias = b.param(`${layer.name}/bias`, [1, layer.units], layer.biasInitializer, inputs, layer.units);
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
      const dim = layer.inputShape[0]!;
      const mean = b.state(`${layer.name}/mean`, [1, dim], 0);
      const variance = b.state(`${layer.name}/variance`, [1, dim], 1);
      const std = b.map('max', [b.map('sqrt', [variance]), b.constant(EPSILON)]);
      return b.div(b.sub(h, mean), std);
    }
    case 'Conv2D':
      return lowerConv2D(b, layer, h, isLast, read, output);
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      return lowerPooling2D(b, layer, h, read);
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D': {
      const [height, width] = layer.inputShape as [number, number, number];
      const pooled = b.reshape(b.reduce(layer.kind === 'GlobalMaxPooling2D' ? 'max' : 'sum', [1, 2], h), batch(layer.outputShape));
      return layer.kind === 'GlobalMaxPooling2D' ? pooled : b.scale(pooled, 1 / (height * width));
    }
    case 'BatchNormalization':
      return lowerBatchNormalization(b, layer, h, training);
    case 'Rescaling': {
      const scaled = layer.scale === 1 ? h : b.scale(h, layer.scale);
      return layer.offset === 0 ? scaled : b.add2(scaled, b.constant(layer.offset));
    }
    case 'Reshape':
    case 'Flatten':
      return b.reshape(h, batch(layer.outputShape));
    case 'Conv1D': {
      const z = lowerConv1D(b, layer, h);
      if (isLast) output(z, layer.activation);
      return applyActivation(b, layer.activation, z);
    }
  }
}

/**
 * out[b, oh, ow, f] = sum over (i, j, c) of x[b, sh oh + i - ph, sw ow + j - pw, c] k[i, j, c, f]:
 * one contraction (an implicit GEMM: M = (b, oh, ow), N = f, K = (i, j, c)), the rows and columns
 * outside the input (padding="same") masked to read 0; then the bias and the activation.
 */
function lowerConv2D(b: GraphBuilder, layer: Conv2DLayer, h: number, isLast: boolean, read: [number, number] | null, output: OutputSink): number {
  // the input as computed (a layer before may compute fewer rows: extentsRead)
  const [, height, width, channels] = b.shape(h) as [string, number, number, number];
  const [fullHeight, fullWidth, filters] = layer.outputShape as [number, number, number];
  const [oh, ow] = read ?? [fullHeight, fullWidth];
  const [kh, kw] = layer.kernelSize;
  const [sh, sw] = layer.strides;
  const kernel = b.param(`${layer.name}/kernel`, [kh, kw, channels, filters], layer.kernelInitializer, kh * kw * channels, kh * kw * filters);
  const rows = windowCoord(1, 4, sh, kh, height, oh, layer.padding);
  const cols = windowCoord(2, 5, sw, kw, width, ow, layer.padding);
  // axes: b, oh, ow, f (output), then i, j, c (inner)
  let z = b.contract(h, kernel, ['B', oh, ow, filters], [kh, kw, channels], [axisCoord(0), rows, cols, axisCoord(6)], [axisCoord(4), axisCoord(5), axisCoord(6), axisCoord(3)]);
  if (layer.useBias) z = b.add2(z, b.param(`${layer.name}/bias`, [1, filters], layer.biasInitializer, kh * kw * channels, kh * kw * filters));
  if (isLast) output(z, layer.activation);
  return applyActivation(b, layer.activation, z);
}

/**
 * The rows and columns of each layer's output that the layers after it read, where that is fewer
 * than it has (null: all of it). A "valid" pooling drops what its last window does not reach
 * (Keras' floor: 11 rows pooled by 2 read 10), and a "valid" Conv2D or pooling reads
 * (rows - 1) * stride + window rows of its input for the rows it computes, so the crop travels back
 * through a chain of them: the convnet's first Conv2D computes 24 of its 26 rows, its pooling 12
 * of 13, the second Conv2D 10 of 11. Each then computes only those, and its gradients contract
 * over only those (the layer's output shape, in the summary and to the checker, stays Keras' own).
 * Only a "valid" window crops its input: a "same" one's padding depends on its input's size (it
 * may itself be cropped: its padding is from its input, which it reads whole).
 */
function extentsRead(layers: Layer[]): Array<[number, number] | null> {
  const extents: Array<[number, number] | null> = layers.map(() => null);
  for (let i = layers.length - 2; i >= 0; i--) {
    const layer = layers[i]!;
    const next = layers[i + 1]!;
    if (!isWindow(layer) || !isWindow(next) || next.padding !== 'valid') continue;
    const [height, width] = layer.outputShape as [number, number, number];
    const [oh, ow] = extents[i + 1] ?? (next.outputShape as [number, number, number]);
    const [kh, kw] = next.kind === 'Conv2D' ? next.kernelSize : next.poolSize;
    const rows = (oh - 1) * next.strides[0] + kh;
    const cols = (ow - 1) * next.strides[1] + kw;
    if (rows < height || cols < width) extents[i] = [Math.min(rows, height), Math.min(cols, width)];
  }
  return extents;
}

function isWindow(layer: Layer): layer is Conv2DLayer | Pooling2DLayer {
  return layer.kind === 'Conv2D' || layer.kind === 'MaxPooling2D' || layer.kind === 'AveragePooling2D';
}

/** The input row (or column) of output index `out` and window tap `tap`: stride * out + tap - padding, masked where it can leave the input. */
function windowCoord(out: number, tap: number, stride: number, window: number, size: number, outSize: number, padding: Padding): Coord {
  const before = padding === 'same' ? samePadding(size, window, stride).before : 0;
  const masked = before > 0 || (outSize - 1) * stride + window - before > size;
  return { terms: [[out, stride], [tap, 1]], bias: -before, ...(masked ? { masked: true } : {}) };
}

/**
 * Pooling: the windows as a view of the input (no copy), then a max or a sum over the window's
 * axes. Windows that tile the input (strides = pool size, "valid": Keras' default) are viewed as
 * [b, oh, i, ow, j, c], the input's own order, so the gradient is the input's shape again;
 * others as [b, oh, ow, i, j, c]. With "same", the cells outside the input never win a max and do
 * not count in a mean.
 */
function lowerPooling2D(b: GraphBuilder, layer: Pooling2DLayer, h: number, read: [number, number] | null): number {
  // the input as computed, and the output's rows and columns the next layer reads (extentsRead)
  const [, height, width, channels] = b.shape(h) as [string, number, number, number];
  const [oh, ow] = read ?? (layer.outputShape as [number, number, number]);
  const [ph, pw] = layer.poolSize;
  const [sh, sw] = layer.strides;
  const max = layer.kind === 'MaxPooling2D';
  const out: Shape = ['B', oh, ow, channels];
  if (layer.padding === 'valid' && sh === ph && sw === pw) {
    const windows = b.view(h, ['B', oh, ph, ow, pw, channels], [axisCoord(0), { terms: [[1, ph], [2, 1]], bias: 0 }, { terms: [[3, pw], [4, 1]], bias: 0 }, axisCoord(5)]);
    const pooled = b.reshape(b.reduce(max ? 'max' : 'sum', [2, 4], windows), out);
    return max ? pooled : b.scale(pooled, 1 / (ph * pw));
  }
  const rows = windowCoord(1, 3, sh, ph, height, oh, layer.padding);
  const cols = windowCoord(2, 4, sw, pw, width, ow, layer.padding);
  const windows = b.view(h, ['B', oh, ow, ph, pw, channels], [axisCoord(0), rows, cols, axisCoord(5)]);
  if (!rows.masked && !cols.masked) {
    const pooled = b.reshape(b.reduce(max ? 'max' : 'sum', [3, 4], windows), out);
    return max ? pooled : b.scale(pooled, 1 / (ph * pw));
  }
  // which cells of each window are inside the input: a view of ones, masked the same way
  const ones = b.broadcast(b.constant(1), [1, height, width, 1]);
  const inside = b.view(ones, [1, oh, ow, ph, pw, 1], [constCoord(0), rows, cols, constCoord(0)]);
  if (max) {
    const lowest = b.constant(-F32_MAX);
    return b.reshape(b.reduce('max', [3, 4], b.map('select', [inside, windows, lowest])), out);
  }
  const counts = b.reduce('sum', [3, 4], inside);
  return b.reshape(b.div(b.reduce('sum', [3, 4], windows), counts), out);
}

/**
 * Keras' BatchNormalization over the last axis: in fit, the batch's mean and (biased) variance
 * over every other axis, which also move the moving statistics (updates at the end of the step);
 * in evaluate and predict, the moving statistics. y = (x - mean) / sqrt(var + epsilon) * gamma + beta.
 */
function lowerBatchNormalization(b: GraphBuilder, layer: BatchNormalizationLayer, h: number, training: boolean): number {
  const channels = layer.inputShape.at(-1)!;
  const rank = layer.inputShape.length + 1;
  // per channel, as [1, C] (as Dense's bias): it broadcasts against [B, .., C]
  const movingMean = b.state(`${layer.name}/moving_mean`, [1, channels], 0);
  const movingVariance = b.state(`${layer.name}/moving_variance`, [1, channels], 1);
  let mean = movingMean;
  let variance = movingVariance;
  if (training) {
    const axes = Array.from({ length: rank - 1 }, (_, d) => d);
    const count = b.mul(b.uniform('rows'), b.constant(layer.inputShape.slice(0, -1).reduce((n, d) => n * d, 1)));
    mean = b.div(b.reduce('sum', axes, h), count);
    variance = b.div(b.reduce('sum', axes, b.map('square', [b.sub(h, mean)])), count);
    const move = (moving: number, batchValue: number) =>
      b.graph.updates.push({ target: moving, value: b.add2(b.scale(moving, layer.momentum), b.scale(b.reshape(batchValue, [1, channels]), 1 - layer.momentum)) });
    move(movingMean, mean);
    move(movingVariance, variance);
  }
  let y = b.div(b.sub(h, mean), b.map('sqrt', [b.add2(variance, b.constant(layer.epsilon))]));
  if (layer.scale) y = b.mul(y, b.param(`${layer.name}/gamma`, [1, channels], { name: 'ones' }, channels, channels));
  if (layer.center) y = b.add2(y, b.param(`${layer.name}/beta`, [1, channels], { name: 'zeros' }, channels, channels));
  return y;
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
