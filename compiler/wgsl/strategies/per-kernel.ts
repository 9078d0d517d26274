// Strategy 'per-kernel': a dispatch per plan kernel (some sharing one: co-dispatch.ts), all of a
// step in one compute pass. For models too large for one workgroup.
import type { Kernel, StepKind } from '../../plan/ir.js';
import type { BodyEmitter } from '../body.js';
import { contractMember, type TileChoice } from '../kernels/contract.js';
import { mapMember } from '../kernels/map.js';
import { gatherMember, segmentSumMember } from '../kernels/gather.js';
import { loopMember } from '../kernels/loop.js';
import { reduceAllMember } from '../kernels/reduce-all.js';
import { reduceColumnsMember } from '../kernels/reduce-columns.js';
import { reduceLineMember } from '../kernels/reduce-line.js';
import { reductionKind } from '../kernels/reduce.js';
import type { EmitLimits } from '../limits.js';
import { finish, kernelFileName, moduleFor, type EmittedKernel, type Member, type ModuleContext } from '../module.js';

/** A kernel's entry point, not yet declared: alone it is a shader; with others, a part of one. */
export function memberFor(e: BodyEmitter, ctx: ModuleContext, limits: EmitLimits, choice: TileChoice, step: StepKind, k: Kernel): Member {
  const name = kernelFileName(step, k);
  switch (k.kind) {
    case 'map':
      return mapMember(e, ctx, limits, name, k);
    case 'contract':
      return contractMember(e, ctx, limits, choice, name, k);
    case 'loop':
      return loopMember(e, ctx, limits, name, k);
    case 'gather':
      return gatherMember(e, ctx, limits, name, k);
    case 'segment_sum':
      return segmentSumMember(e, ctx, limits, name, k);
    case 'reduce':
      switch (reductionKind(k)) {
        case 'all':
          return reduceAllMember(e, ctx, limits, name, k);
        case 'columns':
          return reduceColumnsMember(e, ctx, limits, name, k);
        case 'line':
          return reduceLineMember(e, ctx, limits, name, k);
      }
  }
}

/** One kernel as its own shader. */
export function perKernel(e: BodyEmitter, limits: EmitLimits, choice: TileChoice, step: StepKind, k: Kernel): EmittedKernel {
  const ctx = moduleFor([k]);
  const m = memberFor(e, ctx, limits, choice, step, k);
  const loops = e.loops.of(() => ctx.m.compute('main', m.size, m.body));
  return finish(ctx, limits, e.memory.maxRows, m.name, m.size, m.dispatch, [k], loops, false);
}
