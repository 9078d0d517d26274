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
