// The benchmark's data: the Pima CSV, the synthetic mlp data and the infer rows. Everything is a
// pure function of the CSV and a fixed seed (base/rng.ts), so every contender, in every run and
// on every machine, sees identical numbers. Deliberately independent of base/data: the bench must
// not move when the library's loaders change.
import { tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, readdirSync, type Dirent, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RandomStream, Stream } from '../base/rng.js';
import type { Dataset, LayerWeights, ModelSpec } from './harness.js';

/** The repository root: the nearest folder above this file holding nnc's package.json (works from bench/ and dist/bench/). */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name"\s*:\s*"nnc"/.test(readFileSync(pkg, 'utf8'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nnc package.json above ${from}`);
  }
}

export function defaultDatasetsDir(): string {
  return resolve(findRepoRoot(), '../shared/datasets');
}

/** A numeric CSV: rows of numbers; a first line that is not numeric is taken as a header and skipped. */
export function parseNumericCsv(text: string): number[][] {
  const rows: number[][] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const cells = line.split(',').map((c) => Number(c.trim()));
    if (cells.some((v) => !Number.isFinite(v))) {
      if (rows.length === 0 && i === 0) continue;
      throw new Error(`line ${i + 1}: not a number in "${line}"`);
    }
    if (rows.length > 0 && cells.length !== rows[0]!.length) {
      throw new Error(`line ${i + 1}: ${cells.length} columns, expected ${rows[0]!.length}`);
    }
    rows.push(cells);
  }
  return rows;
}

/** Pima Indians diabetes: columns 0-7 features, column 8 the 0/1 label. */
export function loadPima(datasetsDir: string = defaultDatasetsDir()): Dataset {
  const path = join(datasetsDir, 'pima-indians-diabetes.csv');
  if (!existsSync(path)) throw new Error(`${path} not found (pass --datasets DIR)`);
  const table = parseNumericCsv(readFileSync(path, 'utf8'));
  if (table[0]?.length !== 9) throw new Error(`${path}: expected 9 columns`);
  const rows = table.length;
  const features = new Float32Array(rows * 8);
  const labels = new Float32Array(rows);
  table.forEach((row, r) => {
    for (let j = 0; j < 8; j++) features[r * 8 + j] = row[j]!;
    labels[r] = row[8]!;
  });
  return { name: 'pima', rows, featureCount: 8, features, labelWidth: 1, labels };
}

export const pimaModel: ModelSpec = {
  inputDim: 8,
  layers: [
    { units: 12, activation: 'relu' },
    { units: 1, activation: 'sigmoid' },
  ],
  loss: 'binary_crossentropy',
  optimizer: { name: 'adam', learningRate: 0.001 },
};

export const mlpModel: ModelSpec = {
  inputDim: 784,
  layers: [
    { units: 256, activation: 'relu' },
    { units: 128, activation: 'relu' },
    { units: 10, activation: 'softmax' },
  ],
  loss: 'categorical_crossentropy',
  optimizer: { name: 'adam', learningRate: 0.001 },
};

export const BENCH_SEED = 20250601;

export interface SyntheticOptions {
  rows: number;
  featureCount: number;
  classes: number;
  seed?: number;
  /** Spread of the class centroids around 0.5 (per feature, standard deviation). */
  centroidSpread?: number;
  /** Standard deviation of the per-sample Gaussian noise. */
  noise?: number;
}

/**
 * Classification data with MNIST's shape: each class has a centroid (0.5 + spread * N(0,1) per
 * feature), each sample is its class's centroid plus N(0, noise^2) per feature, the class uniform.
 * Labels are one-hot. With the defaults the classes overlap a little, so accuracy after one epoch
 * is high but not trivially 1.
 */
export function syntheticClassification(o: SyntheticOptions): Dataset {
  const seed = o.seed ?? BENCH_SEED;
  const spread = o.centroidSpread ?? 0.05;
  const noise = o.noise ?? 0.5;
  const { rows, featureCount: n, classes } = o;
  const centroidRng = new RandomStream(seed, Stream.data + 1);
  const centroids = new Float32Array(classes * n);
  for (let i = 0; i < centroids.length; i++) centroids[i] = 0.5 + spread * centroidRng.normal();
  const classRng = new RandomStream(seed, Stream.data + 2);
  const noiseRng = new RandomStream(seed, Stream.data + 3);
  const features = new Float32Array(rows * n);
  const labels = new Float32Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    const k = classRng.int(classes);
    labels[r * classes + k] = 1;
    const c = k * n;
    const base = r * n;
    for (let j = 0; j < n; j++) features[base + j] = centroids[c + j]! + noise * noiseRng.normal();
  }
  return { name: `synthetic ${rows}x${n}`, rows, featureCount: n, features, labelWidth: classes, labels };
}

function featureStats(d: Dataset): { mean: Float64Array; std: Float64Array } {
  const n = d.featureCount;
  const mean = new Float64Array(n);
  const std = new Float64Array(n);
  for (let r = 0; r < d.rows; r++) for (let j = 0; j < n; j++) mean[j]! += d.features[r * n + j]!;
  for (let j = 0; j < n; j++) mean[j]! /= d.rows;
  for (let r = 0; r < d.rows; r++) {
    for (let j = 0; j < n; j++) std[j]! += (d.features[r * n + j]! - mean[j]!) ** 2;
  }
  for (let j = 0; j < n; j++) std[j] = Math.sqrt(std[j]! / d.rows) || 1;
  return { mean, std };
}

