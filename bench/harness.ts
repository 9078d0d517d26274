// The generic part of the benchmark: what a workload and a contender are, running the contenders
// alternately (A B C A B C ...) so that drift in the machine (thermal, other load) hits all of them
// alike, the statistics, the printed tables and the JSON written for the record. It knows nothing of
// TF.js, PyTorch or nnc; bench/tfjs.ts, bench/torch.ts and bench/nnc.ts supply the contenders,
// bench/run.ts the workloads.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The unit a workload's figure is reported in. Times: lower is better; rates: higher is better. */
export type Unit = 'seconds' | 'ms' | 'samples/s' | 'predictions/s';

export function isRate(unit: Unit): boolean {
  return unit === 'samples/s' || unit === 'predictions/s';
}

/** A dense layer as Keras writes it. Kernels are [inputs, units] row-major, as Keras stores them. */
export interface DenseSpec {
  units: number;
  activation: 'relu' | 'sigmoid' | 'softmax' | 'linear';
}

export interface ModelSpec {
  inputDim: number;
  layers: DenseSpec[];
  loss: 'binary_crossentropy' | 'categorical_crossentropy';
  optimizer: { name: 'adam'; learningRate: number };
}

/** Rows of features and labels, row-major f32. Labels are one-hot for categorical data. */
export interface Dataset {
  name: string;
  rows: number;
  featureCount: number;
  features: Float32Array;
  labelWidth: number;
  labels: Float32Array;
}

/** Fixed weights in Keras order (kernel, bias per layer), so every contender predicts the same numbers. */
export interface LayerWeights {
  kernel: Float32Array;
  bias: Float32Array;
}

/**
 * How much of a workload one contender runs. A contender that would take minutes runs a sample;
 * the harness says so in the note. `batches` limits a fit to its first N batches (one epoch of
 * N * batchSize rows); `epochs` runs fewer epochs; `rows` predicts fewer rows.
 */
export interface Sample {
  batches?: number;
  epochs?: number;
  rows?: number;
}

interface WorkloadBase {
  name: string;
  description: string;
  unit: Unit;
  /** Per contender name; contenders not named run the whole workload. */
  samples: Record<string, Sample>;
  /** Printed under the table (e.g. the host's reference figure for a sanity column). */
  facts?: string[];
}

/** Train a model; time of `fit` (unit seconds) or its throughput (unit samples/s). */
export interface FitWorkload extends WorkloadBase {
  kind: 'fit';
  unit: 'seconds' | 'samples/s';
  model: ModelSpec;
  data: Dataset;
  epochs: number;
  batchSize: number;
  shuffle: boolean;
  /** Seed for weight initialisation where a contender can take one. */
  seed: number;
}

/** Predict with fixed weights; predictions per second. */
export interface PredictWorkload extends WorkloadBase {
  kind: 'predict';
  unit: 'predictions/s';
  model: ModelSpec;
  weights: LayerWeights[];
  rows: number;
  features: Float32Array;
  batchSize: number;
  /** Predictions of all rows per timed run, so that one run lasts long enough to time steadily. */
  repeat: number;
}

/** Compile source files; milliseconds for all of them. */
export interface CompileWorkload extends WorkloadBase {
  kind: 'compile';
  unit: 'ms';
  sources: string[];
}

/**
 * Train a model given as .nn source for nnc and built by each peer in its own terms, for
 * `batches` batches; samples per second. `cnn`: Keras' "simple MNIST convnet" on images
 * (bench/cnn.ts); `lstm`: an Embedding and an LSTM on the order task's token sequences
 * (bench/lstm.ts).
 */
interface SourceWorkloadBase extends WorkloadBase {
  unit: 'samples/s';
  /** The model statement and its compile statement, as a .nn program holds them. */
  source: string;
  /** cnn: images [rows, 28 * 28] (channels last, one channel, 0-1), one-hot labels [rows, 10]; lstm: tokens [rows, steps], labels 0/1. */
  data: Dataset;
  /** One sample's shape: (28, 28, 1) images, (steps,) tokens. */
  sampleShape: number[];
  batchSize: number;
  batches: number;
  seed: number;
}

export interface CnnWorkload extends SourceWorkloadBase {
  kind: 'cnn';
}
export interface LstmWorkload extends SourceWorkloadBase {
  kind: 'lstm';
}
export type SourceWorkload = CnnWorkload | LstmWorkload;

export type Workload = FitWorkload | PredictWorkload | CompileWorkload | SourceWorkload;

