// The matmul of the CPU interpreter, as WebAssembly SIMD: C = A B over f32 in one
// WebAssembly.Memory. Both operands are first packed into panels (A: MR rows interleaved per k,
// B: NR columns per k, zero-padded), which also resolves transposition and gathering through the
// permutation; then an MR x NR micro-kernel keeps its tile of C in registers while it runs over k.
//
// Summation order: every element of C is sum_k a[i][k] * b[k][j] accumulated in float32 from k = 0
// upwards, one k at a time (acc = acc + a * b, the product rounded or not as relaxed.ts says): the
// order of the GPU shaders and of the interpreter's JavaScript matmul. SIMD lanes hold different
// (i, j), never different k.
//
// Work is split into panels so that threads (runtime/cpu/threads.ts) can share it: one operand is
// shared (packed whole first), the other is walked panel by panel in the outer loop, each outer
// panel packed by whoever computes its tiles. `order` says which: 0, B's column panels outer and A
// shared; 1, A's row panels outer and B shared. The product is the same bits in either order and
// however the outer panels are divided.
import { wasm, type WasmMemory, type WasmModule } from './api.js';
import { encodeModule, FunctionBuilder, Op, Simd, type MemoryImport } from './encoder.js';
import { emitMultiplyAdd, multiplyAdd } from './relaxed.js';

/**
 * Rows of A per micro-kernel tile (the packed A panel's width). With a multiply-add in one
 * instruction (relaxed.ts), 6 x 8 keeps twelve f32x4 accumulators, two B vectors and an A splat in
 * x64's 16 vector registers; with a multiply and an add, whose product needs a register of its own,
 * 5 x 8 does. Each ran fastest of the tiles tried on the development machine (docs/cpu-interpreter.md).
 */
export function mr(): number {
  return multiplyAdd() ? 6 : 5;
}
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

/**
 * A product with one column (a matrix times a vector: a single output unit's layer) is computed
 * as its transpose, C^T = B^T A^T: one row of A' (an MR-row tile, 1 row used) against M columns,
 * instead of M rows against one column of an NR-wide tile. C then holds C[i][0] at c + 4 i.
 */
function transposed(M: number, N: number): boolean {
  return N === 1 && M > 1;
}

/** Padded sizes, in floats, of what gemm writes for an [M, N] result with inner size K. */
export function gemmScratchFloats(M: number, N: number, K: number): { packA: number; packB: number; c: number } {
  if (transposed(M, N)) [M, N] = [N, M];
  const mp = Math.ceil(M / mr()) * mr();
  const np = Math.ceil(N / NR) * NR;
  return { packA: mp * K, packB: np * K, c: mp * np };
}

/** The row stride (floats) of gemm's C for N columns: C[i][j] is at c + 4 * (i * ldc + j). */
export function gemmLdc(N: number): number {
  return N === 1 ? 1 : tileLdc(N);
}

/** The row stride (floats) of a C written in NR-wide tiles (as the windowed gemm, wgemm.ts, writes it, one column too). */
export function tileLdc(N: number): number {
  return Math.ceil(N / NR) * NR;
}

/** The parameters every driver function takes first, in order (see GemmFn). */
const GEMM_PARAMS = 15;

/**
 * pack(src, sX, sY, perm, mode, X, Y, dst, p0, p1), one function per panel width L (MR for A, NR
 * for B): for panels p in [p0, p1), dst[((p * Y) + y) * L + l] = operand(p * L + l, y), zero where
 * p * L + l >= X. Full panels take one of two fast paths: x contiguous in memory (sX = 1, not
 * permuted), where a panel's row is copied with v128 loads; or y contiguous (sY = 1, not permuted),
 * where the panel's L rows are read side by side. Otherwise element by element.
 */
