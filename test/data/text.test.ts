// Text and series data: TextVectorization's standardization, split and vocabulary as Keras makes
// them; text folders (text_dataset_from_directory) and CSV text columns; windows of a series
// (timeseries_dataset_from_array); the order task; errors located at the dataset.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adaptVocabulary, standardizeText, tokenize, vectorizeTexts } from '../../base/data/text.js';
import { makeBuiltin } from '../../base/data/builtin.js';
import { SourceFile } from '../../base/source.js';
import { checkSource } from '../../compiler/frontend.js';

const dir = mkdtempSync(join(tmpdir(), 'nnc-text-'));
const keras = { standardize: 'lower_and_strip_punctuation', split: 'whitespace' } as const;

function check(source: string) {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.nn`);
  writeFileSync(file, source);
  const result = checkSource(new SourceFile(file, source), { mode: 'run' });
  return { ...result, store: result.data };
}

describe('TextVectorization as Keras', () => {
  it('lowercases ASCII letters only and strips ASCII punctuation', () => {
    expect(standardizeText("It's GREAT -- a 10/10 film! Ünïcode stays.", 'lower_and_strip_punctuation')).toBe('its great  a 1010 film Ünïcode stays');
    expect(standardizeText('A.B', 'lower')).toBe('a.b');
    expect(standardizeText('A.B', 'strip_punctuation')).toBe('AB');
    expect(standardizeText('A.B', 'none')).toBe('A.B');
  });

  it('splits on runs of whitespace, or into characters', () => {
    expect(tokenize('  two\twords\n\nhere ', keras)).toEqual(['two', 'words', 'here']);
    expect(tokenize('ab c', { standardize: 'none', split: 'character' })).toEqual(['a', 'b', ' ', 'c']);
  });

  it('orders the vocabulary by count, ties in descending byte order, after "" and "[UNK]", max_tokens counting both', () => {
    const texts = ['b a c a', 'c b d', 'a'];
    // counts: a 3, b 2, c 2, d 1 -> a, then c before b (descending), then d
    expect(adaptVocabulary(texts, keras, null)).toEqual(['', '[UNK]', 'a', 'c', 'b', 'd']);
    expect(adaptVocabulary(texts, keras, 4)).toEqual(['', '[UNK]', 'a', 'c']);
    // the special tokens are never learned
    expect(adaptVocabulary(['[UNK] x'], { standardize: 'none', split: 'whitespace' }, null)).toEqual(['', '[UNK]', 'x']);
  });

  it('turns texts into indices, 1 for unknown words, padded with 0 or cut at the end', () => {
    const vocabulary = ['', '[UNK]', 'a', 'c', 'b'];
    expect(Array.from(vectorizeTexts(['A, b! zebra c', 'c c c c c c'], vocabulary, keras, 5))).toEqual([2, 4, 1, 3, 0, 3, 3, 3, 3, 3]);
  });
});

describe('text folders and text columns', () => {
  const folder = join(dir, 'reviews');
  mkdirSync(join(folder, 'pos', 'more'), { recursive: true });
  mkdirSync(join(folder, 'neg'), { recursive: true });
  mkdirSync(join(folder, '.hidden'), { recursive: true });
  writeFileSync(join(folder, 'pos', 'b.txt'), 'Second good one');
  writeFileSync(join(folder, 'pos', 'a.txt'), 'Good film');
  writeFileSync(join(folder, 'pos', 'more', 'c.txt'), 'In a subfolder');
  writeFileSync(join(folder, 'pos', 'skip.md'), 'not text');
  writeFileSync(join(folder, 'neg', 'x.txt'), 'Bad film, very long text');
  writeFileSync(join(folder, 'notes.txt'), 'not a class');

  it('reads classes in sorted order, their .txt files sorted, subfolders after', () => {
    const { store, diagnostics } = check(`dataset r = text("reviews/")`);
    expect(diagnostics).toEqual([]);
    const t = store.get('r')!;
    expect(t.classes).toEqual(['neg', 'pos']);
    expect(t.texts).toEqual(['Bad film, very long text', 'Good film', 'Second good one', 'In a subfolder']);
    expect(Array.from(t.labels)).toEqual([0, 1, 1, 1]);
    expect(t.featureShape).toEqual([1]);
  });

  it('cuts texts to max_length characters, and splits keep the texts with their rows', () => {
    const { store } = check(`dataset r = text("reviews/", max_length=4)\ndataset a, b = split(r, test_size=0.5, seed=2)`);
    expect(store.get('r')!.texts).toEqual(['Bad ', 'Good', 'Seco', 'In a']);
    const [a, b] = [store.get('a')!, store.get('b')!];
    expect([...a.texts!, ...b.texts!].sort()).toEqual(['Bad ', 'Good', 'Seco', 'In a'].sort());
    a.texts!.forEach((text, i) => expect(a.labels[i]).toBe(text === 'Bad ' ? 0 : 1));
  });

  it('a missing folder, a folder without classes or without .txt files: NNC4031 at the path', () => {
    mkdirSync(join(dir, 'empty', 'pos'), { recursive: true });
    writeFileSync(join(dir, 'flat.txt'), 'x');
    for (const [path, why] of [
      ['nowhere/', /no such file/],
      ['flat.txt', /not a folder/],
      ['empty/', /hold no .txt files/],
    ] as const) {
      const d = check(`dataset r = text("${path}")`).diagnostics;
      expect(d.map((x) => x.code)).toEqual(['NNC4031']);
      expect(d[0]!.message).toMatch(why);
    }
  });

  it('a CSV column of text, quoted cells with commas; the header found from numeric labels', () => {
    writeFileSync(join(dir, 'rows.csv'), 'review,label\n"Great, really great",1\nAwful,0\n');
    const { store, diagnostics } = check(`dataset r = csv("rows.csv", text=0, labels=1)`);
    expect(diagnostics).toEqual([]);
    const t = store.get('r')!;
    expect(t.texts).toEqual(['Great, really great', 'Awful']);
    expect(Array.from(t.labels)).toEqual([1, 0]);
  });

  it('text= and features= together, or a text column that is a label: errors', () => {
    writeFileSync(join(dir, 'rows2.csv'), 'a,b\nx,1\n');
    expect(check(`dataset r = csv("rows2.csv", text=0, features=0)`).diagnostics.map((d) => d.code)).toEqual(['NNC2010']);
    expect(check(`dataset r = csv("rows2.csv", text=1, labels=1)`).diagnostics.map((d) => d.code)).toEqual(['NNC4033']);
  });
});

describe('windows of a series', () => {
  writeFileSync(join(dir, 'series.csv'), 'day,value,other\n' + Array.from({ length: 10 }, (_, i) => `${i},${i * 10},${-i}`).join('\n') + '\n');

  it('window i holds rows stride*i .. stride*i + window - 1, labelled horizon rows after its last (Keras\' timeseries_dataset_from_array)', () => {
    const { store, diagnostics } = check(`dataset s = csv("series.csv", features=["value", "other"], labels="value")\ndataset w = timeseries(s, window=3, horizon=2, stride=2)`);
    expect(diagnostics).toEqual([]);
    const w = store.get('w')!;
    // rows 0-9; windows start at 0, 2, 4 (the last needs row 4 + 3 + 2 - 1 = 8); 6 would need row 10
    expect(w.rows).toBe(3);
    expect(w.featureShape).toEqual([3, 2]);
    expect(Array.from(w.features.subarray(0, 6))).toEqual([0, 0, 10, -1, 20, -2]);
    expect(Array.from(w.labels)).toEqual([40, 60, 80]);
  });

  it('a series without labels forecasts its own features', () => {
    const { store } = check(`dataset s = csv("series.csv", features="value", labels=[])\ndataset w = timeseries(s, window=4)`);
    const w = store.get('w')!;
    expect(w.rows).toBe(6);
    expect(Array.from(w.labels)).toEqual([40, 50, 60, 70, 80, 90]);
  });

  it('a window longer than the series is NNC4030; texts cannot be windowed (NNC4032)', () => {
    const long = check(`dataset s = csv("series.csv", features="value", labels="value")\ndataset w = timeseries(s, window=10)`).diagnostics;
    expect(long.map((d) => d.code)).toEqual(['NNC4030']);
    expect(long[0]!.help).toContain('window=9');
    expect(check(`dataset r = text("reviews/")\ndataset w = timeseries(r, window=2)`).diagnostics.map((d) => d.code)).toEqual(['NNC4032']);
  });
});

describe('the order task', () => {
  it('each row has one token 2 and one token 3, labels balanced and 1 exactly when 2 comes first', () => {
    const t = makeBuiltin('order', { rows: 200, length: 9, vocabulary: 7, seed: 3 });
    let ones = 0;
    for (let r = 0; r < t.rows; r++) {
      const row = Array.from(t.features.subarray(r * 9, (r + 1) * 9));
      expect(row.filter((v) => v === 2)).toHaveLength(1);
      expect(row.filter((v) => v === 3)).toHaveLength(1);
      expect(row.every((v) => v >= 2 && v < 7)).toBe(true);
      expect(t.labels[r]).toBe(row.indexOf(2) < row.indexOf(3) ? 1 : 0);
      ones += t.labels[r]!;
    }
    expect(ones).toBe(100);
  });
});
