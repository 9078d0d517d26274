// CSV files larger than memory (base/data/csv-stream.ts, runtime/data-feed.ts): streamed with tiny
// blocks and windows so that small files cross many of each, they must give the tables, the training,
// the evaluation and the predictions that reading them whole gives, and a shuffled epoch must visit
// every row once, within bounded windows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataStore, type DataStoreOptions, type Table } from '../../base/data/dataset.js';
import type { ColumnSelector, DatasetSource } from '../../base/data/spec.js';
import { SourceFile, type Span } from '../../base/source.js';
import { checkSource } from '../../compiler/frontend.js';
import { renderDiagnostics } from '../../base/diagnostics/render.js';
import { selectBackend } from '../../runtime/backend.js';
import { streamWindows, windowRows, type Window } from '../../runtime/data-feed.js';
import { runProgram, type StatementResult } from '../../runtime/run-program.js';
import { haveSharedData, sharedDataset } from '../helpers/shared.js';
import { caught } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'nnc-stream-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const span: Span = { file: 'p.nn', line: 1, col: 1, endLine: 1, endCol: 1, offset: 0, endOffset: 0 };
const lastColumn: ColumnSelector = { kind: 'index', index: -1, span };
const everythingElse: ColumnSelector = { kind: 'list', items: [], span };
const tiny: DataStoreOptions = { streamAbove: 0, blockBytes: 200 };

function csv(path: string): Extract<DatasetSource, { kind: 'csv' }> {
  return { kind: 'csv', path, resolvedPath: path, header: 'auto', delimiter: ',', features: everythingElse, labels: lastColumn };
}

/** All rows of a streamed table, read block by block. */
function allRows(t: Table): { features: number[]; labels: number[] } {
  const features: number[] = [];
  const labels: number[] = [];
  t.stream!.blocks.forEach((_, i) => {
    const b = t.stream!.readBlock(i);
    features.push(...b.features);
    labels.push(...b.labels);
  });
  return { features, labels };
}

/** A classification CSV of `rows` rows: an id column (0, 1, ...), three features a, b, c, and a label (default: a + b > 0). */
function writeCsv(name: string, rows: number, label?: (r: number) => string): string {
  const lines = ['id,a,b,c,label'];
  for (let r = 0; r < rows; r++) {
    const a = (Math.sin(r) * 3).toFixed(4);
    const b = Math.cos(r * 0.7).toFixed(4);
    lines.push(`${r},${a},${b},${((r * 7) % 11) / 10},${label ? label(r) : Number(a) + Number(b) > 0 ? 1 : 0}`);
  }
  const path = join(scratch, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('a streamed table', () => {
  const files = haveSharedData() ? ['pima-indians-diabetes.csv', 'iris.csv', 'housing.csv', 'sonar.csv'] : [];
  it.each(files)('%s: the same rows, classes and names as read whole', (file) => {
    const source = csv(sharedDataset(file));
    const whole = new DataStore().load('d', source, span);
    const streamed = new DataStore(tiny).load('d', source, span);
    expect(streamed.stream!.blocks.length).toBeGreaterThan(5);
    expect([streamed.rows, streamed.featureDim, streamed.labelColumns, streamed.classes, streamed.stringLabels, streamed.featureNames]).toEqual([whole.rows, whole.featureDim, whole.labelColumns, whole.classes, whole.stringLabels, whole.featureNames]);
    const rows = allRows(streamed);
    expect(rows.features).toEqual(Array.from(whole.features));
    expect(rows.labels).toEqual(Array.from(whole.labels));
  });

  it('classic Mac line endings (CR alone) stream as lines, as they are read whole', () => {
    const lines = ['a,b,label'];
    for (let r = 0; r < 200; r++) lines.push(`${r},${r % 7},${r % 2}`);
    const path = join(scratch, 'mac.csv');
    writeFileSync(path, lines.join('\r') + '\r');
    const whole = new DataStore().load('d', csv(path), span);
    const streamed = new DataStore({ streamAbove: 0, blockBytes: 64 }).load('d', csv(path), span);
    expect(streamed.rows).toBe(200);
    expect(allRows(streamed).features).toEqual(Array.from(whole.features));
    const bad = join(scratch, 'mac-bad.csv');
    writeFileSync(bad, lines.join('\r').replace('\r150,3,0', '\r150,x,0') + '\r');
    const err = caught(() => new DataStore({ streamAbove: 0, blockBytes: 64 }).load('d', csv(bad), span));
    expect([err.diagnostics[0]!.code, err.diagnostics[0]!.span!.line]).toEqual(['NNC4004', 152]);
  });

  it('holds no rows: reading them whole is an error that names the file', () => {
    const t = new DataStore(tiny).load('d', csv(writeCsv('held.csv', 50)), span);
    expect(() => t.features).toThrow(/held\.csv are streamed from the file/);
  });

  it('is only what is over the threshold: smaller files are read whole', () => {
    const path = writeCsv('small.csv', 50);
    expect(new DataStore({ streamAbove: 1 << 20 }).load('d', csv(path), span).stream).toBeUndefined();
    expect(new DataStore({ streamAbove: 100 }).load('d', csv(path), span).stream).toBeDefined();
  });

  it('labels that were numbers in the first block and text later: NNC4004 at the cell', () => {
    const path = writeCsv('late-text.csv', 300, (r) => (r === 250 ? 'yes' : '0'));
    const err = caught(() => new DataStore(tiny).load('d', csv(path), span));
    expect(err.diagnostics[0]!.code).toBe('NNC4004');
    expect(err.diagnostics[0]!.span!.line).toBe(252);
  });

  it('cannot be split: NNC4017', () => {
    const checked = check(`dataset d = csv("${writeCsv('split.csv', 100)}", labels=-1)\ndataset a, b = split(d, test_size=0.2)\n`, tiny);
    expect(checked.diagnostics.map((d) => d.code)).toEqual(['NNC4017']);
  });
});

describe('windows of a streamed table', () => {
  // blocks of ~9 rows: windows of 48 rows leave rows over, carried to the next window
  const table = new DataStore({ streamAbove: 0, blockBytes: 230, windowBytes: 4 * 5 * 48 }).load('d', csv(writeCsv('windows.csv', 1000)), span);
  /** The rows a window steps over, in its order: their ids (column 0), and their labels. */
  const visit = (w: Window) => Array.from({ length: w.rows }, (_, i) => (w.order ? w.order[i]! : i));
  const ids = (w: Window) => visit(w).map((r) => w.table.features[r * 4]!);
  const epoch = (e: number, shuffle: boolean, from = 0, to = 1000) => [...streamWindows(table, from, to, { batchSize: 16, shuffle, seed: 3, epoch: e })];

  it('in file order without shuffling, whole batches but the last', () => {
    const windows = epoch(0, false);
    expect(windowRows(table, 16, table.stream!.windowBytes)).toBe(48);
    expect(windows.flatMap(ids)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    for (const w of windows.slice(0, -1)) expect(w.rows % 16).toBe(0);
  });

  it('shuffled: every row once per epoch, windows bounded, another order each epoch, the same for the same seed', () => {
    const first = epoch(0, true);
    const order = first.flatMap(ids);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(order).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
    for (const w of first) expect(w.table.rows).toBeLessThanOrEqual(48 + 16);
    for (const w of first.slice(0, -1)) expect(w.rows % 16).toBe(0);
    expect(epoch(1, true).flatMap(ids)).not.toEqual(order);
    expect(epoch(0, true).flatMap(ids)).toEqual(order);
    // labels travel with their rows
    for (const w of first) for (const r of visit(w)) expect(w.table.labels[r]).toBe(w.table.features[r * 4 + 1]! + w.table.features[r * 4 + 2]! > 0 ? 1 : 0);
  });

  it('a range of rows (the training part of a validation split) only', () => {
    const order = epoch(0, true, 0, 900).flatMap(ids);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 900 }, (_, i) => i));
  });
});

