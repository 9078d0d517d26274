// When a contraction is a matrix product: C[M, N] = A[M, K] B[K, N], where M is the output axes
// that A reads (outermost first), N the ones B reads (the rest, after them) and K the inner axes.
// A convolution is one too (implicit GEMM: A is the input read through its window, K the window
// and the input channels). Executors tile this form; other contractions (batched products, where
// both operands read an output axis) run one output element at a time.
import { type Dim } from '../graph/shape.js';
import type { ContractKernel } from './ir.js';

export interface MatrixForm {
  /** Output axes of M and of N (size-1 axes are in neither: their index is 0). */
  mAxes: number[];
  nAxes: number[];
  /** Inner axes, as axes of the contraction's iteration space (after the output's). */
  kAxes: number[];
  mSizes: Dim[];
  kSizes: Dim[];
  /** Columns: N is fixed. */
  N: number;
}

/** The axes of the iteration space a view's coordinates use. */
function axesRead(view: ContractKernel['a']['view']): Set<number> {
  const out = new Set<number>();
  for (const c of view.coords) for (const [axis, coef] of c.terms) if (coef !== 0) out.add(axis);
  return out;
}

export function matrixForm(k: ContractKernel): MatrixForm | null {
  const all: Dim[] = [...k.space, ...k.inner];
  const inA = axesRead(k.a.view);
  const inB = axesRead(k.b.view);
  const mAxes: number[] = [];
  const nAxes: number[] = [];
  for (let d = 0; d < k.space.length; d++) {
    if (k.space[d] === 1) continue;
    if (inA.has(d) === inB.has(d)) return null; // batched (both read it) or broadcast (neither)
    (inA.has(d) ? mAxes : nAxes).push(d);
  }
  // M before N, in the output's order: C's rows and columns are then the output's row-major order
  if (mAxes.length && nAxes.length && mAxes.at(-1)! > nAxes[0]!) return null;
  if (nAxes.some((x) => typeof all[x] !== 'number')) return null;
  const kAxes = k.inner.map((_, n) => k.space.length + n).filter((x) => all[x] !== 1);
  return {
    mAxes,
    nAxes,
    kAxes,
    mSizes: mAxes.map((x) => all[x]!),
    kSizes: kAxes.map((x) => all[x]!),
    N: nAxes.reduce((n, x) => n * (all[x] as number), 1),
  };
}

/**
 * The matrix form of `k` with its operands in their matrix roles: as written, or swapped when the
 * output's first axes are read by the second operand (a weight gradient: out[i, j, c, f] = sum
 * g[b, oh, ow, f] x[b, oh + i, ow + j, c]). Each product is the same float32 number either way
 * (a * b = b * a), so the sums keep their bits. `k` is returned with `a` and `b` in those roles.
 */
export function orientedMatrixForm(k: ContractKernel): { form: MatrixForm; k: ContractKernel } | null {
  const form = matrixForm(k);
  if (form) return { form, k };
  const swapped = { ...k, a: k.b, b: k.a };
  const other = matrixForm(swapped);
  return other ? { form: other, k: swapped } : null;
}

/** The product of some dimensions at `rows` rows. */
export function dimsProduct(dims: Dim[], rows: number): number {
  return dims.reduce<number>((n, d) => n * (typeof d === 'number' ? d : rows), 1);
}
