// The windowed matrix product: C = A B where each operand's element is found through tables
// instead of two strides, so a convolution runs as an implicit GEMM (no im2col buffer): the
// address of operand element (x, y) is src + tabX[x] + tabY[y] (bytes), and with masks, two
// coordinates each add a bounds check (u32)(maskX[x] + maskY[y]) < size (outside: the element is
// 0, the padding). The caller (window-gemm.ts) fills the tables from the plan's views.
//
// Loops: k in blocks of KC (the packed B block stays in cache); per block, B is packed into
// NR-column panels, then each MR-row panel of A is packed (MR x KC floats, in L1) and multiplied
// with every B panel by the MR x NR micro-kernel, which adds to C from the second block on.
// Summation order: as gemm.ts, every C element is acc = acc + a * b (relaxed.ts: the product
// rounded or not) for k = 0, 1, ... in order (a block continues from the value the block before
// stored): the GPU's order.
import { wasm, type WasmMemory, type WasmModule } from './api.js';
import { encodeModule, FunctionBuilder, Op, Simd, type MemoryImport } from './encoder.js';
import { mr, NR, SHARED_MAXIMUM_PAGES } from './gemm.js';
import { emitMultiplyAdd } from './relaxed.js';

/** k per block: a packed B block is KC x N floats, an A panel MR x KC. */
export const KC = 256;

/**
 * An operand descriptor: i32 words src, tabX, tabY, masked (0 or 1), then maskX, maskY, size for
 * two coordinates, then runY: for each y, how many y from it on are 4 bytes apart with the same
 * mask parts (a run of channels: copied without looking the tables up again), then rows (0 or 1,
 * A only): the A panel is packed row by row, each row KC floats apart (ROW_BYTES), so that runs
 * along k are copied as vectors; the micro-kernel then reads row r at offset r ROW_BYTES; then
 * B only, kStride and at: nonzero when B is a plain matrix in memory (unmasked, N a multiple of NR,
 * columns 4 bytes apart, k kStride bytes apart, element (0, 0) at byte `at`), which the
 * micro-kernel then reads where it is, unpacked.
 */
export const DESCRIPTOR_WORDS = 14;
/** Word offsets of the descriptor fields read by name. */
const ROWS_WORD = 11;
const K_STRIDE_WORD = 12;
const AT_WORD = 13;

/** Bytes between the rows of an A panel packed by rows. */
const ROW_BYTES = KC * 4;

/**
 * An A panel packed by rows also lists the segments of k where some row is not padding (a mask
 * check passed): at SEGMENTS, their count, then (start, length) pairs, starts relative to the
 * block; the micro-kernel runs over those only. A k where every row of the panel is padding adds
 * 0 * b to each sum, which leaves a float32 sum unchanged (a sum that starts at +0 never becomes
 * -0) for finite b: the same bits as multiplying the zeros. LIVE: one i32 per k, scratch for it.
 */
const segments = () => mr() * KC * 4;
const live = () => segments() + (1 + 2 * KC) * 4;

/** Bytes of one A panel slot (MR x KC floats, then its segments; 16-byte aligned): a split product's chunks pack into slots of their own. */
export function windowSlotBytes(): number {
  return Math.ceil((live() + KC * 4) / 16) * 16;
}

/**
 * pack(desc, x0, L, X, y0, Y, dst): dst[y * L + l] = operand(x0 + l, y0 + y) for y < Y, 0 where
 * x0 + l >= X or a mask check fails (L is MR or NR). A panel whose L rows lie 4 bytes apart and
 * share their mask parts (channels of one pixel) is copied with v128 loads, one or two per y.
 */
