// A float64 evaluator of the graph IR: the living definition of what each op means. Tests use it
// for finite-difference gradient checks and to hold the kernel plan (and so both executors) to
// the graph's meaning.
import { elementwise } from './elementwise.js';
import { coordValue, type Coord } from './index-map.js';
import { CELL_GATES, CELL_STATES, cellBackward, cellForward, type Algebra } from './cells.js';
import type { RecurrenceSpec } from './ir.js';
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

/** The element of `t` at coordinates `map` of `index`: 0 where a coordinate leaves t or is not an exact division. */
function readMapped(t: Tensor, map: Coord[], index: number[]): number {
  let at = 0;
  const st = strides(t.shape);
  for (let d = 0; d < map.length; d++) {
    const c = coordValue(map[d]!, index);
    if (c === null || c < 0 || c >= t.shape[d]!) return 0;
    at += c * st[d]!;
  }
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
    case 'slice':
    case 'pad': {
      // the element of the smaller value at each index of the larger, along the axis shifted by start
      const a = x(0);
      const [small, large] = op.kind === 'slice' ? [out, a] : [a, out];
      const sl = strides(large.shape);
      const ss = strides(small.shape);
      forEachIndex(small.shape, (index, flat) => {
        let at = 0;
        index.forEach((i, d) => (at += (d === op.axis ? i + op.start : i) * sl[d]!));
        if (op.kind === 'slice') out.data[flat] = a.data[at]!;
        else out.data[at] = a.data[flat]!;
      });
      void ss;
      return;
    }
    case 'recurrence':
      recurrence(op, x(0), x(1), n.inputs.length > 2 ? x(2) : null, out);
      return;
    case 'gather': {
      const [table, index] = [x(0), x(1)];
      const [rows, width] = table.shape as [number, number];
      for (let p = 0; p < index.data.length; p++) {
        const v = Math.trunc(index.data[p]!);
        if (v >= 0 && v < rows) for (let j = 0; j < width; j++) out.data[p * width + j] = table.data[v * width + j]!;
      }
      return;
    }
    case 'segment_sum': {
      const [g, index] = [x(0), x(1)];
      const width = out.shape[1] as number;
      for (let p = 0; p < index.data.length; p++) {
        const v = Math.trunc(index.data[p]!);
        if (v >= 0 && v < op.rows) for (let j = 0; j < width; j++) out.data[v * width + j]! += g.data[p * width + j]!;
      }
      return;
    }
    case 'recurrence_grad':
      recurrenceGrad(op, x(0), x(1), x(2), x(3), n.inputs.length > 4 ? x(4) : null, out);
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
    case 'view': {
      const a = x(0);
      forEachIndex(out.shape, (o, flat) => (out.data[flat] = readMapped(a, op.map, o)));
      return;
    }
    case 'contract': {
      const a = x(0);
      const b = x(1);
      const inner = op.inner.map((d) => resolveDim(d, rows));
      const read = readMapped;
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
      if (op.axes) {
        const axes = op.axes;
        const so = strides(out.shape);
        const best = new Float64Array(out.data.length).fill(-Infinity);
        forEachIndex(a.shape, (index, flat) => {
          let o = 0;
          let position = 0;
          index.forEach((i, d) => {
            if (axes.includes(d)) position = position * a.shape[d]! + i;
            else o += i * so[d]!;
          });
          if (a.data[flat]! > best[o]!) [best[o], out.data[o]] = [a.data[flat]!, position];
        });
        return;
      }
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
    case 'position':
      forEachIndex(out.shape, (index, flat) => (out.data[flat] = op.axes.reduce((p, d) => p * out.shape[d]! + index[d]!, 0)));
      return;
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

/** Numbers as a cell's algebra: each call by its float64 reference. */
const numbers: Algebra<number> = {
  num: (v) => v,
  call: (fn, args, alpha = 0) => (elementwise[fn] as { ref: (a: number[], alpha: number) => number }).ref(args, alpha),
};

/** The recurrent projection r = h_prev U (+ bias) of batch row b, for every gate and unit. */
function projection(spec: RecurrenceSpec, hPrev: (j: number) => number, u: Tensor, bias: Tensor | null): Float64Array {
  const g = CELL_GATES[spec.cell] * spec.units;
  const r = new Float64Array(g);
  for (let k = 0; k < g; k++) {
    let s = bias ? bias.data[k]! : 0;
    for (let j = 0; j < spec.units; j++) s += hPrev(j) * u.data[j * g + k]!;
    r[k] = s;
  }
  return r;
}

/** Steps of a recurrence in the order they run. */
function order(spec: RecurrenceSpec, steps: number): number[] {
  const ts = Array.from({ length: steps }, (_, t) => t);
  return spec.reverse ? ts.reverse() : ts;
}

function recurrence(spec: RecurrenceSpec, x: Tensor, u: Tensor, bias: Tensor | null, out: Tensor): void {
  const [rows, steps] = x.shape as [number, number];
  const units = spec.units;
  const g = CELL_GATES[spec.cell] * units;
  const s = CELL_STATES[spec.cell] * units;
  for (let b = 0; b < rows; b++) {
    let prev = -1;
    for (const t of order(spec, steps)) {
      const state = (tt: number, j: number) => (tt < 0 ? 0 : out.data[(b * steps + tt) * s + j]!);
      const r = projection(spec, (j) => state(prev, j), u, bias);
      for (let j = 0; j < units; j++) {
        const step = cellForward(spec, numbers, {
          x: (k) => x.data[(b * steps + t) * g + k * units + j]!,
          r: (k) => r[k * units + j]!,
          hPrev: state(prev, j),
          cPrev: state(prev, units + j),
        });
        out.data[(b * steps + t) * s + j] = step.h;
        if (step.c !== null) out.data[(b * steps + t) * s + units + j] = step.c;
      }
      prev = t;
    }
  }
}

function recurrenceGrad(spec: RecurrenceSpec, dStates: Tensor, states: Tensor, x: Tensor, u: Tensor, bias: Tensor | null, out: Tensor): void {
  const [rows, steps] = x.shape as [number, number];
  const units = spec.units;
  const g = CELL_GATES[spec.cell] * units;
  const s = CELL_STATES[spec.cell] * units;
  const run = order(spec, steps);
  for (let b = 0; b < rows; b++) {
    const dh = new Float64Array(units);
    const dc = new Float64Array(units);
    for (let n = steps - 1; n >= 0; n--) {
      const t = run[n]!;
      const prev = n > 0 ? run[n - 1]! : -1;
      const state = (tt: number, j: number) => (tt < 0 ? 0 : states.data[(b * steps + tt) * s + j]!);
      const r = projection(spec, (j) => state(prev, j), u, bias);
      const dr = new Float64Array(g);
      const direct = new Float64Array(units);
      for (let j = 0; j < units; j++) {
        const grads = cellBackward(spec, numbers, {
          x: (k) => x.data[(b * steps + t) * g + k * units + j]!,
          r: (k) => r[k * units + j]!,
          hPrev: state(prev, j),
          cPrev: state(prev, units + j),
          c: state(t, units + j),
          dh: dStates.data[(b * steps + t) * s + j]! + dh[j]!,
          dc: (s > units ? dStates.data[(b * steps + t) * s + units + j]! : 0) + dc[j]!,
        });
        for (let k = 0; k < grads.dx.length; k++) {
          out.data[(b * steps + t) * 2 * g + k * units + j] = grads.dx[k]!;
          out.data[(b * steps + t) * 2 * g + g + k * units + j] = grads.dr[k]!;
          dr[k * units + j] = grads.dr[k]!;
        }
        direct[j] = grads.dhPrev ?? 0;
        dc[j] = grads.dcPrev ?? 0;
      }
      // what reaches h_prev: through r = h_prev U, and directly
      for (let j = 0; j < units; j++) {
        let sum = direct[j]!;
        for (let k = 0; k < g; k++) sum += dr[k]! * u.data[j * g + k]!;
        dh[j] = sum;
      }
    }
  }
}