function packFunction(L: number): FunctionBuilder {
  const f = new FunctionBuilder(Array(10).fill('i32'));
  const [src, sX, sY, perm, mode, X, Y, dst, p0, p1] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const p = f.local('i32');
  const l = f.local('i32');
  const x = f.local('i32');
  const y = f.local('i32');
  const d = f.local('i32');
  const xb = f.local('i32');
  const yb = f.local('i32');
  const yEnd = f.local('i32');
  const yStep = f.local('i32');
  const row = Array.from({ length: L }, () => f.local('i32'));
  f.get(sY).i32(2).emit(Op.i32Shl).set(yStep);
  /** The general case: every element found on its own, zero past X. */
  const elementwise = () =>
    f.forRange(l, 0, L, () => {
      // x = p L + l; d = dst + 4 (p Y L + l)
      f.get(p).i32(L).emit(Op.i32Mul).get(l).emit(Op.i32Add).set(x);
      f.get(dst).get(p).get(Y).emit(Op.i32Mul).i32(L).emit(Op.i32Mul).get(l).emit(Op.i32Add).i32(2).emit(Op.i32Shl).emit(Op.i32Add).set(d);
      f.get(x).get(X).emit(Op.i32LtS).ifElse(
        () => {
          // xb = src + 4 sX * (mode == 1 ? perm[x] : x)
          f.get(mode).i32(1).emit(Op.i32Eq).ifElse(() => f.get(perm).get(x).i32(2).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.i32Load).set(x));
          f.get(src).get(x).get(sX).emit(Op.i32Mul).i32(2).emit(Op.i32Shl).emit(Op.i32Add).set(xb);
          f.get(mode).i32(2).emit(Op.i32Eq).ifElse(
            () =>
              f.forRange(y, 0, { local: Y }, () => {
                f.get(d);
                f.get(xb).get(perm).get(y).i32(2).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.i32Load).get(yStep).emit(Op.i32Mul).emit(Op.i32Add);
                f.mem(Op.f32Load).mem(Op.f32Store);
                f.increment(d, L * 4);
              }),
            () =>
              f.forRange(y, 0, { local: Y }, () => {
                f.get(d).get(xb).mem(Op.f32Load).mem(Op.f32Store);
                f.increment(xb, { local: yStep });
                f.increment(d, L * 4);
              }),
          );
        },
        () =>
          f.forRange(y, 0, { local: Y }, () => {
            f.get(d).f32(0).mem(Op.f32Store);
            f.increment(d, L * 4);
          }),
      );
    });
  /** x contiguous and not permuted: a row of L floats per y, copied. */
  const copyRows = () =>
    f.forRange(y, 0, { local: Y }, () => {
      // xb = src + 4 (p L + Y(y) sY)
      f.get(src).get(p).i32(L * 4).emit(Op.i32Mul).emit(Op.i32Add);
      f.get(mode).i32(2).emit(Op.i32Eq).ifElse(
        () => f.get(perm).get(y).i32(2).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.i32Load).set(x),
        () => f.get(y).set(x),
      );
      f.get(x).get(yStep).emit(Op.i32Mul).emit(Op.i32Add).set(xb);
      let at = 0;
      for (; at + 4 <= L; at += 4) f.get(d).get(xb).simdMem(Simd.v128Load, at * 4).simdMem(Simd.v128Store, at * 4);
      for (; at < L; at++) f.get(d).get(xb).mem(Op.f32Load, at * 4).mem(Op.f32Store, at * 4);
      f.increment(d, L * 4);
    });
  /** y contiguous and not permuted: the panel's L rows read side by side. */
  const sideBySide = () => {
    for (let r = 0; r < L; r++) {
      // row r = src + 4 sX X(p L + r)
      f.get(p).i32(L).emit(Op.i32Mul).i32(r).emit(Op.i32Add).set(x);
      f.get(mode).i32(1).emit(Op.i32Eq).ifElse(() => f.get(perm).get(x).i32(2).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.i32Load).set(x));
      f.get(src).get(x).get(sX).emit(Op.i32Mul).i32(2).emit(Op.i32Shl).emit(Op.i32Add).set(row[r]!);
    }
    f.get(Y).i32(2).emit(Op.i32Shl).set(yEnd);
    f.forRange(
      yb,
      0,
      { local: yEnd },
      () => {
        for (let r = 0; r < L; r++) f.get(d).get(row[r]!).get(yb).emit(Op.i32Add).mem(Op.f32Load).mem(Op.f32Store, r * 4);
        f.increment(d, L * 4);
      },
      4,
    );
  };
  f.forRange(p, { local: p0 }, { local: p1 }, () => {
    // d = dst + 4 p Y L
    f.get(dst).get(p).get(Y).emit(Op.i32Mul).i32(L * 4).emit(Op.i32Mul).emit(Op.i32Add).set(d);
    // a full panel?
    f.get(p).i32(1).emit(Op.i32Add).i32(L).emit(Op.i32Mul).get(X).emit(Op.i32LeS);
    f.ifElse(
      () => {
        f.get(sX).i32(1).emit(Op.i32Eq).get(mode).i32(1).emit(Op.i32Ne).emit(Op.i32And);
        f.ifElse(copyRows, () => {
          f.get(sY).i32(1).emit(Op.i32Eq).get(mode).i32(2).emit(Op.i32Ne).emit(Op.i32And);
          f.ifElse(sideBySide, elementwise);
        });
      },
      elementwise,
    );
  });
  return f;
}

