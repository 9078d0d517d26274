// The recurrent cells (SimpleRNN, LSTM, GRU with reset_after, as Keras 3 defines them), one step
// for one unit, written once over an algebra: numbers for the float64 evaluator, plan expressions
// for the lowering. Per step t, with h_prev the state of the previous step (zeros before the first):
//   r = h_prev U (+ the recurrent bias: GRU)          the recurrent projection, per gate
//   x = the input projection x_t W + b, per gate       (computed for all steps before the loop)
// SimpleRNN: h = act(x + r).
// LSTM (gates i, f, c, o): i = ra(x_i + r_i), f = ra(x_f + r_f), g = act(x_c + r_c),
//   o = ra(x_o + r_o); c = f c_prev + i g; h = o act(c).
// GRU (gates z, r, h; reset_after): z = ra(x_z + r_z), rr = ra(x_r + r_r),
//   hh = act(x_h + rr r_h); h = z h_prev + (1 - z) hh.
// The backward step gives, from dh (the gradient reaching h_t, from the outputs and the next
// step) and dc (LSTM), the gradients of the gates' x and r parts, what reaches h_prev directly
// (not through r), and dc_prev. h_prev's gradient through r is dr U^T, summed by the caller.
import type { ElementwiseFn } from './elementwise.js';

export type CellKind = 'simple' | 'lstm' | 'gru';

/** Gates per unit: the projections are [.., gates * units]. */
export const CELL_GATES: Record<CellKind, number> = { simple: 1, lstm: 4, gru: 3 };

/** State values per unit that a step carries and the recurrence outputs per step: h, and c for an LSTM. */
export const CELL_STATES: Record<CellKind, number> = { simple: 1, lstm: 2, gru: 1 };

/** Activations a cell can use: those with a derivative here (Keras' defaults: tanh and sigmoid). */
export const CELL_ACTIVATIONS = ['tanh', 'sigmoid', 'relu', 'linear', 'softplus', 'elu', 'selu', 'gelu', 'swish'] as const;
export type CellActivation = (typeof CELL_ACTIVATIONS)[number];

/** What a cell's arithmetic is done in: numbers, or plan expressions. */
export interface Algebra<V> {
  num(v: number): V;
  call(fn: ElementwiseFn, args: V[], alpha?: number): V;
}

/** The operations a cell uses, from an algebra's elementwise calls. */
function ops<V>(A: Algebra<V>) {
  const add = (a: V, b: V) => A.call('add', [a, b]);
  const sub = (a: V, b: V) => A.call('sub', [a, b]);
  const mul = (a: V, b: V) => A.call('mul', [a, b]);
  const act = (fn: CellActivation, x: V): V => (fn === 'linear' ? x : fn === 'elu' ? A.call('elu', [x], 1) : A.call(fn, [x]));
  const actGrad = (fn: CellActivation, x: V): V => {
    switch (fn) {
      case 'tanh':
        return sub(A.num(1), A.call('square', [A.call('tanh', [x])]));
      case 'sigmoid': {
        const s = A.call('sigmoid', [x]);
        return mul(s, sub(A.num(1), s));
      }
      case 'relu':
        return A.call('step', [x]);
      case 'linear':
        return A.num(1);
      case 'softplus':
        return A.call('sigmoid', [x]);
      case 'elu':
        return A.call('elu_grad', [x], 1);
      case 'selu':
      case 'gelu':
      case 'swish':
        return A.call(`${fn}_grad` as ElementwiseFn, [x]);
    }
  };
  return { num: A.num, add, sub, mul, act, actGrad };
}

export interface CellOptions {
  cell: CellKind;
  activation: CellActivation;
  recurrentActivation: CellActivation;
}

export interface StepIn<V> {
  /** Gate k's input projection x_k and recurrent projection r_k. */
  x: (k: number) => V;
  r: (k: number) => V;
  hPrev: V;
  cPrev: V;
}

