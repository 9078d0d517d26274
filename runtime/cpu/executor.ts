// The CPU interpreter: runs a plan's kernels, compiled once to JavaScript, over Float32Arrays.
// It is the reference the GPU backend is tested against and the fallback when there is no GPU.
import type { Plan, StepKind } from '../../compiler/plan/ir.js';
import type { BoundData, Executor, StepArgs } from '../executor.js';
import { compileKernel, type CompiledKernel } from './codegen.js';

export class CpuExecutor implements Executor {
  readonly description = 'cpu';
  private mem: Array<Float32Array | Uint32Array>;
  private kernels: Record<StepKind, CompiledKernel[]>;
  private batchCapacity = 0;
  private bound: BoundData | null = null;

  constructor(readonly plan: Plan) {
    this.mem = plan.buffers.map((b) => (b.dtype === 'u32' ? new Uint32Array(0) : new Float32Array(0)));
    for (const b of plan.buffers) {
      if (typeof b.rows === 'number') {
        const a = new Float32Array(b.rows * b.cols);
        if (b.fill) a.fill(b.fill);
        this.mem[b.id] = a;
      }
    }
    this.kernels = {
      train: plan.schedules.train.kernels.map((k) => compileKernel(plan, k)),
      evaluate: plan.schedules.evaluate.kernels.map((k) => compileKernel(plan, k)),
      predict: plan.schedules.predict.kernels.map((k) => compileKernel(plan, k)),
    };
  }

  /** Batch-sized buffers grow to the largest batch seen. */
  private ensureBatchCapacity(rows: number): void {
    if (rows <= this.batchCapacity) return;
    this.batchCapacity = rows;
    for (const b of this.plan.buffers) {
      if (b.rows === 'B') this.mem[b.id] = new Float32Array(rows * b.cols);
    }
  }

  bindData(data: BoundData): void {
    if (this.bound?.key === data.key && this.bound.features === data.features) return;
    this.bound = data;
    const { io } = this.plan;
    this.mem[io.features] = data.features;
    this.mem[io.labels] = data.labels;
    const out = this.plan.buffers[io.output]!;
    this.mem[io.output] = new Float32Array(data.rows * out.cols);
  }

  setPermutation(perm: Uint32Array): void {
    this.mem[this.plan.io.permutation] = perm;
  }

  write(buffer: number, values: Float32Array): void {
    const target = this.mem[buffer]!;
    if (target.length !== values.length) {
      throw new Error(`cpu: writing ${values.length} values into ${this.plan.buffers[buffer]!.name} of ${target.length}`);
    }
    target.set(values);
  }

  async read(buffer: number): Promise<Float32Array> {
    return Float32Array.from(this.mem[buffer]!);
  }

  /** Synchronous read for the host's per-step checks and for tests. */
  view(buffer: number): Float32Array | Uint32Array {
    return this.mem[buffer]!;
  }

  run(kind: StepKind, steps: StepArgs[], seed: number): void {
    const kernels = this.kernels[kind];
    const mem = this.mem;
    const flagId = this.plan.io.nonFiniteStep;
    const watchLoss = kind === 'train' && flagId >= 0;
    if (watchLoss && mem[flagId]![0] !== 0) return;
    for (const s of steps) {
      this.ensureBatchCapacity(s.rows);
      for (let k = 0; k < kernels.length; k++) kernels[k]!(mem, s.rows, s.offset, s.step, seed);
      // TerminateOnNaN: stop right after the step whose loss was not finite.
      if (watchLoss && mem[flagId]![0] !== 0) return;
    }
  }

  async flush(): Promise<void> {}

  dispose(): void {
    this.mem = [];
  }
}
