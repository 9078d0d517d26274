// exp over f64x2, bit for bit what JavaScript's Math.exp gives in Node (V8 computes it with
// fdlibm's __ieee754_exp, base/ieee754.cc): the same operations in the same order, in IEEE double
// arithmetic, every branch of the C code taken lane by lane as a select. The interpreter's
// JavaScript computes exp, sigmoid and the like in float64 with Math.exp and rounds to float32;
// with this, a SIMD body can compute them too and give the same bits (test/cpu/exp.test.ts holds
// it to Math.exp over every range and special value).
import type { FunctionBuilder } from './encoder.js';

/** The SIMD opcodes used here (after the 0xfd prefix). */
const X = {
  v128Const: 0x0c,
  i8x16Shuffle: 0x0d,
  f64x2Eq: 0x47,
  f64x2Ne: 0x48,
  f64x2Lt: 0x49,
  f64x2Gt: 0x4a,
  f64x2Ge: 0x4c,
  v128And: 0x4e,
  v128Or: 0x50,
  v128Bitselect: 0x52,
  v128AnyTrue: 0x53,
  f32x4DemoteF64x2Zero: 0x5e,
  f64x2PromoteLowF32x4: 0x5f,
  i64x2ExtendLowI32x4S: 0xc7,
  i64x2Shl: 0xcb,
  i64x2Add: 0xce,
  f64x2Abs: 0xec,
  f64x2Neg: 0xed,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
  f64x2Div: 0xf3,
  i32x4TruncSatF64x2SZero: 0xfc,
  f64x2ConvertLowI32x4S: 0xfe,
} as const;

// fdlibm's constants (e_exp.c)
const ln2HI = 6.93147180369123816490e-1;
const ln2LO = 1.90821492927058770002e-10;
const invln2 = 1.44269504088896338700e0;
const P = [1.66666666666666019037e-1, -2.77777777770155933842e-3, 6.61375632143793436117e-5, -1.65339022054652515390e-6, 4.13813679705723846039e-8];
const oThreshold = 7.09782712893383973096e2;
const uThreshold = -7.45133219101941108420e2;
const twom1000 = 9.33263618503218878990e-302;
const two1023 = 8.988465674311579539e307;

/** The double whose bits are hi:lo (two 32-bit words). */
function fromWords(hi: number, lo = 0): number {
  const v = new DataView(new ArrayBuffer(8));
  v.setUint32(0, lo, true);
  v.setUint32(4, hi, true);
  return v.getFloat64(0, true);
}

// fdlibm tests the high word of |x|; for |x| (not NaN) that is a comparison of values:
// hx >= H <=> |x| >= fromWords(H), hx > H <=> |x| >= fromWords(H + 1), hx < H <=> |x| < fromWords(H).
/** |x| > 0.5 ln2 (hx > 0x3fd62e42): argument reduction. */
const REDUCE = fromWords(0x3fd62e43);
/** |x| < 2^-28 (hx < 0x3e300000): exp(x) = 1 + x. */
const TINY = fromWords(0x3e300000);
/** |x| from which 2^k may leave the normal range (k < -1021 or k = 1024): the rare path. */
const RARE = 700;

/** v128.const with two equal lanes: f64 or i64. */
export function v128Splat(f: FunctionBuilder, value: number, kind: 'f64' | 'i64' = 'f64'): FunctionBuilder {
  const bytes = new Uint8Array(16);
  const v = new DataView(bytes.buffer);
  for (const at of [0, 8]) {
    if (kind === 'f64') v.setFloat64(at, value, true);
    else v.setBigInt64(at, BigInt(value), true);
  }
  return f.emit(0xfd, X.v128Const, ...bytes);
}

/**
 * Pushes a constant f64x2 (or i64x2) splat. The caller decides where it lives: kept in a local set
 * once per call (`hoisted`), or written where it is used (`v128Splat`).
 */
export type Constant = (value: number, kind?: 'f64' | 'i64') => void;

/**
 * Constants kept in locals: `constant` pushes one (making its local on first use); `prologue()`
 * emits the code that sets them, to be placed before the code that uses them.
 */
export function hoisted(f: FunctionBuilder): { constant: Constant; prologue: () => void } {
  const made = new Map<string, { local: number; value: number; kind: 'f64' | 'i64' }>();
  return {
    constant: (value, kind = 'f64') => {
      const key = `${kind} ${Object.is(value, -0) ? '-0' : String(value)}`;
      let c = made.get(key);
      if (!c) made.set(key, (c = { local: f.local('v128'), value, kind }));
      f.get(c.local);
    },
    prologue: () => {
      for (const c of made.values()) v128Splat(f, c.value, c.kind).set(c.local);
    },
  };
}

/** Fresh v128 locals, `n` per input. */
function scratchLocals(f: FunctionBuilder, inputs: number, n: number): number[][] {
  return Array.from({ length: inputs }, () => Array.from({ length: n }, () => f.local('v128')));
}

