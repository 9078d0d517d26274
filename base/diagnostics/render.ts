// Diagnostics as text: `file:line:col: error NNC2001: message`, the source line, the span underlined, help.
import type { SourceFile } from '../source.js';
import type { Diagnostic } from './diagnostic.js';

/** Files a diagnostic may point into, by path (the .nn program, a CSV file). */
export type SourceLookup = (path: string) => SourceFile | undefined;

const MAX_SHOWN_LINE = 200;

export function renderDiagnostic(d: Diagnostic, lookup: SourceLookup = () => undefined): string {
  const where = d.span ? `${d.span.file}:${d.span.line}:${d.span.col}: ` : '';
  const lines = [`${where}${d.severity} ${d.code}: ${d.message}`];
  const source = d.span ? lookup(d.span.file) : undefined;
  if (d.span && source) {
    const { line, col } = d.span;
    let text = source.lineText(line);
    // A span that runs past its first line is underlined to the end of that line.
    const endCol = d.span.endLine === line ? Math.max(d.span.endCol, col + 1) : text.length + 1;
    let start = col - 1;
    let width = Math.max(1, endCol - col);
    if (text.length > MAX_SHOWN_LINE) {
      // Show a window around the span of very long lines (minified CSV rows, junk input).
      const from = Math.max(0, start - 40);
      text = (from > 0 ? '...' : '') + text.slice(from, from + MAX_SHOWN_LINE) + '...';
      start = start - from + (from > 0 ? 3 : 0);
      width = Math.min(width, MAX_SHOWN_LINE);
    }
    text = printable(text);
    const gutter = String(line).length;
    lines.push(`${' '.repeat(gutter)} |`);
    lines.push(`${line} | ${text}`);
    lines.push(`${' '.repeat(gutter)} | ${' '.repeat(Math.max(0, start))}${'^'.repeat(width)}`);
  }
  if (d.help) lines.push(`  = help: ${d.help}`);
  return lines.join('\n');
}

export function renderDiagnostics(list: readonly Diagnostic[], lookup?: SourceLookup): string {
  return list.map((d) => renderDiagnostic(d, lookup)).join('\n\n');
}

/** Control characters and tabs would shift the underline; show them as one visible character each. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\t]/g, (c) => (c === '\t' ? ' ' : '\ufffd'));
}
