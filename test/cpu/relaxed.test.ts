// The products' multiply-add (runtime/cpu/wasm/relaxed.ts): fma32, the JavaScript reference's fused
// multiply-add, rounds a b + c once, as exact rational arithmetic says (including the sums where
// rounding to a double first and then to a float would be wrong); the engine's relaxed_madd
// computes what MULTIPLY_ADD says it does; the gemm module uses it exactly when MULTIPLY_ADD is set,
// and NNC_RELAXED_SIMD=0 (the no-relaxed-simd test project) turns it off.
import { describe, expect, it } from 'vitest';
import { wasm } from '../../runtime/cpu/wasm/api.js';
import { gemmModuleBytes, mr } from '../../runtime/cpu/wasm/gemm.js';
import { fma32, multiplyAdd, probeBytes } from '../../runtime/cpu/wasm/relaxed.js';
import { RandomStream } from '../../base/rng.js';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const view = new DataView(new ArrayBuffer(8));

/** A finite double as m 2^e with BigInt m. */
function exact(x: number): { m: bigint; e: number } {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let m = bits & ((1n << 52n) - 1n);
  if (biased !== 0) m |= 1n << 52n;
  if (bits >> 63n) m = -m;
  return { m, e: (biased === 0 ? 1 : biased) - 1075 };
}

/** a b + c (float32 operands) rounded once to float32, to nearest, ties to even: by BigInt. */
function roundedOnce(a: number, b: number, c: number): number {
  const [x, y, z] = [exact(a), exact(b), exact(c)];
  // every value as an integer times 2^base (below any product of two floats and any double)
  const base = -2200;
  const sum = ((x.m * y.m) << BigInt(x.e + y.e - base)) + (z.m << BigInt(z.e - base));
  const value = (m: number): bigint => {
    const { m: mm, e } = exact(m);
    return mm << BigInt(e - base);
  };
  // the floats around a b + c in doubles (within a float of the exact sum), and the nearest of
  // them by exact distance (the even one on a tie)
  f32[0] = Math.fround(a * b + c);
  const start = u32[0]!;
  let best = f32[0]!;
  let bestDistance = -1n;
  for (let d = -2; d <= 2; d++) {
    u32[0] = start + d;
    const candidate = f32[0]!;
    if (!Number.isFinite(candidate)) continue;
    const diff = sum - value(candidate);
    const distance = diff < 0n ? -diff : diff;
    if (bestDistance < 0n || distance < bestDistance || (distance === bestDistance && (u32[0]! & 1) === 0)) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

describe('fma32', () => {
  it('rounds a b + c once, as exact arithmetic does', () => {
    const rng = new RandomStream(7, 1);
    const float = () => Math.fround(rng.range(-1, 1) * 2 ** Math.floor(rng.range(-12, 12)));
    for (let i = 0; i < 20000; i++) {
      const [a, b] = [float(), float()];
      // a plain sum, one that cancels the product to its last bits, one that cancels it exactly
      for (const c of [float(), Math.fround(-a * b + rng.range(-1, 1) * 2 ** -30), Math.fround(-a * b)]) {
        expect(fma32(a, b, c) + 0, `${a} * ${b} + ${c}`).toBe(roundedOnce(a, b, c) + 0);
      }
    }
  });

  it('is right where rounding to a double and then to a float is not', () => {
    // (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24, halfway between two floats; a tiny c decides the way
    const a = 1 + 2 ** -12;
    for (const c of [2 ** -80, -(2 ** -80)]) {
      expect(Math.fround(a * a + c)).toBe(1 + 2 ** -11); // the double rounding: the tie to even
      expect(fma32(a, a, c)).toBe(roundedOnce(a, a, c));
    }
    expect(fma32(a, a, 2 ** -80)).toBe(1 + 2 ** -11 + 2 ** -23);
  });
});

describe('the engine multiply-add', () => {
  it('is what multiplyAdd() says: fused, two roundings, or not used', () => {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    if (env?.NNC_RELAXED_SIMD === '0') expect(multiplyAdd()).toBeNull();
    expect(mr()).toBe(multiplyAdd() ? 6 : 5);
    // the gemm module holds f32x4.relaxed_madd (0xfd 0x85 0x02) exactly when it is used
    const bytes = gemmModuleBytes();
    const hasMadd = bytes.some((_, i) => bytes[i] === 0xfd && bytes[i + 1] === 0x85 && bytes[i + 2] === 0x02);
    expect(hasMadd).toBe(multiplyAdd() !== null);
    if (!multiplyAdd()) return;
    const madd = new wasm.Instance(new wasm.Module(probeBytes()), {}).exports.probe as (a: number, b: number, c: number) => number;
    const rng = new RandomStream(8, 1);
    let differ = 0;
    for (let i = 0; i < 5000; i++) {
      const [a, b] = [Math.fround(rng.range(-2, 2)), Math.fround(rng.range(-2, 2))];
      const c = Math.fround(-a * b + rng.range(-1, 1) * 2 ** -20);
      const twice = Math.fround(Math.fround(a * b) + c);
      const want = multiplyAdd() === 'fused' ? fma32(a, b, c) : twice;
      expect(madd(a, b, c)).toBe(want);
      if (fma32(a, b, c) !== twice) differ++;
    }
    // the cases were ones where the two ways differ
    expect(differ).toBeGreaterThan(1000);
  });
});
