// The WebAssembly encoder: LEB128 against known encodings, and small modules that validate and
// compute what they say (scalar, SIMD, loops, calls).
import { describe, expect, it } from 'vitest';
import { wasm } from '../../runtime/cpu/wasm/api.js';
import { encodeModule, FunctionBuilder, Op, Simd, sleb, uleb } from '../../runtime/cpu/wasm/encoder.js';

function instantiate(functions: Parameters<typeof encodeModule>[1], memory = new wasm.Memory({ initial: 1 })) {
  const bytes = encodeModule({ module: 'env', name: 'memory', minimum: 1 }, functions);
  expect(wasm.validate(bytes)).toBe(true);
  const instance = new wasm.Instance(new wasm.Module(bytes), { env: { memory } });
  return { exports: instance.exports as Record<string, (...args: number[]) => number>, memory };
}

describe('LEB128', () => {
  it('unsigned', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([0x7f]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(uleb(0xffffffff)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(() => uleb(-1)).toThrow();
  });
  it('signed', () => {
    expect(sleb(0)).toEqual([0]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(-64)).toEqual([0x40]);
    expect(sleb(-65)).toEqual([0xbf, 0x7f]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    // Above 2^31: the i32 with the same bits.
    expect(sleb(0xffffffff)).toEqual([0x7f]);
  });
});

describe('modules', () => {
  it('scalar arithmetic, loops and calls', () => {
    // sum(n) = 0 + 1 + ... + (n - 1) via a loop; twice(n) calls sum and doubles it.
    const sum = new FunctionBuilder(['i32'], ['i32']);
    const i = sum.local('i32');
    const s = sum.local('i32');
    sum.forRange(i, 0, { local: 0 }, () => sum.increment(s, { local: i }));
    sum.get(s);
    const twice = new FunctionBuilder(['i32'], ['i32']);
    twice.get(0).emit(Op.call, 0).i32(2).emit(Op.i32Mul);
    const { exports } = instantiate([
      { name: 'sum', body: sum },
      { name: 'twice', body: twice },
    ]);
    expect(exports.sum!(10)).toBe(45);
    expect(exports.sum!(0)).toBe(0);
    expect(exports.twice!(100)).toBe(9900);
  });

  it('f32 loads, stores and constants round to float32', () => {
    // out[0] = in[0] * 0.1f + in[1]
    const f = new FunctionBuilder([]);
    f.i32(8).i32(0).mem(Op.f32Load).f32(0.1).emit(Op.f32Mul).i32(0).mem(Op.f32Load, 4).emit(Op.f32Add).mem(Op.f32Store);
    const { exports, memory } = instantiate([{ name: 'f', body: f }]);
    const v = new Float32Array(memory.buffer);
    v[0] = 3;
    v[1] = 1e-3;
    exports.f!();
    expect(v[2]).toBe(Math.fround(Math.fround(3 * Math.fround(0.1)) + Math.fround(1e-3)));
  });

  it('SIMD: splat, multiply-add, lane store', () => {
    // out[0..3] = in[0..3] * splat(in[4]) + in[0..3]; out2 = lane 2
    const f = new FunctionBuilder([]);
    const v = f.local('v128');
    f.i32(0).simdMem(Simd.v128Load).set(v);
    f.i32(32).get(v).i32(16).simdMem(Simd.v128Load32Splat).simd(Simd.f32x4Mul).get(v).simd(Simd.f32x4Add).simdMem(Simd.v128Store);
    f.i32(48).i32(32).simdMem(Simd.v128Load).storeLane32(2);
    const { exports, memory } = instantiate([{ name: 'f', body: f }]);
    const m = new Float32Array(memory.buffer);
    m.set([1.5, -2, 3.25, 1e-8, 0.3]);
    exports.f!();
    const want = [1.5, -2, 3.25, 1e-8].map((x) => Math.fround(Math.fround(x * Math.fround(0.3)) + x));
    expect(Array.from(m.subarray(8, 12))).toEqual(want);
    expect(m[12]).toBe(want[2]);
  });

  it('if/else', () => {
    const f = new FunctionBuilder(['i32'], ['i32']);
    const r = f.local('i32');
    f.get(0).i32(5).emit(Op.i32LtS).ifElse(
      () => f.i32(1).set(r),
      () => f.i32(2).set(r),
    );
    f.get(r);
    const { exports } = instantiate([{ name: 'f', body: f }]);
    expect(exports.f!(3)).toBe(1);
    expect(exports.f!(7)).toBe(2);
  });
});
