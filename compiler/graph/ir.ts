// The graph IR: plain data. Every value is a node with an op, its inputs, a shape and a dtype.
// All values are matrices [rows, cols]: a batch of rows (B, known only when a step runs), a whole
// dataset (N), or a fixed size. That covers every layer of the language and keeps shape rules and
// both executors simple.
import type { Span } from '../../base/source.js';
import { elementwise, type ElementwiseFn } from './elementwise.js';

/** A row count: fixed, the current batch (B), or the dataset bound to the step (N). */
export type Dim = number | 'B' | 'N';

export interface Shape {
  rows: Dim;
  cols: number;
}

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
  | { kind: 'matmul'; transposeA: boolean; transposeB: boolean }
  | { kind: 'reduce'; fn: 'sum' | 'max'; axis: 'rows' | 'cols' | 'all' }
  /** Index of the largest value of each row, as f32 ([R, C] -> [R, 1]); the first on ties. */
  | { kind: 'argmax' }
  /** Row-wise softmax. */
  | { kind: 'softmax' }
  /** Uniform [0, 1) draws, one per element, keyed by (seed, step, stream): dropout masks. */
  | { kind: 'random'; stream: number }
  /** x repeated to a larger shape along its size-1 dimensions. */
  | { kind: 'broadcast' }
  /** Per-row categorical cross-entropy from logits z and one-hot y ([R, C] -> [R, 1]). */
  | { kind: 'cce_logits' }
  /** Per-row cross-entropy from logits z and class indices y ([R, C], [R, 1] -> [R, 1]). */
  | { kind: 'sparse_cce_logits' }
  /** z with column y[i] one-hot: the (i, j) element is 1 when j == y[i] ([R,1] -> [R, C]). */
  | { kind: 'one_hot'; classes: number };

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
  /** The model's output [B, units] (probabilities for sigmoid/softmax outputs). */
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

// ---- building ---------------------------------------------------------------------------

/** Appends nodes with their shapes computed by each op's shape rule. */
export class GraphBuilder {
  readonly nodes: Node[];
  origin: Origin | undefined;

  constructor(readonly graph: Graph) {
    this.nodes = graph.nodes;
    for (const n of graph.nodes) this.known.set(`${JSON.stringify(n.op)}|${n.inputs.join(',')}|${String(n.shape.rows)}x${n.shape.cols}|${n.dtype}`, n.id);
  }

  static create(step: StepKind): GraphBuilder {
    return new GraphBuilder({ step, nodes: [], outputs: { metrics: {}, gradients: {} }, updates: [] });
  }

  node(id: number): Node {
    const n = this.nodes[id];
    if (!n) throw new Error(`graph: no node %${id}`);
    return n;
  }

  /** Hash-consing: the same op on the same inputs is the same value (common subexpressions merge). */
  private known = new Map<string, number>();