/** One step forward: the new h (and c). */
export function cellForward<V>(o: CellOptions, algebra: Algebra<V>, s: StepIn<V>): { h: V; c: V | null } {
  const A = ops(algebra);
  const pre = (k: number) => A.add(s.x(k), s.r(k));
  switch (o.cell) {
    case 'simple':
      return { h: A.act(o.activation, pre(0)), c: null };
    case 'lstm': {
      const i = A.act(o.recurrentActivation, pre(0));
      const f = A.act(o.recurrentActivation, pre(1));
      const g = A.act(o.activation, pre(2));
      const out = A.act(o.recurrentActivation, pre(3));
      const c = A.add(A.mul(f, s.cPrev), A.mul(i, g));
      return { h: A.mul(out, A.act(o.activation, c)), c };
    }
    case 'gru': {
      const z = A.act(o.recurrentActivation, pre(0));
      const rr = A.act(o.recurrentActivation, pre(1));
      const hh = A.act(o.activation, A.add(s.x(2), A.mul(rr, s.r(2))));
      return { h: A.add(A.mul(z, s.hPrev), A.mul(A.sub(A.num(1), z), hh)), c: null };
    }
  }
}

export interface StepGrads<V> {
  /** Gradients of gate k's input projection and recurrent projection. */
  dx: V[];
  dr: V[];
  /** What reaches h_prev other than through r (GRU's z h_prev). */
  dhPrev: V | null;
  /** What reaches c_prev (LSTM). */
  dcPrev: V | null;
}

/** One step backward, from dh (and dc) reaching this step's h (and c); `c` is this step's c (LSTM). */
export function cellBackward<V>(o: CellOptions, algebra: Algebra<V>, s: StepIn<V> & { c: V; dh: V; dc: V }): StepGrads<V> {
  const A = ops(algebra);
  const pre = (k: number) => A.add(s.x(k), s.r(k));
  switch (o.cell) {
    case 'simple': {
      const d = A.mul(s.dh, A.actGrad(o.activation, pre(0)));
      return { dx: [d], dr: [d], dhPrev: null, dcPrev: null };
    }
    case 'lstm': {
      const [zi, zf, zc, zo] = [pre(0), pre(1), pre(2), pre(3)];
      const i = A.act(o.recurrentActivation, zi);
      const f = A.act(o.recurrentActivation, zf);
      const g = A.act(o.activation, zc);
      const out = A.act(o.recurrentActivation, zo);
      // dc: from the next step, and through h = o act(c)
      const dc = A.add(s.dc, A.mul(A.mul(s.dh, out), A.actGrad(o.activation, s.c)));
      const d = [
        A.mul(A.mul(dc, g), A.actGrad(o.recurrentActivation, zi)),
        A.mul(A.mul(dc, s.cPrev), A.actGrad(o.recurrentActivation, zf)),
        A.mul(A.mul(dc, i), A.actGrad(o.activation, zc)),
        A.mul(A.mul(s.dh, A.act(o.activation, s.c)), A.actGrad(o.recurrentActivation, zo)),
      ];
      return { dx: d, dr: d, dhPrev: null, dcPrev: A.mul(dc, f) };
    }
    case 'gru': {
      const zpre = pre(0);
      const rpre = pre(1);
      const z = A.act(o.recurrentActivation, zpre);
      const rr = A.act(o.recurrentActivation, rpre);
      const hpre = A.add(s.x(2), A.mul(rr, s.r(2)));
      const hh = A.act(o.activation, hpre);
      const dhh = A.mul(A.mul(s.dh, A.sub(A.num(1), z)), A.actGrad(o.activation, hpre));
      const dz = A.mul(A.mul(s.dh, A.sub(s.hPrev, hh)), A.actGrad(o.recurrentActivation, zpre));
      const dr = A.mul(A.mul(dhh, s.r(2)), A.actGrad(o.recurrentActivation, rpre));
      return { dx: [dz, dr, dhh], dr: [dz, dr, A.mul(dhh, rr)], dhPrev: A.mul(s.dh, z), dcPrev: null };
    }
  }
}
