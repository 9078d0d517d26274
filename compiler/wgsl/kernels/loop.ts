// A loop kernel (a recurrence over time) as its own dispatch: one workgroup runs the steps in
// order, the body's kernels as phases with barriers between them (strategies/phases.ts). The
// steps depend on each other, so they cannot be spread over workgroups that do not synchronize.
import type { LoopKernel } from '../../plan/ir.js';
import { arrayOf, f32 } from '../builder.js';
import { stepValues, type BodyEmitter } from '../body.js';
import { reductionWidth, workgroupWidth, type EmitLimits } from '../limits.js';
import { ONE, type Member, type MemberBody, type ModuleContext } from '../module.js';
import { phase, reductionSlots } from '../strategies/phases.js';

export function loopMember(e: BodyEmitter, ctx: ModuleContext, limits: EmitLimits, name: string, k: LoopKernel): Member {
  const slots = reductionSlots(k);
  const width = slots > 0 ? reductionWidth(limits, slots) : workgroupWidth(limits);
  const scratch = slots > 0 ? ctx.m.workgroupVar(ctx.prefix + 'partials', arrayOf(f32, width * slots)) : null;
  const body: MemberBody = (b, { lid }) => phase(e, ctx, b, k, stepValues(ctx, b), lid.x, width, scratch);
  return { name, size: [width, 1, 1], dispatch: { x: ONE, y: ONE }, kernel: k, body };
}
