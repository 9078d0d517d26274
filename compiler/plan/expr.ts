// Walking and rewriting plan expressions and kernels: what a kernel reads and writes, renaming
// lets, substituting loads. Shared by the fusion passes.
import type { Access, Body, Expr, Kernel, Let, Store } from './ir.js';

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

/** Every expression of a kernel, with the part it belongs to. */
export function kernelExprs(k: Kernel): Array<{ part: 'input' | 'output'; expr: Expr }> {
  const out: Array<{ part: 'input' | 'output'; expr: Expr }> = [];
  const body = (b: Body, part: 'input' | 'output') => {
    for (const l of b.lets) out.push({ part, expr: l.value });
    for (const s of b.stores) out.push({ part, expr: s.value });
  };
  switch (k.kind) {
    case 'map':
      for (const s of k.segments) body(s.body, 'output');
      break;
    case 'matmul':
      body(k.epilogue, 'output');
      break;
    case 'reduce':
      for (const l of k.prologue) out.push({ part: 'input', expr: l.value });
      for (const r of k.reductions) out.push({ part: 'input', expr: r.value });
      body(k.epilogue, 'output');
      break;
  }
  return out;
}

export function kernelStores(k: Kernel): Store[] {
  switch (k.kind) {
    case 'map':
      return k.segments.flatMap((s) => s.body.stores);
    case 'matmul':
    case 'reduce':
      return k.epilogue.stores;
  }
}

/** How a kernel touches a buffer: only at the element it is computing ('elem'), or anywhere. */
export type Touch = 'elem' | 'any';

export interface Effects {
  reads: Map<number, Touch>;
  writes: Map<number, Touch>;
}

function touch(m: Map<number, Touch>, buf: number, at: Access | 'any'): void {
  const t: Touch = at === 'elem' ? 'elem' : 'any';
  if (m.get(buf) !== 'any') m.set(buf, t);
}

export function effectsOf(k: Kernel, permutation: number): Effects {
  const reads = new Map<number, Touch>();
  const writes = new Map<number, Touch>();
  for (const { expr } of kernelExprs(k)) {
    visitExpr(expr, (e) => {
      if (e.k === 'load') {
        touch(reads, e.buf, e.at);
        if (e.at === 'gather') touch(reads, permutation, 'any');
      }
    });
  }
  if (k.kind === 'matmul') {
    touch(reads, k.a.buf, 'any');
    touch(reads, k.b.buf, 'any');
    if (k.a.at === 'gather' || k.b.at === 'gather') touch(reads, permutation, 'any');
  }
  // A reduce's input-space reads cover many output elements: they are never 'elem' for hazards
  // against its epilogue's space.
  if (k.kind === 'reduce') {
    for (const r of [...k.prologue.map((l) => l.value), ...k.reductions.map((r) => r.value)]) {
      visitExpr(r, (e) => {
        if (e.k === 'load') touch(reads, e.buf, 'any');
      });
    }
  }
  for (const s of kernelStores(k)) touch(writes, s.buf, s.at);
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
