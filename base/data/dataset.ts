// Datasets: a CSV file, a builtin dataset or a split of another dataset, loaded into one table of
// float32 features and labels. The checker loads every dataset before anything runs (so data
// errors are found first), and the runner reuses the same tables.
//
// Column selection:
// - index: 0-based; negative counts from the end (-1 is the last column).
// - slice start:end: half-open, Python semantics (negatives count from the end, a missing end is
//   the end of the row). A bound written beyond the file (start or end > columns, or < -columns)
//   is NNC4006, not silently clipped: `0:9` on an 8-column file is a mistake, not a wish.
// - name: a header cell (the file must have a header; 'auto' turns into true when names are used).
// - list: the columns of each item, in order; a column twice is NNC4011.
// - The empty list `{kind: 'list', items: []}` means "nothing given": as FEATURES it is every
//   column not used as a label, in file order; as LABELS it is no label columns (predict-only
//   data, labelColumns = 0).
// Features may overlap labels (an autoencoder's features are its labels).
import { readRegularFile } from '../files.js';
import { isAbsolute, relative, resolve } from 'node:path';
import { fail, NncError } from '../diagnostics/diagnostic.js';
import type { ColumnSelector, DataShape, DatasetSource } from './spec.js';
import { SourceFile, type Span } from '../source.js';
import { suggest } from '../suggest.js';
import { permutation, Stream } from '../rng.js';
import { makeBuiltin } from './builtin.js';
import { classifyNonNumber, parseCsv, type CsvRows } from './csv.js';

export interface Table {
  rows: number;
  featureDim: number;
  /** rows x featureDim, row-major. */
  features: Float32Array;
  /** 0 when the dataset has no labels (predict-only data). */
  labelColumns: number;
  /** rows x labelColumns; for string labels, the class index. */
  labels: Float32Array;
  /**
   * Distinct label values, in class-index order, when there is one label column and it is
   * categorical (strings, or integers with at most MAX_CLASSES distinct values); else null.
   */
  classes: string[] | null;
  stringLabels: boolean;
  /** From the header, when there is one. */
  featureNames: string[] | null;
  labelNames: string[] | null;
}

/** Integer labels with more distinct values than this are a regression target, not classes. */
export const MAX_CLASSES = 256;

export function shapeOf(table: Table): DataShape {
  return {
    rows: table.rows,
    featureDim: table.featureDim,
    labelColumns: table.labelColumns,
    classes: table.classes,
    stringLabels: table.stringLabels,
  };
}

/** Loaded datasets by name. */
export class DataStore {
  private readonly tables = new Map<string, Table>();

  /**
   * Loads (once) the dataset `name`. `span` is the dataset's declaration in the .nn program: file
   * errors with no place in the data (missing file, no rows) point there. A split's parent must
   * have been loaded first (the checker loads datasets in program order).
   */
  load(name: string, source: DatasetSource, span: Span): Table {
    const cached = this.tables.get(name);
    if (cached) return cached;
    let table: Table;
    switch (source.kind) {
      case 'csv':
        table = loadCsv(source, span);
        break;
      case 'builtin':
        table = makeBuiltin(source.which, source.options);
        break;
      case 'split': {
        const parent = this.tables.get(source.source);
        if (!parent) throw new Error(`dataset '${name}' splits '${source.source}', which is not loaded yet`);
        table = splitTable(parent, source, span);
        break;
      }
    }
    this.tables.set(name, table);
    return table;
  }

  get(name: string): Table | undefined {
    return this.tables.get(name);
  }
}

// ---- source files for diagnostics -----------------------------------------------------------

/**
 * CSV files that a diagnostic points into, by the path in its spans (and by absolute path). Only
 * files whose loading failed are kept: holding every loaded file's text would double the memory
 * of a large dataset for nothing.
 */
const sourcesWithErrors = new Map<string, SourceFile>();

/** Makes a source that is not a file (a --set value) one that diagnostics can show. */
export function rememberSource(file: SourceFile): void {
  sourcesWithErrors.set(file.path, file);
}

