// Multiply-adds in the products (gemm.ts, wgemm.ts): relaxed SIMD's f32x4.relaxed_madd where the
// engine has it, else f32x4.mul then f32x4.add. relaxed_madd rounds once (fused) on a core with a
// fused multiply-add (x86-64 with FMA3, every arm64) and twice elsewhere; which one is fixed per
// machine, and probed here once per process, so that the JavaScript reference (`fma32` in the
// interpreter's JavaScript contraction) computes the same bits. On this project's machines it is
// fused: half the instructions per multiply-add, and a 6x8 tile fits in the 16 vector registers
// (docs/cpu-interpreter.md). NNC_RELAXED_SIMD=0 in the environment turns it off (tests use it to
// cover the other path).
import { enableRelaxedSimd } from './relaxed-flag.js';
import { encodeModule, FunctionBuilder, Simd } from './encoder.js';
import { wasm } from './api.js';

/** relaxed_madd rounds once ('fused') or twice ('unfused'); null: not used (mul then add). */
export type MultiplyAdd = 'fused' | 'unfused' | null;

/** A module of one function, probe(a, b, c) = lane 0 of relaxed_madd(splat a, splat b, splat c), i.e. a b + c. */
export function probeBytes(): Uint8Array {
  const f = new FunctionBuilder(['f32', 'f32', 'f32'], ['f32']);
  f.get(0).simd(Simd.f32x4Splat).get(1).simd(Simd.f32x4Splat).get(2).simd(Simd.f32x4Splat).simd(Simd.f32x4RelaxedMadd);
  f.simd(Simd.f32x4ExtractLane).emit(0);
  return encodeModule(null, [{ name: 'probe', body: f }]);
}

function probe(): MultiplyAdd {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  if (env?.NNC_RELAXED_SIMD === '0' || !wasm) return null;
  const bytes = probeBytes();
  if (!wasm.validate(bytes)) {
    enableRelaxedSimd();
    if (!wasm.validate(bytes)) return null;
  }
  const instance = new wasm.Instance(new wasm.Module(bytes), {});
  const madd = instance.exports.probe as (a: number, b: number, c: number) => number;
  // (1 + 2^-12)^2 - (1 + 2^-11) is 2^-24 exactly; with the product rounded first it is 0
  const a = 1 + 2 ** -12;
  return madd(a, a, -(1 + 2 ** -11)) === 2 ** -24 ? 'fused' : 'unfused';
}

let probed: MultiplyAdd | undefined;

/**
 * How this process's products multiply and add: probed once, when first asked (by the first
 * product compiled or sized), so that a command that runs no model (`nnc check`) spends nothing on
 * it (on Node 20, loading node:v8 to set the flag is a few milliseconds).
 */
export function multiplyAdd(): MultiplyAdd {
  if (probed === undefined) probed = probe();
  return probed;
}

/**
 * Emits acc + a b (f32x4) onto the stack, the operands pushed by the callbacks: relaxed_madd where
 * multiplyAdd() says so, else a multiply and an add (each rounded).
 */
export function emitMultiplyAdd(f: FunctionBuilder, acc: () => void, a: () => void, b: () => void): void {
  if (multiplyAdd()) {
    a();
    b();
    acc();
    f.simd(Simd.f32x4RelaxedMadd);
  } else {
    acc();
    a();
    b();
    f.simd(Simd.f32x4Mul).simd(Simd.f32x4Add);
  }
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * a b + c rounded once to float32, for float32 a, b, c (JavaScript has no fused multiply-add): the
 * product is exact in a double, the sum rounds once there, and the second rounding (to float32) is
 * wrong only when the double lands exactly halfway between two floats and the sum was not exact;
 * then the sum's error (TwoSum) says which way the exact value lies.
 */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b;
  const s = p + c;
  const r = Math.fround(s);
  if (r === s || !Number.isFinite(s)) return r;
  const bv = s - p;
  const err = p - (s - bv) + (c - bv);
  if (err === 0) return r;
  // the float on the other side of s from r
  let other: number;
  if (r === 0) other = s > 0 ? 2 ** -149 : -(2 ** -149);
  else {
    f32[0] = r;
    u32[0] = u32[0]! + ((s > r) === r > 0 ? 1 : -1);
    other = f32[0]!;
  }
  if (s - Math.min(r, other) !== Math.max(r, other) - s) return r;
  return err > 0 ? Math.max(r, other) : Math.min(r, other);
}
