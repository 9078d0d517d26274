// Errors found while training that belong to the fit statement that ran (nnc run and the web
// runner both point them there).
import { NncError } from '../base/diagnostics/diagnostic.js';
import type { Span } from '../base/source.js';

/** What a fit's training found wrong (the loss diverged, a split, a class), located at the fit. */
const locatedAtFit = new Set(['NNC5001', 'NNC4015', 'NNC4016']);

export function atStatement(err: unknown, span: Span): unknown {
  if (!(err instanceof NncError) || !err.diagnostics.some((d) => !d.span && locatedAtFit.has(d.code))) return err;
  return new NncError(err.diagnostics.map((d) => (!d.span && locatedAtFit.has(d.code) ? { ...d, span } : d)));
}
