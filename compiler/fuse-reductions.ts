// Pass: fuseReductions — elementwise work feeding a reduction is computed inside it (the loss per
// sample is summed as it is computed, without being stored), and reductions over the same index
// space and axis share one pass over the data.
import { effectsOf, mapExpr, outputSpace, type Effects } from './plan/expr.js';
import { sameShape, shapeText } from './graph/shape.js';
import { isIdentity } from './plan/view.js';
import type { Expr, Kernel, Let, Plan, ReduceKernel } from './plan/ir.js';
import { cachedEffects, joinBodies, mergeKernels, type Combine } from './plan/merge.js';
import { forEachSchedule } from './plan/schedules.js';
import { singleSegment } from './fuse-elementwise.js';

export function fuseReductions(plan: Plan): Plan {
  return forEachSchedule(plan, (kernels) => mergeKernels(plan, kernels, combineReductions, { signature: (k) => (k.kind === 'reduce' ? shapeText(k.space) : singleSegment(k) ? shapeText(k.segments[0]!.space) : null), unrelated: (k) => k.kind === 'reduce' }));
}

const combineReductions: Combine = (first, second, ctx) => {
  if (second.kind !== 'reduce') return null;
  if (singleSegment(first)) return mapIntoPrologue(first, second, ctx);
  if (first.kind === 'reduce') return sameSpaceReductions(first, second, ctx);
  return null;
};

/** A map whose every output is read only by the reduction (in its input space) becomes its prologue. */
const mapIntoPrologue: Combine = (first, second, ctx) => {
  if (!singleSegment(first) || second.kind !== 'reduce') return null;
  const seg = first.segments[0]!;
  if (!sameShape(seg.space, second.space)) return null;
  const stored = new Map<number, string>();
  for (const s of seg.body.stores) {
    if (!isIdentity(s.view, seg.space) || ctx.plan.buffers[s.buf]!.role !== 'temp' || ctx.readElsewhere(s.buf, [first, second])) return null;
  }
  // The reduction must read the map's outputs only at the element it reduces, and nothing else
  // the map writes.
  let usable = true;
  let related = false;
  const inputExprs = [...second.prologue.map((l) => l.value), ...second.reductions.map((r) => r.value)];
  const written = new Set(seg.body.stores.map((s) => s.buf));
  for (const e of inputExprs) {
    mapExpr(e, (x) => {
      if (x.k === 'load' && written.has(x.buf)) {
        related = true;
        if (!isIdentity(x.view, seg.space)) usable = false;
      }
      return undefined;
    });
  }
  const epilogueReads = partEffects(second, 'epilogue', ctx.plan.io.permutation).reads;
  if (!usable || !related || [...written].some((b) => epilogueReads.has(b))) return null;
  if ([...cachedEffects(second, ctx.plan.io.permutation).writes.keys()].some((b) => cachedEffects(first, ctx.plan.io.permutation).reads.has(b))) return null;

  const prefix = `p${second.prologue.length}_`;
  const lets: Let[] = seg.body.lets.map((l) => ({ name: prefix + l.name, value: renameLets(l.value, prefix) }));
  seg.body.stores.forEach((s, n) => {
    const name = `${prefix}out${n}`;
    lets.push({ name, value: renameLets(s.value, prefix) });
    stored.set(s.buf, name);
  });
  const use = (e: Expr): Expr | undefined => (e.k === 'load' && stored.has(e.buf) ? { k: 'let', name: stored.get(e.buf)! } : undefined);
  return {
    ...second,
    name: second.name,
    origins: [...first.origins, ...second.origins],
    prologue: [...lets, ...second.prologue.map((l) => ({ name: l.name, value: mapExpr(l.value, use) }))],
    reductions: second.reductions.map((r) => ({ ...r, value: mapExpr(r.value, use) })),
  };
};

function renameLets(e: Expr, prefix: string): Expr {
  return mapExpr(e, (x) => (x.k === 'let' ? { k: 'let', name: prefix + x.name } : undefined));
}

/** Two reductions over the same space and axis: one pass, results side by side. */
const sameSpaceReductions: Combine = (first, second, ctx) => {
  if (first.kind !== 'reduce' || second.kind !== 'reduce') return null;
  if (first.axes.join() !== second.axes.join() || !sameShape(first.space, second.space)) return null;
  const a = first as ReduceKernel;
  const b = second as ReduceKernel;
  // The second's inputs must not be the first's results.
  const p = ctx.plan.io.permutation;
  if ([...partEffects(b, 'input', p).reads.keys()].some((buf) => cachedEffects(a, p).writes.has(buf))) return null;
  if ([...partEffects(a, 'input', p).reads.keys()].some((buf) => cachedEffects(b, p).writes.has(buf))) return null;
  const epilogue = joinBodies(a.epilogue, b.epilogue, outputSpace(a), a.reductions.length);
  if (!epilogue) return null;
  const prefix = `r${a.reductions.length}_`;
  return {
    ...a,
    origins: [...a.origins, ...b.origins],
    prologue: [...a.prologue, ...b.prologue.map((l) => ({ name: prefix + l.name, value: renameLets(l.value, prefix) }))],
    reductions: [...a.reductions, ...b.reductions.map((r) => ({ ...r, value: renameLets(r.value, prefix) }))],
    epilogue,
  } satisfies Kernel;
};

/** The effects of a reduction's input side (prologue and reductions) or its epilogue alone, once per kernel. */
const parts = new WeakMap<ReduceKernel, Record<'input' | 'epilogue', Effects>>();
function partEffects(k: ReduceKernel, part: 'input' | 'epilogue', permutation: number): Effects {
  let e = parts.get(k);
  if (!e) {
    e = {
      input: effectsOf({ ...k, epilogue: { lets: [], stores: [] } }, permutation),
      epilogue: effectsOf({ ...k, prologue: [], reductions: [] }, permutation),
    };
    parts.set(k, e);
  }
  return e[part];
}
