// A loop kernel (a recurrence over time) as its own dispatch. The steps depend on each other, so
// one workgroup runs them in order, the body's kernels as phases with barriers between them
// (strategies/phases.ts); but a row's steps depend only on that row, so the batch is cut into
// slices of a few rows, one workgroup each: the slice's rows are the phases' batch (rowBase).
import type { LoopKernel } from '../../plan/ir.js';
import { add, arrayOf, f32, lit, min, mul, sub } from '../builder.js';
import { stepValues, type BodyEmitter } from '../body.js';
import { reductionWidth, workgroupWidth, type EmitLimits } from '../limits.js';
import { type Member, type MemberBody, type ModuleContext } from '../module.js';
import { phase, reductionSlots } from '../strategies/phases.js';

/** Rows per workgroup: enough that each phase gives every invocation about one element of the state (width / state width). */
export function loopSlice(k: LoopKernel, width: number): number {
  const stateWidth = Math.max(1, ...k.body.map((inner) => (inner.kind === 'map' ? inner.segments[0]!.space : inner.space).slice(1).reduce<number>((n, d) => n * (d as number), 1)));
  return Math.max(1, Math.floor(width / Math.min(stateWidth, width)));
}

export function loopMember(e: BodyEmitter, ctx: ModuleContext, limits: EmitLimits, name: string, k: LoopKernel): Member {
  const slots = reductionSlots(k);
  const width = slots > 0 ? reductionWidth(limits, slots) : workgroupWidth(limits);
  const scratch = slots > 0 ? ctx.m.workgroupVar(ctx.prefix + 'partials', arrayOf(f32, width * slots)) : null;
  const slice = loopSlice(k, width);
  const body: MemberBody = (b, { lid, wid, nwg }) => {
    const v = stepValues(ctx, b);
    const rowBase = b.let('row_base', mul(add(mul(wid.y, nwg.x), wid.x), lit.u32(slice)));
    // every invocation reaches every barrier: a workgroup past the last row runs its phases over no rows
    const rows = b.let('slice_rows', sub(min(add(rowBase, lit.u32(slice)), v.rows), min(rowBase, v.rows)));
    e.loops.forRows(slice, () => phase(e, ctx, b, k, { ...v, rows, rowBase }, lid.x, width, scratch));
  };
  return { name, size: [width, 1, 1], dispatch: { x: { perRow: 1, fixed: 0, per: slice }, y: { perRow: 0, fixed: 1, per: 1 } }, kernel: k, body };
}
