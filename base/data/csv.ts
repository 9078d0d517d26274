// CSV text -> a grid of cells. One pass over the character codes finds the rows, checks that
// every row has as many cells as the first, and reads every cell that is a decimal number into a
// float32 grid (NaN where a cell is not a number). Nothing is allocated per cell: a 60,000 x 785
// file is 47 million cells. A row's cells as text (labels, header names, error spans) come from
// re-scanning that one row on demand.
//
// Rules (RFC 4180, made lenient where real files are): a value may be quoted with ", a "" inside
// quotes is one ", quoted values may hold the delimiter and line breaks; lines end with LF or CRLF
// (a CR-only file arrives with LFs: see readDataFile);
// a UTF-8 byte order mark is skipped; empty and whitespace-only lines are ignored; values are
// trimmed of spaces, tabs and CRs (unless one of them is the delimiter), quoted ones outside the
// quotes only. A " that does not start a value is an ordinary character.
import { fail } from '../diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../source.js';

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** The text's UTF-16 code units: the bytes themselves for ASCII text (the common case, and fast). */
type Codes = Uint8Array | Uint16Array;

/** How a cell was written: plain, "quoted", or "quoted with "" inside" (needs unescaping). */
export const Quoting = { Plain: 0, Quoted: 1, QuotedWithEscapes: 2 } as const;
export type Quoting = (typeof Quoting)[keyof typeof Quoting];

export interface CsvOptions {
  /** One character. */
  delimiter: string;
  /**
   * The file's bytes, when the caller has them: for ASCII text ending in a line break they are the
   * character codes already, which saves a copy of the whole file.
   */
  utf8?: Uint8Array;
  /**
   * Cells every row must have; default the first row's count. A block of a streamed file
   * (csv-stream.ts) gives the file's, so its own first row is checked too.
   */
  columns?: number;
}

/** The rows of a CSV file: every cell's number, and each row's cells as text on demand. */
export class CsvRows {
  /** Start of each cell of the selected row (inside the quotes for quoted cells). */
  readonly cellStart: Int32Array;
  /** End (exclusive) of each cell of the selected row, trimmed. */
  readonly cellEnd: Int32Array;
  readonly cellQuoting: Uint8Array;
  private selected = -1;

  constructor(
    readonly source: SourceFile,
    private readonly codes: Codes,
    readonly delimiter: number,
    /** Rows, empty lines not counted. */
    readonly rowCount: number,
    /** Cells in the first row; every row has this many. */
    readonly columnCount: number,
    /**
     * rowCount x columnCount, row-major: each cell as a float32 when it is a decimal number (see
     * parseDecimal), NaN when it is not (empty, text, `nan`), +-Infinity when beyond float32.
     */
    readonly values: Float32Array,
    private readonly rowStarts: Uint32Array,
    private readonly rowEnds: Uint32Array,
  ) {
    this.cellStart = new Int32Array(columnCount);
    this.cellEnd = new Int32Array(columnCount);
    this.cellQuoting = new Uint8Array(columnCount);
  }

  /** Fills cellStart/cellEnd/cellQuoting with row r's cells (valid until the next call). */
  selectRow(r: number): void {
    if (r === this.selected) return;
    scanRow(this.source, this.codes, this.rowStarts[r]!, this.delimiter, this);
    this.selected = r;
  }

  /** A cell as a number (as in `values`). */
  value(r: number, c: number): number {
    return this.values[r * this.columnCount + c]!;
  }

  /** The value of a cell, as text, quotes removed. */
  cell(r: number, c: number): string {
    this.selectRow(r);
    const value = this.source.text.slice(this.cellStart[c]!, this.cellEnd[c]!);
    return this.cellQuoting[c] === Quoting.QuotedWithEscapes ? value.replaceAll('""', '"') : value;
  }

  /** The cell as written (with its quotes), for error messages. */
  cellSpan(r: number, c: number): Span {
    this.selectRow(r);
    const quoted = this.cellQuoting[c] !== Quoting.Plain ? 1 : 0;
    return this.source.span(this.cellStart[c]! - quoted, this.cellEnd[c]! + quoted);
  }

  /** The row from its first character to the end of its (last) line. */
  rowSpan(r: number): Span {
    return this.source.span(this.rowStarts[r]!, this.rowEnds[r]!);
  }
}