/** What one timed run returns. `items` is what a rate counts (samples, predictions). */
export interface RunResult {
  seconds: number;
  items?: number;
  /** For a sampled `seconds` workload: the fraction of the whole workload that was run. */
  fraction?: number;
  loss?: number;
  accuracy?: number;
  /** For predictions: the mean prediction, a sanity figure that wrong numbers cannot hide behind. */
  meanPrediction?: number;
  note?: string;
  /**
   * CPU seconds of the run, from a contender that runs in another process (PyTorch): the harness
   * measures only its own process otherwise.
   */
  cpuSeconds?: number;
}

export interface Contender {
  name: string;
  /** The peers (TF.js, PyTorch): every ratio is taken against the best of them. */
  baseline?: boolean;
  /** true, or why not (printed). */
  available(): Promise<boolean | string>;
  /** true, or why not; absent means every workload. */
  supports?(w: Workload): boolean | string;
  /** Untimed setup (data upload, warm-up); called once per workload before its first run. */
  prepare?(w: Workload): Promise<void>;
  /** Untimed, right before each timed run (a GPU contender that measures at working clocks). */
  beforeRun?(w: Workload): Promise<void>;
  run(w: Workload): Promise<RunResult>;
  /** Facts worth printing once under the table (e.g. kernels per step). */
  facts?(w: Workload): Promise<string[]>;
  /** Called once per workload after its last run. */
  release?(w: Workload): Promise<void>;
  dispose?(): Promise<void>;
}

/** The sample a contender runs for a workload; empty means all of it. */
export function sampleFor(w: Workload, contender: string): Sample {
  return w.samples[contender] ?? {};
}

export interface Stats {
  median: number;
  min: number;
  max: number;
}

