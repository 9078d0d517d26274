// What every kernel of every strategy shares: plan expressions as WGSL, the element a view reads
// at a point of a space, and the indices of that point from a flat element number.
import { contiguousStrides, type Dim, type Shape } from '../graph/shape.js';
import { LOOP_AXIS, type Coord } from '../graph/index-map.js';
import type { Body, Expr as PlanExpr, Plan, View } from '../plan/ir.js';
import { add, and, bitXor, cast, div, eq, f32, isLiteralZero, lit, lt, mod, mul, select, sub, type Block, type Expr } from './builder.js';
import { wgslElementwise } from './elementwise.js';
import type { MemoryPlan } from './memory.js';
import type { ModuleContext } from './module.js';
import { rngFunctions } from './rng.js';
import { Loops } from './loops.js';

/** The per-step values a shader reads from its `Step` uniform. */
export interface StepValues {
  offset: Expr;
  rows: Expr;
  step: Expr;
  seed: Expr;
  /** Inside a loop kernel: the loop's step t (LOOP_AXIS in a coordinate). */
  t?: Expr;
  /**
   * Inside a loop kernel run by several workgroups, each on a slice of the batch: the slice's first
   * row, added to the batch index of every point (`rows` is then the slice's rows).
   */
  rowBase?: Expr;
}

/** Where an expression is evaluated: a point of a space (one index per axis), with the lets and accumulators in scope. */
export interface Place {
  idx: Expr[];
  space: Shape;
  lets: Map<string, Expr>;
  accs: Expr[];
}

export const F32_MAX = 3.4028234663852886e38;

export function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/** `a + b` and `a * b` with literal zeros and ones folded away. */
export function plus(a: Expr | null, b: Expr): Expr {
  if (a === null || isLiteralZero(a)) return b;
  if (isLiteralZero(b)) return a;
  return add(a, b);
}
export function times(a: Expr, k: number): Expr {
  if (k === 1) return a;
  if (k === 0 || isLiteralZero(a)) return lit.u32(0);
  return mul(a, lit.u32(k));
}

export class BodyEmitter {
  /** Every loop a shader makes goes through here, counted (loops.ts). */
  readonly loops = new Loops();

  constructor(
    readonly plan: Plan,
    readonly memory: MemoryPlan,
  ) {}

  dim(d: Dim, v: StepValues): Expr {
    if (d === 'N') throw new Error('emit: a kernel cannot range over N rows');
    return d === 'B' ? v.rows : lit.u32(d);
  }

  /** The number of elements of a space (an expression of the step's rows). */
  count(space: Shape, v: StepValues): Expr {
    const fixed = space.reduce<number>((n, d) => n * (typeof d === 'number' ? d : 1), 1);
    if (space.some((d) => d === 'N')) throw new Error('emit: a kernel cannot range over N rows');
    if (!space.some((d) => d === 'B')) return lit.u32(fixed);
    return fixed === 1 ? v.rows : mul(v.rows, lit.u32(fixed));
  }

  /** The indices of element number `e` of a space, row-major (named i, j for matrices; i0, i1, ... otherwise); the batch index from `v.rowBase` on. */
  coords(b: Block, e: Expr, space: Shape, v?: StepValues): Expr[] {
    const idx = this.spaceCoords(b, e, space);
    if (v?.rowBase && space[0] === 'B') idx[0] = b.let('row', add(idx[0]!, v.rowBase));
    return idx;
  }

  private spaceCoords(b: Block, e: Expr, space: Shape): Expr[] {
    const rank = space.length;
    if (rank === 2) {
      const cols = space[1] as number;
      if (cols === 1) return [e, lit.u32(0)];
      return [b.let('i', div(e, lit.u32(cols))), b.let('j', mod(e, lit.u32(cols)))];
    }
    const idx = space.map(() => lit.u32(0));
    // the outermost axis of size above 1 takes what the inner ones leave
    const outer = space.findIndex((d) => d !== 1);
    let rest = e;
    for (let d = rank - 1; d > outer; d--) {
      const size = space[d]!;
      if (size === 1) continue;
      if (typeof size !== 'number') throw new Error('emit: only the outermost axis may be B');
      idx[d] = b.let(`i${d}`, mod(rest, lit.u32(size)));
      rest = b.let(`r${d}`, div(rest, lit.u32(size)));
    }
    if (outer >= 0) idx[outer] = rest;
    return idx;
  }

  /** The row-major number of a point in its space (the random counter). */
  flatIndex(p: Place): Expr {
    const strides = contiguousStrides(p.space);
    if (p.space.length === 2) return add(mul(p.idx[0]!, lit.u32(p.space[1] as number)), p.idx[1]!);
    let at: Expr | null = null;
    p.idx.forEach((x, d) => (at = plus(at, times(x, strides[d]!))));
    return at ?? lit.u32(0);
  }

  /** Runs a body at element number `e` of `space`. */
  element(ctx: ModuleContext, b: Block, e: Expr, space: Shape, body: Body, v: StepValues): void {
    const idx = this.coords(b, e, space, v);
    this.body(ctx, b, body, { idx, space, lets: new Map(), accs: [] }, v);
  }

  /** Lets, then every store's value, then the stores (a body may overwrite what it reads). */
  body(ctx: ModuleContext, b: Block, body: Body, place: Place, v: StepValues): void {
    for (const l of body.lets) place.lets.set(l.name, b.let(safe(l.name), this.expr(ctx, l.value, place, v)));
    const values = body.stores.map((s, n) => b.let(`v${n}`, this.expr(ctx, s.value, place, v)));
    body.stores.forEach((s, n) => b.assign(this.reference(ctx, s.buf, s.view, place.idx, v).at, values[n]!));
  }

