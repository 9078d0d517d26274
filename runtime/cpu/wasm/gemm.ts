// The matmul of the CPU interpreter, as WebAssembly SIMD: C = A B over f32 in one
// WebAssembly.Memory. Both operands are first packed into panels (A: MR rows interleaved per k,
// B: NR columns per k, zero-padded), which also resolves transposition and gathering through the
// permutation; then an MR x NR micro-kernel keeps its tile of C in registers while it runs over k.
//
// Summation order: every element of C is sum_k a[i][k] * b[k][j] accumulated in float32 from k = 0
// upwards, one k at a time (acc = f32(acc + f32(a * b))): the order of the GPU shaders and of the
// interpreter's JavaScript matmul. SIMD lanes hold different (i, j), never different k.
import { wasm, type WasmMemory, type WasmModule } from './api.js';
import { encodeModule, FunctionBuilder, Op, Simd, type MemoryImport } from './encoder.js';

/** Rows of A per micro-kernel tile (the packed A panel's width). */
export const MR = 4;
/** Columns of B per micro-kernel tile: two f32x4 vectors. */
export const NR = 8;

/**
 * How an operand's element is found: logical (x, y) is at byte address
 * `addr + 4 * (X(x) * sX + Y(y) * sY)`, where X or Y reads the index through the permutation
 * (`mode` 1: X(x) = perm[x]; 2: Y(y) = perm[y]; 0: neither). For A, x is the row i and y is k;
 * for B, x is the column j and y is k.
 */
export interface Operand {
  addr: number;
  sX: number;
  sY: number;
  mode: 0 | 1 | 2;
}

export interface GemmScratch {
  /** Byte addresses of the packed A, packed B and C scratch areas (16-byte aligned). */
  packA: number;
  packB: number;
  c: number;
}

/** Padded sizes, in floats, of what gemm writes for an [M, N] result with inner size K. */
export function gemmScratchFloats(M: number, N: number, K: number): { packA: number; packB: number; c: number } {
  const mp = Math.ceil(M / MR) * MR;
  const np = Math.ceil(N / NR) * NR;
  return { packA: mp * K, packB: np * K, c: mp * np };
}

/** The row stride (floats) of gemm's C for N columns: C[i][j] is at c + 4 * (i * ldc + j). */
export function gemmLdc(N: number): number {
  return Math.ceil(N / NR) * NR;
}

/**
 * pack(src, sX, sY, perm, mode, X, Y, L, dst): dst[((p * Y) + y) * L + l] = operand(p * L + l, y),
 * zero where p * L + l >= X. One function packs A (L = MR) and B (L = NR). When x is contiguous in
 * memory (sX = 1, not permuted) a whole panel's row is one or two v128 copies; otherwise element
 * by element.
 */
