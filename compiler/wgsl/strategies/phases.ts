// A kernel as a phase of a shader whose one workgroup does all of it (the single-workgroup
// strategy's step, and a loop kernel's steps): invocation t of `width` does elements t,
// t + width, ...; a loop runs its body's phases step after step, barriers between them.
import type { Kernel } from '../../plan/ir.js';
import { lit, sub, type Block, type Expr } from '../builder.js';
import type { BodyEmitter, StepValues } from '../body.js';
import { contractPhase } from '../kernels/contract.js';
import { mapPhase } from '../kernels/map.js';
import { gatherPhase, segmentSumPhase } from '../kernels/gather.js';
import { reduceAll } from '../kernels/reduce-all.js';
import { reduceLinePhase } from '../kernels/reduce-line.js';
import { reductionKind } from '../kernels/reduce.js';
import { passesOver } from '../loops.js';
import type { ModuleContext } from '../module.js';

export function phase(e: BodyEmitter, ctx: ModuleContext, b: Block, k: Kernel, v: StepValues, t: Expr, width: number, scratch: Expr | null): void {
  switch (k.kind) {
    case 'map':
      return mapPhase(e, ctx, b, k, v, t, width);
    case 'contract':
      return contractPhase(e, ctx, b, k, v, t, width);
    case 'gather':
      return gatherPhase(e, ctx, b, k, v, t, width);
    case 'segment_sum':
      return segmentSumPhase(e, ctx, b, k, v, t, width);
    case 'reduce':
      if (reductionKind(k) === 'all') return reduceAll(e, ctx, b, k, v, t, width, scratch!);
      return reduceLinePhase(e, ctx, b, k, v, t, width);
    case 'loop':
      e.loops.for(b, passesOver([k.steps], 1), 'step', lit.u32(0), lit.u32(k.steps), (b, n) => {
        const time = b.let('time', k.reverse ? sub(lit.u32(k.steps - 1), n) : n);
        k.body.forEach((inner) => {
          b.comment(inner.name);
          phase(e, ctx, b, inner, { ...v, t: time }, t, width, scratch);
          // the next phase, and the next step, read what this one wrote
          b.storageBarrier();
          b.workgroupBarrier();
        });
      });
      return;
  }
}

/** Partial-sum slots a kernel's phases need in workgroup memory (reductions of everything). */
export function reductionSlots(k: Kernel): number {
  if (k.kind === 'loop') return Math.max(0, ...k.body.map(reductionSlots));
  return k.kind === 'reduce' && reductionKind(k) === 'all' ? k.reductions.length : 0;
}
