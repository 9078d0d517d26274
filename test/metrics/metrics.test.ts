// The metrics Keras users ask for by name, against values worked out by hand (the Keras 3
// docstring examples where there is one), end to end and over several batches (batch size 2): a
// metric that is not a mean must come out of the epoch's counts, not a mean of per-batch values.
import { describe, expect, it } from 'vitest';
import { gpuForTests } from '../helpers/gpu.js';
import { evaluateOutputs } from './helpers.js';

const linear = (metrics: string[], x: number[][], y: Array<number | number[]>, extra: { loss?: string; batchSize?: number } = {}) =>
  evaluateOutputs({ activation: 'linear', loss: extra.loss ?? 'mse', metrics, x, y, ...(extra.batchSize ? { batchSize: extra.batchSize } : {}) });
const column = (values: number[]) => values.map((v) => [v]);

describe('Precision and Recall (every output value a prediction, positive when p > threshold)', () => {
  it("Keras' docstring example: [0, 1, 1, 1] against [1, 0, 1, 1] gives 2/3 each", async () => {
    const logs = await linear(['Precision', 'recall'], column([1, 0, 1, 1]), [0, 1, 1, 1]);
    expect(logs.Precision).toBeCloseTo(2 / 3, 6);
    expect(logs.recall).toBeCloseTo(2 / 3, 6);
  });

  it('with a threshold, over several output columns (flattened), and 0 when nothing is predicted positive', async () => {
    // p > 0.7: 0.8 (y 0: fp), 0.75 (y 0: fp), 0.9 (y 1: tp); 0.6 with y 1 is a false negative.
    const logs = await linear(['Precision(thresholds=0.7)', 'Recall(thresholds=0.7)'], column([0.8, 0.6, 0.75, 0.9]), [0, 1, 0, 1]);
    expect(logs.precision).toBeCloseTo(1 / 3, 6);
    expect(logs.recall).toBeCloseTo(1 / 2, 6);
    // two columns: (0.9 | y 1) tp, (0.6 | y 0) fp, (0.2 | y 0), (0.4 | y 1) fn
    const wide = await linear(['precision', 'recall'], [[0.9, 0.6], [0.2, 0.4]], [[1, 0], [0, 1]]);
    expect(wide.precision).toBeCloseTo(1 / 2, 6);
    expect(wide.recall).toBeCloseTo(1 / 2, 6);
    const none = await linear(['precision'], column([0.1, 0.2, 0.3]), [1, 0, 1]);
    expect(none.precision).toBe(0);
  });
});