/** The SourceFile of a data file that an error points into, for renderDiagnostics' lookup. */
export function sourceForPath(path: string): SourceFile | undefined {
  return sourcesWithErrors.get(path) ?? sourcesWithErrors.get(resolve(path));
}

/** How a data file is named in diagnostics: relative to the working folder when inside it. */
function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

// ---- reading files ----------------------------------------------------------------------------

function osReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const LF = 10;
const CR = 13;

/** Reads a CSV file as text; NNC4001 when it cannot be read, NNC4009 when it is not UTF-8 text. */
function readDataFile(source: Extract<DatasetSource, { kind: 'csv' }>, span: Span): { file: SourceFile; bytes: Uint8Array } {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(source.resolvedPath);
  } catch (err) {
    const shown = displayPath(source.resolvedPath);
    const where = shown !== source.path ? ` (looked for ${shown})` : '';
    fail('NNC4001', span, { path: source.path, reason: osReason(err) + where });
  }
  // Classic Mac line endings (CR alone): read as lines, as the SourceFile of the text will be.
  if (!bytes.includes(LF) && bytes.includes(CR)) bytes = Buffer.from(bytes.map((b) => (b === CR ? LF : b)));
  const notText = notTextReason(bytes);
  if (notText) fail('NNC4009', span, { path: source.path, reason: notText });
  let text: string;
  try {
    text = utf8.decode(bytes); // also drops a UTF-8 byte order mark
  } catch (err) {
    if (err instanceof TypeError) fail('NNC4009', span, { path: source.path, reason: invalidUtf8Reason(bytes) });
    fail('NNC4001', span, { path: source.path, reason: `it is too large to read as text (${bytes.length} bytes)` });
  }
  return { file: new SourceFile(displayPath(source.resolvedPath), text), bytes };
}

function notTextReason(bytes: Uint8Array): string | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return 'it is UTF-16 text; save it as UTF-8';
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return `it holds a zero byte (at byte ${nul}), so it is a binary file or UTF-16 text, not UTF-8 CSV`;
  return null;
}

/** Where the first invalid UTF-8 sequence is, in words (only on the error path). */
function invalidUtf8Reason(bytes: Uint8Array): string {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 10) line++;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need >= 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) {
      const hex = b.toString(16).toUpperCase().padStart(2, '0');
      return `byte 0x${hex} on line ${line} is not valid UTF-8 (is the file in another encoding, such as Latin-1?)`;
    }
    i += need + 1;
  }
  return 'it is not valid UTF-8';
}

// ---- CSV -> table -----------------------------------------------------------------------------

function loadCsv(source: Extract<DatasetSource, { kind: 'csv' }>, span: Span): Table {
  const { file, bytes } = readDataFile(source, span);
  try {
    return csvTable(file, bytes, source, span);
  } catch (err) {
    if (err instanceof NncError && err.diagnostics.some((d) => d.span?.file === file.path)) {
      sourcesWithErrors.set(file.path, file);
      sourcesWithErrors.set(resolve(source.resolvedPath), file);
    }
    throw err;
  }
}

const isEverythingElse = (s: ColumnSelector) => s.kind === 'list' && s.items.length === 0;

function csvTable(file: SourceFile, bytes: Uint8Array, source: Extract<DatasetSource, { kind: 'csv' }>, span: Span): Table {
  const csv = parseCsv(file, { delimiter: source.delimiter, utf8: bytes });
  if (csv.rowCount === 0) fail('NNC4002', span, { path: source.path });
  const columns = csv.columnCount;

  // Names resolve against the first row, which 'auto' then takes as the header.
  const usesNames = selectsByName(source.features) || selectsByName(source.labels);
  const names = source.header === false ? null : Array.from({ length: columns }, (_, c) => csv.cell(0, c));
  const resolveColumns = (s: ColumnSelector) => resolveSelector(s, columns, names);

  let featureColumns: number[];
  let labelColumns: number[];
  if (isEverythingElse(source.features)) {
    labelColumns = resolveColumns(source.labels);
    const used = new Set(labelColumns);
    featureColumns = [];
    for (let c = 0; c < columns; c++) if (!used.has(c)) featureColumns.push(c);
    if (featureColumns.length === 0) {
      fail('NNC4012', span, {
        what: 'features (every column not used as a label)',
        help: 'the file has no column left for features; give labels= and features= explicitly',
      });
    }
  } else {
    featureColumns = resolveColumns(source.features);
    labelColumns = resolveColumns(source.labels);
  }

  const header = source.header === 'auto' ? usesNames || looksLikeHeader(csv, featureColumns) : source.header;
  const first = header ? 1 : 0;
  const rows = csv.rowCount - first;
  if (rows === 0) fail('NNC4002', span, { path: source.path });

  const features = readFeatures(csv, first, featureColumns);
  const labels = readLabels(csv, first, labelColumns);
  return {
    rows,
    featureDim: featureColumns.length,
    features,
    labelColumns: labelColumns.length,
    labels: labels.values,
    classes: labels.classes,
    stringLabels: labels.stringLabels,
    featureNames: header ? featureColumns.map((c) => csv.cell(0, c)) : null,
    labelNames: header ? labelColumns.map((c) => csv.cell(0, c)) : null,
  };
}

