// A float64 evaluator of the graph IR: the living definition of what each op means. Tests use it
// for finite-difference gradient checks and to hold the kernel plan (and so both executors) to
// the graph's meaning.
import { elementwise } from './elementwise.js';
import { coordValue } from './index-map.js';
import type { Graph, Node } from './ir.js';
import { resolveDim } from './shape.js';
import { mix32, uniform } from '../../base/rng.js';

/** A value: its dimensions (B resolved) and its elements in row-major order. */
export interface Tensor {
  shape: number[];
  data: Float64Array;
}

/** A rank-2 tensor (most tests build matrices). */
export type Matrix = Tensor;

export interface EvalInputs {
  features: Tensor;
  labels?: Tensor;
  /** Values of params and state by name. */
  values: Map<string, Tensor>;
  step?: number;
  seed?: number;
}

export function tensor(shape: number[], data?: ArrayLike<number>): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const t = { shape, data: data ? Float64Array.from(data) : new Float64Array(n) };
  if (t.data.length !== n) throw new Error(`evaluate: ${t.data.length} values for a ${shape.join('x')} tensor`);
  return t;
}

export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Tensor {
  return tensor([rows, cols], data);
}

/** Row-major strides of a shape. */
function strides(shape: number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) s[d] = s[d + 1]! * shape[d + 1]!;
  return s;
}

/** Calls f(index, flat) for every index of `shape`, in row-major order. */
function forEachIndex(shape: number[], f: (index: number[], flat: number) => void): void {
  const n = shape.reduce((a, b) => a * b, 1);
  const index = new Array<number>(shape.length).fill(0);
  for (let flat = 0; flat < n; flat++) {
    f(index, flat);
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++index[d]! < shape[d]!) break;
      index[d] = 0;
    }
  }
}

/** The element of `t` that broadcasting gives to `index` of a (possibly larger) output. */
function broadcastAt(t: Tensor, index: number[]): number {
  const pad = index.length - t.shape.length;
  const st = strides(t.shape);
  let at = 0;
  t.shape.forEach((d, k) => {
    if (d !== 1) at += index[pad + k]! * st[k]!;
  });
  return t.data[at]!;
}

/** Rows and columns of a value seen as [everything but the last axis, the last axis]. */
function lastAxis(t: Tensor): { rows: number; cols: number } {
  const cols = t.shape[t.shape.length - 1]!;
  return { rows: t.data.length / Math.max(1, cols), cols };
}

/** Evaluates every node of `graph` (in order); returns the value of each. */
export function evaluateGraph(graph: Graph, inputs: EvalInputs): Tensor[] {
  const v: Tensor[] = [];
  const rows = inputs.features.shape[0]!;
  for (const n of graph.nodes) {
    const shape = n.shape.map((d) => resolveDim(d, rows));
    const out = tensor(shape);
    evaluateNode(n, (k) => v[n.inputs[k]!]!, out, inputs, rows);
    v.push(out);
  }
  return v;
}

