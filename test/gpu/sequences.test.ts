// Sequence models on the GPU agree with the CPU interpreter (the GPU's reference) within 1e-5
// after one and two training steps, both strategies: gathers and segment sums (an Embedding and
// its gradient), windows over steps, and recurrences as loop kernels (forwards, backwards,
// Bidirectional). Without a GPU these run on Dawn's software adapter (llvmpipe), which is slow:
// the models and batches are small.
import { describe, it } from 'vitest';
import type { Strategy } from '../../compiler/wgsl/emit.js';
import { gpuForTests } from '../helpers/gpu.js';
import { sequenceCases, sequenceTable } from '../core/sequence-cases.js';
import { compareSteps } from './compare.js';

const gpu = await gpuForTests();

describe.skipIf(!gpu)('sequence models: GPU = CPU after one and two training steps (llvmpipe without a GPU)', () => {
  const strategies: Strategy[] = ['single-workgroup', 'per-kernel'];
  for (const c of sequenceCases) {
    it(c.name, async () => {
      const data = sequenceTable(c, 13, 5);
      for (const s of strategies) {
        await compareSteps(gpu!, c.model, c.config, data, s, 1, c.name, 6);
        await compareSteps(gpu!, c.model, c.config, data, s, 2, c.name, 6);
      }
    }, 180_000);
  }
});
