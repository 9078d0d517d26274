// Sequence models end to end on the CPU: the order task (an LSTM and a GRU learn it, a model blind
// to order stays at chance), the reviews example (text folder, TextVectorization, Embedding; its
// vocabulary saved with the weights and used by a program that loads them), the temperatures
// example (an LSTM against the persistence baseline), and a CSV text column.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../base/source.js';
import { haveSharedData, sharedDataset } from '../helpers/shared.js';
import { evaluation, example, fitHistory, runNn } from './helpers.js';

const order = (layer: string) =>
  new SourceFile(
    'order.nn',
    `dataset order = builtin("order", rows=2000, length=20, vocabulary=10, seed=1)
dataset train, test = split(order, test_size=0.25, seed=0)
model m = Sequential {
  Embedding(10, 8)
  ${layer}
  Dense(1, activation="sigmoid")
}
compile m(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
fit m(train, epochs=10, batch_size=32)
evaluate m(test)
`,
  );

describe('the order task: is token 2 before token 3?', () => {
  it('an LSTM reaches at least 95% on held-out sequences', async () => {
    expect(evaluation(await runNn(order('LSTM(16)'))).accuracy).toBeGreaterThanOrEqual(0.95);
  });
  it('a GRU reaches at least 95% on held-out sequences', async () => {
    expect(evaluation(await runNn(order('GRU(16)'))).accuracy).toBeGreaterThanOrEqual(0.95);
  });
  it('Embedding + GlobalAveragePooling1D (blind to order) stays near 50%', async () => {
    const ran = await runNn(order('GlobalAveragePooling1D()\n  Dense(16, activation="relu")'));
    expect(fitHistory(ran).history.accuracy!.at(-1)).toBeLessThan(0.6);
    const accuracy = evaluation(ran).accuracy!;
    expect(accuracy).toBeGreaterThan(0.4);
    expect(accuracy).toBeLessThan(0.6);
  });
});

describe.skipIf(!haveSharedData())('the examples on the shared datasets', () => {
  it('reviews.nn: at least 78% on the held-out 20%; a program that loads its weights tokenizes as it did', async () => {
    const data = new Map([['reviews', sharedDataset('review_polarity')]]);
    const ran = await runNn(example('reviews.nn'), { data });
    expect(ran.printed).toContain('(None, 800, 16)');
    expect(evaluation(ran).accuracy).toBeGreaterThanOrEqual(0.78);
    const predictions = readFileSync(join(ran.outDir, 'review-predictions.csv'), 'utf8');
    // the same model, loaded (weights and vocabulary) into a program that never fits it
    const weights = join(ran.outDir, 'sentiment.safetensors');
    const reload = `dataset reviews = text("${sharedDataset('review_polarity')}")
dataset train, test = split(reviews, test_size=0.2, seed=0)
model sentiment = Sequential {
  TextVectorization(max_tokens=20000, output_sequence_length=800)
  Embedding(20000, 16, mask_zero=true)
  GlobalAveragePooling1D()
  Dense(1, activation="sigmoid")
}
load sentiment <- "${weights}"
predict sentiment(test) -> "again.csv"
`;
    const file = join(ran.outDir, 'reload.nn');
    writeFileSync(file, reload);
    const again = await runNn(file);
    expect(readFileSync(join(again.outDir, 'again.csv'), 'utf8')).toBe(predictions);
  }, 120_000);

  it('temperatures.nn: the LSTM forecasts the last 20% of days with a lower MAE than persistence, both printed', async () => {
    const ran = await runNn(example('temperatures.nn'), { data: new Map([['days', sharedDataset('daily-min-temperatures.csv')]]) });
    const persistence = evaluation(ran, 0).loss!;
    const lstm = evaluation(ran, 1).loss!;
    expect(persistence).toBeGreaterThan(1.5);
    expect(lstm).toBeLessThan(persistence);
    expect(ran.printed.match(/loss: \d/g)!.length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

describe('a CSV text column end to end', () => {
  it('trains on texts in a column and predicts class names', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? `"a good, great film ${i}",pos` : `"a bad, awful film ${i}",neg`));
    const ran = await runNn(
      new SourceFile(
        'csvtext.nn',
        `dataset rows = csv("${writeCsv(['text,label', ...rows])}", text="text", labels="label")
model m = Sequential {
  TextVectorization(max_tokens=50, output_sequence_length=6)
  Embedding(50, 4)
  GlobalAveragePooling1D()
  Dense(1, activation="sigmoid")
}
compile m(loss="binary_crossentropy", optimizer=Adam(learning_rate=0.05), metrics=["accuracy"])
fit m(rows, epochs=20, batch_size=10)
evaluate m(rows)
predict m(rows)
`,
      ),
    );
    expect(evaluation(ran).accuracy).toBe(1);
    const p = ran.results.find((r) => r.predictions)!.predictions!;
    expect(p.classes!.slice(0, 2).map(String)).toEqual(['pos', 'neg']);
  });
});

function writeCsv(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'nnc-text-csv-')), 'rows.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}