/**
 * kernel(pA, pB, pC, ldcBytes, K): the MR x NR tile of C at pC from K steps of a packed A panel
 * (MR floats per k) and a packed B panel (NR floats per k), accumulating over k in order from 0.
 * (Blocking k, the tile stored and accumulated again, which keeps the order, was no faster here:
 * the panels stream from L2 fast enough; docs/cpu-interpreter.md.)
 */
function kernelFunction(): FunctionBuilder {
  const f = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32']);
  const [pA, pB, pC, ldc, K] = [0, 1, 2, 3, 4];
  const V = NR / 4;
  const end = f.local('i32');
  const c = f.local('i32');
  const acc = Array.from({ length: mr() * V }, () => f.local('v128'));
  const b = Array.from({ length: V }, () => f.local('v128'));
  const a = f.local('v128');
  const tile = (each: (r: number, v: number) => void) => {
    f.get(pC).set(c);
    for (let r = 0; r < mr(); r++) {
      for (let v = 0; v < V; v++) each(r, v);
      if (r + 1 < mr()) f.increment(c, { local: ldc });
    }
  };
  // end = pB + K NR 4; do { ... } while (pB < end), entered only when K > 0. (This loop form, with
  // one k per iteration, is the one V8 compiled without spilling an accumulator.)
  f.get(pB).get(K).i32(NR * 4).emit(Op.i32Mul).emit(Op.i32Add).set(end);
  f.get(K).i32(0).emit(Op.i32GtS).ifElse(() => {
    f.emit(Op.loop, 0x40);
    for (let v = 0; v < V; v++) f.get(pB).simdMem(Simd.v128Load, v * 16).set(b[v]!);
    for (let r = 0; r < mr(); r++) {
      f.get(pA).simdMem(Simd.v128Load32Splat, r * 4).set(a);
      for (let v = 0; v < V; v++) {
        emitMultiplyAdd(f, () => f.get(acc[r * V + v]!), () => f.get(a), () => f.get(b[v]!));
        f.set(acc[r * V + v]!);
      }
    }
    f.increment(pA, mr() * 4);
    f.increment(pB, NR * 4);
    f.get(pB).get(end).emit(Op.i32LtU, Op.brIf, 0);
    f.emit(Op.end);
  });
  tile((r, v) => f.get(c).get(acc[r * V + v]!).simdMem(Simd.v128Store, v * 16));
  return f;
}

/**
 * kernelDirect(pB, pC, ldcBytes, K, row0 .. row(MR-1)): kernel's tile with A read where it is, row r
 * of the tile from row pointer r (K floats, 4 bytes apart), instead of from a packed panel: the same
 * multiply-adds in the same order. For products with few columns (`outer`'s DIRECT_A_COLUMNS), where
 * packing A, each element copied once for only N multiply-adds, costs about what multiplying does.
 */
