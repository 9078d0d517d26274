// Pass: emitWgsl — the kernel plan becomes WGSL compute shaders, built through the typed builder.
//
// Memory: every f32 buffer of the plan except the bound dataset lives at a fixed offset of one
// storage buffer, the arena (a memory plan made once, batch-sized buffers sized for the largest
// batch). A shader binds at most: the arena, the dataset's features and labels, the permutation,
// predict's output, and the step's uniforms. So no kernel, however fused, runs out of bindings.
//
// Two strategies per step kind:
// - 'single-workgroup': the whole step — every kernel as a phase, phases separated by barriers —
//   in one workgroup, looping over the steps of a chunk inside the shader: one dispatch per chunk
//   (an epoch, typically). For small models this removes all per-kernel dispatch cost.
// - 'per-kernel': a dispatch per plan kernel (tiled matmul through workgroup memory, a thread per
//   element or per reduced row, 64 lanes and a tree per reduced column, a tree for sums of
//   everything), independent neighbours sharing one (co-dispatch), all of a step in one compute
//   pass. For models too large for one workgroup.
// Reductions never use atomics: each result is summed in a fixed order, so a run is reproducible.
import type { Origin } from '../graph/ir.js';
import type { ElementwiseFn } from '../graph/elementwise.js';
import type { Access, Body, Dim, Expr as PlanExpr, Kernel, MapKernel, MatmulKernel, Plan, ReduceKernel, StepKind } from '../plan/ir.js';
import {
  add,
  arrayOf,
  bitXor,
  cast,
  div,
  f32,
  ge,
  gt,
  lit,
  lt,
  max,
  min,
  mod,
  mul,
  struct,
  sub,
  u32,
  and,
  eq,
  construct,
  vec3,
  type Block,
  type ComputeBuiltins,
  type Expr,
  WgslModule,
} from './builder.js';
import { declareHelpers, wgslElementwise } from './elementwise.js';
import { kernelExprs, visitExpr } from '../plan/expr.js';
import { groupIndependentKernels } from './co-dispatch.js';
import { rngFunctions } from './rng.js';

export type Strategy = 'single-workgroup' | 'per-kernel';

/** The device limits the emitter plans against. */
export interface EmitLimits {
  maxComputeInvocationsPerWorkgroup: number;
  maxComputeWorkgroupSizeX: number;
  maxComputeWorkgroupSizeY: number;
  maxComputeWorkgroupStorageSize: number;
  maxComputeWorkgroupsPerDimension: number;
  maxStorageBufferBindingSize: number;
  maxStorageBuffersPerShaderStage: number;
  /**
   * Loop passes one invocation may take, all its loops together, before the driver ends them
   * silently (see LoopNest): 65,535 on Mesa's llvmpipe and lavapipe, unbounded on other devices.
   */
  maxLoopPasses: number;
}

/**
 * WebGPU's guaranteed minimums (core): what `nnc build` plans for without a device. WebGPU sets no
 * loop limit; the runtime learns llvmpipe's from the device (runtime/webgpu/gpu.ts).
 */
export const DEFAULT_LIMITS: EmitLimits = {
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupSizeX: 256,
  maxComputeWorkgroupSizeY: 256,
  maxComputeWorkgroupStorageSize: 16384,
  maxComputeWorkgroupsPerDimension: 65535,
  maxStorageBufferBindingSize: 134217728,
  maxStorageBuffersPerShaderStage: 8,
  maxLoopPasses: Number.POSITIVE_INFINITY,
};

export interface MemoryPlan {
  /** Arena offset (in f32 elements) of each plan buffer; -1 for buffers bound separately. */
  offsets: number[];
  /** Elements each buffer takes in the arena. */
  sizes: number[];
  arenaSize: number;
  /** Batch rows the arena is sized for. */
  maxRows: number;
}

/** Workgroups along one dimension: ceil((perRow * rows + fixed) / per), at least 1. */
export interface DispatchDim {
  perRow: number;
  fixed: number;
  per: number;
}

/**
 * A loop of a shader, counted as Mesa's llvmpipe counts it: at most ceil((perRow * rows + fixed) /
 * per) passes (rows: the step's), each running the `inner` loops once. llvmpipe (and lavapipe)
 * keep one counter per invocation (per SIMD vector of them) for all the loops of a shader and end
 * every loop, silently, once it reaches 65,535 (gallivm's LP_MAX_TGSI_LOOP_ITERATIONS). It runs
 * every branch with the inactive invocations masked off, so a loop of n passes takes n + 1 from the
 * counter (the pass that finds the condition false runs the body too, masked), plus its inner loops'
 * share on each of the n passes, plus one masked pass of each inner loop on the last (see
 * loopPasses; test/webgpu/loop-limit.test.ts checks this against the driver). The emitter records
 * every loop it makes so that no shader goes past the device's maxLoopPasses: a kernel that would
 * is refused, and the single-workgroup shader, which loops over the steps of a chunk, is given at
 * most stepsPerDispatch steps per dispatch.
 */
export interface LoopNest {
  perRow: number;
  fixed: number;
  per: number;
  inner: LoopNest[];
}

/** What `loops` take from the driver's loop counter in one invocation (see LoopNest), for a step of `rows` rows. */
export function loopPasses(loops: readonly LoopNest[], rows: number): number {
  let total = 0;
  for (const l of loops) {
    const passes = Math.ceil((l.perRow * rows + l.fixed) / l.per);
    total += passes + 1 + passes * loopPasses(l.inner, rows) + maskedPasses(l.inner);
  }
  return total;
}

/** What `loops` take when they run with every invocation masked off: one pass each, inner loops too. */
function maskedPasses(loops: readonly LoopNest[]): number {
  return loops.reduce((n, l) => n + 1 + maskedPasses(l.inner), 0);
}

/**
 * What a shader's start takes from the same counter: Tint zero-initializes workgroup memory (WebGPU
 * requires it) with a loop over each array larger than the workgroup, `invocations` elements a pass.
 */
export function zeroInitPasses(variableBytes: readonly number[], invocations: number): number {
  return variableBytes.reduce((n, bytes) => n + Math.ceil(bytes / 4 / invocations) + 1, 0);
}

