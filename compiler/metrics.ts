// Metrics, as Keras 3 computes them (keras/src/metrics/*.py), in two halves: the graph computes
// per-batch counts or values that the step adds into epoch sums ("parts", kept on the device, one
// state buffer each), and the host turns the sums into the logged number once it reads them
// (`finalizeMetric`). A mean metric (accuracies, mse, mae, mape, top-k) has one part, the per-row
// value, and is its sum over the rows; Precision, Recall, F1Score and AUC keep confusion counts
// (F1Score per class, AUC per threshold) and divide them at the end, as Keras' stateful metrics do.
import type { GraphBuilder } from './graph/ir.js';
import type { LabelEncoding } from './lower-to-graph.js';
import type { Metric, MetricKind } from './program.js';

/** Keras' backend.epsilon(). */
const EPSILON = 1e-7;

/** Where a metric's part is summed: `KEY` for a one-part metric, `KEY#PART` otherwise. */
export function partKey(key: string, part: string): string {
  return part === '' ? key : `${key}#${part}`;
}

/** Metrics whose value is better when higher (EarlyStopping and ModelCheckpoint in mode "auto"). */
export function metricIncreases(kind: MetricKind): boolean {
  return !['mse', 'mae', 'root_mean_squared_error', 'mape'].includes(kind);
}

/**
 * State buffers that hold constants the host writes when it initializes a model (`null` for any
 * other state): AUC's thresholds as bucket bounds (see aucParts).
 */
export function stateContents(name: string, length: number): Float32Array | null {
  if (!/^metric\/.*\/thresholds$/.test(name)) return null;
  const bounds = Float32Array.from({ length }, (_, i) => i);
  bounds[0] = -1; // the first threshold (-epsilon) counts every prediction
  return bounds;
}

/**
 * The per-row values of a metric's parts ([B, n] each; the step sums them over the rows into a
 * [1, n] state). `p`: the model's output [B, units]; `y`: the labels as the loss takes them.
 */
export function metricParts(b: GraphBuilder, metric: Metric, p: number, y: number, encoding: LabelEncoding): Array<[string, number]> {
  const c = (v: number) => b.constant(v);
  const units = b.shape(p).at(-1) as number;
  /** The labels as one column per unit (class indices become one-hot rows). */
  const dense = () => (encoding.kind === 'index' ? b.oneHot(y, units) : y);
  switch (metric.kind) {
    case 'binary_accuracy':
      return [['', b.meanCols(b.map('eq', [b.map('gt', [p, c(metric.options?.threshold ?? 0.5)]), y]))]];
    case 'categorical_accuracy':
    case 'sparse_categorical_accuracy': {
      // Labels of one column per unit (one-hot, or several binary targets) compare their argmax
      // with the output's, the first on ties as Keras' argmax; class-index labels (a sparse loss)
      // are the index already, whichever of the two is asked for.
      const truth = encoding.kind === 'index' ? y : b.argmax(y);
      return [['', b.map('eq', [truth, b.argmax(p)])]];
    }
    case 'mse':
    case 'root_mean_squared_error':
      return [['', b.meanCols(b.map('square', [b.sub(p, y)]))]];
    case 'mae':
      return [['', b.meanCols(b.map('abs', [b.sub(p, y)]))]];
    case 'mape': {
      // 100 * mean(|y - p| / max(|y|, epsilon))
      const ratio = b.div(b.map('abs', [b.sub(y, p)]), b.map('max', [b.map('abs', [y]), c(EPSILON)]));
      return [['', b.scale(b.meanCols(ratio), 100)]];
    }
    case 'top_k_categorical_accuracy': {
      // in_top_k as TensorFlow has it: the true class is in the top k when fewer than k classes
      // score strictly higher (classes tied at the k-th place all count as in it).
      const truth = b.reduce('sum', 'cols', b.mul(p, encoding.kind === 'index' ? b.oneHot(y, units) : b.oneHot(b.argmax(y), units)));
      const higher = b.reduce('sum', 'cols', b.map('gt', [p, truth]));
      return [['', b.map('gt', [c(metric.options?.k ?? 5), higher])]];
    }
    case 'precision':
    case 'recall': {
      // Every output unit is a binary prediction (Keras flattens y and p): positive when p > threshold.
      const positive = b.map('gt', [p, c(metric.options?.threshold ?? 0.5)]);
      const truth = b.sub(c(1), b.map('eq', [dense(), c(0)]));
      const tp = b.reduce('sum', 'cols', b.mul(positive, truth));
      if (metric.kind === 'precision') return [['tp', tp], ['fp', b.reduce('sum', 'cols', b.mul(positive, b.sub(c(1), truth)))]];
      return [['tp', tp], ['fn', b.reduce('sum', 'cols', b.mul(b.sub(c(1), positive), truth))]];
    }
    case 'f1_score': {
      // Per class: a prediction is 1 where p > threshold, or (threshold null) where p is its row's
      // maximum and not 0 (keras/src/metrics/f_score_metrics.py).
      const threshold = metric.options?.threshold ?? null;
      const predicted =
        threshold === null ? b.mul(b.map('ge', [p, b.reduce('max', 'cols', p)]), b.map('gt', [b.map('abs', [p]), c(1e-9)])) : b.map('gt', [p, c(threshold)]);
      const truth = dense();
      return [
        ['tp', b.mul(predicted, truth)],
        ['fp', b.mul(predicted, b.sub(c(1), truth))],
        ['fn', b.mul(b.sub(c(1), predicted), truth)],
        ['support', truth],
      ];
    }
    case 'auc':
      return aucParts(b, metric, p, dense());
  }
}