/** Splits a CSV file into rows and reads its numbers. Throws NNC4003 (ragged row), NNC4010 (bad quoting). */
export function parseCsv(source: SourceFile, options: CsvOptions): CsvRows {
  if (options.delimiter.length !== 1) throw new Error(`CSV delimiter must be one character, got '${options.delimiter}'`);
  const delimiter = options.delimiter.charCodeAt(0);
  const text = source.text;
  const codes = codesOf(text, options.utf8);
  const length = text.length;
  const blank = isBlank(delimiter);
  let pos = codes[0] === 0xfeff ? 1 : 0;
  pos = skipEmptyLines(codes, pos, blank, length);
  if (pos >= length) return new CsvRows(source, codes, delimiter, 0, 0, new Float32Array(0), new Uint32Array(0), new Uint32Array(0));

  const columns = options.columns ?? scanRow(source, codes, pos, delimiter, null).cells;
  // No more rows than lines (a quoted line break makes fewer).
  const maxRows = source.lineStarts.length;
  const values = new Float32Array(maxRows * columns);
  const rowStarts = new Uint32Array(maxRows);
  const rowEnds = new Uint32Array(maxRows);
  const rows = readGrid(source, codes, pos, delimiter, blank, columns, values, rowStarts, rowEnds);
  return new CsvRows(source, codes, delimiter, rows, columns, values.subarray(0, rows * columns), rowStarts, rowEnds);
}

/**
 * The hot loop: every row from `pos` on, each cell's number into `values`, each row's bounds into
 * rowStarts/rowEnds. Returns the number of rows. Kept small and separate so that it optimizes well.
 */
function readGrid(
  source: SourceFile,
  codes: Codes,
  pos: number,
  delimiter: number,
  blank: Uint8Array,
  columns: number,
  values: Float32Array,
  rowStarts: Uint32Array,
  rowEnds: Uint32Array,
): number {
  const length = source.text.length;
  let rows = 0;
  // `codes` ends with an LF (codesOf adds one), so the inner loops need no bounds checks.
  while (pos < length) {
    const rowStart = pos;
    const base = rows * columns;
    let cells = 0;
    let c = 0;
    for (;;) {
      // One cell: skip leading blanks, then read digits [.digits] inline; anything else (quotes,
      // exponents, words, trailing blanks, many digits) takes the general path for this cell.
      c = codes[pos]!;
      while (blank[c] === 1) c = codes[++pos]!;
      let value: number;
      if (c === QUOTE) {
        const quoted = scanQuoted(source, codes, pos, delimiter);
        value = quoted.escapes ? NaN : parseDecimal(codes, quoted.start, quoted.end);
        pos = quoted.next;
        c = codes[pos]!;
      } else {
        const start = pos;
        let negative = false;
        if (c === MINUS || c === PLUS) {
          negative = c === MINUS;
          c = codes[++pos]!;
        }
        const integerStart = pos;
        let mantissa = 0;
        let d = c - ZERO;
        while (d >>> 0 < 10) {
          mantissa = mantissa * 10 + d;
          d = codes[++pos]! - ZERO;
        }
        let digits = pos - integerStart;
        let fraction = 0;
        c = d + ZERO;
        if (c === DOT) {
          const fractionStart = ++pos;
          d = codes[pos]! - ZERO;
          while (d >>> 0 < 10) {
            mantissa = mantissa * 10 + d;
            d = codes[++pos]! - ZERO;
          }
          fraction = pos - fractionStart;
          digits += fraction;
          c = d + ZERO;
        }
        if (c !== delimiter && c !== LF) {
          // Not just digits: an exponent, trailing blanks, a word. The general parser decides.
          while (c !== delimiter && c !== LF) c = codes[++pos]!;
          value = parseDecimal(codes, start, trimEnd(codes, start, pos, blank));
        } else if (digits === 0) value = NaN;
        else if (digits > 15) value = parseDecimal(codes, start, pos);
        else {
          value = fraction === 0 ? mantissa : mantissa / POW10[fraction]!;
          if (negative) value = -value;
        }
      }
      if (cells < columns) values[base + cells] = value;
      cells++;
      if (c === delimiter) {
        pos++;
        continue;
      }
      break;
    }
    const rowEnd = trimEnd(codes, rowStart, Math.min(pos, length), CR_ONLY);
    if (cells !== columns) fail('NNC4003', source.span(rowStart, rowEnd), { expected: columns, found: cells });
    rowStarts[rows] = rowStart;
    rowEnds[rows] = rowEnd;
    rows++;
    pos = skipEmptyLines(codes, pos + 1, blank, length);
  }
  return rows;
}