function check(text: string, data?: DataStoreOptions) {
  return checkSource(new SourceFile(join(scratch, 'p.nn'), text), { mode: 'run', ...(data ? { data } : {}) });
}

/** The fit's history, the evaluation and the predictions of a program with one of each. */
async function run(text: string, data?: DataStoreOptions) {
  const checked = check(text, data);
  if (!checked.program) throw new Error(renderDiagnostics(checked.diagnostics));
  const results: StatementResult[] = await runProgram(checked.program, { backend: await selectBackend('cpu'), seed: 1, verbose: 0, outDir: join(scratch, 'out'), data: checked.data, stdout: { write: () => {}, isTTY: false } });
  const find = <K extends 'history' | 'evaluation' | 'predictions'>(k: K) => results.find((r) => r[k])![k]!;
  return { history: find('history'), evaluation: find('evaluation'), predictions: Array.from(find('predictions').values) };
}

describe('running on a streamed dataset', () => {
  const path = writeCsv('run.csv', 700);
  const windows: DataStoreOptions = { ...tiny, windowBytes: 4 * 5 * 64 };
  const program = (fit: string) => `dataset d = csv("${path}", features=1:4, labels=4)
model m = Sequential {
  Normalization(input_dim=3)
  Dense(8, activation="relu")
  Dense(1, activation="sigmoid")
}
compile m(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
fit m(d, ${fit})
evaluate m(d)
predict m(d)
`;

  it('without shuffling: the same history, evaluation and predictions as the file read whole, bit for bit', async () => {
    const text = program('epochs=3, batch_size=32, shuffle=false, validation_split=0.2');
    const whole = await run(text);
    const streamed = await run(text, windows);
    expect(streamed.history).toEqual(whole.history);
    expect(streamed.evaluation).toEqual(whole.evaluation);
    expect(streamed.predictions).toEqual(whole.predictions);
  });

  it('shuffled: seeded (the same twice), and it learns', async () => {
    const text = program('epochs=8, batch_size=16');
    const a = await run(text, windows);
    const b = await run(text, windows);
    expect(a.history).toEqual(b.history);
    const loss = a.history.history.loss!;
    expect(loss.at(-1)!).toBeLessThan(loss[0]!);
    expect(a.evaluation.accuracy).toBeGreaterThan(0.9);
  });
});
