// Pass: fuseUpdates — the optimizer updates of all parameters (each already one kernel over its
// parameter's shape) become one kernel with a segment per parameter: one dispatch updates every
// weight and its optimizer state in place.
import { effectsOf, kernelStores } from './plan/expr.js';
import type { Kernel, Plan } from './plan/ir.js';
import { mergeKernels, type Combine } from './plan/merge.js';
import { forEachSchedule } from './plan/schedules.js';

export function fuseUpdates(plan: Plan): Plan {
  const updates = (k: Kernel) => k.kind === 'map' && kernelStores(k).some((s) => plan.buffers[s.buf]!.role === 'param');
  const combine: Combine = (first, second, ctx) => {
    if (first.kind !== 'map' || second.kind !== 'map' || !updates(first) || !updates(second)) return null;
    // Segments run side by side: neither may touch what the other writes.
    const a = effectsOf(first, ctx.plan.io.permutation);
    const b = effectsOf(second, ctx.plan.io.permutation);
    for (const buf of a.writes.keys()) if (b.reads.has(buf) || b.writes.has(buf)) return null;
    for (const buf of b.writes.keys()) if (a.reads.has(buf)) return null;
    return { kind: 'map', name: 'optimizer.update', origins: [...first.origins, ...second.origins], segments: [...first.segments, ...second.segments] };
  };
  return forEachSchedule(plan, (kernels) => mergeKernels(plan, kernels, combine, { signature: (k) => (updates(k) ? 'update' : null), unrelated: () => true }));
}
