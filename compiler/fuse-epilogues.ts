// Pass: fuseEpilogues — elementwise work on a matmul's or a reduction's result moves into that
// kernel's epilogue: a Dense layer's bias add and activation run as the matmul writes its output,
// and in the backward pass the activation's derivative is applied by the matmul that produces the
// incoming gradient. The loss sums and metric counts land in the epoch accumulators the same way.
import { effectsOf } from './plan/expr.js';
import type { Dim, Kernel, Plan } from './plan/ir.js';
import { joinBodies, mergeKernels, type Combine } from './plan/merge.js';
import { forEachSchedule } from './plan/schedules.js';
import { singleSegment } from './fuse-elementwise.js';

export function fuseEpilogues(plan: Plan): Plan {
  return forEachSchedule(plan, (kernels) => mergeKernels(plan, kernels, combineEpilogue));
}

/** The index space of a kernel's epilogue. */
export function outputSpace(k: Kernel): { rows: Dim; cols: number } | null {
  if (k.kind === 'matmul') return { rows: k.rows, cols: k.cols };
  if (k.kind === 'reduce') {
    if (k.axis === 'cols') return { rows: k.rows, cols: 1 };
    if (k.axis === 'rows') return { rows: 1, cols: k.cols };
    return { rows: 1, cols: 1 };
  }
  return null;
}

const combineEpilogue: Combine = (first, second, ctx) => {
  if (first.kind === 'map' || !singleSegment(second)) return null;
  const space = outputSpace(first)!;
  const seg = second.segments[0]!;
  if (seg.rows !== space.rows || seg.cols !== space.cols) return null;
  const firstEffects = effectsOf(first, ctx.plan.io.permutation);
  const secondEffects = effectsOf(second, ctx.plan.io.permutation);
  // The map must use the kernel's result, and must not overwrite anything the kernel still reads.
  if (![...secondEffects.reads.keys()].some((b) => firstEffects.writes.has(b))) return null;
  if ([...secondEffects.writes.keys()].some((b) => firstEffects.reads.has(b))) return null;
  const epilogue = joinBodies(first.epilogue, seg.body);
  if (!epilogue) return null;
  return { ...first, origins: [...first.origins, ...second.origins], epilogue };
};