const NON_ASCII = /[^\x00-\x7f]/;
const asciiEncoder = new TextEncoder();

/**
 * The text's code units, ending with an LF: a sentinel that ends every scan without bounds checks
 * (one is added when the text does not end with a line break).
 */
function codesOf(text: string, utf8: Uint8Array | undefined): Codes {
  // Text is ASCII exactly when its UTF-8 form has one byte per character (a byte order mark, which
  // the decoder dropped, aside). Portable (no Node Buffer): the compiler also runs in web pages.
  const bom = utf8 && utf8[0] === 0xef && utf8[1] === 0xbb && utf8[2] === 0xbf ? 3 : 0;
  const ascii = utf8 ? utf8.length - bom === text.length : !NON_ASCII.test(text);
  if (ascii && utf8 && text.charCodeAt(text.length - 1) === LF && utf8[utf8.length - 1] === LF) {
    // A plain Uint8Array view (not a Buffer), so the scanning loops see one array type.
    return new Uint8Array(utf8.buffer, utf8.byteOffset + bom, text.length);
  }
  if (ascii) {
    const codes = new Uint8Array(text.length + 1);
    asciiEncoder.encodeInto(text, codes); // ASCII's UTF-8 bytes are its character codes
    codes[text.length] = LF;
    return codes;
  }
  const codes = new Uint16Array(text.length + 1);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  codes[text.length] = LF;
  return codes;
}

/** blank[c] === 1 for the characters trimmed from values (space, tab, CR), unless c is the delimiter. */
function isBlank(delimiter: number): Uint8Array {
  const blank = new Uint8Array(65536);
  for (const c of [SPACE, TAB, CR]) if (c !== delimiter) blank[c] = 1;
  return blank;
}

const CR_ONLY = (() => {
  const blank = new Uint8Array(65536);
  blank[CR] = 1;
  return blank;
})();

function trimEnd(codes: Codes, start: number, end: number, blank: Uint8Array): number {
  while (end > start && blank[codes[end - 1]!] === 1) end--;
  return end;
}

/** Past empty and blank lines, to the first character of the next row (or the end). */
function skipEmptyLines(codes: Codes, pos: number, blank: Uint8Array, length: number): number {
  while (pos < length) {
    const c = codes[pos]!;
    if (c !== LF && blank[c] !== 1) return pos;
    pos++;
  }
  return length;
}

/**
 * A quoted value from its opening quote: where its content is, whether it holds "" escapes, and
 * where the next delimiter or line end is. NNC4010 when the closing quote is missing or text
 * follows it.
 */
function scanQuoted(source: SourceFile, codes: Codes, open: number, delimiter: number): { start: number; end: number; escapes: boolean; next: number } {
  const length = source.text.length;
  let pos = open + 1;
  let escapes = false;
  for (;;) {
    if (pos >= length) {
      const lineEnd = source.text.indexOf('\n', open);
      fail('NNC4010', source.span(open, trimEnd(codes, open, lineEnd < 0 ? length : lineEnd, CR_ONLY)), {
        reason: 'the closing quote is missing',
      });
    }
    if (codes[pos] === QUOTE) {
      if (pos + 1 < length && codes[pos + 1] === QUOTE) {
        escapes = true;
        pos += 2;
        continue;
      }
      break;
    }
    pos++;
  }
  const end = pos++;
  let c = pos < length ? codes[pos]! : LF;
  while (c !== LF && c !== delimiter && (c === SPACE || c === TAB || c === CR)) c = ++pos < length ? codes[pos]! : LF;
  if (c !== LF && c !== delimiter) fail('NNC4010', source.span(pos, pos + 1), { reason: 'text after the closing quote' });
  return { start: open + 1, end, escapes, next: Math.min(pos, length) };
}

/**
 * One row from its first character: the number of cells and the offset of the LF that ends it (or
 * the end of the text). With `into`, records each cell's bounds there (it has room for every cell:
 * rows were checked for length by parseCsv).
 */
