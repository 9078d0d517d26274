// How cost grows: the time of one training epoch against the number of rows (1k to 10M) and
// against the width of the hidden layers (64 to 4096), for nnc (CPU interpreter; WebGPU on whatever
// adapter there is) and its peers (PyTorch CPU, TF.js wasm), as SVG charts for docs/benchmarks.md.
//   node dist/bench/curves.js [--sweep rows,width] [--runs N] [--out DIR] [--contenders a,b] [--replot]
// Each point is a FitWorkload run through the harness (contenders alternating). A contender whose
// epoch would take more than BUDGET_SECONDS runs the first batches of the epoch only and its time is
// scaled to the whole epoch (the harness's samples; marked in the table's note and, in the chart,
// as a hollow point).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBenchmarks, type BenchReport, type Contender, type FitWorkload, type ModelSpec, type Sample, type WorkloadResult } from './harness.js';
import { BENCH_SEED, findRepoRoot, syntheticClassification } from './data.js';
import { nncContenders } from './nnc.js';
import { logLogChart, type Series } from './plot.js';
import { tfjsContenders } from './tfjs.js';
import { torchCpuContenders } from './torch.js';

/**
 * What one contender may spend on one point before it is sampled: nnc and PyTorch, whose curves
 * are the point, run whole epochs up to about this long; the slower contenders a few seconds.
 */
const BUDGET_SECONDS: Record<string, number> = { 'nnc-cpu': 30, 'torch-cpu': 30 };
const OTHERS_BUDGET_SECONDS = 4;

/**
 * Rough speeds on the 2-core development machine, used only to size samples (never reported):
 * floating-point operations per second in the matrix products, and seconds per step besides.
 */
const SPEED: Record<string, { flops: number; step: number }> = {
  'nnc-cpu': { flops: 20e9, step: 10e-6 },
  'torch-cpu': { flops: 30e9, step: 150e-6 },
  'tfjs-wasm': { flops: 5e9, step: 1e-3 },
  'tfjs-cpu': { flops: 0.3e9, step: 3e-3 },
  'nnc-webgpu': { flops: 0.5e9, step: 2e-3 },
};

function trainFlopsPerRow(m: ModelSpec): number {
  let n = 0;
  let inputs = m.inputDim;
  for (const l of m.layers) {
    n += 2 * inputs * l.units;
    inputs = l.units;
  }
  return 3 * n;
}

/** The samples that keep every contender's point within the budget. */
function samplesFor(model: ModelSpec, rows: number, batch: number, contenders: Contender[]): Record<string, Sample> {
  const out: Record<string, Sample> = {};
  const perBatch = trainFlopsPerRow(model) * batch;
  for (const c of contenders) {
    const speed = SPEED[c.name] ?? SPEED['tfjs-cpu']!;
    const stepSeconds = speed.step + perBatch / speed.flops;
    const batches = Math.ceil(rows / batch);
    const budget = BUDGET_SECONDS[c.name] ?? OTHERS_BUDGET_SECONDS;
    if (batches * stepSeconds > budget) out[c.name] = { batches: Math.max(2, Math.floor(budget / stepSeconds)) };
  }
  return out;
}

function fitPoint(name: string, description: string, model: ModelSpec, rows: number, batch: number, contenders: Contender[]): () => FitWorkload {
  return () => {
    const classes = model.layers.at(-1)!.units;
    return {
      kind: 'fit',
      name,
      description,
      unit: 'seconds',
      samples: samplesFor(model, rows, batch, contenders),
      model,
      data: syntheticClassification({ rows, featureCount: model.inputDim, classes }),
      epochs: 1,
      batchSize: batch,
      shuffle: true,
      seed: BENCH_SEED,
    };
  };
}

const ROWS = [1_000, 10_000, 100_000, 1_000_000, 10_000_000];
const WIDTHS = [64, 128, 256, 512, 1024, 2048, 4096];

function rowsModel(): ModelSpec {
  return { inputDim: 28, layers: [{ units: 128, activation: 'relu' }, { units: 2, activation: 'softmax' }], loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.001 } };
}

function widthModel(w: number): ModelSpec {
  return { inputDim: 784, layers: [{ units: w, activation: 'relu' }, { units: w, activation: 'relu' }, { units: 10, activation: 'softmax' }], loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.001 } };
}

