// What every shader shares: the binding table (the same in every shader, so one bind group
// layout serves all of a program's pipelines), the per-step uniform record, the module's helper
// functions, and `finish`, which checks a shader against the device's limits and describes it for
// the runtime (workgroup size, how many workgroups, which bindings).
import type { ElementwiseFn } from '../graph/elementwise.js';
import type { Origin } from '../graph/ir.js';
import { kernelExprs, visitExpr } from '../plan/expr.js';
import type { Kernel, StepKind } from '../plan/ir.js';
import { arrayOf, f32, struct, u32, type Block, type ComputeBuiltins, type Expr, WgslModule } from './builder.js';
import { declareHelpers } from './elementwise.js';
import { EmitLimitError, type EmitLimits } from './limits.js';
import { rngFunctions } from './rng.js';
import { loopPasses, zeroInitPasses, type LoopNest } from './loops.js';

/** The byte layout of the `Step` uniform: one 256-byte record per step (or chunk of steps). */
export const STEP_RECORD_BYTES = 256;
/**
 * base: where row 0 of the bound rows sits in predict's output. It is 0, except when a dataset too
 * large for one storage binding is streamed through a window (runtime/webgpu/executor.ts).
 */
export const STEP_FIELDS = ['offset', 'rows', 'step', 'seed', 'count', 'batch', 'total', 'base'] as const;

export type BindingName = 'arena' | 'features' | 'labels' | 'permutation' | 'output' | 'step';
export type BindingKind = 'storage' | 'read-only-storage' | 'uniform';

/**
 * Every binding a shader may use, at its index in group 0, the same in every shader: so one bind
 * group layout serves all of a program's pipelines (the runtime binds once per step, not per kernel).
 */
export const BINDINGS: ReadonlyArray<{ name: BindingName; kind: BindingKind }> = [
  { name: 'arena', kind: 'storage' },
  { name: 'features', kind: 'read-only-storage' },
  { name: 'labels', kind: 'read-only-storage' },
  { name: 'permutation', kind: 'read-only-storage' },
  { name: 'output', kind: 'storage' },
  { name: 'step', kind: 'uniform' },
];

/** Workgroups along one dimension: ceil((perRow * rows + fixed) / per), at least 1. */
export interface DispatchDim {
  perRow: number;
  fixed: number;
  per: number;
}

export const ONE: DispatchDim = { perRow: 0, fixed: 1, per: 1 };

export interface EmittedKernel {
  /** Names the layer and .nn line it comes from: dense.forward@5. */
  name: string;
  wgsl: string;
  workgroupSize: [number, number, number];
  /**
   * Workgroups: x (and y for tiled contractions) as a function of the step's rows. A
   * co-dispatched shader has parts instead: its workgroups are the sum of each part's x * y.
   */
  dispatch: { x: DispatchDim; y: DispatchDim; parts?: Array<{ x: DispatchDim; y: DispatchDim }> };
  /** The plan kernels it runs (one, or all of a step's). */
  kernels: string[];
  origins: Origin[];
  /** Bindings the shader uses, by name (arena, features, labels, permutation, output, step). */
  bindings: Array<{ name: BindingName; binding: number; kind: BindingKind }>;
  /** Workgroup memory in bytes. */
  workgroupBytes: number;
  /** A single-workgroup shader that copies the arena into workgroup memory and runs its steps on that copy. */
  arenaInWorkgroup?: boolean;
  /**
   * The loops one invocation runs for one step (loops.ts); the single-workgroup shader also loops
   * over the steps of a chunk, around them. A co-dispatched shader lists every part's loops.
   */
  stepLoops: LoopNest[];
  /** What the shader takes from the same counter once per dispatch: zero-initialization (zeroInitPasses) and copies. */
  zeroInitPasses: number;
}

/** A module being built, with its bindings declared. */
export interface ModuleContext {
  m: WgslModule;
  /** Prefix of workgroup variables: one per kernel when several share a module (co-dispatch). */
  prefix: string;
  arena: Expr;
  features: Expr;
  labels: Expr;
  permutation: Expr;
  output: Expr;
  step: Expr;
}

