// String labels are numbered once, by the first data a model is fitted on: other files with fewer
// classes (or another order) evaluate and predict against the same numbering; a class the model
// never saw is an error, not a silent wrong answer. validation_split must leave rows on both sides.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../base/source.js';
import { checkSource } from '../../compiler/frontend.js';
import { NncError } from '../../base/diagnostics/diagnostic.js';
import { evaluation, runNn } from './helpers.js';

function files(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nnc-classes-'));
  const rows: string[] = [];
  for (let i = 0; i < 90; i++) {
    const k = i % 3;
    const x = [k + 0.1 * Math.sin(i), -k + 0.1 * Math.cos(i)];
    rows.push(`${x[0]!.toFixed(3)},${x[1]!.toFixed(3)},${['apple', 'banana', 'cherry'][k]}`);
  }
  writeFileSync(join(dir, 'all.csv'), rows.join('\n') + '\n');
  // banana and cherry only: sorted alone they would be classes 0 and 1
  writeFileSync(join(dir, 'some.csv'), rows.filter((r) => !r.endsWith('apple')).join('\n') + '\n');
  writeFileSync(join(dir, 'other.csv'), '0,0,durian\n1,1,banana\n');
  return dir;
}

const program = (dir: string, evaluateOn: string) =>
  new SourceFile(
    join(dir, 'p.nn'),
    `dataset all = csv("all.csv", features=0:2, labels=2)
dataset test = csv("${evaluateOn}", features=0:2, labels=2)
model m = Sequential {
  Dense(8, input_dim=2, activation="relu")
  Dense(3, activation="softmax")
}
compile m(loss="sparse_categorical_crossentropy", optimizer=Adam(learning_rate=0.05), metrics=["accuracy"])
fit m(all, epochs=60, batch_size=10)
evaluate m(test)
predict m(test) -> "p.csv"
`,
  );

describe('string labels across files', () => {
  it('a file with fewer classes is numbered as the model learned them', async () => {
    const dir = files();
    const ran = await runNn(program(dir, 'some.csv'));
    expect(evaluation(ran).accuracy).toBeGreaterThan(0.95);
    const p = ran.results.find((r) => r.predictions)!.predictions!;
    expect(p.columns).toEqual(['p(apple)', 'p(banana)', 'p(cherry)', 'class']);
    expect(new Set(p.classes!.map(String))).toEqual(new Set(['banana', 'cherry']));
  });

  it('a class the model never saw is an error (NNC4016)', async () => {
    const dir = files();
    const error = await runNn(program(dir, 'other.csv')).catch((e) => e);
    expect(error).toBeInstanceOf(NncError);
    expect((error as NncError).diagnostics[0]!.code).toBe('NNC4016');
    expect((error as NncError).diagnostics[0]!.message).toContain("'durian'");
  });
});

describe('validation_split', () => {
  it('leaving no rows on one side is an error before anything runs (NNC4015)', () => {
    const source = new SourceFile(
      'v.nn',
      `dataset d = builtin("xor")
model m = Sequential {
  Dense(1, input_dim=2)
}
compile m(loss="mse", optimizer="sgd")
fit m(d, validation_split=0.9)
`,
    );
    const { diagnostics } = checkSource(source, { mode: 'run' });
    expect(diagnostics.map((d) => d.code)).toEqual(['NNC4015']);
    expect(diagnostics[0]!.message).toBe('validation_split=0.9 of 4 rows leaves 0 for training and 4 for validation');
  });
});

describe('Normalization', () => {
  const source = (adapt: string) =>
    new SourceFile(
      'n.nn',
      `dataset d = builtin("regression", rows=50, features=3, seed=1)
model m = Sequential {
  Normalization(input_dim=3${adapt})
  Dense(1)
}
compile m(loss="mse", optimizer="adam")
evaluate m(d)
`,
    );
  it('that adapts to the training data cannot evaluate before a fit (NNC5009)', async () => {
    const error = await runNn(source('')).catch((e) => e);
    expect(error).toBeInstanceOf(NncError);
    expect((error as NncError).diagnostics[0]!.code).toBe('NNC5009');
  });
  it('with adapt=DATASET adapts before its first use', async () => {
    const ran = await runNn(source(', adapt=d'));
    expect(evaluation(ran).loss).toBeGreaterThan(0);
  });
});