/**
 * Steps one dispatch of a single-workgroup shader may loop over (at least 1) for batches of `rows`
 * rows: its step loop of s passes takes s + 1 from the counter, each step its kernels' loops, and
 * the last, masked pass one pass of each (LoopNest).
 */
export function stepsPerDispatch(k: EmittedKernel, rows: number, maxLoopPasses: number): number {
  const room = maxLoopPasses - k.zeroInitPasses - 1 - maskedPasses(k.stepLoops);
  return Math.max(1, Math.floor(room / (loopPasses(k.stepLoops, rows) + 1)));
}

export interface EmittedKernel {
  /** Names the layer and .nn line it comes from: dense.forward@5. */
  name: string;
  wgsl: string;
  workgroupSize: [number, number, number];
  /**
   * Workgroups: x (and y for tiled matmuls) as a function of the step's rows. A co-dispatched
   * shader has parts instead: its workgroups are the sum of each part's x * y.
   */
  dispatch: { x: DispatchDim; y: DispatchDim; parts?: Array<{ x: DispatchDim; y: DispatchDim }> };
  /** The plan kernels it runs (one, or all of a step's). */
  kernels: string[];
  origins: Origin[];
  /** Bindings the shader uses, by name (arena, features, labels, permutation, output, step). */
  bindings: Array<{ name: BindingName; binding: number; kind: BindingKind }>;
  /** Workgroup memory in bytes. */
  workgroupBytes: number;
  /**
   * The loops one invocation runs for one step (see LoopNest); the single-workgroup shader also
   * loops over the steps of a chunk, around them. A co-dispatched shader lists every part's loops.
   */
  stepLoops: LoopNest[];
  /** What the shader's start takes from the same counter, once per dispatch (see zeroInitPasses). */
  zeroInitPasses: number;
}

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
  /** Per-kernel strategy: independent neighbouring kernels share a dispatch (default true; see coDispatch). */
  coDispatch?: boolean;
  /** Force the matmul output tile side (benchmarks, tests); default: chosen per matmul (see matmulTile). */
  matmulTile?: MatmulTile;
  /**
   * Workgroups a matmul should spread over to keep the device busy: on a GPU with many cores a
   * smaller tile that gives more workgroups beats a larger one that leaves cores idle. Default 1
   * (the largest tile that fits: best where there are few cores, as on a software adapter).
   */
  minWorkgroups?: number;
}

/** Output tile side of a per-kernel matmul: 16 (one output per invocation), 32 or 64 (2x2 or 4x4 in registers). */
export type MatmulTile = 16 | 32 | 64;

/** Multiply-adds per step above which a step is spread over many workgroups. */
const SINGLE_WORKGROUP_MAX_WORK = 1 << 21;

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

