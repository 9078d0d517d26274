// Pass: fuseElementwise — chains (and neighbours) of elementwise kernels over the same index space
// become one kernel: each element is read once, computed through the whole chain, and only the
// values someone else needs are written back. Two spaces with the same elements in the same order
// (a reshape: a max pooling's gradient over [B, 12, 2, 12, 2, 32] and the relu's gradient after it
// over [B, 24, 24, 32]) count as the same when one kernel reads and writes every buffer at its own
// element: that kernel is then run over the other's space.
import { mergeKernels, joinBodies, type Combine } from './plan/merge.js';
import type { Body, Expr, Kernel, MapKernel, MapSegment, Plan } from './plan/ir.js';
import { forEachSchedule } from './plan/schedules.js';
import { identityView, isIdentity } from './plan/view.js';
import { mapExpr } from './plan/expr.js';
import { isSymbolic, rowSize, sameShape, type Shape } from './graph/shape.js';

export function fuseElementwise(plan: Plan): Plan {
  return forEachSchedule(plan, (kernels) => mergeKernels(plan, kernels, combineMaps, { signature: (k) => (singleSegment(k) ? elementsText(k.segments[0]!.space) : null) }));
}

export function singleSegment(k: Kernel): k is MapKernel {
  return k.kind === 'map' && k.segments.length === 1;
}

/** `B*18432`, `120`: spaces with the same text have the same elements (in some shape). */
function elementsText(space: Shape): string {
  const first = space[0];
  if (first !== undefined && isSymbolic(first)) return `${first}*${rowSize(space)}`;
  return String(space.reduce<number>((n, d) => n * (d as number), 1));
}

const combineMaps: Combine = (first, second) => {
  if (!singleSegment(first) || !singleSegment(second)) return null;
  const a = first.segments[0]!;
  const b = second.segments[0]!;
  const joined = sameSpace(a, b);
  if (!joined) return null;
  const { space, one, two } = joined;
  const body = joinBodies(one, two, space);
  if (!body) return null;
  return {
    kind: 'map',
    name: first.name,
    origins: [...first.origins, ...second.origins],
    segments: [{ space, body }],
  };
};

/**
 * The two bodies over one space: their own, or one of them moved onto the other's where the
 * spaces are reshapes of each other (the second moved if it can be, else the first). Null if neither can.
 */
function sameSpace(a: MapSegment, b: MapSegment): { space: Shape; one: Body; two: Body } | null {
  if (sameShape(a.space, b.space)) return { space: a.space, one: a.body, two: b.body };
  const moved = overSpace(b.body, b.space, a.space);
  if (moved) return { space: a.space, one: a.body, two: moved };
  const back = overSpace(a.body, a.space, b.space);
  return back ? { space: b.space, one: back, two: b.body } : null;
}

/**
 * `body` (over `from`) run over `to`, a space with the same elements in the same order: possible
 * when every load and store is the element of the iteration itself (no broadcast, window or
 * index: those depend on the space's shape). Null otherwise.
 */
function overSpace(body: Body, from: Shape, to: Shape): Body | null {
  if (body.stores.some((s) => !isIdentity(s.view, from))) return null;
  let fits = true;
  const move = (e: Expr): Expr | undefined => {
    if (e.k === 'index' || e.k === 'rand' || (e.k === 'load' && !isIdentity(e.view, from))) fits = false;
    return e.k === 'load' ? { ...e, view: identityView(to) } : undefined;
  };
  const lets = body.lets.map((l) => ({ name: l.name, value: mapExpr(l.value, move) }));
  const stores = body.stores.map((s) => ({ buf: s.buf, view: identityView(to), value: mapExpr(s.value, move) }));
  return fits ? { lets, stores } : null;
}