  /** A coordinate's value at a point: bias + sum(coef * index) (u32: a negative value wraps and fails the range check). */
  private coordinate(c: Coord, idx: Expr[], v: StepValues): Expr {
    const at = (axis: number) => {
      if (axis !== LOOP_AXIS) return idx[axis]!;
      if (!v.t) throw new Error('emit: the loop step outside a loop');
      return v.t;
    };
    let value: Expr | null = null;
    for (const [axis, coef] of c.terms) if (coef > 0) value = plus(value, times(at(axis), coef));
    if (c.bias > 0) value = plus(value, lit.u32(c.bias));
    for (const [axis, coef] of c.terms) if (coef < 0) value = sub(value ?? lit.u32(0), times(at(axis), -coef));
    if (c.bias < 0) value = sub(value ?? lit.u32(0), lit.u32(-c.bias));
    return value ?? lit.u32(0);
  }

  /**
   * The storage element a view touches at a point (`at`), and for masked views the condition that
   * it exists (`valid`; a load reads 0 where it does not). Coordinates are laid out row-major over
   * the view's shape; the outermost goes through the permutation (gather) or the step's rows (window).
   */
  reference(ctx: ModuleContext, buf: number, view: View, idx: Expr[], v: StepValues): { at: Expr; valid: Expr | null } {
    const info = this.plan.buffers[buf]!;
    const strides = contiguousStrides(view.shape);
    let index: Expr | null = null;
    let valid: Expr | null = null;
    const check = (cond: Expr) => (valid = valid ? and(valid, cond) : cond);
    view.coords.forEach((c, d) => {
      let value = this.coordinate(c, idx, v);
      const divisor = c.div ?? 1;
      if (divisor !== 1) {
        check(eq(mod(value, lit.u32(divisor)), lit.u32(0)));
        value = div(value, lit.u32(divisor));
      }
      if (c.masked) check(lt(value, lit.u32(view.shape[d] as number)));
      if (d === 0 && view.rows === 'gather') value = ctx.permutation.at(add(v.offset, value));
      if (d === 0 && view.rows === 'window') value = add(add(ctx.step.field('base'), v.offset), value);
      index = plus(index, times(value, strides[d]!));
    });
    const at: Expr = index ?? lit.u32(0);
    switch (info.role) {
      case 'features':
      case 'labels':
        if (view.rows !== 'gather') throw new Error(`emit: ${info.name} is read through the permutation only`);
        return { at: (info.role === 'features' ? ctx.features : ctx.labels).at(at), valid };
      case 'output':
        return { at: ctx.output.at(at), valid };
      case 'permutation':
        throw new Error('emit: the permutation is not an f32 buffer');
      default: {
        const base = this.memory.offsets[buf]!;
        return { at: ctx.arena.at(base === 0 ? at : plus(lit.u32(base), at)), valid };
      }
    }
  }

  /** A load: the element, or 0 where a masked view has none. */
  load(ctx: ModuleContext, buf: number, view: View, idx: Expr[], v: StepValues): Expr {
    const r = this.reference(ctx, buf, view, idx, v);
    return r.valid ? select(lit.f32(0), r.at, r.valid) : r.at;
  }

  expr(ctx: ModuleContext, e: PlanExpr, p: Place, v: StepValues): Expr {
    switch (e.k) {
      case 'num':
        return lit.f32(Number.isFinite(e.v) ? e.v : e.v > 0 ? F32_MAX : -F32_MAX);
      case 'uniform':
        return cast(f32, e.name === 'rows' ? v.rows : v.step);
      case 'load':
        return this.load(ctx, e.buf, e.view, p.idx, v);
      case 'call':
        return wgslElementwise(ctx.m, e.fn, e.args.map((a) => this.expr(ctx, a, p, v)), e.alpha);
      case 'let': {
        const x = p.lets.get(e.name);
        if (!x) throw new Error(`emit: let ${e.name} is not defined here`);
        return x;
      }
      case 'acc': {
        const x = p.accs[e.index];
        if (!x) throw new Error(`emit: acc${e.index} is not defined here`);
        return x;
      }
      case 'rand': {
        const rng = rngFunctions(ctx.m);
        const key = rng.mix32(bitXor(v.seed, v.step));
        return rng.uniform(key, lit.u32(e.stream), this.flatIndex(p));
      }
      case 'index':
        return cast(f32, p.idx[e.axis]!);
    }
  }
}

/** The step's values, read once at the top of a per-kernel shader. */
export function stepValues(ctx: ModuleContext, b: Block): StepValues {
  const s = ctx.step;
  return { offset: b.let('offset', s.field('offset')), rows: b.let('rows', s.field('rows')), step: b.let('t', s.field('step')), seed: s.field('seed') };
}

/** Sets idx[axes] from a flat number over them, row-major (only the outermost may be B). */
export function spread(b: Block, value: Expr, axes: number[], dims: Dim[], idx: Expr[], name: string): void {
  let rest = value;
  for (let n = axes.length - 1; n > 0; n--) {
    const size = dims[n] as number;
    idx[axes[n]!] = b.let(`${name}${n}`, mod(rest, lit.u32(size)));
    rest = b.let(`${name}r${n}`, div(rest, lit.u32(size)));
  }
  if (axes.length) idx[axes[0]!] = rest;
}