function kernelDirectFunction(): FunctionBuilder {
  const f = new FunctionBuilder(Array(4 + mr()).fill('i32'));
  const [pB, pC, ldc, K] = [0, 1, 2, 3];
  const row = Array.from({ length: mr() }, (_, r) => 4 + r);
  const V = NR / 4;
  const end = f.local('i32');
  const acc = Array.from({ length: mr() * V }, () => f.local('v128'));
  const b = Array.from({ length: V }, () => f.local('v128'));
  const a = f.local('v128');
  f.get(pB).get(K).i32(NR * 4).emit(Op.i32Mul).emit(Op.i32Add).set(end);
  f.get(K).i32(0).emit(Op.i32GtS).ifElse(() => {
    f.emit(Op.loop, 0x40);
    for (let v = 0; v < V; v++) f.get(pB).simdMem(Simd.v128Load, v * 16).set(b[v]!);
    for (let r = 0; r < mr(); r++) {
      f.get(row[r]!).simdMem(Simd.v128Load32Splat).set(a);
      f.increment(row[r]!, 4);
      for (let v = 0; v < V; v++) {
        emitMultiplyAdd(f, () => f.get(acc[r * V + v]!), () => f.get(a), () => f.get(b[v]!));
        f.set(acc[r * V + v]!);
      }
    }
    f.increment(pB, NR * 4);
    f.get(pB).get(end).emit(Op.i32LtU, Op.brIf, 0);
    f.emit(Op.end);
  });
  for (let r = 0; r < mr(); r++) {
    for (let v = 0; v < V; v++) f.get(pC).get(acc[r * V + v]!).simdMem(Simd.v128Store, v * 16);
    f.increment(pC, { local: ldc });
  }
  return f;
}

/** Function indices in the module. */
const F = { packA: 0, packB: 1, kernel: 2, order: 3, packShared: 4, outer: 5, gemmDirect: 6, gemv: 7, gemm: 8, kernelDirect: 9 } as const;

/**
 * order(M, N): 0 (B's panels outer, A shared and streamed past each B panel) when packed A is not
 * the larger operand, else 1. The shared operand is read again for every outer panel, so the
 * smaller one is shared: it stays in cache.
 */
function orderFunction(): FunctionBuilder {
  const f = new FunctionBuilder(['i32', 'i32'], ['i32']);
  // ceil(M / MR) MR > ceil(N / NR) NR
  f.get(0).i32(mr() - 1).emit(Op.i32Add).i32(mr()).emit(Op.i32DivU).i32(mr()).emit(Op.i32Mul);
  f.get(1).i32(NR - 1).emit(Op.i32Add).i32(NR).emit(Op.i32DivU).i32(NR).emit(Op.i32Mul);
  f.emit(Op.i32GtS);
  return f;
}

const PARAM_NAMES = ['M', 'N', 'K', 'A', 'aSX', 'aSY', 'aMode', 'B', 'bSX', 'bSY', 'bMode', 'perm', 'packA', 'packB', 'C'] as const;
type Params = Record<(typeof PARAM_NAMES)[number], number>;

/** A function of the 15 gemm parameters (see GemmFn), then `extra` more i32s. */
function driver(extra: number): { f: FunctionBuilder; p: Params } {
  const f = new FunctionBuilder(Array(GEMM_PARAMS + extra).fill('i32'));
  const p = Object.fromEntries(PARAM_NAMES.map((n, i) => [n, i])) as Params;
  return { f, p };
}

/** Calls the pack of A or B for panels [p0, p1) (each pushed by its callback). */
function callPack(f: FunctionBuilder, p: Params, side: 'A' | 'B', p0: () => void, p1: () => void): void {
  if (side === 'A') f.get(p.A).get(p.aSX).get(p.aSY).get(p.perm).get(p.aMode).get(p.M).get(p.K).get(p.packA);
  else f.get(p.B).get(p.bSX).get(p.bSY).get(p.perm).get(p.bMode).get(p.N).get(p.K).get(p.packB);
  p0();
  p1();
  f.emit(Op.call, side === 'A' ? F.packA : F.packB);
}

/** packShared(15 params, order, p0, p1): panels [p0, p1) of the shared operand (A for order 0, B for 1). */
function packSharedFunction(): FunctionBuilder {
  const { f, p } = driver(3);
  const [order, p0, p1] = [GEMM_PARAMS, GEMM_PARAMS + 1, GEMM_PARAMS + 2];
  f.get(order).ifElse(
    () => callPack(f, p, 'B', () => f.get(p0), () => f.get(p1)),
    () => callPack(f, p, 'A', () => f.get(p0), () => f.get(p1)),
  );
  return f;
}

/** Products with at most this many columns read A's full row panels in place (kernelDirect) when A is outer. */
const DIRECT_A_COLUMNS = 2 * NR;

