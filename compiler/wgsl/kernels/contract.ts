// Contraction kernels. In matrix form (compiler/plan/matrix-form.ts) a tiled product: a TxT tile of
// the output per workgroup, slices of A and B staged in workgroup memory; each operand element is
// found through its view from (m, k) or (k, n), so a convolution's window (masked at the padding)
// runs in the same tiles as a Dense layer (implicit GEMM, no im2col buffer). Other contractions
// take one invocation per output element. Every output sums its inner indices in row-major order,
// as the CPU does.
import type { Dim } from '../../graph/shape.js';
import type { ContractKernel, Operand } from '../../plan/ir.js';
import { orientedMatrixForm, dimsProduct, type MatrixForm } from '../../plan/matrix-form.js';
import { add, and, arrayOf, div, f32, lit, lt, mod, mul, type Block, type Expr } from '../builder.js';
import { spread, stepValues, type BodyEmitter, type StepValues } from '../body.js';
import { workgroupWidth, type EmitLimits } from '../limits.js';
import { passesOver } from '../loops.js';
import type { MemoryPlan } from '../memory.js';
import { ONE, type DispatchDim, type Member, type MemberBody, type ModuleContext } from '../module.js';

/** Output tile side of a tiled contraction: 16 (one output per invocation), 32 or 64 (2x2 or 4x4 in registers). */
export type MatmulTile = 16 | 32 | 64;

export interface TileChoice {
  /** Force the tile side (benchmarks, tests). */
  tile: MatmulTile | undefined;
  /** Workgroups a contraction should spread over to keep the device busy (see EmitOptions). */
  minWorkgroups: number;
}

/** The element of an operand at (x, k): x over its output axes, k over the inner axes. */
function operandAt(e: BodyEmitter, ctx: ModuleContext, b: Block, o: Operand, rank: number, xAxes: number[], xSizes: Dim[], x: Expr, kAxes: number[], kSizes: Dim[], k: Expr, v: StepValues): Expr {
  const idx = Array.from({ length: rank }, () => lit.u32(0));
  spread(b, x, xAxes, xSizes, idx, 'x');
  spread(b, k, kAxes, kSizes, idx, 'k');
  return e.load(ctx, o.buf, o.view, idx, v);
}

/**
 * True when an operand's storage runs along x (its output side) rather than k: an output index is
 * read by a more inner coordinate than any inner index (a transposed operand). Its slices are then
 * loaded down x, so that neighbouring invocations read neighbouring addresses.
 */
function runsAlongX(o: Operand, outputRank: number): boolean {
  const position = (inner: boolean) => {
    let at = -1;
    o.view.coords.forEach((c, d) => {
      if (c.terms.some(([a, coef]) => coef !== 0 && a >= outputRank === inner)) at = d;
    });
    return at;
  };
  return position(false) > position(true);
}

/**
 * A TxT tile of the output per workgroup of WxW invocations (T = W * R), each computing an RxR
 * block in registers from TxTK slices of A and B staged in workgroup memory. R = 2 or 4 loads R
 * times less from workgroup memory per multiply-add than one output per invocation (R = 1); a
 * long k slice (TK = 4W for R = 1) means fewer barriers per multiply-add.
 */
