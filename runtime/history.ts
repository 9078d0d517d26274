// What every fit leaves behind: its History as JSON, and a chart of loss and metrics per epoch
// (train and validation) as an SVG that any browser shows.
import { resolve } from 'node:path';
import { writeFileAtomic } from './io/atomic.js';
import type { History } from './session.js';

/** Writes FOLDER/BASE.json and FOLDER/BASE.svg (the folder must exist); returns their paths. */
export function writeHistory(history: History, folder: string, base: string, model: string): { json: string; svg: string } {
  const json = resolve(folder, `${base}.json`);
  const svg = resolve(folder, `${base}.svg`);
  writeFileAtomic(json, historyJson(model, history));
  writeFileAtomic(svg, historyChart(history, model));
  return { json, svg };
}

/** Keras' History as JSON: one key per quantity, each a list of per-epoch values on one line. */
export function historyJson(model: string, history: History): string {
  const lines = Object.entries(history.history).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n  "model": ${JSON.stringify(model)},\n  "epoch": ${JSON.stringify(history.epoch)},\n  "history": {\n${lines.join(',\n')}\n  }\n}\n`;
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

/** One panel per quantity (loss, each metric), train solid and validation dashed. */
export function historyChart(history: History, title: string): string {
  const keys = Object.keys(history.history);
  const quantities = [...new Set(keys.map((k) => k.replace(/^val_/, '')))].sort((a, b) => (a === 'loss' ? -1 : b === 'loss' ? 1 : a.localeCompare(b)));
  const panelW = 420;
  const panelH = 260;
  const margin = { left: 56, right: 16, top: 44, bottom: 40 };
  const width = panelW * Math.max(1, quantities.length);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${panelH}" viewBox="0 0 ${width} ${panelH}" font-family="sans-serif" font-size="11">`);
  parts.push(`<rect width="100%" height="100%" fill="white"/>`);
  quantities.forEach((q, p) => {
    const x0 = p * panelW + margin.left;
    const w = panelW - margin.left - margin.right;
    const h = panelH - margin.top - margin.bottom;
    const series = [q, `val_${q}`].filter((k) => history.history[k]);
    const values = series.flatMap((k) => history.history[k]!).filter(Number.isFinite);
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
    if (hi - lo < 1e-12) [lo, hi] = [lo - 0.5, hi + 0.5];
    const n = history.epoch.length;
    const sx = (i: number) => x0 + (n <= 1 ? w / 2 : (i / (n - 1)) * w);
    const sy = (v: number) => margin.top + h - ((v - lo) / (hi - lo)) * h;
    parts.push(`<text x="${x0 + w / 2}" y="16" text-anchor="middle" font-size="13">${escapeXml(title)}: ${escapeXml(q)}</text>`);
    parts.push(`<rect x="${x0}" y="${margin.top}" width="${w}" height="${h}" fill="none" stroke="#ccc"/>`);
    for (let t = 0; t <= 4; t++) {
      const v = lo + ((hi - lo) * t) / 4;
      parts.push(`<text x="${x0 - 6}" y="${sy(v) + 4}" text-anchor="end">${formatTick(v)}</text>`);
      parts.push(`<line x1="${x0}" x2="${x0 + w}" y1="${sy(v)}" y2="${sy(v)}" stroke="#eee"/>`);
    }
    parts.push(`<text x="${x0 + w / 2}" y="${panelH - 8}" text-anchor="middle">epoch</text>`);
    parts.push(`<text x="${x0}" y="${panelH - 22}" text-anchor="middle">1</text><text x="${x0 + w}" y="${panelH - 22}" text-anchor="middle">${n}</text>`);
    series.forEach((k, s) => {
      const pts = history.history[k]!.map((v, i) => `${sx(i).toFixed(1)},${sy(Number.isFinite(v) ? v : hi).toFixed(1)}`).join(' ');
      const color = COLORS[s % COLORS.length]!;
      parts.push(`<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="1.6"${k.startsWith('val_') ? ' stroke-dasharray="5,3"' : ''}/>`);
      // The legend sits above the plot, where no line can hide it: train left, validation right.
      const lx = x0 + w / 2 - 110 + s * 120;
      parts.push(`<line x1="${lx}" x2="${lx + 20}" y1="32" y2="32" stroke="${color}" stroke-width="2"${k.startsWith('val_') ? ' stroke-dasharray="5,3"' : ''}/>`);
      parts.push(`<text x="${lx + 24}" y="36">${escapeXml(k)}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

function formatTick(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(1);
  return Number(v.toPrecision(3)).toString();
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