/**
 * outer(15 params, order, q0, q1): for outer panels q in [q0, q1) (B's column panels for order 0,
 * A's row panels for 1), packs that panel and computes its tiles against every panel of the shared
 * operand.
 */
function outerFunction(): FunctionBuilder {
  const { f, p } = driver(3);
  const [order, q0, q1] = [GEMM_PARAMS, GEMM_PARAMS + 1, GEMM_PARAMS + 2];
  const q = f.local('i32');
  const t = f.local('i32');
  const tiles = f.local('i32');
  const ldc = f.local('i32');
  const ib = f.local('i32');
  const jb = f.local('i32');
  const direct = f.local('i32');
  const rows = Array.from({ length: mr() }, () => f.local('i32'));
  // ldc = ceil(N / NR) NR 4 bytes
  f.get(p.N).i32(NR - 1).emit(Op.i32Add).i32(NR).emit(Op.i32DivU).i32(NR * 4).emit(Op.i32Mul).set(ldc);
  // tiles along the inner loop: the shared operand's panels
  f.get(order).ifElse(
    () => f.get(p.N).i32(NR - 1).emit(Op.i32Add).i32(NR).emit(Op.i32DivU).set(tiles),
    () => f.get(p.M).i32(mr() - 1).emit(Op.i32Add).i32(mr()).emit(Op.i32DivU).set(tiles),
  );
  // A read in place (kernelDirect) for A's full row panels: A outer, its rows contiguous in k and
  // not gathered by k, and few columns
  f.get(order).get(p.aSY).i32(1).emit(Op.i32Eq).emit(Op.i32And).get(p.aMode).i32(2).emit(Op.i32Ne).emit(Op.i32And);
  f.get(p.N).i32(DIRECT_A_COLUMNS).emit(Op.i32LeS).emit(Op.i32And).set(direct);
  /** A's row panel q read in place: its row pointers, then its tiles against every B panel. */
  const directPanel = () => {
    // row r at A + 4 aSX X(q MR + r), X through the permutation with aMode 1
    rows.forEach((row, r) => {
      f.get(q).i32(mr()).emit(Op.i32Mul).i32(r).emit(Op.i32Add).set(row);
      f.get(p.aMode).i32(1).emit(Op.i32Eq).ifElse(() => f.get(p.perm).get(row).i32(2).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.i32Load).set(row));
      f.get(p.A).get(row).get(p.aSX).emit(Op.i32Mul).i32(2).emit(Op.i32Shl).emit(Op.i32Add).set(row);
    });
    f.forRange(t, 0, { local: tiles }, () => {
      // kernelDirect(packB + 4 NR t K, C + q MR ldc + 4 NR t, ldc, K, rows)
      f.get(p.packB).get(t).get(p.K).emit(Op.i32Mul).i32(NR * 4).emit(Op.i32Mul).emit(Op.i32Add);
      f.get(p.C).get(q).i32(mr()).emit(Op.i32Mul).get(ldc).emit(Op.i32Mul).emit(Op.i32Add).get(t).i32(NR * 4).emit(Op.i32Mul).emit(Op.i32Add);
      f.get(ldc).get(p.K);
      for (const row of rows) f.get(row);
      f.emit(Op.call, F.kernelDirect);
    });
  };
  /** Outer panel q packed, then its tiles against every panel of the shared operand. */
  const packedPanel = () => {
    f.get(order).ifElse(
      () => callPack(f, p, 'A', () => f.get(q), () => f.get(q).i32(1).emit(Op.i32Add)),
      () => callPack(f, p, 'B', () => f.get(q), () => f.get(q).i32(1).emit(Op.i32Add)),
    );
    f.forRange(t, 0, { local: tiles }, () => {
      f.get(order).ifElse(
        () => f.get(q).set(ib).get(t).set(jb),
        () => f.get(t).set(ib).get(q).set(jb),
      );
      // kernel(packA + 4 MR ib K, packB + 4 NR jb K, C + ib MR ldc + 4 NR jb, ldc, K)
      f.get(p.packA).get(ib).get(p.K).emit(Op.i32Mul).i32(mr() * 4).emit(Op.i32Mul).emit(Op.i32Add);
      f.get(p.packB).get(jb).get(p.K).emit(Op.i32Mul).i32(NR * 4).emit(Op.i32Mul).emit(Op.i32Add);
      f.get(p.C).get(ib).i32(mr()).emit(Op.i32Mul).get(ldc).emit(Op.i32Mul).emit(Op.i32Add).get(jb).i32(NR * 4).emit(Op.i32Mul).emit(Op.i32Add);
      f.get(ldc).get(p.K).emit(Op.call, F.kernel);
    });
  };
  f.forRange(q, { local: q0 }, { local: q1 }, () => {
    // direct, and the panel is full: (q + 1) MR <= M
    f.get(direct).get(q).i32(1).emit(Op.i32Add).i32(mr()).emit(Op.i32Mul).get(p.M).emit(Op.i32LeS).emit(Op.i32And);
    f.ifElse(directPanel, packedPanel);
  });
  return f;
}

