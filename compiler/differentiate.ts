// Pass: differentiate — reverse-mode autodiff. Adds to a train graph the gradient of the
// batch-mean loss with respect to every parameter. Each op's local derivative is one entry of the
// table below, written with the same graph ops, so gradients are graph values like any other and
// go through the same lowering and fusion.
import { GraphBuilder, type Dim, type Graph, type Node, type Shape } from './graph/ir.js';
import { contractGradient, viewGradient } from './graph/contract-gradient.js';
import { axisCoord, type Coord } from './graph/index-map.js';
import type { ElementwiseFn } from './graph/elementwise.js';

/**
 * A local derivative: given the node, the gradient `g` flowing into it (its shape broadcasts to the
 * node's), returns the gradient for each input (null where none flows: labels, masks, constants).
 */
type LocalDerivative = (b: GraphBuilder, n: Node, g: number) => Array<number | null>;

const elementwiseDerivatives: Partial<Record<ElementwiseFn, LocalDerivative>> = {
  add: (_b, _n, g) => [g, g],
  sub: (b, _n, g) => [g, b.map('neg', [g])],
  mul: (b, n, g) => [b.mul(g, n.inputs[1]!), b.mul(g, n.inputs[0]!)],
  div: (b, n, g) => {
    const [, d] = n.inputs as [number, number];
    return [b.div(g, d), b.map('neg', [b.div(b.mul(g, n.id), d)])];
  },
  max: (b, n, g) => {
    const first = b.map('ge', n.inputs); // ties go to the first input, as TensorFlow does
    return [b.mul(g, first), b.mul(g, b.sub(b.constant(1), first))];
  },
  min: (b, n, g) => {
    const first = b.map('ge', [n.inputs[1]!, n.inputs[0]!]);
    return [b.mul(g, first), b.mul(g, b.sub(b.constant(1), first))];
  },
  pow: (b, n, g) => {
    const [x, e] = n.inputs as [number, number];
    const dx = b.mul(g, b.mul(e, b.map('pow', [x, b.sub(e, b.constant(1))])));
    return [dx, b.mul(g, b.mul(n.id, b.map('log', [x])))];
  },
  neg: (b, _n, g) => [b.map('neg', [g])],
  abs: (b, n, g) => [b.mul(g, b.map('sign', [n.inputs[0]!]))],
  square: (b, n, g) => [b.mul(g, b.scale(n.inputs[0]!, 2))],
  sqrt: (b, n, g) => [b.div(g, b.scale(n.id, 2))],
  exp: (b, n, g) => [b.mul(g, n.id)],
  log: (b, n, g) => [b.div(g, n.inputs[0]!)],
  reciprocal: (b, n, g) => [b.map('neg', [b.mul(g, b.map('square', [n.id]))])],
  select: (b, n, g) => {
    const zero = b.constant(0);
    return [null, b.map('select', [n.inputs[0]!, g, zero]), b.map('select', [n.inputs[0]!, zero, g])];
  },
  clip_prob: (b, n, g) => [b.mul(g, b.map('in_prob_range', [n.inputs[0]!], n.op.kind === 'elementwise' ? n.op.alpha : 0))],
  relu: (b, n, g) => [b.mul(g, b.map('step', [n.inputs[0]!]))],
  sigmoid: (b, n, g) => [b.mul(g, b.mul(n.id, b.sub(b.constant(1), n.id)))],
  tanh: (b, n, g) => [b.mul(g, b.sub(b.constant(1), b.map('square', [n.id])))],
  softplus: (b, n, g) => [b.mul(g, b.map('sigmoid', [n.inputs[0]!]))],
  leaky_relu: (b, n, g) => [b.mul(g, b.map('leaky_relu_grad', [n.inputs[0]!], alphaOf(n)))],
  elu: (b, n, g) => [b.mul(g, b.map('elu_grad', [n.inputs[0]!], alphaOf(n)))],
  selu: (b, n, g) => [b.mul(g, b.map('selu_grad', [n.inputs[0]!]))],
  gelu: (b, n, g) => [b.mul(g, b.map('gelu_grad', [n.inputs[0]!]))],
  swish: (b, n, g) => [b.mul(g, b.map('swish_grad', [n.inputs[0]!]))],
  // d/dz of max(z,0) - z*y + log(1 + exp(-|z|)) is sigmoid(z) - y; labels get no gradient.
  bce_logits: (b, n, g) => [b.mul(g, b.sub(b.map('sigmoid', [n.inputs[0]!]), n.inputs[1]!)), null],
  huber: (b, n, g) => [b.mul(g, b.map('huber_grad', [n.inputs[0]!], alphaOf(n)))],
  // Comparisons, steps, masks and the derivative helpers are piecewise constant: no gradient.
};

