// Applying a rewrite to the kernel list of every step kind.
import type { Kernel, Plan, StepKind } from './ir.js';

export function forEachSchedule(plan: Plan, rewrite: (kernels: Kernel[], step: StepKind) => Kernel[]): Plan {
  const schedules = { ...plan.schedules };
  for (const step of ['train', 'evaluate', 'predict'] as const) {
    schedules[step] = { step, kernels: rewrite(plan.schedules[step].kernels, step) };
  }
  return { ...plan, schedules };
}