describe('AUC (Keras: evenly spaced thresholds, counts per threshold, then a Riemann sum)', () => {
  it("Keras' docstring example: AUC(num_thresholds=3) on [0, 0, 1, 1] against [0, 0.5, 0.3, 0.9] is 0.75", async () => {
    const logs = await linear(['AUC(num_thresholds=3)'], column([0, 0.5, 0.3, 0.9]), [0, 0, 1, 1]);
    expect(logs.auc).toBeCloseTo(0.75, 6);
  });

  it('with 200 thresholds, predictions in distinct buckets give the exact ROC AUC; a tie gives half', async () => {
    // Pairs (positive above negative): 0.35 > 0.1, 0.8 > 0.1, 0.8 > 0.4; 0.35 < 0.4: 3 of 4.
    const logs = await linear(['AUC', 'auc'], column([0.1, 0.4, 0.35, 0.8]), [0, 0, 1, 1]);
    expect(logs.AUC).toBeCloseTo(0.75, 6);
    expect(logs.auc).toBeCloseTo(0.75, 6);
    // One positive and one negative at the same value: the ROC curve is the diagonal.
    const tie = await linear(['AUC', 'AUC(summation_method="minoring", name="lower")', 'AUC(summation_method="majoring", name="upper")'], column([0.5, 0.5]), [0, 1]);
    expect(tie.AUC).toBeCloseTo(0.5, 6);
    expect(tie.lower).toBeCloseTo(0, 6);
    expect(tie.upper).toBeCloseTo(1, 6);
  });

  it('the PR curve, with Davis and Goadrich\'s interpolation', async () => {
    // Separated classes: precision 1 at every recall.
    const separated = await linear(['AUC(curve="PR")'], column([0.1, 0.2, 0.8, 0.9]), [0, 0, 1, 1]);
    expect(separated.auc).toBeCloseTo(1, 6);
    // y 1, 0, 1 at 0.9, 0.8, 0.7: tp/fp go (2, 1) -> (1, 1) -> (1, 0) -> (0, 0). From (2, 1) to
    // (1, 1): slope dtp/dp = 1, intercept 1 - 1 * 2 = -1, area (1 + -1 * ln(3/2)) / 2; from (1, 1) to
    // (1, 0) nothing; from (1, 0) to (0, 0): slope 1, intercept 0, area 1 / 2.
    const mixed = await linear(['AUC(curve="PR")'], column([0.9, 0.8, 0.7]), [1, 0, 1]);
    expect(mixed.auc).toBeCloseTo(0.5 + (1 - Math.log(1.5)) / 2, 6);
  });

  it('clips outputs to [0, 1] and treats every output column as a prediction of its own', async () => {
    // Values: (1.5 | 1), (-0.2 | 0), (0.3 | 0), (0.7 | 1): clipped 1 and 0, both classes separated.
    const logs = await linear(['AUC'], [[1.5, -0.2], [0.3, 0.7]], [[1, 0], [0, 1]]);
    expect(logs.AUC).toBeCloseTo(1, 6);
  });
});

describe('F1Score', () => {
  // Keras' docstring example (threshold 0.5): per class [0.5, 0.8, 0.6667].
  const y = [[1, 1, 1], [1, 0, 0], [1, 1, 0]];
  const x = [[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0.0]];
  it("macro, micro and weighted averages of Keras' docstring example", async () => {
    const logs = await linear(['F1Score(average="macro", threshold=0.5, name="macro")', 'F1Score(average="micro", threshold=0.5, name="micro")', 'F1Score(average="weighted", threshold=0.5, name="weighted")'], x, y);
    expect(logs.macro).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 5);
    // All classes together: tp 4, fp 2, fn 2.
    expect(logs.micro).toBeCloseTo(2 / 3, 5);
    // Weighted by the classes' counts 3, 2, 1.
    expect(logs.weighted).toBeCloseTo((0.5 * 3 + 0.8 * 2 + (2 / 3) * 1) / 6, 5);
  });

  it("without a threshold, the largest of each row is the prediction (when not 0): on one unit, every nonzero output (Keras' default)", async () => {
    // One unit: predicted 1, 0, 1 (0.0 is not > 1e-9); y 1, 0, 0: tp 1, fp 1, fn 0 -> 2/3.
    const one = await linear(['f1_score'], column([0.3, 0.0, 0.7]), [1, 0, 0]);
    expect(one.f1_score).toBeCloseTo(2 / 3, 5);
    // Three units, macro: argmax 2, 1, 1 against the labels' classes 0, 1, 1 (one-hot).
    const three = await linear(['F1Score(average="macro")'], [[0.1, 0.2, 0.7], [0.3, 0.5, 0.2], [0.2, 0.6, 0.2]], [[1, 0, 0], [0, 1, 0], [0, 1, 0]]);
    // class 0: tp 0, fn 1 -> 0; class 1: tp 2 -> 1; class 2: fp 1 -> 0.
    expect(three.f1_score).toBeCloseTo(1 / 3, 5);
  });
});

