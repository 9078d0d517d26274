// Views (see View in ir.ts): how they are made from shapes, compared, printed, and reduced to the
// flat form executors compute addresses with.
import { axisCoord, constCoord, coordText, LOOP_AXIS, plainAxis, sameCoord, type Coord } from '../graph/index-map.js';
import { contiguousStrides, isSymbolic, sameShape, shapeText, type Shape } from '../graph/shape.js';
import type { PlanBuffer, View } from './ir.js';

/** The view that reads element (i0, i1, ...) of a buffer of the space's own shape. */
export function identityView(space: Shape): View {
  return { shape: space, coords: space.map((_, d) => axisCoord(d)) };
}

/**
 * How a kernel over `space` reads `buffer` by their shapes alone: the same element where the
 * shapes match, broadcast along the buffer's size-1 (or missing, leading) dimensions, and through
 * the step's rows for the dataset (gather) and predict's output (window).
 */
export function naturalView(buffer: PlanBuffer, space: Shape): View {
  const rows = buffer.role === 'features' || buffer.role === 'labels' ? 'gather' : buffer.role === 'output' ? 'window' : undefined;
  const shape = buffer.shape;
  const pad = space.length - shape.length;
  if (pad < 0) throw new Error(`plan: buffer ${buffer.name} ${shapeText(shape)} cannot be read in a ${shapeText(space)} kernel`);
  const same = pad === 0 && shape.every((d, k) => d === space[k] || (isSymbolic(d) && isSymbolic(space[k]!)));
  const coords = shape.map((d, k): Coord => {
    const s = space[pad + k]!;
    if (d === 1 && !same) return constCoord(0);
    if (d === s || (isSymbolic(d) && isSymbolic(s))) return axisCoord(pad + k);
    throw new Error(`plan: buffer ${buffer.name} ${shapeText(shape)} cannot be read in a ${shapeText(space)} kernel`);
  });
  return rows ? { shape, coords, rows } : { shape, coords };
}

/** True when the view touches exactly the element of the space it is evaluated at (nothing else). */
export function isIdentity(view: View, space: Shape): boolean {
  return !view.rows && sameShape(view.shape, space) && view.coords.every((c, d) => plainAxis(c) === d);
}

export function sameView(a: View, b: View): boolean {
  return a.rows === b.rows && sameShape(a.shape, b.shape) && a.coords.length === b.coords.length && a.coords.every((c, d) => sameCoord(c, b.coords[d]!));
}

/**
 * The address of a view as offset + sum(stride * index) over the iteration axes (elements), when
 * every coordinate is affine and unmasked; `rowAxis` is the iteration axis whose index goes
 * through the step's rows (gather, window) before its stride. Null for masked or divided
 * coordinates, which executors compute one coordinate at a time.
 */
export interface LinearView {
  strides: number[];
  offset: number;
  /** Elements per step of the loop the kernel runs in (LOOP_AXIS terms). */
  loopStride: number;
  rowAxis: number;
  /** The stride of the row coordinate (the dataset's row size). */
  rowStride: number;
}

export function linearView(view: View, rank: number): LinearView | null {
  if (view.coords.some((c) => c.masked || (c.div ?? 1) !== 1)) return null;
  const sizes = contiguousStrides(view.shape);
  const strides = new Array<number>(rank).fill(0);
  let offset = 0;
  let loopStride = 0;
  let rowAxis = -1;
  let rowStride = 0;
  view.coords.forEach((c, d) => {
    if (d === 0 && view.rows) {
      rowAxis = plainAxis(c);
      rowStride = sizes[0]!;
      if (rowAxis < 0) throw new Error('plan: a row view must read its rows at one index');
      return;
    }
    offset += c.bias * sizes[d]!;
    for (const [axis, coef] of c.terms) {
      if (axis === LOOP_AXIS) loopStride += coef * sizes[d]!;
      else strides[axis] = strides[axis]! + coef * sizes[d]!;
    }
  });
  return { strides, offset, loopStride, rowAxis, rowStride };
}

/** Index names for a space of `rank` axes in printed plans: i, j for matrices, i0, i1, ... otherwise. */
export function indexName(rank: number): (axis: number) => string {
  return rank === 2 ? (axis) => (axis === 0 ? 'i' : 'j') : (axis) => `i${axis}`;
}

/**
 * `[i,j]`, `[0,j]`, `[perm[o+i],j]`, `[o+i,0]`, `[i0,2*i1+k0-1?,...]`: the printers' form of a
 * view; a view that reads its buffer as another shape (a reshape) says so: `[i,j]:[B, 784]`.
 */
export function viewText(view: View, names: (axis: number) => string, bufferShape?: Shape): string {
  const coords = view.coords.map((c, d) => {
    const text = coordText(c, names);
    if (d === 0 && view.rows === 'gather') return `perm[o+${text}]`;
    if (d === 0 && view.rows === 'window') return `o+${text}`;
    return text;
  });
  const reshaped = bufferShape && !sameShape(bufferShape.map((d) => (isSymbolic(d) ? 'B' : d)), view.shape.map((d) => (isSymbolic(d) ? 'B' : d)));
  return `[${coords.join(',')}]${reshaped ? `:${shapeText(view.shape.map((d, k) => (k === 0 && isSymbolic(d) ? bufferShape[0]! : d)))}` : ''}`;
}

/**
 * A space with fewer axes that every view walks the same way: axes of size 1 are dropped (their
 * index is always 0), then neighbouring axes d, d + 1 become one wherever every view's stride of
 * d is its stride of d + 1 times the size of d + 1 (a row-major run). Axes in `keep` (read as
 * indices, or through the step's rows) and a symbolic outermost axis stay as they are. `groups`
 * lists the original axes of each new one; `views` are the same views over the new axes.
 */
export interface Collapsed {
  space: Shape;
  groups: number[][];
  views: LinearView[];
}

export function collapseSpace(space: Shape, views: LinearView[], keep: ReadonlySet<number>): Collapsed {
  const groups: number[][] = [];
  space.forEach((d, axis) => {
    if (d === 1 && !keep.has(axis)) return;
    const last = groups.at(-1);
    const prev = last?.at(-1);
    const fixed = (a: number) => typeof space[a] === 'number' && !keep.has(a) && !views.some((v) => v.rowAxis === a);
    const joins =
      prev !== undefined &&
      fixed(prev) &&
      fixed(axis) &&
      views.every((v) => v.strides[prev] === v.strides[axis]! * (space[axis] as number));
    if (joins) last!.push(axis);
    else groups.push([axis]);
  });
  const size = (g: number[]) => g.reduce<number>((n, a) => n * (space[a] as number), 1);
  const newSpace: Shape = groups.map((g) => (g.length === 1 ? space[g[0]!]! : size(g)));
  const newViews = views.map((v) => ({
    strides: groups.map((g) => v.strides[g.at(-1)!]!),
    offset: v.offset,
    loopStride: v.loopStride,
    rowAxis: v.rowAxis < 0 ? -1 : groups.findIndex((g) => g.includes(v.rowAxis)),
    rowStride: v.rowStride,
  }));
  return { space: newSpace, groups, views: newViews };
}
