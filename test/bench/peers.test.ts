// The bench's newer contenders: PyTorch (bench/torch.ts, where python3 has torch; skipped with a
// notice elsewhere, CI included: it is a 1 GB install for a benchmark peer), a contender's own CPU
// time in cpu/wall, and the start-up workload's process timing (bench/startup.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedWeights, inferRows, loadPima, pimaModel, referencePredict, syntheticClassification, mlpModel } from '../../bench/data.js';
import { runBenchmarks, type Contender, type FitWorkload, type PredictWorkload } from '../../bench/harness.js';
import { startupCommands, timeCommand } from '../../bench/startup.js';
import { torchCpuContenders } from '../../bench/torch.js';
import { haveSharedData, repoRoot, sharedDatasets } from '../helpers/shared.js';

describe('runBenchmarks', () => {
  it("takes a contender's own CPU seconds for cpu/wall when it reports them (a worker process)", async () => {
    const worker: Contender = { name: 'worker', baseline: true, available: async () => true, run: async () => ({ seconds: 2, cpuSeconds: 1, items: 10 }) };
    const w: FitWorkload = { kind: 'fit', name: 'toy', description: 'toy', unit: 'samples/s', samples: {}, model: pimaModel, data: syntheticClassification({ rows: 1, featureCount: 8, classes: 2 }), epochs: 1, batchSize: 1, shuffle: false, seed: 1 };
    const report = await runBenchmarks([w], [worker], { runs: 1, log: () => {} });
    expect(report.workloads[0]!.results[0]!.cpuPerWall).toBe(0.5);
  });
});

const torch = torchCpuContenders(1)[0]!;
const torchHere = await torch.available();
if (torchHere !== true) console.warn(`notice: PyTorch contender tests skipped: ${torchHere}`);

describe.runIf(torchHere === true)('the PyTorch contender', () => {
  afterAll(() => torch.dispose!());

  it.runIf(haveSharedData())('predicts what the f64 host reference predicts with the same fixed weights (Keras kernel layout)', async () => {
    const pima = loadPima(sharedDatasets);
    const rows = 300;
    const w: PredictWorkload = { kind: 'predict', name: 'p', description: '', unit: 'predictions/s', samples: {}, model: pimaModel, weights: fixedWeights(pimaModel, pima), rows, features: inferRows(pima, rows), batchSize: 128, repeat: 2 };
    await torch.prepare!(w);
    const r = await torch.run(w);
    await torch.release!(w);
    let sum = 0;
    for (const v of referencePredict(pimaModel, w.weights, w.features, rows)) sum += v;
    expect(r.meanPrediction!).toBeCloseTo(sum / rows, 5);
    expect(r.items).toBe(rows * 2);
    expect(r.cpuSeconds).toBeGreaterThan(0);
  });

  it('trains: the loss falls on separable data, accuracy is a fraction of rows, the note names the threads', async () => {
    const data = syntheticClassification({ rows: 512, featureCount: 784, classes: 10, noise: 0.05, centroidSpread: 0.3 });
    const w: FitWorkload = { kind: 'fit', name: 'f', description: '', unit: 'samples/s', samples: {}, model: mlpModel, data, epochs: 3, batchSize: 64, shuffle: true, seed: 1 };
    await torch.prepare!(w);
    const one = await torch.run({ ...w, epochs: 1 });
    const three = await torch.run(w);
    await torch.release!(w);
    expect(three.loss!).toBeLessThan(one.loss!);
    expect(three.accuracy!).toBeGreaterThan(0.5);
    expect(three.accuracy!).toBeLessThanOrEqual(1);
    expect(three.items).toBe(512 * 3);
    expect(three.note).toMatch(/^torch \S+ eager, 1 thread$/);
    const facts = await torch.facts!(w);
    expect(facts[0]).toMatch(/BLAS: /);
  });
});

describe.runIf(existsSync(join(repoRoot, 'dist/nnc-cli.cjs')))('the start-up workload', () => {
  it('times each command as a process, and a failing command is an error with its message', () => {
    const commands = startupCommands(join(sharedDatasets, 'pima-indians-diabetes.csv'), join(repoRoot, 'nnc-out-test-startup'));
    expect(commands.map((c) => c.name)).toEqual(['node -e 0', 'nnc --version', 'nnc check pima', 'nnc run pima']);
    const version = timeCommand(commands[1]!, repoRoot);
    expect(version.seconds).toBeGreaterThan(0);
    if (process.platform === 'linux') expect(version.cpuSeconds).toBeGreaterThanOrEqual(0);
    expect(() => timeCommand({ name: 'nnc check missing', argv: [commands[1]!.argv[0]!, 'check', 'no-such.nn'] }, repoRoot)).toThrow(/nnc check missing exited 2: .*no-such\.nn/);
  });
});
