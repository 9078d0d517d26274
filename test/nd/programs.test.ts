// Programs over rank-3 and rank-4 values, built as graphs directly (no layer syntax needed): a
// Dense layer applied along the last axis (a contraction), a masked and strided window (a 1-D
// convolution along an axis), transposes, reductions over axis sets, reshapes, broadcast biases,
// then a matrix product to the outputs and mse. Each one, trained with sgd, runs on the CPU
// interpreter and on the GPU (Dawn's software adapter in CI); the CPU after one step equals the
// float64 evaluation of the graph, and the GPU equals the CPU after several steps, with a short
// last batch and sizes that leave tiles partly filled.
import { describe, expect, it } from 'vitest';
import { compileGraphs } from '../../compiler/driver.js';
import { evaluateGraph, tensor, type Tensor } from '../../compiler/graph/evaluate.js';
import { axisCoord, type Coord } from '../../compiler/graph/index-map.js';
import { GraphBuilder, type Graph, type StepKind } from '../../compiler/graph/ir.js';
import type { Plan } from '../../compiler/plan/ir.js';
import { parsePlan } from '../../compiler/plan/parse.js';
import { printPlan } from '../../compiler/plan/print.js';
import { RandomStream } from '../../base/rng.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import type { Executor, StepArgs } from '../../runtime/executor.js';
import { WebGpuExecutor } from '../../runtime/webgpu/executor.js';
import { gpuForTests } from '../helpers/gpu.js';

interface Program {
  name: string;
  /** One sample's shape (the input is [B, ...row]). */
  row: number[];
  outputs: number;
  forward: (b: GraphBuilder, x: number) => number;
}

const param = (b: GraphBuilder, name: string, shape: number[]) => b.param(name, shape, { name: 'zeros' }, shape[0]!, shape.at(-1)!);

/** A random program from a seed: the choices below, with odd sizes. */
function program(seed: number): Program {
  const rng = new RandomStream(seed, 3);
  const pick = <T>(xs: T[]): T => xs[rng.int(xs.length)]!;
  const rank = pick([2, 3]); // of a sample: values are rank 3 or 4
  const row = rank === 2 ? [pick([5, 7]), pick([3, 4])] : [pick([5, 6]), pick([3, 5]), pick([2, 3])];
  const units = pick([3, 17]);
  const outputs = pick([1, 2, 5]);
  const act = pick(['tanh', 'relu', 'sigmoid'] as const);
  const conv = rng.int(2) === 1;
  const stride = pick([1, 2]);
  const pad = pick([0, 1]);
  const taps = 3;
  const transpose = rank === 3 && rng.int(2) === 1;
  const reduce = pick(['none', 'sum', 'max'] as const);
  const parts = [`rank ${rank + 1}`, `dense ${units}`, act];
  if (conv) parts.push(`window stride ${stride} pad ${pad}`);
  if (transpose) parts.push('transpose');
  if (reduce !== 'none') parts.push(`reduce_${reduce}`);
  return {
    name: `seed ${seed}: ${parts.join(', ')} -> ${outputs}`,
    row,
    outputs,
    forward: (b, x) => {
      const shape = () => b.shape(h) as Array<number | 'B'>;
      const r = row.length + 1;
      // Dense along the last axis: out[..., u] = sum_f x[..., f] w[f, u]
      const f = row.at(-1)!;
      const w1 = param(b, 'w1', [f, units]);
      const all = (n: number) => Array.from({ length: n }, (_, a) => axisCoord(a));
      let h = b.contract(x, w1, [...(b.shape(x) as Array<number | 'B'>).slice(0, -1), units] as Array<number | 'B'>, [f], [...all(r - 1), axisCoord(r)], [axisCoord(r), axisCoord(r - 1)]);
      h = b.map(act, [b.add2(h, param(b, 'b1', [1, units]))]);
      if (conv) {
        // a 1-D convolution along axis 1: out[b, t, ..., o] = sum_{k, c} h[b, s t + k - p, ..., c] k[k, c, o]
        const len = shape()[1] as number;
        const out = Math.floor((len + 2 * pad - taps) / stride) + 1;
        const o = 4;
        const kern = param(b, 'kern', [taps, units, o]);
        const outShape = [...shape()];
        outShape[1] = out;
        outShape[r - 1] = o;
        const kAxis = r;
        const cAxis = r + 1;
        const window: Coord = { terms: [[1, stride], [kAxis, 1]], bias: -pad, masked: pad > 0 || stride * (out - 1) + taps > len };
        const xs: Coord[] = [axisCoord(0), window, ...all(r).slice(2, r - 1), axisCoord(cAxis)];
        h = b.contract(h, kern, outShape, [taps, units], xs, [axisCoord(kAxis), axisCoord(cAxis), axisCoord(r - 1)]);
      }
      if (transpose) h = b.transpose(h, [0, 2, 1, 3]);
      if (reduce !== 'none') h = b.reduce(reduce, [1], h);
      const width = (shape().slice(1) as number[]).reduce((n, d) => n * d, 1);
      h = b.reshape(h, ['B', width]);
      return b.add2(b.matmul(h, param(b, 'w2', [width, outputs])), param(b, 'b2', [1, outputs]));
    },
  };
}

