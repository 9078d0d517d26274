// The chart of a fit's History: one panel per quantity (the loss, each metric), train solid and
// validation dashed, as an SVG any browser shows. Made to be read: a quantity whose values span
// more than a decade (a loss that starts at 10 and ends at 0.5) gets a log axis, so the epochs
// after the first are not a flat line; ticks fall on round values; both axes are labelled and the
// epochs ticked; where EarlyStopping stopped, and the best epoch whose weights it restored, are
// marked.
import type { History } from './session.js';

const COLORS = ['#1f77b4', '#ff7f0e'];
const PANEL = { width: 440, height: 310 };
const MARGIN = { left: 64, right: 18, top: 62, bottom: 46 };
/** Baselines of the legend's two rows (the lines, then the EarlyStopping marks), above the plot. */
const LEGEND_ROWS = [34, 50];

/** A value axis: where a value goes (0 at the bottom, 1 at the top), its ticks, how they read. */
interface Axis {
  log: boolean;
  position(v: number): number;
  ticks: number[];
  label(v: number): string;
}

/** One panel per quantity, in a row; marks EarlyStopping's stop and restored best epoch when the History has them. */
export function historyChart(history: History, title: string): string {
  const keys = Object.keys(history.history);
  const quantities = [...new Set(keys.map((k) => k.replace(/^val_/, '')))].sort((a, b) => (a === 'loss' ? -1 : b === 'loss' ? 1 : a.localeCompare(b)));
  const width = PANEL.width * Math.max(1, quantities.length);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${PANEL.height}" viewBox="0 0 ${width} ${PANEL.height}" font-family="sans-serif" font-size="11">`);
  parts.push(`<rect width="100%" height="100%" fill="white"/>`);
  quantities.forEach((q, p) => parts.push(...panel(history, title, q, p * PANEL.width)));
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

function panel(history: History, title: string, quantity: string, left: number): string[] {
  const out: string[] = [];
  const x0 = left + MARGIN.left;
  const w = PANEL.width - MARGIN.left - MARGIN.right;
  const h = PANEL.height - MARGIN.top - MARGIN.bottom;
  const y0 = MARGIN.top;
  const series = [quantity, `val_${quantity}`].filter((k) => history.history[k]);
  const values = series.flatMap((k) => history.history[k]!).filter(Number.isFinite);
  const axis = valueAxis(values);
  const n = history.epoch.length;
  const sx = (i: number) => x0 + (n <= 1 ? w / 2 : (i / (n - 1)) * w);
  const sy = (v: number) => y0 + h - axis.position(v) * h;

  out.push(`<text x="${x0 + w / 2}" y="16" text-anchor="middle" font-size="13">${escapeXml(title)}: ${escapeXml(quantity)}</text>`);
  out.push(`<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="none" stroke="#ccc"/>`);
  // value ticks and grid
  for (const v of axis.ticks) {
    const y = sy(v).toFixed(1);
    out.push(`<line x1="${x0}" x2="${x0 + w}" y1="${y}" y2="${y}" stroke="#eee"/>`);
    out.push(`<line x1="${x0 - 4}" x2="${x0}" y1="${y}" y2="${y}" stroke="#888"/>`);
    out.push(`<text x="${x0 - 7}" y="${(sy(v) + 4).toFixed(1)}" text-anchor="end">${axis.label(v)}</text>`);
  }
  // epoch ticks (1-based, as fit prints them)
  for (const e of epochTicks(n)) {
    const x = sx(e - 1).toFixed(1);
    out.push(`<line x1="${x}" x2="${x}" y1="${y0 + h}" y2="${y0 + h + 4}" stroke="#888"/>`);
    out.push(`<text x="${x}" y="${y0 + h + 16}" text-anchor="middle">${e}</text>`);
  }
  // axis labels
  out.push(`<text x="${x0 + w / 2}" y="${PANEL.height - 8}" text-anchor="middle">epoch</text>`);
  const yLabel = `${quantity}${axis.log ? ' (log scale)' : ''}`;
  out.push(`<text x="${left + 14}" y="${y0 + h / 2}" text-anchor="middle" transform="rotate(-90 ${left + 14} ${y0 + h / 2})">${escapeXml(yLabel)}</text>`);
  // EarlyStopping: the epoch it stopped at, and the best epoch whose weights came back
  const legend: Array<{ label: string; draw: (x: number, y: number) => string }> = [];
  const markLegend: typeof legend = [];
  const marks = history.earlyStopping;
  if (marks?.stoppedEpoch !== undefined) {
    const x = sx(marks.stoppedEpoch).toFixed(1);
    out.push(`<line x1="${x}" x2="${x}" y1="${y0}" y2="${y0 + h}" stroke="#d62728" stroke-width="1.2" stroke-dasharray="2,3"/>`);
    markLegend.push({ label: `early stop: epoch ${marks.stoppedEpoch + 1}`, draw: (lx, ly) => `<line x1="${lx + 10}" x2="${lx + 10}" y1="${ly - 7}" y2="${ly + 5}" stroke="#d62728" stroke-width="1.2" stroke-dasharray="2,3"/>` });
  }
  if (marks?.restoredEpoch !== undefined) {
    const x = sx(marks.restoredEpoch).toFixed(1);
    out.push(`<line x1="${x}" x2="${x}" y1="${y0}" y2="${y0 + h}" stroke="#2ca02c" stroke-width="1.2"/>`);
    markLegend.push({ label: `restored best: epoch ${marks.restoredEpoch + 1}`, draw: (lx, ly) => `<line x1="${lx + 10}" x2="${lx + 10}" y1="${ly - 7}" y2="${ly + 5}" stroke="#2ca02c" stroke-width="1.2"/>` });
  }
  // the lines; a value that is not finite is left out (the line breaks there)
  series.forEach((k, s) => {
    const color = COLORS[s % COLORS.length]!;
    const dash = k.startsWith('val_') ? ' stroke-dasharray="5,3"' : '';
    for (const run of finiteRuns(history.history[k]!, axis)) {
      const pts = run.map(([i, v]) => `${sx(i).toFixed(1)},${sy(v).toFixed(1)}`).join(' ');
      out.push(run.length === 1 ? `<circle cx="${pts.split(',')[0]}" cy="${pts.split(',')[1]}" r="2" fill="${color}"/>` : `<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="1.6"${dash}/>`);
    }
    legend.push({ label: k, draw: (lx, ly) => `<line x1="${lx}" x2="${lx + 20}" y1="${ly - 1}" y2="${ly - 1}" stroke="${color}" stroke-width="2"${dash}/>` });
  });
  // The legend sits above the plot, where no line can hide it: the lines, then the marks.
  [legend, markLegend].forEach((row, r) => {
    let lx = x0;
    for (const entry of row) {
      out.push(entry.draw(lx, LEGEND_ROWS[r]!));
      out.push(`<text x="${lx + 24}" y="${LEGEND_ROWS[r]! + 3}">${escapeXml(entry.label)}</text>`);
      lx += 24 + 6.2 * entry.label.length + 16; // about 6.2 px a character at 11 px
    }
  });
  return out;
}

/** Runs of consecutive points the axis can show ([epoch index, value]). */
function finiteRuns(values: number[], axis: Axis): Array<Array<[number, number]>> {
  const runs: Array<Array<[number, number]>> = [];
  let run: Array<[number, number]> = [];
  values.forEach((v, i) => {
    if (Number.isFinite(v) && (!axis.log || v > 0)) run.push([i, v]);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** A log axis when every value is positive and the largest is more than 10 times the smallest; else linear. */
export function valueAxis(values: number[]): Axis {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (lo > 0 && hi / lo > 10) return logAxis(lo, hi);
  return linearAxis(lo, hi);
}

/** 1, 2 or 5 times a power of ten, the smallest at least `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= rough * (1 - 1e-9)) return m * power;
  return 10 * power;
}

function linearAxis(lo: number, hi: number): Axis {
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
    const pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 0.5;
    [lo, hi] = [lo - pad, hi + pad];
  }
  const step = niceStep((hi - lo) / 5);
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(roundTo(v, step));
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (String(step / 10 ** Math.floor(Math.log10(step))).includes('.') ? 1 : 0));
  return {
    log: false,
    ticks,
    position: (v) => (v - min) / (max - min),
    label: (v) => formatTick(v, decimals),
  };
}

function logAxis(lo: number, hi: number): Axis {
  const first = Math.floor(Math.log10(lo) + 1e-9);
  const last = Math.ceil(Math.log10(hi) - 1e-9);
  // Over a few decades, 1-2-5 steps; over many, the powers of ten. The axis runs from the tick at
  // or below the smallest value to the tick at or above the largest.
  const mantissas = last - first <= 3 ? [1, 2, 5] : [1];
  const all: number[] = [];
  for (let p = first; p <= last; p++) for (const m of mantissas) all.push(roundTo(m * 10 ** p, 10 ** p));
  const below = all.filter((v) => v <= lo * (1 + 1e-9)).at(-1) ?? all[0]!;
  const above = all.find((v) => v >= hi * (1 - 1e-9)) ?? all.at(-1)!;
  const ticks = all.filter((v) => v >= below && v <= above);
  const [a, b] = [Math.log10(below), Math.log10(above)];
  return {
    log: true,
    ticks,
    position: (v) => (Math.log10(v) - a) / (b - a),
    label: (v) => (v >= 1e-3 && v < 1e5 ? String(Number(v.toPrecision(6))) : v.toExponential(0).replace('e+', 'e')),
  };
}

function roundTo(v: number, step: number): number {
  const digits = Math.max(0, Math.ceil(-Math.log10(step)) + 2);
  return Number(v.toFixed(Math.min(20, digits)));
}

function formatTick(v: number, decimals: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e6)) return v.toExponential(1).replace('e+', 'e');
  return v.toFixed(Math.min(10, decimals));
}

/** Epoch numbers (1-based) to tick: the first, and round steps up to the last, about 6 in all. */
export function epochTicks(n: number): number[] {
  if (n <= 1) return [1];
  if (n <= 10) return Array.from({ length: n }, (_, i) => i + 1);
  const step = Math.max(1, Math.round(niceStep((n - 1) / 6)));
  const ticks = [1];
  for (let e = step; e <= n; e += step) if (e > 1) ticks.push(e);
  return ticks;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
