// The gradient of a contraction with respect to one operand, as another contraction.
//
// out[o] = sum_k x[X(o, k)] * y[Y(o, k)], so dx[e] = sum over the (o, k) with X(o, k) = e of
// g[o] * y[Y(o, k)]. The new contraction ranges over x's elements e. Each old index gets an
// expression in the new indices: an index that is one of x's coordinates alone (a matmul's, the
// batch, a channel) becomes that coordinate of e; an output index inside a window coordinate
// (e_d = s * oh + kh - pad) is solved for (oh = (e_d - kh + pad) / s: masked where it leaves the
// output, present only where the division is exact); every other index stays summed. This gives
// a weight gradient (sum over the batch and the windows) and a convolution's input gradient (the
// kernel run backwards) from one rule.
import { coordRange, plainAxis, type Coord } from './index-map.js';
import type { GraphBuilder, Node } from './ir.js';
import type { Dim } from './shape.js';

/** How an old index is written in the new indices: bias + sum(coef * new) over div. */
interface Expression {
  terms: Array<[axis: number, coef: number]>;
  bias: number;
  div: number;
}

export function contractGradient(b: GraphBuilder, n: Node, g: number, side: 0 | 1): number {
  if (n.op.kind !== 'contract') throw new Error('contractGradient: not a contraction');
  const op = n.op;
  const x = n.inputs[side]!;
  const y = n.inputs[1 - side]!;
  const xMap = side === 0 ? op.a : op.b;
  const yMap = side === 0 ? op.b : op.a;
  const xShape = b.shape(x);
  const outRank = n.shape.length;
  const oldSizes: Dim[] = [...n.shape, ...op.inner];
  const rank = xShape.length;
  const sigma = new Map<number, Expression>();

  // 1. Indices that are one of x's coordinates alone become that new output index.
  xMap.forEach((c, d) => {
    const v = plainAxis(c);
    if (v >= 0 && !sigma.has(v)) sigma.set(v, { terms: [[d, 1]], bias: 0, div: 1 });
  });
  // 2. In each other coordinate, the one output index not yet placed is solved for.
  const solve: Array<{ d: number; v: number; c: Coord }> = [];
  xMap.forEach((c, d) => {
    if (plainAxis(c) >= 0 && sigma.get(plainAxis(c))!.terms[0]![0] === d) return;
    const free = c.terms.filter(([v]) => v < outRank && !sigma.has(v) && !solve.some((s) => s.v === v));
    if (c.terms.length === 0) return; // a broadcast coordinate: x has size 1 there
    if (free.length !== 1 || (c.div ?? 1) !== 1) throw new Error(`contractGradient: cannot invert coordinate ${d} of the operand`);
    solve.push({ d, v: free[0]![0], c });
  });
  // 3. Every index neither placed nor solved for stays summed: the new inner indices.
  const inner: Dim[] = [];
  oldSizes.forEach((size, v) => {
    if (sigma.has(v) || solve.some((s) => s.v === v)) return;
    sigma.set(v, { terms: [[rank + inner.length, 1]], bias: 0, div: 1 });
    inner.push(size);
  });
  for (const { d, v, c } of solve) {
    // e_d = coef * v + rest  =>  v = (e_d - rest) / coef
    const coef = c.terms.find(([a]) => a === v)![1];
    const rest = c.terms.filter(([a]) => a !== v).map(([a, k]) => ({ e: sigma.get(a)!, k }));
    if (rest.some(({ e }) => e.div !== 1)) throw new Error('contractGradient: a window over a solved index');
    const terms = new Map<number, number>([[d, 1]]);
    for (const { e, k } of rest) for (const [axis, t] of e.terms) terms.set(axis, (terms.get(axis) ?? 0) - k * t);
    let bias = -c.bias - rest.reduce((s, { e, k }) => s + k * e.bias, 0);
    let div = coef;
    if (div < 0) {
      for (const [axis, t] of terms) terms.set(axis, -t);
      bias = -bias;
      div = -div;
    }
    sigma.set(v, { terms: [...terms].filter(([, t]) => t !== 0), bias, div });
  }

  const newSizes = [...xShape, ...inner].map((d) => (typeof d === 'number' ? d : 1));
  /** A coordinate of g or y rewritten in the new indices; masked where it may leave [0, size). */
  const rewrite = (c: Coord, size: Dim): Coord => {
    let out: Coord;
    const v = plainAxis(c);
    if (v >= 0) {
      const e = sigma.get(v)!;
      out = { terms: e.terms, bias: e.bias, ...(e.div !== 1 ? { div: e.div } : {}) };
    } else {
      const terms = new Map<number, number>();
      let bias = c.bias;
      for (const [axis, k] of c.terms) {
        const e = sigma.get(axis)!;
        if (e.div !== 1) throw new Error('contractGradient: a solved index inside a window');
        bias += k * e.bias;
        for (const [a, t] of e.terms) terms.set(a, (terms.get(a) ?? 0) + k * t);
      }
      out = { terms: [...terms].filter(([, t]) => t !== 0), bias, ...((c.div ?? 1) !== 1 ? { div: c.div } : {}) };
    }
    if (typeof size === 'number') {
      const [lo, hi] = coordRange(out, newSizes);
      if (c.masked || (out.div ?? 1) !== 1 || lo < 0 || hi >= size) out.masked = true;
    }
    return out;
  };
  const gMap = n.shape.map((size, o) => rewrite({ terms: [[o, 1]], bias: 0 }, size));
  const yShape = b.shape(y);
  const yNew = yMap.map((c, d) => rewrite(c, yShape[d]!));
  const shape = xShape.map((d, k) => (xMap[k]!.terms.length === 0 ? 1 : d));
  return b.contract(g, y, shape, inner, gMap, yNew);
}
