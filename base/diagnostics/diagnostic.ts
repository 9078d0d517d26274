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

/** Longer text arguments (a 1 MB number, a CSV cell, a string) are cut: the span shows where it is. */
export const MAX_ARGUMENT_CHARS = 300;

/** `text` cut to its first characters and its length, when longer than MAX_ARGUMENT_CHARS. */
export function cutLongText(text: string): string {
  if (text.length <= MAX_ARGUMENT_CHARS) return text;
  const head = [...text.slice(0, 200)].slice(0, 199).join(''); // never half a surrogate pair
  return `${head}... (${text.length.toLocaleString('en-US')} characters)`;
}

/** Builds a diagnostic from its catalog entry, so message text lives in one place. */
export function diagnostic<C extends DiagnosticCode>(code: C, span: Span | undefined, args: CatalogArgs<C>): Diagnostic {
  const entry = catalog[code];
  const cut = Object.fromEntries(Object.entries(args as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? cutLongText(v) : v])) as CatalogArgs<C>;
  const text = (entry.text as (a: CatalogArgs<C>) => { message: string; help?: string })(cut);
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
