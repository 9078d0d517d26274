// What every stage reports: a code from the catalog, a location, what is wrong, and what to do.
import type { Span } from '../source.js';
import { catalog, type DiagnosticCode, type CatalogArgs } from './catalog.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** What is wrong, one sentence, no trailing period. */
  message: string;
  /** Where; absent for errors that belong to no file (a bad flag, a GPU that went away). */
  span?: Span;
  /** What to do about it ("did you mean ...", "pass --data NAME=PATH ..."). */
  help?: string;
}

/** Builds a diagnostic from its catalog entry, so message text lives in one place. */
export function diagnostic<C extends DiagnosticCode>(code: C, span: Span | undefined, args: CatalogArgs<C>): Diagnostic {
  const entry = catalog[code];
  const text = (entry.text as (a: CatalogArgs<C>) => { message: string; help?: string })(args);
  const d: Diagnostic = { code, severity: entry.severity, message: text.message };
  if (span) d.span = span;
  if (text.help) d.help = text.help;
  return d;
}

/**
 * Thrown by any stage that cannot go on. The CLI catches it and prints the diagnostics; nothing
 * else is ever shown to a user for an expected failure.
 */
export class NncError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[] | Diagnostic) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => `${d.code}: ${d.message}`).join('\n'));
    this.name = 'NncError';
    this.diagnostics = list;
  }
}

/** Shorthand for `throw new NncError(diagnostic(...))`. */
export function fail<C extends DiagnosticCode>(code: C, span: Span | undefined, args: CatalogArgs<C>): never {
  throw new NncError(diagnostic(code, span, args));
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
