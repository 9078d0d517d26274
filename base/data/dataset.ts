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
import { fail, NncError } from '../diagnostics/diagnostic.js';
import type { DataShape, DatasetSource } from './spec.js';
import type { SourceFile, Span } from '../source.js';
import { permutation, Stream } from '../rng.js';
import { makeBuiltin } from './builtin.js';
import { loadIdx, loadImages } from './image-sources.js';
import { loadTextFolder } from './text-sources.js';
import { windowSeries } from './timeseries.js';
import { parseCsv, type CsvRows } from './csv.js';
import { chooseColumns, readFeatures, readLabels } from './csv-columns.js';
import { readDataFile, rememberErrorSource } from './csv-file.js';
import { scanCsvStream, STREAM_ABOVE_BYTES } from './csv-stream.js';
import { fileSize } from '../files.js';

export interface Table {
  rows: number;
  featureDim: number;
  /** One sample's shape when it is not a flat row (images: [28, 28, 1], row-major, channels last). */
  featureShape?: number[];
  /** rows x featureDim, row-major. */
  features: Float32Array;
  /**
   * One text per row (text folders, a CSV's text column): the rows' feature, which a model reads
   * through TextVectorization; `features` is then one 0 per row and the shape [1].
   */
  texts?: string[];
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
  /**
   * Rows streamed from a file too large to hold (base/data/csv-stream.ts): `features` and `labels`
   * are then not there (reading them throws); the runner reads the rows block by block.
   */
  stream?: TableStream;
}

/** Rows read a block at a time: blocks of consecutive rows, in file order. */
export interface TableStream {
  readonly blocks: ReadonlyArray<{ readonly firstRow: number; readonly rows: number }>;
  /** Block i's rows as a table holds them: features [rows x featureDim], labels [rows x labelColumns]. */
  readBlock(i: number): { features: Float32Array; labels: Float32Array };
  /** The file, for messages. */
  readonly description: string;
  /** Bytes of rows the runner may hold at once (default runtime/data-feed.ts's WINDOW_BYTES). */
  readonly windowBytes?: number;
}

export { MAX_CLASSES, numericClasses, resolveSelector, stringClasses } from './csv-columns.js';
export { rememberSource, sourceForPath } from './csv-file.js';

export function shapeOf(table: Table): DataShape {
  return {
    rows: table.rows,
    featureDim: table.featureDim,
    featureShape: table.featureShape ?? [table.featureDim],
    ...(table.texts ? { text: true } : {}),
    labelColumns: table.labelColumns,
    classes: table.classes,
    stringLabels: table.stringLabels,
  };
}

export interface DataStoreOptions {
  /** CSV files larger than this many bytes are streamed, not read whole (default STREAM_ABOVE_BYTES). */
  streamAbove?: number;
  /** Bytes per block of a streamed file (default BLOCK_BYTES; small ones make tests cross many blocks). */
  blockBytes?: number;
  /** Bytes of a streamed file's rows held at once while running (default WINDOW_BYTES). */
  windowBytes?: number;
}

/** Loaded datasets by name. */
export class DataStore {
  private readonly tables = new Map<string, Table>();

  constructor(private readonly options: DataStoreOptions = {}) {}

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
        // texts are held in memory whatever the file's size (a text column is not streamed)
        table = !source.text && fileSize(source.resolvedPath) > (this.options.streamAbove ?? STREAM_ABOVE_BYTES) ? scanCsvStream(source, span, this.options) : loadCsv(source, span);
        break;
      case 'builtin':
        table = makeBuiltin(source.which, source.options);
        break;
      case 'idx':
        table = loadIdx(source, span);
        break;
      case 'images':
        table = loadImages(source, span);
        break;
      case 'text':
        table = loadTextFolder(source, span);
        break;
      case 'split':
      case 'timeseries': {
        const parent = this.tables.get(source.source);
        if (!parent) throw new Error(`dataset '${name}' is made from '${source.source}', which is not loaded yet`);
        table = source.kind === 'split' ? splitTable(parent, source, span) : windowSeries(parent, source, span);
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

// ---- CSV -> table -----------------------------------------------------------------------------

function loadCsv(source: Extract<DatasetSource, { kind: 'csv' }>, span: Span): Table {
  const { file, bytes } = readDataFile(source, span);
  try {
    return csvTable(file, bytes, source, span);
  } catch (err) {
    if (err instanceof NncError && err.diagnostics.some((d) => d.span?.file === file.path)) rememberErrorSource(file, source.resolvedPath);
    throw err;
  }
}

function csvTable(file: SourceFile, bytes: Uint8Array, source: Extract<DatasetSource, { kind: 'csv' }>, span: Span): Table {
  const csv = parseCsv(file, { delimiter: source.delimiter, utf8: bytes });
  if (csv.rowCount === 0) fail('NNC4002', span, { path: source.path });
  const { featureColumns, labelColumns, header } = chooseColumns(csv, source, span);
  const first = header ? 1 : 0;
  const rows = csv.rowCount - first;
  if (rows === 0) fail('NNC4002', span, { path: source.path });

  if (source.text) return csvTextTable(csv, first, rows, featureColumns[0]!, labelColumns, header);
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

/** A CSV with a text column: each row's text (the cell as written, unquoted), and its labels. */
function csvTextTable(csv: CsvRows, first: number, rows: number, column: number, labelColumns: number[], header: boolean): Table {
  const labels = readLabels(csv, first, labelColumns);
  return {
    rows,
    featureDim: 1,
    featureShape: [1],
    features: new Float32Array(rows),
    texts: Array.from({ length: rows }, (_, r) => csv.cell(r + first, column)),
    labelColumns: labelColumns.length,
    labels: labels.values,
    classes: labels.classes,
    stringLabels: labels.stringLabels,
    featureNames: header ? [csv.cell(0, column)] : null,
    labelNames: header ? labelColumns.map((c) => csv.cell(0, c)) : null,
  };
}

// ---- splits -----------------------------------------------------------------------------------

/**
 * One part of a train/test split, as sklearn's train_test_split: n_test = ceil(testSize * n); the
 * rows are permuted with permutation(n, seed, Stream.data) when shuffling; the LAST n_test rows
 * of that order are the test part, the others (in that order) the train part. Both parts keep the
 * parent's class list, so class indices mean the same in each.
 */
export function splitTable(parent: Table, split: Extract<DatasetSource, { kind: 'split' }>, span: Span): Table {
  if (parent.stream) fail('NNC4017', span, { dataset: split.source, file: parent.stream.description });
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
  const texts = parent.texts ? Array.from({ length: count }, (_, i) => parent.texts![order ? order[from + i]! : from + i]!) : undefined;
  return { ...parent, rows: count, features, labels, ...(texts ? { texts } : {}) };
}