function graph(p: Program, step: StepKind): Graph {
  const b = GraphBuilder.create(step);
  const x = b.input('features', p.row);
  const y = p.forward(b, x);
  b.graph.outputs.prediction = y;
  if (step !== 'predict') b.graph.outputs.loss = b.meanCols(b.map('square', [b.sub(y, b.input('labels', p.outputs))]));
  return b.graph;
}

function compile(p: Program): { plan: Plan; train: Graph } {
  const graphs = { train: graph(p, 'train'), evaluate: graph(p, 'evaluate'), predict: graph(p, 'predict') };
  const { plan } = compileGraphs('nd', graphs, { optimizer: { kind: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false } }, { kind: 'raw', cols: p.outputs }, { verify: true });
  return { plan, train: graphs.train };
}

const ROWS = 13;
const BATCH = 5; // 5, 5, 3: a short last step

function data(p: Program) {
  const rng = new RandomStream(7, 1);
  const width = p.row.reduce((n, d) => n * d, 1);
  return {
    key: 'd',
    rows: ROWS,
    features: Float32Array.from({ length: ROWS * width }, () => rng.range(-1, 1)),
    labels: Float32Array.from({ length: ROWS * p.outputs }, () => rng.range(-1, 1)),
  };
}

/** Random parameters, the same in every executor; also as float64 tensors for the evaluator. */
function initialize(plan: Plan, executors: Executor[]): Map<string, Tensor> {
  const rng = new RandomStream(42, 5);
  const values = new Map<string, Tensor>();
  for (const b of plan.buffers) {
    if (b.role !== 'param' && b.role !== 'state') continue;
    const shape = b.shape as number[];
    const n = shape.reduce((x, y) => x * y, 1);
    const v = b.role === 'param' ? Float32Array.from({ length: n }, () => rng.range(-0.4, 0.4)) : new Float32Array(n).fill(b.fill ?? 0);
    for (const e of executors) e.write(b.id, v);
    values.set(b.name, tensor(shape, v));
  }
  return values;
}

/** A recurrent network: a Dense projection over time, a recurrence, its last state, a Dense head. */
function recurrent(cell: 'simple' | 'lstm' | 'gru', reverse: boolean, sequences: boolean): Program {
  const steps = 5;
  const features = 3;
  const units = 4;
  const gates = { simple: 1, lstm: 4, gru: 3 }[cell];
  return {
    name: `${cell}${reverse ? ' reverse' : ''}${sequences ? ', all steps' : ', last step'}: rank 3, ${steps} steps`,
    row: [steps, features],
    outputs: 2,
    forward: (b, x) => {
      const g = gates * units;
      const xp = b.add2(b.contract(x, param(b, 'w', [features, g]), ['B', steps, g], [features], [axisCoord(0), axisCoord(1), axisCoord(3)], [axisCoord(3), axisCoord(2)]), param(b, 'bx', [1, g]));
      const spec = { cell, units, activation: 'tanh', recurrentActivation: 'sigmoid', reverse } as const;
      const states = b.recurrence(spec, xp, param(b, 'u', [units, g]), cell === 'gru' ? param(b, 'br', [1, g]) : undefined);
      const h = b.slice(states, 2, 0, units);
      const out = sequences ? b.reshape(h, ['B', steps * units]) : b.reshape(b.slice(h, 1, reverse ? 0 : steps - 1, 1), ['B', units]);
      return b.add2(b.matmul(out, param(b, 'w2', [sequences ? steps * units : units, 2])), param(b, 'b2', [1, 2]));
    },
  };
}