/** i8x16.shuffle's 16 byte lanes from four i32 lanes (0-3: the first operand, 4-7: the second). */
function lanes32(l: [number, number, number, number]): number[] {
  return l.flatMap((x) => [4 * x, 4 * x + 1, 4 * x + 2, 4 * x + 3]);
}

/**
 * gemv(M, K, A, aSX, aMode, B, bSY, perm, C): C[i] = sum_k A(i, k) B(k) for a matrix A whose rows
 * are contiguous in k (sY = 1; row i at A + 4 sX X(i), X(i) = perm[i] with aMode 1) and a column
 * B(k) at B + 4 k bSY, with no packing: four rows at a time, four k at a time read as four vectors
 * and transposed in registers, so that each lane (a row) adds its products k after k. Rows past the
 * last four, and k past the last four, one value at a time. C[i] is at C + 4 i (gemmLdc(1) = 1).
 */
function gemvFunction(): FunctionBuilder {
  const f = new FunctionBuilder(Array(9).fill('i32'));
  const [M, K, A, aSX, aMode, B, bSY, perm, C] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const i = f.local('i32');
  const k = f.local('i32');
  const kFull = f.local('i32');
  const x = f.local('i32');
  const rows = Array.from({ length: 4 }, () => f.local('i32'));
  const acc = f.local('v128');
  const v = Array.from({ length: 4 }, () => f.local('v128'));
  const t = Array.from({ length: 4 }, () => f.local('v128'));
  const accOne = f.local('v128');
  const shuffle = (a: number, b: number, l: [number, number, number, number]) => f.get(a).get(b).emit(0xfd, 0x0d, ...lanes32(l));
  /** b(k) splatted: v128.load32_splat at B + 4 k bSY. */
  const bAt = () => f.get(B).get(k).get(bSY).emit(Op.i32Mul).i32(2).emit(Op.i32Shl).emit(Op.i32Add);
  /** row pointer of row x (in local x): A + 4 sX X(x). */
  const rowAt = (target: number) => {
    f.get(aMode).i32(1).emit(Op.i32Eq).ifElse(() => f.get(perm).get(x).i32(2).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.i32Load).set(x));
    f.get(A).get(x).get(aSX).emit(Op.i32Mul).i32(2).emit(Op.i32Shl).emit(Op.i32Add).set(target);
  };
  // kFull = K - K % 4
  f.get(K).i32(-4).emit(Op.i32And).set(kFull);
  f.i32(0).set(i);
  // four rows at a time
  f.emit(Op.block, 0x40, Op.loop, 0x40);
  f.get(i).i32(4).emit(Op.i32Add).get(M).emit(Op.i32GtS, Op.brIf, 1);
  rows.forEach((r, l) => {
    f.get(i).i32(l).emit(Op.i32Add).set(x);
    rowAt(r);
  });
  f.emit(0xfd, Simd.v128Const, ...new Array<number>(16).fill(0)).set(acc);
  f.forRange(
    k,
    0,
    { local: kFull },
    () => {
      // v[l] = A(i + l, k..k+3); transposed: t[m] = A(i..i+3, k + m)
      rows.forEach((r, l) => f.get(r).get(k).i32(2).emit(Op.i32Shl).emit(Op.i32Add).simdMem(Simd.v128Load).set(v[l]!));
      shuffle(v[0]!, v[1]!, [0, 4, 1, 5]).set(t[0]!);
      shuffle(v[0]!, v[1]!, [2, 6, 3, 7]).set(t[1]!);
      shuffle(v[2]!, v[3]!, [0, 4, 1, 5]).set(t[2]!);
      shuffle(v[2]!, v[3]!, [2, 6, 3, 7]).set(t[3]!);
      shuffle(t[0]!, t[2]!, [0, 1, 4, 5]).set(v[0]!);
      shuffle(t[0]!, t[2]!, [2, 3, 6, 7]).set(v[1]!);
      shuffle(t[1]!, t[3]!, [0, 1, 4, 5]).set(v[2]!);
      shuffle(t[1]!, t[3]!, [2, 3, 6, 7]).set(v[3]!);
      for (let m = 0; m < 4; m++) {
        // acc += column k + m times B(k + m), at B + 4 (k + m) bSY
        emitMultiplyAdd(
          f,
          () => f.get(acc),
          () => f.get(v[m]!),
          () => f.get(B).get(k).i32(m).emit(Op.i32Add).get(bSY).emit(Op.i32Mul).i32(2).emit(Op.i32Shl).emit(Op.i32Add).simdMem(Simd.v128Load32Splat),
        );
        f.set(acc);
      }
    },
    4,
  );
  // k past the last four: the four rows' values gathered into a vector
  f.forRange(k, { local: kFull }, { local: K }, () => {
    const column = () =>
      rows.forEach((r, l) => {
        if (l === 0) f.get(r).get(k).i32(2).emit(Op.i32Shl).emit(Op.i32Add).simdMem(Simd.v128Load32Splat);
        else f.get(r).get(k).i32(2).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.f32Load).emit(0xfd, 0x20, l);
      });
    emitMultiplyAdd(f, () => f.get(acc), column, () => bAt().simdMem(Simd.v128Load32Splat));
    f.set(acc);
  });
  f.get(C).get(i).i32(2).emit(Op.i32Shl).emit(Op.i32Add).get(acc).simdMem(Simd.v128Store);
  f.increment(i, 4);
  f.emit(Op.br, 0, Op.end, Op.end);
  // the last rows, one at a time
  f.forRange(i, { local: i }, { local: M }, () => {
    f.get(i).set(x);
    rowAt(rows[0]!);
    // in lane 0 of a vector, for the same multiply-add as the other rows
    f.emit(0xfd, Simd.v128Const, ...new Array<number>(16).fill(0)).set(accOne);
    f.forRange(k, 0, { local: K }, () => {
      emitMultiplyAdd(
        f,
        () => f.get(accOne),
        () => f.get(rows[0]!).get(k).i32(2).emit(Op.i32Shl).emit(Op.i32Add).simdMem(Simd.v128Load32Splat),
        () => bAt().simdMem(Simd.v128Load32Splat),
      );
      f.set(accOne);
    });
    f.get(C).get(i).i32(2).emit(Op.i32Shl).emit(Op.i32Add).get(accOne).storeLane32(0);
  });
  return f;
}

