// What fit and evaluate print, the way Keras 3 prints it (keras/src/utils/progbar.py):
//   Epoch 7/100
//   77/77 ━━━━━━━━━━━━━━━━━━━━ 0s 21us/step - accuracy: 0.7057 - loss: 0.5876
// verbose 1 on a terminal redraws the bar in place; verbose 1 elsewhere prints the finished line
// once per epoch (no carriage returns); verbose 2 prints `77/77 - 0s - 21us/step - ...`; 0 nothing.
import type { Logs } from './session.js';

export type Verbosity = 0 | 1 | 2;

export interface ProgressSink {
  write(text: string): void;
  /** A terminal: redraw with carriage returns and colour the bar. */
  isTTY: boolean;
}

const BAR_WIDTH = 20;

/** Keras' number format: 4 decimals, or scientific with 4 when the value is tiny. */
export function formatLogValue(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Math.abs(v) > 1e-3) return v.toFixed(4);
  // Python's %.4e writes at least two exponent digits: 1.0000e-04
  return v.toExponential(4).replace(/e([+-])(\d)$/, 'e$10$2');
}

export function formatLogs(logs: Logs): string {
  return Object.keys(logs)
    .sort()
    .map((k) => ` - ${k}: ${formatLogValue(logs[k]!)}`)
    .join('');
}

/** Keras' time per step: s, ms or us, rounded. */
export function formatTimePerStep(seconds: number): string {
  if (seconds >= 1 || seconds === 0) return `${seconds.toFixed(0)}s/step`;
  if (seconds >= 1e-3) return `${(seconds * 1e3).toFixed(0)}ms/step`;
  return `${(seconds * 1e6).toFixed(0)}us/step`;
}

/** One progress bar over `total` steps (an epoch of fit, or an evaluate pass). */
export class ProgressBar {
  private started = performance.now();
  private lastDraw = 0;
  private firstStepDone: number | null = null;
  private drawnWidth = 0;

  constructor(
    private sink: ProgressSink,
    private verbose: Verbosity,
    private total: number,
  ) {}

  /** After `current` steps; `logs` are the running means (null when not read yet). */
  update(current: number, logs: Logs | null): void {
    const now = performance.now();
    if (this.firstStepDone === null && current > 0) this.firstStepDone = now;
    if (this.verbose !== 1 || !this.sink.isTTY || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.draw(current, logs, false);
  }

  finish(logs: Logs): void {
    if (this.verbose === 0) return;
    if (this.verbose === 2) {
      const elapsed = (performance.now() - this.started) / 1000;
      this.sink.write(`${this.total}/${this.total} - ${Math.floor(elapsed)}s - ${formatTimePerStep(this.perStep())}${formatLogs(logs)}\n`);
      return;
    }
    this.draw(this.total, logs, true);
    this.sink.write('\n');
  }

  /** Seconds per step, not counting the first step (it includes warm-up), as Keras does. */
  private perStep(): number {
    const now = performance.now();
    if (this.total <= 1 || this.firstStepDone === null) return (now - this.started) / 1000 / Math.max(1, this.total);
    return (now - this.firstStepDone) / 1000 / (this.total - 1);
  }

  private draw(current: number, logs: Logs | null, final: boolean): void {
    const tty = this.sink.isTTY;
    const digits = String(this.total).length;
    const done = Math.floor((BAR_WIDTH * current) / this.total);
    const count = `${String(current).padStart(digits)}/${this.total}`;
    const bar = tty ? `\x1b[32m${'━'.repeat(done)}\x1b[0m\x1b[37m${'━'.repeat(BAR_WIDTH - done)}\x1b[0m` : '━'.repeat(BAR_WIDTH);
    const elapsed = (performance.now() - this.started) / 1000;
    let time: string;
    if (final) time = `${Math.floor(elapsed)}s ${formatTimePerStep(this.perStep())}`;
    else {
      const eta = current > 0 ? (elapsed / current) * (this.total - current) : 0;
      time = `${Math.round(eta)}s ${formatTimePerStep(current > 0 ? elapsed / current : 0)}`;
    }
    const line = `${tty ? `\x1b[1m${count}\x1b[0m` : count} ${bar} ${time}${logs ? formatLogs(logs) : ''}`;
    if (tty) {
      const visible = line.replace(/\x1b\[[0-9;]*m/g, '').length;
      const pad = Math.max(0, this.drawnWidth - visible);
      this.drawnWidth = visible;
      this.sink.write(`\r${line}${' '.repeat(pad)}`);
    } else if (final) {
      this.sink.write(line);
    }
  }
}
