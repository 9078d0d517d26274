// Image models: the plan run by the CPU interpreter computes what the graph means (one training
// step against the float64 evaluator), fused and unfused, with a short batch.
import { describe, it } from 'vitest';
import { randomTable } from './helpers.js';
import { imageCases } from './image-cases.js';
import { compareOneStep } from './plan-step.js';

describe('image models: plan on the CPU = graph in float64, one training step', () => {
  for (const c of imageCases) {
    it(`unfused: ${c.name}`, () => compareOneStep(c, false, randomTable(6, c.model.inputDim, 3, c.labels, ['0', '1', '2'])));
    it(`fused: ${c.name}`, () => compareOneStep(c, true, randomTable(6, c.model.inputDim, 3, c.labels, ['0', '1', '2'])));
  }
});
