// Part of lowerToPlan: a recurrence (and its gradient) becomes a loop kernel over the time steps,
// not T copies of a step. Forward, per step t: the recurrent projection r = h_prev U (+ bias) as a
// contraction, then the cell (cells.ts) per unit, writing the step's states and the carried
// h_prev (and c_prev). Backward, the steps in the other order: r again (h_prev read from the
// states one step back), the cell's gradients per unit into the result, then what reaches
// h_prev, dr U^T (+ the direct part), carried to the next step. The carries start at zero.
import { cellBackward, cellForward, CELL_GATES, type Algebra } from './graph/cells.js';
import { axisCoord, LOOP_AXIS, type Coord } from './graph/index-map.js';
import type { Node, Origin, RecurrenceSpec } from './graph/ir.js';
import type { Shape } from './graph/shape.js';
import type { Body, ContractKernel, Expr, Kernel, Let, LoopKernel, MapKernel, View } from './plan/ir.js';
import type { ElementwiseFn } from './graph/elementwise.js';
import { simplifyBody } from './plan/merge.js';
import { identityView } from './plan/view.js';

/** What the recurrence lowering needs of the schedule being lowered. */
export interface LoweringContext {
  /** A temporary buffer of this step named after the node (and suffix). */
  temp(node: Node, suffix: string, shape: Shape): number;
  /** Graph value `id` at the given coordinates of its shape (its buffer and view). */
  viewOf(id: number, coords: Coord[]): { buf: number; view: View };
  bufferShape(buf: number): Shape;
  kernelName(base: string): string;
  push(k: Kernel): void;
}

/**
 * Plan expressions with each distinct call computed once: a let per call (the cells reuse gates,
 * activations and their derivatives many times), those used once inlined again by simplifyBody.
 */
class SharedExpressions implements Algebra<Expr> {
  readonly lets: Let[] = [];
  private known = new Map<string, Expr>();
  num(v: number): Expr {
    return { k: 'num', v };
  }
  call(fn: ElementwiseFn, args: Expr[], alpha = 0): Expr {
    const value: Expr = { k: 'call', fn, alpha, args };
    const key = JSON.stringify(value);
    let ref = this.known.get(key);
    if (!ref) {
      const name = `c${this.lets.length}`;
      this.lets.push({ name, value });
      this.known.set(key, (ref = { k: 'let', name }));
    }
    return ref;
  }
  /** The lets and stores as one body, lets used once inlined. */
  body(stores: Body['stores']): Body {
    return simplifyBody({ lets: this.lets, stores });
  }
}

/** The step t's coordinate; the previous step's (masked before the first). */
const now: Coord = { terms: [[LOOP_AXIS, 1]], bias: 0 };
const previous = (spec: RecurrenceSpec): Coord => ({ terms: [[LOOP_AXIS, 1]], bias: spec.reverse ? 1 : -1, masked: true });
/** Coordinate j + offset along a [.., width] axis (a gate's unit j). */
const at = (axis: number, offset: number): Coord => (offset === 0 ? axisCoord(axis) : { terms: [[axis, 1]], bias: offset });

const num = (v: number): Expr => ({ k: 'num', v });

function load(buf: number, view: View): Expr {
  return { k: 'load', buf, view };
}

function map(name: string, origins: Origin[], space: Shape, body: Body): MapKernel {
  return { kind: 'map', name, origins, segments: [{ space, body }] };
}

