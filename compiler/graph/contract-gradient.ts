// The gradient of a contraction (or of a view) with respect to one operand, as another contraction
// (or a view summed over its window).
//
// out[o] = sum_k x[X(o, k)] * y[Y(o, k)], so dx[e] = sum over the (o, k) with X(o, k) = e of
// g[o] * y[Y(o, k)]. The new contraction ranges over x's elements e. Each old index gets an
// expression in the new indices: an index that is one of x's coordinates alone (a matmul's, the
// batch, a channel) becomes that coordinate of e; an output index inside a window coordinate
// (e_d = s * oh + kh - pad) is solved for (oh = (e_d - kh + pad) / s: masked where it leaves the
// output, present only where the division is exact); every other index stays summed. This gives
// a weight gradient (sum over the batch and the windows) and a convolution's input gradient (the
// kernel run backwards) from one rule. A view (out[o] = x[X(o)]) is the case without y and
// without inner indices: its gradient is g read through the solved map, summed over what stays.
import { coordRange, plainAxis, type Coord } from './index-map.js';
import type { GraphBuilder, Node } from './ir.js';
import type { Dim, Shape } from './shape.js';

/** How an old index is written in the new indices: bias + sum(coef * new) over div. */
interface Expression {
  terms: Array<[axis: number, coef: number]>;
  bias: number;
  div: number;
}

/** x's map inverted: the new iteration space is x's axes then `inner`; `rewrite` moves an old coordinate into it. */
interface Inverse {
  inner: Dim[];
  rewrite: (c: Coord, size: Dim) => Coord;
}

/**
 * Inverts `xMap` (coordinates of x over the old axes, of sizes `oldSizes`); `solvable` old axes
 * may be solved for (a contraction's output axes; every axis of a view). Where a coordinate has
 * several unplaced solvable indices, the one with the largest coefficient (the stride) is solved
 * for, and the others (the window's offsets) stay summed.
 */
function invertMap(xMap: Coord[], xShape: Shape, oldSizes: Dim[], solvable: (v: number) => boolean): Inverse {
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
    if (c.terms.length === 0) return; // a broadcast coordinate: x has size 1 there
    const free = c.terms.filter(([v]) => solvable(v) && !sigma.has(v) && !solve.some((s) => s.v === v));
    if (free.length === 0 || (c.div ?? 1) !== 1) throw new Error(`contractGradient: cannot invert coordinate ${d} of the operand`);
    const [v] = free.reduce((best, t) => (Math.abs(t[1]) > Math.abs(best[1]) ? t : best));
    solve.push({ d, v, c });
  });
  // 3. Every index neither placed nor solved for stays summed: the new inner indices, the old
  //    inner ones first (a convolution's input gradient sums over (kh, kw, filters): for each tap
  //    the filters are one contiguous run of the output gradient).
  const inner: Dim[] = [];
  const summed = oldSizes.map((_, v) => v).filter((v) => !sigma.has(v) && !solve.some((s) => s.v === v));
  summed.sort((p, q) => Number(solvable(p)) - Number(solvable(q)) || p - q);
  for (const v of summed) {
    sigma.set(v, { terms: [[rank + inner.length, 1]], bias: 0, div: 1 });
    inner.push(oldSizes[v]!);
  }
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
  return { inner, rewrite };
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
  const { inner, rewrite } = invertMap(xMap, xShape, [...n.shape, ...op.inner], (v) => v < outRank);
  const gMap = n.shape.map((size, o) => rewrite({ terms: [[o, 1]], bias: 0 }, size));
  const yShape = b.shape(y);
  const yNew = yMap.map((c, d) => rewrite(c, yShape[d]!));
  const shape = xShape.map((d, k) => (xMap[k]!.terms.length === 0 ? 1 : d));
  return b.contract(g, y, shape, inner, gMap, yNew);
}

/**
 * The gradient of a view out[o] = x[X(o)]: each element of x gets the sum of the g[o] that read
 * it. When the view reads a block of x in row-major order (every coordinate a plain index, or
 * p * u + v with v over [0, p): non-overlapping windows of size p, or a crop), that sum has one
 * term and the gradient is g reshaped and padded with zeros to x's shape. Otherwise it is g read
 * through the inverted map (windows solved for, masked, exact divisions), summed over the rest.
 */
export function viewGradient(b: GraphBuilder, n: Node, g: number): number {
  if (n.op.kind !== 'view') throw new Error('viewGradient: not a view');
  const map = n.op.map;
  const x = n.inputs[0]!;
  const xShape = b.shape(x);
  const block = blockShape(map, n.shape);
  if (block) {
    const region = b.reshape(g, [xShape[0]!, ...block.slice(1)]);
    if (block.every((d, k) => k === 0 || d === xShape[k])) return region;
    const pad = xShape.map((_, d): Coord => ({ terms: [[d, 1]], bias: 0, ...(d > 0 && block[d] !== xShape[d] ? { masked: true } : {}) }));
    return b.view(region, xShape, pad);
  }
  const { inner, rewrite } = invertMap(map, xShape, n.shape, () => true);
  const gMap = n.shape.map((size, o) => rewrite({ terms: [[o, 1]], bias: 0 }, size));
  const rank = xShape.length;
  const spread = b.view(g, [...xShape, ...inner], gMap);
  if (inner.length === 0) return spread;
  const summed = b.reduce('sum', inner.map((_, k) => rank + k), spread);
  return b.reshape(summed, xShape);
}

/**
 * The shape of the block of x that a view reads in x's own row-major order, or null when it reads
 * x otherwise. Each coordinate must use a run of the view's axes in order, outermost with the
 * largest stride: u alone, or p * u + v with v of size p (a window that tiles its axis).
 */
function blockShape(map: Coord[], outShape: Shape): Shape | null {
  let next = 0;
  const shape: Shape = [];
  for (const c of map) {
    if (c.masked || (c.div ?? 1) !== 1 || c.bias !== 0) return null;
    if (c.terms.length === 0) return null;
    let size = 1;
    for (let t = c.terms.length - 1; t >= 0; t--) {
      const [axis, coef] = c.terms[t]!;
      if (coef !== size) return null;
      const d = outShape[axis]!;
      if (typeof d !== 'number') {
        if (c.terms.length !== 1) return null;
        size = NaN;
        continue;
      }
      size *= d;
    }
    const axes = c.terms.map(([axis]) => axis);
    if (axes.some((a, k) => a !== next + k)) return null;
    next += axes.length;
    shape.push(Number.isNaN(size) ? outShape[axes[0]!]! : size);
  }
  return next === outShape.length ? shape : null;
}