/** Median (mean of the middle two for an even count), min and max. */
export function summarize(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error('summarize: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** A run's figure in the workload's unit. A sampled `seconds` run is scaled to the whole workload. */
export function figure(unit: Unit, r: RunResult): number {
  switch (unit) {
    case 'seconds':
      return r.seconds / (r.fraction ?? 1);
    case 'ms':
      return r.seconds * 1000;
    case 'samples/s':
    case 'predictions/s':
      if (r.items === undefined) throw new Error(`a ${unit} run must report items`);
      return r.items / r.seconds;
  }
}

/** Speedup of `value` over `baseline` (both in `unit`): > 1 means faster than the baseline. */
export function speedup(unit: Unit, value: number, baseline: number): number {
  return isRate(unit) ? value / baseline : baseline / value;
}

/** The best of some medians: the highest rate or the lowest time. */
export function fastest(unit: Unit, medians: readonly number[]): number | undefined {
  if (medians.length === 0) return undefined;
  return isRate(unit) ? Math.max(...medians) : Math.min(...medians);
}

export interface ContenderResult {
  contender: string;
  baseline: boolean;
  /** Why it did not run, when it did not. */
  skipped?: string;
  error?: string;
  /** Figures in the workload's unit, one per run, in run order. */
  values: number[];
  runs: RunResult[];
  /**
   * CPU seconds this process used per run. For a single-threaded contender, much less than the run's
   * seconds means the machine was busy with something else and the figure is pessimistic.
   */
  cpuSeconds: number[];
  median?: number;
  min?: number;
  max?: number;
  /** Against the fastest baseline (by median); > 1 is faster. */
  speedup?: number;
  /** Median of cpuSeconds / seconds over the runs. */
  cpuPerWall?: number;
  loss?: number;
  accuracy?: number;
  meanPrediction?: number;
  note?: string;
}

export interface WorkloadResult {
  workload: string;
  description: string;
  unit: Unit;
  fastestBaseline?: string;
  /** The 1-minute load average before the workload ran: well above 0 on an idle machine means contention. */
  loadBefore?: number;
  results: ContenderResult[];
  facts: string[];
}

export interface BenchOptions {
  runs: number;
  /** Untimed runs per contender before the timed ones. */
  warmup?: number;
  /** Where the JSON goes; relative to the cwd. */
  out?: string;
  /** Printed in the JSON beside the results (machine, date, flags). */
  meta?: Record<string, unknown>;
  /** Workloads measured outside runBenchmarks (bench/startup.ts), printed already: first in the JSON. */
  leading?: WorkloadResult[];
  log?: (line: string) => void;
}

export interface BenchReport {
  meta: Record<string, unknown>;
  runs: number;
  workloads: WorkloadResult[];
}

/**
 * Runs every workload with every contender that is available and supports it, `runs` times each,
 * alternating contenders run by run; prints one table per workload and writes the JSON report.
 * A workload may be given as a function that builds it, called when its turn comes.
 */
export async function runBenchmarks(
  workloads: ReadonlyArray<Workload | (() => Workload)>,
  contenders: readonly Contender[],
  options: BenchOptions,
): Promise<BenchReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const availability = new Map<Contender, true | string>();
  // (no workloads, e.g. only the start-up one: no contender is started, a GPU's neither)
  for (const c of workloads.length > 0 ? contenders : []) {
    let a: boolean | string;
    try {
      a = await c.available();
    } catch (e) {
      a = errorText(e);
    }
    availability.set(c, a === true ? true : a === false ? 'not available' : a);
  }

  const report: BenchReport = { meta: options.meta ?? {}, runs: options.runs, workloads: [...(options.leading ?? [])] };
  for (const entry of workloads) {
    // A thunk is built only now and dropped after its runs, so one workload's data (mlp: 188 MB)
    // neither delays nor weighs on the others.
    const w = typeof entry === 'function' ? entry() : entry;
    const loadBefore = loadavg()[0]!;
    log('');
    log(`== ${w.name}: ${w.description}`);
    log(`  (load average ${loadBefore.toFixed(2)} before the first run)`);
    const result = await runWorkload(w, contenders, availability, options, log);
    result.loadBefore = loadBefore;
    report.workloads.push(result);
    for (const line of formatTable(result)) log(line);
  }
  for (const c of contenders) {
    if (availability.get(c) === true) await c.dispose?.();
  }
  if (options.out !== undefined) {
    const path = resolve(options.out);
    writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
    log('');
    log(`results written to ${path}`);
  }
  return report;
}

async function runWorkload(
  w: Workload,
  contenders: readonly Contender[],
  availability: Map<Contender, true | string>,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<WorkloadResult> {
  const results = new Map<Contender, ContenderResult>();
  const active: Contender[] = [];
  for (const c of contenders) {
    const r: ContenderResult = { contender: c.name, baseline: c.baseline === true, values: [], runs: [], cpuSeconds: [] };
    results.set(c, r);
    const available = availability.get(c)!;
    const supported = c.supports?.(w) ?? true;
    if (available !== true) r.skipped = available;
    else if (supported !== true) r.skipped = supported === false ? 'does not run this workload' : supported;
    else active.push(c);
  }

  const failed = new Set<Contender>();
  const fail = (c: Contender, e: unknown) => {
    failed.add(c);
    results.get(c)!.error = errorText(e);
    log(`  ${c.name} failed: ${errorText(e)}`);
  };
  for (const c of active) {
    try {
      await c.prepare?.(w);
      for (let i = 0; i < (options.warmup ?? 0); i++) await c.run(w);
    } catch (e) {
      fail(c, e);
    }
  }
  for (let run = 0; run < options.runs; run++) {
    for (const c of active) {
      if (failed.has(c)) continue;
      try {
        await c.beforeRun?.(w);
        collectGarbage();
        const cpuBefore = process.cpuUsage();
        const r = await c.run(w);
        const own = process.cpuUsage(cpuBefore);
        const cpu = r.cpuSeconds === undefined ? own : { user: r.cpuSeconds * 1e6, system: 0 };
        const value = figure(w.unit, r);
        const cr = results.get(c)!;
        cr.runs.push(r);
        cr.values.push(value);
        cr.cpuSeconds.push((cpu.user + cpu.system) / 1e6);
        log(`  run ${run + 1}/${options.runs} ${c.name}: ${formatValue(w.unit, value)} ${w.unit}`);
      } catch (e) {
        fail(c, e);
      }
    }
  }
  const facts: string[] = [...(w.facts ?? [])];
  for (const c of active) {
    try {
      if (!failed.has(c) && c.facts) facts.push(...(await c.facts(w)).map((f) => `${c.name}: ${f}`));
      await c.release?.(w);
    } catch (e) {
      facts.push(`${c.name}: ${errorText(e)}`);
    }
  }
  return finishWorkload(w, [...results.values()], facts);
}

/** Statistics, final loss/accuracy (of the last run) and speedups against the fastest baseline. */
export function finishWorkload(
  w: Pick<Workload, 'name' | 'description' | 'unit'>,
  results: ContenderResult[],
  facts: string[] = [],
): WorkloadResult {
  for (const r of results) {
    if (r.values.length === 0) continue;
    Object.assign(r, summarize(r.values));
    if (r.cpuSeconds.length === r.runs.length) {
      r.cpuPerWall = summarize(r.runs.map((run, i) => r.cpuSeconds[i]! / run.seconds)).median;
    }
    const last = r.runs[r.runs.length - 1];
    if (last) {
      if (last.loss !== undefined) r.loss = last.loss;
      if (last.accuracy !== undefined) r.accuracy = last.accuracy;
      if (last.meanPrediction !== undefined) r.meanPrediction = last.meanPrediction;
      if (last.note !== undefined) r.note = last.note;
    }
  }
  const baselines = results.filter((r) => r.baseline && r.median !== undefined);
  const best = fastest(w.unit, baselines.map((r) => r.median!));
  const bestName = baselines.find((r) => r.median === best)?.contender;
  if (best !== undefined) {
    for (const r of results) if (r.median !== undefined) r.speedup = speedup(w.unit, r.median, best);
  }
  const out: WorkloadResult = { workload: w.name, description: w.description, unit: w.unit, results, facts };
  if (bestName !== undefined) out.fastestBaseline = bestName;
  return out;
}

/** The printed table: one row per contender, columns only where some contender has a figure. */
export function formatTable(r: WorkloadResult): string[] {
  const u = r.unit;
  const vs = r.fastestBaseline ? `vs ${r.fastestBaseline}` : 'vs best peer';
  const header = ['contender', `median ${u}`, 'min', 'max', vs, 'cpu/wall'];
  const has = (k: 'loss' | 'accuracy' | 'meanPrediction') => r.results.some((x) => x[k] !== undefined);
  const optional: Array<['loss' | 'accuracy' | 'meanPrediction', string, (v: number) => string]> = [
    ['loss', 'final loss', (v) => v.toFixed(4)],
    ['accuracy', 'accuracy', (v) => v.toFixed(4)],
    ['meanPrediction', 'mean prediction', (v) => v.toFixed(6)],
  ];
  const shown = optional.filter(([k]) => has(k));
  header.push(...shown.map(([, title]) => title), 'note');
  const rows: string[][] = [header];
  for (const c of r.results) {
    if (c.median === undefined) {
      rows.push([c.contender, c.error ? `failed: ${c.error}` : `skipped: ${c.skipped ?? 'no runs'}`]);
      continue;
    }
    rows.push([
      c.contender,
      formatValue(u, c.median),
      formatValue(u, c.min!),
      formatValue(u, c.max!),
      c.speedup === undefined ? '-' : `${c.speedup.toFixed(2)}x`,
      c.cpuPerWall === undefined ? '-' : c.cpuPerWall.toFixed(2),
      ...shown.map(([k, , f]) => (c[k] === undefined ? '-' : f(c[k]!))),
      c.note ?? '',
    ]);
  }
  return [...alignColumns(rows, header.length), ...r.facts.map((f) => `  * ${f}`)];
}

/** Pads columns to a common width; rows shorter than the header (skips, failures) run on freely. */
function alignColumns(rows: string[][], columns: number): string[] {
  const widths = new Array<number>(columns).fill(0);
  for (const row of rows) {
    if (row.length < columns) continue;
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i]!, cell.length)));
  }
  return rows.map((row) => {
    if (row.length < columns) return '  ' + row.join('  ');
    const numeric = (i: number) => i >= 1 && i <= 5;
    return (
      '  ' +
      row
        .map((cell, i) => (i === row.length - 1 ? cell : numeric(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd()
    );
  });
}

/** Three significant figures or so, with thousands separators for rates. */
export function formatValue(unit: Unit, v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (isRate(unit)) return Math.round(v).toLocaleString('en-US');
  if (unit === 'ms') return v < 10 ? v.toFixed(2) : v.toFixed(1);
  return v < 10 ? v.toFixed(3) : v.toFixed(2);
}

let gc: (() => void) | undefined | null = null;

/**
 * A full collection before each timed run, so that one contender's garbage (TF.js allocates a new
 * array per kernel) is not collected on another's clock. Node hides gc() unless started with
 * --expose-gc; setting the flag at run time and taking gc from a fresh context is the usual way.
 */
export function collectGarbage(): void {
  if (gc === null) {
    gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) {
      try {
        setFlagsFromString('--expose-gc');
        gc = runInNewContext('gc') as () => void;
      } catch {
        gc = undefined;
      }
    }
  }
  gc?.();
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The note for a fit a contender ran only a sample of. */
export function fitSampleNote(w: FitWorkload, rows: number, epochs: number): string {
  const batches = Math.ceil(rows / w.batchSize);
  const allBatches = Math.ceil(w.data.rows / w.batchSize);
  const parts: string[] = [];
  if (rows < w.data.rows) parts.push(`${batches} of ${allBatches} batches per epoch`);
  if (epochs < w.epochs) parts.push(`${epochs} of ${w.epochs} epochs`);
  const scaled = w.unit === 'seconds' ? ', time scaled to the whole fit' : '';
  return `sample: ${parts.join(', ')}${scaled}`;
}