function selectsByName(s: ColumnSelector): boolean {
  return s.kind === 'name' || (s.kind === 'list' && s.items.some(selectsByName));
}

/** 'auto': the first row is a header when one of its feature cells is written, but not as a number. */
function looksLikeHeader(csv: CsvRows, featureColumns: number[]): boolean {
  return featureColumns.some((c) => {
    if (!Number.isNaN(csv.value(0, c))) return false;
    return classifyNonNumber(csv.cell(0, c)) === 'text';
  });
}

/** The columns a selector names, in order. */
export function resolveSelector(s: ColumnSelector, columns: number, header: string[] | null): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const add = (c: number, where: Span) => {
    if (seen.has(c)) fail('NNC4011', where, { column: c });
    seen.add(c);
    out.push(c);
  };
  const visit = (sel: ColumnSelector) => {
    switch (sel.kind) {
      case 'index': {
        if (sel.index >= columns || sel.index < -columns) fail('NNC4006', sel.span, { index: sel.index, columns });
        add(sel.index < 0 ? sel.index + columns : sel.index, sel.span);
        break;
      }
      case 'slice': {
        for (const bound of [sel.start, sel.end]) {
          if (bound !== null && (bound > columns || bound < -columns)) fail('NNC4006', sel.span, { index: bound, columns });
        }
        const start = sel.start === null ? 0 : sel.start < 0 ? sel.start + columns : sel.start;
        const end = sel.end === null ? columns : sel.end < 0 ? sel.end + columns : sel.end;
        if (start >= end) {
          fail('NNC4012', sel.span, {
            what: `the slice ${sliceText(sel.start, sel.end)}`,
            help: 'a slice start:end takes the columns from start up to end-1, so start must come before end',
          });
        }
        for (let c = start; c < end; c++) add(c, sel.span);
        break;
      }
      case 'name': {
        if (header === null) fail('NNC4013', sel.span, { name: sel.name });
        const c = header.indexOf(sel.name);
        if (c < 0) {
          const suggestion = suggest(sel.name, header);
          fail('NNC4007', sel.span, suggestion ? { name: sel.name, suggestion } : { name: sel.name });
        }
        add(c, sel.span);
        break;
      }
      case 'list':
        for (const item of sel.items) visit(item);
        break;
    }
  };
  visit(s);
  return out;
}

function sliceText(start: number | null, end: number | null): string {
  return `${start ?? ''}:${end ?? ''}`;
}

/** A cell that is not a finite float32: NNC4008 empty, NNC4005 NaN/infinite, NNC4004 text. */
function failCell(csv: CsvRows, r: number, c: number, value: number): never {
  const span = csv.cellSpan(r, c);
  const text = csv.cell(r, c);
  if (!Number.isNaN(value)) fail('NNC4005', span, { value: text, column: c }); // a number beyond float32
  switch (classifyNonNumber(text)) {
    case 'empty':
      fail('NNC4008', span, { value: text, column: c });
    case 'non-finite':
      fail('NNC4005', span, { value: text, column: c });
    case 'text':
      fail('NNC4004', span, { value: text, column: c });
  }
}

