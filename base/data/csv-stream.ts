// A CSV file too large to hold in memory (over STREAM_ABOVE_BYTES), read as a stream of blocks of
// whole rows (docs/data.md, "Files larger than memory"). The checker's pass reads the whole file
// once, a block at a time, with the same parser and rules as the in-memory loader, so every error
// is found before anything runs and points at the same file:line:col; it keeps only what the table
// needs: rows, columns, the label classes, and where each block starts. The runner reads the rows
// back a block at a time (runtime/data-feed.ts), never holding more than a window of them.
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { fail, NncError } from '../diagnostics/diagnostic.js';
import { SourceFile, type Span } from '../source.js';
import { parseCsv, classifyNonNumber, type CsvRows } from './csv.js';
import { chooseColumns, MAX_CLASSES, readFeatures, readLabels, type ColumnChoice } from './csv-columns.js';
import { displayPath, invalidUtf8Reason, notTextReason, osReason, rememberErrorSource } from './csv-file.js';
import type { DatasetSource } from './spec.js';
import type { Table, TableStream } from './dataset.js';

/** CSV files larger than this (bytes) are streamed; smaller ones are read whole (the faster way). */
export const STREAM_ABOVE_BYTES = 128 * 2 ** 20;

/** Bytes read and parsed at once: a block is this much text, cut after its last whole row. */
export const BLOCK_BYTES = 4 * 2 ** 20;

type CsvSource = Extract<DatasetSource, { kind: 'csv' }>;

/** Where a block of whole rows lies in the file, and where its rows and lines start. */
export interface CsvBlock {
  start: number;
  end: number;
  firstRow: number;
  rows: number;
  /** 1-based line of its first byte, and characters before it (for error positions). */
  firstLine: number;
  firstChar: number;
  /** The file's first block: its first row is the header when there is one. */
  header: boolean;
}

/** A block's text as a SourceFile whose spans and lines are those of the whole file. */
class BlockSource extends SourceFile {
  constructor(
    path: string,
    text: string,
    private readonly firstLine: number,
    private readonly firstChar: number,
  ) {
    super(path, text);
  }

  override span(offset: number, endOffset: number): Span {
    const s = super.span(offset, endOffset);
    const lines = this.firstLine - 1;
    return { ...s, line: s.line + lines, endLine: s.endLine + lines, offset: s.offset + this.firstChar, endOffset: s.endOffset + this.firstChar };
  }

