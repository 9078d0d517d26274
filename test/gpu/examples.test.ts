// The examples on the GPU: one training step of each agrees with the CPU, and the whole Pima run
// ends where the CPU's does (final loss within 1e-3, accuracy within one percentage point).
import { describe, expect, it } from 'vitest';
import { modelConfigs } from '../../compiler/build.js';
import { checkSource, readSource } from '../../compiler/frontend.js';
import type { Backend } from '../../runtime/backend.js';
import { gpuForTests } from '../helpers/gpu.js';
import { haveSharedData } from '../helpers/shared.js';
import { evaluation, example, fitHistory, runNn, sharedData } from '../e2e/helpers.js';
import { compareSteps } from './compare.js';

const gpu = await gpuForTests();
const shared = haveSharedData();

const examples: Array<[string, Map<string, string>]> = [
  ['demo.nn', new Map()],
  ['tutorial.nn', new Map()],
  ...(shared ? ([['pima.nn', sharedData('pima')], ['iris.nn', sharedData('iris')], ['housing.nn', sharedData('housing')]] as Array<[string, Map<string, string>]>) : []),
];

describe.skipIf(!gpu)('examples: one training step, GPU = CPU', () => {
  for (const [file, data] of examples) {
    it(file, async () => {
      const checked = checkSource(readSource(example(file)), { mode: 'run', dataOverrides: data });
      const program = checked.program!;
      const fit = program.statements.find((s) => s.kind === 'fit')!;
      if (fit.kind !== 'fit') throw new Error('no fit');
      const table = checked.data.get(fit.data)!;
      for (const { model, config } of modelConfigs(program)) {
        // Normalization statistics are part of the state compared; both start from the same values.
        await compareSteps(gpu!, model, config!, table, 'single-workgroup', 2, file, fit.batchSize);
        await compareSteps(gpu!, model, config!, table, 'per-kernel', 1, file, fit.batchSize);
      }
    });
  }
});

describe.skipIf(!gpu || !shared)('the whole Pima run on the GPU', () => {
  it('ends as on the CPU: final loss within 1e-3, accuracy within one point', async () => {
    const backend: Backend = { kind: 'webgpu', gpu: gpu!, description: 'webgpu (test)', details: [] };
    const onGpu = await runNn(example('pima.nn'), { data: sharedData('pima'), backend });
    const onCpu = await runNn(example('pima.nn'), { data: sharedData('pima') });
    const [g, c] = [fitHistory(onGpu).history, fitHistory(onCpu).history];
    expect(Math.abs(g.loss!.at(-1)! - c.loss!.at(-1)!)).toBeLessThan(1e-3);
    expect(Math.abs(g.accuracy!.at(-1)! - c.accuracy!.at(-1)!)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(evaluation(onGpu).loss! - evaluation(onCpu).loss!)).toBeLessThan(1e-3);
    expect(Math.abs(evaluation(onGpu).accuracy! - evaluation(onCpu).accuracy!)).toBeLessThanOrEqual(0.01);
  }, 120_000);
});

// The README's figure: after a whole run GPU and CPU agree to about 0.1% (summation order in the
// reductions, carried forward by training). Housing, a regression trained 100 epochs, is the run
// that drifts most of the examples (0.06% in its loss on Dawn's software adapter).
describe.skipIf(!gpu || !shared)('the whole housing run on the GPU', () => {
  it('ends as on the CPU to about 0.1%: evaluation loss and mae within 0.2% relative', async () => {
    const backend: Backend = { kind: 'webgpu', gpu: gpu!, description: 'webgpu (test)', details: [] };
    const onGpu = evaluation(await runNn(example('housing.nn'), { data: sharedData('housing'), backend }));
    const onCpu = evaluation(await runNn(example('housing.nn'), { data: sharedData('housing') }));
    for (const key of ['loss', 'mae']) expect(Math.abs(onGpu[key]! - onCpu[key]!) / onCpu[key]!, key).toBeLessThan(2e-3);
  }, 120_000);
});
