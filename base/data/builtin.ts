// Datasets nnc makes itself, offline and seeded, the way keras.datasets / sklearn.datasets offer
// them: toy problems for examples and tests, and the synthetic 60,000 x 784 benchmark data.
// Every number comes from base/rng.ts (stream Stream.data + k), so a seed gives the same rows
// on every machine. The shapes follow sklearn's make_* functions; the values cannot match
// numpy's, whose generator is a different one.
import { mix32, permutation, RandomStream, Stream } from '../rng.js';
import type { Table } from './dataset.js';

export interface BuiltinArg {
  default: number;
  min?: number;
  max?: number;
  integer?: boolean;
  doc: string;
}

export interface BuiltinDatasetInfo {
  doc: string;
  args: Record<string, BuiltinArg>;
}

const seedArg: BuiltinArg = { default: 0, min: 0, max: 4294967295, integer: true, doc: 'random seed' };
const rowsArg = (d: number, max = 1_000_000): BuiltinArg => ({ default: d, min: 2, max, integer: true, doc: 'number of rows' });

export const BUILTIN_DATASETS: Record<string, BuiltinDatasetInfo> = {
  xor: {
    doc: 'the four rows of XOR: features (0,0) (0,1) (1,0) (1,1), label 0 1 1 0',
    args: { repeat: { default: 1, min: 1, max: 100_000, integer: true, doc: 'how many times the four rows are repeated, in order' } },
  },
  moons: {
    doc: 'two interleaving half circles (sklearn make_moons), 2 features, labels 0 (upper) and 1 (lower)',
    args: {
      rows: rowsArg(1000),
      noise: { default: 0.1, min: 0, doc: 'standard deviation of Gaussian noise added to each coordinate' },
      seed: seedArg,
    },
  },
  circles: {
    doc: 'a small circle inside a large one (sklearn make_circles), 2 features, labels 0 (outer) and 1 (inner)',
    args: {
      rows: rowsArg(1000),
      noise: { default: 0.05, min: 0, doc: 'standard deviation of Gaussian noise added to each coordinate' },
      factor: { default: 0.5, min: 0, max: 0.999, doc: 'radius of the inner circle relative to the outer one' },
      seed: seedArg,
    },
  },
  spirals: {
    doc: 'interleaved spiral arms, one per class (the CS231n spiral), 2 features, labels 0..classes-1',
    args: {
      rows: rowsArg(1000),
      classes: { default: 3, min: 2, max: 256, integer: true, doc: 'number of spiral arms (classes)' },
      noise: { default: 0.2, min: 0, doc: 'standard deviation of Gaussian noise added to the angle (radians)' },
      seed: seedArg,
    },
  },
  blobs: {
    doc: 'Gaussian blobs around random centers in [-10, 10) per feature (sklearn make_blobs), labels 0..classes-1',
    args: {
      rows: rowsArg(1000),
      features: { default: 2, min: 1, max: 4096, integer: true, doc: 'number of features' },
      classes: { default: 3, min: 2, max: 256, integer: true, doc: 'number of blobs (classes)' },
      spread: { default: 1.0, min: 0, doc: 'standard deviation of each blob' },
      seed: seedArg,
    },
  },
  classification: {
    doc:
      'a synthetic multi-class problem: one random centroid per class (separation x standard normal per feature) ' +
      'plus unit noise per feature; classes exactly balanced, rows in random order. The benchmark data (60,000 x 784, 10 classes)',
    args: {
      rows: rowsArg(60000),
      features: { default: 784, min: 1, max: 4096, integer: true, doc: 'number of features' },
      classes: { default: 10, min: 2, max: 256, integer: true, doc: 'number of classes' },
      separation: { default: 0.1, min: 0, doc: 'scale of the class centroids relative to the unit noise (larger is easier)' },
      seed: seedArg,
    },
  },
  regression: {
    doc: 'a linear regression problem: features standard normal, y = x . w + b + noise x standard normal, w and b uniform in [-1, 1)',
    args: {
      rows: rowsArg(1000),
      features: { default: 8, min: 1, max: 4096, integer: true, doc: 'number of features' },
      noise: { default: 0.1, min: 0, doc: 'standard deviation of the Gaussian noise added to y' },
      seed: seedArg,
    },
  },
  order: {
    doc:
      'a task that needs order: sequences of `length` token ids (2 to vocabulary - 1, 0 unused) with one token 2 (A) and one token 3 (B) ' +
      'at random places; the label is 1 when A comes before B, else 0 (balanced). Every sequence holds the same kinds of tokens ' +
      'either way, so a model blind to order (Embedding + GlobalAveragePooling1D) stays at chance; a recurrent one does not',
    args: {
      rows: rowsArg(2000),
      length: { default: 20, min: 2, max: 4096, integer: true, doc: 'tokens per sequence' },
      vocabulary: { default: 10, min: 4, max: 1_000_000, integer: true, doc: 'token ids are below this (an Embedding needs input_dim >= vocabulary)' },
      seed: seedArg,
    },
  },
};

