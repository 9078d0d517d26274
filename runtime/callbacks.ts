// fit's callbacks with Keras' semantics (keras/src/callbacks/early_stopping.py,
// model_checkpoint.py): EarlyStopping (monitor, min_delta, patience, mode, baseline,
// restore_best_weights, start_from_epoch) and ModelCheckpoint (save_best_only).
import type { Callback } from '../compiler/program.js';
import type { Span } from '../base/source.js';
import type { History, Logs } from './session.js';

/** What the callbacks need from the model being trained (a ModelSession, or a stand-in in tests). */
export interface CallbackHost {
  /** The current weights by name (EarlyStopping keeps the best epoch's). */
  getWeights(): Promise<Map<string, Float32Array>>;
  setWeights(values: Map<string, Float32Array>): void;
  outputPath(path: string): string;
  print(text: string): void;
  saveWeights(path: string, span: Span): Promise<void>;
  /** Whether a logged value (without val_) is better when higher, when the model knows (its metrics); else guessed from the name. */
  increases?(key: string): boolean | undefined;
}

export interface CallbackRunner {
  /** True to stop training. */
  onEpochEnd(epoch: number, logs: Logs): Promise<boolean>;
  onTrainEnd(): Promise<void>;
  /** After training: what EarlyStopping did, for the History (and its chart). */
  marks?(): NonNullable<History['earlyStopping']>;
}

/**
 * 'auto' watches the metrics that are better higher (accuracies, AUC, precision, recall, F1) for
 * increases and everything else (losses, mae, mse) for decreases, as Keras 3 does by each metric's
 * direction; a value the model does not name is taken as higher-is-better when `acc` is in its name.
 */
function increasing(mode: 'auto' | 'min' | 'max', monitor: string, host: CallbackHost): boolean {
  if (mode !== 'auto') return mode === 'max';
  return host.increases?.(monitor.replace(/^val_/, '')) ?? /acc/.test(monitor);
}

export function runCallbacks(callbacks: Callback[], host: CallbackHost): CallbackRunner {
  const runners = callbacks.map((c) => (c.kind === 'early_stopping' ? earlyStopping(c, host) : modelCheckpoint(c, host)));
  return {
    async onEpochEnd(epoch, logs) {
      let stop = false;
      for (const r of runners) if (await r.onEpochEnd(epoch, logs)) stop = true;
      return stop;
    },
    async onTrainEnd() {
      for (const r of runners) await r.onTrainEnd();
    },
    marks() {
      return Object.assign({}, ...runners.map((r) => r.marks?.() ?? {})) as NonNullable<History['earlyStopping']>;
    },
  };
}

function earlyStopping(c: Extract<Callback, { kind: 'early_stopping' }>, host: CallbackHost): CallbackRunner {
  const up = increasing(c.mode, c.monitor, host);
  const delta = Math.abs(c.minDelta);
  // Keras' _is_improvement: monitor_op(current - min_delta, reference), with min_delta negated for
  // 'min'; no reference yet is an improvement.
  const better = (current: number, reference: number | null) => reference === null || (up ? current - delta > reference : current + delta < reference);
  let wait = 0;
  let best: number | null = null;
  let bestEpoch = 0;
  let stoppedEpoch = 0;
  let bestWeights: Map<string, Float32Array> | null = null;
  let restored = false;
  return {
    async onEpochEnd(epoch, logs) {
      const current = logs[c.monitor];
      if (current === undefined || epoch < c.startFromEpoch) return false;
      if (c.restoreBestWeights && bestWeights === null) {
        // Never set: the current weights are the best so far.
        bestWeights = await host.getWeights();
        bestEpoch = epoch;
      }
      wait += 1;
      if (better(current, best)) {
        best = current;
        bestEpoch = epoch;
        if (c.restoreBestWeights) bestWeights = await host.getWeights();
        // Only a value that beats the baseline too restarts the wait.
        if (c.baseline === null || better(current, c.baseline)) wait = 0;
        return false;
      }
      if (wait >= c.patience && epoch > 0) {
        stoppedEpoch = epoch;
        return true;
      }
      return false;
    },
    async onTrainEnd() {
      if (stoppedEpoch > 0) host.print(`Epoch ${stoppedEpoch + 1}: early stopping\n`);
      // Keras 3 restores the best weights at the end of training whether or not it stopped early.
      if (c.restoreBestWeights && bestWeights) {
        host.print(`Restoring model weights from the end of the best epoch: ${bestEpoch + 1}.\n`);
        host.setWeights(bestWeights);
        restored = true;
      }
    },
    marks() {
      return { ...(stoppedEpoch > 0 ? { stoppedEpoch } : {}), ...(restored ? { restoredEpoch: bestEpoch } : {}) };
    },
  };
}

function modelCheckpoint(c: Extract<Callback, { kind: 'model_checkpoint' }>, host: CallbackHost): CallbackRunner {
  const up = increasing(c.mode, c.monitor, host);
  // Keras: best starts at inf (min) or -inf (max); no min_delta; an epoch without the value is skipped.
  let best = up ? -Infinity : Infinity;
  return {
    async onEpochEnd(epoch, logs) {
      const path = host.outputPath(fillEpoch(c.path, epoch + 1, logs));
      if (!c.saveBestOnly) {
        await host.saveWeights(path, c.span);
        return false;
      }
      const current = logs[c.monitor];
      if (current === undefined) return false;
      if (up ? current > best : current < best) {
        best = current;
        await host.saveWeights(path, c.span);
      }
      return false;
    },
    async onTrainEnd() {},
  };
}

/** A placeholder in a checkpoint's file name: `{epoch:02d}`, `{val_loss:.2f}`. */
export const CHECKPOINT_PLACEHOLDER = /\{(\w+)(?::(\d*)(d|\.\d+f))?\}/;

/** Keras-style file names: `weights-{epoch:02d}-{val_loss:.2f}.safetensors`. */
export function fillEpoch(path: string, epoch: number, logs: Logs): string {
  return path.replace(new RegExp(CHECKPOINT_PLACEHOLDER, 'g'), (whole, key: string, width: string | undefined, kind: string | undefined) => {
    const value = key === 'epoch' ? epoch : logs[key];
    if (value === undefined) return whole;
    if (kind && kind.endsWith('f')) return value.toFixed(Number(kind.slice(1, -1)));
    const text = String(Math.round(value));
    return width ? text.padStart(Number(width), '0') : text;
  });
}
