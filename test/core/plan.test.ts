// The kernel plan (lowered, then fused) run by the CPU interpreter must compute what the graph
// means: one training step on random networks against the float64 graph evaluator.
import { describe, it } from 'vitest';
import { randomTable } from './helpers.js';
import { randomCase, type Case } from './cases.js';
import { compareOneStep } from './plan-step.js';

/** One training step on the CPU interpreter, and the same step in float64 on the graph: the whole batch in order, verifiers on. */
function compareWhole(c: Case, fuse: boolean): void {
  compareOneStep(c, fuse, randomTable(7, c.model.inputDim, 3, c.labels, ['0', '1', '2']), { batch: 'all', verify: true, tolerance: 2e-5 });
}

describe('plan on the CPU = graph in float64, one training step', () => {
  for (let seed = 1; seed <= 24; seed++) {
    const c = randomCase(seed);
    it(`unfused: ${c.name}`, () => compareWhole(c, false));
    it(`fused: ${c.name}`, () => compareWhole(c, true));
  }
});
