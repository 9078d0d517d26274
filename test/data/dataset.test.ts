import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ColumnSelector, DatasetSource } from '../../compiler/program.js';
import type { Span } from '../../base/source.js';
import { DataStore, shapeOf, sourceForPath, type Table } from '../../base/data/dataset.js';
import { haveSharedData, sharedDataset } from '../helpers/shared.js';
import { csvSource, expectCode, fixture, Program } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'nnc-data-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let scratchFiles = 0;

/** Loads CSV text written to a scratch file. */
function loadText(text: string | Uint8Array, features: ColumnSelector, labels: ColumnSelector, header: boolean | 'auto' = 'auto', delimiter = ','): Table {
  const path = join(scratch, `t${scratchFiles++}.csv`);
  writeFileSync(path, text);
  const source: DatasetSource = { kind: 'csv', path: 't.csv', resolvedPath: path, header, delimiter, features, labels };
  return new DataStore().load('d', source, p.pathSpan);
}

// Selectors with distinct spans in an imaginary program, so an error's span names its selector.
let cursor = 0;
function span(length: number): Span {
  const offset = cursor;
  cursor += length + 2;
  return { file: 'program.nn', line: 1, col: offset + 1, endLine: 1, endCol: offset + 1 + length, offset, endOffset: offset + length };
}
const sel = {
  i: (index: number): ColumnSelector => ({ kind: 'index', index, span: span(String(index).length) }),
  s: (start: number | null, end: number | null): ColumnSelector => ({ kind: 'slice', start, end, span: span(3) }),
  n: (name: string): ColumnSelector => ({ kind: 'name', name, span: span(name.length + 2) }),
  list: (...items: ColumnSelector[]): ColumnSelector => ({ kind: 'list', items, span: span(5) }),
  /** What the checker passes when features= is not given. */
  rest: { kind: 'list', items: [], span: span(0) } as ColumnSelector,
  /** labels=[]: no labels. */
  none: { kind: 'list', items: [], span: span(2) } as ColumnSelector,
};
const p = new Program('dataset d = csv("data.csv")');
const rows = (t: Table) => Array.from({ length: t.rows }, (_, r) => Array.from(t.features.subarray(r * t.featureDim, (r + 1) * t.featureDim)));

