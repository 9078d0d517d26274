// Sequence models: the plan run by the CPU interpreter computes what the graph means (one
// training step against the float64 evaluator), fused and unfused, with a short batch: gathers and
// segment sums, windows over steps, recurrences as loop kernels forwards and backwards.
import { describe, it } from 'vitest';
import { sequenceCases, sequenceTable } from './sequence-cases.js';
import { compareOneStep } from './plan-step.js';

describe('sequence models: plan on the CPU = graph in float64, one training step', () => {
  for (const c of sequenceCases) {
    it(`unfused: ${c.name}`, () => compareOneStep(c, false, sequenceTable(c, 6, 3)));
    it(`fused: ${c.name}`, () => compareOneStep(c, true, sequenceTable(c, 6, 3)));
  }
});
