// Co-dispatch: neighbouring kernels of a step that do not depend on one another share one dispatch.
//
// A run of neighbouring kernels goes together when none of them depends on another — reads what
// another writes, or writes what another reads or writes (compiler/plan/expr.ts's effects) — so
// their workgroups may run in any order and at once; and when their workgroups have the same
// number of invocations and their workgroup memory fits one workgroup together. The workgroups
// are numbered across the parts and each runs its own part's body with that kernel's own ids.
// Fewer dispatches per step: the host encodes less, and small kernels run beside large ones.
import { dependsOn, effectsOf } from '../../plan/expr.js';
import type { Kernel, Plan, StepKind } from '../../plan/ir.js';
import { add, and, construct, div, ge, lit, lt, max, mod, mul, sub, u32, vec3, type Expr } from '../builder.js';
import type { BodyEmitter } from '../body.js';
import type { TileChoice } from '../kernels/contract.js';
import { EmitLimitError, type EmitLimits } from '../limits.js';
import { finish, kernelFileName, moduleFor, ONE, type DispatchDim, type EmittedKernel } from '../module.js';
import { memberFor, perKernel } from './per-kernel.js';

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

/** In WGSL, what the runtime computes for a dispatch dimension: max(1, ceil((perRow * rows + fixed) / per)). */
function workgroupCount(d: DispatchDim, rows: Expr): Expr {
  if (d.perRow === 0) return lit.u32(Math.max(1, Math.ceil(d.fixed / d.per)));
  return max(lit.u32(1), div(add(mul(rows, lit.u32(d.perRow)), lit.u32(d.fixed + d.per - 1)), lit.u32(d.per)));
}

/** Kernels that do not depend on one another, as one shader. The parts must have the same number of invocations per workgroup. */
export function coDispatch(e: BodyEmitter, limits: EmitLimits, choice: TileChoice, step: StepKind, kernels: Kernel[]): EmittedKernel {
  const ctx = moduleFor(kernels);
  const members = kernels.map((k, i) => memberFor(e, { ...ctx, prefix: `k${i}_` }, limits, choice, step, k));
  const invocations = members[0]!.size[0] * members[0]!.size[1];
  if (members.some((m) => m.size[0] * m.size[1] * m.size[2] !== invocations)) throw new Error('emit: co-dispatched kernels need one workgroup size');
  // a workgroup runs one part; the parts' loops together bound what any one runs
  const loops = e.loops.of(() => ctx.m.compute('main', [invocations, 1, 1], (b, { lindex, wid, nwg }) => {
    const rows = b.let('rows', ctx.step.field('rows'));
    const w = b.let('w', add(mul(wid.y, nwg.x), wid.x));
    let start: Expr = lit.u32(0);
    members.forEach((m) => {
      b.comment(m.kernel.name);
      const nx = b.let('nx', workgroupCount(m.dispatch.x, rows));
      const ny = b.let('ny', workgroupCount(m.dispatch.y, rows));
      const from = start;
      const end = b.let('end', add(from, mul(nx, ny)));
      b.if(and(ge(w, from), lt(w, end)), (b) => {
        const [sx, sy] = m.size;
        const part = b.let('part', sub(w, from));
        const lid = b.let('lid', construct(vec3(u32), sx === invocations ? lindex : mod(lindex, lit.u32(sx)), sx === invocations ? lit.u32(0) : div(lindex, lit.u32(sx)), lit.u32(0)));
        const pwid = b.let('wid', construct(vec3(u32), mod(part, nx), div(part, nx), lit.u32(0)));
        const gid = b.let('gid', construct(vec3(u32), add(mul(pwid.x, lit.u32(sx)), lid.x), add(mul(pwid.y, lit.u32(sy)), lid.y), lit.u32(0)));
        const pnwg = b.let('nwg', construct(vec3(u32), nx, ny, lit.u32(1)));
        m.body(b, { lid, wid: pwid, gid, nwg: pnwg, lindex });
      });
      start = end;
    });
  }));
  const name = `${step}.${kernels.map((k) => kernelFileName(step, k).slice(step.length + 1)).join('+')}`;
  return { ...finish(ctx, limits, e.memory.maxRows, name, [invocations, 1, 1], { x: ONE, y: ONE }, kernels, loops, false), dispatch: { x: ONE, y: ONE, parts: members.map((m) => m.dispatch) } };
}

/** The per-kernel strategy's shaders for a step: one per kernel, or per group that co-dispatch forms. */
export function perKernelSchedule(e: BodyEmitter, limits: EmitLimits, choice: TileChoice, step: StepKind, kernels: Kernel[], together: boolean): EmittedKernel[] {
  const alone = kernels.map((k) => perKernel(e, limits, choice, step, k));
  if (!together) return alone;
  return groupIndependentKernels(e.plan, kernels, alone, limits).flatMap((group) => {
    if (group.length === 1) return [alone[group[0]!]!];
    try {
      return [coDispatch(e, limits, choice, step, group.map((i) => kernels[i]!))];
    } catch (err) {
      if (!(err instanceof EmitLimitError)) throw err;
      return group.map((i) => alone[i]!);
    }
  });
}