function packFunction(): FunctionBuilder {
  const f = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32']);
  const [desc, x0, L, X, y0, Y, dst] = [0, 1, 2, 3, 4, 5, 6];
  const [src, tabX, tabY, masked, mX0, mY0, size0, mX1, mY1, size1, runY, byRows] = Array.from({ length: ROWS_WORD + 1 }, () => f.local('i32'));
  // a B read in place is not packed
  f.get(desc).mem(Op.i32Load, K_STRIDE_WORD * 4).ifElse(() => f.emit(Op.return));
  const [y, yEnd, l, x, d, ty, my0, my1, ok, contiguous, base, bm0, bm1, rowBytes, run, t, from, to] = Array.from({ length: 18 }, () => f.local('i32'));
  const zero = f.local('v128');
  [src, tabX, tabY, masked, mX0, mY0, size0, mX1, mY1, size1, runY, byRows].forEach((local, i) => f.get(desc).mem(Op.i32Load, i * 4).set(local));
  /** table[index] (i32) on the stack. */
  const load = (table: number, index: number) => f.get(table).get(index).i32(2).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.i32Load);
  /** ok = both mask checks pass (1 when unmasked), x's parts pushed by part0 and part1. */
  const check = (part0: () => void, part1: () => void) =>
    f.get(masked).ifElse(
      () => {
        part0();
        f.get(my0).emit(Op.i32Add).get(size0).emit(Op.i32LtU);
        part1();
        f.get(my1).emit(Op.i32Add).get(size1).emit(Op.i32LtU);
        f.emit(Op.i32And).set(ok);
      },
      () => f.i32(1).set(ok),
    );
  /** ty, my0, my1 of row y. */
  const rowParts = () => {
    load(tabY, y).set(ty);
    f.get(masked).ifElse(() => {
      load(mY0, y).set(my0);
      load(mY1, y).set(my1);
    });
  };

  /** For each run of y from y0 (runY, cut at yEnd): y, run (and with `parts`, rowParts) set, then body. */
  const eachRun = (parts: boolean, body: () => void) => {
    f.get(y0).set(y);
    f.emit(Op.block, 0x40, Op.loop, 0x40);
    f.get(y).get(yEnd).emit(Op.i32GeS).emit(Op.brIf, 1);
    if (parts) rowParts();
    load(runY, y).set(run);
    f.get(run).get(yEnd).get(y).emit(Op.i32Sub).emit(Op.i32GtS).ifElse(() => f.get(yEnd).get(y).emit(Op.i32Sub).set(run));
    body();
    f.get(y).get(run).emit(Op.i32Add).set(y);
    f.emit(Op.br, 0, Op.end, Op.end);
  };

  f.get(y0).get(Y).emit(Op.i32Add).set(yEnd);
  f.get(L).i32(2).emit(Op.i32Shl).set(rowBytes);
  f.get(dst).set(d);
  /** Bytes [0, `bytes`) from `from` (or zeros, with `from` null) to `to`: vectors, then floats. */
  const copy = (from: number | null, bytes: number) => {
    f.i32(0).set(t);
    f.emit(Op.block, 0x40, Op.loop, 0x40);
    f.get(t).i32(16).emit(Op.i32Add).get(bytes).emit(Op.i32GtS).emit(Op.brIf, 1);
    f.get(to).get(t).emit(Op.i32Add);
    if (from === null) f.get(zero);
    else f.get(from).get(t).emit(Op.i32Add).simdMem(Simd.v128Load, 0);
    f.simdMem(Simd.v128Store, 0);
    f.increment(t, 16).emit(Op.br, 0, Op.end, Op.end);
    f.forRange(t, { local: t }, { local: bytes }, () => {
      f.get(to).get(t).emit(Op.i32Add);
      if (from === null) f.f32(0);
      else f.get(from).get(t).emit(Op.i32Add).mem(Op.f32Load);
      f.mem(Op.f32Store);
    }, 4);
  };
  f.get(byRows).ifElse(() => {
    // A by rows: row l at dst + l ROW_BYTES, its runs along k copied whole (zeros where masked)
    // no run copied yet (only a run's first k is marked and read)
    eachRun(false, () => f.get(dst).get(y).get(y0).emit(Op.i32Sub).i32(2).emit(Op.i32Shl).emit(Op.i32Add).i32(0).mem(Op.i32Store, live()));
    f.forRange(l, 0, { local: L }, () => {
      f.get(x0).get(l).emit(Op.i32Add).set(x);
      f.get(dst).get(l).i32(ROW_BYTES).emit(Op.i32Mul).emit(Op.i32Add).set(d);
      f.get(x).get(X).emit(Op.i32LtS).ifElse(
        () => {
          load(tabX, x).set(base);
          f.get(masked).ifElse(() => {
            load(mX0, x).set(bm0);
            load(mX1, x).set(bm1);
          });
          eachRun(true, () => {
            check(() => f.get(bm0), () => f.get(bm1));
            f.get(d).get(y).get(y0).emit(Op.i32Sub).i32(2).emit(Op.i32Shl).emit(Op.i32Add).set(to);
            f.get(run).i32(2).emit(Op.i32Shl).set(rowBytes);
            f.get(ok).ifElse(
              () => {
                f.get(src).get(base).emit(Op.i32Add).get(ty).emit(Op.i32Add).set(from);
                copy(from, rowBytes);
                f.get(dst).get(y).get(y0).emit(Op.i32Sub).i32(2).emit(Op.i32Shl).emit(Op.i32Add).i32(1).mem(Op.i32Store, live());
              },
              () => copy(null, rowBytes),
            );
          });
        },
        () => {
          f.get(d).set(to);
          f.get(Y).i32(2).emit(Op.i32Shl).set(rowBytes);
          copy(null, rowBytes);
        },
      );
    });
    // the segments: runs (the same for every row) where some row was copied, adjacent ones joined;
    // x counts them, from..to is the open one (relative to y0)
    /** Closes the open segment from..to as segment x, when it has any k. */
    const close = () =>
      f.get(to).get(from).emit(Op.i32GtS).ifElse(() => {
        f.get(dst).get(x).i32(3).emit(Op.i32Shl).emit(Op.i32Add).get(from).mem(Op.i32Store, segments() + 4);
        f.get(dst).get(x).i32(3).emit(Op.i32Shl).emit(Op.i32Add).get(to).get(from).emit(Op.i32Sub).mem(Op.i32Store, segments() + 8);
        f.increment(x, 1);
      });
    f.i32(0).set(x).i32(0).set(from).i32(0).set(to);
    eachRun(false, () => {
      f.get(y).get(y0).emit(Op.i32Sub).set(l);
      f.get(dst).get(l).i32(2).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.i32Load, live()).ifElse(() => {
        // not adjacent to the open segment: close it, open a new one here
        f.get(to).get(l).emit(Op.i32Ne).ifElse(() => {
          close();
          f.get(l).set(from);
        });
        f.get(l).get(run).emit(Op.i32Add).set(to);
      });
    });
    close();
    f.get(dst).get(x).mem(Op.i32Store, segments());
    f.emit(Op.return);
  });
  // contiguous: the whole panel exists, its rows are 4 bytes apart and share their mask parts
  f.get(x0).get(L).emit(Op.i32Add).get(X).emit(Op.i32LeS).set(contiguous);
  f.get(contiguous).ifElse(() => {
    load(tabX, x0).set(base);
    f.get(masked).ifElse(() => {
      load(mX0, x0).set(bm0);
      load(mX1, x0).set(bm1);
    });
    f.forRange(l, 1, { local: L }, () => {
      f.get(x0).get(l).emit(Op.i32Add).set(x);
      load(tabX, x).get(base).emit(Op.i32Sub).get(l).i32(2).emit(Op.i32Shl).emit(Op.i32Ne);
      f.ifElse(() => f.i32(0).set(contiguous));
      f.get(masked).ifElse(() => {
        load(mX0, x).get(bm0).emit(Op.i32Ne);
        load(mX1, x).get(bm1).emit(Op.i32Ne);
        f.emit(Op.i32Or).ifElse(() => f.i32(0).set(contiguous));
      });
    });
  });
  f.get(contiguous).ifElse(
    () =>
      f.forRange(y, { local: y0 }, { local: yEnd }, () => {
        rowParts();
        check(() => f.get(bm0), () => f.get(bm1));
        /** The panel row's floats past the first four (L is MR or NR): v128s while four remain, then one by one. */
        const rest = (each: (at: number, vector: boolean) => void) => {
          const upTo = (floats: number) => {
            let at = 16;
            for (; at + 16 <= floats * 4; at += 16) each(at, true);
            for (; at < floats * 4; at += 4) each(at, false);
          };
          f.get(L).i32(NR).emit(Op.i32Eq).ifElse(
            () => upTo(NR),
            () => upTo(mr()),
          );
        };
        f.get(ok).ifElse(
          () => {
            f.get(src).get(base).emit(Op.i32Add).get(ty).emit(Op.i32Add).set(x);
            f.get(d).get(x).simdMem(Simd.v128Load, 0).simdMem(Simd.v128Store, 0);
            rest((at, vector) => (vector ? f.get(d).get(x).simdMem(Simd.v128Load, at).simdMem(Simd.v128Store, at) : f.get(d).get(x).mem(Op.f32Load, at).mem(Op.f32Store, at)));
          },
          () => {
            f.get(d).get(zero).simdMem(Simd.v128Store, 0);
            rest((at, vector) => (vector ? f.get(d).get(zero).simdMem(Simd.v128Store, at) : f.get(d).f32(0).mem(Op.f32Store, at)));
          },
        );
        f.increment(d, { local: rowBytes });
      }),
    () => {
      // runs of y (channels) at a time: per row of the panel, the run is copied or zeroed whole
      eachRun(true, () => {
        f.forRange(l, 0, { local: L }, () => {
          f.get(x0).get(l).emit(Op.i32Add).set(x);
          f.i32(0).set(ok);
          f.get(x).get(X).emit(Op.i32LtS).ifElse(() => check(() => load(mX0, x), () => load(mX1, x)));
          // to = d + 4 l: this row's first slot; from = the run's first element
          f.get(d).get(l).i32(2).emit(Op.i32Shl).emit(Op.i32Add).set(to);
          f.get(ok).ifElse(
            () => {
              f.get(src);
              load(tabX, x);
              f.emit(Op.i32Add).get(ty).emit(Op.i32Add).set(from);
              f.forRange(t, 0, { local: run }, () => {
                f.get(to).get(from).mem(Op.f32Load).mem(Op.f32Store);
                f.increment(from, 4).increment(to, { local: rowBytes });
              });
            },
            () =>
              f.forRange(t, 0, { local: run }, () => {
                f.get(to).f32(0).mem(Op.f32Store);
                f.increment(to, { local: rowBytes });
              }),
          );
        });
        f.get(run).get(rowBytes).emit(Op.i32Mul).get(d).emit(Op.i32Add).set(d);
      });
    },
  );
  return f;
}