function evaluateNode(n: Node, x: (k: number) => Tensor, out: Tensor, inputs: EvalInputs, rows: number): void {
  const op = n.op;
  switch (op.kind) {
    case 'input': {
      const src = op.role === 'features' ? inputs.features : inputs.labels!;
      out.data.set(src.data);
      return;
    }
    case 'param':
    case 'state': {
      const val = inputs.values.get(op.name);
      if (val) out.data.set(val.data);
      else if (op.kind === 'state') out.data.fill(op.fill);
      return;
    }
    case 'const':
      out.data[0] = op.value;
      return;
    case 'uniform':
      out.data[0] = op.name === 'rows' ? rows : (inputs.step ?? 1);
      return;
    case 'elementwise': {
      const def = elementwise[op.fn] as { ref: (a: number[], alpha: number) => number };
      const args = n.inputs.map((_, k) => x(k));
      forEachIndex(out.shape, (index, flat) => {
        out.data[flat] = def.ref(args.map((a) => broadcastAt(a, index)), op.alpha);
      });
      return;
    }
    case 'broadcast':
      forEachIndex(out.shape, (index, flat) => (out.data[flat] = broadcastAt(x(0), index)));
      return;
    case 'reshape':
      out.data.set(x(0).data);
      return;
    case 'transpose': {
      const a = x(0);
      const sa = strides(a.shape);
      forEachIndex(out.shape, (index, flat) => {
        let at = 0;
        op.perm.forEach((p, d) => (at += index[d]! * sa[p]!));
        out.data[flat] = a.data[at]!;
      });
      return;
    }
    case 'matmul': {
      const a = x(0);
      const b = x(1);
      const [r, c] = out.shape as [number, number];
      const get = (m: Tensor, t: boolean, i: number, j: number) => (t ? m.data[j * m.shape[1]! + i]! : m.data[i * m.shape[1]! + j]!);
      const inner = op.transposeA ? a.shape[0]! : a.shape[1]!;
      for (let i = 0; i < r; i++) {
        for (let j = 0; j < c; j++) {
          let s = 0;
          for (let k = 0; k < inner; k++) s += get(a, op.transposeA, i, k) * get(b, op.transposeB, k, j);
          out.data[i * c + j] = s;
        }
      }
      return;
    }
    case 'contract': {
      const a = x(0);
      const b = x(1);
      const inner = op.inner.map((d) => resolveDim(d, rows));
      const read = (t: Tensor, map: typeof op.a, index: number[]): number => {
        let at = 0;
        const st = strides(t.shape);
        for (let d = 0; d < map.length; d++) {
          const c = coordValue(map[d]!, index);
          if (c === null || c < 0 || c >= t.shape[d]!) return 0;
          at += c * st[d]!;
        }
        return t.data[at]!;
      };
      forEachIndex(out.shape, (o, flat) => {
        let s = 0;
        forEachIndex(inner, (k) => {
          const index = [...o, ...k];
          s += read(a, op.a, index) * read(b, op.b, index);
        });
        out.data[flat] = s;
      });
      return;
    }
    case 'reduce': {
      const a = x(0);
      const so = strides(out.shape);
      out.data.fill(op.fn === 'sum' ? 0 : -Infinity);
      forEachIndex(a.shape, (index, flat) => {
        let o = 0;
        index.forEach((i, d) => {
          if (!op.axes.includes(d)) o += i * so[d]!;
        });
        const val = a.data[flat]!;
        out.data[o] = op.fn === 'sum' ? out.data[o]! + val : Math.max(out.data[o]!, val);
      });
      return;
    }
    case 'argmax': {
      const a = x(0);
      const { rows: r, cols: c } = lastAxis(a);
      for (let i = 0; i < r; i++) {
        let best = -Infinity;
        let idx = 0;
        for (let j = 0; j < c; j++) if (a.data[i * c + j]! > best) [best, idx] = [a.data[i * c + j]!, j];
        out.data[i] = idx;
      }
      return;
    }
    case 'softmax': {
      const z = x(0);
      const { rows: r, cols: c } = lastAxis(z);
      for (let i = 0; i < r; i++) {
        let m = -Infinity;
        for (let j = 0; j < c; j++) m = Math.max(m, z.data[i * c + j]!);
        let s = 0;
        for (let j = 0; j < c; j++) s += Math.exp(z.data[i * c + j]! - m);
        for (let j = 0; j < c; j++) out.data[i * c + j] = Math.exp(z.data[i * c + j]! - m) / s;
      }
      return;
    }
    case 'random': {
      const key = mix32(((inputs.seed ?? 0) ^ (inputs.step ?? 1)) >>> 0);
      for (let e = 0; e < out.data.length; e++) out.data[e] = uniform(key, op.stream, e);
      return;
    }
    case 'one_hot': {
      const y = x(0);
      const { rows: r, cols: c } = lastAxis(out);
      for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out.data[i * c + j] = y.data[i] === j ? 1 : 0;
      return;
    }
    case 'cce_logits':
    case 'sparse_cce_logits': {
      const z = x(0);
      const y = x(1);
      const { rows: r, cols: c } = lastAxis(z);
      for (let i = 0; i < r; i++) {
        let m = -Infinity;
        for (let j = 0; j < c; j++) m = Math.max(m, z.data[i * c + j]!);
        let s = 0;
        for (let j = 0; j < c; j++) s += Math.exp(z.data[i * c + j]! - m);
        const lse = m + Math.log(s);
        let loss = 0;
        for (let j = 0; j < c; j++) {
          const t = op.kind === 'cce_logits' ? y.data[i * c + j]! : y.data[i] === j ? 1 : 0;
          loss += t * (lse - z.data[i * c + j]!);
        }
        out.data[i] = loss;
      }
      return;
    }
  }
}
