// When a contraction is a matrix product: C[M, N] = A[M, K] B[K, N] with every operand read at a
// fixed stride per side, so the WebAssembly gemm (wasm/gemm.ts) can run it. M is the output axes
// that A reads (outermost first), N the ones B reads (the rest), K the inner axes; each group must
// be walked by its operands as one run (a row-major block: a Dense layer over [B, T, F] is M = B*T).
// The dataset's rows (gather) may be M (a first layer) or K (its weight gradient), alone.
import { resolveDim, type Dim } from '../../compiler/graph/shape.js';
import type { ContractKernel, Plan, View } from '../../compiler/plan/ir.js';
import { linearView, type LinearView } from '../../compiler/plan/view.js';
import { matrixForm } from '../../compiler/plan/matrix-form.js';

export interface GemmOperand {
  sX: number;
  sY: number;
  mode: 0 | 1 | 2;
  offset: number;
  loopStride: number;
}

export interface GemmForm {
  /** Output axes of M (a prefix of the output's axes) and of N (the rest), and their sizes. */
  mAxes: number[];
  nAxes: number[];
  /** M as code (`rows`, `rows * 5`, `12`), its dimension (B when it is the batch alone), N, K as code. */
  M: string;
  mDim: Dim;
  N: number;
  K: string;
  mSizes: Dim[];
  kSizes: Dim[];
  /** gemm's operand strides (see Operand in wasm/gemm.ts), and where element 0 is from the buffer's start (elements, and per step of a loop). */
  a: GemmOperand;
  b: GemmOperand;
}

function code(dims: Dim[]): string {
  const fixed = dims.reduce<number>((n, d) => n * (typeof d === 'number' ? d : 1), 1);
  const symbolic = dims.some((d) => d === 'B');
  if (dims.some((d) => d === 'N')) throw new Error('cpu: a kernel cannot range over N rows');
  return symbolic ? (fixed === 1 ? 'rows' : `rows * ${fixed}`) : String(fixed);
}

/** The stride of a group of axes walked as one run (its innermost axis's), or null when it is not one. */
function runStride(v: LinearView, axes: number[], sizes: Dim[]): number | null {
  for (let k = 0; k + 1 < axes.length; k++) {
    const next = sizes[axes[k + 1]!]!;
    if (typeof next !== 'number' || v.strides[axes[k]!] !== v.strides[axes[k + 1]!]! * next) return null;
  }
  return axes.length ? v.strides[axes.at(-1)!]! : 0;
}

/** The matrix form of a contraction with its operands at fixed strides, or null (masks, windows, batched products). */
export function gemmForm(plan: Plan, k: ContractKernel): GemmForm | null {
  void plan;
  const form = matrixForm(k);
  if (!form) return null;
  const all: Dim[] = [...k.space, ...k.inner];
  const rank = all.length;
  const a = linearView(k.a.view, rank);
  const b = linearView(k.b.view, rank);
  if (!a || !b) return null;
  const { mAxes, nAxes, kAxes } = form;
  const side = (v: LinearView, x: number[], y: number[]): GemmOperand | null => {
    let mode: 0 | 1 | 2 = 0;
    let sX = runStride(v, x, all);
    let sY = runStride(v, y, all);
    if (v.rowAxis >= 0) {
      // the dataset's row index alone on one side
      if (x.length === 1 && x[0] === v.rowAxis) [mode, sX] = [1, v.rowStride];
      else if (y.length === 1 && y[0] === v.rowAxis) [mode, sY] = [2, v.rowStride];
      else return null;
    }
    if (sX === null || sY === null || (mode !== 0 && (v.offset !== 0 || v.loopStride !== 0))) return null;
    return { sX, sY, mode, offset: v.offset, loopStride: v.loopStride };
  };
  const opA = side(a, mAxes, kAxes);
  const opB = side(b, nAxes, kAxes);
  if (!opA || !opB) return null;
  const { mSizes, kSizes, N } = form;
  const mDim: Dim = mSizes.length === 1 ? mSizes[0]! : mSizes.some((d) => d === 'B') ? 'B' : mSizes.reduce<number>((n, d) => n * (d as number), 1);
  return { mAxes, nAxes, M: code(mSizes), mDim, N, K: code(kSizes), mSizes, kSizes, a: opA, b: opB };
}

/** M, N, K as numbers for a step of `rows` rows. */
export function gemmSizes(form: GemmForm, rows: number): { M: number; N: number; K: number } {
  const product = (dims: Dim[]) => dims.reduce<number>((n, d) => n * resolveDim(d, rows), 1);
  return { M: product(form.mSizes), N: form.N, K: product(form.kSizes) };
}

/** Elements of a contraction's output for a step of `rows` rows (the scratch a generic contraction sums into). */
export function contractElements(k: ContractKernel, rows: number): number {
  return k.space.reduce<number>((n, d) => n * resolveDim(d, rows), 1);
}

export type { View };