  override lineText(line: number): string {
    return super.lineText(line - this.firstLine + 1);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A validated CSV file, read back a block at a time. */
export class CsvStream implements TableStream {
  constructor(
    private readonly source: CsvSource,
    private readonly span: Span,
    readonly choice: ColumnChoice,
    /** Cells per row (the file's first row's). */
    readonly columns: number,
    readonly blocks: readonly CsvBlock[],
    /** String labels: class name -> index (classes sorted); null for numeric labels. */
    private readonly classIndex: Map<string, number> | null,
    /** Classic Mac line endings (CR alone): read as LFs, as the in-memory loader does. */
    private readonly crOnly: boolean,
    readonly windowBytes?: number,
  ) {}

  get description(): string {
    return displayPath(this.source.resolvedPath);
  }

  readBlock(i: number): { features: Float32Array; labels: Float32Array } {
    const block = this.blocks[i]!;
    const fd = openFile(this.source, this.span);
    try {
      const csv = parseBlock(fd, block, this.source, this.span, this.columns, this.crOnly);
      const first = block.header && this.choice.header ? 1 : 0;
      return { features: readFeatures(csv, first, this.choice.featureColumns), labels: blockLabels(csv, first, this.choice.labelColumns, this.classIndex) };
    } finally {
      closeSync(fd);
    }
  }
}

function openFile(source: CsvSource, span: Span): number {
  try {
    return openSync(source.resolvedPath, 'r');
  } catch (err) {
    const shown = displayPath(source.resolvedPath);
    fail('NNC4001', span, { path: source.path, reason: osReason(err) + (shown !== source.path ? ` (looked for ${shown})` : '') });
  }
}

/** Reads and parses one block; data errors point into the file (and keep the block for rendering). */
function parseBlock(fd: number, block: CsvBlock, source: CsvSource, span: Span, columns: number, crOnly: boolean): CsvRows {
  const bytes = Buffer.allocUnsafe(block.end - block.start);
  let got = 0;
  while (got < bytes.length) {
    const n = readSync(fd, bytes, got, bytes.length - got, block.start + got);
    if (n === 0) fail('NNC4001', span, { path: source.path, reason: 'the file became shorter while it was read' });
    got += n;
  }
  if (crOnly) crToLf(bytes, 0, bytes.length);
  const file = decodeBlock(bytes, block, source, span);
  try {
    return parseCsv(file, { delimiter: source.delimiter, utf8: bytes, columns });
  } catch (err) {
    if (err instanceof NncError) rememberErrorSource(file, source.resolvedPath);
    throw err;
  }
}

function decodeBlock(bytes: Uint8Array, block: CsvBlock, source: CsvSource, span: Span): BlockSource {
  const notText = notTextReason(bytes, block.start);
  if (notText) fail('NNC4009', span, { path: source.path, reason: notText });
  let text: string;
  try {
    // ASCII (most numeric files) is its own text: latin1 decoding is a plain copy
    text = isAscii(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : utf8.decode(bytes);
  } catch {
    fail('NNC4009', span, { path: source.path, reason: invalidUtf8Reason(bytes, block.firstLine) });
  }
  return new BlockSource(displayPath(source.resolvedPath), text, block.firstLine, block.firstChar);
}

/** A block's labels as the table stores them: numbers, or (string labels) the index of each class. */
function blockLabels(csv: CsvRows, first: number, columns: number[], classIndex: Map<string, number> | null): Float32Array {
  const read = readLabels(csv, first, columns); // every check the in-memory loader makes
  if (!classIndex) {
    if (read.stringLabels) failFirstText(csv, first, columns[0]!);
    return read.values;
  }
  const out = new Float32Array(csv.rowCount - first);
  for (let r = first; r < csv.rowCount; r++) out[r - first] = classIndex.get(csv.cell(r, columns[0]!))!;
  return out;
}

/** Labels were numbers in the file's first block; a later text label is NNC4004 at the cell. */
function failFirstText(csv: CsvRows, first: number, c: number): never {
  for (let r = first; r < csv.rowCount; r++) {
    if (Number.isNaN(csv.value(r, c)) && classifyNonNumber(csv.cell(r, c)) === 'text') {
      fail('NNC4004', csv.cellSpan(r, c), { value: csv.cell(r, c), column: c });
    }
  }
  throw new Error('failFirstText: no text label');
}

// ---- the checker's pass -----------------------------------------------------------------------

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

/**
 * The end (exclusive) of the last whole row in bytes[0, length), or 0 when there is none: after the
 * last line break that is not inside a quoted value. Rows start outside quotes (a block starts at
 * a row); a value is quoted only when " is its first character after blanks (the parser's rule).
 */
export function lastRowEnd(bytes: Uint8Array, length: number, delimiter: number): number {
  const lastLf = bytes.lastIndexOf(LF, length - 1);
  if (lastLf < 0) return 0;
  if (bytes.indexOf(QUOTE) < 0 || bytes.indexOf(QUOTE) > lastLf) return lastLf + 1;
  let end = 0;
  let atValueStart = true;
  for (let i = 0; i < length; i++) {
    const b = bytes[i]!;
    if (atValueStart && (b === SPACE || b === TAB || b === CR) && b !== delimiter) continue;
    if (atValueStart && b === QUOTE) {
      // to the closing quote ("" is an escaped quote inside)
      for (i++; i < length; i++) {
        if (bytes[i] !== QUOTE) continue;
        if (i + 1 < length && bytes[i + 1] === QUOTE) i++;
        else break;
      }
      atValueStart = false;
      continue;
    }
    atValueStart = b === delimiter || b === LF;
    if (b === LF) end = i + 1;
  }
  return end;
}

function crToLf(bytes: Uint8Array, from: number, to: number): void {
  for (let i = bytes.indexOf(CR, from); i >= 0 && i < to; i = bytes.indexOf(CR, i + 1)) bytes[i] = LF;
}

/** What the pass learns of the labels, block by block, to give the table its classes. */
class LabelSummary {
  stringLabels: boolean | null = null;
  readonly names = new Set<string>();
  private readonly numbers = new Set<number>();
  private integers = true;

  add(csv: CsvRows, first: number, columns: number[]): void {
    const read = readLabels(csv, first, columns);
    if (columns.length !== 1) return;
    this.stringLabels ??= read.stringLabels;
    const c = columns[0]!;
    if (this.stringLabels) {
      for (let r = first; r < csv.rowCount; r++) this.names.add(csv.cell(r, c));
      return;
    }
    if (read.stringLabels) failFirstText(csv, first, c);
    for (const v of read.values) {
      if (!this.integers || this.numbers.size > MAX_CLASSES) break;
      if (!Number.isInteger(v)) this.integers = false;
      else this.numbers.add(v);
    }
  }

  classes(): string[] | null {
    if (this.stringLabels) return [...this.names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (!this.integers || this.numbers.size > MAX_CLASSES || this.stringLabels === null) return null;
    return [...this.numbers].sort((a, b) => a - b).map((v) => String(v));
  }
}

/**
 * Reads the whole file once, block by block, checking every row as the in-memory loader would, and
 * returns the streamed table: its shape and classes now, its rows through `stream`.
 */
export function scanCsvStream(source: CsvSource, span: Span, options: { blockBytes?: number; windowBytes?: number } = {}): Table {
  const blockBytes = options.blockBytes ?? BLOCK_BYTES;
  const fd = openFile(source, span);
  const delimiter = source.delimiter.charCodeAt(0);
  const blocks: CsvBlock[] = [];
  const labels = new LabelSummary();
  let choice: ColumnChoice | null = null;
  let crOnly = false;
  let columns = 0;
  let headerNames: string[] | null = null;
  let rows = 0;
  let line = 1;
  let chars = 0;
  let buffer = Buffer.allocUnsafe(blockBytes);
  let carried = 0; // bytes of a partial row at the start of `buffer`
  let position = 0; // file offset of buffer[carried]
  try {
    for (;;) {
      let read = 0;
      while (carried + read < buffer.length) {
        const n = readSync(fd, buffer, carried + read, buffer.length - carried - read, position + read);
        if (n === 0) break;
        read += n;
      }
      const length = carried + read;
      const eof = length < buffer.length;
      if (length === 0) break;
      if (blocks.length === 0 && position === 0) crOnly = !buffer.subarray(0, length).includes(LF) && buffer.subarray(0, length).includes(CR);
      if (crOnly) crToLf(buffer, carried, length);
      let cut = eof ? length : lastRowEnd(buffer, length, delimiter);
      if (cut === 0) {
        // one row longer than the buffer: a bigger buffer, the same bytes again
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
        carried = length;
        position += read;
        continue;
      }
      const start = position - carried;
      const block: CsvBlock = { start, end: start + cut, firstRow: rows, rows: 0, firstLine: line, firstChar: chars, header: blocks.length === 0 };
      const bytes = buffer.subarray(0, cut);
      const file = decodeBlock(bytes, block, source, span);
      try {
        // after the first block, every row must have the first row's cells
        const csv = parseCsv(file, { delimiter: source.delimiter, utf8: bytes, ...(choice ? { columns } : {}) });
        if (csv.rowCount > 0) {
          if (!choice) {
            choice = chooseColumns(csv, source, span);
            columns = csv.columnCount;
            if (choice.header) headerNames = Array.from({ length: columns }, (_, c) => csv.cell(0, c));
          }
          const first = block.header && choice.header ? 1 : 0;
          readFeatures(csv, first, choice.featureColumns); // every cell checked
          labels.add(csv, first, choice.labelColumns);
          block.rows = csv.rowCount - first;
          rows += block.rows;
          if (block.rows > 0) blocks.push(block);
          else if (block.header) blocks.push(block); // the header's block: later blocks are not the first
        }
      } catch (err) {
        if (err instanceof NncError) rememberErrorSource(file, source.resolvedPath);
        throw err;
      }
      line += file.lineStarts.length - 1;
      chars += file.text.length;
      if (eof && cut === length) break;
      buffer.copy(buffer, 0, cut, length);
      carried = length - cut;
      position += read;
    }
  } finally {
    closeSync(fd);
  }
  if (!choice || rows === 0) fail('NNC4002', span, { path: source.path });
  const classes = labels.classes();
  const classIndex = labels.stringLabels ? new Map(classes!.map((name, i) => [name, i])) : null;
  const stream = new CsvStream(source, span, choice, columns, blocks.filter((b) => b.rows > 0), classIndex, crOnly, options.windowBytes);
  return streamedTable({
    rows,
    featureDim: choice.featureColumns.length,
    labelColumns: choice.labelColumns.length,
    classes,
    stringLabels: labels.stringLabels === true,
    featureNames: headerNames ? choice.featureColumns.map((c) => headerNames![c]!) : null,
    labelNames: headerNames ? choice.labelColumns.map((c) => headerNames![c]!) : null,
    stream,
  });
}

/** A table whose rows are in `stream`: reading its features or labels whole is a bug, and says so. */
export function streamedTable(t: Omit<Table, 'features' | 'labels'> & { stream: TableStream }): Table {
  const whole = (): never => {
    throw new Error(`the rows of ${t.stream.description} are streamed from the file; read them through table.stream`);
  };
  return {
    ...t,
    get features(): Float32Array {
      return whole();
    },
    get labels(): Float32Array {
      return whole();
    },
  };
}
