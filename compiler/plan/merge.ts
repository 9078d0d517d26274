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

/** Siblings (kernels that share no buffer) tried for each kernel: the nearest of its family. */
const NEAREST_SIBLINGS = 16;
/**
 * Siblings join while the kernel they make writes at most this many values per element: a deep
 * network's bias gradients would otherwise become one kernel with a store per layer, its shader
 * ever longer and each join costlier than the last.
 */
const MAX_SIBLING_STORES = 48;

/** Values a kernel writes per element. */
function storesOf(k: Kernel): number {
  if (k.kind === 'loop') return k.body.reduce((n, inner) => n + storesOf(inner), 0);
  return k.kind === 'map' ? k.segments.reduce((n, s) => n + s.body.stores.length, 0) : k.epilogue.stores.length;
}

/** Buffers a kernel reads or writes, computed once per kernel object. */
const touchedCache = new WeakMap<Kernel, Set<number>>();
function touchedBuffers(k: Kernel, permutation: number): Set<number> {
  let t = touchedCache.get(k);
  if (!t) {
    const e = cachedEffects(k, permutation);
    touchedCache.set(k, (t = new Set([...e.reads.keys(), ...e.writes.keys()])));
  }
  return t;
}

/** Which pairs a pass could combine: only those are tried (see mergeKernels). */
export interface Pairing {
  /** Kernels with equal signatures may pair; null: this kernel never does. */
  signature: (k: Kernel) => string | null;
  /** This kernel may pair with one it shares no buffer with (default: no). */
  unrelated?: (k: Kernel) => boolean;
}

/**
 * Merges pairs of kernels of a step with `combine` until nothing more merges, trying pairs (i, j)
 * by ascending j, then descending i. A pair may merge when no kernel between them depends on i
 * while j depends on it (directly or through others): then the merged kernel can run where j's
 * dependencies are ready and before anything that needed i. After a merge at (i, j) the search
 * resumes at j = i: pairs that end before i saw the same kernels in the same order.
 *
 * Only the pairs `pairing` allows are tried, so that a step of thousands of kernels is not searched
 * pair by pair: the cost grows with the kernels and what each one touches, not their square.
 */