/**
 * exp of the f64x2 in each local of `xs` into the local of `outs` at the same index: fdlibm's
 * __ieee754_exp lane by lane. The inputs are computed side by side, step by step, so that their
 * dependency chains (a division and a polynomial each) overlap.
 */
export function emitExpF64x2(f: FunctionBuilder, xs: number[], outs: number[], constant: Constant): void {
  const op = (o: number) => f.simd(o);
  const locals = scratchLocals(f, xs.length, 8);
  /** Emits step(x, scratch, out) for every input in turn. */
  const each = (step: (x: number, l: number[], out: number) => void) => xs.forEach((x, g) => step(x, locals[g]!, outs[g]!));
  const select = (mask: () => void) => {
    // stack: a, b -> mask ? a : b
    mask();
    op(X.v128Bitselect);
  };
  // k = |x| > 0.5 ln2 ? (int)(invln2 * x + (x < 0 ? -0.5 : 0.5)) : 0, as i64 lanes (k) and as f64 (t)
  each((x, [t, reduced, , , , , , k]) => {
    f.get(x);
    op(X.f64x2Abs);
    constant(REDUCE);
    op(X.f64x2Ge);
    f.set(reduced!);
    constant(invln2);
    f.get(x);
    op(X.f64x2Mul);
    constant(-0.5);
    constant(0.5);
    select(() => {
      f.get(x);
      constant(0);
      op(X.f64x2Lt);
    });
    op(X.f64x2Add);
    op(X.i32x4TruncSatF64x2SZero);
    f.set(k!);
    f.get(k!);
    op(X.f64x2ConvertLowI32x4S);
    f.get(reduced!);
    op(X.v128And);
    f.set(t!);
    f.get(k!);
    op(X.i64x2ExtendLowI32x4S);
    f.get(reduced!);
    op(X.v128And);
    f.set(k!);
  });
  // hi = x - t ln2HI; lo = t ln2LO; r = hi - lo (with t = 0: r = x)
  each((x, [t, hi, lo, r]) => {
    f.get(x).get(t!);
    constant(ln2HI);
    op(X.f64x2Mul);
    op(X.f64x2Sub);
    f.set(hi!);
    f.get(t!);
    constant(ln2LO);
    op(X.f64x2Mul);
    f.set(lo!);
    f.get(hi!).get(lo!);
    op(X.f64x2Sub);
    f.set(r!);
  });
  // c = r - r2 (P1 + r2 (P2 + r2 (P3 + r2 (P4 + r2 P5)))), r2 = r r
  each((_, [, , , r, r2]) => {
    f.get(r!).get(r!);
    op(X.f64x2Mul);
    f.set(r2!);
  });
  each((_, [, , , r, r2, c]) => {
    f.get(r!).get(r2!);
    f.get(r2!);
    constant(P[4]!);
    op(X.f64x2Mul);
    for (let p = 3; p >= 0; p--) {
      constant(P[p]!);
      op(X.f64x2Add);
      if (p > 0) {
        f.get(r2!);
        op(X.f64x2Mul);
      }
    }
    op(X.f64x2Mul);
    op(X.f64x2Sub);
    f.set(c!);
  });
  // q = (r c) / (2 - c); k != 0: y = 1 - ((lo - q) - hi), times 2^k. (k = 0's (r c) / (c - 2) is
  // exactly -q: c - 2 is exactly -(2 - c), and the quotient's rounding is symmetric.)
  each((_, [, hi, lo, r, q, c, yk]) => {
    f.get(r!).get(c!);
    op(X.f64x2Mul);
    constant(2);
    f.get(c!);
    op(X.f64x2Sub);
    op(X.f64x2Div);
    f.set(q!);
    constant(1);
    f.get(lo!).get(q!);
    op(X.f64x2Sub);
    f.get(hi!);
    op(X.f64x2Sub);
    op(X.f64x2Sub);
    f.set(yk!);
  });
  // out = k != 0 ? y 2^k : 1 - (-q - r); 2^k as the double with exponent field k + 1023 (k is within
  // [-1010, 1010] here: larger |x| takes the path below)
  each((_, [t, , , r, q, , yk, k], out) => {
    f.get(yk!);
    twoTo(k!, 1023);
    op(X.f64x2Mul);
    constant(1);
    f.get(q!);
    op(X.f64x2Neg);
    f.get(r!);
    op(X.f64x2Sub);
    op(X.f64x2Sub);
    select(() => {
      f.get(t!);
      constant(0);
      op(X.f64x2Ne);
    });
    f.set(out);
  });
  // Rare lanes, taken only when some lane has one: |x| >= 700 (2^k beyond the normal range,
  // overflow, underflow), |x| < 2^-28 (1 + x), NaN (x + x), and exp(1), for which V8 returns
  // Math.E where fdlibm's code gives 2.7182818284590455, one unit more.
  each((x, [t, , , , , , yk, k], out) => {
    f.get(x);
    op(X.f64x2Abs);
    constant(RARE);
    op(X.f64x2Ge);
    f.get(x);
    op(X.f64x2Abs);
    constant(TINY);
    op(X.f64x2Lt);
    op(X.v128Or);
    f.get(x).get(x);
    op(X.f64x2Ne);
    op(X.v128Or);
    f.get(x);
    constant(1);
    op(X.f64x2Eq);
    op(X.v128Or);
    op(X.v128AnyTrue);
    f.ifElse(() => {
      // k == 1024 ? y * 2 * two1023 : k >= -1021 ? y * 2^k : y * 2^(k + 1000) * twom1000
      f.get(yk!);
      constant(2);
      op(X.f64x2Mul);
      constant(two1023);
      op(X.f64x2Mul);
      f.get(out);
      f.get(yk!);
      twoTo(k!, 1023 + 1000);
      op(X.f64x2Mul);
      constant(twom1000);
      op(X.f64x2Mul);
      select(() => {
        f.get(t!);
        constant(-1021);
        op(X.f64x2Ge);
      });
      select(() => {
        f.get(t!);
        constant(1024);
        op(X.f64x2Eq);
      });
      f.set(out);
      const override = (value: () => void, mask: () => void) => {
        value();
        f.get(out);
        select(mask);
        f.set(out);
      };
      override(
        () => {
          constant(1);
          f.get(x);
          op(X.f64x2Add);
        },
        () => {
          f.get(x);
          op(X.f64x2Abs);
          constant(TINY);
          op(X.f64x2Lt);
        },
      );
      // x > o_threshold: +Infinity (huge * huge); x < u_threshold: +0 (twom1000 * twom1000)
      override(
        () => constant(Infinity),
        () => {
          f.get(x);
          constant(oThreshold);
          op(X.f64x2Gt);
        },
      );
      override(
        () => constant(0),
        () => {
          f.get(x);
          constant(uThreshold);
          op(X.f64x2Lt);
        },
      );
      override(
        () => {
          f.get(x).get(x);
          op(X.f64x2Add);
        },
        () => {
          f.get(x).get(x);
          op(X.f64x2Ne);
        },
      );
      override(
        () => constant(Math.E),
        () => {
          f.get(x);
          constant(1);
          op(X.f64x2Eq);
        },
      );
    });
  });

  /** Pushes 2^(k + bias - 1023) for the i64 lanes in local k: the double with exponent field k + bias. */
  function twoTo(k: number, bias: number): void {
    f.get(k);
    constant(bias, 'i64');
    op(X.i64x2Add);
    f.i32(52);
    op(X.i64x2Shl);
  }
}

