// Initial weights, drawn on the host from the counter-based generator: every parameter gets its
// own stream (Stream.init + its index), so the values depend only on the seed and the model, and
// the CPU and GPU executors start from the same numbers.
import type { Initializer } from '../compiler/program.js';
import type { Plan } from '../compiler/plan/ir.js';
import { RandomStream, Stream } from '../base/rng.js';

/** Keras' truncated normal is rescaled so the truncated distribution keeps the intended variance. */
const TRUNCATED_NORMAL_STDDEV = 0.87962566103423978;

export function initialValues(init: Initializer, shape: number[], fanIn: number, fanOut: number, seed: number, index: number): Float32Array {
  const out = new Float32Array(shape.reduce((n, d) => n * d, 1));
  const rng = new RandomStream(seed, Stream.init + index);
  const uniformLimit = (scale: number) => Math.sqrt(3 * scale);
  const fill = (draw: () => number) => {
    for (let i = 0; i < out.length; i++) out[i] = draw();
  };
  // Variance scaling: glorot averages fan in and out; he and lecun use fan in.
  const scaleOf: Record<string, number> = {
    glorot_uniform: 2 / (fanIn + fanOut),
    glorot_normal: 2 / (fanIn + fanOut),
    he_uniform: 2 / fanIn,
    he_normal: 2 / fanIn,
    lecun_uniform: 1 / fanIn,
    lecun_normal: 1 / fanIn,
  };
  switch (init.name) {
    case 'glorot_uniform':
    case 'he_uniform':
    case 'lecun_uniform': {
      const limit = uniformLimit(scaleOf[init.name]!);
      fill(() => rng.range(-limit, limit));
      break;
    }
    case 'glorot_normal':
    case 'he_normal':
    case 'lecun_normal': {
      const stddev = Math.sqrt(scaleOf[init.name]!) / TRUNCATED_NORMAL_STDDEV;
      fill(() => rng.truncatedNormal() * stddev);
      break;
    }
    case 'zeros':
      break;
    case 'ones':
      out.fill(1);
      break;
    case 'constant':
      out.fill(init.value);
      break;
    case 'random_uniform':
      fill(() => rng.range(init.minval, init.maxval));
      break;
    case 'random_normal':
      fill(() => init.mean + rng.normal() * init.stddev);
      break;
    case 'orthogonal':
      out.set(orthogonal(shape, init.gain, () => rng.normal()));
      break;
    case 'unit_forget_bias': {
      // the base initializer's values, then 1 on the forget gate: an LSTM bias is [.., 4 units], gates i, f, c, o
      out.set(initialValues(init.base, shape, fanIn, fanOut, seed, index));
      const units = out.length / 4;
      out.fill(1, units, 2 * units);
      break;
    }
  }
  return out;
}

/**
 * A random orthogonal matrix as Keras' Orthogonal makes one: the shape flattened to
 * [rows = all but the last dimension, cols = the last]; a normal matrix of the larger by the smaller
 * size, its QR decomposition's Q with the signs that make R's diagonal positive (modified
 * Gram-Schmidt gives that Q), transposed when there are fewer rows than columns; times `gain`.
 */
export function orthogonal(shape: number[], gain: number, normal: () => number): Float64Array {
  const cols = shape.at(-1) ?? 1;
  const rows = shape.slice(0, -1).reduce((n, d) => n * d, 1);
  const [n, m] = [Math.max(rows, cols), Math.min(rows, cols)];
  // a[i][j], n x m, orthonormalized column by column
  const a = Array.from({ length: m }, () => Float64Array.from({ length: n }, normal));
  for (let j = 0; j < m; j++) {
    const q = a[j]!;
    for (let k = 0; k < j; k++) {
      const p = a[k]!;
      let dot = 0;
      for (let i = 0; i < n; i++) dot += p[i]! * q[i]!;
      for (let i = 0; i < n; i++) q[i]! -= dot * p[i]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += q[i]! * q[i]!;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) q[i]! /= norm;
  }
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[r * cols + c] = gain * (rows >= cols ? a[c]![r]! : a[r]![c]!);
  }
  return out;
}

/** Initial values of every parameter of a plan, by buffer id. */
export function initialParameters(plan: Plan, seed: number): Map<number, Float32Array> {
  const values = new Map<number, Float32Array>();
  for (const b of plan.buffers) {
    if (b.role !== 'param' || !b.init || b.shape.some((d) => typeof d !== 'number')) continue;
    values.set(b.id, initialValues(b.init.initializer, b.shape as number[], b.init.fanIn, b.init.fanOut, seed, b.init.index));
  }
  return values;
}