/**
 * gemm(15 params): the whole product on one thread, in the order `order(M, N)` picks; a product
 * with one column (N = 1, M > 1) by gemv where A's rows are contiguous in k and B is not gathered,
 * else as its transpose (see `transposed`), A and B swapped.
 */
function gemmFunction(): FunctionBuilder {
  const { f, p } = driver(0);
  f.get(p.N).i32(1).emit(Op.i32Eq).get(p.M).i32(1).emit(Op.i32GtS).emit(Op.i32And);
  f.ifElse(() => {
    f.get(p.aSY).i32(1).emit(Op.i32Eq).get(p.aMode).i32(2).emit(Op.i32Ne).emit(Op.i32And).get(p.bMode).i32(0).emit(Op.i32Eq).emit(Op.i32And);
    f.ifElse(() => {
      f.get(p.M).get(p.K).get(p.A).get(p.aSX).get(p.aMode).get(p.B).get(p.bSY).get(p.perm).get(p.C);
      f.emit(Op.call, F.gemv);
      f.emit(Op.return);
    });
    // M' = 1, N' = M; A' = B (its x, the column, is A''s row), B' = A
    f.i32(1).get(p.M).get(p.K);
    f.get(p.B).get(p.bSX).get(p.bSY).get(p.bMode);
    f.get(p.A).get(p.aSX).get(p.aSY).get(p.aMode);
    f.get(p.perm).get(p.packA).get(p.packB).get(p.C);
    f.emit(Op.call, F.gemmDirect);
    f.emit(Op.return);
  });
  for (let i = 0; i < GEMM_PARAMS; i++) f.get(i);
  f.emit(Op.call, F.gemmDirect);
  return f;
}