function alphaOf(n: Node): number {
  return n.op.kind === 'elementwise' ? n.op.alpha : 0;
}

/** The table: one local derivative per op kind. */
const derivatives: Record<Node['op']['kind'], LocalDerivative> = {
  input: () => [],
  param: () => [],
  state: () => [],
  const: () => [],
  uniform: () => [],
  random: () => [],
  argmax: () => [null],
  position: () => [],
  one_hot: () => [null],
  elementwise: (b, n, g) => {
    if (n.op.kind !== 'elementwise') return [];
    const rule = elementwiseDerivatives[n.op.fn];
    return rule ? rule(b, n, g) : n.inputs.map(() => null);
  },
  broadcast: (_b, _n, g) => [g],
  matmul: (b, n, g) => {
    if (n.op.kind !== 'matmul') return [];
    const [a, w] = n.inputs as [number, number];
    const gf = b.broadcast(g, n.shape);
    const { transposeA: ta, transposeB: tb } = n.op;
    // C = op(A) op(B): d op(A) = g op(B)^T, d op(B) = op(A)^T g, transposed back where needed.
    if (!ta && !tb) return [b.matmul(gf, w, false, true), b.matmul(a, gf, true, false)];
    if (!ta && tb) return [b.matmul(gf, w, false, false), b.matmul(gf, a, true, false)];
    if (ta && !tb) return [b.matmul(w, gf, false, true), b.matmul(a, gf, false, false)];
    return [b.matmul(w, gf, true, true), b.matmul(gf, a, true, true)];
  },
  reshape: (b, n, g) => [b.reshape(b.broadcast(g, n.shape), b.shape(n.inputs[0]!))],
  transpose: (b, n, g) => {
    if (n.op.kind !== 'transpose') return [];
    const inverse = n.op.perm.map((_, d) => (n.op as { perm: number[] }).perm.indexOf(d));
    return [b.transpose(b.broadcast(g, n.shape), inverse)];
  },
  contract: (b, n, g) => {
    const gf = b.broadcast(g, n.shape);
    return [contractGradient(b, n, gf, 0), contractGradient(b, n, gf, 1)];
  },
  slice: (b, n, g) => {
    if (n.op.kind !== 'slice') return [];
    const x = n.inputs[0]!;
    return [b.pad(b.broadcast(g, n.shape), n.op.axis, n.op.start, b.shape(x)[n.op.axis] as number)];
  },
  pad: (b, n, g) => {
    if (n.op.kind !== 'pad') return [];
    const x = n.inputs[0]!;
    return [b.slice(b.broadcast(g, n.shape), n.op.axis, n.op.start, b.shape(x)[n.op.axis] as number)];
  },
  recurrence: (b, n, g) => recurrenceGradients(b, n, b.broadcast(g, n.shape)),
  // the table's rows that were read get the gradient of each read, summed per row; indices have none
  gather: (b, n, g) => [b.segmentSum(b.broadcast(g, n.shape), n.inputs[1]!, b.shape(n.inputs[0]!)[0] as number), null],
  segment_sum: (_b, n) => n.inputs.map(() => null),
  recurrence_grad: (_b, n) => n.inputs.map(() => null),
  view: (b, n, g) => [viewGradient(b, n, b.broadcast(g, n.shape))],
  reduce: (b, n, g) => {
    if (n.op.kind !== 'reduce') return [];
    if (n.op.fn === 'sum') return [g]; // the sum's gradient reaches every summed element: broadcast
    // A max's gradient goes to the first largest element of each group (row-major), as
    // TensorFlow's max pooling does: one element, even where several tie.
    const x = n.inputs[0]!;
    const first = b.map('eq', [b.position(b.shape(x), n.op.axes), b.argmaxOver(x, n.op.axes)]);
    return [b.mul(g, first)];
  },
  softmax: (b, n, g) => {
    // dx = y * (g - sum_j g_j y_j), per row
    const gf = b.broadcast(g, n.shape);
    return [b.mul(n.id, b.sub(gf, b.reduce('sum', 'cols', b.mul(gf, n.id))))];
  },
  // Cross-entropy from logits: d/dz = softmax(z) - y (y one-hot, or made one-hot from indices).
  cce_logits: (b, n, g) => [b.mul(g, b.sub(b.softmax(n.inputs[0]!), n.inputs[1]!)), null],
  sparse_cce_logits: (b, n, g) => {
    const [z, y] = n.inputs as [number, number];
    const classes = b.shape(z).at(-1) as number;
    return [b.mul(g, b.sub(b.softmax(z), b.oneHot(y, classes))), null];
  },
};

