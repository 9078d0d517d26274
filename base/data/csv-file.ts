// Reading a data file for the loaders: the checks that it is UTF-8 text, the OS's reasons in words,
// how its path is shown, and the sources of files that a diagnostic points into (for rendering).
import { absolutePath as absolute, readRegularFile, shownPath } from '../files.js';
import { fail } from '../diagnostics/diagnostic.js';
import type { DatasetSource } from './spec.js';
import { SourceFile, type Span } from '../source.js';

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
  return sourcesWithErrors.get(path) ?? sourcesWithErrors.get(absolute(path));
}

/** Keeps `file` (the part of the data file at `absolutePath` that an error points into) for rendering. */
export function rememberErrorSource(file: SourceFile, absolutePath: string): void {
  sourcesWithErrors.set(file.path, file);
  sourcesWithErrors.set(absolute(absolutePath), file);
}

/** How a data file is named in diagnostics: relative to the working folder when inside it. */
export const displayPath = shownPath;

// ---- reading files ----------------------------------------------------------------------------

export function osReason(err: unknown): string {
  const code = (err as { code?: string }).code;
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
export const LF = 10;
export const CR = 13;

/** Reads a CSV file as text; NNC4001 when it cannot be read, NNC4009 when it is not UTF-8 text. */
export function readDataFile(source: Extract<DatasetSource, { kind: 'csv' }>, span: Span): { file: SourceFile; bytes: Uint8Array } {
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(source.resolvedPath);
  } catch (err) {
    const shown = displayPath(source.resolvedPath);
    const where = shown !== source.path ? ` (looked for ${shown})` : '';
    fail('NNC4001', span, { path: source.path, reason: osReason(err) + where });
  }
  // Classic Mac line endings (CR alone): read as lines, as the SourceFile of the text will be.
  if (!bytes.includes(LF) && bytes.includes(CR)) bytes = bytes.map((b) => (b === CR ? LF : b));
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

/** `bytes` start at byte `at` of the file (a block of a streamed file). */
export function notTextReason(bytes: Uint8Array, at = 0): string | null {
  if (at === 0 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return 'it is UTF-16 text; save it as UTF-8';
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return `it holds a zero byte (at byte ${at + nul}), so it is a binary file or UTF-16 text, not UTF-8 CSV`;
  return null;
}

/** Where the first invalid UTF-8 sequence is, in words (only on the error path); `bytes` start on line `firstLine`. */
export function invalidUtf8Reason(bytes: Uint8Array, firstLine = 1): string {
  let line = firstLine;
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