/**
 * kernel(pA, pB, pC, ldcBytes, K, add): the MR x NR tile of C at pC from a packed A panel (MR
 * floats per k, or with `byRows` one row of k per ROW_BYTES) and a packed B panel (NR floats per
 * k), over k in order; with `add`, starting from the tile's values in C (the sums of the k blocks
 * before), else from 0.
 */
function kernelFunction(byRows: boolean): FunctionBuilder {
  const f = new FunctionBuilder(['i32', 'i32', 'i32', 'i32', 'i32', 'i32', 'i32']);
  const [pA, pB, pC, ldc, K, add, bStride] = [0, 1, 2, 3, 4, 5, 6];
  const end = f.local('i32');
  const row = f.local('i32');
  const acc = Array.from({ length: mr() * 2 }, () => f.local('v128'));
  const b0 = f.local('v128');
  const b1 = f.local('v128');
  const a = f.local('v128');
  f.get(add).ifElse(() => {
    f.get(pC).set(row);
    for (let r = 0; r < mr(); r++) {
      f.get(row).simdMem(Simd.v128Load, 0).set(acc[2 * r]!);
      f.get(row).simdMem(Simd.v128Load, 16).set(acc[2 * r + 1]!);
      f.increment(row, { local: ldc });
    }
  });
  // end = pB + K NR 4; do { ... } while (pB < end), entered only when K > 0: gemm.ts's loop form,
  // which V8 compiles without spilling an accumulator (a counted loop here ran 15-20% slower)
  f.get(pB).get(K).get(bStride).emit(Op.i32Mul).emit(Op.i32Add).set(end);
  f.get(K).i32(0).emit(Op.i32GtS).ifElse(() => {
    f.emit(Op.loop, 0x40);
    f.get(pB).simdMem(Simd.v128Load, 0).set(b0);
    f.get(pB).simdMem(Simd.v128Load, 16).set(b1);
    for (let r = 0; r < mr(); r++) {
      f.get(pA).simdMem(Simd.v128Load32Splat, byRows ? r * ROW_BYTES : r * 4).set(a);
      for (const [v, b] of [b0, b1].entries()) {
        emitMultiplyAdd(f, () => f.get(acc[2 * r + v]!), () => f.get(a), () => f.get(b));
        f.set(acc[2 * r + v]!);
      }
    }
    f.increment(pA, byRows ? 4 : mr() * 4);
    f.increment(pB, { local: bStride });
    f.get(pB).get(end).emit(Op.i32LtU, Op.brIf, 0);
    f.emit(Op.end);
  });
  for (let r = 0; r < mr(); r++) {
    f.get(pC).get(acc[2 * r]!).simdMem(Simd.v128Store, 0);
    f.get(pC).get(acc[2 * r + 1]!).simdMem(Simd.v128Store, 16);
    f.increment(pC, { local: ldc });
  }
  return f;
}

