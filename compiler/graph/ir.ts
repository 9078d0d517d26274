// The graph IR: plain data. Every value is a node with an op, its inputs, a shape and a dtype.
// Shapes have any rank, the batch outermost (`[B, 28, 28, 1]`, `[B, 12]`); each op's shape rule is
// the builder method that adds it, and verify.ts checks a whole graph against those rules.
import type { Span } from '../../base/source.js';
import { elementwise, type ElementwiseFn } from './elementwise.js';
import type { Coord } from './index-map.js';
import type { CellActivation, CellKind } from './cells.js';
import { shapeOf } from './shape-rules.js';
import { broadcastShapes, sameShape, shapeText, type Dim, type Shape } from './shape.js';

export type { Dim, Shape };
export { broadcastShapes, shapeText };

export type DType = 'f32' | 'u32';

/** Where a node comes from, so kernels and reports can name the `.nn` line. */
export interface Origin {
  /** Layer name (dense_1), or 'loss', 'metric:accuracy', 'optimizer'. */
  what: string;
  span?: Span;
  /** In a kernel's origins: the op it computes (matmul, relu, sum_all ...). */
  op?: string;
}

export type Initializer = import('../program.js').Initializer;

export type Op =
  /** The batch's features or labels, gathered from the bound dataset by the step's permutation. */
  | { kind: 'input'; role: 'features' | 'labels' }
  /** A trainable parameter, initialized by `init`. */
  | { kind: 'param'; name: string; init: Initializer; fanIn: number; fanOut: number }
  /** Persistent non-trainable state: optimizer slots, normalization statistics, epoch accumulators. */
  | { kind: 'state'; name: string; fill: number }
  | { kind: 'const'; value: number }
  /** A per-step scalar set by the host: rows in the batch, optimizer iteration (1-based). */
  | { kind: 'uniform'; name: UniformName }
  | { kind: 'elementwise'; fn: ElementwiseFn; alpha: number }
  /** Rank-2 matrix product, either side optionally transposed. */
  | { kind: 'matmul'; transposeA: boolean; transposeB: boolean }
  /**
   * out[o] = sum over the inner indices k of a[A(o, k)] * b[B(o, k)]: each operand's coordinates
   * are index maps over the output's axes then the inner axes (see index-map.ts). A matmul over any
   * rank, a convolution's window, its gradients.
   */
  | { kind: 'contract'; inner: Dim[]; a: Coord[]; b: Coord[] }
  /**
   * out[o] = x[X(o)]: each coordinate of x an index map over the output's axes (0 where it is
   * masked and outside x, or not an exact division). A pooling window, a crop, a padding: free
   * in the plan (a view of x's buffer), so only what reads it does work.
   */
  | { kind: 'view'; map: Coord[] }
  /** Sum or max over `axes`, which keep size 1 (so the result broadcasts back). */
  | { kind: 'reduce'; fn: 'sum' | 'max'; axes: number[] }
  /** The same elements in row-major order, another shape (free: a view of the same buffer). */
  | { kind: 'reshape' }
  /** Axes permuted: output axis d is input axis perm[d]. */
  | { kind: 'transpose'; perm: number[] }
  /**
   * Index of the largest value along the last axis, as f32 ([.., C] -> [.., 1]); the first on ties.
   * With `axes`: over those axes (kept with size 1), the position in their row-major order.
   */
  | { kind: 'argmax'; axes?: number[] }
  /** Each element's row-major position over `axes` (a [1, .., 1] shape elsewhere): what argmax over them gives. */
  | { kind: 'position'; axes: number[] }
  /** Softmax along the last axis. */
  | { kind: 'softmax' }
  /** Uniform [0, 1) draws, one per element, keyed by (seed, step, stream): dropout masks. */
  | { kind: 'random'; stream: number }
  /** x repeated to a larger shape along its size-1 dimensions. */
  | { kind: 'broadcast' }
  /** Categorical cross-entropy along the last axis from logits z and one-hot y ([.., C] -> [.., 1]). */
  | { kind: 'cce_logits' }
  /** Cross-entropy from logits z and class indices y ([.., C], [.., 1] -> [.., 1]). */
  | { kind: 'sparse_cce_logits' }
  /** One-hot rows from class indices: element j is 1 where j == y ([.., 1] -> [.., C]). */
  | { kind: 'one_hot'; classes: number }
  /** `size` elements (the node's shape) along `axis` from `start`: a view, no copy. */
  | { kind: 'slice'; axis: number; start: number }
  /** x at `start` along `axis` of a larger value (the node's shape), zeros elsewhere: slice's gradient, a view. */
  | { kind: 'pad'; axis: number; start: number }
  /**
   * A recurrent cell's steps over axis 1 (time) — cells.ts —: inputs the input projection
   * [B, T, gates * units] (x W + b), the recurrent kernel U [units, gates * units] and, for a GRU,
   * its recurrent bias [1, gates * units]; the result is every step's state [B, T, states * units]
   * (h, and c after it for an LSTM). Runs as a loop, not T copies of a step.
   */
  | ({ kind: 'recurrence' } & RecurrenceSpec)
  /**
   * The gradient of a recurrence (backpropagation through time, a loop backwards): inputs the
   * gradient of its states, its states, and its inputs; the result is, per step, the gradient of
   * the input projection then of the recurrent projection [B, T, 2 * gates * units].
   */
  | ({ kind: 'recurrence_grad' } & RecurrenceSpec)
  | GatherOp
  | SegmentSumOp;