  private add(op: Op, inputs: number[], shape: Shape, dtype: DType = 'f32'): number {
    const key = `${JSON.stringify(op)}|${inputs.join(',')}|${String(shape.rows)}x${shape.cols}|${dtype}`;
    const existing = this.known.get(key);
    if (existing !== undefined) return existing;
    const id = this.nodes.length;
    this.known.set(key, id);
    const node: Node = { id, op, inputs, shape, dtype };
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

  input(role: 'features' | 'labels', cols: number): number {
    return this.add({ kind: 'input', role }, [], { rows: 'B', cols });
  }

  param(name: string, rows: number, cols: number, init: Initializer, fanIn: number, fanOut: number): number {
    return this.add({ kind: 'param', name, init, fanIn, fanOut }, [], { rows, cols });
  }

  state(name: string, rows: number, cols: number, fill = 0): number {
    return this.add({ kind: 'state', name, fill }, [], { rows, cols });
  }

  constant(value: number): number {
    return this.add({ kind: 'const', value }, [], { rows: 1, cols: 1 });
  }

  uniform(name: UniformName): number {
    return this.add({ kind: 'uniform', name }, [], { rows: 1, cols: 1 });
  }

  /** An elementwise function; inputs broadcast ([1,C] over rows, [R,1] over columns, [1,1] over all). */
  map(fn: ElementwiseFn, inputs: number[], alpha = 0): number {
    const arity = elementwise[fn].arity;
    if (inputs.length !== arity) throw new Error(`graph: ${fn} takes ${arity} inputs, got ${inputs.length}`);
    const shape = broadcastShapes(inputs.map((i) => this.node(i).shape), fn);
    return this.add({ kind: 'elementwise', fn, alpha }, inputs, shape);
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
    const sa = this.node(a).shape;
    const sb = this.node(b).shape;
    const [m, ka] = transposeA ? [sa.cols, sa.rows] : [sa.rows, sa.cols];
    const [kb, n] = transposeB ? [sb.cols, sb.rows] : [sb.rows, sb.cols];
    if (ka !== kb) throw new Error(`graph: matmul inner sizes differ (${String(ka)} vs ${String(kb)})`);
    if (typeof n !== 'number') throw new Error('graph: matmul output columns must be fixed');
    return this.add({ kind: 'matmul', transposeA, transposeB }, [a, b], { rows: m, cols: n });
  }

  reduce(fn: 'sum' | 'max', axis: 'rows' | 'cols' | 'all', x: number): number {
    const s = this.node(x).shape;
    // Along a dimension of size 1 there is nothing to reduce; [R,1] over rows is all of it.
    if ((axis === 'cols' && s.cols === 1) || (axis === 'rows' && s.rows === 1)) {
      if (s.rows === 1 && s.cols === 1) return x;
      if (axis === 'cols') return x;
      return x;
    }
    if ((axis === 'rows' && s.cols === 1) || (axis === 'cols' && s.rows === 1)) axis = 'all';
    const shape: Shape = axis === 'rows' ? { rows: 1, cols: s.cols } : axis === 'cols' ? { rows: s.rows, cols: 1 } : { rows: 1, cols: 1 };
    return this.add({ kind: 'reduce', fn, axis }, [x], shape);
  }

  argmax(x: number): number {
    // softmax keeps the order of a row: its argmax is its input's (no softmax needed for it)
    const n = this.node(x);
    if (n.op.kind === 'softmax') x = n.inputs[0]!;
    return this.add({ kind: 'argmax' }, [x], { rows: this.node(x).shape.rows, cols: 1 });
  }

  softmax(x: number): number {
    return this.add({ kind: 'softmax' }, [x], this.node(x).shape);
  }

  random(like: Shape, stream: number): number {
    return this.add({ kind: 'random', stream }, [], like);
  }

  broadcast(x: number, shape: Shape): number {
    const s = this.node(x).shape;
    if (s.rows === shape.rows && s.cols === shape.cols) return x;
    broadcastShapes([s, shape], 'broadcast');
    return this.add({ kind: 'broadcast' }, [x], shape);
  }

  cceLogits(z: number, y: number): number {
    return this.add({ kind: 'cce_logits' }, [z, y], { rows: this.node(z).shape.rows, cols: 1 });
  }

  sparseCceLogits(z: number, y: number): number {
    return this.add({ kind: 'sparse_cce_logits' }, [z, y], { rows: this.node(z).shape.rows, cols: 1 });
  }

  oneHot(y: number, classes: number): number {
    return this.add({ kind: 'one_hot', classes }, [y], { rows: this.node(y).shape.rows, cols: classes });
  }

  /** Mean over columns, per row: [R, C] -> [R, 1] (Keras' mean over the last axis). */
  meanCols(x: number): number {
    const cols = this.node(x).shape.cols;
    const sum = this.reduce('sum', 'cols', x);
    return cols === 1 ? sum : this.scale(sum, 1 / cols);
  }
}

/** The shape of an elementwise result: inputs must match or broadcast. */
export function broadcastShapes(shapes: Shape[], what: string): Shape {
  let rows: Dim = 1;
  let cols = 1;
  for (const s of shapes) {
    if (s.rows !== 1) {
      if (rows !== 1 && rows !== s.rows) throw new Error(`graph: ${what}: rows ${String(rows)} and ${String(s.rows)} do not broadcast`);
      rows = s.rows;
    }
    if (s.cols !== 1) {
      if (cols !== 1 && cols !== s.cols) throw new Error(`graph: ${what}: columns ${cols} and ${s.cols} do not broadcast`);
      cols = s.cols;
    }
  }
  return { rows, cols };
}

export function shapeText(s: Shape): string {
  return `[${String(s.rows)}, ${s.cols}]`;
}