/**
 * AUC's counts per threshold, as Keras' evenly spaced thresholds count them
 * (metrics_utils._update_confusion_matrix_variables_optimized): with T thresholds, p (clipped to
 * [0, 1], every unit a prediction of its own) counts as positive at threshold i when
 * p (T - 1) > i, and always at i = 0 (the -epsilon threshold). The bounds i are a [1, T] state the
 * host fills (stateContents); tp and fp are summed per threshold, fn and tn follow from tp[0], fp[0].
 */
function aucParts(b: GraphBuilder, metric: Metric, p: number, y: number): Array<[string, number]> {
  const c = (v: number) => b.constant(v);
  const T = metric.options?.numThresholds ?? 200;
  const bounds = b.state(`metric/${metric.key}/thresholds`, [1, T]);
  const scaled = b.mul(b.map('max', [b.map('min', [p, c(1)]), c(0)]), c(T - 1));
  const truth = b.sub(c(1), b.map('eq', [y, c(0)]));
  const units = b.shape(p).at(-1) as number;
  let tp: number | null = null;
  let fp: number | null = null;
  for (let j = 0; j < units; j++) {
    // column j of x, [B, 1]
    const column = (x: number) => (units === 1 ? x : b.reduce('sum', 'cols', b.mul(x, b.oneHot(c(j), units))));
    const above = b.map('gt', [column(scaled), bounds]); // [B, T]
    const yj = column(truth);
    const tpj = b.mul(above, yj);
    const fpj = b.mul(above, b.sub(c(1), yj));
    tp = tp === null ? tpj : b.add2(tp, tpj);
    fp = fp === null ? fpj : b.add2(fp, fpj);
  }
  return [
    ['tp', tp!],
    ['fp', fp!],
  ];
}

/** The metric's value from its parts' epoch sums (`sum(part)`, each of the part's width), over `rows` rows. */
export function finalizeMetric(metric: Metric, sum: (part: string) => Float32Array, rows: number): number {
  const total = (part: string) => sum(part).reduce((a, v) => a + v, 0);
  const divideNoNan = (a: number, b: number) => (b === 0 ? 0 : a / b);
  switch (metric.kind) {
    case 'root_mean_squared_error':
      return Math.sqrt(total('') / rows);
    case 'precision':
      return divideNoNan(total('tp'), total('tp') + total('fp'));
    case 'recall':
      return divideNoNan(total('tp'), total('tp') + total('fn'));
    case 'f1_score':
      return f1Score(metric, sum('tp'), sum('fp'), sum('fn'), sum('support'));
    case 'auc':
      return auc(metric, Array.from(sum('tp')), Array.from(sum('fp')));
    default:
      return total('') / rows;
  }
}

/** keras/src/metrics/f_score_metrics.py, FBetaScore.result with beta 1; per class unless averaged. */
function f1Score(metric: Metric, tp: Float32Array, fp: Float32Array, fn: Float32Array, support: Float32Array): number {
  const average = metric.options?.average ?? null;
  const score = (t: number, f: number, n: number) => {
    const precision = t / (t + f + EPSILON);
    const recall = t / (t + n + EPSILON);
    return (2 * (precision * recall)) / (precision + recall + EPSILON);
  };
  const sum = (v: Float32Array) => v.reduce((a, x) => a + x, 0);
  if (average === 'micro') return score(sum(tp), sum(fp), sum(fn));
  const perClass = Array.from(tp, (t, i) => score(t, fp[i]!, fn[i]!));
  if (average === 'weighted') {
    const weight = sum(support) + EPSILON;
    return perClass.reduce((a, f, i) => a + (f * support[i]!) / weight, 0);
  }
  // macro, or no average over one unit (the checker allows no other)
  return perClass.reduce((a, f) => a + f, 0) / perClass.length;
}

/** keras/src/metrics/confusion_metrics.py, AUC.result (and interpolate_pr_auc), from tp and fp per threshold. */
function auc(metric: Metric, tp: number[], fp: number[]): number {
  const T = tp.length;
  const positives = tp[0]!;
  const negatives = fp[0]!;
  const fn = tp.map((t) => positives - t);
  const tn = fp.map((f) => negatives - f);
  const divideNoNan = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const curve = metric.options?.curve ?? 'ROC';
  const summation = metric.options?.summationMethod ?? 'interpolation';
  if (curve === 'PR' && summation === 'interpolation') {
    let area = 0;
    for (let i = 0; i < T - 1; i++) {
      const dtp = tp[i]! - tp[i + 1]!;
      const pA = tp[i]! + fp[i]!;
      const pB = tp[i + 1]! + fp[i + 1]!;
      const slope = divideNoNan(dtp, Math.max(pA - pB, 0));
      const intercept = tp[i + 1]! - slope * pB;
      const ratio = pA > 0 && pB > 0 ? divideNoNan(pA, Math.max(pB, 0)) : 1;
      area += divideNoNan(slope * (dtp + intercept * Math.log(ratio)), Math.max(tp[i + 1]! + fn[i + 1]!, 0));
    }
    return area;
  }
  const recall = tp.map((t, i) => divideNoNan(t, t + fn[i]!));
  const x = curve === 'ROC' ? fp.map((f, i) => divideNoNan(f, f + tn[i]!)) : recall;
  const y = curve === 'ROC' ? recall : tp.map((t, i) => divideNoNan(t, t + fp[i]!));
  let area = 0;
  for (let i = 0; i < T - 1; i++) {
    const height = summation === 'interpolation' ? (y[i]! + y[i + 1]!) / 2 : summation === 'minoring' ? Math.min(y[i]!, y[i + 1]!) : Math.max(y[i]!, y[i + 1]!);
    area += (x[i]! - x[i + 1]!) * height;
  }
  return area;
}
