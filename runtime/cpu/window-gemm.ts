// Contractions whose operands are read through windows (a convolution and its gradients) as a
// matrix product in WebAssembly (wasm/wgemm.ts): C[M, N] = A[M, K] B[K, N] where each operand's
// address is a sum of a part from its row index (M for A, N for B) and a part from k, looked up in
// tables built here from the plan's views (and the step's rows and permutation), with the masked
// coordinates (padding) checked per element. The summation order is the gemm's: k in row-major
// order of the inner axes, one at a time, in float32: the same as the GPU's and the JavaScript
// contraction's, so results are identical bits.
import { contiguousStrides, resolveDim, type Dim } from '../../compiler/graph/shape.js';
import { LOOP_AXIS } from '../../compiler/graph/index-map.js';
import type { ContractKernel, Operand } from '../../compiler/plan/ir.js';
import { orientedMatrixForm } from '../../compiler/plan/matrix-form.js';
import type { GemmForm } from './gemm-form.js';
import { mr, NR, tileLdc } from './wasm/gemm.js';
import { DESCRIPTOR_WORDS, KC, windowSlotBytes } from './wasm/wgemm.js';
import type { KernelContext } from './codegen.js';

/** One operand: for each of its coordinates, the part per row axis and per k axis, and whether it is masked. */
interface OperandPlan {
  buf: number;
  /** Elements per unit of each coordinate (row-major strides of the view's shape). */
  strides: number[];
  /** coordinate d = bias[d] + sum over row axes coef + sum over k axes coef. */
  coords: Array<{ x: Array<[number, number]>; y: Array<[number, number]>; bias: number; masked: boolean; size: number }>;
  /** The coordinate read through the permutation (the dataset's rows), or -1; its axis is x or y (`gatherOn`). */
  gather: number;
  gatherOn: 'x' | 'y';
  masked: number[];
}

export interface WindowForm {
  gemm: GemmForm;
  /** Iteration axes of each side: M (A's rows), N (B's columns), K. */
  mAxes: number[];
  nAxes: number[];
  kAxes: number[];
  sizes: Dim[];
  a: OperandPlan;
  b: OperandPlan;
}

function code(dims: Dim[]): string {
  const fixed = dims.reduce<number>((n, d) => n * (typeof d === 'number' ? d : 1), 1);
  return dims.some((d) => d === 'B') ? (fixed === 1 ? 'rows' : `rows * ${fixed}`) : String(fixed);
}

/** An operand whose every coordinate splits into a row part and a k part (no divisions, at most two masks). */
function planOperand(op: Operand, rowAxes: number[], kAxes: number[]): OperandPlan | null {
  const view = op.view;
  if (view.rows === 'window') return null;
  const strides = contiguousStrides(view.shape);
  const coords: OperandPlan['coords'] = [];
  let gather = -1;
  let gatherOn: 'x' | 'y' = 'x';
  for (const [d, c] of view.coords.entries()) {
    if ((c.div ?? 1) !== 1) return null;
    const x: Array<[number, number]> = [];
    const y: Array<[number, number]> = [];
    for (const [axis, coef] of c.terms) {
      if (axis === LOOP_AXIS) return null; // a loop's step: not in the tables
      if (rowAxes.includes(axis)) x.push([axis, coef]);
      else if (kAxes.includes(axis)) y.push([axis, coef]);
      // any other axis has size 1: its index is 0
    }
    const size = view.shape[d]!;
    if (d === 0 && view.rows === 'gather') {
      // the dataset's row: read at one index, through the permutation
      if (c.masked || c.bias !== 0 || x.length + y.length !== 1 || (x[0] ?? y[0])![1] !== 1) return null;
      gather = d;
      gatherOn = x.length ? 'x' : 'y';
    }
    coords.push({ x, y, bias: c.bias, masked: !!c.masked, size: typeof size === 'number' ? size : 0 });
  }
  const masked = coords.flatMap((c, d) => (c.masked ? [d] : []));
  if (masked.length > 2) return null;
  return { buf: op.buf, strides, coords, gather, gatherOn, masked };
}

/**
 * The windowed form of a contraction in matrix form, or null (batched products, divided
 * coordinates, more than two masks); the operands in their matrix roles (orientedMatrixForm).
 */
export function windowForm(kernel: ContractKernel): WindowForm | null {
  const oriented = orientedMatrixForm(kernel);
  if (!oriented) return null;
  const { form, k } = oriented;
  const sizes: Dim[] = [...k.space, ...k.inner];
  const a = planOperand(k.a, form.mAxes, form.kAxes);
  const b = planOperand(k.b, form.nAxes, form.kAxes);
  if (!a || !b) return null;
  const { mAxes, nAxes, kAxes, mSizes, kSizes, N } = form;
  const mDim: Dim = mSizes.length === 1 ? mSizes[0]! : mSizes.some((d) => d === 'B') ? 'B' : mSizes.reduce<number>((n, d) => n * (d as number), 1);
  const unused = { sX: 0, sY: 0, mode: 0 as const, offset: 0, loopStride: 0 };
  const gemm: GemmForm = { mAxes, nAxes, M: code(mSizes), mDim, N, K: code(kSizes), mSizes, kSizes, a: unused, b: unused };
  return { gemm, mAxes, nAxes, kAxes, sizes, a, b };
}