/**
 * The row of a table for each index (an Embedding's lookup): inputs the table [rows, width] and
 * the indices (any shape: [B, steps] for an Embedding); out[..., j] = table[index[...], j]
 * ([..., width]); an index that is not a row reads 0, a fraction is cut to an integer.
 */
export interface GatherOp {
  kind: 'gather';
}

/**
 * A gather's gradient with respect to its table: inputs the gradient [B, ..., width] and the
 * indices [B, ...]; out[v, j] = the sum, over the positions p in row-major order whose index is
 * v, of g[p, j] ([rows, width]): a segment sum, deterministic (no atomics).
 */
export interface SegmentSumOp {
  kind: 'segment_sum';
  rows: number;
}

export interface RecurrenceSpec {
  cell: CellKind;
  units: number;
  activation: CellActivation;
  recurrentActivation: CellActivation;
  /** Steps run from the last to the first (Bidirectional's backward layer, go_backwards). */
  reverse: boolean;
}

export type UniformName = 'rows' | 'step';

export interface Node {
  id: number;
  op: Op;
  inputs: number[];
  shape: Shape;
  dtype: DType;
  origin?: Origin;
}

/** What a step computes besides its updates: named results the host reads or that later passes use. */
export interface GraphOutputs {
  /** Per-sample loss [B, 1]. */
  loss?: number;
  /** Per-sample metric values [B, 1], by log key. */
  metrics: Record<string, number>;
  /** The model's output [B, ...] (probabilities for sigmoid/softmax outputs). */
  prediction?: number;
  /** Gradients of the batch-mean loss, by parameter node id (set by differentiate). */
  gradients: Record<number, number>;
}

/** A write done at the end of a step: `target` (a param or state node) takes `value`'s value. */
export interface Update {
  target: number;
  value: number;
}

export type StepKind = 'train' | 'evaluate' | 'predict';

export interface Graph {
  step: StepKind;
  nodes: Node[];
  outputs: GraphOutputs;
  updates: Update[];
}

/** How `reduce` names its axes: a list, or for convenience the first, the last, or all of them. */
export type ReduceAxes = number[] | 'rows' | 'cols' | 'all';

// ---- building ---------------------------------------------------------------------------

/** Appends nodes with their shapes computed by each op's shape rule. */
export class GraphBuilder {
  readonly nodes: Node[];
  origin: Origin | undefined;
  /** Hash-consing: the same op on the same inputs is the same value (common subexpressions merge). */
  private known = new Map<string, number>();

  constructor(readonly graph: Graph) {
    this.nodes = graph.nodes;
    for (const n of graph.nodes) this.known.set(nodeKey(n.op, n.inputs, n.shape, n.dtype), n.id);
  }

  static create(step: StepKind): GraphBuilder {
    return new GraphBuilder({ step, nodes: [], outputs: { metrics: {}, gradients: {} }, updates: [] });
  }

  node(id: number): Node {
    const n = this.nodes[id];
    if (!n) throw new Error(`graph: no node %${id}`);
    return n;
  }