/**
 * The parameters of the block functions, which threads.ts calls per k block like gemm's parts:
 * (M, N, K, descA, descB, packA, packB, C, k0, kc, slotBytes, outerStep, 0, 0, 0, order, p0, p1).
 * `order` is unused (B is always the shared side); p0, p1 is a range of panels.
 */
export const BLOCK_PARAMS = 18;
const [M_, N_, K_, DESC_A, DESC_B, PACK_A, PACK_B, C_, K0, KCP, SLOT_BYTES, OUTER_STEP] = Array.from({ length: 12 }, (_, i) => i);
const [P0, P1] = [16, 17];

/**
 * Sets bStride (bytes per k), bBase (the block's first B panel) and bJump (bytes from a B panel
 * to the next) for the block from k0: packed (`packed` pushes where the block's panels start) or
 * in place (descriptor words K_STRIDE_WORD, AT_WORD).
 */
function placeB(f: FunctionBuilder, k0: () => void, kc: number, packed: () => void, bStride: number, bBase: number, bJump: number): void {
  f.get(DESC_B).mem(Op.i32Load, K_STRIDE_WORD * 4).set(bStride);
  f.get(bStride).ifElse(
    () => {
      f.get(DESC_B).mem(Op.i32Load, AT_WORD * 4);
      k0();
      f.get(bStride).emit(Op.i32Mul).emit(Op.i32Add).set(bBase);
      f.i32(NR * 4).set(bJump);
    },
    () => {
      packed();
      f.set(bBase);
      f.i32(NR * 4).set(bStride);
      f.get(kc).i32(NR * 4).emit(Op.i32Mul).set(bJump);
    },
  );
}

