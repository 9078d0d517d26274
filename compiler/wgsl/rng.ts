// The counter-based RNG of base/rng.ts as WGSL functions, so that shaders draw bit-identical
// numbers to the CPU: the same 32-bit multiply (wrapping in WGSL as Math.imul does), xor and shift,
// and the same 24-bit uniform, which f32 holds exactly.
import { type Block, type Expr, type Operand, type WgslFn, WgslModule, add, bitXor, cast, f32, lit, mul, shr, u32 } from './builder.js';

export interface RngFunctions {
  /** `rng_mix32(x: u32) -> u32`: base/rng.ts `mix32`. */
  mix32: WgslFn;
  /** `rng_u32(seed, stream, counter) -> u32`: base/rng.ts `randomU32`. */
  randomU32: WgslFn;
  /** `rng_uniform(seed, stream, counter) -> f32` in [0, 1): base/rng.ts `uniform`. */
  uniform: WgslFn;
}

const declared = new WeakMap<WgslModule, RngFunctions>();

/** Declares the RNG functions in a module (once; later calls return the same functions). */
export function rngFunctions(m: WgslModule): RngFunctions {
  const known = declared.get(m);
  if (known) return known;

  const mix32 = m.fn('rng_mix32', [['x_in', u32]], u32, (b: Block, xIn: Expr) => {
    const x = b.var('x', xIn);
    b.update(x, '^=', shr(x, 16));
    b.update(x, '*=', lit.hex(0x21f0aaad));
    b.update(x, '^=', shr(x, 15));
    b.update(x, '*=', lit.hex(0x735a2d97));
    b.update(x, '^=', shr(x, 15));
    b.return(x);
  });

  const randomU32 = m.fn(
    'rng_u32',
    [
      ['seed', u32],
      ['stream', u32],
      ['counter', u32],
    ],
    u32,
    (b: Block, seed: Expr, stream: Expr, counter: Expr) => {
      const key = b.let('key', mix32(bitXor(seed, lit.hex(0x9e3779b9))));
      const s = b.let('s', mix32(bitXor(key, stream)));
      b.return(mix32(add(mix32(bitXor(s, counter)), lit.hex(0x6a09e667))));
    },
  );

  const uniform = m.fn(
    'rng_uniform',
    [
      ['seed', u32],
      ['stream', u32],
      ['counter', u32],
    ],
    f32,
    (b: Block, seed: Expr, stream: Expr, counter: Expr) => {
      // the top 24 bits, scaled by 2^-24: exact in f32, as on the CPU
      b.return(mul(cast(f32, shr(randomU32(seed, stream, counter), 8)), lit.f32(1 / 16777216)));
    },
  );

  const fns = { mix32, randomU32, uniform };
  declared.set(m, fns);
  return fns;
}
