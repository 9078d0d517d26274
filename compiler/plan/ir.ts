// The kernel plan: the one thing both executors run. A plan is a table of buffers and, per step
// kind (train, evaluate, predict), a list of kernels. A kernel is one of three kinds — map,
// matmul, reduce — and its arithmetic is a small expression tree over loads from buffers, so the
// CPU interpreter compiles it to JavaScript and the WGSL backend prints it as a shader, and both
// mean the same computation.
import type { ElementwiseFn } from '../graph/elementwise.js';
import type { Dim, Origin, StepKind } from '../graph/ir.js';
import type { Initializer } from '../program.js';
import type { LabelEncoding } from '../lower-to-graph.js';

export type { Dim, StepKind };

export type BufferRole =
  /** Trainable weights. */
  | 'param'
  /** Kept across steps: optimizer slots, normalization statistics, epoch sums. */
  | 'state'
  /** The bound dataset's feature or label matrix, N rows, uploaded once per dataset. */
  | 'features'
  | 'labels'
  /** Row order of the current epoch (u32, N entries): batches gather their rows through it. */
  | 'permutation'
  /** Values of one step: activations, gradients, temporaries; B (or fixed) rows. */
  | 'temp'
  /** predict's results, N rows. */
  | 'output';

export interface PlanBuffer {
  id: number;
  name: string;
  role: BufferRole;
  rows: Dim;
  cols: number;
  dtype: 'f32' | 'u32';
  /** Params: how the host initializes them. */
  init?: { initializer: Initializer; fanIn: number; fanOut: number; index: number };
  /** State: the value it starts with (and is reset to). */
  fill?: number;
  origin?: Origin;
}

/**
 * How a kernel coordinate (i, j) picks an element of a buffer:
 * elem: buf[i][j] (the buffer has the kernel's shape); row: buf[0][j] (a [1, C] buffer repeated
 * over rows); col: buf[i][0] (a [R, 1] buffer repeated over columns); scalar: buf[0][0];
 * gather: buf[perm[offset + i]][j] (the batch's rows of the bound dataset);
 * offset: buf[offset + i][j] (the batch's rows of predict's output, in dataset order).
 * For gather and offset, a buffer of one column is read at column 0 whatever j is.
 */
export type Access = 'elem' | 'row' | 'col' | 'scalar' | 'gather' | 'offset';

export type UniformName = 'rows' | 'step';

export type Expr =
  | { k: 'num'; v: number }
  /** Per-step values: rows in the batch, the optimizer iteration t (1-based). */
  | { k: 'uniform'; name: UniformName }
  | { k: 'load'; buf: number; at: Access }
  | { k: 'call'; fn: ElementwiseFn; alpha: number; args: Expr[] }
  /** A value named earlier in the same body. */
  | { k: 'let'; name: string }
  /** In an epilogue: the i-th reduction's result (matmul: the dot product is acc 0). */
  | { k: 'acc'; index: number }
  /** Uniform [0, 1) for this element of this step: randomU32(mix32(seed ^ step), stream, i * cols + j). */
  | { k: 'rand'; stream: number }
  /** The column index j, as a number (one-hot, argmax). */
  | { k: 'col' };

export interface Let {
  name: string;
  value: Expr;
}

export interface Store {
  buf: number;
  at: Access;
  value: Expr;
}

/** Per element: evaluate the lets in order, then do the stores. */
export interface Body {
  lets: Let[];
  stores: Store[];
}

interface KernelBase {
  /** Unique within its schedule; names the layer it comes from (dense_1.forward). */
  name: string;
  /** What was fused into it: each op with its layer and `.nn` location. */
  origins: Origin[];
}

/** An index space [rows, cols] and what each element computes. */
export interface MapSegment {
  rows: Dim;
  cols: number;
  body: Body;
}

/** Elementwise work; several segments (each its own index space) run as one kernel. */
export interface MapKernel extends KernelBase {
  kind: 'map';
  segments: MapSegment[];
}

export interface MatmulOperand {
  buf: number;
  /** Read the buffer transposed. */
  transpose: boolean;
  /** 'elem', or 'gather' for the bound dataset's rows. */
  at: 'elem' | 'gather';
}

/** out[i][j] = epilogue(sum_k a[i][k] * b[k][j]) over an index space [rows, cols]. */
export interface MatmulKernel extends KernelBase {
  kind: 'matmul';
  rows: Dim;
  cols: number;
  inner: Dim;
  a: MatmulOperand;
  b: MatmulOperand;
  /** In output coordinates; `acc 0` is the dot product. */
  epilogue: Body;
}

export interface Reduction {
  op: 'sum' | 'max' | 'argmax';
  /** Evaluated per input element (i, j), after the prologue's lets. */
  value: Expr;
}

/** Reductions of one index space along rows, columns, or all of it, then an epilogue per result. */
export interface ReduceKernel extends KernelBase {
  kind: 'reduce';
  axis: 'rows' | 'cols' | 'all';
  rows: Dim;
  cols: number;
  prologue: Let[];
  reductions: Reduction[];
  /** In output coordinates ([1, C], [R, 1] or [1, 1]); `acc n` is the n-th reduction. */
  epilogue: Body;
}

export type Kernel = MapKernel | MatmulKernel | ReduceKernel;

export interface Schedule {
  step: StepKind;
  kernels: Kernel[];
}

/** What the host needs to find in the plan. */
export interface PlanIO {
  features: number;
  labels: number;
  permutation: number;
  output: number;
  /** Epoch sums per step kind, by log key ('loss', 'accuracy', ...). */
  sums: Record<'train' | 'evaluate', Record<string, number>>;
  /** First step whose loss was not finite, 0 if none (train only). */
  nonFiniteStep: number;
  params: number[];
  labelEncoding: LabelEncoding;
}

export interface Plan {
  model: string;
  buffers: PlanBuffer[];
  schedules: Record<StepKind, Schedule>;
  io: PlanIO;
}
