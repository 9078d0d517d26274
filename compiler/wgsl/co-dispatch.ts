// Which kernels of a step may share one dispatch (emit.ts's coDispatch builds the shader).
//
// A run of neighbouring kernels goes together when none of them depends on another — reads what
// another writes, or writes what another reads or writes (compiler/plan/expr.ts's effects) — so
// their workgroups may run in any order and at once; and when their workgroups have the same
// number of invocations and their workgroup memory fits one workgroup together. Fewer dispatches
// per step: the host encodes less, and small kernels run beside large ones.
import { dependsOn, effectsOf } from '../plan/expr.js';
import type { Kernel, Plan } from '../plan/ir.js';
import type { EmitLimits, EmittedKernel } from './emit.js';

/** Groups of kernel indices, in order; each kernel once. `alone[i]` is kernel i emitted by itself. */
export function groupIndependentKernels(plan: Plan, kernels: Kernel[], alone: EmittedKernel[], limits: EmitLimits): number[][] {
  const effects = kernels.map((k) => effectsOf(k, plan.io.permutation));
  const invocations = (e: EmittedKernel) => e.workgroupSize[0] * e.workgroupSize[1] * e.workgroupSize[2];
  const groups: number[][] = [];
  let group: number[] = [];
  kernels.forEach((_, i) => {
    const first = group[0];
    const joins =
      first !== undefined &&
      invocations(alone[i]!) === invocations(alone[first]!) &&
      group.every((g) => !dependsOn(effects[i]!, effects[g]!)) &&
      group.reduce((n, g) => n + alone[g]!.workgroupBytes, alone[i]!.workgroupBytes) <= limits.maxComputeWorkgroupStorageSize;
    if (!joins && group.length > 0) {
      groups.push(group);
      group = [];
    }
    group.push(i);
  });
  if (group.length > 0) groups.push(group);
  return groups;
}
