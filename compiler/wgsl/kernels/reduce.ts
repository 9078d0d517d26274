// What the three reduction kernels share: which one a reduction takes, the indices of an input
// element from (result, reduced element) numbers, and how one element is accumulated.
import { reducedShape, type Dim } from '../../graph/shape.js';
import type { ReduceKernel } from '../../plan/ir.js';
import { cast, f32, gt, lit, max, type Block, type Expr } from '../builder.js';
import { F32_MAX, safe, spread, type BodyEmitter, type Place, type StepValues } from '../body.js';
import type { ModuleContext } from '../module.js';

/**
 * all: one result, a tree over a workgroup. line: one invocation per result, walking its reduced
 * elements (the reduced axes are the innermost, as a row's softmax statistics, or an argmax).
 * columns: several invocations per result, then a tree (a bias gradient down the batch, the
 * batch statistics of a channel).
 */
export type ReductionKind = 'all' | 'line' | 'columns';

export function reductionKind(k: ReduceKernel): ReductionKind {
  const { kept, reduced } = reductionAxes(k);
  if (kept.length === 0) return 'all';
  if (k.reductions.some((r) => r.op === 'argmax')) return 'line';
  return reduced.every((a) => a > kept.at(-1)!) ? 'line' : 'columns';
}

/** The axes of size above 1 that each result spans (kept) and that are summed (reduced). */
export function reductionAxes(k: ReduceKernel): { kept: number[]; reduced: number[] } {
  const axes = k.space.map((_, a) => a).filter((a) => k.space[a] !== 1);
  return { kept: axes.filter((a) => !k.axes.includes(a)), reduced: axes.filter((a) => k.axes.includes(a)) };
}

export function sizes(k: ReduceKernel, axes: number[]): Dim[] {
  return axes.map((a) => k.space[a]!);
}

/** The input element of result `o` and reduced element `r`. */
export function inputPlace(b: Block, k: ReduceKernel, o: Expr, r: Expr): Place {
  const { kept, reduced } = reductionAxes(k);
  const idx = k.space.map(() => lit.u32(0));
  spread(b, o, kept, sizes(k, kept), idx, 'o');
  spread(b, r, reduced, sizes(k, reduced), idx, 'r');
  return { idx, space: k.space, lets: new Map(), accs: [] };
}

/** Result `o`'s place in the output space (the reduced axes at 0), with the reductions' values. */
export function outputPlace(b: Block, k: ReduceKernel, o: Expr, accs: Expr[]): Place {
  const { kept } = reductionAxes(k);
  const idx = k.space.map(() => lit.u32(0));
  spread(b, o, kept, sizes(k, kept), idx, 'o');
  return { idx, space: reducedShape(k.space, k.axes), lets: new Map(), accs };
}

/** Accumulators, with each reduction's starting value (sum 0, max the lowest f32, argmax index 0). */
export function accumulators(b: Block, k: ReduceKernel): { accs: Expr[]; best: Array<Expr | null> } {
  const accs = k.reductions.map((r, n) => b.var(`acc${n}`, lit.f32(r.op === 'max' ? -F32_MAX : 0)));
  const best = k.reductions.map((r, n) => (r.op === 'argmax' ? b.var(`best${n}`, lit.f32(-F32_MAX)) : null));
  return { accs, best };
}

/** One input element into the accumulators: the prologue's lets, then each reduction (`index`: the argmax position). */
export function accumulate(e: BodyEmitter, ctx: ModuleContext, b: Block, k: ReduceKernel, v: StepValues, place: Place, accs: Expr[], best: Array<Expr | null>, index: Expr): void {
  for (const l of k.prologue) place.lets.set(l.name, b.let(safe(l.name), e.expr(ctx, l.value, place, v)));
  k.reductions.forEach((r, n) => {
    const x = b.let(`x${n}`, e.expr(ctx, r.value, place, v));
    if (r.op === 'sum') b.update(accs[n]!, '+=', x);
    else if (r.op === 'max') b.assign(accs[n]!, max(accs[n]!, x));
    else {
      b.if(gt(x, best[n]!), (b) => {
        b.assign(best[n]!, x);
        b.assign(accs[n]!, cast(f32, index));
      });
    }
  });
}