/** Function indices in the module. */
const W = { pack: 0, kernel: 1, packShared: 2, outer: 3, wgemm: 4, packSharedAll: 5, outerAll: 6, kernelRows: 7 } as const;

/**
 * The micro-kernel over one A panel (packed at `slot`) and one B panel: by k (`byRows` 0) over
 * the block's kc, or by rows over the panel's segments (see SEGMENTS), the first starting from 0
 * when the block is the first (`first`), the rest adding; a first block with no segment stores
 * a zero tile. `bPanel` and `cTile` push addresses; `seg` is four scratch locals.
 */
function multiply(f: FunctionBuilder, byRows: number, slot: number, bPanel: () => void, bStride: number, cTile: () => void, ldc: number, kc: number, first: () => void, seg: number[]): void {
  const [n, at, start, length] = seg as [number, number, number, number];
  f.get(byRows).ifElse(
    () => {
      f.get(slot).mem(Op.i32Load, segments()).set(n);
      f.get(n).emit(Op.i32Eqz).ifElse(() => {
        first();
        f.ifElse(() => {
          f.get(slot);
          bPanel();
          cTile();
          f.get(ldc).i32(0).i32(0).get(bStride).emit(Op.call, W.kernelRows);
        });
      });
      f.forRange(at, 0, { local: n }, () => {
        f.get(slot).get(at).i32(3).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.i32Load, segments() + 4).set(start);
        f.get(slot).get(at).i32(3).emit(Op.i32Shl).emit(Op.i32Add).mem(Op.i32Load, segments() + 8).set(length);
        f.get(slot).get(start).i32(2).emit(Op.i32Shl).emit(Op.i32Add);
        bPanel();
        f.get(start).get(bStride).emit(Op.i32Mul).emit(Op.i32Add);
        cTile();
        f.get(ldc).get(length);
        // add unless this is the first block's first segment
        first();
        f.emit(Op.i32Eqz).get(at).emit(Op.i32Or);
        f.get(bStride).emit(Op.call, W.kernelRows);
      });
    },
    () => {
      f.get(slot);
      bPanel();
      cTile();
      f.get(ldc).get(kc);
      first();
      f.emit(Op.i32Eqz).get(bStride).emit(Op.call, W.kernel);
    },
  );
}

