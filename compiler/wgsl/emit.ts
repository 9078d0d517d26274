// Pass: emitWgsl — the kernel plan becomes WGSL compute shaders, built through the typed builder.
//
// Memory (memory.ts): every f32 buffer of the plan except the bound dataset lives at a fixed offset
// of one storage buffer, the arena. A shader binds at most: the arena, the dataset's features and
// labels, the permutation, predict's output, and the step's uniforms (module.ts). So no kernel,
// however fused, runs out of bindings.
//
// Kernels, one file each (kernels/): map, contract (tiled in matrix form, else one invocation per
// output), and the reductions (reduce-line, reduce-columns, reduce-all). Strategies, one file each
// (strategies/): the whole step in one workgroup (single-workgroup), a dispatch per kernel
// (per-kernel), and independent neighbours sharing a dispatch (co-dispatch). Reductions never use
// atomics: each result is summed in a fixed order, so a run is reproducible.
import { elementCount } from '../graph/shape.js';
import type { Kernel, Plan, StepKind } from '../plan/ir.js';
import { orientedMatrixForm, dimsProduct } from '../plan/matrix-form.js';
import { BodyEmitter } from './body.js';
import type { MatmulTile } from './kernels/contract.js';
import { DEFAULT_LIMITS, EmitLimitError, type EmitLimits } from './limits.js';
import { checkArena, planMemory, type MemoryPlan } from './memory.js';
import type { EmittedKernel } from './module.js';
import { perKernelSchedule } from './strategies/co-dispatch.js';
import { singleWorkgroup } from './strategies/single-workgroup.js';

export { DEFAULT_LIMITS, EmitLimitError, planMemory };
export type { EmitLimits, EmittedKernel, MatmulTile, MemoryPlan };
export { loopPasses, stepsPerDispatch, zeroInitPasses, type LoopNest } from './loops.js';
export { BINDINGS, STEP_FIELDS, STEP_RECORD_BYTES, kernelFileName, type BindingKind, type BindingName, type DispatchDim } from './module.js';

export type Strategy = 'single-workgroup' | 'per-kernel';

export interface EmittedSchedule {
  step: StepKind;
  strategy: Strategy;
  /** What runs, in order, for one step (per-kernel) or one chunk of steps (single-workgroup). */
  kernels: EmittedKernel[];
}

export interface GpuProgram {
  memory: MemoryPlan;
  schedules: Record<StepKind, EmittedSchedule>;
}

export interface EmitOptions {
  maxRows: number;
  limits?: EmitLimits;
  /** Force a strategy (tests); default: single-workgroup when the step is small. */
  strategy?: Strategy;
  /** Single-workgroup strategy: the arena in workgroup memory where it fits (default true). */
  workgroupArena?: boolean;
  /** Per-kernel strategy: independent neighbouring kernels share a dispatch (default true). */
  coDispatch?: boolean;
  /** Force the contraction output tile side (benchmarks, tests); default: chosen per contraction. */
  matmulTile?: MatmulTile;
  /**
   * Workgroups a contraction should spread over to keep the device busy: on a GPU with many cores a
   * smaller tile that gives more workgroups beats a larger one that leaves cores idle. Default 1
   * (the largest tile that fits: best where there are few cores, as on a software adapter).
   */
  minWorkgroups?: number;
}

/** Multiply-adds per step above which a step is spread over many workgroups. */
const SINGLE_WORKGROUP_MAX_WORK = 1 << 21;

export function emitWgsl(plan: Plan, options: EmitOptions): GpuProgram {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const memory = planMemory(plan, options.maxRows);
  checkArena(plan, memory, limits);
  const emitter = new BodyEmitter(plan, memory);
  const choice = { tile: options.matmulTile, minWorkgroups: options.minWorkgroups ?? 1 };
  const schedules = {} as Record<StepKind, EmittedSchedule>;
  for (const step of ['train', 'evaluate', 'predict'] as const) {
    const kernels = plan.schedules[step].kernels;
    const strategy = options.strategy ?? (stepWork(kernels, options.maxRows) <= SINGLE_WORKGROUP_MAX_WORK ? 'single-workgroup' : 'per-kernel');
    const perKernel = () => perKernelSchedule(emitter, limits, choice, step, kernels, options.coDispatch ?? true);
    if (kernels.length === 0) {
      schedules[step] = { step, strategy, kernels: [] };
    } else if (strategy === 'single-workgroup') {
      try {
        schedules[step] = { step, strategy, kernels: [singleWorkgroup(emitter, limits, step, kernels, { workgroupArena: options.workgroupArena })] };
      } catch (e) {
        // The whole step does not fit one workgroup on this device: split it into a kernel per dispatch.
        if (!(e instanceof EmitLimitError) || options.strategy) throw e;
        schedules[step] = { step, strategy: 'per-kernel', kernels: perKernel() };
      }
    } else {
      schedules[step] = { step, strategy, kernels: perKernel() };
    }
  }
  return { memory, schedules };
}

/** Multiply-adds (or elements) one step does, at the largest batch. */
function stepWork(kernels: Kernel[], maxRows: number): number {
  let work = 0;
  for (const k of kernels) {
    if (k.kind === 'contract') work += elementCount(k.space, maxRows) * dimsProduct(k.inner, maxRows);
    else if (k.kind === 'reduce') work += elementCount(k.space, maxRows) * Math.max(1, k.reductions.length);
    else if (k.kind === 'loop') work += k.steps * stepWork(k.body, maxRows);
    else if (k.kind === 'gather') work += elementCount(k.space, maxRows);
    else if (k.kind === 'segment_sum') work += elementCount([...k.positions, k.space[1]!], maxRows) + elementCount(k.space, maxRows);
    else for (const s of k.segments) work += elementCount(s.space, maxRows);
  }
  return work;
}

/** What `nnc build --report` calls a kernel: a contraction in matrix form is a matmul. */
export function kernelKind(k: Kernel): string {
  return k.kind === 'contract' && orientedMatrixForm(k) ? 'matmul' : k.kind;
}
