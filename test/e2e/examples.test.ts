// The five steps end to end on the CPU, with the numbers a Keras user gets: the examples and XOR.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../base/source.js';
import { haveSharedData, sharedDataset } from '../helpers/shared.js';
import { evaluation, example, fitHistory, runNn, sharedData } from './helpers.js';

const shared = haveSharedData();

describe.skipIf(!shared)('examples on the shared datasets', () => {
  it('pima.nn: the tutorial network reaches 70% to 80% training accuracy in 100 epochs', async () => {
    const ran = await runNn(example('pima.nn'), { data: sharedData('pima') });
    const h = fitHistory(ran);
    expect(h.epoch).toHaveLength(100);
    const accuracy = h.history.accuracy!.at(-1)!;
    expect(accuracy).toBeGreaterThanOrEqual(0.7);
    expect(accuracy).toBeLessThanOrEqual(0.8);
    const e = evaluation(ran);
    expect(e.accuracy).toBeGreaterThanOrEqual(0.7);
    expect(e.loss).toBeLessThan(0.6);
    // predict wrote a probability and a 0/1 class per row
    const csv = readFileSync(ran.results.find((r) => r.predictions)!.predictions!.path!, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('probability,class');
    expect(csv).toHaveLength(769);
    for (const line of csv.slice(1)) {
      const [p, c] = line.split(',');
      expect(c).toBe(Number(p) > 0.5 ? '1' : '0');
    }
  });

  it('iris.nn: string labels, softmax, categorical cross-entropy: at least 90% on the held-out split', async () => {
    const ran = await runNn(example('iris.nn'), { data: sharedData('iris') });
    expect(evaluation(ran).accuracy).toBeGreaterThanOrEqual(0.9);
    const written = JSON.parse(readFileSync(ran.results.find((r) => r.evaluation)!.path!, 'utf8'));
    expect(written.accuracy).toBe(evaluation(ran).accuracy);
  });

  it('housing.nn: regression with standardized inputs ends well below the variance of the target', async () => {
    const ran = await runNn(example('housing.nn'), { data: sharedData('housing') });
    const prices = readFileSync(sharedDataset('housing.csv'), 'utf8').trim().split('\n').map((l) => Number(l.trim().split(/[ ,]+/).at(-1)));
    const mean = prices.reduce((a, b) => a + b, 0) / prices.length;
    const variance = prices.reduce((a, b) => a + (b - mean) ** 2, 0) / prices.length;
    const mse = evaluation(ran).loss!;
    expect(variance).toBeGreaterThan(80);
    expect(mse).toBeLessThan(0.25 * variance);
    expect(fitHistory(ran).history.val_loss!.at(-1)).toBeLessThan(variance);
  });
});

describe('examples that run offline', () => {
  it('demo.nn: moons, early stopping, held-out accuracy', async () => {
    const ran = await runNn(example('demo.nn'));
    expect(evaluation(ran).accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('tutorial.nn: Dense then Activation layers, SGD with momentum', async () => {
    const ran = await runNn(example('tutorial.nn'));
    expect(evaluation(ran).accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('XOR is learned exactly', async () => {
    const source = new SourceFile(
      'xor.nn',
      `dataset xor = builtin("xor", repeat=8)
model net = Sequential {
  Dense(8, input_dim=2, activation="tanh")
  Dense(1, activation="sigmoid")
}
compile net(loss="binary_crossentropy", optimizer=Adam(learning_rate=0.05), metrics=["accuracy"])
fit net(xor, epochs=150, batch_size=8)
evaluate net(xor)
predict net(xor)
`,
    );
    const ran = await runNn(source);
    expect(evaluation(ran).accuracy).toBe(1);
    const p = ran.results.find((r) => r.predictions)!.predictions!;
    expect(p.classes!.slice(0, 4).map(String)).toEqual(['0', '1', '1', '0']);
    expect(evaluation(ran).loss).toBeLessThan(0.05);
  });
});
