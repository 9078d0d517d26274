// How cost grows: the time of one training epoch against the number of rows (1k to 10M) and
// against the width of the hidden layers (64 to 4096), for nnc (CPU interpreter; WebGPU on whatever
// adapter there is) and its peers (PyTorch CPU, TF.js wasm), as SVG charts for docs/benchmarks.md.
//   node dist/bench/curves.js [--sweep rows,width] [--runs N] [--out DIR] [--contenders a,b]
// Each point is a FitWorkload run through the harness (contenders alternating). A contender whose
// epoch would take more than BUDGET_SECONDS runs the first batches of the epoch only and its time is
// scaled to the whole epoch (the harness's samples; marked in the table's note and, in the chart,
// with a dashed line and "sampled" in the legend).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBenchmarks, type Contender, type FitWorkload, type ModelSpec, type Sample, type WorkloadResult } from './harness.js';
import { BENCH_SEED, findRepoRoot, syntheticClassification } from './data.js';
import { nncContenders } from './nnc.js';
import { logLogChart, si, type Series } from './plot.js';
import { tfjsContenders } from './tfjs.js';
import { torchCpuContenders } from './torch.js';

/** What one contender may spend on one point before it is sampled. */
const BUDGET_SECONDS = 3;

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
    if (batches * stepSeconds > BUDGET_SECONDS) out[c.name] = { batches: Math.max(2, Math.floor(BUDGET_SECONDS / stepSeconds)) };
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

/** One series per contender: x from the workload's name, y its median seconds per epoch. */
function seriesOf(results: WorkloadResult[], x: (workload: string) => number): Series[] {
  const byContender = new Map<string, Series>();
  for (const w of results) {
    for (const r of w.results) {
      if (r.median === undefined) continue;
      let s = byContender.get(r.contender);
      if (!s) byContender.set(r.contender, (s = { name: r.contender, points: [] }));
      s.points.push([x(w.workload), r.median]);
      if (r.note?.startsWith('sample')) s.dashed = true;
    }
  }
  return [...byContender.values()].map((s) => ({ ...s, name: s.dashed ? `${s.name} (sampled)` : s.name }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sweep: { type: 'string' }, runs: { type: 'string' }, out: { type: 'string' }, contenders: { type: 'string' } } });
  const sweeps = (values.sweep ?? 'rows,width').split(',');
  const runs = Number(values.runs ?? 1);
  const outDir = values.out ?? join(findRepoRoot(), 'docs', 'img');
  const wanted = values.contenders?.split(',') ?? ['nnc-cpu', 'nnc-webgpu', 'torch-cpu', 'tfjs-wasm'];
  const all = [...nncContenders(), ...torchCpuContenders(1), ...tfjsContenders()];
  const contenders = wanted.map((n) => {
    const c = all.find((x) => x.name === n);
    if (!c) throw new Error(`unknown contender ${n}; known: ${all.map((x) => x.name).join(', ')}`);
    return c;
  });
  mkdirSync(outDir, { recursive: true });
  const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`;
  console.log(`nnc cost curves ${new Date().toISOString()}, ${machine}, node ${process.version}; ${runs} run(s) per point`);
  const report: Record<string, WorkloadResult[]> = {};

  if (sweeps.includes('rows')) {
    const model = rowsModel();
    const workloads = ROWS.map((rows) => fitPoint(`rows-${rows}`, `one epoch of 28-128-2 (relu, softmax), batch 256, ${rows.toLocaleString('en-US')} rows`, model, rows, 256, contenders));
    const r = await runBenchmarks(workloads, contenders, { runs, out: join(outDir, 'curve-rows.json') });
    report.rows = r.workloads;
    writeFileSync(
      join(outDir, 'curve-rows.svg'),
      logLogChart({
        title: 'Fit time per epoch against rows (MLP 28-128-2, batch 256)',
        xLabel: 'rows in the epoch',
        yLabel: 'seconds per epoch',
        series: seriesOf(r.workloads, (w) => Number(w.slice('rows-'.length))),
        note: `${machine}; one thread each; dashed: first batches timed, scaled to the epoch`,
      }),
    );
  }
  if (sweeps.includes('width')) {
    const rows = 10_000;
    const workloads = WIDTHS.map((w) => fitPoint(`width-${w}`, `one epoch of 784-${w}-${w}-10 (relu, relu, softmax), batch 128, ${rows.toLocaleString('en-US')} rows`, widthModel(w), rows, 128, contenders));
    const r = await runBenchmarks(workloads, contenders, { runs, out: join(outDir, 'curve-width.json') });
    report.width = r.workloads;
    writeFileSync(
      join(outDir, 'curve-width.svg'),
      logLogChart({
        title: 'Fit time per epoch against layer width (784-w-w-10, 10,000 rows, batch 128)',
        xLabel: 'width w of both hidden layers',
        yLabel: 'seconds per epoch',
        series: seriesOf(r.workloads, (w) => Number(w.slice('width-'.length))),
        xTick: (x) => si(x),
        note: `${machine}; one thread each; dashed: first batches timed, scaled to the epoch`,
      }),
    );
  }
  console.log(`charts and JSON written to ${outDir}`);
}

await main();