function packFunction(): FunctionBuilder {
  const f = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32']);
  const [src, sX, sY, perm, mode, X, Y, L, dst] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const p = f.local('i32');
  const l = f.local('i32');
  const x = f.local('i32');
  const y = f.local('i32');
  const d = f.local('i32');
  const xb = f.local('i32');
  const panels = f.local('i32');
  const dStep = f.local('i32');
  const yStep = f.local('i32');
  // panels = (X + L - 1) / L; dStep = 4L; yStep = 4 sY
  f.get(X).get(L).emit(Op.i32Add).i32(1).emit(Op.i32Sub).get(L).emit(Op.i32DivU).set(panels);
  f.get(L).i32(2).emit(Op.i32Shl).set(dStep);
  f.get(sY).i32(2).emit(Op.i32Shl).set(yStep);
  /** xb = address of operand(p L, y): src + 4 (p L + Y(y) sY), with Y(y) = perm[y] when mode is 2. */
  const rowAddress = () => {
    f.get(src).get(p).get(L).emit(Op.i32Mul).i32(2).emit(Op.i32Shl).emit(Op.i32Add);
    f.get(mode).i32(2).emit(Op.i32Eq).ifElse(
      () => f.get(perm).get(y).i32(2).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.i32Load).set(x),
      () => f.get(y).set(x),
    );
    f.get(x).get(yStep).emit(Op.i32Mul).emit(Op.i32Add).set(xb);
  };
  const copyRows = (vectors: number) =>
    f.forRange(y, 0, { local: Y }, () => {
      rowAddress();
      for (let v = 0; v < vectors; v++) f.get(d).get(xb).simdMem(Simd.v128Load, v * 16).simdMem(Simd.v128Store, v * 16);
      f.increment(d, { local: dStep });
    });
  f.forRange(p, 0, { local: panels }, () => {
    f.get(dst).get(p).get(Y).emit(Op.i32Mul).get(L).emit(Op.i32Mul).i32(2).emit(Op.i32Shl).emit(Op.i32Add).set(d);
    // Contiguous, unpermuted x and a full panel: copy rows of L floats.
    f.get(sX).i32(1).emit(Op.i32Eq);
    f.get(mode).i32(1).emit(Op.i32Ne).emit(Op.i32And);
    f.get(p).i32(1).emit(Op.i32Add).get(L).emit(Op.i32Mul).get(X).emit(Op.i32LeS).emit(Op.i32And);
    f.ifElse(
      () =>
        f.get(L).i32(MR).emit(Op.i32Eq).ifElse(
          () => copyRows(MR / 4),
          () => copyRows(NR / 4),
        ),
      () =>
        f.forRange(l, 0, { local: L }, () => {
          // x = p L + l; d = dst + 4 (p Y L + l)
          f.get(p).get(L).emit(Op.i32Mul).get(l).emit(Op.i32Add).set(x);
          f.get(dst).get(p).get(Y).emit(Op.i32Mul).get(L).emit(Op.i32Mul).get(l).emit(Op.i32Add).i32(2).emit(Op.i32Shl).emit(Op.i32Add).set(d);
          f.get(x).get(X).emit(Op.i32LtS).ifElse(
            () => {
              // xb = src + 4 sX * (mode == 1 ? perm[x] : x)
              f.get(mode).i32(1).emit(Op.i32Eq).ifElse(
                () => f.get(perm).get(x).i32(2).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.i32Load).set(x),
              );
              f.get(src).get(x).get(sX).emit(Op.i32Mul).i32(2).emit(Op.i32Shl).emit(Op.i32Add).set(xb);
              f.get(mode).i32(2).emit(Op.i32Eq).ifElse(
                () =>
                  f.forRange(y, 0, { local: Y }, () => {
                    f.get(d);
                    f.get(xb).get(perm).get(y).i32(2).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.i32Load).get(yStep).emit(Op.i32Mul).emit(Op.i32Add);
                    f.mem(Op.f32Load).mem(Op.f32Store);
                    f.increment(d, { local: dStep });
                  }),
                () =>
                  f.forRange(y, 0, { local: Y }, () => {
                    f.get(d).get(xb).mem(Op.f32Load).mem(Op.f32Store);
                    f.increment(xb, { local: yStep });
                    f.increment(d, { local: dStep });
                  }),
              );
            },
            () =>
              f.forRange(y, 0, { local: Y }, () => {
                f.get(d).f32(0).mem(Op.f32Store);
                f.increment(d, { local: dStep });
              }),
          );
        }),
    );
  });
  return f;
}

/**
 * kernel(pA, pB, pC, ldcBytes, K): the MR x NR tile of C at pC from a packed A panel (MR floats
 * per k) and a packed B panel (NR floats per k), accumulating over k in order.
 */
function kernelFunction(): FunctionBuilder {
  const f = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32']);
  const [pA, pB, pC, ldc, K] = [0, 1, 2, 3, 4];
  const k = f.local('i32');
  const acc = Array.from({ length: MR * 2 }, () => f.local('v128'));
  const b0 = f.local('v128');
  const b1 = f.local('v128');
  const a = f.local('v128');
  f.forRange(k, 0, { local: K }, () => {
    f.get(pB).simdMem(Simd.v128Load, 0).set(b0);
    f.get(pB).simdMem(Simd.v128Load, 16).set(b1);
    for (let r = 0; r < MR; r++) {
      f.get(pA).simdMem(Simd.v128Load32Splat, r * 4).set(a);
      f.get(acc[2 * r]!).get(a).get(b0).simd(Simd.f32x4Mul).simd(Simd.f32x4Add).set(acc[2 * r]!);
      f.get(acc[2 * r + 1]!).get(a).get(b1).simd(Simd.f32x4Mul).simd(Simd.f32x4Add).set(acc[2 * r + 1]!);
    }
    f.increment(pA, MR * 4);
    f.increment(pB, NR * 4);
  });
  for (let r = 0; r < MR; r++) {
    f.get(pC).get(acc[2 * r]!).simdMem(Simd.v128Store, 0);
    f.get(pC).get(acc[2 * r + 1]!).simdMem(Simd.v128Store, 16);
    f.increment(pC, { local: ldc });
  }
  return f;
}

