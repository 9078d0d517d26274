// Index maps: how an operand of a contraction (and, in the plan, any read of a buffer) finds its
// element from the indices of an iteration space. Each coordinate of the operand is an affine
// function of the iteration indices, optionally divided exactly: enough for a matmul (a coordinate
// is one index), a transpose (indices swapped), a broadcast (a constant 0), a convolution's window
// (oh * stride + kh - pad, masked where it leaves the input: padding) and its input gradient
// ((ih + pad - kh) / stride, present only where the division is exact).

/**
 * The axis that stands for the index of the loop a kernel runs in (a recurrence's time step, see
 * LoopKernel in plan/ir.ts): t at step t of the loop, not an axis of the kernel's space.
 */
export const LOOP_AXIS = -1;

/** bias + sum(coef * index[axis]), divided by `div` (default 1). */
export interface Coord {
  terms: Array<[axis: number, coef: number]>;
  bias: number;
  /** Exact division: where the sum is not a multiple of div, the element does not exist (reads 0). */
  div?: number;
  /** The coordinate may leave [0, size) of its dimension: there the element reads 0 (padding). */
  masked?: boolean;
}

/** The coordinate that is iteration index `axis`. */
export function axisCoord(axis: number): Coord {
  return { terms: [[axis, 1]], bias: 0 };
}

/** A coordinate that is always `v` (0 for a broadcast dimension). */
export function constCoord(v: number): Coord {
  return { terms: [], bias: v };
}

/** The single iteration axis a coordinate is (coefficient 1, nothing else), or -1. */
export function plainAxis(c: Coord): number {
  return c.terms.length === 1 && c.terms[0]![1] === 1 && c.bias === 0 && (c.div ?? 1) === 1 ? c.terms[0]![0] : -1;
}

/** The coordinate's value at `index` (and loop step `t`), or null where it has no element (inexact division). */
export function coordValue(c: Coord, index: ArrayLike<number>, t = 0): number | null {
  let s = c.bias;
  for (const [axis, coef] of c.terms) s += coef * (axis === LOOP_AXIS ? t : index[axis]!);
  const div = c.div ?? 1;
  if (div === 1) return s;
  if (s % div !== 0) return null;
  return s / div;
}

/** The smallest and largest value of a coordinate over iteration axes of the given sizes, and a loop of `steps` (inexact divisions aside). */
export function coordRange(c: Coord, sizes: ArrayLike<number>, steps = 1): [number, number] {
  let lo = c.bias;
  let hi = c.bias;
  for (const [axis, coef] of c.terms) {
    const top = coef * ((axis === LOOP_AXIS ? steps : sizes[axis]!) - 1);
    lo += Math.min(0, top);
    hi += Math.max(0, top);
  }
  const div = c.div ?? 1;
  return [Math.ceil(lo / div), Math.floor(hi / div)];
}

/** The coordinate with its axes renumbered by `f` (and terms on the same axis added). */
export function renumberCoord(c: Coord, f: (axis: number) => number): Coord {
  const terms = new Map<number, number>();
  for (const [axis, coef] of c.terms) terms.set(f(axis), (terms.get(f(axis)) ?? 0) + coef);
  return { ...c, terms: [...terms].filter(([, coef]) => coef !== 0) };
}

/** `2*i1+k0-1`, `(i1+1-k0)/2`, `0`: the printers' form, with index names given per axis. */
export function coordText(c: Coord, names: (axis: number) => string): string {
  let text = '';
  for (const [axis, coef] of c.terms) {
    const name = axis === LOOP_AXIS ? 't' : names(axis);
    const term = coef === 1 ? name : coef === -1 ? `-${name}` : `${coef}*${name}`;
    text += text === '' || term.startsWith('-') ? term : `+${term}`;
  }
  if (c.bias !== 0 || text === '') text += text === '' || c.bias < 0 ? String(c.bias) : `+${c.bias}`;
  const div = c.div ?? 1;
  if (div !== 1) text = `(${text})/${div}`;
  return c.masked ? `${text}?` : text;
}

export function sameCoord(a: Coord, b: Coord): boolean {
  return (
    a.bias === b.bias &&
    (a.div ?? 1) === (b.div ?? 1) &&
    !!a.masked === !!b.masked &&
    a.terms.length === b.terms.length &&
    a.terms.every(([axis, coef], k) => b.terms[k]![0] === axis && b.terms[k]![1] === coef)
  );
}
