// The kernel plan: the one thing both executors run. A plan is a table of buffers and, per step
// kind (train, evaluate, predict), a list of kernels. A kernel is one of three kinds — map,
// contract, reduce — over an iteration space of any rank; its arithmetic is a small expression
// tree over loads from buffers, and every load and store says through a view (view.ts) which
// element of its buffer each point of the space touches. So the CPU interpreter compiles a kernel
// to JavaScript and the WGSL backend prints it as a shader, and both mean the same computation.
import type { ElementwiseFn } from '../graph/elementwise.js';
import type { Coord } from '../graph/index-map.js';
import type { Origin, StepKind } from '../graph/ir.js';
import type { Dim, Shape } from '../graph/shape.js';
import type { Initializer } from '../program.js';
import type { LabelEncoding } from '../lower-to-graph.js';

export type { Coord, Dim, Shape, StepKind };

export type BufferRole =
  /** Trainable weights. */
  | 'param'
  /** Kept across steps: optimizer slots, normalization statistics, epoch sums. */
  | 'state'
  /** The bound dataset's features or labels, N rows, uploaded once per dataset. */
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
  /** Dimensions, outermost first; the first may be B (a step's rows) or N (the dataset's). */
  shape: Shape;
  dtype: 'f32' | 'u32';
  /** Params: how the host initializes them. */
  init?: { initializer: Initializer; fanIn: number; fanOut: number; index: number };
  /** State: the value it starts with (and is reset to). */
  fill?: number;
  origin?: Origin;
}

/**
 * Which element of a buffer each point of a kernel's iteration space touches. The buffer is read
 * as `shape` (its own shape, or another with the same elements in the same order: a reshape is a
 * view, not a copy), and each of its coordinates is an index map over the iteration indices: one
 * index (an element read where it is), a constant 0 (broadcast), indices swapped (a transpose), a
 * window (a convolution, masked at the padding). The outermost coordinate may go through the
 * step's rows: `gather` reads row perm[offset + c] of the bound dataset, `window` writes row
 * base + offset + c of predict's output.
 */
export interface View {
  shape: Shape;
  coords: Coord[];
  rows?: 'gather' | 'window';
}

export type UniformName = 'rows' | 'step';

export type Expr =
  | { k: 'num'; v: number }
  /** Per-step values: rows in the batch, the optimizer iteration t (1-based). */
  | { k: 'uniform'; name: UniformName }
  | { k: 'load'; buf: number; view: View }
  | { k: 'call'; fn: ElementwiseFn; alpha: number; args: Expr[] }
  /** A value named earlier in the same body. */
  | { k: 'let'; name: string }
  /** In an epilogue: the i-th reduction's result (a contraction's sum is acc 0). */
  | { k: 'acc'; index: number }
  /** Uniform [0, 1) for this element of this step: randomU32(mix32(seed ^ step), stream, flat index of the element). */
  | { k: 'rand'; stream: number }
  /** The iteration index along `axis`, as a number (one-hot's class, argmax). */
  | { k: 'index'; axis: number };

export interface Let {
  name: string;
  value: Expr;
}

export interface Store {
  buf: number;
  view: View;
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

/** An iteration space and what each of its elements computes. */
export interface MapSegment {
  space: Shape;
  body: Body;
}

/** Elementwise work; several segments (each its own space) run as one kernel. */
export interface MapKernel extends KernelBase {
  kind: 'map';
  segments: MapSegment[];
}

/** An operand of a contraction: a buffer read through a view over the output axes then the inner axes. */
export interface Operand {
  buf: number;
  view: View;
}

/**
 * out[o] = epilogue(sum over the inner indices k of a[A(o, k)] * b[B(o, k)]), the sum in order of
 * k (row-major). A matrix product is the case where a's view uses the first output axes and k,
 * and b's the last output axes and k; executors tile that case (see gemm.ts).
 */
export interface ContractKernel extends KernelBase {
  kind: 'contract';
  space: Shape;
  inner: Shape;
  a: Operand;
  b: Operand;
  /** Over `space`; `acc 0` is the sum. */
  epilogue: Body;
}

export interface Reduction {
  op: 'sum' | 'max' | 'argmax';
  /** Evaluated per input element, after the prologue's lets. */
  value: Expr;
}

/** Reductions of one space over some of its axes, then an epilogue per result. */
export interface ReduceKernel extends KernelBase {
  kind: 'reduce';
  space: Shape;
  /** The reduced axes, ascending; the epilogue runs over `space` with these set to 1. */
  axes: number[];
  prologue: Let[];
  reductions: Reduction[];
  /** `acc n` is the n-th reduction. */
  epilogue: Body;
}

/**
 * The kernels of `body` run `steps` times in order, t = 0, 1, ... (or backwards): a recurrence
 * over time. Views in the body may read the step t (LOOP_AXIS in a coordinate: the t-th step of a
 * sequence, the (t-1)-th masked at t = 0). Each batch row's steps depend only on that row, so an
 * executor may run slices of the batch apart.
 */
export interface LoopKernel extends KernelBase {
  kind: 'loop';
  steps: number;
  reverse: boolean;
  body: Array<MapKernel | ContractKernel | ReduceKernel>;
}

/**
 * Rows of a table by integer index (an Embedding's lookup): over `space` ([.., width]), `acc 0` is
 * table[index, j] for the last index j, the index read through its view at the point (its view
 * ignores the last axis). An index outside [0, rows) reads 0; a fraction is cut to an integer.
 */
export interface GatherKernel extends KernelBase {
  kind: 'gather';
  space: Shape;
  /** A [rows, width] buffer. */
  table: number;
  index: Operand;
  /** Over `space`; `acc 0` is the row's element. */
  epilogue: Body;
}

/**
 * A gather's gradient with respect to its table, a segment sum: over `space` ([rows, width]),
 * `acc 0` at [v, j] is the sum, over the positions p of `positions` in row-major order whose index
 * is v, of values[p, j]: the sums that sorting the positions by index (stably) and adding each
 * run in order gives, with no atomics. The index is read over `positions`, the values over
 * [...positions, width].
 */
export interface SegmentSumKernel extends KernelBase {
  kind: 'segment_sum';
  space: Shape;
  positions: Shape;
  index: Operand;
  values: Operand;
  epilogue: Body;
}

export type Kernel = MapKernel | ContractKernel | ReduceKernel | LoopKernel | GatherKernel | SegmentSumKernel;

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
