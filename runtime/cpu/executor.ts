// The CPU interpreter: runs a plan's kernels, compiled once to JavaScript (the dot products of
// matmuls to WebAssembly SIMD), over typed-array views of one WebAssembly.Memory (memory.ts). It
// is the reference the GPU backend is tested against and the fallback when there is no GPU.
import type { Plan, StepKind } from '../../compiler/plan/ir.js';
import type { BoundData, Executor, StepArgs } from '../executor.js';
import { PlanCompiler, type CodegenOptions, type CompiledKernel } from './codegen.js';
import { memoryImport, PlanMemory, type MemoryOptions } from './memory.js';
import { defaultThreads } from './threads.js';

export interface CpuExecutorOptions extends CodegenOptions, MemoryOptions {
  /** Threads for large matrix products (default: the machine's cores); the results are the same bits whatever the count. */
  threads?: number;
}

export class CpuExecutor implements Executor {
  readonly description = 'cpu';
  readonly batchCapacity = Number.POSITIVE_INFINITY;
  /** Threads its large matrix products run on. */
  readonly threads: number;
  // All mutable state lives in `memory` (never reassigned here), so wrappers made with
  // Object.create(executor) share it.
  private readonly memory: PlanMemory;
  private readonly kernels: Record<StepKind, CompiledKernel[]>;

  constructor(
    readonly plan: Plan,
    options: CpuExecutorOptions = {},
  ) {
    const threads = options.threads ?? defaultThreads();
    this.threads = threads;
    // on several threads, the SIMD calls of a kernel's loops are shared out too (simd-calls.ts)
    const compiler = new PlanCompiler(plan, { ...options, recordCalls: threads > 1 });
    this.kernels = {
      train: plan.schedules.train.kernels.map((k) => compiler.kernel(k)),
      evaluate: plan.schedules.evaluate.kernels.map((k) => compiler.kernel(k)),
      predict: plan.schedules.predict.kernels.map((k) => compiler.kernel(k)),
    };
    this.memory = new PlanMemory(plan, compiler.module(memoryImport(threads)), { ...options, threads });
  }

  bindData(data: BoundData): void {
    this.memory.bind(data);
  }

  setPermutation(perm: Uint32Array): void {
    this.memory.setPermutation(perm);
  }

  write(buffer: number, values: Float32Array): void {
    const target = this.memory.views[buffer]!;
    if (target.length !== values.length) {
      throw new Error(`cpu: writing ${values.length} values into ${this.plan.buffers[buffer]!.name} of ${target.length}`);
    }
    target.set(values);
  }

  async read(buffer: number): Promise<Float32Array> {
    const view = this.memory.views[buffer]!;
    return view instanceof Float32Array ? view.slice() : Float32Array.from(view);
  }

  /**
   * Synchronous read for the host's per-step checks and for tests: a live view into the memory,
   * valid until the next run, bindData or setPermutation (each may lay the memory out again).
   */
  view(buffer: number): Float32Array | Uint32Array {
    return this.memory.views[buffer]!;
  }

  run(kind: StepKind, steps: StepArgs[], seed: number): void {
    const kernels = this.kernels[kind];
    let most = 0;
    for (const s of steps) if (s.rows > most) most = s.rows;
    this.memory.ensureBatchCapacity(most);
    const mem = this.memory.views;
    const ctx = this.memory.ctx;
    const flagId = this.plan.io.nonFiniteStep;
    const watchLoss = kind === 'train' && flagId >= 0;
    if (watchLoss && mem[flagId]![0] !== 0) return;
    for (const s of steps) {
      for (let k = 0; k < kernels.length; k++) kernels[k]!(mem, s.rows, s.offset, s.step, seed, ctx);
      // TerminateOnNaN: stop right after the step whose loss was not finite.
      if (watchLoss && mem[flagId]![0] !== 0) return;
    }
  }

  /**
   * Each kernel of a `kind` step run alone `repeat` times with the step's arguments (the memory
   * as the last run left it): the best wall time of each, in milliseconds, in plan order. A tool
   * for finding where a step's time goes (bench/cpu-kernels.ts); the buffers end up changed.
   */
  timeKernels(kind: StepKind, step: StepArgs, seed: number, repeat = 7): number[] {
    this.memory.ensureBatchCapacity(step.rows);
    const mem = this.memory.views;
    const ctx = this.memory.ctx;
    return this.kernels[kind].map((kernel) => {
      let best = Number.POSITIVE_INFINITY;
      for (let r = 0; r < repeat; r++) {
        const t0 = performance.now();
        kernel(mem, step.rows, step.offset, step.step, seed, ctx);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    });
  }

  async flush(): Promise<void> {}

  dispose(): void {
    this.memory.release();
  }
}
