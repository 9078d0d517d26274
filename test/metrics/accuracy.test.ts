// "accuracy" resolves as Keras 3 resolves it, by shapes, whatever the loss: one output unit ->
// binary accuracy; class-index labels (one column) with several units -> sparse categorical;
// otherwise categorical (argmax of the labels against argmax of the outputs). Each case is
// checked end to end (program -> checker -> graph -> CPU) against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { evaluateOutputs } from './helpers.js';

const logit = (p: number) => Math.log(p / (1 - p));

describe('"accuracy" by shapes', () => {
  it('one sigmoid unit with binary_crossentropy: binary accuracy (p > 0.5, strictly)', async () => {
    // p = 0.9, 0.2, 0.6, 0.5 against 1, 0, 0, 1: right, right, wrong, wrong (0.5 is not > 0.5).
    const x = [[logit(0.9)], [logit(0.2)], [logit(0.6)], [0]];
    const logs = await evaluateOutputs({ activation: 'sigmoid', loss: 'binary_crossentropy', metrics: ['accuracy'], x, y: [1, 0, 0, 1] });
    expect(logs.accuracy).toBeCloseTo(2 / 4, 6);
  });

  it('one linear unit with mse: binary accuracy too (Keras decides by the output, not the loss)', async () => {
    const logs = await evaluateOutputs({ activation: 'linear', loss: 'mse', metrics: ['accuracy'], x: [[0.7], [0.4], [1.3]], y: [1, 1, 0] });
    expect(logs.accuracy).toBeCloseTo(1 / 3, 6);
  });

  it('softmax with class indices (sparse_categorical_crossentropy): sparse categorical accuracy', async () => {
    // argmax of the rows: 2, 0, 1, 1 against 2, 0, 0, 1
    const x = [[0, 1, 3], [2, 1, 0], [0, 5, 1], [-1, 0, -2]];
    const logs = await evaluateOutputs({ activation: 'softmax', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'], x, y: [2, 0, 0, 1] });
    expect(logs.accuracy).toBeCloseTo(3 / 4, 6);
  });

  it('softmax with one-hot labels (categorical_crossentropy): categorical accuracy', async () => {
    const x = [[0, 1, 3], [2, 1, 0], [0, 5, 1], [-1, 0, -2]];
    const y = [[0, 0, 1], [0, 1, 0], [0, 1, 0], [1, 0, 0]];
    const logs = await evaluateOutputs({ activation: 'softmax', loss: 'categorical_crossentropy', metrics: ['accuracy', 'categorical_accuracy'], x, y });
    expect(logs.accuracy).toBeCloseTo(2 / 4, 6);
    expect(logs.categorical_accuracy).toBeCloseTo(2 / 4, 6);
  });

  it('several sigmoid units with binary_crossentropy: categorical accuracy, never above 1 (labels (y, 1-y, 0), tied outputs)', async () => {
    // Every output ties (all logits 0, p = 0.5 each): the argmax is the first unit, as Keras' argmax.
    // Label rows (1, 0, 0), (0, 1, 0), (1, 0, 0), (0, 1, 0): argmax 0, 1, 0, 1 -> 2 of 4 right.
    const x = [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]];
    const y = [[1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 1, 0]];
    const logs = await evaluateOutputs({ activation: 'sigmoid', loss: 'binary_crossentropy', metrics: ['accuracy', 'binary_accuracy'], x, y });
    expect(logs.accuracy).toBeCloseTo(0.5, 6);
    // binary_accuracy compares each unit (p > 0.5 is false everywhere): the zeros are right, 2 of 3 per row.
    expect(logs.binary_accuracy).toBeCloseTo(2 / 3, 6);
  });

  it('several sigmoid units, distinct outputs: the argmax of the labels against the argmax of the outputs', async () => {
    // outputs' argmax 1, 2, 0; labels' argmax 1, 0, 0
    const x = [[0, 2, 1], [-1, 0, 3], [4, 1, 2]];
    const y = [[0, 1, 0], [1, 0, 0], [1, 0, 1]];
    const logs = await evaluateOutputs({ activation: 'sigmoid', loss: 'binary_crossentropy', metrics: ['accuracy'], x, y });
    expect(logs.accuracy).toBeCloseTo(2 / 3, 6);
  });

  it('several linear units with mse: categorical accuracy', async () => {
    const x = [[0.1, 0.9], [0.8, 0.3], [0.4, 0.5]];
    const y = [[0, 1], [0, 1], [1, 0]];
    const logs = await evaluateOutputs({ activation: 'linear', loss: 'mse', metrics: ['acc'], x, y });
    expect(logs.acc).toBeCloseTo(1 / 3, 6);
  });
});