export function lowerRecurrence(l: LoweringContext, node: Node, origins: Origin[], base: string, out: number): void {
  const op = node.op;
  if (op.kind !== 'recurrence' && op.kind !== 'recurrence_grad') throw new Error('lowerRecurrence: not a recurrence');
  const spec: RecurrenceSpec = op;
  const u = spec.units;
  const g = CELL_GATES[spec.cell] * u;
  const grad = op.kind === 'recurrence_grad';
  const [xId, kernelId, biasId] = (grad ? node.inputs.slice(2) : node.inputs) as [number, number, number | undefined];
  const [dStatesId, statesId] = grad ? (node.inputs as [number, number]) : [-1, node.id];
  const rows = node.shape[0]!;
  const steps = node.shape[1] as number;
  const units: Shape = [rows, u];
  const gates: Shape = [rows, g];
  // the step's input projection, the states at a step, the recurrent kernel
  const x = (k: number) => {
    const v = l.viewOf(xId, [axisCoord(0), now, at(1, k * u)]);
    return load(v.buf, v.view);
  };
  const states = (id: number, time: Coord, offset: number) => {
    const v = l.viewOf(id, [axisCoord(0), time, at(1, offset)]);
    return load(v.buf, v.view);
  };
  const kernel = (coords: Coord[]) => l.viewOf(kernelId, coords);
  const bias = biasId === undefined ? null : l.viewOf(biasId, [{ terms: [], bias: 0 }, axisCoord(1)]);
  const store = (buf: number, view: View, value: Expr) => ({ buf, view, value });
  const zero = (buf: number): MapKernel => map(l.kernelName(`${base}.carry_init`), origins, units, { lets: [], stores: [store(buf, identityView(units), num(0))] });
  const carry = (suffix: string) => l.temp(node, suffix, units);
  const r = l.temp(node, '.r', gates);
  const rOf = (k: number) => load(r, { shape: gates, coords: [axisCoord(0), at(1, k * u)] });

  /** r = h U (+ bias), h read through `hView` over [i, k]. */
  const projection = (h: { buf: number; view: View }): ContractKernel => ({
    kind: 'contract',
    name: l.kernelName(`${base}.recurrent`),
    origins,
    space: gates,
    inner: [u],
    a: h,
    b: kernel([axisCoord(2), axisCoord(1)]),
    epilogue: {
      lets: [],
      stores: [store(r, identityView(gates), bias ? { k: 'call', fn: 'add', alpha: 0, args: [{ k: 'acc', index: 0 }, load(bias.buf, bias.view)] } : { k: 'acc', index: 0 })],
    },
  });

  const elem = identityView(units);
  const statesOut = (offset: number): View => ({ shape: node.shape, coords: [axisCoord(0), now, at(1, offset)] });
  if (!grad) {
    const h = carry('.h');
    const c = spec.cell === 'lstm' ? carry('.c') : -1;
    for (const buf of [h, c]) if (buf >= 0) l.push(zero(buf));
    const shared = new SharedExpressions();
    const step = cellForward(spec, shared, { x, r: rOf, hPrev: load(h, elem), cPrev: c >= 0 ? load(c, elem) : num(0) });
    const stores = [store(out, statesOut(0), step.h), store(h, elem, step.h)];
    if (step.c) stores.push(store(out, statesOut(u), step.c), store(c, elem, step.c));
    const body: LoopKernel['body'] = [projection({ buf: h, view: { shape: units, coords: [axisCoord(0), axisCoord(2)] } }), map(l.kernelName(`${base}.cell`), origins, units, shared.body(stores))];
    l.push({ kind: 'loop', name: l.kernelName(`${base}.steps`), origins, steps, reverse: spec.reverse, body });
    return;
  }

  const dh = carry('.dh');
  const dc = spec.cell === 'lstm' ? carry('.dc') : -1;
  const direct = spec.cell === 'gru' ? carry('.direct') : -1;
  for (const buf of [dh, dc]) if (buf >= 0) l.push(zero(buf));
  const add = (a: Expr, b: Expr): Expr => ({ k: 'call', fn: 'add', alpha: 0, args: [a, b] });
  // h_prev copied into a carry first (0 before the first step), so that r = h_prev U is a plain product
  const hPrev = carry('.h_prev');
  const hPrevRead = l.viewOf(statesId, [axisCoord(0), previous(spec), axisCoord(1)]);
  const copyPrev = map(l.kernelName(`${base}.h_prev`), origins, units, { lets: [], stores: [store(hPrev, elem, load(hPrevRead.buf, hPrevRead.view))] });
  const shared = new SharedExpressions();
  const grads = cellBackward(spec, shared, {
    x,
    r: rOf,
    hPrev: load(hPrev, elem),
    cPrev: spec.cell === 'lstm' ? states(statesId, previous(spec), u) : num(0),
    c: spec.cell === 'lstm' ? states(statesId, now, u) : num(0),
    dh: add(states(dStatesId, now, 0), load(dh, elem)),
    dc: spec.cell === 'lstm' ? add(states(dStatesId, now, u), load(dc, elem)) : num(0),
  });
  const result = (offset: number): View => ({ shape: node.shape, coords: [axisCoord(0), now, at(1, offset)] });
  const stores = [...grads.dx.map((d, k) => store(out, result(k * u), d)), ...grads.dr.map((d, k) => store(out, result(g + k * u), d))];
  if (grads.dcPrev && dc >= 0) stores.push(store(dc, elem, grads.dcPrev));
  if (grads.dhPrev && direct >= 0) stores.push(store(direct, elem, grads.dhPrev));
  // h_prev's gradient through r: dr U^T, read from this step's result
  const back: ContractKernel = {
    kind: 'contract',
    name: l.kernelName(`${base}.recurrent_grad`),
    origins,
    space: units,
    inner: [g],
    a: { buf: out, view: { shape: node.shape, coords: [axisCoord(0), now, at(2, g)] } },
    b: kernel([axisCoord(1), axisCoord(2)]),
    epilogue: { lets: [], stores: [store(dh, elem, direct >= 0 ? add({ k: 'acc', index: 0 }, load(direct, elem)) : { k: 'acc', index: 0 })] },
  };
  const body: LoopKernel['body'] = [copyPrev, projection({ buf: hPrev, view: { shape: units, coords: [axisCoord(0), axisCoord(2)] } }), map(l.kernelName(`${base}.cell_grad`), origins, units, shared.body(stores)), back];
  l.push({ kind: 'loop', name: l.kernelName(`${base}.steps`), origins, steps, reverse: !spec.reverse, body });
}
