// The front end as one call each: read a .nn file, parse it, check it (reading the data on the way).
import { scanProgram } from '../grammar/parser.js';
import { DataStore, rememberSource, type DataStoreOptions } from '../base/data/dataset.js';
import { applyOverrides, parseOverrides } from './overrides.js';
import type { ProgramAst } from './ast.js';
import { buildAst } from './build-ast.js';
import { checkProgram, type CheckMode } from './check/index.js';
import { diagnostic, NncError, type Diagnostic } from '../base/diagnostics/diagnostic.js';
import type { Program } from './program.js';
import { SourceFile } from '../base/source.js';
import { readProgramFile } from '../base/files.js';

export interface FrontendOptions {
  mode: CheckMode;
  /** --data NAME=PATH: dataset name -> file path (relative to the working folder). */
  dataOverrides?: Map<string, string>;
  /** Models given weights by --load-weights ('*' for the only model). */
  loadedModels?: ReadonlySet<string>;
  /** --set STATEMENT.ARG=VALUE values, put into the statements before checking (compiler/overrides.ts). */
  set?: readonly string[];
  /** How datasets are loaded: when a CSV file is streamed rather than read whole (base/data/dataset.ts). */
  data?: DataStoreOptions;
}

export interface CheckResult {
  /** null when there are errors (warnings alone still give a program). */
  program: Program | null;
  diagnostics: Diagnostic[];
  /** The datasets read while checking, for the runner to reuse. */
  data: DataStore;
}

/** More than this many diagnostics are cut off with NNC1008: junk input would print forever. */
export const MAX_DIAGNOSTICS = 50;

/**
 * Thrown by readSource. `source` is the text decoded with replacement characters when the file
 * was read but is not UTF-8, so the diagnostic can show the line with the bad byte.
 */
export class SourceReadError extends NncError {
  constructor(
    diagnostics: Diagnostic[],
    readonly source: SourceFile | null,
  ) {
    super(diagnostics);
    this.name = 'SourceReadError';
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Reads a .nn file. A missing or unreadable file is NNC7003, bytes that are not UTF-8 NNC1007. */
export function readSource(path: string): SourceFile {
  let bytes: Uint8Array;
  try {
    bytes = readProgramFile(path);
  } catch (err) {
    throw new SourceReadError([diagnostic('NNC7003', undefined, { path, reason: osReason(err) })], null);
  }
  try {
    return new SourceFile(path, strictUtf8.decode(bytes));
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const prefix = lenientUtf8.decode(bytes.subarray(0, bad));
    const source = new SourceFile(path, lenientUtf8.decode(bytes));
    const offset = prefix.length; // both decodes drop a byte order mark, so offsets agree
    const d = diagnostic('NNC1007', source.span(offset, offset + 1), { byte: bytes[bad]!.toString(16).toUpperCase().padStart(2, '0'), offset: bad });
    throw new SourceReadError([d], source);
  }
}

function osReason(err: unknown): string {
  switch ((err as { code?: string }).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/** Byte offset of the first byte that does not start a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= bytes.length) return i; // a sequence cut off by the end of the file
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** Parses a source file into the AST; syntax errors become diagnostics. */
export function parseSource(source: SourceFile): { ast: ProgramAst; diagnostics: Diagnostic[] } {
  return buildAst(scanProgram(source.text), source);
}

/** Parses and checks a program, reading its datasets. */
export function checkSource(source: SourceFile, options: FrontendOptions): CheckResult {
  const data = new DataStore(options.data);
  const parsed = parseSource(source);
  if (options.set && options.set.length > 0) {
    const set = parseOverrides(options.set);
    set.sources.forEach(rememberSource);
    const problems = [...set.diagnostics, ...(set.diagnostics.length === 0 ? applyOverrides(parsed.ast, set.overrides) : [])];
    if (problems.length > 0) return { program: null, diagnostics: [...parsed.diagnostics, ...problems], data };
  }
  const checked = checkProgram(parsed.ast, { ...options, store: data });
  const diagnostics = capDiagnostics(mergeInOrder(parsed.diagnostics, checked.diagnostics, source.path));
  const failed = diagnostics.some((d) => d.severity === 'error');
  return { program: failed ? null : checked.program, diagnostics, data };
}

/**
 * Syntax and check diagnostics in file order. Each list is in order already; a diagnostic that
 * points into another file (a CSV row) or nowhere keeps its place after the one before it.
 */
function mergeInOrder(syntax: Diagnostic[], checks: Diagnostic[], file: string): Diagnostic[] {
  const keyed = (list: Diagnostic[]) => {
    let key = -1;
    return list.map((d) => {
      if (d.span?.file === file) key = d.span.offset;
      return { key, d };
    });
  };
  const a = keyed(syntax);
  const b = keyed(checks);
  const out: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.key <= b[j]!.key)) out.push(a[i++]!.d);
    else out.push(b[j++]!.d);
  }
  return out;
}

function capDiagnostics(list: Diagnostic[]): Diagnostic[] {
  if (list.length <= MAX_DIAGNOSTICS) return list;
  const shown = list.slice(0, MAX_DIAGNOSTICS);
  shown.push(diagnostic('NNC1008', undefined, { shown: MAX_DIAGNOSTICS, more: list.length - MAX_DIAGNOSTICS }));
  return shown;
}
