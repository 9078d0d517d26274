// Applying a rewrite to the kernel list of every step kind, and to the body of every loop in it
// (a loop is one kernel to the list around it; its body is a list of its own).
import type { Kernel, LoopKernel, Plan, StepKind } from './ir.js';

export function forEachSchedule(plan: Plan, rewrite: (kernels: Kernel[], step: StepKind) => Kernel[]): Plan {
  const schedules = { ...plan.schedules };
  for (const step of ['train', 'evaluate', 'predict'] as const) {
    const kernels = rewrite(plan.schedules[step].kernels, step).map((k) =>
      k.kind === 'loop' ? { ...k, body: rewrite(k.body, step) as LoopKernel['body'] } : k,
    );
    schedules[step] = { step, kernels };
  }
  return { ...plan, schedules };
}