/**
 * gemm(M, N, K, A, aSX, aSY, aMode, B, bSX, bSY, bMode, perm, packA, packB, C): C[i][j] (row
 * stride gemmLdc(N)) = sum_k a[i][k] b[k][j] for i < M rounded up to MR and j < N rounded up to NR.
 */
function gemmFunction(pack: number, kernel: number): FunctionBuilder {
  const f = new FunctionBuilder(Array(15).fill('i32'));
  const [M, N, K, A, aSX, aSY, aMode, B, bSX, bSY, bMode, perm, packA, packB, C] = Array.from({ length: 15 }, (_, i) => i);
  const ib = f.local('i32');
  const jb = f.local('i32');
  const mp = f.local('i32');
  const np = f.local('i32');
  const ldc = f.local('i32');
  f.get(A).get(aSX).get(aSY).get(perm).get(aMode).get(M).get(K).i32(MR).get(packA).emit(Op.call, pack);
  f.get(B).get(bSX).get(bSY).get(perm).get(bMode).get(N).get(K).i32(NR).get(packB).emit(Op.call, pack);
  f.get(M).i32(MR - 1).emit(Op.i32Add).i32(MR).emit(Op.i32DivU).set(mp);
  f.get(N).i32(NR - 1).emit(Op.i32Add).i32(NR).emit(Op.i32DivU).set(np);
  f.get(np).i32(NR * 4).emit(Op.i32Mul).set(ldc);
  f.forRange(jb, 0, { local: np }, () => {
    f.forRange(ib, 0, { local: mp }, () => {
      f.get(packA).get(ib).get(K).emit(Op.i32Mul).i32(MR * 4).emit(Op.i32Mul).emit(Op.i32Add);
      f.get(packB).get(jb).get(K).emit(Op.i32Mul).i32(NR * 4).emit(Op.i32Mul).emit(Op.i32Add);
      f.get(C).get(ib).i32(MR).emit(Op.i32Mul).get(ldc).emit(Op.i32Mul).emit(Op.i32Add).get(jb).i32(NR * 4).emit(Op.i32Mul).emit(Op.i32Add);
      f.get(ldc).get(K).emit(Op.call, kernel);
    });
  });
  return f;
}

export function gemmModuleBytes(memory: Omit<MemoryImport, 'module' | 'name'> = { minimum: 1 }): Uint8Array {
  return encodeModule({ module: 'env', name: 'memory', ...memory }, [
    { name: 'pack', body: packFunction() },
    { name: 'kernel', body: kernelFunction() },
    { name: 'gemm', body: gemmFunction(0, 1) },
  ]);
}

export type GemmFn = (
  M: number,
  N: number,
  K: number,
  A: number,
  aSX: number,
  aSY: number,
  aMode: number,
  B: number,
  bSX: number,
  bSY: number,
  bMode: number,
  perm: number,
  packA: number,
  packB: number,
  C: number,
) => void;

export interface GemmExports {
  gemm: GemmFn;
  pack: (src: number, sX: number, sY: number, perm: number, mode: number, X: number, Y: number, L: number, dst: number) => void;
  kernel: (pA: number, pB: number, pC: number, ldcBytes: number, K: number) => void;
}

let compiled: WasmModule | null = null;

/** The gemm functions over `memory` (the module is compiled once per process). */
export function instantiateGemm(memory: WasmMemory): GemmExports {
  compiled ??= new wasm.Module(gemmModuleBytes());
  const instance = new wasm.Instance(compiled, { env: { memory } });
  return instance.exports as unknown as GemmExports;
}