/** One series per contender: x from the workload's name, y its median seconds per epoch; the software GPU dashed. */
function seriesOf(results: WorkloadResult[], x: (workload: string) => number): Series[] {
  const byContender = new Map<string, Series>();
  for (const w of results) {
    for (const r of w.results) {
      if (r.median === undefined) continue;
      let s = byContender.get(r.contender);
      if (!s) byContender.set(r.contender, (s = { name: r.contender, points: [], dashed: r.contender === 'nnc-webgpu' }));
      s.points.push({ x: x(w.workload), y: r.median, sampled: r.note?.startsWith('sample') === true });
    }
  }
  return [...byContender.values()].map((s) => (s.dashed ? { ...s, name: `${s.name} (llvmpipe)` } : s));
}

const NOTE = "one thread each; hollow: the epoch's first batches timed, scaled to the epoch; dashed: Mesa's software GPU";

/** The two charts, from the sweeps' results. */
function rowsChart(results: WorkloadResult[], machine: string): string {
  return logLogChart({
    title: 'Fit time per epoch against rows (MLP 28-128-2, batch 256)',
    xLabel: 'rows in the epoch',
    yLabel: 'seconds per epoch',
    series: seriesOf(results, (w) => Number(w.slice('rows-'.length))),
    note: `${machine}; ${NOTE}`,
  });
}

function widthChart(results: WorkloadResult[], machine: string): string {
  return logLogChart({
    title: 'Fit time per epoch against layer width (784-w-w-10, 10,000 rows, batch 128)',
    xLabel: 'width w of both hidden layers',
    yLabel: 'seconds per epoch',
    series: seriesOf(results, (w) => Number(w.slice('width-'.length))),
    xTick: (x) => String(x),
    xTicks: WIDTHS,
    note: `${machine}; ${NOTE}`,
  });
}

const SWEEPS = {
  rows: {
    workloads: (contenders: Contender[]) => ROWS.map((rows) => fitPoint(`rows-${rows}`, `one epoch of 28-128-2 (relu, softmax), batch 256, ${rows.toLocaleString('en-US')} rows`, rowsModel(), rows, 256, contenders)),
    chart: rowsChart,
  },
  width: {
    workloads: (contenders: Contender[]) => WIDTHS.map((w) => fitPoint(`width-${w}`, `one epoch of 784-${w}-${w}-10 (relu, relu, softmax), batch 128, 10,000 rows`, widthModel(w), 10_000, 128, contenders)),
    chart: widthChart,
  },
} as const;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sweep: { type: 'string' }, runs: { type: 'string' }, out: { type: 'string' }, contenders: { type: 'string' }, replot: { type: 'boolean', default: false } } });
  const sweeps = (values.sweep ?? 'rows,width').split(',') as Array<keyof typeof SWEEPS>;
  const runs = Number(values.runs ?? 1);
  const outDir = values.out ?? join(findRepoRoot(), 'docs', 'img');
  mkdirSync(outDir, { recursive: true });
  const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`;
  if (values.replot) {
    // the charts again from the JSON of the last measurement (e.g. after a change to the drawing)
    for (const sweep of sweeps) {
      const report = JSON.parse(readFileSync(join(outDir, `curve-${sweep}.json`), 'utf8')) as BenchReport;
      writeFileSync(join(outDir, `curve-${sweep}.svg`), SWEEPS[sweep].chart(report.workloads, String(report.meta.machine ?? machine)));
    }
    console.log(`charts redrawn in ${outDir}`);
    return;
  }
  const wanted = values.contenders?.split(',') ?? ['nnc-cpu', 'nnc-webgpu', 'torch-cpu', 'tfjs-wasm'];
  const all = [...nncContenders({ cpuThreads: [1] }), ...torchCpuContenders(1), ...tfjsContenders()];
  const contenders = wanted.map((n) => {
    const c = all.find((x) => x.name === n);
    if (!c) throw new Error(`unknown contender ${n}; known: ${all.map((x) => x.name).join(', ')}`);
    return c;
  });
  console.log(`nnc cost curves ${new Date().toISOString()}, ${machine}, node ${process.version}; ${runs} run(s) per point`);
  for (const sweep of sweeps) {
    const meta = { machine, date: new Date().toISOString(), node: process.version, runs };
    const r = await runBenchmarks(SWEEPS[sweep].workloads(contenders), contenders, { runs, out: join(outDir, `curve-${sweep}.json`), meta });
    writeFileSync(join(outDir, `curve-${sweep}.svg`), SWEEPS[sweep].chart(r.workloads, machine));
  }
  console.log(`charts and JSON written to ${outDir}`);
}

await main();
