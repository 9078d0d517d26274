// exp in WebAssembly SIMD (runtime/cpu/wasm/exp.ts) against Math.exp bit for bit: random values
// over every range fdlibm's code distinguishes (tiny, reduced by one ln2, by k ln2, results below
// the normal range, near overflow and underflow) and the special values. And sigmoid of float32
// lanes against the interpreter's JavaScript (Math.fround of jsHelpers.sigmoid).
import { describe, expect, it } from 'vitest';
import { jsHelpers } from '../../compiler/graph/elementwise.js';
import { RandomStream } from '../../base/rng.js';
import { wasm } from '../../runtime/cpu/wasm/api.js';
import { encodeModule, FunctionBuilder, Op, Simd } from '../../runtime/cpu/wasm/encoder.js';
import { emitExpF64x2, emitSigmoidF64x2, emitViaF64, hoisted, type Constant } from '../../runtime/cpu/wasm/exp.js';

const memory = new wasm.Memory({ initial: 64 });

/** f(src, dst, bytes): dst[i] = fn(src[i]) over 16-byte groups; `body` pushes the result from local v. */
function mapFunction(body: (f: FunctionBuilder, v: number, constant: Constant) => void): (src: number, dst: number, bytes: number) => void {
  const f = new FunctionBuilder(['i32', 'i32', 'i32']);
  const at = f.local('i32');
  const v = f.local('v128');
  const constants = hoisted(f);
  f.forRange(
    at,
    0,
    { local: 2 },
    () => {
      f.get(0).get(at).emit(Op.i32Add).simdMem(Simd.v128Load).set(v);
      f.get(1).get(at).emit(Op.i32Add);
      body(f, v, constants.constant);
      f.simdMem(Simd.v128Store);
    },
    16,
  );
  // the constants' locals are set before the loop
  const loop = f.code.splice(0);
  constants.prologue();
  f.emit(...loop);
  const bytes = encodeModule({ module: 'env', name: 'memory', minimum: 1 }, [{ name: 'map', body: f }]);
  const instance = new wasm.Instance(new wasm.Module(bytes), { env: { memory } });
  return instance.exports.map as (src: number, dst: number, bytes: number) => void;
}

const SRC = 0;
const DST = 1 << 21;

function expOf(values: Float64Array): Float64Array {
  const exp = mapFunction((f, v, constant) => {
    const out = f.local('v128');
    emitExpF64x2(f, [v], [out], constant);
    f.get(out);
  });
  new Float64Array(memory.buffer, SRC, values.length).set(values);
  exp(SRC, DST, values.length * 8);
  return new Float64Array(memory.buffer, DST, values.length).slice();
}

function differences(got: ArrayLike<number>, inputs: ArrayLike<number>, want: (x: number) => number): string[] {
  const out: string[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const w = want(inputs[i]!);
    if (!Object.is(got[i], w) && !(Number.isNaN(got[i]) && Number.isNaN(w))) out.push(`${inputs[i]}: ${got[i]} vs ${w}`);
  }
  return out;
}

describe('exp over f64x2 = Math.exp', () => {
  it('random values over every range, bit for bit', () => {
    const rng = new RandomStream(3, 7);
    const scales = [1e-12, 2 ** -28, 1e-6, 0.3, 0.5, 1.04, 2, 10, 100, 700, 708, 709.8, 745.2, 1000];
    const values = new Float64Array(scales.length * 10000);
    let n = 0;
    for (const s of scales) for (let i = 0; i < 10000; i++) values[n++] = (rng.next() * 2 - 1) * s;
    expect(differences(expOf(values), values, Math.exp).slice(0, 5)).toEqual([]);
  });

  it('special values: zeros, infinities, NaN, the thresholds and their neighbours', () => {
    const edges = [0, -0, Infinity, -Infinity, NaN, 7.09782712893383973096e2, -7.45133219101941108420e2, 709.78, -708.39, -708.4, -745.1, 0.34657359027997264, 1.0397207708399179, 2 ** -28, -(2 ** -28), 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE];
    const values = new Float64Array(edges.flatMap((e) => [e, e * (1 + 2 ** -52), e * (1 - 2 ** -52)]).concat([1]));
    expect(differences(expOf(values), values, Math.exp)).toEqual([]);
  });

  it('sigmoid of float32 lanes = Math.fround(sigmoid) of the JavaScript interpreter', () => {
    const sigmoid = mapFunction((f, v, constant) => emitViaF64(f, v, (xs, outs) => emitSigmoidF64x2(f, xs, outs, constant)));
    const rng = new RandomStream(5, 1);
    const inputs = new Float32Array(200_000).map((_, i) => (rng.next() * 2 - 1) * [1e-9, 0.5, 5, 30, 120, 1e6, 3e38][i % 7]!);
    inputs.set([0, -0, Infinity, -Infinity, NaN, 88.7, -103.9, -87.3], 0);
    new Float32Array(memory.buffer, SRC, inputs.length).set(inputs);
    sigmoid(SRC, DST, inputs.length * 4);
    const got = new Float32Array(memory.buffer, DST, inputs.length).slice();
    expect(differences(got, inputs, (x) => Math.fround(jsHelpers.sigmoid(x))).slice(0, 5)).toEqual([]);
  });
});
