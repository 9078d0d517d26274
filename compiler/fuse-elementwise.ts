// Pass: fuseElementwise — chains (and neighbours) of elementwise kernels over the same index space
// become one kernel: each element is read once, computed through the whole chain, and only the
// values someone else needs are written back.
import { mergeKernels, joinBodies, type Combine } from './plan/merge.js';
import type { Kernel, MapKernel, Plan } from './plan/ir.js';
import { forEachSchedule } from './plan/schedules.js';
import { sameShape, shapeText } from './graph/shape.js';

export function fuseElementwise(plan: Plan): Plan {
  return forEachSchedule(plan, (kernels) => mergeKernels(plan, kernels, combineMaps, { signature: (k) => (singleSegment(k) ? shapeText(k.segments[0]!.space) : null) }));
}

export function singleSegment(k: Kernel): k is MapKernel {
  return k.kind === 'map' && k.segments.length === 1;
}

const combineMaps: Combine = (first, second) => {
  if (!singleSegment(first) || !singleSegment(second)) return null;
  const a = first.segments[0]!;
  const b = second.segments[0]!;
  if (!sameShape(a.space, b.space)) return null;
  const body = joinBodies(a.body, b.body, a.space);
  if (!body) return null;
  return {
    kind: 'map',
    name: first.name,
    origins: [...first.origins, ...second.origins],
    segments: [{ space: a.space, body }],
  };
};
