// The machinery every fusion pass shares: which pairs of kernels may become one without changing
// what the step computes, and how two bodies over the same index space become one body.
import { dependsOn, effectsOf, mapBody, mapExpr, type Effects } from './expr.js';
import type { Body, Expr, Kernel, Let, Plan, Store } from './ir.js';

/** Builds the kernel that does the work of `first` then `second`, or null when it cannot. */
export type Combine = (first: Kernel, second: Kernel, ctx: MergeContext) => Kernel | null;

export interface MergeContext {
  plan: Plan;
  /** True when a kernel other than the given ones (in this step) reads `buf`. */
  readElsewhere(buf: number, except: Kernel[]): boolean;
}

/**
 * Merges pairs of kernels of a step with `combine` until nothing more merges. A pair (i, j), i
 * before j, may merge when no kernel between them depends on i while j depends on it (directly
 * or through others): then the merged kernel can run where j's dependencies are ready and before
 * anything that needed i.
 */
export function mergeKernels(plan: Plan, kernels: Kernel[], combine: Combine): Kernel[] {
  let list = kernels.slice();
  for (;;) {
    const effects = list.map((k) => effectsOf(k, plan.io.permutation));
    const reach = reachability(effects);
    const ctx: MergeContext = {
      plan,
      readElsewhere(buf, except) {
        return list.some((k, n) => !except.includes(k) && effects[n]!.reads.has(buf));
      },
    };
    let merged = false;
    search: for (let j = 1; j < list.length; j++) {
      for (let i = j - 1; i >= 0; i--) {
        if (!mayMerge(reach, i, j)) continue;
        const k = combine(list[i]!, list[j]!, ctx);
        if (!k) continue;
        list = reorder(list, reach, i, j, k);
        merged = true;
        break search;
      }
    }
    if (!merged) return list;
  }
}

/** reach[a][b] (a < b): b depends on a, directly or through kernels between them. */
function reachability(effects: Effects[]): boolean[][] {
  const n = effects.length;
  const reach = effects.map(() => new Array<boolean>(n).fill(false));
  for (let b = 0; b < n; b++) {
    for (let a = b - 1; a >= 0; a--) {
      if (reach[a]![b]) continue;
      if (dependsOn(effects[b]!, effects[a]!)) {
        reach[a]![b] = true;
        // everything that reaches a also reaches b
        for (let c = 0; c < a; c++) if (reach[c]![a]) reach[c]![b] = true;
      }
    }
  }
  return reach;
}

function mayMerge(reach: boolean[][], i: number, j: number): boolean {
  for (let k = i + 1; k < j; k++) if (reach[i]![k] && reach[k]![j]) return false;
  return true;
}

/** The new order: before i; what j needs from between; the merged kernel; the rest. */
function reorder(list: Kernel[], reach: boolean[][], i: number, j: number, merged: Kernel): Kernel[] {
  const before: Kernel[] = [];
  const after: Kernel[] = [];
  for (let k = i + 1; k < j; k++) (reach[k]![j] ? before : after).push(list[k]!);
  return [...list.slice(0, i), ...before, merged, ...after, ...list.slice(j + 1)];
}

// ---- joining bodies ------------------------------------------------------------------------

/**
 * One body doing `first` then `second` for each element of the same index space. `first`'s
 * stores become values `second` reads directly instead of loading them back. Returns null when a
 * buffer written by one is touched by the other at another element (that order could not be kept).
 */
export function joinBodies(first: Body, second: Body, accOffset = 0): Body | null {
  const firstWrites = new Map(first.stores.map((s) => [s.buf, s.at]));
  const secondWrites = new Map(second.stores.map((s) => [s.buf, s.at]));
  const conflict = (body: Body, written: Map<number, Store['at']>) => {
    let bad = false;
    const check = (e: Expr) => {
      if (e.k === 'load' && written.has(e.buf) && (e.at !== 'elem' || written.get(e.buf) !== 'elem')) bad = true;
      return undefined;
    };
    mapBody(body, check);
    return bad;
  };
  if (conflict(second, firstWrites) || conflict(first, secondWrites)) return null;
  for (const [buf, at] of secondWrites) {
    const other = firstWrites.get(buf);
    if (other !== undefined && (other !== 'elem' || at !== 'elem')) return null;
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
    stores.push({ buf: s.buf, at: s.at, value: { k: 'let', name } });
    if (s.at === 'elem') stored.set(s.buf, name);
  }
  const shifted = accOffset ? mapBody(second, (e) => (e.k === 'acc' ? { k: 'acc', index: e.index + accOffset } : undefined)) : second;
  // Rename first, then point loads at first's values: those names are fresh, so nothing rebinds them.
  const b = mapBody(names.renameBody(shifted), (e) =>
    e.k === 'load' && e.at === 'elem' && stored.has(e.buf) ? { k: 'let', name: stored.get(e.buf)! } : undefined,
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
