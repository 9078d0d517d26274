// The elementwise functions: one table, shared by the graph (shape rules, derivatives), the CPU
// interpreter (JavaScript) and the WGSL backend (which prints the same formulas). A function
// defined here means the same thing everywhere.
//
// `js` gives a JavaScript expression for the CPU code generator; `ref` evaluates in float64 for
// tests (finite differences); `alpha` is the function's scalar parameter where it has one.

export interface ElementwiseDef {
  arity: 1 | 2 | 3;
  /** JavaScript source for the CPU interpreter; args are expression strings. */
  js: (args: string[], alpha: string) => string;
  /** Plain evaluation (tests, constant folding). */
  ref: (args: number[], alpha: number) => number;
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;
const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014327;

/**
 * erf with absolute error below 1.5e-7 (Abramowitz & Stegun 7.1.26). WGSL has no erf, so both
 * executors use this same polynomial: the CPU and GPU agree, and gelu matches Keras' exact form to
 * well within float32 training noise.
 */
export function erfApprox(x: number): number {
  const s = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}

function sigmoidRef(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function softplusRef(x: number): number {
  return Math.max(x, 0) + Math.log(1 + Math.exp(-Math.abs(x)));
}

function bool(v: boolean): number {
  return v ? 1 : 0;
}

export const elementwise = {
  // arithmetic
  add: { arity: 2, js: ([a, b]) => `(${a} + ${b})`, ref: ([a, b]) => a! + b! },
  sub: { arity: 2, js: ([a, b]) => `(${a} - ${b})`, ref: ([a, b]) => a! - b! },
  mul: { arity: 2, js: ([a, b]) => `(${a} * ${b})`, ref: ([a, b]) => a! * b! },
  div: { arity: 2, js: ([a, b]) => `(${a} / ${b})`, ref: ([a, b]) => a! / b! },
  max: { arity: 2, js: ([a, b]) => `Math.max(${a}, ${b})`, ref: ([a, b]) => Math.max(a!, b!) },
  min: { arity: 2, js: ([a, b]) => `Math.min(${a}, ${b})`, ref: ([a, b]) => Math.min(a!, b!) },
  pow: { arity: 2, js: ([a, b]) => `Math.pow(${a}, ${b})`, ref: ([a, b]) => Math.pow(a!, b!) },
  neg: { arity: 1, js: ([a]) => `(-${a})`, ref: ([a]) => -a! },
  abs: { arity: 1, js: ([a]) => `Math.abs(${a})`, ref: ([a]) => Math.abs(a!) },
  sign: { arity: 1, js: ([a]) => `Math.sign(${a})`, ref: ([a]) => Math.sign(a!) },
  square: { arity: 1, js: ([a]) => `(${a} * ${a})`, ref: ([a]) => a! * a! },
  sqrt: { arity: 1, js: ([a]) => `Math.sqrt(${a})`, ref: ([a]) => Math.sqrt(a!) },
  exp: { arity: 1, js: ([a]) => `Math.exp(${a})`, ref: ([a]) => Math.exp(a!) },
  log: { arity: 1, js: ([a]) => `Math.log(${a})`, ref: ([a]) => Math.log(a!) },
  reciprocal: { arity: 1, js: ([a]) => `(1 / ${a})`, ref: ([a]) => 1 / a! },
  // comparisons and choice: 1 for true, 0 for false. Written +(a > b), not (a > b ? 1 : 0): the
  // same numbers without a branch, which data-dependent outcomes (pooling masks) mispredict.
  gt: { arity: 2, js: ([a, b]) => `+(${a} > ${b})`, ref: ([a, b]) => bool(a! > b!) },
  ge: { arity: 2, js: ([a, b]) => `+(${a} >= ${b})`, ref: ([a, b]) => bool(a! >= b!) },
  eq: { arity: 2, js: ([a, b]) => `+(${a} === ${b})`, ref: ([a, b]) => bool(a! === b!) },
  select: { arity: 3, js: ([c, a, b]) => `(${c} !== 0 ? ${a} : ${b})`, ref: ([c, a, b]) => (c !== 0 ? a! : b!) },
  /** 1 when finite (not NaN, not infinite): TerminateOnNaN. */
  is_finite: { arity: 1, js: ([a]) => `+Number.isFinite(${a})`, ref: ([a]) => bool(Number.isFinite(a!)) },
  /** clip to [eps, 1 - eps] with eps = alpha: the probability clipping of Keras' cross-entropies. */
  clip_prob: {
    arity: 1,
    js: ([a], e) => `Math.min(Math.max(${a}, ${e}), 1 - ${e})`,
    ref: ([a], e) => Math.min(Math.max(a!, e), 1 - e),
  },
  /** 1 inside [alpha, 1 - alpha], else 0: clip's derivative. */
  in_prob_range: {
    arity: 1,
    js: ([a], e) => `+(${a} >= ${e} && ${a} <= 1 - ${e})`,
    ref: ([a], e) => bool(a! >= e && a! <= 1 - e),
  },
  // activations
  relu: { arity: 1, js: ([a]) => `Math.max(${a}, 0)`, ref: ([a]) => Math.max(a!, 0) },
  /** Heaviside step: 1 for x > 0, else 0 (relu's derivative, taken as 0 at 0 like TensorFlow). */
  step: { arity: 1, js: ([a]) => `+(${a} > 0)`, ref: ([a]) => bool(a! > 0) },
  sigmoid: { arity: 1, js: ([a]) => `sigmoid(${a})`, ref: ([a]) => sigmoidRef(a!) },
  tanh: { arity: 1, js: ([a]) => `Math.tanh(${a})`, ref: ([a]) => Math.tanh(a!) },
  softplus: { arity: 1, js: ([a]) => `softplus(${a})`, ref: ([a]) => softplusRef(a!) },
  leaky_relu: {
    arity: 1,
    js: ([a], al) => `(${a} > 0 ? ${a} : ${al} * ${a})`,
    ref: ([a], al) => (a! > 0 ? a! : al * a!),
  },
  leaky_relu_grad: { arity: 1, js: ([a], al) => `(${a} > 0 ? 1 : ${al})`, ref: ([a], al) => (a! > 0 ? 1 : al) },
  elu: {
    arity: 1,
    js: ([a], al) => `(${a} > 0 ? ${a} : ${al} * (Math.exp(${a}) - 1))`,
    ref: ([a], al) => (a! > 0 ? a! : al * (Math.exp(a!) - 1)),
  },
  elu_grad: {
    arity: 1,
    js: ([a], al) => `(${a} > 0 ? 1 : ${al} * Math.exp(${a}))`,
    ref: ([a], al) => (a! > 0 ? 1 : al * Math.exp(a!)),
  },
  selu: {
    arity: 1,
    js: ([a]) => `(${a} > 0 ? ${SELU_SCALE} * ${a} : ${SELU_SCALE * SELU_ALPHA} * (Math.exp(${a}) - 1))`,
    ref: ([a]) => (a! > 0 ? SELU_SCALE * a! : SELU_SCALE * SELU_ALPHA * (Math.exp(a!) - 1)),
  },
  selu_grad: {
    arity: 1,
    js: ([a]) => `(${a} > 0 ? ${SELU_SCALE} : ${SELU_SCALE * SELU_ALPHA} * Math.exp(${a}))`,
    ref: ([a]) => (a! > 0 ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * Math.exp(a!)),
  },
  gelu: {
    arity: 1,
    js: ([a]) => `(0.5 * ${a} * (1 + erf(${a} * ${SQRT1_2})))`,
    ref: ([a]) => 0.5 * a! * (1 + erfApprox(a! * SQRT1_2)),
  },
  gelu_grad: {
    arity: 1,
    js: ([a]) => `(0.5 * (1 + erf(${a} * ${SQRT1_2})) + ${a} * ${INV_SQRT_2PI} * Math.exp(-0.5 * ${a} * ${a}))`,
    ref: ([a]) => 0.5 * (1 + erfApprox(a! * SQRT1_2)) + a! * INV_SQRT_2PI * Math.exp(-0.5 * a! * a!),
  },
  swish: { arity: 1, js: ([a]) => `(${a} * sigmoid(${a}))`, ref: ([a]) => a! * sigmoidRef(a!) },
  swish_grad: {
    arity: 1,
    js: ([a]) => `swishGrad(${a})`,
    ref: ([a]) => {
      const s = sigmoidRef(a!);
      return s * (1 + a! * (1 - s));
    },
  },
  /** Stable binary cross-entropy from a logit z and a target y: max(z,0) - z*y + log(1 + exp(-|z|)). */
  bce_logits: {
    arity: 2,
    js: ([z, y]) => `(Math.max(${z}, 0) - ${z} * ${y} + Math.log(1 + Math.exp(-Math.abs(${z}))))`,
    ref: ([z, y]) => Math.max(z!, 0) - z! * y! + Math.log(1 + Math.exp(-Math.abs(z!))),
  },
  /** Huber's per-element loss of an error e with delta alpha. */
  huber: {
    arity: 1,
    js: ([e], d) => `(Math.abs(${e}) <= ${d} ? 0.5 * ${e} * ${e} : ${d} * (Math.abs(${e}) - 0.5 * ${d}))`,
    ref: ([e], d) => (Math.abs(e!) <= d ? 0.5 * e! * e! : d * (Math.abs(e!) - 0.5 * d)),
  },
  /** Huber's derivative: e clipped to [-delta, delta]. */
  huber_grad: {
    arity: 1,
    js: ([e], d) => `Math.min(Math.max(${e}, -${d}), ${d})`,
    ref: ([e], d) => Math.min(Math.max(e!, -d), d),
  },
} satisfies Record<string, ElementwiseDef>;

export type ElementwiseFn = keyof typeof elementwise;

/** Helpers the generated JavaScript calls (defined once, passed into every compiled kernel). */
export const jsHelpers = {
  sigmoid: sigmoidRef,
  softplus: softplusRef,
  erf: erfApprox,
  swishGrad: (x: number) => {
    const s = sigmoidRef(x);
    return s * (1 + x * (1 - s));
  },
};