/**
 * `rows` Pima-like rows: row i is Pima row (i mod 768), each feature moved by N(0, (0.05 std)^2)
 * of that feature, so the rows are realistic but not 130 copies of the same 768.
 */
export function inferRows(pima: Dataset, rows: number, seed: number = BENCH_SEED): Float32Array {
  const n = pima.featureCount;
  const { std } = featureStats(pima);
  const rng = new RandomStream(seed, Stream.data + 4);
  const out = new Float32Array(rows * n);
  for (let r = 0; r < rows; r++) {
    const src = (r % pima.rows) * n;
    for (let j = 0; j < n; j++) out[r * n + j] = pima.features[src + j]! + 0.05 * std[j]! * rng.normal();
  }
  return out;
}

/**
 * Fixed weights for predicting: Glorot-uniform draws from a seeded stream, biases 0.1 * U(-1, 1);
 * the first layer's kernel rows are divided by each feature's standard deviation (what a trained
 * model on raw Pima features effectively learns), so the predictions spread over (0, 1) instead of
 * saturating at 0 and 1 and their mean is a sensitive check.
 */
export function fixedWeights(model: ModelSpec, data: Dataset, seed: number = BENCH_SEED): LayerWeights[] {
  const { mean, std } = featureStats(data);
  const rng = new RandomStream(seed, Stream.data + 5);
  const weights: LayerWeights[] = [];
  let inputs = model.inputDim;
  model.layers.forEach((layer, li) => {
    const limit = Math.sqrt(6 / (inputs + layer.units));
    const kernel = new Float32Array(inputs * layer.units);
    for (let i = 0; i < inputs; i++) {
      const scale = li === 0 ? 1 / std[i]! : 1;
      for (let o = 0; o < layer.units; o++) kernel[i * layer.units + o] = rng.range(-limit, limit) * scale;
    }
    const bias = new Float32Array(layer.units);
    for (let o = 0; o < layer.units; o++) bias[o] = 0.1 * rng.range(-1, 1);
    if (li === 0) {
      // Centre the first layer on the data: subtract kernel . mean, as standardised inputs would.
      for (let o = 0; o < layer.units; o++) {
        let shift = 0;
        for (let i = 0; i < inputs; i++) shift += kernel[i * layer.units + o]! * mean[i]!;
        bias[o] = bias[o]! - shift;
      }
    }
    weights.push({ kernel, bias });
    inputs = layer.units;
  });
  return weights;
}

/** Forward pass on the host in f64, for checking any contender's predictions. */
export function referencePredict(model: ModelSpec, weights: LayerWeights[], features: Float32Array, rows: number): Float64Array {
  let x = Float64Array.from(features.subarray(0, rows * model.inputDim));
  let width = model.inputDim;
  model.layers.forEach((layer, li) => {
    const { kernel, bias } = weights[li]!;
    const y = new Float64Array(rows * layer.units);
    for (let r = 0; r < rows; r++) {
      for (let o = 0; o < layer.units; o++) {
        let s = bias[o]!;
        for (let i = 0; i < width; i++) s += x[r * width + i]! * kernel[i * layer.units + o]!;
        y[r * layer.units + o] = s;
      }
      activate(layer.activation, y.subarray(r * layer.units, (r + 1) * layer.units));
    }
    x = y;
    width = layer.units;
  });
  return x;
}

function activate(kind: string, v: Float64Array): void {
  if (kind === 'relu') for (let i = 0; i < v.length; i++) v[i] = Math.max(0, v[i]!);
  else if (kind === 'sigmoid') for (let i = 0; i < v.length; i++) v[i] = 1 / (1 + Math.exp(-v[i]!));
  else if (kind === 'softmax') {
    const m = Math.max(...v);
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i] = Math.exp(v[i]! - m);
    for (let i = 0; i < v.length; i++) v[i]! /= s;
  }
}

/** The `.nn` examples of the repository, for the compile workload. */
/** Depths of the `compile-depth` workload's generated networks (layers of Dense(16, relu)). */
export const COMPILE_DEPTHS = [10, 50, 100, 200];

/**
 * Programs of an MLP `depth` layers deep (Dense(16, relu) after Dense(16, input_dim=2), a sigmoid
 * output, adam, a fit on the offline moons data), written to a temporary folder: how compile time
 * grows with depth.
 */
export function deepSources(depths: number[] = COMPILE_DEPTHS): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'nnc-depth-'));
  return depths.map((depth) => {
    const layers = ['  Dense(16, input_dim=2, activation="relu")', ...Array.from({ length: depth - 2 }, () => '  Dense(16, activation="relu")'), '  Dense(1, activation="sigmoid")'];
    const text = ['dataset d = builtin("moons", rows=200)', 'model m = Sequential {', ...layers, '}', 'compile m(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])', 'fit m(d, epochs=1, batch_size=32)', ''].join('\n');
    const path = join(dir, `depth-${depth}.nn`);
    writeFileSync(path, text);
    return path;
  });
}

export function exampleSources(root: string = findRepoRoot()): string[] {
  const dir = join(root, 'examples');
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSorted(d)) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.nn')) found.push(p);
    }
  };
  walk(dir);
  return found;
}

function readdirSorted(d: string): Dirent[] {
  return readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
}