/** packShared(block params): B's column panels [p0, p1) of the block k0 .. k0 + kc, packed at packB + jb kc NR floats. */
function packSharedFunction(): FunctionBuilder {
  const f = new FunctionBuilder(Array(BLOCK_PARAMS).fill('i32'));
  const jb = f.local('i32');
  f.forRange(jb, { local: P0 }, { local: P1 }, () => {
    f.get(DESC_B).get(jb).i32(NR).emit(Op.i32Mul).i32(NR).get(N_).get(K0).get(KCP);
    f.get(PACK_B).get(jb).get(KCP).emit(Op.i32Mul).i32(NR * 4).emit(Op.i32Mul).emit(Op.i32Add);
    f.emit(Op.call, W.pack);
  });
  return f;
}

/** The locals of a chunk of A's panels (outer, outerAll), set by chunkLocals. */
interface ChunkLocals {
  np: number;
  ldc: number;
  slot: number;
  byRows: number;
  ib: number;
  jb: number;
  bStride: number;
  bBase: number;
  bJump: number;
  seg: number[];
}

/** np, C's row stride, this chunk's A slot (packA + (p0 / outerStep) slotBytes: chunks never share one), A's layout. */
function chunkLocals(f: FunctionBuilder): ChunkLocals {
  const [np, ldc, slot, byRows, ib, jb, bStride, bBase, bJump] = Array.from({ length: 9 }, () => f.local('i32'));
  const seg = Array.from({ length: 4 }, () => f.local('i32'));
  f.get(DESC_A).mem(Op.i32Load, ROWS_WORD * 4).set(byRows);
  f.get(N_).i32(NR - 1).emit(Op.i32Add).i32(NR).emit(Op.i32DivU).set(np);
  f.get(np).i32(NR * 4).emit(Op.i32Mul).set(ldc);
  f.get(PACK_A).get(P0).get(OUTER_STEP).emit(Op.i32DivU).get(SLOT_BYTES).emit(Op.i32Mul).emit(Op.i32Add).set(slot);
  return { np, ldc, slot, byRows, ib, jb, bStride, bBase, bJump, seg };
}

