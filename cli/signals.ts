// Signals while nnc runs a program: the first SIGINT (Ctrl-C), SIGTERM or SIGHUP aborts the run,
// which stops within a few steps and leaves every file whole or absent; a second one ends the
// process at once (a write in progress is synchronous, so it has finished or not begun; any
// temporary file still open is removed on exit). The exit code is 128 + the signal's number.
import { constants } from 'node:os';
import { removeOpenTemporaries } from '../runtime/io/atomic.js';

const handled: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface SignalWatch {
  signal: AbortSignal;
  /** The first signal received, if any. */
  received(): NodeJS.Signals | null;
  /** Removes the handlers (the default behaviour returns). */
  stop(): void;
}

/** 128 + the signal's number, as shells report a process ended by it (130 for SIGINT). */
export function exitCodeForSignal(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 2);
}

export function watchSignals(): SignalWatch {
  const abort = new AbortController();
  let first: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (first) {
      removeOpenTemporaries();
      process.exit(exitCodeForSignal(signal));
    }
    first = signal;
    abort.abort();
  };
  for (const s of handled) process.on(s, onSignal);
  return {
    signal: abort.signal,
    received: () => first,
    stop: () => {
      for (const s of handled) process.removeListener(s, onSignal);
    },
  };
}
