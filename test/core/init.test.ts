// Initializers draw Keras' distributions: ranges, means and spreads from many draws.
import { describe, expect, it } from 'vitest';
import { initialValues } from '../../runtime/init.js';
import type { Initializer } from '../../compiler/program.js';

function stats(v: Float32Array) {
  let mean = 0;
  for (const x of v) mean += x;
  mean /= v.length;
  let variance = 0;
  for (const x of v) variance += (x - mean) ** 2;
  return { mean, std: Math.sqrt(variance / v.length), min: Math.min(...v), max: Math.max(...v) };
}

const draw = (init: Initializer, fanIn = 200, fanOut = 300) => initialValues(init, [fanIn, fanOut], fanIn, fanOut, 3, 1);

describe('initializers', () => {
  it('glorot_uniform: U[-l, l], l = sqrt(6 / (fan_in + fan_out))', () => {
    const s = stats(draw({ name: 'glorot_uniform' }));
    const l = Math.sqrt(6 / 500);
    expect(s.min).toBeGreaterThanOrEqual(-l);
    expect(s.max).toBeLessThan(l);
    expect(s.max).toBeGreaterThan(0.99 * l);
    expect(Math.abs(s.mean)).toBeLessThan(0.002);
    expect(s.std).toBeCloseTo(l / Math.sqrt(3), 3);
  });
  it('he_uniform and lecun_uniform use fan in', () => {
    expect(stats(draw({ name: 'he_uniform' })).std).toBeCloseTo(Math.sqrt(2 / 200), 3);
    expect(stats(draw({ name: 'lecun_uniform' })).std).toBeCloseTo(Math.sqrt(1 / 200), 3);
  });
  it('normal variance scaling: truncated at two (rescaled) deviations, keeping the intended variance', () => {
    for (const [name, variance] of [['glorot_normal', 2 / 500], ['he_normal', 2 / 200], ['lecun_normal', 1 / 200]] as const) {
      const s = stats(draw({ name }));
      const bound = (2 * Math.sqrt(variance)) / 0.87962566103423978;
      expect(s.max).toBeLessThanOrEqual(bound);
      expect(s.min).toBeGreaterThanOrEqual(-bound);
      expect(s.std / Math.sqrt(variance)).toBeGreaterThan(0.97);
      expect(s.std / Math.sqrt(variance)).toBeLessThan(1.03);
    }
  });
  it('zeros, ones, constant, random_uniform, random_normal', () => {
    expect(stats(draw({ name: 'zeros' }))).toMatchObject({ min: 0, max: 0 });
    expect(stats(draw({ name: 'ones' }))).toMatchObject({ min: 1, max: 1 });
    expect(stats(draw({ name: 'constant', value: 0.25 }))).toMatchObject({ min: 0.25, max: 0.25 });
    const u = stats(draw({ name: 'random_uniform', minval: -0.05, maxval: 0.05 }));
    expect(u.min).toBeGreaterThanOrEqual(-0.05);
    expect(u.max).toBeLessThan(0.05);
    const n = stats(draw({ name: 'random_normal', mean: 1, stddev: 0.05 }));
    expect(n.mean).toBeCloseTo(1, 3);
    expect(n.std).toBeCloseTo(0.05, 3);
  });
  it('each parameter index draws its own numbers', () => {
    const a = initialValues({ name: 'glorot_uniform' }, [4, 4], 4, 4, 3, 0);
    const b = initialValues({ name: 'glorot_uniform' }, [4, 4], 4, 4, 3, 1);
    expect(a).not.toEqual(b);
  });
});