/** A's panels [p0, p1) of the block from k0 (kc deep; both locals), each packed into the slot and multiplied with every B panel (placeB set first). */
function blockPanels(f: FunctionBuilder, l: ChunkLocals, k0: number, kc: number): void {
  f.forRange(l.ib, { local: P0 }, { local: P1 }, () => {
    f.get(DESC_A).get(l.ib).i32(mr()).emit(Op.i32Mul).i32(mr()).get(M_).get(k0).get(kc).get(l.slot).emit(Op.call, W.pack);
    f.forRange(l.jb, 0, { local: l.np }, () =>
      multiply(
        f,
        l.byRows,
        l.slot,
        () => f.get(l.bBase).get(l.jb).get(l.bJump).emit(Op.i32Mul).emit(Op.i32Add),
        l.bStride,
        () => f.get(C_).get(l.ib).i32(mr()).emit(Op.i32Mul).get(l.ldc).emit(Op.i32Mul).emit(Op.i32Add).get(l.jb).i32(NR * 4).emit(Op.i32Mul).emit(Op.i32Add),
        l.ldc,
        kc,
        () => f.get(k0).emit(Op.i32Eqz),
        l.seg,
      ),
    );
  });
}

/** outer(block params): A's row panels [p0, p1) of the block k0 .. k0 + kc, multiplied with every B panel packShared packed. */
function outerFunction(): FunctionBuilder {
  const f = new FunctionBuilder(Array(BLOCK_PARAMS).fill('i32'));
  const l = chunkLocals(f);
  placeB(f, () => f.get(K0), KCP, () => f.get(PACK_B), l.bStride, l.bBase, l.bJump);
  blockPanels(f, l, K0, KCP);
  return f;
}

/** For each k block, k0 = 0, KC, ... below K, kc = min(KC, K - k0) (locals): body. */
function eachBlock(f: FunctionBuilder, k0: number, kc: number, body: () => void): void {
  f.i32(0).set(k0);
  f.emit(Op.block, 0x40, Op.loop, 0x40);
  f.get(K_).get(k0).emit(Op.i32Sub).set(kc);
  f.get(kc).i32(KC).emit(Op.i32GtS).ifElse(() => f.i32(KC).set(kc));
  body();
  f.increment(k0, KC);
  f.get(k0).get(K_).emit(Op.i32LtS).emit(Op.brIf, 0);
  f.emit(Op.end, Op.end);
}

/** Bytes from packB to block k0's packed B, when every block is packed at once (packSharedAll): the blocks before it are KC deep. */
function blockBase(f: FunctionBuilder, k0: number, np: number, into: number): void {
  f.get(PACK_B).get(k0).get(np).emit(Op.i32Mul).i32(NR * 4).emit(Op.i32Mul).emit(Op.i32Add).set(into);
}

/**
 * packSharedAll(block params): B's panels of every k block, numbered block-major (panel p is
 * column panel p % np of block p / np), panels [p0, p1) of them; block k0's panels at
 * packB + k0 np NR floats. Together with outerAll, a split product is one job instead of one per
 * k block (threads.ts): every B panel is packed before any A panel is multiplied.
 */
function packSharedAllFunction(): FunctionBuilder {
  const f = new FunctionBuilder(Array(BLOCK_PARAMS).fill('i32'));
  const [p, np, jb, k0, kc, base] = Array.from({ length: 6 }, () => f.local('i32'));
  f.get(N_).i32(NR - 1).emit(Op.i32Add).i32(NR).emit(Op.i32DivU).set(np);
  f.forRange(p, { local: P0 }, { local: P1 }, () => {
    f.get(p).get(np).emit(Op.i32RemU).set(jb);
    f.get(p).get(np).emit(Op.i32DivU).i32(KC).emit(Op.i32Mul).set(k0);
    f.get(K_).get(k0).emit(Op.i32Sub).set(kc);
    f.get(kc).i32(KC).emit(Op.i32GtS).ifElse(() => f.i32(KC).set(kc));
    blockBase(f, k0, np, base);
    f.get(DESC_B).get(jb).i32(NR).emit(Op.i32Mul).i32(NR).get(N_).get(k0).get(kc);
    f.get(base).get(jb).get(kc).emit(Op.i32Mul).i32(NR * 4).emit(Op.i32Mul).emit(Op.i32Add);
    f.emit(Op.call, W.pack);
  });
  return f;
}

/**
 * outerAll(block params): A's row panels [p0, p1) over every k block in order (the B panels
 * packSharedAll packed), each panel of a block packed into this chunk's slot and multiplied with
 * every B panel of the block; per element of C the same sums in the same order as wgemm's.
 */
