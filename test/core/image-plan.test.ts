// Image models: the plan run by the CPU interpreter computes what the graph means (one training
// step against the float64 evaluator), fused and unfused, with a short batch.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import { evaluateGraph, matrix, tensor, type Matrix } from '../../compiler/graph/evaluate.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import { encodeLabels } from '../../runtime/session.js';
import { RandomStream } from '../../base/rng.js';
import { randomTable } from './helpers.js';
import { imageCases } from './image-cases.js';
import type { Case } from './cases.js';

function compareOneStep(c: Case, fuse: boolean): void {
  const data = randomTable(6, c.model.inputDim, 3, c.labels, ['0', '1', '2']);
  const { graphs, plan } = compileModel(c.model, c.config, { fuse });
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
  exec.setPermutation(Uint32Array.from({ length: data.rows }, (_, i) => (i * 5 + 1) % data.rows));
  const rows = 5; // a batch that leaves a row out
  exec.run('train', [{ offset: 0, rows, step: 3 }], 9);

  const perm = Array.from({ length: rows }, (_, i) => (i * 5 + 1) % data.rows);
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
      expect(Math.abs(got[k]! - w), `${c.name}: ${op.name}[${k}] ${got[k]} vs ${w}`).toBeLessThanOrEqual(5e-5 * Math.max(1, Math.abs(w)));
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(0);
}

describe('image models: plan on the CPU = graph in float64, one training step', () => {
  for (const c of imageCases) {
    it(`unfused: ${c.name}`, () => compareOneStep(c, false));
    it(`fused: ${c.name}`, () => compareOneStep(c, true));
  }
});
