// A float64 evaluator of the graph IR: the living definition of what each op means. Tests use it
// for finite-difference gradient checks and to hold the kernel plan (and so both executors) to
// the graph's meaning.
import { elementwise } from './elementwise.js';
import type { Graph, Node } from './ir.js';
import { mix32, uniform } from '../../base/rng.js';

export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export interface EvalInputs {
  features: Matrix;
  labels?: Matrix;
  /** Values of params and state by name. */
  values: Map<string, Matrix>;
  step?: number;
  seed?: number;
}

export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  return { rows, cols, data: data ? Float64Array.from(data) : new Float64Array(rows * cols) };
}

function at(m: Matrix, i: number, j: number): number {
  return m.data[(m.rows === 1 ? 0 : i) * m.cols + (m.cols === 1 ? 0 : j)]!;
}

/** Evaluates every node of `graph` (in order); returns the value of each. */
export function evaluateGraph(graph: Graph, inputs: EvalInputs): Matrix[] {
  const v: Matrix[] = [];
  const rows = inputs.features.rows;
  const dims = (n: Node) => ({ r: n.shape.rows === 'B' || n.shape.rows === 'N' ? rows : n.shape.rows, c: n.shape.cols });
  for (const n of graph.nodes) {
    const { r, c } = dims(n);
    const out = matrix(r, c);
    const x = (k: number) => v[n.inputs[k]!]!;
    const op = n.op;
    switch (op.kind) {
      case 'input': {
        const src = op.role === 'features' ? inputs.features : inputs.labels!;
        out.data.set(src.data);
        break;
      }
      case 'param':
      case 'state': {
        const val = inputs.values.get(op.name);
        if (val) out.data.set(val.data);
        else if (op.kind === 'state') out.data.fill(op.fill);
        break;
      }
      case 'const':
        out.data[0] = op.value;
        break;
      case 'uniform':
        out.data[0] = op.name === 'rows' ? rows : (inputs.step ?? 1);
        break;
      case 'elementwise': {
        const def = elementwise[op.fn] as { ref: (a: number[], alpha: number) => number };
        const args = n.inputs.map((id) => v[id]!);
        for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out.data[i * c + j] = def.ref(args.map((a) => at(a, i, j)), op.alpha);
        break;
      }
      case 'broadcast':
        for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out.data[i * c + j] = at(x(0), i, j);
        break;
      case 'matmul': {
        const a = x(0);
        const b = x(1);
        const get = (m: Matrix, t: boolean, i: number, j: number) => (t ? m.data[j * m.cols + i]! : m.data[i * m.cols + j]!);
        const inner = op.transposeA ? a.rows : a.cols;
        for (let i = 0; i < r; i++) {
          for (let j = 0; j < c; j++) {
            let s = 0;
            for (let k = 0; k < inner; k++) s += get(a, op.transposeA, i, k) * get(b, op.transposeB, k, j);
            out.data[i * c + j] = s;
          }
        }
        break;
      }
      case 'reduce': {
        const a = x(0);
        const init = op.fn === 'sum' ? 0 : -Infinity;
        out.data.fill(init);
        for (let i = 0; i < a.rows; i++) {
          for (let j = 0; j < a.cols; j++) {
            const o = op.axis === 'rows' ? j : op.axis === 'cols' ? i : 0;
            const val = a.data[i * a.cols + j]!;
            out.data[o] = op.fn === 'sum' ? out.data[o]! + val : Math.max(out.data[o]!, val);
          }
        }
        break;
      }
      case 'argmax': {
        const a = x(0);
        for (let i = 0; i < a.rows; i++) {
          let best = -Infinity;
          let idx = 0;
          for (let j = 0; j < a.cols; j++) if (a.data[i * a.cols + j]! > best) [best, idx] = [a.data[i * a.cols + j]!, j];
          out.data[i] = idx;
        }
        break;
      }
      case 'softmax':
        softmaxRows(x(0), out);
        break;
      case 'random': {
        const key = mix32(((inputs.seed ?? 0) ^ (inputs.step ?? 1)) >>> 0);
        for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out.data[i * c + j] = uniform(key, op.stream, i * c + j);
        break;
      }
      case 'one_hot': {
        const y = x(0);
        for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out.data[i * c + j] = y.data[i] === j ? 1 : 0;
        break;
      }
      case 'cce_logits':
      case 'sparse_cce_logits': {
        const z = x(0);
        const y = x(1);
        for (let i = 0; i < z.rows; i++) {
          let m = -Infinity;
          for (let j = 0; j < z.cols; j++) m = Math.max(m, z.data[i * z.cols + j]!);
          let s = 0;
          for (let j = 0; j < z.cols; j++) s += Math.exp(z.data[i * z.cols + j]! - m);
          const lse = m + Math.log(s);
          let loss = 0;
          for (let j = 0; j < z.cols; j++) {
            const t = op.kind === 'cce_logits' ? y.data[i * y.cols + j]! : y.data[i] === j ? 1 : 0;
            loss += t * (lse - z.data[i * z.cols + j]!);
          }
          out.data[i] = loss;
        }
        break;
      }
    }
    v.push(out);
  }
  return v;
}

function softmaxRows(z: Matrix, out: Matrix): void {
  for (let i = 0; i < z.rows; i++) {
    let m = -Infinity;
    for (let j = 0; j < z.cols; j++) m = Math.max(m, z.data[i * z.cols + j]!);
    let s = 0;
    for (let j = 0; j < z.cols; j++) s += Math.exp(z.data[i * z.cols + j]! - m);
    for (let j = 0; j < z.cols; j++) out.data[i * z.cols + j] = Math.exp(z.data[i * z.cols + j]! - m) / s;
  }
}
