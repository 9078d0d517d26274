// The bench harness: statistics, units, ratios, alternation, and the data the contenders share.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  figure,
  finishWorkload,
  formatTable,
  runBenchmarks,
  speedup,
  summarize,
  type BenchReport,
  type Contender,
  type ContenderResult,
  type FitWorkload,
  type Workload,
} from '../../bench/harness.js';
import { fixedWeights, inferRows, parseNumericCsv, pimaModel, referencePredict, syntheticClassification } from '../../bench/data.js';

describe('summarize', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(summarize([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(summarize([4, 1, 3, 10])).toEqual({ median: 3.5, min: 1, max: 10 });
    expect(summarize([7])).toEqual({ median: 7, min: 7, max: 7 });
  });
  it('refuses no values', () => {
    expect(() => summarize([])).toThrow(/no values/);
  });
});

describe('figure and speedup', () => {
  it('scales a sampled seconds run to the whole workload', () => {
    expect(figure('seconds', { seconds: 2, fraction: 0.25 })).toBe(8);
    expect(figure('seconds', { seconds: 2 })).toBe(2);
  });
  it('turns items and seconds into a rate, seconds into ms', () => {
    expect(figure('samples/s', { seconds: 0.5, items: 1000 })).toBe(2000);
    expect(figure('ms', { seconds: 0.0125 })).toBe(12.5);
    expect(() => figure('predictions/s', { seconds: 1 })).toThrow(/items/);
  });
  it('is > 1 when faster, for times and for rates', () => {
    expect(speedup('seconds', 2, 6)).toBe(3);
    expect(speedup('samples/s', 900, 300)).toBe(3);
    expect(speedup('seconds', 6, 2)).toBeCloseTo(1 / 3);
  });
});

function result(contender: string, baseline: boolean, values: number[]): ContenderResult {
  return { contender, baseline, values, runs: values.map((v) => ({ seconds: v, loss: v / 10 })), cpuSeconds: [] };
}

describe('finishWorkload', () => {
  it('takes ratios against the fastest baseline by median', () => {
    const w = finishWorkload({ name: 'pima', description: '', unit: 'seconds' }, [
      result('tfjs-cpu', true, [7, 6, 8]),
      result('tfjs-wasm', true, [9, 10, 9]),
      result('nnc', false, [2, 3, 1]),
    ]);
    expect(w.fastestBaseline).toBe('tfjs-cpu');
    expect(w.results.map((r) => r.median)).toEqual([7, 9, 2]);
    expect(w.results.map((r) => r.speedup)).toEqual([1, 7 / 9, 3.5]);
    // Loss is the last run's.
    expect(w.results[2]!.loss).toBe(0.1);
  });
  it('picks the highest rate as fastest for rates', () => {
    const w = finishWorkload({ name: 'mlp', description: '', unit: 'samples/s' }, [
      result('tfjs-cpu', true, [450]),
      result('tfjs-wasm', true, [2400]),
      result('nnc', false, [4800]),
    ]);
    expect(w.fastestBaseline).toBe('tfjs-wasm');
    expect(w.results.map((r) => r.speedup)).toEqual([450 / 2400, 1, 2]);
  });
  it('leaves ratios out when no baseline ran', () => {
    const w = finishWorkload({ name: 'compile', description: '', unit: 'ms' }, [result('nnc', false, [5])]);
    expect(w.fastestBaseline).toBeUndefined();
    expect(w.results[0]!.speedup).toBeUndefined();
    expect(formatTable(w)[1]).toContain(' - ');
  });
});

describe('runBenchmarks', () => {
  it('alternates contenders run by run, prepares first, skips the unavailable and writes JSON', async () => {
    const calls: string[] = [];
    const fake = (name: string, seconds: number[], baseline: boolean): Contender => {
      let i = 0;
      return {
        name,
        baseline,
        available: async () => true,
        prepare: async () => void calls.push(`prepare ${name}`),
        run: async () => {
          calls.push(`run ${name}`);
          return { seconds: seconds[i++]!, items: 100 };
        },
      };
    };
    const absent: Contender = { name: 'gpu', available: async () => 'no adapter', run: async () => ({ seconds: 1 }) };
    const workload: FitWorkload = {
      kind: 'fit',
      name: 'toy',
      description: 'toy',
      unit: 'samples/s',
      samples: {},
      model: pimaModel,
      data: { name: 'toy', rows: 1, featureCount: 8, features: new Float32Array(8), labelWidth: 1, labels: new Float32Array(1) },
      epochs: 1,
      batchSize: 1,
      shuffle: false,
      seed: 1,
    };
    const out = join(mkdtempSync(join(tmpdir(), 'nnc-bench-')), 'r.json');
    const lines: string[] = [];
    let built = 0;
    const thunk = (): Workload => (built++, workload);
    const report = await runBenchmarks(
      [thunk],
      [fake('A', [1, 2, 4], true), fake('B', [0.5, 0.25, 1], false), absent],
      { runs: 3, out, log: (l) => lines.push(l) },
    );
    expect(built).toBe(1);
    expect(calls).toEqual(['prepare A', 'prepare B', 'run A', 'run B', 'run A', 'run B', 'run A', 'run B']);
    const [a, b, gpu] = report.workloads[0]!.results;
    expect(a!.values).toEqual([100, 50, 25]);
    expect(b!.median).toBe(200);
    expect(b!.speedup).toBe(4);
    expect(gpu!.skipped).toBe('no adapter');
    expect(lines.some((l) => l.includes('gpu') && l.includes('skipped: no adapter'))).toBe(true);
    const written = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
    expect(written.workloads[0]!.results[1]!.speedup).toBe(4);
  });
});

describe('bench data', () => {
  it('parses a numeric CSV, skipping a header', () => {
    expect(parseNumericCsv('a,b\n1,2\n\n3,4.5\n')).toEqual([
      [1, 2],
      [3, 4.5],
    ]);
    expect(() => parseNumericCsv('1,2\n3\n')).toThrow(/line 2/);
  });
  it('makes the same synthetic data every time, with one-hot labels', () => {
    const a = syntheticClassification({ rows: 50, featureCount: 6, classes: 3 });
    const b = syntheticClassification({ rows: 50, featureCount: 6, classes: 3 });
    expect(a.features).toEqual(b.features);
    for (let r = 0; r < 50; r++) {
      const row = Array.from(a.labels.subarray(r * 3, r * 3 + 3));
      expect(row.filter((v) => v === 1)).toHaveLength(1);
      expect(row.filter((v) => v === 0)).toHaveLength(2);
    }
  });
});