export function mergeKernels(plan: Plan, kernels: Kernel[], combine: Combine, pairing: Pairing): Kernel[] {
  const permutation = plan.io.permutation;
  const effects = (k: Kernel) => cachedEffects(k, permutation);
  const touched = (k: Kernel) => touchedBuffers(k, permutation);
  const graph = new DependencyGraph(kernels.map(effects));
  const order = new Order(kernels.length);
  const list = kernels.slice();
  const ids = kernels.map((_, n) => n);
  const signatures = list.map(pairing.signature);
  const loose = list.map((k) => pairing.unrelated?.(k) ?? false);
  const readers = new Map<number, number>();
  /** Live kernel ids touching each buffer; and those that may pair unrelated, by signature. */
  const touching = new Map<number, Set<number>>();
  const families = new Map<string, Set<number>>();
  const add = <K>(m: Map<K, Set<number>>, key: K, id: number, by: 1 | -1) => {
    let set = m.get(key);
    if (!set) m.set(key, (set = new Set()));
    if (by > 0) set.add(id);
    else set.delete(id);
  };
  const count = (k: Kernel, id: number, by: 1 | -1) => {
    for (const b of effects(k).reads.keys()) readers.set(b, (readers.get(b) ?? 0) + by);
    for (const b of touched(k)) add(touching, b, id, by);
    const sig = pairing.signature(k);
    if (sig !== null && pairing.unrelated?.(k)) add(families, sig, id, by);
  };
  list.forEach((k, n) => count(k, n, 1));
  const storeCount = (id: number) => storesOf(list[order.index(id)]!);
  const ctx: MergeContext = {
    plan,
    readElsewhere(buf, except) {
      let n = readers.get(buf) ?? 0;
      for (const k of except) if (effects(k).reads.has(buf)) n--;
      return n > 0;
    },
  };
  /**
   * Positions before j that may pair with j, nearest first: those sharing a buffer with it, and
   * where both may pair unrelated, the nearest few of its family (siblings far apart are chained
   * through the kernels between them).
   */
  const candidates = (j: number): number[] => {
    const here = order.label(ids[j]!);
    const near = new Set<number>();
    for (const b of touched(list[j]!)) for (const id of touching.get(b) ?? []) if (order.label(id) < here) near.add(id);
    if (loose[j] && storesOf(list[j]!) < MAX_SIBLING_STORES) {
      const room = MAX_SIBLING_STORES - storesOf(list[j]!);
      const family = [...(families.get(signatures[j]!) ?? [])].filter((id) => order.label(id) < here && storeCount(id) <= room);
      family.sort((p, q) => order.label(q) - order.label(p));
      for (const id of family.slice(0, NEAREST_SIBLINGS)) near.add(id);
    }
    return [...near].map((id) => order.index(id)).filter((i) => signatures[i] === signatures[j]).sort((p, q) => q - p);
  };
  // Kernels still to try as the later of a pair, earliest first: all of them, then after each
  // merge the merged kernel and the later kernels that could now pair with it.
  const queue = new Heap((a, b) => order.label(a) - order.label(b));
  ids.forEach((id) => queue.push(id));
  const live = new Set(ids);
  while (queue.size) {
    const id = queue.pop()!;
    if (!live.has(id)) continue;
    const j = order.index(id);
    if (signatures[j] === null) continue;
    for (const i of candidates(j)) {
      if (graph.throughOthers(order, ids[i]!, ids[j]!)) continue;
      const k = combine(list[i]!, list[j]!, ctx);
      if (!k) continue;
      count(list[i]!, ids[i]!, -1);
      count(list[j]!, ids[j]!, -1);
      live.delete(ids[i]!);
      live.delete(ids[j]!);
      const needed = graph.ancestorsAfter(order, ids[i]!, ids[j]!);
      const merged = graph.merge(ids[i]!, ids[j]!);
      count(k, merged, 1);
      live.add(merged);
      // before i; what j needs from between; the merged kernel; the rest
      const between = Array.from({ length: j - i - 1 }, (_, n) => i + 1 + n);
      const slice = [...between.filter((n) => needed.has(ids[n]!)), -1, ...between.filter((n) => !needed.has(ids[n]!))];
      const pick = <T>(xs: T[], value: T) => slice.map((n) => (n < 0 ? value : xs[n]!));
      const newIds = pick(ids, merged);
      list.splice(i, j - i + 1, ...pick(list, k));
      signatures.splice(i, j - i + 1, ...pick(signatures, pairing.signature(k)));
      loose.splice(i, j - i + 1, ...pick(loose, pairing.unrelated?.(k) ?? false));
      order.replace(ids, i, j, newIds);
      ids.splice(i, j - i + 1, ...newIds);
      // the merged kernel, and what could pair with it from later: its neighbours and its family
      queue.push(merged);
      const here = order.label(merged);
      const again = new Set<number>();
      for (const b of touched(k)) for (const x of touching.get(b) ?? []) if (order.label(x) > here) again.add(x);
      const sig = pairing.signature(k);
      if (sig !== null && pairing.unrelated?.(k)) {
        // a sibling tries only its nearest earlier siblings: the nearest later ones may now try this one
        const later = [...(families.get(sig) ?? [])].filter((x) => order.label(x) > here).sort((a, b) => order.label(a) - order.label(b));
        for (const x of later.slice(0, NEAREST_SIBLINGS)) again.add(x);
      }
      for (const x of again) queue.push(x);
      break;
    }
  }
  return list;
}

/** A binary min-heap of numbers under `less`. */
class Heap {
  private items: number[] = [];
  constructor(private compare: (a: number, b: number) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(x: number): void {
    const a = this.items;
    a.push(x);
    let n = a.length - 1;
    while (n > 0) {
      const p = (n - 1) >> 1;
      if (this.compare(a[p]!, a[n]!) <= 0) break;
      [a[p], a[n]] = [a[n]!, a[p]!];
      n = p;
    }
  }

  pop(): number | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last !== undefined) {
      a[0] = last;
      let n = 0;
      for (;;) {
        const l = 2 * n + 1;
        const r = l + 1;
        let m = n;
        if (l < a.length && this.compare(a[l]!, a[m]!) < 0) m = l;
        if (r < a.length && this.compare(a[r]!, a[m]!) < 0) m = r;
        if (m === n) break;
        [a[m], a[n]] = [a[n]!, a[m]!];
        n = m;
      }
    }
    return top;
  }
}

