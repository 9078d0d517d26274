// The machinery every fusion pass shares: which pairs of kernels may become one without changing
// what the step computes, and how two bodies over the same index space become one body.
import { effectsOf, mapBody, mapExpr, type Effects } from './expr.js';
import type { Shape } from '../graph/shape.js';
import { isIdentity } from './view.js';
import type { Body, Expr, Kernel, Let, Plan, Store } from './ir.js';

/** Builds the kernel that does the work of `first` then `second`, or null when it cannot. */
export type Combine = (first: Kernel, second: Kernel, ctx: MergeContext) => Kernel | null;

export interface MergeContext {
  plan: Plan;
  /** True when a kernel other than the given ones (in this step) reads `buf`. */
  readElsewhere(buf: number, except: Kernel[]): boolean;
}

/** Effects of a kernel, computed once per kernel object (kernels are never changed in place). */
const effectsCache = new WeakMap<Kernel, Effects>();
export function cachedEffects(k: Kernel, permutation: number): Effects {
  let e = effectsCache.get(k);
  if (!e) effectsCache.set(k, (e = effectsOf(k, permutation)));
  return e;
}

/**
 * Merges pairs of kernels of a step with `combine` until nothing more merges, trying pairs (i, j)
 * by ascending j, then descending i. A pair may merge when no kernel between them depends on i
 * while j depends on it (directly or through others): then the merged kernel can run where j's
 * dependencies are ready and before anything that needed i. After a merge at (i, j) the search
 * resumes at j = i: pairs that end before i saw the same kernels in the same order.
 */
export function mergeKernels(plan: Plan, kernels: Kernel[], combine: Combine): Kernel[] {
  const permutation = plan.io.permutation;
  let list = kernels.slice();
  let from = 1;
  for (;;) {
    const effects = list.map((k) => cachedEffects(k, permutation));
    const order = new Dependencies(effects);
    const readers = new Map<number, number>();
    for (const e of effects) for (const b of e.reads.keys()) readers.set(b, (readers.get(b) ?? 0) + 1);
    const ctx: MergeContext = {
      plan,
      readElsewhere(buf, except) {
        let n = readers.get(buf) ?? 0;
        for (const k of except) if (cachedEffects(k, permutation).reads.has(buf)) n--;
        return n > 0;
      },
    };
    let merged = -1;
    search: for (let j = Math.max(1, from); j < list.length; j++) {
      for (let i = j - 1; i >= 0; i--) {
        if (order.throughOthers(i, j)) continue;
        const k = combine(list[i]!, list[j]!, ctx);
        if (!k) continue;
        list = order.reorder(list, i, j, k);
        merged = i;
        break search;
      }
    }
    if (merged < 0) return list;
    from = merged;
  }
}

/**
 * Which kernels of a list depend on which, as bit sets: `reach[j]` holds every a < j that j
 * depends on, directly or through kernels between them. Built from each kernel's nearest
 * conflicting neighbours per buffer (the last writer, the readers since it): their closure is the
 * whole relation, so this is linear in the kernels times the words of a set.
 */
class Dependencies {
  private readonly reach: Uint32Array[];
  /** Kernels that j depends on directly, ascending. */
  private readonly direct: number[][];

  constructor(effects: Effects[]) {
    const n = effects.length;
    const words = (n + 31) >>> 5;
    this.reach = effects.map(() => new Uint32Array(words));
    this.direct = effects.map(() => []);
    const lastWriter = new Map<number, number>();
    const readersSince = new Map<number, number[]>();
    effects.forEach((e, j) => {
      const preds = new Set<number>();
      for (const b of e.reads.keys()) {
        const w = lastWriter.get(b);
        if (w !== undefined) preds.add(w);
      }
      for (const b of e.writes.keys()) {
        const w = lastWriter.get(b);
        if (w !== undefined) preds.add(w);
        for (const r of readersSince.get(b) ?? []) if (r !== j) preds.add(r);
      }
      for (const b of e.reads.keys()) {
        if (!readersSince.has(b)) readersSince.set(b, []);
        readersSince.get(b)!.push(j);
      }
      for (const b of e.writes.keys()) {
        lastWriter.set(b, j);
        readersSince.set(b, []);
      }
      const r = this.reach[j]!;
      for (const a of preds) {
        r[a >>> 5]! |= 1 << (a & 31);
        const ra = this.reach[a]!;
        for (let w = 0; w < words; w++) r[w]! |= ra[w]!;
      }
      this.direct[j] = [...preds].sort((p, q) => p - q);
    });
  }

  /** j depends on a (a < j), directly or not. */
  depends(j: number, a: number): boolean {
    return (this.reach[j]![a >>> 5]! & (1 << (a & 31))) !== 0;
  }