function scanRow(
  source: SourceFile,
  codes: Codes,
  pos: number,
  delimiter: number,
  into: { cellStart: Int32Array; cellEnd: Int32Array; cellQuoting: Uint8Array } | null,
): { cells: number; end: number } {
  const length = source.text.length;
  const blank = (c: number) => c !== delimiter && (c === SPACE || c === TAB || c === CR);
  let cells = 0;
  for (;;) {
    let c = pos < length ? codes[pos]! : LF;
    while (c !== LF && blank(c)) c = ++pos < length ? codes[pos]! : LF;
    let start: number;
    let end: number;
    let how: Quoting = Quoting.Plain;
    if (c === QUOTE) {
      const quoted = scanQuoted(source, codes, pos, delimiter);
      start = quoted.start;
      end = quoted.end;
      how = quoted.escapes ? Quoting.QuotedWithEscapes : Quoting.Quoted;
      pos = quoted.next;
      c = pos < length ? codes[pos]! : LF;
    } else {
      start = pos;
      while (c !== LF && c !== delimiter) c = ++pos < length ? codes[pos]! : LF;
      end = pos;
      while (end > start && blank(codes[end - 1]!)) end--;
    }
    if (into !== null && cells < into.cellStart.length) {
      into.cellStart[cells] = start;
      into.cellEnd[cells] = end;
      into.cellQuoting[cells] = how;
    }
    cells++;
    if (c === delimiter) {
      pos++;
      continue;
    }
    return { cells, end: Math.min(pos, length) };
  }
}

// ---- numbers -----------------------------------------------------------------------------

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * A decimal number written as [+-]digits[.digits][(e|E)[+-]digits] (either side of the point may
 * be empty, not both), or NaN when the text is anything else: empty, words, hex, `nan`, `inf`.
 * Up to 15 significant digits with a power of ten within 1e+-22 are computed with one exact
 * multiply or divide (so correctly rounded, the same double as Number()); others go to Number().
 */
export function parseDecimal(codes: ArrayLike<number>, start: number, end: number): number {
  let i = start;
  if (i >= end) return NaN;
  let c = codes[i]!;
  let negative = false;
  if (c === MINUS || c === PLUS) {
    negative = c === MINUS;
    if (++i >= end) return NaN;
    c = codes[i]!;
  }
  let mantissa = 0;
  let significant = 0;
  let exponent = 0;
  let digits = 0;
  while (c >= ZERO && c <= NINE) {
    if (significant < 15) {
      mantissa = mantissa * 10 + (c - ZERO);
      if (mantissa !== 0) significant++;
    } else {
      significant++;
      exponent++;
    }
    digits++;
    c = ++i < end ? codes[i]! : -1;
  }
  if (c === DOT) {
    c = ++i < end ? codes[i]! : -1;
    while (c >= ZERO && c <= NINE) {
      if (significant < 15) {
        mantissa = mantissa * 10 + (c - ZERO);
        if (mantissa !== 0) significant++;
        exponent--;
      } else significant++;
      digits++;
      c = ++i < end ? codes[i]! : -1;
    }
  }
  if (digits === 0) return NaN;
  if (c === 101 || c === 69) {
    c = ++i < end ? codes[i]! : -1;
    let exponentNegative = false;
    if (c === MINUS || c === PLUS) {
      exponentNegative = c === MINUS;
      c = ++i < end ? codes[i]! : -1;
    }
    let written = 0;
    let exponentDigits = 0;
    while (c >= ZERO && c <= NINE) {
      if (written < 100000) written = written * 10 + (c - ZERO);
      exponentDigits++;
      c = ++i < end ? codes[i]! : -1;
    }
    if (exponentDigits === 0) return NaN;
    exponent += exponentNegative ? -written : written;
  }
  if (i !== end) return NaN;
  if (significant > 15 || exponent > 22 || exponent < -22) {
    let written = '';
    for (let k = start; k < end; k++) written += String.fromCharCode(codes[k]!);
    return Number(written);
  }
  const value = exponent < 0 ? mantissa / POW10[-exponent]! : mantissa * POW10[exponent]!;
  return negative ? -value : value;
}

/** parseDecimal of a string. */
export function parseDecimalText(text: string): number {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return parseDecimal(codes, 0, codes.length);
}

/** What a cell that is not a decimal number is: missing, a NaN/infinity spelling, or text. */
export function classifyNonNumber(value: string): 'empty' | 'non-finite' | 'text' {
  const v = value.trim();
  if (v === '') return 'empty';
  if (/^[+-]?(nan|inf|infinity)$/i.test(v)) return 'non-finite';
  return 'text';
}
