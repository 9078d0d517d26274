// Shapes: the one place that knows what a dimension is and how shapes combine. A shape is a list
// of dimensions, outermost first; only the first may be symbolic: the batch of the running step
// (B) or the dataset bound to it (N). Both the graph and the kernel plan use these.

/** A dimension: a fixed size, the current batch (B), or the bound dataset's rows (N). */
export type Dim = number | 'B' | 'N';

/** Dimensions, outermost first: `['B', 28, 28, 1]`, `['N', 8]`, `[8, 12]`. */
export type Shape = Dim[];

/** The size of a dimension when a step runs `rows` rows (the 'B' resolver: the one place B and N get a number). */
export function resolveDim(d: Dim, rows: number): number {
  return typeof d === 'number' ? d : rows;
}

export function isSymbolic(d: Dim): d is 'B' | 'N' {
  return d === 'B' || d === 'N';
}

/** Elements of a shape when B (or N) is `rows`. */
export function elementCount(shape: Shape, rows: number): number {
  let n = 1;
  for (const d of shape) n *= resolveDim(d, rows);
  return n;
}

/** Elements per row: the product of every dimension after the first (1 for a rank-1 shape). */
export function rowSize(shape: Shape): number {
  let n = 1;
  for (let d = 1; d < shape.length; d++) n *= shape[d] as number;
  return n;
}

/** Row-major strides (elements) of a contiguous shape; the outermost stride is the row size. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) strides[d] = strides[d + 1]! * (shape[d + 1] as number);
  return strides;
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** The shape of an elementwise result: shapes align at their last dimension, size 1 repeats (NumPy's rule). */
export function broadcastShapes(shapes: Shape[], what: string): Shape {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out: Shape = new Array<Dim>(rank).fill(1);
  for (const s of shapes) {
    const pad = rank - s.length;
    s.forEach((d, k) => {
      const at = pad + k;
      if (d === 1) return;
      const have = out[at]!;
      if (have !== 1 && have !== d) throw new Error(`graph: ${what}: dimensions ${String(have)} and ${String(d)} do not broadcast (${shapeText(s)})`);
      out[at] = d;
    });
  }
  return out;
}

/** `[B, 12]`: the text form of a shape in the IR printers. */
export function shapeText(s: Shape): string {
  return `[${s.map(String).join(', ')}]`;
}

/** The shape with `axes` set to 1 (a reduction that keeps its dimensions). */
export function reducedShape(shape: Shape, axes: number[]): Shape {
  return shape.map((d, k) => (axes.includes(k) ? 1 : d));
}

/** Axes 0..rank-1 that are not in `axes`. */
export function otherAxes(rank: number, axes: number[]): number[] {
  return Array.from({ length: rank }, (_, k) => k).filter((k) => !axes.includes(k));
}
