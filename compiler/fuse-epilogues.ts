// Pass: fuseEpilogues — elementwise work on a matmul's or a reduction's result moves into that
// kernel's epilogue: a Dense layer's bias add and activation run as the matmul writes its output,
// and in the backward pass the activation's derivative is applied by the matmul that produces the
// incoming gradient. The loss sums and metric counts land in the epoch accumulators the same way.
import { effectsOf, outputSpace } from './plan/expr.js';
import type { Plan } from './plan/ir.js';
import { sameShape, shapeText } from './graph/shape.js';
import { joinBodies, mergeKernels, type Combine } from './plan/merge.js';
import { forEachSchedule } from './plan/schedules.js';
import { singleSegment } from './fuse-elementwise.js';

export function fuseEpilogues(plan: Plan): Plan {
  return forEachSchedule(plan, (kernels) => mergeKernels(plan, kernels, combineEpilogue, { signature: (k) => (k.kind === 'contract' || k.kind === 'reduce' ? shapeText(outputSpace(k)) : singleSegment(k) ? shapeText(k.segments[0]!.space) : null) }));
}

const combineEpilogue: Combine = (first, second, ctx) => {
  if ((first.kind !== 'contract' && first.kind !== 'reduce') || !singleSegment(second)) return null;
  const space = outputSpace(first);
  const seg = second.segments[0]!;
  if (!sameShape(seg.space, space)) return null;
  const firstEffects = effectsOf(first, ctx.plan.io.permutation);
  const secondEffects = effectsOf(second, ctx.plan.io.permutation);
  // The map must use the kernel's result, and must not overwrite anything the kernel still reads.
  if (![...secondEffects.reads.keys()].some((b) => firstEffects.writes.has(b))) return null;
  if ([...secondEffects.writes.keys()].some((b) => firstEffects.reads.has(b))) return null;
  const epilogue = joinBodies(first.epilogue, seg.body, space);
  if (!epilogue) return null;
  return { ...first, origins: [...first.origins, ...second.origins], epilogue };
};
