// The messages between the page and the CPU worker (worker.ts runs the sessions, worker-trainer.ts
// is the page's side). Plain data only: plans, models and tables are structured-cloned; a table is
// sent once and named by its id afterwards.
import type { Table } from '../base/data/dataset.js';
import type { Diagnostic } from '../base/diagnostics/diagnostic.js';
import { NncError } from '../base/diagnostics/diagnostic.js';
import type { TrainerSpec } from './trainer.js';

/** A table the worker has (by id), with its data the first time it is sent. */
export interface TableRef {
  id: number;
  table?: Table;
}

/** The Trainer's methods, with tables as TableRefs and the callback and signal left out. */
export type Call =
  | { method: 'initialize'; seed: number }
  | { method: 'adaptNormalization'; layer: string; table: TableRef; rows?: number }
  | { method: 'fit'; table: TableRef; options: { epochs: number; batchSize: number; validationSplit: number; validationData: TableRef | null; shuffle: boolean; seed: number }; reportEpochs: boolean }
  | { method: 'evaluate'; table: TableRef; batchSize: number }
  | { method: 'predict'; table: TableRef; batchSize: number }
  | { method: 'namedTensors' }
  | { method: 'setWeights'; values: Map<string, Float32Array> }
  | { method: 'classNames' }
  | { method: 'setClassNames'; names: string[] | null }
  | { method: 'dispose' };

export type ToWorker =
  | { kind: 'create'; session: number; spec: TrainerSpec }
  | { kind: 'call'; id: number; session: number; call: Call }
  /** Stop the call (a fit, evaluate or predict) at its next chunk of steps. */
  | { kind: 'abort'; id: number }
  /** The page's answer to an epoch's end: whether to stop (EarlyStopping). */
  | { kind: 'epoch-reply'; id: number; stop: boolean };

export type FromWorker =
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; error: SentError }
  | { kind: 'epoch'; id: number; epoch: number; logs: Record<string, number>; seconds: number };

/** An error as it crosses: an NncError keeps its diagnostics (and so its code and place). */
export type SentError = { diagnostics: Diagnostic[] } | { message: string; stack?: string };

export function sendError(e: unknown): SentError {
  if (e instanceof NncError) return { diagnostics: e.diagnostics };
  if (e instanceof Error) return { message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  return { message: String(e) };
}

export function receiveError(e: SentError): Error {
  if ('diagnostics' in e) return new NncError(e.diagnostics);
  const error = new Error(e.message);
  if (e.stack) error.stack = e.stack;
  return error;
}