/** gemmDirect(15 params): the whole product on one thread, in the order `order(M, N)` picks. */
function gemmDirectFunction(): FunctionBuilder {
  const { f, p } = driver(0);
  const order = f.local('i32');
  const mPanels = () => f.get(p.M).i32(mr() - 1).emit(Op.i32Add).i32(mr()).emit(Op.i32DivU);
  const nPanels = () => f.get(p.N).i32(NR - 1).emit(Op.i32Add).i32(NR).emit(Op.i32DivU);
  /** fn(15 params, order, 0, count): count = order ? ifOne : ifZero. */
  const all = (fn: number, ifOne: () => void, ifZero: () => void) => {
    for (let i = 0; i < GEMM_PARAMS; i++) f.get(i);
    f.get(order).i32(0);
    ifOne();
    ifZero();
    f.get(order).emit(Op.select);
    f.emit(Op.call, fn);
  };
  f.get(p.M).get(p.N).emit(Op.call, F.order).set(order);
  all(F.packShared, nPanels, mPanels);
  all(F.outer, mPanels, nPanels);
  return f;
}

export function gemmModuleBytes(memory: Omit<MemoryImport, 'module' | 'name'> = { minimum: 1 }): Uint8Array {
  return encodeModule({ module: 'env', name: 'memory', ...memory }, [
    { name: 'packA', body: packFunction(mr()) },
    { name: 'packB', body: packFunction(NR) },
    { name: 'kernel', body: kernelFunction() },
    { name: 'order', body: orderFunction() },
    { name: 'packShared', body: packSharedFunction() },
    { name: 'outer', body: outerFunction() },
    { name: 'gemmDirect', body: gemmDirectFunction() },
    { name: 'gemv', body: gemvFunction() },
    { name: 'gemm', body: gemmFunction() },
    { name: 'kernelDirect', body: kernelDirectFunction() },
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

/** A driver function: the 15 gemm parameters, then the order and a range of panels. */
export type GemmPartFn = (...args: number[]) => void;

export interface GemmExports {
  gemm: GemmFn;
  /** order(M, N): 0 when B's panels are outer (A shared), 1 when A's are. */
  order: (M: number, N: number) => number;
  /** packShared(15 params, order, p0, p1): panels [p0, p1) of the shared operand. */
  packShared: GemmPartFn;
  /** outer(15 params, order, q0, q1): outer panels [q0, q1), each packed and multiplied. */
  outer: GemmPartFn;
  packA: (src: number, sX: number, sY: number, perm: number, mode: number, X: number, Y: number, dst: number, p0: number, p1: number) => void;
  packB: (src: number, sX: number, sY: number, perm: number, mode: number, X: number, Y: number, dst: number, p0: number, p1: number) => void;
  kernel: (pA: number, pB: number, pC: number, ldcBytes: number, K: number) => void;
}

/** The most pages a shared memory may grow to (wasm32: 4 GiB); a shared memory must declare one. */
export const SHARED_MAXIMUM_PAGES = 65536;

const compiled: { plain: WasmModule | null; shared: WasmModule | null } = { plain: null, shared: null };

/** The gemm module for a plain memory or for a shared one (each compiled once per process). */
export function gemmModule(shared: boolean): WasmModule {
  if (shared) return (compiled.shared ??= new wasm.Module(gemmModuleBytes({ minimum: 1, maximum: SHARED_MAXIMUM_PAGES, shared: true })));
  return (compiled.plain ??= new wasm.Module(gemmModuleBytes()));
}

/** The gemm functions over `memory` (`shared`: it was created shared, for threads). */
export function instantiateGemm(memory: WasmMemory, shared = false): GemmExports {
  const instance = new wasm.Instance(gemmModule(shared), { env: { memory } });
  return instance.exports as unknown as GemmExports;
}