describe('TopKCategoricalAccuracy', () => {
  // Rows' true class and how many classes score strictly higher: 0 (2 higher: out of the top 2),
  // 1 (1 higher: in), 0 (0.4 higher, 0.3 ties: 1 higher, in).
  const x = [[0.1, 0.5, 0.4], [0.5, 0.3, 0.2], [0.3, 0.3, 0.4]];
  it('k = 2, with one-hot labels and with class indices; the default k = 5 over 3 classes is 1', async () => {
    const onehot = await linear(['TopKCategoricalAccuracy(k=2)', 'top_k_categorical_accuracy'], x, [[1, 0, 0], [0, 1, 0], [1, 0, 0]], { batchSize: 3 });
    expect(onehot.top_k_categorical_accuracy).toBeCloseTo(1, 6);
    const k2 = await linear(['TopKCategoricalAccuracy(k=2)'], x, [[1, 0, 0], [0, 1, 0], [1, 0, 0]]);
    expect(k2.top_k_categorical_accuracy).toBeCloseTo(2 / 3, 6);
    const logits = x.map((r) => r.map((v) => Math.log(v)));
    const sparse = await evaluateOutputs({ activation: 'softmax', loss: 'sparse_categorical_crossentropy', metrics: ['TopKCategoricalAccuracy(k=2)'], x: logits, y: [0, 1, 0] });
    expect(sparse.top_k_categorical_accuracy).toBeCloseTo(2 / 3, 6);
  });
});

describe('regression metrics by their Keras names', () => {
  it('RootMeanSquaredError is the root of the epoch mean, not a mean of batch roots', async () => {
    // errors 1, 2, 3, 4: mean square 7.5 (batches of 2 would give (sqrt(2.5) + sqrt(12.5)) / 2 if averaged)
    const logs = await linear(['RootMeanSquaredError', 'MeanSquaredError', 'MSE', 'mean_absolute_error'], column([1, 2, 3, 4]), [0, 0, 0, 0]);
    expect(logs.RootMeanSquaredError).toBeCloseTo(Math.sqrt(7.5), 5);
    expect(logs.MeanSquaredError).toBeCloseTo(7.5, 5);
    expect(logs.MSE).toBeCloseTo(7.5, 5);
    expect(logs.mean_absolute_error).toBeCloseTo(2.5, 5);
  });

  it('MeanAbsolutePercentageError: 100 |y - p| / max(|y|, 1e-7)', async () => {
    // |2 - 1| / 2, |-4 + 5| / 4, |10 - 12| / 10 -> 0.5, 0.25, 0.2; a zero label divides by 1e-7.
    const logs = await linear(['MAPE', 'mape'], column([1, -5, 12]), [2, -4, 10]);
    expect(logs.MAPE).toBeCloseTo((100 * (0.5 + 0.25 + 0.2)) / 3, 4);
    const zero = await linear(['mape'], column([0.5]), [0]);
    expect(zero.mape).toBeCloseTo(100 * (0.5 / 1e-7), -3);
  });
});

// The counts live in state buffers of their own widths (one per threshold, per class): the GPU
// must keep them as the CPU does.
const gpu = await gpuForTests();
describe.runIf(gpu)('on the GPU', () => {
  it('every metric gives what the CPU gives', async () => {
    const metrics = ['AUC', 'AUC(curve="PR", num_thresholds=50, name="pr")', 'Precision', 'Recall', 'F1Score(average="weighted")', 'TopKCategoricalAccuracy(k=2)', 'RootMeanSquaredError', 'MAPE', 'accuracy'];
    const x = Array.from({ length: 37 }, (_, r) => [Math.sin(r), Math.cos(r * 1.3), Math.sin(r * 0.7) * 0.5 + 0.5]);
    const y = x.map((_, r) => [r % 3 === 0 ? 1 : 0, r % 3 === 1 ? 1 : 0, r % 3 === 2 ? 1 : 0]);
    const cpu = await evaluateOutputs({ activation: 'sigmoid', loss: 'binary_crossentropy', metrics, x, y, batchSize: 8 });
    const webgpu = await evaluateOutputs({ activation: 'sigmoid', loss: 'binary_crossentropy', metrics, x, y, batchSize: 8, backend: 'webgpu' });
    expect(Object.keys(webgpu).sort()).toEqual(Object.keys(cpu).sort());
    for (const key of Object.keys(cpu)) expect(Math.abs(webgpu[key]! - cpu[key]!), key).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(cpu[key]!)));
  });
});