function readFeatures(csv: CsvRows, first: number, columns: number[]): Float32Array {
  const dim = columns.length;
  const width = csv.columnCount;
  const values = csv.values;
  const out = new Float32Array((csv.rowCount - first) * dim);
  let k = 0;
  for (let r = first; r < csv.rowCount; r++) {
    const base = r * width;
    for (let j = 0; j < dim; j++) {
      const v = values[base + columns[j]!]!;
      if (v - v !== 0) failCell(csv, r, columns[j]!, v); // NaN (not a number) or infinite
      out[k++] = v;
    }
  }
  return out;
}

interface Labels {
  values: Float32Array;
  classes: string[] | null;
  stringLabels: boolean;
}

function readLabels(csv: CsvRows, first: number, columns: number[]): Labels {
  const rows = csv.rowCount - first;
  if (columns.length !== 1) {
    // No labels, or several numeric columns (one-hot or multi-output regression targets).
    return { values: readFeatures(csv, first, columns), classes: null, stringLabels: false };
  }
  const c = columns[0]!;
  const numbers = new Float64Array(rows);
  let strings = false;
  for (let r = first; r < csv.rowCount; r++) {
    const v = csv.value(r, c);
    if (v - v === 0) {
      numbers[r - first] = v;
      continue;
    }
    if (!Number.isNaN(v)) failCell(csv, r, c, v);
    const kind = classifyNonNumber(csv.cell(r, c));
    if (kind !== 'text') failCell(csv, r, c, v); // empty, or NaN/inf: a missing label, not a class
    strings = true;
  }

  if (strings) return { ...stringClasses(Array.from({ length: rows }, (_, i) => csv.cell(i + first, c))), stringLabels: true };
  return { values: Float32Array.from(numbers), classes: numericClasses(numbers), stringLabels: false };
}

/** Class names sorted by code point (as numpy.unique / sklearn's LabelEncoder); each label is its index. */
export function stringClasses(cells: readonly string[]): { values: Float32Array; classes: string[] } {
  const classes = [...new Set(cells)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(classes.map((name, i) => [name, i]));
  return { values: Float32Array.from(cells, (name) => index.get(name)!), classes };
}

/**
 * Numeric labels keep their values (Keras takes integer labels as class indices as they are);
 * few distinct integers also give a class list, sorted by value.
 */
export function numericClasses(numbers: ArrayLike<number>): string[] | null {
  const distinct = new Set<number>();
  for (let i = 0; i < numbers.length; i++) {
    const v = numbers[i]!;
    if (!Number.isInteger(v)) return null;
    distinct.add(v);
    if (distinct.size > MAX_CLASSES) return null;
  }
  return [...distinct].sort((a, b) => a - b).map((v) => String(v));
}

// ---- splits -----------------------------------------------------------------------------------

/**
 * One part of a train/test split, as sklearn's train_test_split: n_test = ceil(testSize * n); the
 * rows are permuted with permutation(n, seed, Stream.data) when shuffling; the LAST n_test rows
 * of that order are the test part, the others (in that order) the train part. Both parts keep the
 * parent's class list, so class indices mean the same in each.
 */
export function splitTable(parent: Table, split: Extract<DatasetSource, { kind: 'split' }>, span: Span): Table {
  const n = parent.rows;
  const testRows = Math.ceil(split.testSize * n);
  const trainRows = n - testRows;
  if (trainRows <= 0) fail('NNC4014', span, { rows: n, testRows });
  const order = split.shuffle ? permutation(n, split.seed, Stream.data) : null;
  const [from, count] = split.part === 'train' ? [0, trainRows] : [trainRows, testRows];
  const fd = parent.featureDim;
  const ld = parent.labelColumns;
  const features = new Float32Array(count * fd);
  const labels = new Float32Array(count * ld);
  for (let i = 0; i < count; i++) {
    const src = order ? order[from + i]! : from + i;
    features.set(parent.features.subarray(src * fd, (src + 1) * fd), i * fd);
    labels.set(parent.labels.subarray(src * ld, (src + 1) * ld), i * ld);
  }
  return { ...parent, rows: count, features, labels };
}