/** Adds `outputs.gradients`: d(mean over the batch of the per-sample loss)/d(param) for every param. */
export function differentiate(graph: Graph): Graph {
  const loss = graph.outputs.loss;
  if (loss === undefined) throw new Error('differentiate: the graph has no loss');
  const b = new GraphBuilder(graph);
  const forward = graph.nodes.length;

  // Which nodes depend on a parameter: only those need gradients.
  const live = new Array<boolean>(forward).fill(false);
  for (const n of graph.nodes) live[n.id] = n.op.kind === 'param' || n.inputs.some((i) => live[i]);

  // Contributions to each node's gradient, summed when a value is used more than once.
  const grads = new Map<number, number>();
  b.within({ what: 'loss (gradient)', ...(graph.nodes[loss]!.origin?.span ? { span: graph.nodes[loss]!.origin!.span } : {}) }, () => {
    grads.set(loss, b.map('reciprocal', [b.uniform('rows')])); // d mean / d loss_i = 1 / rows
  });

  for (let id = forward - 1; id >= 0; id--) {
    const node = graph.nodes[id]!;
    const g = grads.get(id);
    if (g === undefined || !live[id]) continue;
    const origin = node.origin ? { what: `${node.origin.what} (gradient)`, ...(node.origin.span ? { span: node.origin.span } : {}) } : { what: 'gradient' };
    b.within(origin, () => {
      const inputGrads = derivatives[node.op.kind](b, node, g);
      node.inputs.forEach((input, k) => {
        const gi = inputGrads[k];
        if (gi === null || gi === undefined || !live[input]) return;
        const fitted = fitTo(b, gi, graph.nodes[input]!.shape);
        const previous = grads.get(input);
        grads.set(input, previous === undefined ? fitted : b.add2(previous, fitted));
      });
    });
  }

  for (const n of graph.nodes.slice(0, forward)) {
    if (n.op.kind !== 'param') continue;
    const g = grads.get(n.id);
    const origin = n.origin ? { what: `${n.origin.what} (gradient)`, ...(n.origin.span ? { span: n.origin.span } : {}) } : { what: 'gradient' };
    b.within(origin, () => {
      graph.outputs.gradients[n.id] = g === undefined ? b.broadcast(b.constant(0), n.shape) : b.broadcast(g, n.shape);
    });
  }
  return graph;
}

/** Sums a gradient over the dimensions its value was broadcast along, to the value's own shape. */
function fitTo(b: GraphBuilder, g: number, shape: Shape): number {
  const gs = b.shape(g);
  const pad = gs.length - shape.length;
  // Axes of g the value did not have (leading) or had with size 1: they were broadcast.
  const axes = gs.map((_, k) => k).filter((k) => gs[k] !== 1 && (k < pad || shape[k - pad] === 1));
  const summed = axes.length ? b.reduce('sum', axes, g) : g;
  return pad > 0 ? b.reshape(summed, shape) : summed;
}

/**
 * Backpropagation through time: the gradient op runs the steps backwards and gives, per step, the
 * gradients of the input projection (that input's gradient) and of the recurrent projection
 * r = h_prev U (+ bias); U's gradient sums h_prev^T dr over the batch and the steps (one
 * contraction, h_prev read from the states one step back, masked before the first), the bias's
 * sums dr.
 */
function recurrenceGradients(b: GraphBuilder, n: Node, g: number): Array<number | null> {
  if (n.op.kind !== 'recurrence') return [];
  const spec = n.op;
  const [x, kernel, bias] = n.inputs as [number, number, number | undefined];
  const width = b.shape(x)[2] as number;
  const d = b.recurrenceGrad(spec, g, n.id, x, kernel, bias);
  const dx = b.slice(d, 2, 0, width);
  const dr = b.slice(d, 2, width, width);
  const [rows, steps] = b.shape(x) as [Dim, number];
  // dU[j, k] = sum over (batch, t) of h_prev[batch, t, j] dr[batch, t, k]
  const hPrev: Coord = { terms: [[3, 1]], bias: spec.reverse ? 1 : -1, masked: true };
  const dU = b.contract(n.id, dr, [spec.units, width], [rows, steps], [axisCoord(2), hPrev, axisCoord(0)], [axisCoord(2), axisCoord(3), axisCoord(1)]);
  const dBias = bias === undefined ? null : b.reshape(b.reduce('sum', [0, 1], dr), [1, width]);
  return bias === undefined ? [dx, dU] : [dx, dU, dBias];
}