/** Makes a builtin dataset. The checker validates names and arguments; here a bad one is a bug. */
export function makeBuiltin(which: string, options: Record<string, number>): Table {
  const info = BUILTIN_DATASETS[which];
  if (!info) throw new Error(`unknown builtin dataset '${which}'`);
  const a: Record<string, number> = {};
  for (const [name, arg] of Object.entries(info.args)) a[name] = options[name] ?? arg.default;
  for (const name of Object.keys(options)) {
    if (!(name in info.args)) throw new Error(`builtin dataset '${which}' has no argument '${name}'`);
  }
  switch (which) {
    case 'xor':
      return makeXor(a.repeat!);
    case 'moons':
      return makeMoons(a.rows!, a.noise!, a.seed!);
    case 'circles':
      return makeCircles(a.rows!, a.noise!, a.factor!, a.seed!);
    case 'spirals':
      return makeSpirals(a.rows!, a.classes!, a.noise!, a.seed!);
    case 'blobs':
      return makeBlobs(a.rows!, a.features!, a.classes!, a.spread!, a.seed!);
    case 'classification':
      return makeClassification(a.rows!, a.features!, a.classes!, a.separation!, a.seed!);
    case 'regression':
      return makeRegression(a.rows!, a.features!, a.noise!, a.seed!);
    case 'order':
      return makeOrder(a.rows!, a.length!, a.vocabulary!, a.seed!);
    default:
      throw new Error(`builtin dataset '${which}' has no generator`);
  }
}

// Streams within one generator's seed: separate draws never share numbers.
const NOISE = Stream.data + 1;
const ORDER = Stream.data + 2;
const CENTERS = Stream.data + 3;
const COEFFICIENTS = Stream.data + 4;

function classTable(rows: number, featureDim: number, classes: number): Table {
  return {
    rows,
    featureDim,
    features: new Float32Array(rows * featureDim),
    labelColumns: 1,
    labels: new Float32Array(rows),
    classes: Array.from({ length: classes }, (_, k) => String(k)),
    stringLabels: false,
    featureNames: null,
    labelNames: null,
  };
}

function makeXor(repeat: number): Table {
  const t = classTable(4 * repeat, 2, 2);
  const x = [0, 0, 0, 1, 1, 0, 1, 1];
  const y = [0, 1, 1, 0];
  for (let r = 0; r < repeat; r++) {
    t.features.set(x, r * 8);
    t.labels.set(y, r * 4);
  }
  return t;
}

/** numpy.linspace(start, stop, n, endpoint). */
function linspace(start: number, stop: number, n: number, endpoint = true): number[] {
  const div = endpoint ? n - 1 : n;
  const step = div > 0 ? (stop - start) / div : 0;
  return Array.from({ length: n }, (_, i) => start + i * step);
}

/**
 * Writes 2-D points and labels into a table in a seeded random order (sklearn shuffles), then adds
 * Gaussian noise of the given standard deviation to every coordinate.
 */
