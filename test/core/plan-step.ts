// One training step of a model's plan on the CPU interpreter against the float64 evaluation of its
// graph (fused or not; by default with a shuffled batch that leaves a row out): every parameter and
// state update.
import { expect } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import { evaluateGraph, matrix, tensor, type Matrix } from '../../compiler/graph/evaluate.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import { encodeLabels } from '../../runtime/session.js';
import { RandomStream } from '../../base/rng.js';
import type { Table } from '../../base/data/dataset.js';
import type { Case } from './cases.js';

export interface StepOptions {
  /** 'all': every row in order; default: 5 rows in a shuffled order (a batch that leaves a row out). */
  batch?: 'all' | 'leave-one-out';
  /** The passes' verifiers on. */
  verify?: boolean;
  /** Relative tolerance of each value against the float64 one (default 5e-5). */
  tolerance?: number;
}

export function compareOneStep(c: Case, fuse: boolean, data: Table, options: StepOptions = {}): void {
  const all = options.batch === 'all';
  const tolerance = options.tolerance ?? 5e-5;
  const { graphs, plan } = compileModel(c.model, c.config, { fuse, verify: options.verify === true });
  const exec = new CpuExecutor(plan);
  const rng = new RandomStream(42, 5);
  const values = new Map<string, Matrix>();
  for (const b of plan.buffers) {
    if (b.role !== 'param' && b.role !== 'state') continue;
    const n = (b.shape as number[]).reduce((x, y) => x * y, 1);
    const v = b.role === 'param' ? Float32Array.from({ length: n }, () => rng.range(-0.7, 0.7)) : new Float32Array(n).fill(b.fill ?? 0);
    exec.write(b.id, v);
    values.set(b.name, tensor(b.shape as number[], v));
  }
  const labels = encodeLabels(data, plan.io.labelEncoding);
  exec.bindData({ key: 'd', rows: data.rows, features: data.features, labels });
  const order = (i: number) => (all ? i : (i * 5 + 1) % data.rows);
  exec.setPermutation(Uint32Array.from({ length: data.rows }, (_, i) => order(i)));
  const rows = all ? data.rows : 5;
  exec.run('train', [{ offset: 0, rows, step: 3 }], 9);

  const perm = Array.from({ length: rows }, (_, i) => order(i));
  const pick = (x: Float32Array, width: number) => perm.flatMap((r) => Array.from(x.subarray(r * width, (r + 1) * width)));
  const train = graphs.train!;
  const labelWidth = labels.length / data.rows;
  const results = evaluateGraph(train, {
    features: tensor([rows, ...c.model.inputShape], pick(data.features, data.featureDim)),
    labels: matrix(rows, labelWidth, pick(labels, labelWidth)),
    values,
    step: 3,
    seed: 9,
  });
  let compared = 0;
  for (const u of train.updates) {
    const op = train.nodes[u.target]!.op;
    if (op.kind !== 'param' && op.kind !== 'state') continue;
    const buf = plan.buffers.find((b) => b.name === op.name)!;
    const got = exec.view(buf.id);
    const want = results[u.value]!.data;
    for (let k = 0; k < want.length; k++) {
      const w = want[k]!;
      expect(Math.abs(got[k]! - w), `${c.name}: ${op.name}[${k}] ${got[k]} vs ${w}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(w)));
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(0);
}
