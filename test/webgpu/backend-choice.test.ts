// --backend auto (runtime/backend.ts, runtime/backend-cost.ts): the work estimate against its
// formulas, the choice on a machine without a hardware GPU (this one and CI: Mesa's software
// adapter at most), and the measured probe on whatever adapter there is.
import { describe, expect, test } from 'vitest';
import { checkSource } from '../../compiler/frontend.js';
import { SourceFile } from '../../base/source.js';
import { CPU_FLOPS_PER_SECOND, CPU_STEP_SECONDS, estimateWork, GPU_FIXED_SECONDS, heaviest, programWork, type ProgramWork } from '../../runtime/backend-cost.js';
import { probeBoth, selectBackend } from '../../runtime/backend.js';
import { gpuForTests } from '../helpers/gpu.js';

function checked(text: string) {
  const result = checkSource(new SourceFile('work.nn', text), { mode: 'run' });
  if (!result.program) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result;
}

const small = `dataset moons = builtin("moons", rows=1000, seed=0)
model m = Sequential {
  Dense(12, input_dim=2, activation="relu")
  Dense(1, activation="sigmoid")
}
compile m(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
fit m(moons, epochs=10, batch_size=32, validation_split=0.2)
evaluate m(moons)
predict m(moons)
`;

describe('the work estimate', () => {
  test('steps, rows and flops follow from the statements', () => {
    const { program, data } = checked(small);
    const work = programWork(program!, data);
    const m = work.models[0]!;
    // validation_split 0.2 of 1000 rows: 800 train (25 batches of 32), 200 validated each epoch
    expect(m.trainSteps).toBe(10 * 25);
    expect(m.trainBatch).toBe(32);
    expect(m.forwardRows).toBe(10 * 200 + 1000 + 1000);
    expect(m.forwardBatches).toBe(10 * 7 + 32 + 32);
    // Dense 2->12 and 12->1: 2*in*out + 2*out each
    expect(m.flopsPerRow).toBe(2 * 2 * 12 + 2 * 12 + 2 * 12 * 1 + 2);
    const params = 2 * 12 + 12 + 12 + 1;
    const trainStep = 3 * m.flopsPerRow * 32 + 10 * params;
    const expected = 250 * (CPU_STEP_SECONDS + trainStep / CPU_FLOPS_PER_SECOND) + m.forwardBatches * CPU_STEP_SECONDS + (m.forwardRows * m.flopsPerRow) / CPU_FLOPS_PER_SECOND;
    expect(m.cpuSeconds).toBeCloseTo(expected, 12);
    expect(work.cpuSeconds).toBeCloseTo(expected, 12);
    expect(heaviest(work)?.model.name).toBe('m');
  });

  test('an unknown dataset size counts as no rows', () => {
    const { program } = checked(small);
    const work = estimateWork(program!, () => undefined);
    expect(work.models[0]!.trainSteps).toBe(0);
    expect(work.cpuSeconds).toBe(0);
  });
});

describe('auto', () => {
  test('a small program runs on the CPU without looking for a GPU, and says why', async () => {
    const { program, data } = checked(small);
    const backend = await selectBackend('auto', { work: programWork(program!, data) });
    expect(backend.kind).toBe('cpu');
    expect(backend.gpu).toBeNull();
    expect(backend.details.join('\n')).toMatch(/estimated time on the CPU interpreter is \d+(\.\d)? ms, less than what a GPU costs .* so no GPU was looked for/);
  });

  test('a named CPU backend has nothing to explain', async () => {
    const backend = await selectBackend('cpu', {});
    expect([backend.kind, backend.details]).toEqual(['cpu', []]);
  });

  // On this machine and in CI there is at most Mesa's software adapter: a big program still runs on
  // the CPU (llvmpipe is ~25x slower here). With a hardware GPU the probe decides instead.
  test('a big program without a hardware GPU runs on the CPU, naming the software adapter as the reason', async () => {
    const { program, data } = checked(small);
    const base = programWork(program!, data);
    const work: ProgramWork = { ...base, cpuSeconds: GPU_FIXED_SECONDS * 100 };
    const backend = await selectBackend('auto', { work });
    try {
      const why = backend.details.join('\n');
      if (backend.gpu?.kind === 'hardware') expect(why).toMatch(/measured \d+ training steps of m/);
      else {
        expect(backend.kind).toBe('cpu');
        expect(why).toMatch(/a software adapter runs the shaders on these same CPU cores/);
      }
    } finally {
      backend.gpu?.close();
    }
  });
});

const gpu = await gpuForTests();

describe.skipIf(!gpu)('the probe', () => {
  test('times training steps of the heaviest model on the CPU and on the adapter', async () => {
    const { program, data } = checked(small);
    const m = heaviest(programWork(program!, data))!;
    const probe = await probeBoth(m, gpu!);
    expect(probe.steps).toBe(8); // 0.05 s of estimated CPU work is more than 8 steps of this model
    expect(probe.cpu).toBeGreaterThan(0);
    expect(probe.gpu).toBeGreaterThan(0);
    expect(Number.isFinite(probe.cpu + probe.gpu)).toBe(true);
  });
});