  shape(id: number): Shape {
    return this.node(id).shape;
  }

  /** Adds `op` on `inputs` (its shape from the op's rule; `declared` where the op needs one), or finds it. */
  private add(op: Op, inputs: number[], declared?: Shape): number {
    const shape = shapeOf(op, inputs.map((i) => this.shape(i)), declared);
    const key = nodeKey(op, inputs, shape, 'f32');
    const existing = this.known.get(key);
    if (existing !== undefined) return existing;
    const id = this.nodes.length;
    this.known.set(key, id);
    const node: Node = { id, op, inputs, shape, dtype: 'f32' };
    if (this.origin) node.origin = this.origin;
    this.nodes.push(node);
    return id;
  }

  /** Runs `body` with nodes attributed to `origin`. */
  within<T>(origin: Origin, body: () => T): T {
    const saved = this.origin;
    this.origin = origin;
    try {
      return body();
    } finally {
      this.origin = saved;
    }
  }

  /** The batch's features or labels: `[B, ...row]`, where `row` is one sample's shape. */
  input(role: 'features' | 'labels', row: number | number[]): number {
    return this.add({ kind: 'input', role }, [], ['B', ...(typeof row === 'number' ? [row] : row)]);
  }

  param(name: string, shape: number[], init: Initializer, fanIn: number, fanOut: number): number {
    return this.add({ kind: 'param', name, init, fanIn, fanOut }, [], shape);
  }

  state(name: string, shape: number[], fill = 0): number {
    return this.add({ kind: 'state', name, fill }, [], shape);
  }

  constant(value: number): number {
    return this.add({ kind: 'const', value }, []);
  }

  uniform(name: UniformName): number {
    return this.add({ kind: 'uniform', name }, []);
  }

  /** An elementwise function; inputs broadcast (NumPy's rule: aligned at the last axis, size 1 repeats). */
  map(fn: ElementwiseFn, inputs: number[], alpha = 0): number {
    const arity = elementwise[fn].arity;
    if (inputs.length !== arity) throw new Error(`graph: ${fn} takes ${arity} inputs, got ${inputs.length}`);
    return this.add({ kind: 'elementwise', fn, alpha }, inputs);
  }

  add2(a: number, b: number): number {
    return this.map('add', [a, b]);
  }
  sub(a: number, b: number): number {
    return this.map('sub', [a, b]);
  }
  mul(a: number, b: number): number {
    return this.map('mul', [a, b]);
  }
  div(a: number, b: number): number {
    return this.map('div', [a, b]);
  }
  scale(a: number, factor: number): number {
    return this.mul(a, this.constant(factor));
  }

  matmul(a: number, b: number, transposeA = false, transposeB = false): number {
    return this.add({ kind: 'matmul', transposeA, transposeB }, [a, b]);
  }

  /** A contraction with output shape `shape` (see Op 'contract'). */
  contract(a: number, b: number, shape: Shape, inner: Dim[], mapA: Coord[], mapB: Coord[]): number {
    return this.add({ kind: 'contract', inner, a: mapA, b: mapB }, [a, b], shape);
  }

  /** x read through an index map into a value of `shape` (see Op 'view'). */
  view(x: number, shape: Shape, map: Coord[]): number {
    return this.add({ kind: 'view', map }, [x], shape);
  }

  /**
   * Sum or max over axes (kept with size 1). Axes of size 1 have nothing to reduce; when every
   * other axis has size 1 too, the reduction is over all of them (one value).
   */
  reduce(fn: 'sum' | 'max', which: ReduceAxes, x: number): number {
    const s = this.shape(x);
    let axes = which === 'all' ? s.map((_, k) => k) : which === 'rows' ? [0] : which === 'cols' ? [s.length - 1] : [...which].sort((p, q) => p - q);
    axes = axes.filter((k) => s[k] !== 1);
    if (axes.length === 0) return x;
    if (s.every((d, k) => d === 1 || axes.includes(k))) axes = s.map((_, k) => k);
    return this.add({ kind: 'reduce', fn, axes }, [x]);
  }

  reshape(x: number, shape: Shape): number {
    if (sameShape(this.shape(x), shape)) return x;
    return this.add({ kind: 'reshape' }, [x], shape);
  }