/** A module for `kernels`: their helper functions, then every binding of the table. */
export function moduleFor(kernels: Kernel[]): ModuleContext {
  const m = new WgslModule();
  // helper functions first: a module's functions are declared before its entry point
  const fns = new Set<ElementwiseFn>();
  let random = false;
  for (const k of kernels) {
    for (const { expr } of kernelExprs(k)) {
      visitExpr(expr, (e) => {
        if (e.k === 'call') fns.add(e.fn);
        if (e.k === 'rand') random = true;
      });
    }
  }
  declareHelpers(m, fns);
  if (random) rngFunctions(m);
  const at = (name: BindingName) => ({ group: 0, binding: BINDINGS.findIndex((b) => b.name === name) });
  const arena = m.storage('arena', arrayOf(f32), 'read_write', at('arena'));
  const features = m.storage('features', arrayOf(f32), 'read', at('features'));
  const labels = m.storage('labels', arrayOf(f32), 'read', at('labels'));
  const permutation = m.storage('permutation', arrayOf(u32), 'read', at('permutation'));
  const output = m.storage('output', arrayOf(f32), 'read_write', at('output'));
  const stepStruct = struct('Step', Object.fromEntries(STEP_FIELDS.map((f) => [f, u32])));
  const step = m.uniform('step', stepStruct, at('step'));
  return { m, prefix: '', arena, features, labels, permutation, output, step };
}

/**
 * The finished shader: checked against the limits (an EmitLimitError naming the layer), described
 * for the runtime. `stepLoops`: the loops of one step; `stepLoop`: they run inside a loop over steps;
 * `setupPasses`: loop passes the shader takes once per dispatch, outside the steps (copies).
 */
export function finish(ctx: ModuleContext, limits: EmitLimits, maxRows: number, name: string, workgroupSize: [number, number, number], dispatch: EmittedKernel['dispatch'], kernels: Kernel[], stepLoops: LoopNest[], stepLoop: boolean, setupPasses = 0): EmittedKernel {
  const invocations = workgroupSize[0] * workgroupSize[1] * workgroupSize[2];
  const where = kernels[0]?.origins[0]?.what ?? name;
  // one step at the largest batch (inside the step loop, where there is one) must fit the driver's loop counter
  const zeroInit = zeroInitPasses(ctx.m.workgroupVariableSizes('main'), invocations) + setupPasses;
  const passes = zeroInit + loopPasses(stepLoop ? [{ perRow: 0, fixed: 1, per: 1, inner: stepLoops }] : stepLoops, maxRows);
  if (passes > limits.maxLoopPasses) {
    throw new EmitLimitError(where, 'loop passes per invocation', passes, limits.maxLoopPasses);
  }
  if (invocations > limits.maxComputeInvocationsPerWorkgroup) {
    throw new EmitLimitError(where, 'invocations per workgroup', invocations, limits.maxComputeInvocationsPerWorkgroup);
  }
  const workgroupBytes = ctx.m.workgroupStorageSize('main');
  if (workgroupBytes > limits.maxComputeWorkgroupStorageSize) {
    throw new EmitLimitError(where, 'workgroup storage (bytes)', workgroupBytes, limits.maxComputeWorkgroupStorageSize);
  }
  const bindings = ctx.m.bindings('main').map((b) => ({
    name: b.name as BindingName,
    binding: b.binding,
    kind: b.space === 'uniform' ? ('uniform' as const) : b.access === 'read' ? ('read-only-storage' as const) : ('storage' as const),
  }));
  const storage = bindings.filter((b) => b.kind !== 'uniform').length;
  if (storage > limits.maxStorageBuffersPerShaderStage) {
    throw new EmitLimitError(where, 'storage buffers per shader stage', storage, limits.maxStorageBuffersPerShaderStage);
  }
  return { name, wgsl: ctx.m.print(), workgroupSize, dispatch, kernels: kernels.map((k) => k.name), origins: kernels.flatMap((k) => k.origins), bindings, workgroupBytes, stepLoops, zeroInitPasses: zeroInit };
}

export type MemberBody = (b: Block, builtins: ComputeBuiltins) => void;

/** A kernel's entry point before it is declared: alone it is a shader; with others, a part of one (co-dispatch). */
export interface Member {
  name: string;
  size: [number, number, number];
  dispatch: EmittedKernel['dispatch'];
  kernel: Kernel;
  body: MemberBody;
}

/** A kernel's file name: the step, the layer and the .nn line it comes from. */
export function kernelFileName(step: StepKind, k: Kernel): string {
  const line = k.origins.find((o) => o.span)?.span?.line;
  return `${step}.${k.name.replace(/[^A-Za-z0-9_.-]+/g, '_')}${line ? `@${line}` : ''}`;
}
