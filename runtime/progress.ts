// What fit, evaluate and predict print, the way Keras 3 prints it (keras/src/utils/progbar.py):
//   Epoch 7/100
//   77/77 ━━━━━━━━━━━━━━━━━━━━ 0s 21us/step - accuracy: 0.7057 - loss: 0.5876
// verbose 1 on a terminal redraws the bar in place (bold count, green done part) with the ETA and
// the running means; verbose 1 elsewhere prints the finished line once (no carriage returns, no
// colour); verbose 2 prints `77/77 - 0s - 21us/step - ...` once; verbose 0 prints nothing.
import type { Logs } from './session.js';

export type Verbosity = 0 | 1 | 2;

export interface ProgressSink {
  write(text: string): void;
  /** A terminal: redraw with carriage returns and colour the bar. */
  isTTY: boolean;
}

const BAR_WIDTH = 20;
/** Keras' Progbar interval: a terminal bar is redrawn at most every 50 ms. */
const REDRAW_MS = 50;

/**
 * Keras' number format: 4 decimals, or scientific with 4 when |v| <= 1e-3 (`%.4f` / `%.4e`).
 * Python's %.4f writes every digit of a large value (1.3991888406305961e21 is
 * 1399188840630596141056.0000, the double's exact value); JavaScript's toFixed turns to exponents
 * from 1e21 on, and a double that large is an integer, so its digits come from BigInt.
 */
export function formatLogValue(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Math.abs(v) >= 1e21) return `${BigInt(v)}.0000`;
  if (Math.abs(v) > 1e-3) return v.toFixed(4);
  // Python's %.4e writes at least two exponent digits: 1.0000e-04
  return v.toExponential(4).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** ` - accuracy: 0.7057 - loss: 0.5876`, keys in sorted order as Keras prints them. */
export function formatLogs(logs: Logs): string {
  return Object.keys(logs)
    .sort()
    .map((k) => ` - ${k}: ${formatLogValue(logs[k]!)}`)
    .join('');
}

/** Keras' time per step (`_format_time`): whole s, ms or us. */
export function formatTimePerStep(seconds: number): string {
  if (seconds >= 1 || seconds === 0) return `${seconds.toFixed(0)}s/step`;
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(0)}ms/step`;
  return `${(seconds * 1e6).toFixed(0)}us/step`;
}

/** Keras' ETA: `%ds` under a minute, `m:ss` under an hour, else `h:mm:ss` (whole seconds, truncated). */
export function formatEta(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  if (seconds > 3600) return `${Math.floor(s / 3600)}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  if (seconds > 60) return `${Math.floor(s / 60)}:${two(s % 60)}`;
  return `${s}s`;
}

/** One progress bar over `total` steps: an epoch of fit, or an evaluate or predict pass. */
export class ProgressBar {
  private readonly started: number;
  private lastDraw = -Infinity;
  /** When the pass was over, when finish was told (else its final line is timed to now). */
  private endedAt: number | undefined;
  /** When the first update came, and how many steps had run by then (the warm-up, excluded from the time per step). */
  private firstUpdate: { at: number; steps: number } | null = null;
  /** The latest update: the steps done and when they were done. */
  private lastUpdate: { at: number; steps: number } | null = null;
  private drawnWidth = 0;
  /** A redrawn terminal line is showing and has not been ended with a newline. */
  private lineOpen = false;

  constructor(
    private sink: ProgressSink,
    private verbose: Verbosity,
    private total: number,
    private now: () => number = () => performance.now(),
    /** When the pass started, if not now (fit's epochs when they are reported after they began). */
    started?: number,
  ) {
    this.started = started ?? this.now();
  }

  /**
   * After `current` steps ran; `logs` are the running means (null when they were not read); `at`:
   * when those steps were done (default now), which the time per step is measured to.
   */
  update(current: number, logs: Logs | null, at: number = this.now()): void {
    const now = this.now();
    if (this.firstUpdate === null && current > 0) this.firstUpdate = { at, steps: current };
    this.lastUpdate = { at, steps: current };
    if (this.verbose !== 1 || !this.sink.isTTY || current >= this.total || now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.draw(current, logs, false);
  }

  /**
   * The pass is over: print its final line (logs null: no values, as predict's bar). `at`: when it
   * was over, if not now (an epoch reported after the next one began).
   */
  finish(logs: Logs | null, at?: number): void {
    if (this.verbose === 0) return;
    if (at !== undefined) this.endedAt = at;
    if (this.verbose === 2) {
      const count = `${this.total}/${this.total}`;
      this.sink.write(`${count} - ${this.elapsed()}s - ${formatTimePerStep(this.perStep())}${logs ? formatLogs(logs) : ''}\n`);
      return;
    }
    this.draw(this.total, logs, true);
    this.sink.write('\n');
    this.lineOpen = false;
  }

  /** Ends a half-drawn terminal line (before an error or an interruption is printed). */
  abandon(): void {
    if (this.lineOpen) this.sink.write('\n');
    this.lineOpen = false;
  }

  /** Now, or when the pass was over if finish was told. */
  private endNow(): number {
    return this.endedAt ?? this.now();
  }

  /** Whole seconds since the start, rounded as Python's `%.0f`. */
  private elapsed(): string {
    return ((this.endNow() - this.started) / 1000).toFixed(0);
  }

  /**
   * Seconds per step, Keras' mean since the first step: the time from the first update to when
   * `current` steps were done, over the steps between (the first update's steps include warm-up,
   * as Keras' first step does). Mid-epoch, `current` is the latest update's and so is its time, so
   * the mean does not jump when an update is shown late; the final line is timed to now (after
   * validation, as Keras' is). With no update in between (a pass too short to report on), the
   * plain average.
   */
  private perStep(current = this.total): number {
    const first = this.firstUpdate;
    const at = current < this.total && this.lastUpdate?.steps === current ? this.lastUpdate.at : this.endNow();
    if (first === null || first.steps >= current) return (at - this.started) / 1000 / Math.max(1, current);
    return (at - first.at) / 1000 / (current - first.steps);
  }

  private draw(current: number, logs: Logs | null, final: boolean): void {
    const tty = this.sink.isTTY;
    const digits = String(this.total).length;
    const done = Math.floor((BAR_WIDTH * current) / this.total);
    const count = `${String(current).padStart(digits)}/${this.total}`;
    const bar = tty ? `${done > 0 ? `\x1b[32m${'━'.repeat(done)}\x1b[0m` : ''}\x1b[37m${'━'.repeat(BAR_WIDTH - done)}\x1b[0m` : '━'.repeat(BAR_WIDTH);
    let time: string;
    if (final) time = `${this.elapsed()}s ${formatTimePerStep(this.perStep())}`;
    else {
      const perStep = this.perStep(current);
      time = `${formatEta(perStep * (this.total - current))} ${formatTimePerStep(perStep)}`;
    }
    const line = `${tty ? `\x1b[1m${count}\x1b[0m` : count} ${bar} ${time}${logs ? formatLogs(logs) : ''}`;
    if (tty) {
      const visible = line.replace(/\x1b\[[0-9;]*m/g, '').length;
      const pad = Math.max(0, this.drawnWidth - visible);
      this.drawnWidth = visible;
      this.sink.write(`\r${line}${' '.repeat(pad)}`);
      this.lineOpen = true;
    } else if (final) {
      this.sink.write(line);
    }
  }
}
