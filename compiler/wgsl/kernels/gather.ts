// Gathers (an Embedding's lookup) and segment sums (its gradient). A gather is elementwise: one
// invocation per element reads its index, then the table's element. A segment sum gives each
// invocation its own part of the result — one column j and the rows v with v % groups == g — and
// it walks every position in order, adding the values of those whose index is one of its rows:
// each sum is formed in position order, as the CPU forms it (the sums of sorting the positions by
// index, then adding each run), with no atomics and no two invocations writing one element.
import { rowSize } from '../../graph/shape.js';
import { isIdentity } from '../../plan/view.js';
import type { GatherKernel, SegmentSumKernel } from '../../plan/ir.js';
import { add, and, cast, div, eq, ge, lit, lt, min, mod, mul, select, u32, type Block, type Expr } from '../builder.js';
import { plus, stepValues, type BodyEmitter, type StepValues } from '../body.js';
import { workgroupWidth, type EmitLimits } from '../limits.js';
import { passesOver } from '../loops.js';
import { ONE, type Member, type MemberBody, type ModuleContext } from '../module.js';

/** The table's element at (the index read at the point, the point's last index); 0 where the index is not a row. */
function gatherElement(e: BodyEmitter, ctx: ModuleContext, b: Block, k: GatherKernel, element: Expr, v: StepValues): void {
  const idx = e.coords(b, element, k.space);
  const [rows, width] = e.plan.buffers[k.table]!.shape as [number, number];
  const x = b.let('index', e.load(ctx, k.index.buf, k.index.view, idx, v));
  const inside = b.let('inside', and(ge(x, lit.f32(0)), lt(x, lit.f32(rows))));
  // a fraction is cut to an integer; outside the table, a row that exists is read and not used
  const row = b.let('row', min(cast(u32, select(lit.f32(0), x, inside)), lit.u32(rows - 1)));
  const base = e.memory.offsets[k.table]!;
  const read = ctx.arena.at(plus(lit.u32(base), add(mul(row, lit.u32(width)), idx.at(-1)!)));
  const acc = b.let('acc0', select(lit.f32(0), read, inside));
  e.body(ctx, b, k.epilogue, { idx, space: k.space, lets: new Map(), accs: [acc] }, v);
}

export function gatherMember(e: BodyEmitter, ctx: ModuleContext, limits: EmitLimits, name: string, k: GatherKernel): Member {
  const width = Math.min(64, workgroupWidth(limits));
  const body: MemberBody = (b, { wid, lid, nwg }) => {
    const v = stepValues(ctx, b);
    const id = b.let('id', add(mul(add(mul(wid.y, nwg.x), wid.x), lit.u32(width)), lid.x));
    b.if(lt(id, e.count(k.space, v)), (b) => gatherElement(e, ctx, b, k, id, v));
  };
  const perRow = k.space[0] === 'B' ? rowSize(k.space) : 0;
  const fixed = k.space[0] === 'B' ? 0 : k.space.reduce<number>((n, d) => n * (d as number), 1);
  return { name, size: [width, 1, 1], dispatch: { x: { perRow, fixed, per: width }, y: ONE }, kernel: k, body };
}

export function gatherPhase(e: BodyEmitter, ctx: ModuleContext, b: Block, k: GatherKernel, v: StepValues, t: Expr, width: number): void {
  e.loops.for(b, passesOver(k.space, width), 'e', t, e.count(k.space, v), (b, x) => gatherElement(e, ctx, b, k, x, v), lit.u32(width));
}

/** The buffer a segment sum writes: its epilogue is one store of the sum at the element (what lowerToPlan makes, and no pass changes). */
function target(k: SegmentSumKernel): number {
  const [s] = k.epilogue.stores;
  if (k.epilogue.stores.length !== 1 || k.epilogue.lets.length !== 0 || !s || s.value.k !== 'acc' || !isIdentity(s.view, k.space)) {
    throw new Error(`emit: segment sum ${k.name} has an epilogue besides its result`);
  }
  return s.buf;
}

/** Row groups of a segment sum: enough invocations to fill a workgroup or two, each still owning whole rows. */
function groupsOf(k: SegmentSumKernel): number {
  const [rows, width] = k.space as [number, number];
  return Math.max(1, Math.min(rows, Math.floor(256 / width)));
}

/** Part `part` (column j, row group g) of a segment sum: zero its elements, then add each position's values in order. */
function segmentPart(e: BodyEmitter, ctx: ModuleContext, b: Block, k: SegmentSumKernel, part: Expr, v: StepValues): void {
  const [rows, width] = k.space as [number, number];
  const groups = groupsOf(k);
  const out = e.memory.offsets[target(k)]!;
  const j = b.let('j', mod(part, lit.u32(width)));
  const g = b.let('g', div(part, lit.u32(width)));
  const at = (row: Expr) => ctx.arena.at(plus(lit.u32(out), add(mul(row, lit.u32(width)), j)));
  const own = Math.ceil(rows / groups);
  e.loops.for(b, { perRow: 0, fixed: own, per: 1 }, 'r', g, lit.u32(rows), (b, r) => b.assign(at(r), lit.f32(0)), lit.u32(groups));
  e.loops.for(b, passesOver(k.positions, 1), 'p', lit.u32(0), e.count(k.positions, v), (b, p) => {
    const idx = e.coords(b, p, k.positions);
    const x = b.let('index', e.load(ctx, k.index.buf, k.index.view, idx, v));
    const row = b.let('row', cast(u32, select(lit.f32(0), x, ge(x, lit.f32(0)))));
    b.if(and(and(ge(x, lit.f32(0)), lt(x, lit.f32(rows))), eq(mod(row, lit.u32(groups)), g)), (b) => {
      const value = e.load(ctx, k.values.buf, k.values.view, [...idx, j], v);
      b.assign(at(row), add(at(row), value));
    });
  });
}

export function segmentSumMember(e: BodyEmitter, ctx: ModuleContext, limits: EmitLimits, name: string, k: SegmentSumKernel): Member {
  const parts = (k.space[1] as number) * groupsOf(k);
  const width = Math.min(64, workgroupWidth(limits));
  const body: MemberBody = (b, { wid, lid, nwg }) => {
    const v = stepValues(ctx, b);
    const id = b.let('id', add(mul(add(mul(wid.y, nwg.x), wid.x), lit.u32(width)), lid.x));
    b.if(lt(id, lit.u32(parts)), (b) => segmentPart(e, ctx, b, k, id, v));
  };
  return { name, size: [width, 1, 1], dispatch: { x: { perRow: 0, fixed: parts, per: width }, y: ONE }, kernel: k, body };
}

export function segmentSumPhase(e: BodyEmitter, ctx: ModuleContext, b: Block, k: SegmentSumKernel, v: StepValues, t: Expr, width: number): void {
  const parts = (k.space[1] as number) * groupsOf(k);
  e.loops.for(b, { perRow: 0, fixed: parts, per: width }, 'part', t, lit.u32(parts), (b, x) => segmentPart(e, ctx, b, k, x, v), lit.u32(width));
}
