// The kernel plan (lowered, then fused) run by the CPU interpreter must compute what the graph
// means: one training step on random networks against the float64 graph evaluator.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import { evaluateGraph, matrix, tensor, type Matrix } from '../../compiler/graph/evaluate.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import { encodeLabels } from '../../runtime/session.js';
import { RandomStream } from '../../base/rng.js';
import { randomTable } from './helpers.js';
import { randomCase, type Case } from './cases.js';

/** One training step on the CPU interpreter, and the same step in float64 on the graph. */
function compareOneStep(c: Case, fuse: boolean): void {
  const data = randomTable(7, c.model.inputDim, 3, c.labels, ['0', '1', '2']);
  const { graphs, plan } = compileModel(c.model, c.config, { fuse, verify: true });
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
  exec.setPermutation(Uint32Array.from({ length: data.rows }, (_, i) => i));
  exec.run('train', [{ offset: 0, rows: data.rows, step: 3 }], 9);

  const train = graphs.train!;
  const results = evaluateGraph(train, {
    features: matrix(data.rows, data.featureDim, data.features),
    labels: matrix(data.rows, labels.length / data.rows, labels),
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
      expect(Math.abs(got[k]! - w), `${c.name}: ${op.name}[${k}] ${got[k]} vs ${w}`).toBeLessThanOrEqual(2e-5 * Math.max(1, Math.abs(w)));
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(0);
}

describe('plan on the CPU = graph in float64, one training step', () => {
  for (let seed = 1; seed <= 24; seed++) {
    const c = randomCase(seed);
    it(`unfused: ${c.name}`, () => compareOneStep(c, false));
    it(`fused: ${c.name}`, () => compareOneStep(c, true));
  }
});