  /** Some kernel between i and j depends on i while j depends on it. */
  throughOthers(i: number, j: number): boolean {
    for (const a of this.direct[j]!) if (a > i && this.depends(a, i)) return true;
    return false;
  }

  /** The new order: before i; what j needs from between; the merged kernel; the rest. */
  reorder(list: Kernel[], i: number, j: number, merged: Kernel): Kernel[] {
    const before: Kernel[] = [];
    const after: Kernel[] = [];
    for (let k = i + 1; k < j; k++) (this.depends(j, k) ? before : after).push(list[k]!);
    return [...list.slice(0, i), ...before, merged, ...after, ...list.slice(j + 1)];
  }
}

// ---- joining bodies ------------------------------------------------------------------------

/**
 * One body doing `first` then `second` for each element of the same space. `first`'s stores
 * become values `second` reads directly instead of loading them back. Returns null when a buffer
 * written by one is touched by the other at another element (that order could not be kept).
 */
export function joinBodies(first: Body, second: Body, space: Shape, accOffset = 0): Body | null {
  const here = (s: { view: Store['view'] }) => isIdentity(s.view, space);
  const firstWrites = new Map(first.stores.map((s) => [s.buf, here(s)]));
  const secondWrites = new Map(second.stores.map((s) => [s.buf, here(s)]));
  const conflict = (body: Body, written: Map<number, boolean>) => {
    let bad = false;
    const check = (e: Expr) => {
      if (e.k === 'load' && written.has(e.buf) && (!isIdentity(e.view, space) || !written.get(e.buf))) bad = true;
      return undefined;
    };
    mapBody(body, check);
    return bad;
  };
  if (conflict(second, firstWrites) || conflict(first, secondWrites)) return null;
  for (const [buf, elem] of secondWrites) {
    const other = firstWrites.get(buf);
    if (other !== undefined && (!other || !elem)) return null;
  }

  const names = new LetNamer();
  const lets: Let[] = [];
  const stores: Store[] = [];
  const a = names.renameBody(first);
  lets.push(...a.lets);
  const stored = new Map<number, string>();
  for (const s of a.stores) {
    const name = names.fresh();
    lets.push({ name, value: s.value });
    stores.push({ buf: s.buf, view: s.view, value: { k: 'let', name } });
    if (here(s)) stored.set(s.buf, name);
  }
  const shifted = accOffset ? mapBody(second, (e) => (e.k === 'acc' ? { k: 'acc', index: e.index + accOffset } : undefined)) : second;
  // Rename first, then point loads at first's values: those names are fresh, so nothing rebinds them.
  const b = mapBody(names.renameBody(shifted), (e) =>
    e.k === 'load' && stored.has(e.buf) && isIdentity(e.view, space) ? { k: 'let', name: stored.get(e.buf)! } : undefined,
  );
  lets.push(...b.lets);
  stores.push(...b.stores);
  return simplifyBody({ lets, stores });
}

/** Gives the lets of joined bodies fresh names t0, t1, ... so repeated joins never clash. */
class LetNamer {
  private n = 0;
  fresh(): string {
    return `t${this.n++}`;
  }
  renameBody(b: Body): Body {
    const map = new Map<string, string>();
    const rename = (e: Expr): Expr | undefined => (e.k === 'let' ? { k: 'let', name: map.get(e.name) ?? e.name } : undefined);
    const lets = b.lets.map((l) => {
      const value = mapExpr(l.value, rename);
      const name = this.fresh();
      map.set(l.name, name);
      return { name, value };
    });
    return { lets, stores: b.stores.map((s) => ({ ...s, value: mapExpr(s.value, rename) })) };
  }
}

/** Inlines lets used at most once and drops unused ones, so generated code stays readable. */
export function simplifyBody(b: Body): Body {
  const uses = new Map<string, number>();
  const count = (e: Expr) => {
    if (e.k === 'let') uses.set(e.name, (uses.get(e.name) ?? 0) + 1);
    if (e.k === 'call') e.args.forEach(count);
  };
  b.lets.forEach((l) => count(l.value));
  b.stores.forEach((s) => count(s.value));
  const inline = new Map<string, Expr>();
  const subst = (e: Expr): Expr | undefined => (e.k === 'let' && inline.has(e.name) ? inline.get(e.name) : undefined);
  const lets: Let[] = [];
  for (const l of b.lets) {
    const value = mapExpr(l.value, subst);
    const n = uses.get(l.name) ?? 0;
    if (n === 0) continue;
    if (n === 1 || value.k === 'num' || value.k === 'uniform' || value.k === 'let' || value.k === 'acc') inline.set(l.name, value);
    else lets.push({ name: l.name, value });
  }
  return { lets, stores: b.stores.map((s) => ({ ...s, value: mapExpr(s.value, subst) })) };
}
