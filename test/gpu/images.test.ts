// Image models on the GPU agree with the CPU interpreter (the GPU's reference) after one and two
// training steps: convolutions as tiled implicit GEMMs with masks, their gradients, poolings,
// BatchNormalization's statistics as reductions over axes. Without a GPU these run on Dawn's
// software adapter (llvmpipe), which is slow: the models and batches are small.
import { describe, it } from 'vitest';
import type { Strategy } from '../../compiler/wgsl/emit.js';
import { gpuForTests } from '../helpers/gpu.js';
import { imageCases } from '../core/image-cases.js';
import { randomTable } from '../core/helpers.js';
import { compareSteps } from './compare.js';

const gpu = await gpuForTests();

describe.skipIf(!gpu)('image models: GPU = CPU after one and two training steps (llvmpipe without a GPU)', () => {
  const strategies: Strategy[] = ['single-workgroup', 'per-kernel'];
  for (const c of imageCases) {
    it(c.name, async () => {
      const data = randomTable(13, c.model.inputDim, 3, c.labels, ['0', '1', '2']);
      for (const s of strategies) {
        await compareSteps(gpu!, c.model, c.config, data, s, 1, c.name, 6);
        await compareSteps(gpu!, c.model, c.config, data, s, 2, c.name, 6);
      }
    }, 120_000);
  }
});
