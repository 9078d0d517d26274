// Map kernels: one invocation per element, segments numbered one after another.
import { rowSize } from '../../graph/shape.js';
import type { MapKernel } from '../../plan/ir.js';
import { add, and, ge, lit, lt, mul, sub, type Block, type Expr } from '../builder.js';
import { stepValues, type BodyEmitter, type StepValues } from '../body.js';
import type { EmitLimits } from '../limits.js';
import { workgroupWidth } from '../limits.js';
import { passesOver } from '../loops.js';
import { ONE, type Member, type MemberBody, type ModuleContext } from '../module.js';

/** A map kernel as its own dispatch: 64 invocations a workgroup, the flat workgroup index picks the element. */
export function mapMember(e: BodyEmitter, ctx: ModuleContext, limits: EmitLimits, name: string, k: MapKernel): Member {
  const width = Math.min(64, workgroupWidth(limits));
  const body: MemberBody = (b, { wid, lid, nwg }) => {
    const v = stepValues(ctx, b);
    const id = b.let('id', add(mul(add(mul(wid.y, nwg.x), wid.x), lit.u32(width)), lid.x));
    let start: Expr = lit.u32(0);
    for (const seg of k.segments) {
      const count = b.let('count', e.count(seg.space, v));
      const from = start;
      b.if(and(ge(id, from), lt(id, add(from, count))), (b) => e.element(ctx, b, sub(id, from), seg.space, seg.body, v));
      start = b.let('end', add(from, count));
    }
  };
  let perRow = 0;
  let fixed = 0;
  for (const s of k.segments) {
    if (s.space[0] === 'B') perRow += rowSize(s.space);
    else fixed += s.space.reduce<number>((n, d) => n * (d as number), 1);
  }
  return { name, size: [width, 1, 1], dispatch: { x: { perRow, fixed, per: width }, y: ONE }, kernel: k, body };
}

/** A map kernel as a phase of the single-workgroup shader: invocation t does elements t, t + width, ... */
export function mapPhase(e: BodyEmitter, ctx: ModuleContext, b: Block, k: MapKernel, v: StepValues, t: Expr, width: number): void {
  for (const seg of k.segments) {
    e.loops.for(b, passesOver(seg.space, width), 'e', t, e.count(seg.space, v), (b, x) => e.element(ctx, b, x, seg.space, seg.body, v), lit.u32(width));
  }
}