describe('DataStore.load: CSV files', () => {
  it('detects a header row when a feature cell is text, and takes names from it', () => {
    const t = new DataStore().load('iris', csvSource('named.csv', sel.rest, sel.i(-1)), p.pathSpan);
    expect(t.rows).toBe(3);
    expect(t.featureNames).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(t.labelNames).toEqual(['species']);
    expect(rows(t)[0]).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
  });

  it('takes a first row of numbers as data, even when the label cell is text', () => {
    const t = loadText('1,2,cat\n3,4,dog\n', sel.rest, sel.i(-1));
    expect(t.rows).toBe(2);
    expect(t.featureNames).toBeNull();
    expect(t.classes).toEqual(['cat', 'dog']);
  });

  it('takes a first row as a header when told to, and as data when told not to', () => {
    const t = loadText('1,2,3\n4,5,6\n', sel.rest, sel.i(-1), true);
    expect(t.rows).toBe(1);
    expect(t.featureNames).toEqual(['1', '2']);
    expectCode(() => loadText('a,b,c\n4,5,6\n', sel.rest, sel.i(-1), false), 'NNC4004');
  });

  it('makes string labels class indices, classes sorted by code point', () => {
    const t = loadText('1,zebra\n2,Ant\n3,ant\n4,zebra\n5,"b,c"\n', sel.rest, sel.i(1));
    expect(t.stringLabels).toBe(true);
    expect(t.classes).toEqual(['Ant', 'ant', 'b,c', 'zebra']);
    expect(Array.from(t.labels)).toEqual([3, 0, 1, 3, 2]);
    expect(shapeOf(t)).toEqual({ rows: 5, featureDim: 1, featureShape: [1], labelColumns: 1, classes: ['Ant', 'ant', 'b,c', 'zebra'], stringLabels: true });
  });

  it('keeps integer labels as they are, listing few distinct ones as classes in numeric order', () => {
    const t = loadText('1,10\n2,-1\n3,2\n4,10\n', sel.rest, sel.i(1));
    expect(t.stringLabels).toBe(false);
    expect(t.classes).toEqual(['-1', '2', '10']);
    expect(Array.from(t.labels)).toEqual([10, -1, 2, 10]);
  });

  it('gives no classes for fractional labels or more than 256 distinct integers', () => {
    expect(loadText('1,0.5\n2,1\n', sel.rest, sel.i(1)).classes).toBeNull();
    const many = Array.from({ length: 257 }, (_, i) => `${i},${i}`).join('\n');
    expect(loadText(many, sel.rest, sel.i(1)).classes).toBeNull();
    const enough = Array.from({ length: 256 }, (_, i) => `${i},${i}`).join('\n');
    expect(loadText(enough, sel.rest, sel.i(1)).classes).toHaveLength(256);
  });

  it('reads several label columns as numbers, and no labels at all', () => {
    const two = loadText('1,0,1\n2,1,0\n', sel.i(0), sel.s(1, null));
    expect(two.labelColumns).toBe(2);
    expect(Array.from(two.labels)).toEqual([0, 1, 1, 0]);
    expect(two.classes).toBeNull();
    const none = loadText('1,2\n3,4\n', sel.rest, sel.none);
    expect(none.labelColumns).toBe(0);
    expect(none.labels.length).toBe(0);
    expect(none.featureDim).toBe(2); // with no labels, every column is a feature
    expect(none.classes).toBeNull();
  });

  it('selects columns by index, negative index, slices, names and lists, in the order given', () => {
    const text = 'a,b,c,d,y\n0,1,2,3,4\n10,11,12,13,14\n';
    const features = (s: ColumnSelector) => rows(loadText(text, s, sel.i(-1)))[0];
    expect(features(sel.i(-2))).toEqual([3]);
    expect(features(sel.s(1, null))).toEqual([1, 2, 3, 4]); // overlapping the labels is allowed
    expect(features(sel.s(null, 2))).toEqual([0, 1]);
    expect(features(sel.s(-3, null))).toEqual([2, 3, 4]);
    expect(features(sel.s(-3, -1))).toEqual([2, 3]);
    expect(features(sel.n('c'))).toEqual([2]);
    expect(features(sel.list(sel.n('c'), sel.i(0), sel.s(-2, null)))).toEqual([2, 0, 3, 4]);
    expect(features(sel.rest)).toEqual([0, 1, 2, 3]);
    const t = loadText(text, sel.list(sel.n('b'), sel.n('a')), sel.n('y'));
    expect(t.featureNames).toEqual(['b', 'a']);
    expect(t.labelNames).toEqual(['y']);
    expect(Array.from(t.labels)).toEqual([4, 14]);
  });

  it('reports selector errors at the selector (NNC4006, NNC4007, NNC4011, NNC4012, NNC4013)', () => {
    const text = 'a,b,c\n1,2,3\n';
    const spanOf = (code: string, features: ColumnSelector, labels: ColumnSelector, header: boolean | 'auto' = 'auto') =>
      expectCode(() => loadText(text, features, labels, header), code).diagnostics[0]!.span;
    let bad = sel.i(-4);
    expect(spanOf('NNC4006', sel.rest, bad)).toEqual(bad.span);
    bad = sel.i(3);
    expect(spanOf('NNC4006', sel.s(-3, null), bad)).toEqual(bad.span);
    bad = sel.s(0, 4);
    expect(spanOf('NNC4006', bad, sel.i(0))).toEqual(bad.span);
    bad = sel.s(-4, 2);
    expect(spanOf('NNC4006', bad, sel.i(0))).toEqual(bad.span);
    bad = sel.n('y');
    expect(spanOf('NNC4007', bad, sel.i(0))).toEqual(bad.span);
    bad = sel.s(null, 2);
    expect(spanOf('NNC4011', sel.list(sel.i(0), bad), sel.i(2))).toEqual(bad.span);
    bad = sel.s(2, 2);
    expect(spanOf('NNC4012', bad, sel.i(0))).toEqual(bad.span);
    bad = sel.s(-1, 1);
    expect(spanOf('NNC4012', bad, sel.i(0))).toEqual(bad.span);
    expect(spanOf('NNC4012', sel.rest, sel.s(null, null))).toEqual(p.pathSpan); // every column is a label
    bad = sel.n('a');
    expect(spanOf('NNC4013', sel.rest, bad, false)).toEqual(bad.span);
    expect(expectCode(() => loadText(text, sel.n('A'), sel.i(2)), 'NNC4007').diagnostics[0]!.help).toBe("did you mean 'a'?");
  });

  it('rejects NaN and infinity in every spelling, empty cells, and values beyond float32', () => {
    for (const bad of ['nan', 'NaN', 'NAN', 'inf', '-inf', 'Infinity', '+Infinity', '-1e39', '1e400']) {
      const err = expectCode(() => loadText(`1,2,0\n3,${bad},1\n`, sel.rest, sel.i(-1)), 'NNC4005');
      expect(err.diagnostics[0]!.span).toMatchObject({ line: 2, col: 3, endCol: 3 + bad.length });
      expect(err.diagnostics[0]!.message).toBe(`'${bad}' in column 1 is not a finite number`);
    }
    expectCode(() => loadText('1,2,0\n3,,1\n', sel.rest, sel.i(-1)), 'NNC4008');
    expectCode(() => loadText('1,2,0\n3,4,\n', sel.rest, sel.i(-1)), 'NNC4008'); // an empty label
    expectCode(() => loadText('1,2,0\n3,4,inf\n', sel.rest, sel.i(-1)), 'NNC4005'); // a label
    expectCode(() => loadText('1,2,0,1\n3,4,x,0\n', sel.i(0), sel.s(2, null)), 'NNC4004'); // text in one of several label columns
    expectCode(() => loadText('1,"2""",0\n', sel.rest, sel.i(-1), false), 'NNC4004');
  });

  it('reads classic Mac line endings (CR alone) as lines, and points into them by line (issue 16)', () => {
    const t = loadText('a,b,label\r1,2,0\r3,4,1\r5,6,0\r', sel.rest, sel.i(-1));
    expect(t.rows).toBe(3); // once one row of 10 cells: "1 classes ('1\r1')"
    expect(t.featureNames).toEqual(['a', 'b']);
    expect(Array.from(t.features)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(t.labels)).toEqual([0, 1, 0]);
    const err = expectCode(() => loadText('a,b,label\r1,2,0\r3,x,1\r', sel.rest, sel.i(-1)), 'NNC4004').diagnostics[0]!;
    expect([err.span?.line, err.span?.col]).toEqual([3, 3]);
    // CRLF files and a CR inside a line of an LF file are as before.
    expect(loadText('a,b\r\n1,2\r\n', sel.rest, sel.i(-1)).rows).toBe(1);
  });

  it('cuts a huge cell in the message, keeping its length (issue 16)', () => {
    const err = expectCode(() => loadText(`a,b\n${'x'.repeat(100_000)},1\n`, sel.rest, sel.i(-1)), 'NNC4004').diagnostics[0]!;
    expect(err.message).toBe(`'${'x'.repeat(199)}... (100,000 characters)' in column 0 is not a number`);
  });

  it('reads tab-separated files and files with a byte order mark', () => {
    const t = loadText('x\ty\n1\t0\n2\t1\n', sel.rest, sel.i(-1), 'auto', '\t');
    expect(Array.from(t.features)).toEqual([1, 2]);
    const bom = loadText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,2\n')]), sel.rest, sel.n('b'));
    expect(bom.featureNames).toEqual(['a']);
    expect(Array.from(bom.features)).toEqual([1]);
  });

  it('reports unreadable files (NNC4001) and non-UTF-8 ones (NNC4009) at the dataset', () => {
    const prog = new Program('dataset d = csv("data")');
    const load = (resolvedPath: string) => () =>
      new DataStore().load('d', { kind: 'csv', path: 'data', resolvedPath, header: 'auto', delimiter: ',', features: sel.rest, labels: sel.i(-1) }, prog.pathSpan);
    const folder = expectCode(load(scratch), 'NNC4001').diagnostics[0]!;
    expect(folder.message).toContain('it is a folder, not a file');
    expect(folder.span).toEqual(prog.pathSpan);
    const utf16 = join(scratch, 'utf16.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('1,2\n', 'utf16le')]));
    expect(expectCode(load(utf16), 'NNC4009').diagnostics[0]!.message).toContain('UTF-16');
    const binary = join(scratch, 'binary.csv');
    writeFileSync(binary, Buffer.from([0x31, 0x2c, 0x00, 0x32]));
    expect(expectCode(load(binary), 'NNC4009').diagnostics[0]!.message).toContain('zero byte');
  });

  it.runIf(process.platform !== 'win32')('refuses what is not a regular file: a device, a FIFO, /dev/stdin, a symlink to a device (issue 16)', () => {
    const prog = new Program('dataset d = csv("data")');
    const load = (resolvedPath: string) => () =>
      new DataStore().load('d', { kind: 'csv', path: 'data', resolvedPath, header: 'auto', delimiter: ',', features: sel.rest, labels: sel.i(-1) }, prog.pathSpan);
    const fifo = join(scratch, 'pipe.csv');
    execFileSync('mkfifo', [fifo]); // nobody writes to it: reading would block forever
    const link = join(scratch, 'zero.csv');
    symlinkSync('/dev/zero', link); // reading would never end
    const cases: Array<[string, string]> = [
      ['/dev/zero', 'it is a device, not a regular file'],
      [link, 'it is a device, not a regular file'],
      [fifo, 'it is a named pipe (FIFO), not a regular file'],
    ];
    for (const [path, reason] of cases) expect(expectCode(load(path), 'NNC4001').diagnostics[0]!.message).toContain(reason);
    // /dev/stdin is whatever stdin is: under a test runner a pipe, a terminal or /dev/null, never a regular file here.
    if (!statSync('/dev/stdin').isFile()) expect(expectCode(load('/dev/stdin'), 'NNC4001').diagnostics[0]!.message).toMatch(/not a regular file/);
  });

  it('keeps the source of a CSV that an error points into, for rendering', () => {
    expectCode(() => new DataStore().load('d', csvSource('non-numeric.csv', sel.rest, sel.i(-1)), p.pathSpan), 'NNC4004');
    const source = sourceForPath('test/data/fixtures/non-numeric.csv');
    expect(source?.lineText(3)).toBe('7,abc,9,1');
    expect(sourceForPath(fixture('non-numeric.csv'))).toBe(source);
    expect(sourceForPath('nowhere.csv')).toBeUndefined();
  });

  it('caches by name', () => {
    const store = new DataStore();
    const source = csvSource('named.csv', sel.rest, sel.i(-1));
    const t = store.load('d', source, p.pathSpan);
    expect(store.load('d', source, p.pathSpan)).toBe(t);
    expect(store.get('d')).toBe(t);
    expect(store.get('other')).toBeUndefined();
  });

  it('parses a wide numeric file (6,000 x 785) to the right values and classes', () => {
    const lines: string[] = [];
    for (let r = 0; r < 6000; r++) {
      const row: number[] = [r % 10];
      for (let c = 0; c < 784; c++) row.push((r * 31 + c * 17) % 256);
      lines.push(row.join(','));
    }
    const t = loadText(lines.join('\n') + '\n', sel.s(1, null), sel.i(0));
    expect(t.rows).toBe(6000);
    expect(t.featureDim).toBe(784);
    expect(t.features[5999 * 784 + 783]).toBe((5999 * 31 + 783 * 17) % 256);
    expect(t.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});

describe.skipIf(!haveSharedData())('DataStore.load: the shared datasets', () => {
  const load = (file: string, features: ColumnSelector, labels: ColumnSelector) =>
    new DataStore().load('d', { kind: 'csv', path: file, resolvedPath: sharedDataset(file), header: 'auto', delimiter: ',', features, labels }, p.pathSpan);

  it('iris: 150 rows, 4 features, three string classes of 50', () => {
    const t = load('iris.csv', sel.rest, sel.i(-1));
    expect(shapeOf(t)).toEqual({ rows: 150, featureDim: 4, featureShape: [4], labelColumns: 1, classes: ['Iris-setosa', 'Iris-versicolor', 'Iris-virginica'], stringLabels: true });
    expect(rows(t)[0]).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
    const counts = [0, 0, 0];
    for (const y of t.labels) counts[y]!++;
    expect(counts).toEqual([50, 50, 50]);
    expect(t.labels[0]).toBe(0);
    expect(t.labels[149]).toBe(2);
    expect(t.featureNames).toBeNull();
  });

  it('pima: 768 rows, 8 features, labels 0/1 (268 positive)', () => {
    const t = load('pima-indians-diabetes.csv', sel.s(0, 8), sel.i(8));
    expect(shapeOf(t)).toEqual({ rows: 768, featureDim: 8, featureShape: [8], labelColumns: 1, classes: ['0', '1'], stringLabels: false });
    expect(rows(t)[0]).toEqual([6, 148, 72, 35, 0, 33.6, 0.627, 50].map(Math.fround));
    expect(t.labels.reduce((a, b) => a + b, 0)).toBe(268);
  });

  it('housing: 506 rows, 13 features, a numeric target with no classes', () => {
    const t = load('housing.csv', sel.rest, sel.i(-1));
    expect(shapeOf(t)).toEqual({ rows: 506, featureDim: 13, featureShape: [13], labelColumns: 1, classes: null, stringLabels: false });
    expect(t.labels[0]).toBe(Math.fround(24));
  });

  it('sonar: 208 rows, 60 features, classes M and R', () => {
    const t = load('sonar.csv', sel.rest, sel.i(-1));
    expect(shapeOf(t)).toEqual({ rows: 208, featureDim: 60, featureShape: [60], labelColumns: 1, classes: ['M', 'R'], stringLabels: true });
  });
});
