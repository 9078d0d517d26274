// A log-log line chart as SVG, for the bench's curves (bench/curves.ts): one line per contender,
// points marked, decades gridded and labelled. Plain SVG 1.1, no scripts, so it renders anywhere
// (GitHub, rsvg-convert, browsers).

export interface Point {
  x: number;
  y: number;
  /** Measured on a sample and scaled: drawn hollow. */
  sampled?: boolean;
}

export interface Series {
  name: string;
  /** x, y > 0; missing points are simply left out. */
  points: Point[];
  /** Dashed: a software device (not a speed target). */
  dashed?: boolean;
}

export interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Formats an x tick (default: 1k, 10k, 1M). */
  xTick?: (x: number) => string;
  /** x ticks where the data are (e.g. powers of two), instead of decades. */
  xTicks?: number[];
  note?: string;
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
const W = 760;
const H = 460;
const M = { left: 78, right: 190, top: 48, bottom: 66 };

export function si(v: number): string {
  if (v >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (v >= 1e3) return `${+(v / 1e3).toPrecision(3)}k`;
  return `${+v.toPrecision(3)}`;
}

function seconds(v: number): string {
  if (v >= 1) return `${+v.toPrecision(3)} s`;
  if (v >= 1e-3) return `${+(v * 1e3).toPrecision(3)} ms`;
  return `${+(v * 1e6).toPrecision(3)} us`;
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function logLogChart(c: Chart): string {
  const all = c.series.flatMap((s) => s.points).filter((p) => p.x > 0 && p.y > 0);
  if (all.length === 0) throw new Error(`${c.title}: no points`);
  const decade = (v: number, up: boolean) => 10 ** (up ? Math.ceil(Math.log10(v) - 1e-9) : Math.floor(Math.log10(v) + 1e-9));
  const xs = all.map((p) => p.x);
  const x0 = c.xTicks ? Math.min(...xs) / 1.25 : decade(Math.min(...xs), false);
  const x1 = c.xTicks ? Math.max(...xs) * 1.25 : decade(Math.max(...xs), true);
  const y0 = decade(Math.min(...all.map((p) => p.y)), false);
  const y1 = Math.max(decade(Math.max(...all.map((p) => p.y)), true), y0 * 10);
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const px = (x: number) => M.left + ((Math.log10(x) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0 === x1 ? x0 / 10 : x0))) * pw;
  const py = (y: number) => M.top + ph - ((Math.log10(y) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0))) * ph;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${W / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escape(c.title)}</text>`);
  // grid: decades solid, 2x and 5x light (or the given x ticks)
  const xGrid: Array<[number, boolean]> = c.xTicks
    ? c.xTicks.map((x) => [x, true])
    : [];
  if (!c.xTicks) {
    for (let d = x0; d <= x1 * 1.0001; d *= 10) for (const m of [1, 2, 5]) if (d * m <= x1 * 1.0001) xGrid.push([d * m, m === 1]);
  }
  for (const [x, major] of xGrid) {
    out.push(`<line x1="${px(x).toFixed(1)}" y1="${M.top}" x2="${px(x).toFixed(1)}" y2="${M.top + ph}" stroke="${major ? '#ccc' : '#eee'}"/>`);
    if (major) out.push(`<text x="${px(x).toFixed(1)}" y="${M.top + ph + 18}" text-anchor="middle">${escape((c.xTick ?? si)(x))}</text>`);
  }
  for (let d = y0; d <= y1 * 1.0001; d *= 10) {
    for (const m of [1, 2, 5]) {
      const y = d * m;
      if (y > y1 * 1.0001) continue;
      out.push(`<line x1="${M.left}" y1="${py(y).toFixed(1)}" x2="${M.left + pw}" y2="${py(y).toFixed(1)}" stroke="${m === 1 ? '#ccc' : '#eee'}"/>`);
      if (m === 1) out.push(`<text x="${M.left - 8}" y="${(py(y) + 4).toFixed(1)}" text-anchor="end">${seconds(y)}</text>`);
    }
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${M.left + pw / 2}" y="${H - 24}" text-anchor="middle">${escape(c.xLabel)}</text>`);
  out.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">${escape(c.yLabel)}</text>`);
  c.series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    const pts = s.points.filter((p) => p.x > 0 && p.y > 0).sort((a, b) => a.x - b.x);
    if (pts.length > 1) {
      const d = pts.map((p, k) => `${k === 0 ? 'M' : 'L'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
      out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    }
    for (const p of pts) {
      const fill = p.sampled ? `fill="white" stroke="${color}" stroke-width="2"` : `fill="${color}"`;
      out.push(`<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="4" ${fill}/>`);
    }
    const ly = M.top + 14 + i * 20;
    const lx = M.left + pw + 14;
    out.push(`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 24}" y2="${ly - 4}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    out.push(`<text x="${lx + 30}" y="${ly}">${escape(s.name)}</text>`);
  });
  if (c.note) out.push(`<text x="${M.left}" y="${H - 6}" font-size="10" fill="#555">${escape(c.note)}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
