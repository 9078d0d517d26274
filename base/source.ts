// Source text and locations. Every AST node, diagnostic and kernel points back here.

/** A region of a source file. Lines and columns are 1-based; offsets are 0-based, end exclusive. */
export interface Span {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  offset: number;
  endOffset: number;
}

/**
 * Text whose lines end in CR alone (classic Mac OS) with LF instead, so they are lines at all; the
 * same length, so offsets agree. Text with any LF is left as it is (CRLF, or a stray CR in a line).
 */
export function crLinesToLf(text: string): string {
  return text.includes('\r') && !text.includes('\n') ? text.replaceAll('\r', '\n') : text;
}

/** A file's text with a line index, so offsets turn into line:col and back. */
export class SourceFile {
  readonly lineStarts: number[];
  readonly text: string;

  constructor(
    readonly path: string,
    text: string,
  ) {
    this.text = crLinesToLf(text);
    text = this.text;
    this.lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.lineStarts[lo]! + 1 };
  }

  /** A span from a start offset to an end offset (exclusive). */
  span(offset: number, endOffset: number): Span {
    const start = this.position(offset);
    const end = this.position(Math.max(offset, endOffset));
    return { file: this.path, line: start.line, col: start.col, endLine: end.line, endCol: end.col, offset, endOffset };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }
}

/** The smallest span covering both. */
export function joinSpans(a: Span, b: Span): Span {
  const first = a.offset <= b.offset ? a : b;
  const last = a.endOffset >= b.endOffset ? a : b;
  return { file: a.file, line: first.line, col: first.col, endLine: last.endLine, endCol: last.endCol, offset: first.offset, endOffset: last.endOffset };
}
