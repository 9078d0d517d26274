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
 *
 * `signature` says which kernels a pass could ever combine: only pairs with equal signatures are
 * tried (null: never), so a step of thousands of kernels is not searched pair by pair.
 */
export function mergeKernels(plan: Plan, kernels: Kernel[], combine: Combine, signature: (k: Kernel) => string | null): Kernel[] {
  const permutation = plan.io.permutation;
  const deps = new Dependencies(kernels.map((k) => cachedEffects(k, permutation)), kernels.length);
  let list = kernels.slice();
  let ids = kernels.map((_, n) => n);
  const readers = new Map<number, number>();
  const countReads = (k: Kernel, by: number) => {
    for (const b of cachedEffects(k, permutation).reads.keys()) readers.set(b, (readers.get(b) ?? 0) + by);
  };
  for (const k of list) countReads(k, 1);
  const ctx: MergeContext = {
    plan,
    readElsewhere(buf, except) {
      let n = readers.get(buf) ?? 0;
      for (const k of except) if (cachedEffects(k, permutation).reads.has(buf)) n--;
      return n > 0;
    },
  };
  let from = 1;
  for (;;) {
    const signatures = list.map(signature);
    deps.positions(ids);
    let merged = -1;
    search: for (let j = Math.max(1, from); j < list.length; j++) {
      const sig = signatures[j];
      if (sig === null) continue;
      for (let i = j - 1; i >= 0; i--) {
        if (signatures[i] !== sig) continue;
        if (deps.throughOthers(ids, i, j)) continue;
        const k = combine(list[i]!, list[j]!, ctx);
        if (!k) continue;
        countReads(list[i]!, -1);
        countReads(list[j]!, -1);
        countReads(k, 1);
        [list, ids] = deps.merge(list, ids, i, j, k);
        merged = i;
        break search;
      }
    }
    if (merged < 0) return list;
    from = merged;
  }
}

/**
 * Which kernels depend on which: `reach[x]` holds every kernel x depends on, directly or through
 * others, as a bit set over kernel ids (a merged kernel gets a new id). Built once from each
 * kernel's nearest conflicting neighbours per buffer (the last writer, the readers since it: their
 * closure is the whole relation), then kept up to date merge by merge: the merged kernel depends on
 * what either part did, and whatever depended on a part depends on it.
 */
class Dependencies {
  private words: number;
  private reach: Uint32Array[] = [];
  /** Kernels each kernel depends on directly, by id. */
  private direct: Array<Set<number>> = [];

  constructor(effects: Effects[], n: number) {
    // ids: the n kernels, then at most n - 1 merged ones
    this.words = (2 * n + 31) >>> 5;
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
        let list = readersSince.get(b);
        if (!list) readersSince.set(b, (list = []));
        list.push(j);
      }
      for (const b of e.writes.keys()) {
        lastWriter.set(b, j);
        readersSince.set(b, []);
      }
      const r = new Uint32Array(this.words);
      for (const a of preds) {
        r[a >>> 5]! |= 1 << (a & 31);
        const ra = this.reach[a]!;
        for (let w = 0; w < this.words; w++) r[w]! |= ra[w]!;
      }
      this.reach.push(r);
      this.direct.push(preds);
    });
  }

  /** Kernel id x depends on kernel id a, directly or not. */
  private depends(x: number, a: number): boolean {
    return (this.reach[x]![a >>> 5]! & (1 << (a & 31))) !== 0;
  }

  /** Position of each live kernel id (set by `positions`). */
  private at = new Map<number, number>();

  /** Records where each kernel of the list is. */
  positions(ids: number[]): void {
    this.at.clear();
    ids.forEach((x, k) => this.at.set(x, k));
  }

  /**
   * Some kernel between positions i and j depends on i while j depends on it: then one of j's
   * direct dependencies lies after i and depends on i (the last step of such a path).
   */
  throughOthers(ids: number[], i: number, j: number): boolean {
    const a = ids[i]!;
    for (const x of this.direct[ids[j]!]!) if (this.at.get(x)! > i && this.depends(x, a)) return true;
    return false;
  }

  /** The list with i and j replaced by `merged`: before i; what j needs from between; the merged kernel; the rest. */
  merge(list: Kernel[], ids: number[], i: number, j: number, merged: Kernel): [Kernel[], number[]] {
    const [a, b] = [ids[i]!, ids[j]!];
    const id = this.reach.length;
    const r = new Uint32Array(this.words);
    const ra = this.reach[a]!;
    const rb = this.reach[b]!;
    for (let w = 0; w < this.words; w++) r[w] = ra[w]! | rb[w]!;
    this.reach.push(r);
    this.direct.push(new Set([...this.direct[a]!, ...this.direct[b]!].filter((x) => x !== a)));
    // whatever depended on a part depends on the merged kernel
    for (const x of ids) {
      if (x === a || x === b) continue;
      if (this.depends(x, a) || this.depends(x, b)) this.reach[x]![id >>> 5]! |= 1 << (id & 31);
      const d = this.direct[x]!;
      if (d.has(a) || d.has(b)) {
        d.delete(a);
        d.delete(b);
        d.add(id);
      }
    }
    const before: number[] = [];
    const after: number[] = [];
    for (let k = i + 1; k < j; k++) (this.depends(b, ids[k]!) ? before : after).push(k);
    const order = [...Array.from({ length: i }, (_, k) => k), ...before, -1, ...after, ...Array.from({ length: list.length - j - 1 }, (_, k) => j + 1 + k)];
    return [order.map((k) => (k < 0 ? merged : list[k]!)), order.map((k) => (k < 0 ? id : ids[k]!))];
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
