// Builders for data tests: a one-line .nn program held in memory (so selector spans point into
// it), CSV sources over the fixtures, and errors rendered the way the CLI renders them.
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { NncError } from '../../base/diagnostics/diagnostic.js';
import { renderDiagnostics } from '../../base/diagnostics/render.js';
import type { ColumnSelector, DatasetSource } from '../../compiler/program.js';
import { SourceFile, type Span } from '../../base/source.js';
import { sourceForPath } from '../../base/data/dataset.js';
import { repoRoot } from '../helpers/shared.js';

export const fixturesDir = resolve(repoRoot, 'test/data/fixtures');
export const fixture = (name: string) => resolve(fixturesDir, name);

/** A .nn program of one or more lines; `at(text)` is the span of the first occurrence of text. */
export class Program {
  readonly file: SourceFile;
  constructor(text: string) {
    this.file = new SourceFile('program.nn', text);
  }
  at(needle: string, from = 0): Span {
    const offset = this.file.text.indexOf(needle, from);
    if (offset < 0) throw new Error(`'${needle}' is not in the program`);
    return this.file.span(offset, offset + needle.length);
  }
  index(text: string): ColumnSelector {
    return { kind: 'index', index: Number(text), span: this.at(text) };
  }
  slice(text: string): ColumnSelector {
    const [start, end] = text.split(':').map((b) => (b === '' ? null : Number(b)));
    return { kind: 'slice', start: start!, end: end!, span: this.at(text) };
  }
  name(text: string): ColumnSelector {
    return { kind: 'name', name: text, span: this.at(`"${text}"`) };
  }
  list(text: string, items: ColumnSelector[]): ColumnSelector {
    return { kind: 'list', items, span: this.at(text) };
  }
  /** The span of the dataset statement's path argument (where file-level errors point). */
  get pathSpan(): Span {
    const start = this.file.text.indexOf('"');
    const end = this.file.text.indexOf('"', start + 1) + 1;
    return this.file.span(start, end);
  }
  /** features omitted: every column not used as a label (what the checker passes). */
  get allButLabels(): ColumnSelector {
    return { kind: 'list', items: [], span: this.pathSpan };
  }
}

export function csvSource(
  file: string,
  features: ColumnSelector,
  labels: ColumnSelector,
  options: { header?: boolean | 'auto'; delimiter?: string; path?: string } = {},
): Extract<DatasetSource, { kind: 'csv' }> {
  return {
    kind: 'csv',
    path: options.path ?? file,
    resolvedPath: resolve(fixturesDir, file),
    header: options.header ?? 'auto',
    delimiter: options.delimiter ?? ',',
    features,
    labels,
  };
}

/** Runs `f`, expects an NncError, and returns its diagnostics rendered with source lines. */
export function renderedError(f: () => unknown, program?: Program): string {
  try {
    f();
  } catch (err) {
    if (!(err instanceof NncError)) throw err;
    return renderDiagnostics(err.diagnostics, (path) => (program && path === program.file.path ? program.file : sourceForPath(path))) + '\n';
  }
  throw new Error('expected an NncError, but nothing was thrown');
}

/** The diagnostics of an expected NncError. */
export function caught(f: () => unknown): NncError {
  try {
    f();
  } catch (err) {
    if (err instanceof NncError) return err;
    throw err;
  }
  throw new Error('expected an NncError, but nothing was thrown');
}

export function expectCode(f: () => unknown, code: string): NncError {
  const err = caught(f);
  expect(err.diagnostics.map((d) => d.code)).toEqual([code]);
  return err;
}