/**
 * The order of the kernels as labels that compare as their positions do. A merge rewrites the
 * labels of the kernels from i to j only (they take the same range), so the rest keep theirs and
 * the cost of a merge grows with the kernels between the two, not the whole step.
 */
class Order {
  private labels: Float64Array;
  /** The labels in list order, to find a position by binary search. */
  private sorted: number[];

  constructor(n: number) {
    this.labels = new Float64Array(2 * n + 1);
    this.sorted = [];
    for (let k = 0; k < n; k++) {
      this.labels[k] = k;
      this.sorted.push(k);
    }
  }

  label(id: number): number {
    return this.labels[id]!;
  }

  /** The position of a live kernel. */
  index(id: number): number {
    const x = this.labels[id]!;
    let lo = 0;
    let hi = this.sorted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Positions i..j now hold `ids` (fewer by one): spread over the labels i and j had. */
  replace(old: number[], i: number, j: number, ids: number[]): void {
    const lo = this.labels[old[i]!]!;
    const hi = this.labels[old[j]!]!;
    const step = (hi - lo) / Math.max(1, ids.length - 1);
    const labels = ids.map((_, n) => lo + n * step);
    if (step <= 0 || labels.some((x, n) => n > 0 && x <= labels[n - 1]!)) {
      // the range is too narrow to split: number everything again (rare)
      const all = [...old.slice(0, i), ...ids, ...old.slice(j + 1)];
      all.forEach((id, n) => (this.labels[id] = n));
      this.sorted = all.map((_, n) => n);
      return;
    }
    ids.forEach((id, n) => (this.labels[id] = labels[n]!));
    this.sorted.splice(i, j - i + 1, ...labels);
  }
}

/**
 * Which kernels depend directly on which (`preds`, and the reverse, `succs`), by kernel id: built
 * once from each kernel's nearest conflicting neighbours per buffer (the last writer, the readers
 * since it: their closure is the whole relation), then kept up to date merge by merge. Whether one
 * kernel depends on another through others is a search back from the later one over the kernels
 * between them only.
 */
class DependencyGraph {
  private preds: Array<Set<number>> = [];
  private succs: Array<Set<number>> = [];

  constructor(effects: Effects[]) {
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
      this.preds.push(preds);
      this.succs.push(new Set());
      for (const p of preds) this.succs[p]!.add(j);
    });
  }

  /** The kernels after `a` (in `order`) that `b` depends on, directly or through others. */
  ancestorsAfter(order: Order, a: number, b: number): Set<number> {
    const floor = order.label(a);
    const seen = new Set<number>();
    const stack = [b];
    while (stack.length) {
      for (const p of this.preds[stack.pop()!]!) {
        if (order.label(p) <= floor || seen.has(p)) continue;
        seen.add(p);
        stack.push(p);
      }
    }
    return seen;
  }

  /** Some kernel between a and b depends on a while b depends on it. */
  throughOthers(order: Order, a: number, b: number): boolean {
    for (const x of this.ancestorsAfter(order, a, b)) if (this.preds[x]!.has(a)) return true;
    return false;
  }

  /** Kernels a and b become one, with a new id: it depends on what either did, and whatever depended on either depends on it. */
  merge(a: number, b: number): number {
    const id = this.preds.length;
    const preds = new Set([...this.preds[a]!, ...this.preds[b]!]);
    preds.delete(a);
    const succs = new Set([...this.succs[a]!, ...this.succs[b]!]);
    succs.delete(b);
    this.preds.push(preds);
    this.succs.push(succs);
    for (const p of preds) {
      const s = this.succs[p]!;
      s.delete(a);
      s.delete(b);
      s.add(id);
    }
    for (const x of succs) {
      const p = this.preds[x]!;
      p.delete(a);
      p.delete(b);
      p.add(id);
    }
    return id;
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
