// The elementwise functions of compiler/graph/elementwise.ts as WGSL, built with the typed builder.
// The formulas are the same as the JavaScript ones (test/webgpu/elementwise.test.ts runs every
// function on the GPU against the CPU's over a grid of inputs).
import type { ElementwiseFn } from '../graph/elementwise.js';
import {
  abs,
  add,
  and,
  bitAnd,
  bitcast,
  clamp,
  div,
  eq,
  exp,
  f32,
  ge,
  gt,
  le,
  lit,
  log,
  max,
  min,
  mul,
  ne,
  neg,
  pow,
  select,
  sign,
  sqrt,
  sub,
  tanh,
  u32,
  type Expr,
  type WgslFn,
  WgslModule,
} from './builder.js';

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

type Helpers = Record<'sigmoid' | 'erf' | 'softplus', WgslFn>;
const helpersOf = new WeakMap<WgslModule, Partial<Helpers>>();

function helper(m: WgslModule, name: keyof Helpers): WgslFn {
  let h = helpersOf.get(m);
  if (!h) helpersOf.set(m, (h = {}));
  if (h[name]) return h[name]!;
  switch (name) {
    case 'sigmoid':
      // two branches so exp never overflows into inf/inf
      h.sigmoid = m.fn('nn_sigmoid', [['x', f32]], f32, (b, x) => {
        b.if(ge(x, 0), (b) => b.return(div(lit.f32(1), add(lit.f32(1), exp(neg(x))))));
        const e = b.let('e', exp(x));
        b.return(div(e, add(lit.f32(1), e)));
      });
      break;
    case 'erf':
      // Abramowitz & Stegun 7.1.26, as erfApprox on the CPU
      h.erf = m.fn('nn_erf', [['x', f32]], f32, (b, x) => {
        const a = b.let('a', abs(x));
        const t = b.let('t', div(lit.f32(1), add(lit.f32(1), mul(lit.f32(0.3275911), a))));
        const poly = mul(
          add(mul(add(mul(add(mul(add(mul(lit.f32(1.061405429), t), lit.f32(-1.453152027)), t), lit.f32(1.421413741)), t), lit.f32(-0.284496736)), t), lit.f32(0.254829592)),
          t,
        );
        const y = b.let('y', sub(lit.f32(1), mul(poly, exp(neg(mul(a, a))))));
        b.return(select(y, neg(y), lt0(x)));
      });
      break;
    case 'softplus':
      h.softplus = m.fn('nn_softplus', [['x', f32]], f32, (b, x) => b.return(add(max(x, lit.f32(0)), log(add(lit.f32(1), exp(neg(abs(x))))))));
      break;
  }
  return h[name]!;
}

/** Which helper functions each elementwise function calls. */
const NEEDS: Partial<Record<ElementwiseFn, Array<keyof Helpers>>> = {
  sigmoid: ['sigmoid'],
  swish: ['sigmoid'],
  swish_grad: ['sigmoid'],
  softplus: ['softplus'],
  gelu: ['erf'],
  gelu_grad: ['erf'],
};

/** Declares the helpers `fns` need; WGSL functions must exist before an entry point's body is built. */
export function declareHelpers(m: WgslModule, fns: Iterable<ElementwiseFn>): void {
  for (const fn of fns) for (const h of NEEDS[fn] ?? []) helper(m, h);
}

function lt0(x: Expr): Expr {
  return gt(lit.f32(0), x);
}

function bool01(c: Expr): Expr {
  return select(lit.f32(0), lit.f32(1), c);
}

/** The WGSL expression of an elementwise function applied to `args`. */
export function wgslElementwise(m: WgslModule, fn: ElementwiseFn, args: Expr[], alpha: number): Expr {
  const [a, b, c] = args as [Expr, Expr, Expr];
  const al = lit.f32(alpha);
  const one = lit.f32(1);
  const zero = lit.f32(0);
  const sigmoid = () => helper(m, 'sigmoid');
  switch (fn) {
    case 'add':
      return add(a, b);
    case 'sub':
      return sub(a, b);
    case 'mul':
      return mul(a, b);
    case 'div':
      return div(a, b);
    case 'max':
      return max(a, b);
    case 'min':
      return min(a, b);
    case 'pow':
      return pow(a, b);
    case 'neg':
      return neg(a);
    case 'abs':
      return abs(a);
    case 'sign':
      return sign(a);
    case 'square':
      return mul(a, a);
    case 'sqrt':
      return sqrt(a);
    case 'exp':
      return exp(a);
    case 'log':
      return log(a);
    case 'reciprocal':
      return div(one, a);
    case 'gt':
      return bool01(gt(a, b));
    case 'ge':
      return bool01(ge(a, b));
    case 'eq':
      return bool01(eq(a, b));
    case 'select':
      return select(c, b, ne(a, zero));
    case 'is_finite':
      // WGSL may assume floats are finite, so test the exponent bits instead of comparing.
      return bool01(ne(bitAnd(bitcast(u32, a), lit.hex(0x7f800000)), lit.hex(0x7f800000)));
    case 'clip_prob':
      return clamp(a, al, lit.f32(1 - alpha));
    case 'in_prob_range':
      return bool01(and(ge(a, al), le(a, lit.f32(1 - alpha))));
    case 'relu':
      return max(a, zero);
    case 'step':
      return bool01(gt(a, zero));
    case 'sigmoid':
      return sigmoid()(a);
    case 'tanh':
      // clamped: tanh is ±1 in f32 well before 15, and some drivers return NaN for huge inputs
      return tanh(clamp(a, lit.f32(-15), lit.f32(15)));
    case 'softplus':
      return helper(m, 'softplus')(a);
    case 'leaky_relu':
      return select(mul(al, a), a, gt(a, zero));
    case 'leaky_relu_grad':
      return select(al, one, gt(a, zero));
    case 'elu':
      return select(mul(al, sub(exp(a), one)), a, gt(a, zero));
    case 'elu_grad':
      return select(mul(al, exp(a)), one, gt(a, zero));
    case 'selu':
      return select(mul(lit.f32(SELU_SCALE * SELU_ALPHA), sub(exp(a), one)), mul(lit.f32(SELU_SCALE), a), gt(a, zero));
    case 'selu_grad':
      return select(mul(lit.f32(SELU_SCALE * SELU_ALPHA), exp(a)), lit.f32(SELU_SCALE), gt(a, zero));
    case 'gelu':
      return mul(mul(lit.f32(0.5), a), add(one, helper(m, 'erf')(mul(a, lit.f32(Math.SQRT1_2)))));
    case 'gelu_grad':
      return add(
        mul(lit.f32(0.5), add(one, helper(m, 'erf')(mul(a, lit.f32(Math.SQRT1_2))))),
        mul(mul(a, lit.f32(0.3989422804014327)), exp(mul(lit.f32(-0.5), mul(a, a)))),
      );
    case 'swish':
      return mul(a, sigmoid()(a));
    case 'swish_grad': {
      const s = sigmoid()(a);
      return mul(s, add(one, mul(a, sub(one, s))));
    }
    case 'bce_logits':
      return add(sub(max(a, zero), mul(a, b)), log(add(one, exp(neg(abs(a))))));
    case 'huber':
      return select(mul(al, sub(abs(a), mul(lit.f32(0.5), al))), mul(mul(lit.f32(0.5), a), a), le(abs(a), al));
    case 'huber_grad':
      return clamp(a, neg(al), al);
  }
}