function tiled(e: BodyEmitter, ctx: ModuleContext, name: string, k: ContractKernel, form: MatrixForm, W: number, R: number, TK: number): Member {
  const T = W * R; // output tile side
  const tileA = ctx.m.workgroupVar(ctx.prefix + 'tile_a', arrayOf(f32, T * TK)); // [T rows][TK]
  const tileB = ctx.m.workgroupVar(ctx.prefix + 'tile_b', arrayOf(f32, TK * T)); // [TK][T cols]
  const colTiles = Math.ceil(form.N / T);
  const rank = k.space.length + k.inner.length;
  const nSizes = form.nAxes.map((x) => k.space[x]!);
  const aAlongRows = runsAlongX(k.a, k.space.length);
  const bAlongCols = runsAlongX(k.b, k.space.length);
  const body: MemberBody = (b, { wid, lid, nwg }) => {
    const v = stepValues(ctx, b);
    const M = b.let('m', e.count(form.mSizes, v));
    const K = b.let('k_len', e.count(form.kSizes, v));
    const N = lit.u32(form.N);
    // tiles from the flat workgroup index: the runtime splits a long x over y (maxComputeWorkgroupsPerDimension)
    const tile = b.let('tile', add(mul(wid.y, nwg.x), wid.x));
    const row0 = b.let('row0', mul(div(tile, lit.u32(colTiles)), lit.u32(T)));
    const col0 = b.let('col0', mul(mod(tile, lit.u32(colTiles)), lit.u32(T)));
    const flat = b.let('flat', add(mul(lid.y, lit.u32(W)), lid.x));
    // the output row (column) of this invocation's r-th row (column) in the tile
    const own = (l: Expr, r: number) => (R === 1 ? l : add(mul(l, lit.u32(R)), lit.u32(r)));
    const acc: Expr[][] = [];
    for (let r = 0; r < R; r++) {
      acc.push([]);
      for (let c = 0; c < R; c++) acc[r]!.push(b.var(R === 1 ? 'acc' : `acc${r}${c}`, lit.f32(0)));
    }
    e.loops.for(b, passesOver(form.kSizes, TK), 't0', lit.u32(0), K, (b, t0) => {
      for (let q = 0; q < (T * TK) / (W * W); q++) {
        const x = b.let('e', add(flat, lit.u32(q * W * W)));
        // A's slice, element (ar, ak) at tile_a[ar * TK + ak]
        const [ar, ak] = aAlongRows ? [b.let('ar', mod(x, lit.u32(T))), b.let('ak', div(x, lit.u32(T)))] : [b.let('ar', div(x, lit.u32(TK))), b.let('ak', mod(x, lit.u32(TK)))];
        const ai = b.let('ai', add(row0, ar));
        const aka = b.let('aka', add(t0, ak));
        const a = b.var('a', lit.f32(0));
        b.if(and(lt(ai, M), lt(aka, K)), (b) => b.assign(a, operandAt(e, ctx, b, k.a, rank, form.mAxes, form.mSizes, ai, form.kAxes, form.kSizes, aka, v)));
        b.assign(tileA.at(add(mul(ar, lit.u32(TK)), ak)), a);
        // B's slice, element (bk, bc) at tile_b[bk * T + bc]
        const [bk, bc] = bAlongCols ? [b.let('bk', div(x, lit.u32(T))), b.let('bc', mod(x, lit.u32(T)))] : [b.let('bk', mod(x, lit.u32(TK))), b.let('bc', div(x, lit.u32(TK)))];
        const bj = b.let('bj', add(col0, bc));
        const bka = b.let('bka', add(t0, bk));
        const bv = b.var('bv', lit.f32(0));
        b.if(and(lt(bka, K), lt(bj, N)), (b) => b.assign(bv, operandAt(e, ctx, b, k.b, rank, form.nAxes, nSizes, bj, form.kAxes, form.kSizes, bka, v)));
        b.assign(tileB.at(add(mul(bk, lit.u32(T)), bc)), bv);
      }
      b.workgroupBarrier();
      e.loops.for(b, passesOver([TK], 1), 'kk', lit.u32(0), lit.u32(TK), (b, kk) => {
        const as = Array.from({ length: R }, (_, r) => b.let(`a${r}`, tileA.at(add(mul(own(lid.y, r), lit.u32(TK)), kk))));
        const bs = Array.from({ length: R }, (_, c) => b.let(`b${c}`, tileB.at(add(mul(kk, lit.u32(T)), own(lid.x, c)))));
        for (let r = 0; r < R; r++) for (let c = 0; c < R; c++) b.update(acc[r]![c]!, '+=', mul(as[r]!, bs[c]!));
      });
      b.workgroupBarrier();
    }, lit.u32(TK));
    for (let r = 0; r < R; r++) {
      for (let c = 0; c < R; c++) {
        const i = b.let('i', add(row0, own(lid.y, r)));
        const j = b.let('j', add(col0, own(lid.x, c)));
        b.if(and(lt(i, M), lt(j, N)), (b) => {
          const idx = k.space.map(() => lit.u32(0));
          spread(b, i, form.mAxes, form.mSizes, idx, 'm');
          spread(b, j, form.nAxes, nSizes, idx, 'n');
          e.body(ctx, b, k.epilogue, { idx, space: k.space, lets: new Map(), accs: [acc[r]![c]!] }, v);
        });
      }
    }
  };
  const x: DispatchDim = { perRow: 0, fixed: form.N, per: T };
  const mFixed = form.mSizes.reduce<number>((n, d) => n * (typeof d === 'number' ? d : 1), 1);
  const y: DispatchDim = form.mSizes.includes('B') ? { perRow: mFixed, fixed: 0, per: T } : { perRow: 0, fixed: mFixed, per: T };
  return { name, size: [W, W, 1], dispatch: { x, y }, kernel: k, body };
}

/** The tile side of invocations: 16 where the device allows 256 invocations, else smaller. */
function tileWidth(limits: EmitLimits): number {
  let t = 16;
  while (t > 1 && (t * t > limits.maxComputeInvocationsPerWorkgroup || t > limits.maxComputeWorkgroupSizeX || t > limits.maxComputeWorkgroupSizeY)) t >>= 1;
  return t;
}