/** Rows of each side at `rows` rows: M, N, K. */
function sideSizes(w: WindowForm, rows: number): { M: number; N: number; K: number } {
  const product = (axes: number[]) => axes.reduce((n, x) => n * resolveDim(w.sizes[x]!, rows), 1);
  return { M: product(w.mAxes), N: product(w.nAxes), K: product(w.kAxes) };
}

function tableFloats(o: OperandPlan, X: number, K: number): number {
  return (X + K) * (1 + (o.masked.length ? 2 : 0)) + K;
}

/**
 * Floats of scratch a windowed contraction needs at `rows` rows (descriptors and tables count in
 * packA, then `slots` A panels: one per chunk of a product split across threads).
 */
export function windowScratchFloats(w: WindowForm, rows: number, slots = 1): { packA: number; packB: number; c: number } {
  const { M, N, K } = sideSizes(w, rows);
  // one k block's B panels on one thread; a split product packs every block's first (threads.ts)
  const depth = slots > 1 ? Math.max(K, 1) : Math.min(KC, Math.max(K, 1));
  const mp = Math.ceil(M / mr()) * mr();
  return {
    packA: 2 * DESCRIPTOR_WORDS + tableFloats(w.a, M, K) + tableFloats(w.b, N, K) + 4 + (slots * windowSlotBytes()) / 4 + 16,
    packB: Math.ceil(N / NR) * NR * depth,
    c: mp * tileLdc(N),
  };
}

/**
 * Fills `out[start ..]` with sum over `axes` (row-major over their sizes) of coef * index, plus
 * `base`: one value per index of the axes, as a table. `gather`: an axis whose index goes through
 * perm[offset + index] (times `stride`) instead. Built one axis at a time, from the back in place
 * (entry i of the axes so far becomes entries i size .. i size + size - 1), so each entry costs
 * one add: the tables of a large batch are rebuilt every step.
 */
function fill(out: Int32Array, start: number, axes: number[], sizes: number[], coef: (axis: number) => number, base: number, gather: { axis: number; perm: Uint32Array; offset: number; stride: number } | null): void {
  out[start] = base;
  let n = 1;
  const steps = new Int32Array(Math.max(1, ...sizes));
  for (let t = 0; t < axes.length; t++) {
    const size = sizes[t]!;
    if (gather && axes[t] === gather.axis) for (let j = 0; j < size; j++) steps[j] = gather.perm[gather.offset + j]! * gather.stride;
    else {
      const c = coef(axes[t]!);
      for (let j = 0; j < size; j++) steps[j] = c * j;
    }
    for (let i = n - 1; i >= 0; i--) {
      const v = out[start + i]!;
      const at = start + i * size;
      for (let j = 0; j < size; j++) out[at + j] = v + steps[j]!;
    }
    n *= size;
  }
}

/**
 * Writes an operand's descriptor and tables at `at` (in 32-bit words of the memory) for a product
 * over the row axes `xAxes` and `kAxes`; returns the next free word. `side`: A (its panels may be
 * packed by rows) or B (which may be read in place where `bInPlace`).
 */