const cases = [
  ...Array.from({ length: 10 }, (_, k) => program(k + 1)),
  ...(['simple', 'lstm', 'gru'] as const).flatMap((cell) => [recurrent(cell, false, false), recurrent(cell, true, true)]),
];
const steps = (n: number): StepArgs[] => Array.from({ length: n }, (_, k) => ({ offset: (k * BATCH) % ROWS, rows: Math.min(BATCH, ROWS - ((k * BATCH) % ROWS)), step: k + 1 }));

describe('N-d programs: the plan text reads back (loops included)', () => {
  for (const p of cases) {
    it(p.name, () => {
      const text = printPlan(compile(p).plan);
      expect(printPlan(parsePlan(text))).toBe(text);
    });
  }
});

describe('N-d programs on the CPU = their graph in float64 (one step)', () => {
  for (const p of cases) {
    it(p.name, () => {
      const { plan, train } = compile(p);
      const d = data(p);
      const cpu = new CpuExecutor(plan);
      const values = initialize(plan, [cpu]);
      cpu.bindData(d);
      cpu.setPermutation(Uint32Array.from({ length: ROWS }, (_, i) => i));
      cpu.run('train', [{ offset: 0, rows: ROWS, step: 1 }], 3);
      const results = evaluateGraph(train, { features: tensor([ROWS, ...p.row], d.features), labels: tensor([ROWS, p.outputs], d.labels), values, step: 1, seed: 3 });
      let compared = 0;
      for (const u of train.updates) {
        const op = train.nodes[u.target]!.op;
        if (op.kind !== 'param') continue;
        const got = cpu.view(plan.buffers.find((b) => b.name === op.name)!.id);
        const want = results[u.value]!.data;
        for (let k = 0; k < want.length; k++) {
          expect(Math.abs(got[k]! - want[k]!), `${op.name}[${k}]`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want[k]!)));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(0);
    });
  }
});

const gpu = await gpuForTests();

describe.skipIf(!gpu)('N-d programs on the GPU = on the CPU (several steps, a short last one)', () => {
  for (const p of cases) {
    for (const strategy of ['single-workgroup', 'per-kernel'] as const) {
      it(`${p.name} [${strategy}]`, async () => {
        const { plan } = compile(p);
        const cpu = new CpuExecutor(plan);
        const wg = await WebGpuExecutor.create(plan, gpu!, BATCH, { strategy });
        initialize(plan, [cpu, wg]);
        const d = data(p);
        const perm = Uint32Array.from({ length: ROWS }, (_, i) => (i * 5) % ROWS);
        for (const e of [cpu, wg] as Executor[]) {
          e.bindData(d);
          e.setPermutation(perm);
          e.run('train', steps(4), 9);
          e.run('predict', steps(3).map((s) => ({ ...s, step: 0 })), 0);
        }
        for (const b of plan.buffers.filter((x) => x.role === 'param' || x.role === 'output')) {
          const want = await cpu.read(b.id);
          const got = await wg.read(b.id);
          let scale = 1e-6;
          for (const v of want) scale = Math.max(scale, Math.abs(v));
          for (let k = 0; k < want.length; k++) expect(Math.abs(got[k]! - want[k]!), `${b.name}[${k}] gpu ${got[k]} cpu ${want[k]}`).toBeLessThanOrEqual(1e-5 * scale);
        }
        wg.dispose();
      });
    }
  }
});