/**
 * sigmoid of the f64x2 in each local of `xs` into `outs`, as the interpreter's JavaScript computes
 * it: x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)).
 */
export function emitSigmoidF64x2(f: FunctionBuilder, xs: number[], outs: number[], constant: Constant): void {
  const op = (o: number) => f.simd(o);
  const locals = scratchLocals(f, xs.length, 3);
  // positive = x >= 0; arg = positive ? -x : x
  xs.forEach((x, g) => {
    const [positive, arg] = locals[g]!;
    f.get(x);
    constant(0);
    op(X.f64x2Ge);
    f.set(positive!);
    f.get(x);
    op(X.f64x2Neg);
    f.get(x);
    f.get(positive!);
    op(X.v128Bitselect);
    f.set(arg!);
  });
  const es = locals.map((l) => l[2]!);
  emitExpF64x2(
    f,
    locals.map((l) => l[1]!),
    es,
    constant,
  );
  // positive ? 1 / (1 + e) : e / (1 + e)
  xs.forEach((_, g) => {
    const [positive, , e] = locals[g]!;
    constant(1);
    f.get(e!);
    f.get(positive!);
    op(X.v128Bitselect);
    constant(1);
    f.get(e!);
    op(X.f64x2Add);
    op(X.f64x2Div);
    f.set(outs[g]!);
  });
}

/**
 * Pushes the f32x4 that `fn` computes in float64 from the f32x4 in local `v`: both pairs of lanes
 * promoted to f64x2 (exactly), fn applied to the two side by side (from input locals into output
 * locals), the results rounded to float32 (as Math.fround rounds) and put back together.
 */
export function emitViaF64(f: FunctionBuilder, v: number, fn: (xs: number[], outs: number[]) => void): void {
  const [lowIn, highIn, lowOut, highOut] = [f.local('v128'), f.local('v128'), f.local('v128'), f.local('v128')];
  f.get(v);
  f.simd(X.f64x2PromoteLowF32x4);
  f.set(lowIn);
  // the high lanes moved down first
  f.get(v).get(v);
  f.emit(0xfd, X.i8x16Shuffle, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15);
  f.simd(X.f64x2PromoteLowF32x4);
  f.set(highIn);
  fn([lowIn, highIn], [lowOut, highOut]);
  // [low0, low1, high0, high1]
  f.get(lowOut);
  f.simd(X.f32x4DemoteF64x2Zero);
  f.get(highOut);
  f.simd(X.f32x4DemoteF64x2Zero);
  f.emit(0xfd, X.i8x16Shuffle, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23);
}
