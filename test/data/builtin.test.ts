import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DATASETS, makeBuiltin } from '../../base/data/builtin.js';
import type { Table } from '../../base/data/dataset.js';
import { randomU32, Stream } from '../../base/rng.js';
import { repoRoot } from '../helpers/shared.js';

const row = (t: Table, r: number) => Array.from(t.features.subarray(r * t.featureDim, (r + 1) * t.featureDim));
const classCounts = (t: Table) => {
  const counts = new Array<number>(t.classes!.length).fill(0);
  for (const y of t.labels) counts[y]!++;
  return counts;
};
const classNames = (k: number) => Array.from({ length: k }, (_, i) => String(i));

describe('builtin datasets', () => {
  it('xor is exactly the four rows, repeated in order', () => {
    const t = makeBuiltin('xor', {});
    expect([t.rows, t.featureDim, t.labelColumns]).toEqual([4, 2, 1]);
    expect(Array.from(t.features)).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
    expect(Array.from(t.labels)).toEqual([0, 1, 1, 0]);
    expect(t.classes).toEqual(['0', '1']);
    const three = makeBuiltin('xor', { repeat: 3 });
    expect(three.rows).toBe(12);
    expect(Array.from(three.features.subarray(16))).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
    expect(Array.from(three.labels)).toEqual([0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0]);
  });

  it('has the documented default shapes', () => {
    const shapes: Record<string, [number, number, string[] | null]> = {
      xor: [4, 2, classNames(2)],
      moons: [1000, 2, classNames(2)],
      circles: [1000, 2, classNames(2)],
      spirals: [1000, 2, classNames(3)],
      blobs: [1000, 2, classNames(3)],
      classification: [60000, 784, classNames(10)],
      regression: [1000, 8, null],
      order: [2000, 20, classNames(2)],
    };
    expect(Object.keys(BUILTIN_DATASETS).sort()).toEqual(Object.keys(shapes).sort());
    for (const [name, [rows, features, classes]] of Object.entries(shapes)) {
      const t = makeBuiltin(name, {});
      expect([t.rows, t.featureDim, t.labelColumns, t.classes, t.stringLabels], name).toEqual([rows, features, 1, classes, false]);
      expect(t.features.length).toBe(rows * features);
      expect(t.labels.length).toBe(rows);
      expect(t.features.every(Number.isFinite), name).toBe(true);
      if (classes) expect(t.labels.every((y) => Number.isInteger(y) && y >= 0 && y < classes.length), name).toBe(true);
    }
  });

  it('is deterministic for a seed, and another seed gives other rows', () => {
    for (const name of ['moons', 'circles', 'spirals', 'blobs', 'regression']) {
      const a = makeBuiltin(name, { seed: 3 });
      expect(makeBuiltin(name, { seed: 3 }), name).toEqual(a);
      expect(makeBuiltin(name, { seed: 4 }).features, name).not.toEqual(a.features);
    }
    const small = { rows: 500, features: 20 };
    expect(makeBuiltin('classification', { ...small, seed: 1 })).toEqual(makeBuiltin('classification', { ...small, seed: 1 }));
    expect(makeBuiltin('classification', { ...small, seed: 2 }).features).not.toEqual(makeBuiltin('classification', { ...small, seed: 1 }).features);
  });

  it('moons without noise lie on their half circles, half of the rows each', () => {
    const t = makeBuiltin('moons', { rows: 101, noise: 0 });
    expect(classCounts(t)).toEqual([50, 51]);
    for (let r = 0; r < t.rows; r++) {
      const [x, y] = row(t, r) as [number, number];
      if (t.labels[r] === 0) expect(Math.hypot(x, y)).toBeCloseTo(1, 5);
      else expect(Math.hypot(x - 1, y - 0.5)).toBeCloseTo(1, 5);
      expect(t.labels[r] === 0 ? y >= -1e-6 : y <= 0.5 + 1e-6).toBe(true);
    }
  });

  it('moons noise is Gaussian with the given standard deviation', () => {
    const clean = makeBuiltin('moons', { rows: 4000, noise: 0, seed: 9 });
    const noisy = makeBuiltin('moons', { rows: 4000, noise: 0.3, seed: 9 });
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < clean.features.length; i++) {
      const d = noisy.features[i]! - clean.features[i]!;
      sum += d;
      sumSq += d * d;
    }
    const n = clean.features.length;
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.sqrt(sumSq / n - (sum / n) ** 2)).toBeCloseTo(0.3, 1);
    expect(Array.from(noisy.labels)).toEqual(Array.from(clean.labels)); // same order: the noise level changes nothing else
  });

  it('circles without noise: radius 1 outside, factor inside', () => {
    const t = makeBuiltin('circles', { rows: 200, noise: 0, factor: 0.3 });
    expect(classCounts(t)).toEqual([100, 100]);
    for (let r = 0; r < t.rows; r++) {
      const [x, y] = row(t, r) as [number, number];
      expect(Math.hypot(x, y)).toBeCloseTo(t.labels[r] === 0 ? 1 : 0.3, 5);
    }
  });

  it('spirals: one arm per class, radii within [0, 1]', () => {
    const t = makeBuiltin('spirals', { rows: 301, classes: 4, noise: 0 });
    expect(t.classes).toEqual(classNames(4));
    expect(classCounts(t)).toEqual([76, 75, 75, 75]);
    for (let r = 0; r < t.rows; r++) expect(Math.hypot(...(row(t, r) as [number, number]))).toBeLessThanOrEqual(1 + 1e-6);
  });

  it('blobs without spread are their centers, in [-10, 10)', () => {
    const t = makeBuiltin('blobs', { rows: 60, features: 5, classes: 4, spread: 0 });
    expect(classCounts(t)).toEqual([15, 15, 15, 15]);
    const centers = new Map<number, number[]>();
    for (let r = 0; r < t.rows; r++) {
      const x = row(t, r);
      expect(x.every((v) => v >= -10 && v < 10)).toBe(true);
      const k = t.labels[r]!;
      if (!centers.has(k)) centers.set(k, x);
      expect(x).toEqual(centers.get(k));
    }
    expect(centers.size).toBe(4);
  });

  it('classification: balanced classes, unit noise around class centroids, learnable', () => {
    const t = makeBuiltin('classification', { rows: 4000, features: 50, classes: 4, separation: 1 });
    expect(classCounts(t)).toEqual([1000, 1000, 1000, 1000]);
    // Per-class means estimate the centroids; what is left is the noise: mean 0, variance 1.
    const f = t.featureDim;
    const means = new Float64Array(4 * f);
    for (let r = 0; r < t.rows; r++) for (let j = 0; j < f; j++) means[t.labels[r]! * f + j] += t.features[r * f + j]! / 1000;
    let sumSq = 0;
    let max = 0;
    for (let r = 0; r < t.rows; r++) {
      for (let j = 0; j < f; j++) {
        const e = t.features[r * f + j]! - means[t.labels[r]! * f + j]!;
        sumSq += e * e;
        max = Math.max(max, Math.abs(e));
      }
    }
    expect(sumSq / (t.rows * f)).toBeCloseTo(1, 1);
    expect(max).toBeLessThan(3.5); // Irwin-Hall of four bytes: bounded by 3.46
    // With separation 1, a nearest-centroid rule is nearly perfect.
    let correct = 0;
    for (let r = 0; r < t.rows; r++) {
      let best = -1;
      let bestDistance = Infinity;
      for (let k = 0; k < 4; k++) {
        let d = 0;
        for (let j = 0; j < f; j++) d += (t.features[r * f + j]! - means[k * f + j]!) ** 2;
        if (d < bestDistance) [best, bestDistance] = [k, d];
      }
      if (best === t.labels[r]) correct++;
    }
    expect(correct / t.rows).toBeGreaterThan(0.99);
  });

  it('classification noise is the Irwin-Hall sum of the bytes of randomU32(seed, Stream.data + 1, row * features + j)', () => {
    const t = makeBuiltin('classification', { rows: 50, features: 7, classes: 2, separation: 0, seed: 11 });
    const scale = 1 / Math.sqrt((4 * (256 * 256 - 1)) / 12);
    for (let i = 0; i < t.features.length; i++) {
      const u = randomU32(11, Stream.data + 1, i);
      const bytes = (u & 255) + ((u >>> 8) & 255) + ((u >>> 16) & 255) + (u >>> 24);
      expect(t.features[i]).toBe(Math.fround((bytes - 510) * scale));
    }
  });

  it('makes the 60,000 x 784 benchmark data at its full size', () => {
    const t = makeBuiltin('classification', {});
    expect(t.features.length).toBe(60000 * 784);
  });

  it('regression: y is the same linear function of x on every row, plus noise of the given size', () => {
    const clean = makeBuiltin('regression', { rows: 400, features: 3, noise: 0, seed: 5 });
    const noisy = makeBuiltin('regression', { rows: 400, features: 3, noise: 0.5, seed: 5 });
    expect(noisy.features).toEqual(clean.features);
    expect(clean.classes).toBeNull();
    // Solve y = w.x + b from four rows, then check every row.
    const solve = (a: number[][], y: number[]) => {
      const n = y.length;
      const m = a.map((r, i) => [...r, y[i]!]);
      for (let c = 0; c < n; c++) {
        const p = m.reduce((best, _, i) => (i >= c && Math.abs(m[i]![c]!) > Math.abs(m[best]![c]!) ? i : best), c);
        [m[c], m[p]] = [m[p]!, m[c]!];
        for (let i = 0; i < n; i++) {
          if (i === c) continue;
          const k = m[i]![c]! / m[c]![c]!;
          for (let j = c; j <= n; j++) m[i]![j]! -= k * m[c]![j]!;
        }
      }
      return m.map((r, i) => r[n]! / r[i]!);
    };
    const design = [0, 1, 2, 3].map((r) => [...row(clean, r), 1]);
    const coef = solve(design, [0, 1, 2, 3].map((r) => clean.labels[r]!));
    for (let r = 0; r < clean.rows; r++) {
      const predicted = row(clean, r).reduce((s, x, j) => s + x * coef[j]!, coef[3]!);
      expect(clean.labels[r]).toBeCloseTo(predicted, 4);
    }
    let sumSq = 0;
    for (let r = 0; r < clean.rows; r++) sumSq += (noisy.labels[r]! - clean.labels[r]!) ** 2;
    expect(Math.sqrt(sumSq / clean.rows)).toBeGreaterThan(0.4);
    expect(Math.sqrt(sumSq / clean.rows)).toBeLessThan(0.6);
  });

  it('fills defaults and refuses unknown datasets and arguments', () => {
    expect(makeBuiltin('moons', {})).toEqual(makeBuiltin('moons', { rows: 1000, noise: 0.1, seed: 0 }));
    expect(() => makeBuiltin('mnist', {})).toThrow(/unknown builtin dataset 'mnist'/);
    expect(() => makeBuiltin('moons', { classes: 3 })).toThrow(/no argument 'classes'/);
  });

  it('declares sane argument ranges, and docs/data.md documents every dataset and argument', () => {
    const docs = readFileSync(resolve(repoRoot, 'docs/data.md'), 'utf8');
    for (const [name, info] of Object.entries(BUILTIN_DATASETS)) {
      expect(docs, name).toContain(`\`${name}\``);
      expect(info.args.seed === undefined || info.args.seed.default === 0, name).toBe(true);
      for (const [arg, a] of Object.entries(info.args)) {
        expect(a.min === undefined || a.default >= a.min, `${name}.${arg}`).toBe(true);
        expect(a.max === undefined || a.default <= a.max, `${name}.${arg}`).toBe(true);
        expect(!a.integer || Number.isInteger(a.default), `${name}.${arg}`).toBe(true);
        expect(docs, `${name}.${arg}`).toMatch(new RegExp(`\`${name}\`[^\\n]*\\n(?:[^#][^\\n]*\\n)*?[^\\n]*\`${arg}\``));
      }
    }
  });
});
