// What the host (runtime/session.ts) asks of an executor. The CPU interpreter and the WebGPU
// backend both run a Plan behind this interface, so the training loop exists once.
import type { Plan, StepKind } from '../compiler/plan/ir.js';

/** One step (one batch) to run: which rows of the bound dataset, and the optimizer iteration. */
export interface StepArgs {
  /** First position of the batch in the permutation. */
  offset: number;
  /** Rows in this batch (the last batch of an epoch may be short). */
  rows: number;
  /** Optimizer iteration t, 1-based (train); the dropout key. */
  step: number;
}

/** A dataset as the plan reads it: features and labels of N rows, encoded for the loss. */
export interface BoundData {
  /** Identifies the dataset, so an executor uploads it once and reuses it. */
  key: string;
  rows: number;
  features: Float32Array;
  labels: Float32Array;
}

export interface Executor {
  /** 'cpu', or 'webgpu (<adapter>)': printed so the user knows what ran. */
  readonly description: string;
  /** The largest batch it can run: a GPU's buffers are sized once; the CPU grows its own (Infinity). */
  readonly batchCapacity: number;
  readonly plan: Plan;
  /** Makes `data` the dataset the next steps read (uploaded once per key). */
  bindData(data: BoundData): void;
  /** The row order for the next steps over the bound data (N entries). */
  setPermutation(perm: Uint32Array): void;
  write(buffer: number, values: Float32Array): void;
  read(buffer: number): Promise<Float32Array>;
  /** The first element of each buffer, read together (one GPU readback for all epoch sums). */
  readScalars?(buffers: number[]): Promise<number[]>;
  /**
   * Runs `steps` of kind `kind` in order. Train steps stop early once a step's loss is not finite
   * (the plan records which one); the host reads that flag when it next reads the sums.
   */
  run(kind: StepKind, steps: StepArgs[], seed: number): void;
  /** Waits for everything queued (a no-op on the CPU). */
  flush(): Promise<void>;
  dispose(): void;
}