function shuffledPoints(points: number[][], labels: number[], classes: number, noise: number, seed: number): Table {
  const n = points.length;
  const t = classTable(n, 2, classes);
  const order = permutation(n, seed, ORDER);
  const rng = new RandomStream(seed, NOISE);
  for (let i = 0; i < n; i++) {
    const src = order[i]!;
    // Always drawn, so that the noise level does not change which numbers later rows get.
    const dx = rng.normal();
    const dy = rng.normal();
    t.features[2 * i] = points[src]![0]! + noise * dx;
    t.features[2 * i + 1] = points[src]![1]! + noise * dy;
    t.labels[i] = labels[src]!;
  }
  return t;
}

function makeMoons(rows: number, noise: number, seed: number): Table {
  const outer = Math.floor(rows / 2);
  const inner = rows - outer;
  const points: number[][] = [];
  const labels: number[] = [];
  for (const a of linspace(0, Math.PI, outer)) {
    points.push([Math.cos(a), Math.sin(a)]);
    labels.push(0);
  }
  for (const a of linspace(0, Math.PI, inner)) {
    points.push([1 - Math.cos(a), 1 - Math.sin(a) - 0.5]);
    labels.push(1);
  }
  return shuffledPoints(points, labels, 2, noise, seed);
}

function makeCircles(rows: number, noise: number, factor: number, seed: number): Table {
  const outer = Math.floor(rows / 2);
  const inner = rows - outer;
  const points: number[][] = [];
  const labels: number[] = [];
  for (const a of linspace(0, 2 * Math.PI, outer, false)) {
    points.push([Math.cos(a), Math.sin(a)]);
    labels.push(0);
  }
  for (const a of linspace(0, 2 * Math.PI, inner, false)) {
    points.push([factor * Math.cos(a), factor * Math.sin(a)]);
    labels.push(1);
  }
  return shuffledPoints(points, labels, 2, noise, seed);
}

/** Rows per class: as even as possible, the first rows % classes classes one larger (as make_blobs). */
function rowsPerClass(rows: number, classes: number): number[] {
  return Array.from({ length: classes }, (_, k) => Math.floor(rows / classes) + (k < rows % classes ? 1 : 0));
}

function makeSpirals(rows: number, classes: number, noise: number, seed: number): Table {
  // CS231n: arm k has radius 0..1 and angle 4k..4(k+1) (+ noise), point (r sin t, r cos t).
  // The noise goes into the angle, drawn here; the points are then only shuffled.
  const rng = new RandomStream(seed, NOISE);
  const points: number[][] = [];
  const labels: number[] = [];
  rowsPerClass(rows, classes).forEach((count, k) => {
    const radii = linspace(0, 1, count);
    const angles = linspace(k * 4, (k + 1) * 4, count);
    for (let i = 0; i < count; i++) {
      const t = angles[i]! + noise * rng.normal();
      points.push([radii[i]! * Math.sin(t), radii[i]! * Math.cos(t)]);
      labels.push(k);
    }
  });
  return shuffledPoints(points, labels, classes, 0, seed);
}

function makeBlobs(rows: number, features: number, classes: number, spread: number, seed: number): Table {
  const centerRng = new RandomStream(seed, CENTERS);
  const centers = Array.from({ length: classes }, () => Array.from({ length: features }, () => centerRng.range(-10, 10)));
  const labels: number[] = [];
  rowsPerClass(rows, classes).forEach((count, k) => {
    for (let i = 0; i < count; i++) labels.push(k);
  });
  const t = classTable(rows, features, classes);
  const order = permutation(rows, seed, ORDER);
  const rng = new RandomStream(seed, NOISE);
  for (let i = 0; i < rows; i++) {
    const k = labels[order[i]!]!;
    t.labels[i] = k;
    for (let j = 0; j < features; j++) t.features[i * features + j] = centers[k]![j]! + spread * rng.normal();
  }
  return t;
}

/**
 * Centroid + noise. 47 million noise values must take well under a second, so the noise is not
 * Box-Muller (a log, a sqrt and a cosine per value) but the Irwin-Hall sum of the four bytes of one
 * random u32, scaled to mean 0 and standard deviation 1: bell-shaped, within +-3.46. The u32 is
 * exactly randomU32(seed, NOISE, row * features + feature) (rng.ts), with the per-seed part hoisted.
 */