/**
 * The output tile: the largest of 64, 32 and 16 whose sides the output fills and that still gives
 * `minWorkgroups` workgroups at the largest batch (16 otherwise).
 */
function tileSide(form: MatrixForm, memory: MemoryPlan, limits: EmitLimits, choice: TileChoice): MatmulTile {
  const rows = dimsProduct(form.mSizes, memory.maxRows);
  const registers = limits.maxComputeInvocationsPerWorkgroup >= 256 && limits.maxComputeWorkgroupSizeX >= 16 && limits.maxComputeWorkgroupSizeY >= 16 && limits.maxComputeWorkgroupStorageSize >= 8192;
  if (!registers) return 16;
  if (choice.tile) return choice.tile;
  for (const t of [64, 32] as const) {
    if (rows >= t && form.N >= t && Math.ceil(rows / t) * Math.ceil(form.N / t) >= choice.minWorkgroups) return t;
  }
  return 16;
}

/** A contraction as its own dispatch. */
export function contractMember(e: BodyEmitter, ctx: ModuleContext, limits: EmitLimits, choice: TileChoice, name: string, kernel: ContractKernel): Member {
  // a weight gradient reads its output's first axes through the second operand: the operands swap roles
  const oriented = orientedMatrixForm(kernel);
  if (!oriented) return perElement(e, ctx, limits, name, kernel);
  const { form, k } = oriented;
  const tile = tileSide(form, e.memory, limits, choice);
  if (tile !== 16) return { ...tiled(e, ctx, name, k, form, 16, tile / 16, 16), kernel };
  // one output per invocation, W = 16 where the device allows 256 invocations (else smaller)
  const W = tileWidth(limits);
  const inner = dimsProduct(form.kSizes, 1);
  const slices = form.kSizes.includes('B') ? 4 : Math.min(4, Math.ceil(inner / W)); // no longer than k
  return { ...tiled(e, ctx, name, k, form, W, 1, slices * W), kernel };
}

/** Sums over the inner indices of one output element (row-major), then the epilogue there. */
function sumAt(e: BodyEmitter, ctx: ModuleContext, b: Block, k: ContractKernel, out: Expr[], v: StepValues): void {
  const acc = b.var('acc', lit.f32(0));
  const innerAxes = k.inner.map((_, n) => k.space.length + n);
  e.loops.for(b, passesOver(k.inner, 1), 'k', lit.u32(0), e.count(k.inner, v), (b, kk) => {
    const idx = [...out, ...k.inner.map(() => lit.u32(0))];
    spread(b, kk, innerAxes.filter((x) => k.inner[x - k.space.length] !== 1), k.inner.filter((d) => d !== 1), idx, 'k');
    b.update(acc, '+=', mul(e.load(ctx, k.a.buf, k.a.view, idx, v), e.load(ctx, k.b.buf, k.b.view, idx, v)));
  });
  e.body(ctx, b, k.epilogue, { idx: out, space: k.space, lets: new Map(), accs: [acc] }, v);
}

/** Any contraction: one invocation per output element. */
function perElement(e: BodyEmitter, ctx: ModuleContext, limits: EmitLimits, name: string, k: ContractKernel): Member {
  const width = Math.min(64, workgroupWidth(limits));
  const body: MemberBody = (b, { wid, lid, nwg }) => {
    const v = stepValues(ctx, b);
    const id = b.let('id', add(mul(add(mul(wid.y, nwg.x), wid.x), lit.u32(width)), lid.x));
    b.if(lt(id, e.count(k.space, v)), (b) => sumAt(e, ctx, b, k, e.coords(b, id, k.space), v));
  };
  const fixed = k.space.reduce<number>((n, d) => n * (typeof d === 'number' ? d : 1), 1);
  const x: DispatchDim = k.space[0] === 'B' ? { perRow: fixed, fixed: 0, per: width } : { perRow: 0, fixed, per: width };
  return { name, size: [width, 1, 1], dispatch: { x, y: ONE }, kernel: k, body };
}

/** A contraction as a phase of the single-workgroup shader: invocation t does outputs t, t + width, ... */
export function contractPhase(e: BodyEmitter, ctx: ModuleContext, b: Block, k: ContractKernel, v: StepValues, t: Expr, width: number): void {
  e.loops.for(b, passesOver(k.space, width), 'e', t, e.count(k.space, v), (b, x) => sumAt(e, ctx, b, k, e.coords(b, x, k.space, v), v), lit.u32(width));
}