  transpose(x: number, perm: number[]): number {
    if (perm.every((p, d) => p === d)) return x;
    return this.add({ kind: 'transpose', perm }, [x]);
  }

  argmax(x: number): number {
    // softmax keeps the order of a row: its argmax is its input's (no softmax needed for it)
    const n = this.node(x);
    if (n.op.kind === 'softmax') x = n.inputs[0]!;
    return this.add({ kind: 'argmax' }, [x]);
  }

  /** The first largest value's position over `axes` (ascending), which keep size 1. */
  argmaxOver(x: number, axes: number[]): number {
    return this.add({ kind: 'argmax', axes }, [x]);
  }

  /** Positions over `axes` of a value of shape `like` (see Op 'position'). */
  position(like: Shape, axes: number[]): number {
    return this.add({ kind: 'position', axes }, [], like.map((d, k) => (axes.includes(k) ? d : 1)));
  }

  softmax(x: number): number {
    return this.add({ kind: 'softmax' }, [x]);
  }

  random(like: Shape, stream: number): number {
    return this.add({ kind: 'random', stream }, [], like);
  }

  broadcast(x: number, shape: Shape): number {
    if (sameShape(this.shape(x), shape)) return x;
    return this.add({ kind: 'broadcast' }, [x], shape);
  }

  cceLogits(z: number, y: number): number {
    return this.add({ kind: 'cce_logits' }, [z, y]);
  }

  sparseCceLogits(z: number, y: number): number {
    return this.add({ kind: 'sparse_cce_logits' }, [z, y]);
  }

  oneHot(y: number, classes: number): number {
    return this.add({ kind: 'one_hot', classes }, [y]);
  }

  slice(x: number, axis: number, start: number, size: number): number {
    const shape = [...this.shape(x)];
    if (start === 0 && shape[axis] === size) return x;
    shape[axis] = size;
    return this.add({ kind: 'slice', axis, start }, [x], shape);
  }

  pad(x: number, axis: number, start: number, size: number): number {
    const shape = [...this.shape(x)];
    if (start === 0 && shape[axis] === size) return x;
    shape[axis] = size;
    return this.add({ kind: 'pad', axis, start }, [x], shape);
  }

  /** The table's row for each index (an Embedding): [rows, width] and [B, ...] -> [B, ..., width]. */
  gather(table: number, index: number): number {
    return this.add({ kind: 'gather' }, [table, index]);
  }

  /** The gather's gradient with respect to a table of `rows` rows: [B, ..., width] and [B, ...] -> [rows, width]. */
  segmentSum(g: number, index: number, rows: number): number {
    return this.add({ kind: 'segment_sum', rows }, [g, index]);
  }

  /** Every step's state of a recurrent cell (see Op 'recurrence'); `bias` for a GRU's recurrent bias. */
  recurrence(spec: RecurrenceSpec, x: number, kernel: number, bias?: number): number {
    return this.add({ kind: 'recurrence', ...recurrenceSpec(spec) }, bias === undefined ? [x, kernel] : [x, kernel, bias]);
  }

  recurrenceGrad(spec: RecurrenceSpec, dStates: number, states: number, x: number, kernel: number, bias?: number): number {
    return this.add({ kind: 'recurrence_grad', ...recurrenceSpec(spec) }, bias === undefined ? [dStates, states, x, kernel] : [dStates, states, x, kernel, bias]);
  }

  /** Mean over the last axis: [.., C] -> [.., 1] (Keras' mean over the last axis). */
  meanCols(x: number): number {
    const s = this.shape(x);
    const cols = s[s.length - 1] as number;
    const sum = this.reduce('sum', 'cols', x);
    return cols === 1 ? sum : this.scale(sum, 1 / cols);
  }
}

/** The fields of a recurrence's spec alone (not an op's kind), in one order. */
function recurrenceSpec(s: RecurrenceSpec): RecurrenceSpec {
  return { cell: s.cell, units: s.units, activation: s.activation, recurrentActivation: s.recurrentActivation, reverse: s.reverse };
}

function nodeKey(op: Op, inputs: number[], shape: Shape, dtype: DType): string {
  return `${JSON.stringify(op)}|${inputs.join(',')}|${shape.join('x')}|${dtype}`;
}