export function emitWgsl(plan: Plan, options: EmitOptions): GpuProgram {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const memory = planMemory(plan, options.maxRows);
  if (memory.arenaSize * 4 > limits.maxStorageBufferBindingSize) {
    // Name the layer whose buffers take the most room: that is the one to make smaller.
    const byLayer = new Map<string, number>();
    for (const b of plan.buffers) {
      // parameters and their optimizer slots count for their layer: optimizer/m/dense/kernel is dense's
      const named = b.role === 'param' || b.name.startsWith('optimizer/') ? b.name.split('/').at(-2) : undefined;
      const what = named ?? b.origin?.what.replace(/ \(gradient\)$/, '') ?? b.name;
      byLayer.set(what, (byLayer.get(what) ?? 0) + memory.sizes[b.id]! * 4);
    }
    const [layer] = [...byLayer].sort((a, b) => b[1] - a[1])[0]!;
    throw new EmitLimitError(layer, 'its buffers in one storage binding (bytes)', memory.arenaSize * 4, limits.maxStorageBufferBindingSize);
  }
  const schedules = {} as Record<StepKind, EmittedSchedule>;
  for (const step of ['train', 'evaluate', 'predict'] as const) {
    const kernels = plan.schedules[step].kernels;
    const strategy = options.strategy ?? (stepWork(plan, kernels, options.maxRows) <= SINGLE_WORKGROUP_MAX_WORK ? 'single-workgroup' : 'per-kernel');
    const emitter = new Emitter(plan, memory, limits, { tile: options.matmulTile, minWorkgroups: options.minWorkgroups ?? 1 });
    const perKernel = () => emitter.perKernelSchedule(step, kernels, options.coDispatch ?? true);
    if (kernels.length === 0) {
      schedules[step] = { step, strategy, kernels: [] };
    } else if (strategy === 'single-workgroup') {
      try {
        schedules[step] = { step, strategy, kernels: [emitter.singleWorkgroup(step, kernels)] };
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

/** A model too big for the device: names what does not fit (the CLI turns it into NNC6004). */
export class EmitLimitError extends Error {
  constructor(
    readonly layer: string,
    readonly limit: string,
    readonly needed: number,
    readonly available: number,
  ) {
    super(`${layer} needs ${needed} for ${limit}, but the device offers ${available}`);
  }
}

function rowsOf(d: Dim, maxRows: number): number {
  if (d === 'B') return maxRows;
  if (d === 'N') throw new Error('emit: a kernel cannot range over N rows');
  return d;
}

/** Multiply-adds (or elements) one step does, at the largest batch. */
function stepWork(plan: Plan, kernels: Kernel[], maxRows: number): number {
  let work = 0;
  for (const k of kernels) {
    if (k.kind === 'matmul') work += rowsOf(k.rows, maxRows) * k.cols * rowsOf(k.inner, maxRows);
    else if (k.kind === 'reduce') work += rowsOf(k.rows, maxRows) * k.cols * Math.max(1, k.reductions.length);
    else for (const s of k.segments) work += rowsOf(s.rows, maxRows) * s.cols;
  }
  void plan;
  return work;
}

/** Arena offsets: parameters and state first (scalars together, so sums read back in one copy), then temporaries. */
export function planMemory(plan: Plan, maxRows: number): MemoryPlan {
  const offsets = plan.buffers.map(() => -1);
  const sizes = plan.buffers.map(() => 0);
  let at = 0;
  const place = (id: number) => {
    const b = plan.buffers[id]!;
    const n = rowsOf(b.rows, maxRows) * b.cols;
    offsets[id] = at;
    sizes[id] = n;
    at += n;
  };
  const arenaBuffers = plan.buffers.filter((b) => b.role === 'param' || b.role === 'state' || b.role === 'temp');
  const scalars = arenaBuffers.filter((b) => b.role === 'state' && b.rows === 1 && b.cols === 1);
  for (const b of scalars) place(b.id);
  for (const b of arenaBuffers) if (offsets[b.id] === -1 && b.role !== 'temp') place(b.id);
  for (const b of arenaBuffers) if (offsets[b.id] === -1) place(b.id);
  return { offsets, sizes, arenaSize: Math.max(at, 1), maxRows };
}

/** The per-step values a shader reads from its `Step` uniform. */
interface StepValues {
  offset: Expr;
  rows: Expr;
  step: Expr;
  seed: Expr;
}

/** Where an expression is evaluated: the element (i, j) of an index space with `cols` columns. */
interface Place {
  i: Expr;
  j: Expr;
  cols: number;
  lets: Map<string, Expr>;
  accs: Expr[];
}

class Emitter {
  constructor(
    private plan: Plan,
    private memory: MemoryPlan,
    private limits: EmitLimits,
    private matmul: { tile: MatmulTile | undefined; minWorkgroups: number },
  ) {}

  // ---- one module's bindings -------------------------------------------------------------

  private module(kernels: Kernel[]): ModuleContext {
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

  private finish(ctx: ModuleContext, name: string, workgroupSize: [number, number, number], dispatch: EmittedKernel['dispatch'], kernels: Kernel[], stepLoops: LoopNest[], stepLoop: boolean): EmittedKernel {
    const invocations = workgroupSize[0] * workgroupSize[1] * workgroupSize[2];
    const where = kernels[0]?.origins[0]?.what ?? name;
    // one step at the largest batch (inside the step loop, where there is one) must fit the driver's loop counter
    const zeroInit = zeroInitPasses(ctx.m.workgroupVariableSizes('main'), invocations);
    const passes = zeroInit + (stepLoop ? loopPasses([{ perRow: 0, fixed: 1, per: 1, inner: stepLoops }], this.memory.maxRows) : loopPasses(stepLoops, this.memory.maxRows));
    if (passes > this.limits.maxLoopPasses) {
      throw new EmitLimitError(where, 'loop passes per invocation', passes, this.limits.maxLoopPasses);
    }
    if (invocations > this.limits.maxComputeInvocationsPerWorkgroup) {
      throw new EmitLimitError(where, 'invocations per workgroup', invocations, this.limits.maxComputeInvocationsPerWorkgroup);
    }
    const workgroupBytes = ctx.m.workgroupStorageSize('main');
    if (workgroupBytes > this.limits.maxComputeWorkgroupStorageSize) {
      throw new EmitLimitError(where, 'workgroup storage (bytes)', workgroupBytes, this.limits.maxComputeWorkgroupStorageSize);
    }
    const bindings = ctx.m.bindings('main').map((b) => ({
      name: b.name as BindingName,
      binding: b.binding,
      kind: b.space === 'uniform' ? ('uniform' as const) : b.access === 'read' ? ('read-only-storage' as const) : ('storage' as const),
    }));
    const storage = bindings.filter((b) => b.kind !== 'uniform').length;
    if (storage > this.limits.maxStorageBuffersPerShaderStage) {
      throw new EmitLimitError(where, 'storage buffers per shader stage', storage, this.limits.maxStorageBuffersPerShaderStage);
    }
    return { name, wgsl: ctx.m.print(), workgroupSize, dispatch, kernels: kernels.map((k) => k.name), origins: kernels.flatMap((k) => k.origins), bindings, workgroupBytes, stepLoops, zeroInitPasses: zeroInit };
  }

  // ---- loops, recorded for the driver's loop counter (LoopNest) ------------------------------

  /** Where `loop` records the next loop: the shader's top level, or the body of the loop being built. */
  private recording: LoopNest[] = [];

  /** `b.for(...)`, recorded with the most passes it makes for a step of `rows` rows: ceil((perRow * rows + fixed) / per). */
  private loop(b: Block, passes: Omit<LoopNest, 'inner'>, name: string, from: Expr, to: Expr, body: (b: Block, i: Expr) => void, step?: Expr): void {
    const nest: LoopNest = { ...passes, inner: [] };
    this.recording.push(nest);
    const outer = this.recording;
    this.recording = nest.inner;
    try {
      b.for(name, from, to, body, step);
    } finally {
      this.recording = outer;
    }
  }

  /** The loops `build` makes (it builds a shader's body). */
  private loopsOf(build: () => void): LoopNest[] {
    const outer = this.recording;
    const loops: LoopNest[] = [];
    this.recording = loops;
    try {
      build();
    } finally {
      this.recording = outer;
    }
    return loops;
  }

  /** Passes of a loop over the elements of rows x cols, `per` at a time. */
  private passes(rows: Dim, cols: number, per: number): Omit<LoopNest, 'inner'> {
    return rows === 'B' ? { perRow: cols, fixed: 0, per } : { perRow: 0, fixed: rowsOf(rows, 1) * cols, per };
  }

  private workgroupWidth(): number {
    return Math.min(256, this.limits.maxComputeInvocationsPerWorkgroup, this.limits.maxComputeWorkgroupSizeX);
  }

  /** Invocations of a workgroup that keeps `slots` partial sums each in workgroup memory: a power of two that fits. */
  private reductionWidth(slots: number): number {
    let width = 1;
    while (width * 2 <= this.workgroupWidth()) width *= 2;
    while (width > 1 && width * slots * 4 > this.limits.maxComputeWorkgroupStorageSize) width >>= 1;
    return width;
  }

  // ---- the whole step in one workgroup -------------------------------------------------------

  singleWorkgroup(stepKind: StepKind, kernels: Kernel[]): EmittedKernel {
    const ctx = this.module(kernels);
    const { m, step } = ctx;
    const reductionSlots = Math.max(0, ...kernels.map((k) => (k.kind === 'reduce' && k.axis === 'all' ? k.reductions.length : 0)));
    const width = reductionSlots > 0 ? this.reductionWidth(reductionSlots) : this.workgroupWidth();
    const scratch = reductionSlots > 0 ? m.workgroupVar('partials', arrayOf(f32, width * reductionSlots)) : null;
    // the step loop is not recorded: stepsPerDispatch bounds its passes
    let stepLoops: LoopNest[] = [];
    m.compute('main', [width, 1, 1], (b, { lid }) => {
      const t = lid.x;
      b.for('s', lit.u32(0), step.field('count'), (b, s) => {
        const offset = b.let('offset', add(step.field('offset'), mul(s, step.field('batch'))));
        const rows = b.let('rows', min(step.field('batch'), sub(step.field('total'), offset)));
        const values: StepValues = { offset, rows, step: b.let('t', add(step.field('step'), s)), seed: step.field('seed') };
        stepLoops = this.loopsOf(() =>
          kernels.forEach((k) => {
            b.comment(`${k.name}`);
            this.phase(ctx, b, k, values, t, width, scratch);
            // every phase reads what earlier ones wrote, and the next step reads this one's updates
            b.storageBarrier();
            b.workgroupBarrier();
          }),
        );
      });
    });
    const one: DispatchDim = { perRow: 0, fixed: 1, per: 1 };
    return this.finish(ctx, `${stepKind}.step`, [width, 1, 1], { x: one, y: one }, kernels, stepLoops, true);
  }

  /** One kernel as a phase of the single-workgroup shader: thread t of `width` does elements t, t+width, ... */
  private phase(ctx: ModuleContext, b: Block, k: Kernel, v: StepValues, t: Expr, width: number, scratch: Expr | null): void {
    switch (k.kind) {
      case 'map':
        for (const seg of k.segments) {
          const total = this.count(seg.rows, seg.cols, v);
          this.loop(b, this.passes(seg.rows, seg.cols, width), 'e', t, total, (b, e) => this.element(ctx, b, e, seg.cols, seg.body, v), lit.u32(width));
        }
        return;
      case 'matmul': {
        const total = this.count(k.rows, k.cols, v);
        this.loop(b, this.passes(k.rows, k.cols, width), 'e', t, total, (b, e) => {
          const { i, j } = this.coords(b, e, k.cols);
          const acc = b.var('acc', lit.f32(0));
          this.loop(b, this.passes(k.inner, 1, 1), 'k', lit.u32(0), this.dim(k.inner, v), (b, kk) => {
            b.update(acc, '+=', mul(this.operand(ctx, k.a, i, kk, v), this.operand(ctx, k.b, kk, j, v)));
          });
          this.body(ctx, b, k.epilogue, { i, j, cols: k.cols, lets: new Map(), accs: [acc] }, v);
        }, lit.u32(width));
        return;
      }
      case 'reduce':
        if (k.axis === 'all') {
          this.reduceAll(ctx, b, k, v, t, width, scratch!);
          return;
        }
        this.loop(b, k.axis === 'cols' ? this.passes(k.rows, 1, width) : this.passes(1, k.cols, width), 'o', t, k.axis === 'cols' ? this.dim(k.rows, v) : lit.u32(k.cols), (b, o) => this.reduceLine(ctx, b, k, v, o), lit.u32(width));
        return;
    }
  }

  // ---- one dispatch per kernel ---------------------------------------------------------------

  perKernel(stepKind: StepKind, k: Kernel): EmittedKernel {
    const ctx = this.module([k]);
    const m = this.memberFor(ctx, stepKind, k);
    const loops = this.loopsOf(() => ctx.m.compute('main', m.size, m.body));
    return this.finish(ctx, m.name, m.size, m.dispatch, [k], loops, false);
  }

  /** The per-kernel strategy's shaders for a step: one per kernel, or per group that co-dispatch forms. */
  perKernelSchedule(stepKind: StepKind, kernels: Kernel[], together: boolean): EmittedKernel[] {
    const alone = kernels.map((k) => this.perKernel(stepKind, k));
    if (!together) return alone;
    return groupIndependentKernels(this.plan, kernels, alone, this.limits).flatMap((group) => {
      if (group.length === 1) return [alone[group[0]!]!];
      try {
        return [this.coDispatch(stepKind, group.map((i) => kernels[i]!))];
      } catch (e) {
        if (!(e instanceof EmitLimitError)) throw e;
        return group.map((i) => alone[i]!);
      }
    });
  }

  private memberFor(ctx: ModuleContext, stepKind: StepKind, k: Kernel): Member {
    const name = kernelFileName(stepKind, k);
    switch (k.kind) {
      case 'map':
        return this.mapKernel(ctx, name, k);
      case 'matmul':
        return this.matmulKernel(ctx, name, k);
      case 'reduce':
        return this.reduceKernel(ctx, name, k);
    }
  }

  /** A kernel's entry point, not yet declared: alone it is a shader; with others, a part of one (coDispatch). */
  private member(name: string, size: [number, number, number], dispatch: EmittedKernel['dispatch'], k: Kernel, body: MemberBody): Member {
    return { name, size, dispatch, kernel: k, body };
  }

  /**
   * Kernels of a step that do not depend on one another, in one dispatch: the workgroups are
   * numbered across them, and each runs the part its number falls in, with that kernel's own
   * workgroup and invocation ids. Fewer dispatches per step; the small ones run beside the large.
   * The parts must have the same number of invocations per workgroup.
   */
  coDispatch(stepKind: StepKind, kernels: Kernel[]): EmittedKernel {
    const ctx = this.module(kernels);
    const members = kernels.map((k, i) => this.memberFor({ ...ctx, prefix: `k${i}_` }, stepKind, k));
    const invocations = members[0]!.size[0] * members[0]!.size[1];
    if (members.some((m) => m.size[0] * m.size[1] * m.size[2] !== invocations)) throw new Error('emit: co-dispatched kernels need one workgroup size');
    // a workgroup runs one part; the parts' loops together bound what any one runs
    const loops = this.loopsOf(() => ctx.m.compute('main', [invocations, 1, 1], (b, { lindex, wid, nwg }) => {
      const rows = b.let('rows', ctx.step.field('rows'));
      const w = b.let('w', add(mul(wid.y, nwg.x), wid.x));
      let start: Expr = lit.u32(0);
      members.forEach((m) => {
        b.comment(m.kernel.name);
        const nx = b.let('nx', this.workgroupCount(m.dispatch.x, rows));
        const ny = b.let('ny', this.workgroupCount(m.dispatch.y, rows));
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
    const one: DispatchDim = { perRow: 0, fixed: 1, per: 1 };
    const name = `${stepKind}.${kernels.map((k) => kernelFileName(stepKind, k).slice(stepKind.length + 1)).join('+')}`;
    return { ...this.finish(ctx, name, [invocations, 1, 1], { x: one, y: one }, kernels, loops, false), dispatch: { x: one, y: one, parts: members.map((m) => m.dispatch) } };
  }

  /** In WGSL, what the runtime computes for a dispatch dimension: max(1, ceil((perRow * rows + fixed) / per)). */
  private workgroupCount(d: DispatchDim, rows: Expr): Expr {
    if (d.perRow === 0) return lit.u32(Math.max(1, Math.ceil(d.fixed / d.per)));
    return max(lit.u32(1), div(add(mul(rows, lit.u32(d.perRow)), lit.u32(d.fixed + d.per - 1)), lit.u32(d.per)));
  }

  private stepValues(ctx: ModuleContext, b: Block): StepValues {
    const s = ctx.step;
    return { offset: b.let('offset', s.field('offset')), rows: b.let('rows', s.field('rows')), step: b.let('t', s.field('step')), seed: s.field('seed') };
  }

  private mapKernel(ctx: ModuleContext, name: string, k: MapKernel): Member {
    const width = Math.min(64, this.workgroupWidth());
    const maxX = this.limits.maxComputeWorkgroupsPerDimension;
    const body: MemberBody = (b, { wid, lid, nwg }) => {
      const v = this.stepValues(ctx, b);
      const id = b.let('id', add(mul(add(mul(wid.y, nwg.x), wid.x), lit.u32(width)), lid.x));
      let start: Expr = lit.u32(0);
      for (const seg of k.segments) {
        const count = b.let('count', this.count(seg.rows, seg.cols, v));
        const from = start;
        b.if(and(ge(id, from), lt(id, add(from, count))), (b) => this.element(ctx, b, sub(id, from), seg.cols, seg.body, v));
        start = b.let('end', add(from, count));
      }
    };
    let perRow = 0;
    let fixed = 0;
    for (const s of k.segments) {
      if (s.rows === 'B') perRow += s.cols;
      else fixed += rowsOf(s.rows, 1) * s.cols;
    }
    void maxX;
    return this.member(name, [width, 1, 1], { x: { perRow, fixed, per: width }, y: { perRow: 0, fixed: 1, per: 1 } }, k, body);
  }

  /** The matmul tile: 16x16 where the device allows 256 invocations, else smaller. */
  private tile(): number {
    let t = 16;
    const l = this.limits;
    while (t > 1 && (t * t > l.maxComputeInvocationsPerWorkgroup || t > l.maxComputeWorkgroupSizeX || t > l.maxComputeWorkgroupSizeY)) t >>= 1;
    return t;
  }

  /**
   * A TxT tile of the output per workgroup of WxW invocations (T = W * R), each computing an RxR
   * block in registers from TxTK slices of A and B staged in workgroup memory. R = 2 or 4 loads R
   * times less from workgroup memory per multiply-add than one output per invocation (R = 1); a
   * long k slice (TK = 4W for R = 1) means fewer barriers per multiply-add. Slices are loaded with
   * consecutive invocations on consecutive addresses of the operand's storage (a transposed
   * operand is read down its columns). Each output still sums k in order, as the CPU does.
   */
  private matmulTiled(ctx: ModuleContext, name: string, k: MatmulKernel, W: number, R: number, TK: number): Member {
    const T = W * R; // output tile side
    const tileA = ctx.m.workgroupVar(ctx.prefix + 'tile_a', arrayOf(f32, T * TK)); // [T rows][TK]
    const tileB = ctx.m.workgroupVar(ctx.prefix + 'tile_b', arrayOf(f32, TK * T)); // [TK][T cols]
    const colTiles = Math.ceil(k.cols / T);
    const body: MemberBody = (b, { wid, lid, nwg }) => {
      const v = this.stepValues(ctx, b);
      const M = b.let('m', this.dim(k.rows, v));
      const K = b.let('k_len', this.dim(k.inner, v));
      const N = lit.u32(k.cols);
      // tiles from the flat workgroup index: the runtime splits a long x over y (maxComputeWorkgroupsPerDimension)
      const tile = b.let('tile', add(mul(wid.y, nwg.x), wid.x));
      const row0 = b.let('row0', mul(div(tile, lit.u32(colTiles)), lit.u32(T)));
      const col0 = b.let('col0', mul(mod(tile, lit.u32(colTiles)), lit.u32(T)));
      const flat = b.let('flat', add(mul(lid.y, lit.u32(W)), lid.x));
      // the output row (column) of this invocation's r-th row (column) in the tile
      const own = (l: Expr, r: number) => (R === 1 ? l : add(mul(l, lit.u32(R)), lit.u32(r)));
      const acc: Expr[][] = [];
      for (let r = 0; r < R; r++) {
        acc.push([]);
        for (let c = 0; c < R; c++) acc[r]!.push(b.var(R === 1 ? 'acc' : `acc${r}${c}`, lit.f32(0)));
      }
      this.loop(b, this.passes(k.inner, 1, TK), 't0', lit.u32(0), K, (b, t0) => {
        for (let q = 0; q < (T * TK) / (W * W); q++) {
          const e = b.let('e', add(flat, lit.u32(q * W * W)));
          // A's slice, element (ar, ak) at tile_a[ar * TK + ak]
          const [ar, ak] = k.a.transpose ? [b.let('ar', mod(e, lit.u32(T))), b.let('ak', div(e, lit.u32(T)))] : [b.let('ar', div(e, lit.u32(TK))), b.let('ak', mod(e, lit.u32(TK)))];
          const ai = b.let('ai', add(row0, ar));
          const aka = b.let('aka', add(t0, ak));
          const a = b.var('a', lit.f32(0));
          b.if(and(lt(ai, M), lt(aka, K)), (b) => b.assign(a, this.operand(ctx, k.a, ai, aka, v)));
          b.assign(tileA.at(add(mul(ar, lit.u32(TK)), ak)), a);
          // B's slice, element (bk, bc) at tile_b[bk * T + bc]
          const [bk, bc] = k.b.transpose ? [b.let('bk', mod(e, lit.u32(TK))), b.let('bc', div(e, lit.u32(TK)))] : [b.let('bk', div(e, lit.u32(T))), b.let('bc', mod(e, lit.u32(T)))];
          const bj = b.let('bj', add(col0, bc));
          const bka = b.let('bka', add(t0, bk));
          const bv = b.var('bv', lit.f32(0));
          b.if(and(lt(bka, K), lt(bj, N)), (b) => b.assign(bv, this.operand(ctx, k.b, bka, bj, v)));
          b.assign(tileB.at(add(mul(bk, lit.u32(T)), bc)), bv);
        }
        b.workgroupBarrier();
        this.loop(b, this.passes(1, TK, 1), 'kk', lit.u32(0), lit.u32(TK), (b, kk) => {
          const as = Array.from({ length: R }, (_, r) => b.let(`a${r}`, tileA.at(add(mul(own(lid.y, r), lit.u32(TK)), kk))));
          const bs = Array.from({ length: R }, (_, c) => b.let(`b${c}`, tileB.at(add(mul(kk, lit.u32(T)), own(lid.x, c)))));
          for (let r = 0; r < R; r++) for (let c = 0; c < R; c++) b.update(acc[r]![c]!, '+=', mul(as[r]!, bs[c]!));
        });
        b.workgroupBarrier();
      }, lit.u32(TK));
      for (let r = 0; r < R; r++) {
        for (let c = 0; c < R; c++) {
          const i = b.let('i', add(row0, own(lid.y, r)));
          const j = b.let('j', add(col0, own(lid.x, c)));
          b.if(and(lt(i, M), lt(j, N)), (b) => this.body(ctx, b, k.epilogue, { i, j, cols: k.cols, lets: new Map(), accs: [acc[r]![c]!] }, v));
        }
      }
    };
    const x: DispatchDim = { perRow: 0, fixed: k.cols, per: T };
    const y: DispatchDim = k.rows === 'B' ? { perRow: 1, fixed: 0, per: T } : { perRow: 0, fixed: rowsOf(k.rows, 1), per: T };
    return this.member(name, [W, W, 1], { x, y }, k, body);
  }

  /**
   * The output tile of a per-kernel matmul: the largest of 64, 32 and 16 whose sides the output
   * fills and that still gives `minWorkgroups` workgroups at the largest batch (16 otherwise).
   */
  private matmulTile(k: MatmulKernel): MatmulTile {
    const rows = rowsOf(k.rows, this.memory.maxRows);
    const l = this.limits;
    const registers = l.maxComputeInvocationsPerWorkgroup >= 256 && l.maxComputeWorkgroupSizeX >= 16 && l.maxComputeWorkgroupSizeY >= 16 && l.maxComputeWorkgroupStorageSize >= 8192;
    if (!registers) return 16;
    if (this.matmul.tile) return this.matmul.tile;
    for (const t of [64, 32] as const) {
      if (rows >= t && k.cols >= t && Math.ceil(rows / t) * Math.ceil(k.cols / t) >= this.matmul.minWorkgroups) return t;
    }
    return 16;
  }

  private matmulKernel(ctx: ModuleContext, name: string, k: MatmulKernel): Member {
    const tile = this.matmulTile(k);
    if (tile !== 16) return this.matmulTiled(ctx, name, k, 16, tile / 16, 16);
    // one output per invocation, W = 16 where the device allows 256 invocations (else smaller)
    const W = this.tile();
    const slices = k.inner === 'B' ? 4 : Math.min(4, Math.ceil(rowsOf(k.inner, 1) / W)); // no longer than k
    return this.matmulTiled(ctx, name, k, W, 1, slices * W);
  }

  private reduceKernel(ctx: ModuleContext, name: string, k: ReduceKernel): Member {
    if (k.axis === 'all') {
      const width = this.reductionWidth(k.reductions.length);
      const scratch = ctx.m.workgroupVar(ctx.prefix + 'partials', arrayOf(f32, width * k.reductions.length));
      const body: MemberBody = (b, { lid }) => {
        const v = this.stepValues(ctx, b);
        this.reduceAll(ctx, b, k, v, lid.x, width, scratch);
      };
      const one: DispatchDim = { perRow: 0, fixed: 1, per: 1 };
      return this.member(name, [width, 1, 1], { x: one, y: one }, k, body);
    }
    if (k.axis === 'rows' && !k.reductions.some((r) => r.op === 'argmax')) return this.reduceColumnsKernel(ctx, name, k);
    const width = Math.min(64, this.workgroupWidth());
    const body: MemberBody = (b, { gid }) => {
      const v = this.stepValues(ctx, b);
      const count = k.axis === 'cols' ? this.dim(k.rows, v) : lit.u32(k.cols);
      b.if(lt(gid.x, count), (b) => this.reduceLine(ctx, b, k, v, gid.x));
    };
    const x: DispatchDim = k.axis === 'cols' ? (k.rows === 'B' ? { perRow: 1, fixed: 0, per: width } : { perRow: 0, fixed: rowsOf(k.rows, 1), per: width }) : { perRow: 0, fixed: k.cols, per: width };
    return this.member(name, [width, 1, 1], { x, y: { perRow: 0, fixed: 1, per: 1 } }, k, body);
  }

  /**
   * Sums (or maxima) down the columns, as a bias gradient is: a workgroup takes COLS columns, its
   * LANES invocations per column take rows lane, lane + LANES, ... (neighbouring invocations on
   * neighbouring columns of a row), then a tree over the lanes in workgroup memory, and lane 0
   * runs the epilogue. One invocation per column would walk a whole batch alone.
   */
  private reduceColumnsKernel(ctx: ModuleContext, name: string, k: ReduceKernel): Member {
    const COLS = 4;
    let lanes = 1;
    while (lanes * 2 * COLS <= this.workgroupWidth() && lanes < 64 && lanes * 2 * COLS * k.reductions.length * 4 <= this.limits.maxComputeWorkgroupStorageSize) lanes *= 2;
    const n = k.reductions.length;
    const scratch = ctx.m.workgroupVar(ctx.prefix + 'partials', arrayOf(f32, lanes * COLS * n)); // [reduction][lane][column]
    const slot = (r: number, lane: Expr, c: Expr) => add(lit.u32(r * lanes * COLS), add(mul(lane, lit.u32(COLS)), c));
    const body: MemberBody = (b, { wid, lid, nwg }) => {
      const v = this.stepValues(ctx, b);
      // the flat workgroup index: the runtime splits a long x over y (maxComputeWorkgroupsPerDimension)
      const j = b.let('col', add(mul(add(mul(wid.y, nwg.x), wid.x), lit.u32(COLS)), lid.x));
      const accs = k.reductions.map((r, m) => b.var(`acc${m}`, lit.f32(r.op === 'sum' ? 0 : -F32_MAX)));
      b.if(lt(j, lit.u32(k.cols)), (b) => {
        this.loop(b, this.passes(k.rows, 1, lanes), 'r', lid.y, this.dim(k.rows, v), (b, r) => {
          this.accumulate(ctx, b, k, v, { i: r, j, cols: k.cols, lets: new Map(), accs: [] }, accs, [], r);
        }, lit.u32(lanes));
      });
      k.reductions.forEach((_, m) => b.assign(scratch.at(slot(m, lid.y, lid.x)), accs[m]!));
      b.workgroupBarrier();
      for (let half = lanes >> 1; half >= 1; half >>= 1) {
        b.if(lt(lid.y, lit.u32(half)), (b) => {
          k.reductions.forEach((r, m) => {
            const here = scratch.at(slot(m, lid.y, lid.x));
            const there = scratch.at(slot(m, add(lid.y, lit.u32(half)), lid.x));
            b.assign(here, r.op === 'sum' ? add(here, there) : max(here, there));
          });
        });
        b.workgroupBarrier();
      }
      b.if(and(eq(lid.y, lit.u32(0)), lt(j, lit.u32(k.cols))), (b) => {
        const totals = k.reductions.map((_, m) => b.let(`total${m}`, scratch.at(slot(m, lit.u32(0), lid.x))));
        this.body(ctx, b, k.epilogue, { i: lit.u32(0), j, cols: k.cols, lets: new Map(), accs: totals }, v);
      });
    };
    return this.member(name, [COLS, lanes, 1], { x: { perRow: 0, fixed: k.cols, per: COLS }, y: { perRow: 0, fixed: 1, per: 1 } }, k, body);
  }

  // ---- shared pieces -------------------------------------------------------------------------

  private dim(d: Dim, v: StepValues): Expr {
    return d === 'B' ? v.rows : lit.u32(rowsOf(d, 1));
  }

  private count(rows: Dim, cols: number, v: StepValues): Expr {
    return rows === 'B' ? (cols === 1 ? v.rows : mul(v.rows, lit.u32(cols))) : lit.u32(rowsOf(rows, 1) * cols);
  }

  private coords(b: Block, e: Expr, cols: number): { i: Expr; j: Expr } {
    if (cols === 1) return { i: e, j: lit.u32(0) };
    return { i: b.let('i', div(e, lit.u32(cols))), j: b.let('j', mod(e, lit.u32(cols))) };
  }

  private element(ctx: ModuleContext, b: Block, e: Expr, cols: number, body: Body, v: StepValues): void {
    const { i, j } = this.coords(b, e, cols);
    this.body(ctx, b, body, { i, j, cols, lets: new Map(), accs: [] }, v);
  }

  /** Reductions along one row (axis cols, o = row) or one column (axis rows, o = column), then the epilogue. */
  private reduceLine(ctx: ModuleContext, b: Block, k: ReduceKernel, v: StepValues, o: Expr): void {
    const accs = k.reductions.map((r, n) => b.var(`acc${n}`, lit.f32(r.op === 'sum' ? 0 : r.op === 'max' ? -F32_MAX : 0)));
    const best = k.reductions.map((r, n) => (r.op === 'argmax' ? b.var(`best${n}`, lit.f32(-F32_MAX)) : null));
    const along = k.axis === 'cols' ? lit.u32(k.cols) : this.dim(k.rows, v);
    this.loop(b, k.axis === 'cols' ? this.passes(1, k.cols, 1) : this.passes(k.rows, 1, 1), 'r', lit.u32(0), along, (b, r) => {
      const place: Place = k.axis === 'cols' ? { i: o, j: r, cols: k.cols, lets: new Map(), accs: [] } : { i: r, j: o, cols: k.cols, lets: new Map(), accs: [] };
      this.accumulate(ctx, b, k, v, place, accs, best, r);
    });
    const out: Place = k.axis === 'cols' ? { i: o, j: lit.u32(0), cols: 1, lets: new Map(), accs } : { i: lit.u32(0), j: o, cols: k.cols, lets: new Map(), accs };
    this.body(ctx, b, k.epilogue, out, v);
  }

  private accumulate(ctx: ModuleContext, b: Block, k: ReduceKernel, v: StepValues, place: Place, accs: Expr[], best: Array<Expr | null>, index: Expr): void {
    for (const l of k.prologue) place.lets.set(l.name, b.let(safe(l.name), this.expr(ctx, l.value, place, v)));
    k.reductions.forEach((r, n) => {
      const x = b.let(`x${n}`, this.expr(ctx, r.value, place, v));
      if (r.op === 'sum') b.update(accs[n]!, '+=', x);
      else if (r.op === 'max') b.assign(accs[n]!, max(accs[n]!, x));
      else {
        b.if(gt(x, best[n]!), (b) => {
          b.assign(best[n]!, x);
          b.assign(accs[n]!, cast(f32, index));
        });
      }
    });
  }

  /** Sum (or max) of everything: strided partials per thread, then a tree in workgroup memory; thread 0 runs the epilogue. */
  private reduceAll(ctx: ModuleContext, b: Block, k: ReduceKernel, v: StepValues, t: Expr, width: number, scratch: Expr): void {
    if (k.reductions.some((r) => r.op === 'argmax')) throw new Error('emit: argmax over all elements is not supported');
    const accs = k.reductions.map((r, n) => b.var(`acc${n}`, lit.f32(r.op === 'sum' ? 0 : -F32_MAX)));
    this.loop(b, this.passes(k.rows, k.cols, width), 'e', t, this.count(k.rows, k.cols, v), (b, e) => {
      const { i, j } = this.coords(b, e, k.cols);
      this.accumulate(ctx, b, k, v, { i, j, cols: k.cols, lets: new Map(), accs: [] }, accs, [], e);
    }, lit.u32(width));
    k.reductions.forEach((_, n) => b.assign(scratch.at(add(lit.u32(n * width), t)), accs[n]!));
    b.workgroupBarrier();
    for (let half = width >> 1; half >= 1; half >>= 1) {
      b.if(lt(t, lit.u32(half)), (b) => {
        k.reductions.forEach((r, n) => {
          const here = scratch.at(add(lit.u32(n * width), t));
          const there = scratch.at(add(lit.u32(n * width + half), t));
          b.assign(here, r.op === 'sum' ? add(here, there) : max(here, there));
        });
      });
      b.workgroupBarrier();
    }
    b.if(eq(t, lit.u32(0)), (b) => {
      const finals = k.reductions.map((_, n) => b.let(`total${n}`, scratch.at(lit.u32(n * width))));
      this.body(ctx, b, k.epilogue, { i: lit.u32(0), j: lit.u32(0), cols: 1, lets: new Map(), accs: finals }, v);
    });
  }

  /** Lets, then every store's value, then the stores (a body may overwrite what it reads). */
  private body(ctx: ModuleContext, b: Block, body: Body, place: Place, v: StepValues): void {
    for (const l of body.lets) place.lets.set(l.name, b.let(safe(l.name), this.expr(ctx, l.value, place, v)));
    const values = body.stores.map((s, n) => b.let(`v${n}`, this.expr(ctx, s.value, place, v)));
    body.stores.forEach((s, n) => b.assign(this.element_(ctx, s.buf, s.at, place, v), values[n]!));
  }

  /** The storage element `at` picks for the place (i, j). */
  private element_(ctx: ModuleContext, buf: number, at: Access, p: Place, v: StepValues): Expr {
    const info = this.plan.buffers[buf]!;
    const cols = info.cols;
    const rowIndex = (row: Expr) => (cols === 1 ? row : add(mul(row, lit.u32(cols)), p.j));
    switch (info.role) {
      case 'features':
      case 'labels': {
        const data = info.role === 'features' ? ctx.features : ctx.labels;
        if (at !== 'gather') throw new Error(`emit: ${info.name} is read by gather only`);
        return data.at(rowIndex(ctx.permutation.at(add(v.offset, p.i))));
      }
      case 'output':
        return ctx.output.at(rowIndex(add(add(ctx.step.field('base'), v.offset), p.i)));
      case 'permutation':
        throw new Error('emit: the permutation is not an f32 buffer');
      default: {
        const base = this.memory.offsets[buf]!;
        let index: Expr;
        switch (at) {
          case 'elem':
            index = p.cols === 1 ? p.i : add(mul(p.i, lit.u32(p.cols)), p.j);
            break;
          case 'row':
            index = p.j;
            break;
          case 'col':
            index = p.i;
            break;
          case 'scalar':
            index = lit.u32(0);
            break;
          default:
            throw new Error(`emit: ${info.name} cannot be read by ${at}`);
        }
        return ctx.arena.at(base === 0 ? index : add(lit.u32(base), index));
      }
    }
  }

  private operand(ctx: ModuleContext, o: MatmulKernel['a'], row: Expr, col: Expr, v: StepValues): Expr {
    // logical element (row, col) of the operand; transposed operands read (col, row) of storage
    const [r, c] = o.transpose ? [col, row] : [row, col];
    return this.element_(ctx, o.buf, o.at === 'gather' ? 'gather' : 'elem', { i: r, j: c, cols: this.plan.buffers[o.buf]!.cols, lets: new Map(), accs: [] }, v);
  }

  private expr(ctx: ModuleContext, e: PlanExpr, p: Place, v: StepValues): Expr {
    switch (e.k) {
      case 'num':
        return lit.f32(Number.isFinite(e.v) ? e.v : e.v > 0 ? F32_MAX : -F32_MAX);
      case 'uniform':
        return cast(f32, e.name === 'rows' ? v.rows : v.step);
      case 'load':
        return this.element_(ctx, e.buf, e.at, p, v);
      case 'call':
        return wgslElementwise(ctx.m, e.fn, e.args.map((a) => this.expr(ctx, a, p, v)), e.alpha);
      case 'let': {
        const x = p.lets.get(e.name);
        if (!x) throw new Error(`emit: let ${e.name} is not defined here`);
        return x;
      }
      case 'acc': {
        const x = p.accs[e.index];
        if (!x) throw new Error(`emit: acc${e.index} is not defined here`);
        return x;
      }
      case 'rand': {
        const rng = rngFunctions(ctx.m);
        const key = rng.mix32(bitXor(v.seed, v.step));
        return rng.uniform(key, lit.u32(e.stream), add(mul(p.i, lit.u32(p.cols)), p.j));
      }
      case 'col':
        return cast(f32, p.j);
    }
  }
}

type MemberBody = (b: Block, builtins: ComputeBuiltins) => void;

/** A kernel's entry point before it is declared: its workgroup size, dispatch and body. */
interface Member {
  name: string;
  size: [number, number, number];
  dispatch: EmittedKernel['dispatch'];
  kernel: Kernel;
  body: MemberBody;
}

interface ModuleContext {
  m: WgslModule;
  /** Prefix of workgroup variables: one per kernel when several share a module (coDispatch). */
  prefix: string;
  arena: Expr;
  features: Expr;
  labels: Expr;
  permutation: Expr;
  output: Expr;
  step: Expr;
}

const F32_MAX = 3.4028234663852886e38;

function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/** A kernel's file name: the step, the layer and the .nn line it comes from. */
export function kernelFileName(step: StepKind, k: Kernel): string {
  const line = k.origins.find((o) => o.span)?.span?.line;
  return `${step}.${k.name.replace(/[^A-Za-z0-9_.-]+/g, '_')}${line ? `@${line}` : ''}`;
}
