// Walking and rewriting plan expressions and kernels: what a kernel reads and writes, renaming
// lets, substituting loads. Shared by the fusion passes.
import { reducedShape, type Shape } from '../graph/shape.js';
import type { Body, Expr, Kernel, Let, Operand, Store, View } from './ir.js';
import { isIdentity } from './view.js';

export function mapExpr(e: Expr, f: (e: Expr) => Expr | undefined): Expr {
  const replaced = f(e);
  if (replaced) return replaced;
  if (e.k === 'call') return { ...e, args: e.args.map((a) => mapExpr(a, f)) };
  return e;
}

export function visitExpr(e: Expr, f: (e: Expr) => void): void {
  f(e);
  if (e.k === 'call') for (const a of e.args) visitExpr(a, f);
}

export function mapBody(b: Body, f: (e: Expr) => Expr | undefined): Body {
  return {
    lets: b.lets.map((l) => ({ name: l.name, value: mapExpr(l.value, f) })),
    stores: b.stores.map((s) => ({ ...s, value: mapExpr(s.value, f) })),
  };
}

/** Every expression of a kernel, with the part it belongs to and the space it is evaluated over. */
export function kernelExprs(k: Kernel): Array<{ part: 'input' | 'output'; expr: Expr; space: Shape }> {
  const out: Array<{ part: 'input' | 'output'; expr: Expr; space: Shape }> = [];
  const body = (b: Body, part: 'input' | 'output', space: Shape) => {
    for (const l of b.lets) out.push({ part, expr: l.value, space });
    for (const s of b.stores) out.push({ part, expr: s.value, space });
  };
  switch (k.kind) {
    case 'map':
      for (const s of k.segments) body(s.body, 'output', s.space);
      break;
    case 'contract':
    case 'gather':
    case 'segment_sum':
      body(k.epilogue, 'output', k.space);
      break;
    case 'reduce':
      for (const l of k.prologue) out.push({ part: 'input', expr: l.value, space: k.space });
      for (const r of k.reductions) out.push({ part: 'input', expr: r.value, space: k.space });
      body(k.epilogue, 'output', outputSpace(k));
      break;
    case 'loop':
      // another step's elements: never 'elem' against anything outside the loop
      for (const inner of k.body) for (const e of kernelExprs(inner)) out.push({ ...e, part: 'input' });
      break;
  }
  return out;
}

/** The space a kernel's stores (its epilogue, or each map segment) run over; for a map, its first segment's. */
export function outputSpace(k: Kernel): Shape {
  switch (k.kind) {
    case 'map':
      return k.segments[0]!.space;
    case 'contract':
    case 'gather':
    case 'segment_sum':
      return k.space;
    case 'reduce':
      return reducedShape(k.space, k.axes);
    case 'loop':
      return [];
  }
}

export function kernelStores(k: Kernel): Array<Store & { space: Shape }> {
  switch (k.kind) {
    case 'map':
      return k.segments.flatMap((s) => s.body.stores.map((st) => ({ ...st, space: s.space })));
    case 'contract':
    case 'reduce':
    case 'gather':
    case 'segment_sum':
      return k.epilogue.stores.map((st) => ({ ...st, space: outputSpace(k) }));
    case 'loop':
      return k.body.flatMap(kernelStores);
  }
}

/** How a kernel touches a buffer: only at the element it is computing ('elem'), or anywhere. */
export type Touch = 'elem' | 'any';

export interface Effects {
  reads: Map<number, Touch>;
  writes: Map<number, Touch>;
}

/** 'elem' when the view is the element being computed in `space`, else 'any'. */
export function touchOf(view: View, space: Shape): Touch {
  return isIdentity(view, space) ? 'elem' : 'any';
}

function touch(m: Map<number, Touch>, buf: number, t: Touch): void {
  if (m.get(buf) !== 'any') m.set(buf, t);
}

/** The operands a kernel reads besides its expressions' loads (contractions, gathers, segment sums), each anywhere. */
export function kernelOperands(k: Kernel): Operand[] {
  switch (k.kind) {
    case 'contract':
      return [k.a, k.b];
    case 'gather':
      return [k.index, { buf: k.table, view: { shape: [], coords: [] } }];
    case 'segment_sum':
      return [k.index, k.values];
    case 'loop':
      return k.body.flatMap(kernelOperands);
    default:
      return [];
  }
}

export function effectsOf(k: Kernel, permutation: number): Effects {
  const reads = new Map<number, Touch>();
  const writes = new Map<number, Touch>();
  for (const { expr, space, part } of kernelExprs(k)) {
    visitExpr(expr, (e) => {
      if (e.k !== 'load') return;
      // A reduce's input-space reads cover many output elements: never 'elem' against its epilogue.
      touch(reads, e.buf, part === 'input' ? 'any' : touchOf(e.view, space));
      if (e.view.rows === 'gather') touch(reads, permutation, 'any');
    });
  }
  for (const o of kernelOperands(k)) {
    touch(reads, o.buf, 'any');
    if (o.view.rows === 'gather') touch(reads, permutation, 'any');
  }
  for (const s of kernelStores(k)) touch(writes, s.buf, k.kind === 'loop' ? 'any' : touchOf(s.view, s.space));
  return { reads, writes };
}

/** True when `later` must stay after `earlier` (it reads what earlier writes, or writes what earlier reads or writes). */
export function dependsOn(later: Effects, earlier: Effects): boolean {
  for (const b of earlier.writes.keys()) if (later.reads.has(b) || later.writes.has(b)) return true;
  for (const b of earlier.reads.keys()) if (later.writes.has(b)) return true;
  return false;
}

export function exprUses(e: Expr, pred: (e: Expr) => boolean): boolean {
  let found = false;
  visitExpr(e, (x) => {
    if (pred(x)) found = true;
  });
  return found;
}