function outerAllFunction(): FunctionBuilder {
  const f = new FunctionBuilder(Array(BLOCK_PARAMS).fill('i32'));
  const l = chunkLocals(f);
  const [k0, kc, base] = Array.from({ length: 3 }, () => f.local('i32'));
  eachBlock(f, k0, kc, () => {
    blockBase(f, k0, l.np, base);
    placeB(f, () => f.get(k0), kc, () => f.get(base), l.bStride, l.bBase, l.bJump);
    blockPanels(f, l, k0, kc);
  });
  return f;
}

/**
 * wgemm(M, N, K, descA, descB, packA, packB, C): C[i][j] (row stride tileLdc(N) floats) =
 * sum_k a[i][k] b[k][j] for i < M rounded up to MR and j < N rounded up to NR. A's x is i and
 * y is k; B's x is j and y is k. On one thread: per k block, every B panel, then every A panel.
 */
function wgemmFunction(): FunctionBuilder {
  const f = new FunctionBuilder(Array(8).fill('i32'));
  const [mp, np, k0, kc] = Array.from({ length: 4 }, () => f.local('i32'));
  f.get(M_).i32(mr() - 1).emit(Op.i32Add).i32(mr()).emit(Op.i32DivU).set(mp);
  f.get(N_).i32(NR - 1).emit(Op.i32Add).i32(NR).emit(Op.i32DivU).set(np);
  /** A block function over panels [0, panels): one chunk, slot 0. */
  const block = (fn: number, panels: number) => {
    for (const param of [M_, N_, K_, DESC_A, DESC_B, PACK_A, PACK_B, C_]) f.get(param);
    f.get(k0).get(kc).i32(0).get(panels).i32(0).i32(0).i32(0).i32(0).i32(0).get(panels).emit(Op.call, fn);
  };
  eachBlock(f, k0, kc, () => {
    block(W.packShared, np);
    block(W.outer, mp);
  });
  return f;
}

export type WgemmFn = (M: number, N: number, K: number, descA: number, descB: number, packA: number, packB: number, C: number) => void;

/** A block function (packShared, outer): the 18 block parameters (BLOCK_PARAMS). */
export type WgemmBlockFn = (...args: number[]) => void;

export interface WgemmExports {
  wgemm: WgemmFn;
  packShared: WgemmBlockFn;
  outer: WgemmBlockFn;
  packSharedAll: WgemmBlockFn;
  outerAll: WgemmBlockFn;
}

const compiled: { plain: WasmModule | null; shared: WasmModule | null } = { plain: null, shared: null };

export function wgemmModuleBytes(memory: Omit<MemoryImport, 'module' | 'name'> = { minimum: 1 }): Uint8Array {
  return encodeModule({ module: 'env', name: 'memory', ...memory }, [
    { name: 'pack', body: packFunction() },
    { name: 'kernel', body: kernelFunction(false) },
    { name: 'packShared', body: packSharedFunction() },
    { name: 'outer', body: outerFunction() },
    { name: 'wgemm', body: wgemmFunction() },
    { name: 'packSharedAll', body: packSharedAllFunction() },
    { name: 'outerAll', body: outerAllFunction() },
    { name: 'kernelRows', body: kernelFunction(true) },
  ]);
}

/** The windowed gemm's module (`shared`: for a shared memory, the interpreter's threads), compiled once per process. */
export function wgemmModule(shared: boolean): WasmModule {
  if (shared) return (compiled.shared ??= new wasm.Module(wgemmModuleBytes({ minimum: 1, maximum: SHARED_MAXIMUM_PAGES, shared: true })));
  return (compiled.plain ??= new wasm.Module(wgemmModuleBytes()));
}

/** The windowed gemm's functions over `memory`. */
export function instantiateWgemm(memory: WasmMemory, shared = false): WgemmExports {
  return new wasm.Instance(wgemmModule(shared), { env: { memory } }).exports as unknown as WgemmExports;
}