function writeOperand(ctx: KernelContext, perm: Uint32Array, words: Int32Array, desc: number, at: number, o: OperandPlan, xAxes: number[], kAxes: number[], sizes: Dim[], rows: number, offset: number, side: 'a' | 'b', bInPlace = false): number {
  const xs = xAxes.map((x) => resolveDim(sizes[x]!, rows));
  const ks = kAxes.map((x) => resolveDim(sizes[x]!, rows));
  const X = xs.reduce((p, s) => p * s, 1);
  const K = ks.reduce((p, s) => p * s, 1);
  const byteCoef = (side: 'x' | 'y') => (axis: number) => {
    let c = 0;
    o.coords.forEach((coord, d) => {
      for (const [a, k] of coord[side]) if (a === axis) c += k * o.strides[d]! * 4;
    });
    return c;
  };
  const bias = o.coords.reduce((s, coord, d) => s + coord.bias * o.strides[d]! * 4, 0);
  const gather = (side: 'x' | 'y') =>
    o.gather >= 0 && o.gatherOn === side ? { axis: (o.coords[o.gather]![side][0]!)[0], perm, offset, stride: o.strides[o.gather]! * 4 } : null;
  const tabX = at;
  const tabY = tabX + X;
  fill(words, tabX, xAxes, xs, byteCoef('x'), 0, gather('x'));
  fill(words, tabY, kAxes, ks, byteCoef('y'), bias, gather('y'));
  let next = tabY + K;
  const maskTables: number[] = [];
  for (let m = 0; m < 2; m++) {
    const d = o.masked[m] ?? o.masked[0];
    if (d === undefined) break;
    const coord = o.coords[d]!;
    const part = (side: 'x' | 'y') => (axis: number) => coord[side].reduce((c, [a, k]) => (a === axis ? c + k : c), 0);
    const mX = next;
    const mY = mX + X;
    fill(words, mX, xAxes, xs, part('x'), 0, null);
    fill(words, mY, kAxes, ks, part('y'), coord.bias, null);
    next = mY + K;
    // a single masked coordinate is checked twice (the second check repeats the first)
    maskTables.push(mX * 4, mY * 4, coord.size);
  }
  // runs: y whose next is 4 bytes on with the same mask parts continue its run
  const runY = next;
  const masks = maskTables.length ? [maskTables[1]! >> 2, maskTables[4]! >> 2] : [];
  words[runY + K - 1] = 1;
  const [m0 = -1, m1 = -1] = masks;
  for (let y = K - 2; y >= 0; y--) {
    const joins = words[tabY + y + 1] === words[tabY + y]! + 4 && (m0 < 0 || words[m0 + y + 1] === words[m0 + y]) && (m1 < 0 || words[m1 + y + 1] === words[m1 + y]);
    words[runY + y] = joins ? words[runY + y + 1]! + 1 : 1;
  }
  next = runY + K;
  const layout = side === 'a' && packByRows(words, tabX, X, runY, K) ? 1 : 0;
  const kStride = side === 'a' || !bInPlace || o.masked.length || o.gather >= 0 ? 0 : plainStride(words, tabX, X, tabY, K);
  if (side === 'a') aPanelsPacked[layout ? 'byRows' : 'byK']++;
  else bPanelsPacked[kStride ? 'inPlace' : 'packed']++;
  const origin = kStride ? ctx.addr[o.buf]! + words[tabX]! + words[tabY]! : 0;
  words.set([ctx.addr[o.buf]!, tabX * 4, tabY * 4, o.masked.length ? 1 : 0, ...(maskTables.length ? maskTables : [0, 0, 0, 0, 0, 0]), runY * 4, layout, kStride, origin], desc);
  return next;
}

/** At most this many A panels read B in place (more: packing it once costs less than their strided reads). */
const B_IN_PLACE_PANELS = 4;

/** Windowed products run so far in this process, by whether B was read in place (for tests). */
export const bPanelsPacked = { inPlace: 0, packed: 0 };

/**
 * B's bytes per k when it is a plain matrix the micro-kernel can read where it is: X a multiple
 * of NR columns 4 bytes apart, k at a constant positive stride (a convolution's output gradient,
 * channels last); else 0 (packed).
 */
function plainStride(words: Int32Array, tabX: number, X: number, tabY: number, K: number): number {
  if (X % NR !== 0 || K < 2) return 0;
  for (let x = 1; x < X; x++) if (words[tabX + x] !== words[tabX]! + 4 * x) return 0;
  const stride = words[tabY + 1]! - words[tabY]!;
  if (stride <= 0) return 0;
  for (let y = 2; y < K; y++) if (words[tabY + y] !== words[tabY]! + stride * y) return 0;
  return stride;
}

/** Windowed products run so far in this process, by how their A panels were packed (for tests). */
export const aPanelsPacked = { byRows: 0, byK: 0 };

/**
 * Whether A's panels are better packed row by row (wgemm.ts): when few of them are MR rows 4
 * bytes apart (which k-major packing copies as a vector per k) and its runs along k are long
 * (a convolution's channels: vectors along each row instead of one float at a time).
 */
function packByRows(words: Int32Array, tabX: number, X: number, runY: number, K: number): boolean {
  let runs = 0;
  for (let y = 0; y < K; y += words[runY + y]!) runs++;
  if (K < 4 * runs) return false;
  let contiguous = 0;
  let panels = 0;
  const MR = mr();
  for (let x0 = 0; x0 + MR <= X; x0 += MR, panels++) {
    let l = 1;
    while (l < MR && words[tabX + x0 + l] === words[tabX + x0]! + 4 * l) l++;
    if (l === MR) contiguous++;
  }
  return 2 * contiguous < panels;
}

/** Runs the product of a windowed contraction into ctx.c (the epilogue then reads it). */
export function runWindowGemm(w: WindowForm, ctx: KernelContext, perm: Uint32Array, rows: number, offset: number): void {
  const words = new Int32Array(ctx.f32.buffer);
  const { M, N, K } = sideSizes(w, rows);
  const descA = ctx.packA >>> 2;
  const descB = descA + DESCRIPTOR_WORDS;
  let next = writeOperand(ctx, perm, words, descA, descB + DESCRIPTOR_WORDS, w.a, w.mAxes, w.kAxes, w.sizes, rows, offset, 'a');
  // B read in place only when few A panels read it: each reads it whole, at its stride (a
  // weight gradient over a long k: the first convolution's 9 rows); else packed once, contiguous
  next = writeOperand(ctx, perm, words, descB, next, w.b, w.nAxes, w.kAxes, w.sizes, rows, offset, 'b', Math.ceil(M / mr()) <= B_IN_PLACE_PANELS);
  const panel = Math.ceil((next * 4) / 16) * 16;
  ctx.wgemm(M, N, K, descA * 4, descB * 4, panel, ctx.packB, ctx.c);
}
