// The WebAssembly SIMD matmul against a plain JavaScript reference that sums k in order in
// float32 (acc = f32(acc + a b), the product rounded first unless this machine's multiply-add is
// fused: wasm/relaxed.ts): bit-identical for every transpose/gather combination and sizes that are
// not multiples of the tile.
import { describe, expect, it } from 'vitest';
import { wasm } from '../../runtime/cpu/wasm/api.js';
import { gemmLdc, gemmScratchFloats, instantiateGemm, type Operand } from '../../runtime/cpu/wasm/gemm.js';
import { RandomStream } from '../../base/rng.js';
import { fma32, multiplyAdd } from '../../runtime/cpu/wasm/relaxed.js';

type Kind = 'elem' | 'transposed' | 'gather' | 'gather-transposed';
const kinds: Kind[] = ['elem', 'transposed', 'gather', 'gather-transposed'];

/**
 * An operand of logical shape [rows, cols] (A: [M, K]; B: [K, N]) stored as the plan stores it,
 * with its element function and its gemm Operand. `isA` says which index is the row for gemm:
 * for A, x = row (i) and y = col (k); for B, x = col (j) and y = row (k).
 */
function operand(kind: Kind, rows: number, cols: number, isA: boolean, perm: Uint32Array, dataRows: number, rng: RandomStream) {
  // Storage: elem [rows, cols]; transposed [cols, rows]; gather: dataset [dataRows, cols] read at
  // rows perm[r]; gather-transposed: dataset [dataRows, rows] read at perm[c] (transposed).
  let stored: number;
  let storedCols: number;
  let at: (r: number, c: number) => number;
  switch (kind) {
    case 'elem':
      storedCols = cols;
      stored = rows * cols;
      at = (r, c) => r * cols + c;
      break;
    case 'transposed':
      storedCols = rows;
      stored = rows * cols;
      at = (r, c) => c * rows + r;
      break;
    case 'gather':
      storedCols = cols;
      stored = dataRows * cols;
      at = (r, c) => perm[r]! * cols + c;
      break;
    case 'gather-transposed':
      storedCols = rows;
      stored = dataRows * rows;
      at = (r, c) => perm[c]! * rows + r;
      break;
  }
  const values = Float32Array.from({ length: stored }, () => (rng.next() < 0.1 ? 0 : rng.range(-2, 2)));
  // Row r, column c of the logical matrix at storage index (row, col) = (R(r), C(c)) with strides.
  const rowStride = kind === 'elem' || kind === 'gather' ? storedCols : 1;
  const colStride = kind === 'elem' || kind === 'gather' ? 1 : storedCols;
  const rowPerm = kind === 'gather';
  const colPerm = kind === 'gather-transposed';
  // gemm: A's x is the row, B's x is the column.
  const op: Omit<Operand, 'addr'> = isA
    ? { sX: rowStride, sY: colStride, mode: rowPerm ? 1 : colPerm ? 2 : 0 }
    : { sX: colStride, sY: rowStride, mode: colPerm ? 1 : rowPerm ? 2 : 0 };
  return { values, at, op };
}

function reference(M: number, N: number, K: number, a: (i: number, k: number) => number, b: (k: number, j: number) => number): Float32Array {
  const out = new Float32Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let acc = 0;
      for (let k = 0; k < K; k++) acc = multiplyAdd() === 'fused' ? fma32(a(i, k), b(k, j), acc) : Math.fround(acc + Math.fround(a(i, k) * b(k, j)));
      out[i * N + j] = acc;
    }
  }
  return out;
}

describe('wasm SIMD gemm = k-ordered float32 reference', () => {
  const memory = new wasm.Memory({ initial: 128 });
  const gemm = instantiateGemm(memory);
  const sizes: Array<[number, number, number]> = [
    [1, 1, 1],
    [3, 5, 7],
    [4, 8, 16],
    [10, 12, 8],
    [13, 1, 12],
    // one column: four rows and four k at a time, then the rest of each (gemv)
    [10, 1, 7],
    [4, 1, 3],
    [9, 10, 33],
    [17, 23, 5],
    [6, 3, 0],
    // a long K
    [12, 17, 300],
    // more columns than rows, and more rows than columns: both loop orders
    [7, 41, 520],
    [41, 9, 257],
    // A outer with few columns: full row panels read in place (kernelDirect), the last one packed
    [64, 12, 8],
    [31, 16, 3],
  ];
  for (const ak of kinds) {
    for (const bk of kinds) {
      it(`A ${ak}, B ${bk}`, () => {
        const rng = new RandomStream(7, ak.length * 10 + bk.length);
        for (const [M, N, K] of sizes) {
          const dataRows = Math.max(M, N, K) + 3;
          // A permutation that is not the identity, offset into by 2 as a batch would be.
          const fullPerm = Uint32Array.from({ length: dataRows + 2 }, (_, r) => (r * 7 + 3) % dataRows);
          const perm = fullPerm.subarray(2);
          const A = operand(ak, M, K, true, perm, dataRows, rng);
          const B = operand(bk, K, N, false, perm, dataRows, rng);
          // Lay out: perm, A, B, scratch; byte addresses, 16-aligned.
          let top = 64;
          const place = (floats: number) => {
            const at = top;
            top += Math.ceil((floats * 4) / 64) * 64 + 64;
            return at;
          };
          const permAt = place(fullPerm.length);
          const aAt = place(A.values.length);
          const bAt = place(B.values.length);
          const s = gemmScratchFloats(M, N, K);
          const packA = place(s.packA);
          const packB = place(s.packB);
          const c = place(s.c);
          new Uint32Array(memory.buffer, permAt, fullPerm.length).set(fullPerm);
          new Float32Array(memory.buffer, aAt, A.values.length).set(A.values);
          new Float32Array(memory.buffer, bAt, B.values.length).set(B.values);
          new Float32Array(memory.buffer, c, s.c).fill(NaN);
          gemm.gemm(M, N, K, aAt, A.op.sX, A.op.sY, A.op.mode, bAt, B.op.sX, B.op.sY, B.op.mode, permAt + 8, packA, packB, c);
          const want = reference(M, N, K, (i, k) => A.values[A.at(i, k)]!, (k, j) => B.values[B.at(k, j)]!);
          const ldc = gemmLdc(N);
          const C = new Float32Array(memory.buffer, c, s.c);
          const got = new Float32Array(M * N);
          for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) got[i * N + j] = C[i * ldc + j]!;
          expect(Array.from(got), `[${M}, ${N}] inner ${K}`).toEqual(Array.from(want));
        }
      });
    }
  }
});