function makeClassification(rows: number, features: number, classes: number, separation: number, seed: number): Table {
  const centerRng = new RandomStream(seed, CENTERS);
  const centroids = new Float64Array(classes * features);
  for (let i = 0; i < centroids.length; i++) centroids[i] = separation * centerRng.normal();
  const t = classTable(rows, features, classes);
  const order = permutation(rows, seed, ORDER);
  const streamKey = noiseStreamKey(seed, NOISE);
  const x = t.features;
  const mean = 510; // 4 x 127.5
  const scale = 1 / Math.sqrt((4 * (256 * 256 - 1)) / 12);
  let counter = 0;
  for (let i = 0; i < rows; i++) {
    const k = order[i]! % classes;
    t.labels[i] = k;
    const base = k * features;
    const rowStart = i * features;
    for (let j = 0; j < features; j++) {
      // randomU32 with mix32 written out: this loop runs 47 million times for the default size.
      let u = (streamKey ^ counter) >>> 0;
      u ^= u >>> 16;
      u = Math.imul(u, 0x21f0aaad);
      u ^= u >>> 15;
      u = Math.imul(u, 0x735a2d97);
      u ^= u >>> 15;
      u = ((u >>> 0) + 0x6a09e667) >>> 0;
      u ^= u >>> 16;
      u = Math.imul(u, 0x21f0aaad);
      u ^= u >>> 15;
      u = Math.imul(u, 0x735a2d97);
      u ^= u >>> 15;
      u >>>= 0;
      counter++;
      const bytes = (u & 255) + ((u >>> 8) & 255) + ((u >>> 16) & 255) + (u >>> 24);
      x[rowStart + j] = centroids[base + j]! + (bytes - mean) * scale;
    }
  }
  return t;
}

/** The part of randomU32 that depends only on (seed, stream). */
function noiseStreamKey(seed: number, stream: number): number {
  return mix32((mix32((seed ^ 0x9e3779b9) >>> 0) ^ stream) >>> 0);
}

function makeRegression(rows: number, features: number, noise: number, seed: number): Table {
  const coefRng = new RandomStream(seed, COEFFICIENTS);
  const w = Array.from({ length: features }, () => coefRng.range(-1, 1));
  const b = coefRng.range(-1, 1);
  const rng = new RandomStream(seed, NOISE);
  const x = new Float32Array(rows * features);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = b;
    for (let j = 0; j < features; j++) {
      const v = rng.normal();
      x[i * features + j] = v;
      sum += w[j]! * Math.fround(v);
    }
    y[i] = sum + noise * rng.normal(); // drawn even at noise 0, so x does not depend on the noise level
  }
  return {
    rows,
    featureDim: features,
    features: x,
    labelColumns: 1,
    labels: y,
    classes: null,
    stringLabels: false,
    featureNames: null,
    labelNames: null,
  };
}

/**
 * The order task: each row a sequence of filler tokens (4 .. vocabulary - 1, or 1 when the
 * vocabulary is 4) with token 2 and token 3 at two distinct random places; label 1 when 2 comes
 * first. Labels alternate by row before the places are drawn, so the classes are balanced.
 */
function makeOrder(rows: number, length: number, vocabulary: number, seed: number): Table {
  const rng = new RandomStream(seed, ORDER);
  const t = classTable(rows, length, 2);
  t.featureShape = [length];
  const fillers = vocabulary - 4;
  for (let i = 0; i < rows; i++) {
    const x = t.features.subarray(i * length, (i + 1) * length);
    for (let j = 0; j < length; j++) x[j] = fillers > 0 ? 4 + rng.int(fillers) : 1;
    const p = rng.int(length);
    let q = rng.int(length - 1);
    if (q >= p) q++;
    const aFirst = i % 2 === 0;
    const [first, second] = p < q ? [p, q] : [q, p];
    x[first] = aFirst ? 2 : 3;
    x[second] = aFirst ? 3 : 2;
    t.labels[i] = aFirst ? 1 : 0;
  }
  return t;
}
