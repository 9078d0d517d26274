// `npm run bench`: nnc against its peers (PyTorch, TF.js) on the workloads of bench/README.md. Flags:
//   --workloads startup,pima,mlp,...     which workloads (default all, in that order; compile-depth too)
//   --contenders tfjs-cpu,torch-cpu,...  which contenders (default all available)
//   --nnc-threads 2[,1]                  the CPU interpreter's threads: the first is nnc-cpu's (default:
//                                        the machine's cores), each other one a contender nnc-cpu-Nt
//   --torch-threads 1[,2]                PyTorch's CPU threads: the first is torch-cpu (default: nnc-cpu's
//                                        count), each other one a contender torch-cpu-Nt
//   --runs N                             timed runs per contender (default 3), alternating contenders
//   --warmup N                           untimed full runs per contender before the timed ones (default 0;
//                                        every contender already does one untimed step in prepare)
//   --sample W.C.K=N                     run only a sample of workload W for contender C: K is batches,
//                                        epochs or rows (0 = all); repeatable or comma-separated
//   --quick                              smaller workloads, a smoke test of the whole path (< 1 minute)
//   --datasets DIR                       where pima-indians-diabetes.csv is (default ../shared/datasets)
//   --out FILE                           the JSON report (default bench-results.json in the cwd)
import { cpus, platform, release } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { multiplyAdd } from '../runtime/cpu/wasm/relaxed.js';
import {
  runBenchmarks,
  type CompileWorkload,
  type Contender,
  type Dataset,
  type FitWorkload,
  type PredictWorkload,
  type Sample,
  type Workload,
} from './harness.js';
import {
  BENCH_SEED,
  defaultDatasetsDir,
  exampleSources,
  deepSources,
  COMPILE_DEPTHS,
  fixedWeights,
  inferRows,
  loadPima,
  mlpModel,
  pimaModel,
  referencePredict,
  syntheticClassification,
} from './data.js';
import { nncContenders } from './nnc.js';
import { defaultThreads } from '../runtime/cpu/threads.js';
import { runStartup } from './startup.js';
import { tfjsContenders } from './tfjs.js';
import { torchCpuContenders } from './torch.js';
import { cnnWorkload } from './cnn.js';
import { lstmWorkload } from './lstm.js';

const ALL_WORKLOADS = ['startup', 'pima', 'mlp', 'mlp-1024', 'infer', 'cnn', 'lstm', 'compile', 'compile-depth'] as const;
type HarnessWorkload = Exclude<WorkloadName, 'startup'>;

type WorkloadName = (typeof ALL_WORKLOADS)[number];

/** Samples for contenders that would otherwise run for minutes (TF.js cpu trains mlp at ~450 samples/s). */
const DEFAULT_SAMPLES: Record<WorkloadName, Record<string, Sample>> = {
  startup: {},
  pima: {},
  mlp: { 'tfjs-cpu': { batches: 20 } },
  'mlp-1024': { 'tfjs-cpu': { batches: 3 } },
  infer: {},
  // TF.js's cpu backend trains the convnet at about 2.5 samples/s here: one batch of the 40
  cnn: { 'tfjs-cpu': { batches: 1 } },
  // TF.js's cpu backend runs an LSTM step as a few kernels per time step: 4 of the 32 batches
  lstm: { 'tfjs-cpu': { batches: 4 } },
  compile: {},
  'compile-depth': {},
};

interface Sizes {
  pimaEpochs: number;
  mlpRows: number;
  inferRows: number;
  /** Predictions of all infer rows per timed run (one pass takes only ~0.1-0.3 s with TF.js). */
  inferRepeat: number;
  /** Batches of 128 images the cnn workload trains on per run. */
  cnnBatches: number;
  /** Batches of 64 sequences the lstm workload trains on per run. */
  lstmBatches: number;
}

/** Process times are short and noisy: at least this many runs of each command. */
const STARTUP_MIN_RUNS = 7;

const FULL: Sizes = { pimaEpochs: 100, mlpRows: 60_000, inferRows: 100_000, inferRepeat: 5, cnnBatches: 40, lstmBatches: 32 };
const QUICK: Sizes = { pimaEpochs: 2, mlpRows: 1_280, inferRows: 10_000, inferRepeat: 1, cnnBatches: 2, lstmBatches: 2 };

function usage(): never {
  console.error(
    'usage: node dist/bench/run.js [--workloads pima,mlp,infer,compile] [--contenders a,b] [--runs N] ' +
      '[--warmup N] [--sample W.C.K=N ...] [--nnc-threads 2,1] [--torch-threads 1,2] [--quick] [--datasets DIR] [--out FILE]',
  );
  process.exit(2);
}

function list(value: string | string[] | undefined): string[] {
  const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function positiveInt(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be an integer >= ${min}, got "${value}"`);
    process.exit(2);
  }
  return n;
}

/** `W.C.K=N` -> samples[W][C][K] = N (N = 0 removes the sample: the whole workload). */
function applySampleFlags(flags: string[], samples: Record<WorkloadName, Record<string, Sample>>): void {
  for (const flag of flags) {
    const m = /^([a-z][\w-]*)\.([\w-]+)\.(batches|epochs|rows)=(\d+)$/.exec(flag);
    if (!m || !(ALL_WORKLOADS as readonly string[]).includes(m[1]!)) {
      console.error(`--sample "${flag}": expected WORKLOAD.CONTENDER.(batches|epochs|rows)=N, e.g. mlp.tfjs-cpu.batches=20`);
      process.exit(2);
    }
    const [, w, c, k, n] = m as unknown as [string, WorkloadName, string, keyof Sample, string];
    const sample = { ...(samples[w][c] ?? {}) };
    if (Number(n) === 0) delete sample[k];
    else sample[k] = Number(n);
    samples[w][c] = sample;
  }
}

/** The workloads, each as a function that builds it when its turn comes (mlp's data is 188 MB). */
function buildWorkloads(
  names: HarnessWorkload[],
  sizes: Sizes,
  samples: Record<WorkloadName, Record<string, Sample>>,
  datasets: string,
  quick: boolean,
): Array<() => Workload> {
  const needPima = names.includes('pima') || names.includes('infer');
  const pima = needPima ? loadPima(datasets) : undefined;
  const tag = quick ? ' [quick]' : '';
  return names.map((name) => () => buildWorkload(name, sizes, samples, pima, tag));
}

function buildWorkload(
  name: HarnessWorkload,
  sizes: Sizes,
  samples: Record<WorkloadName, Record<string, Sample>>,
  pima: Dataset | undefined,
  tag: string,
): Workload {
  switch (name) {
    case 'pima':
      return {
        kind: 'fit',
        name,
        description: `fit Dense(12 relu)-Dense(1 sigmoid), Adam 0.001, binary cross-entropy, ${pima!.rows}x8, ${sizes.pimaEpochs} epochs, batch 10, shuffled; time of fit${tag}`,
        unit: 'seconds',
        samples: samples.pima,
        model: pimaModel,
        data: pima!,
        epochs: sizes.pimaEpochs,
        batchSize: 10,
        shuffle: true,
        seed: BENCH_SEED,
      } satisfies FitWorkload;
    case 'mlp':
    case 'mlp-1024': {
      const data = syntheticClassification({ rows: sizes.mlpRows, featureCount: 784, classes: 10 });
      const batch = name === 'mlp' ? 128 : 1024;
      return {
        kind: 'fit',
        name,
        description: `fit Dense(256 relu)-Dense(128 relu)-Dense(10 softmax), Adam 0.001, categorical cross-entropy, synthetic ${data.rows.toLocaleString('en-US')}x784 (seed ${BENCH_SEED}), 1 epoch, batch ${batch}, shuffled${tag}`,
        unit: 'samples/s',
        samples: samples[name],
        model: mlpModel,
        data,
        epochs: 1,
        batchSize: batch,
        shuffle: true,
        seed: BENCH_SEED,
      } satisfies FitWorkload;
    }
    case 'infer': {
      const rows = sizes.inferRows;
      const features = inferRows(pima!, rows);
      const weights = fixedWeights(pimaModel, pima!);
      let sum = 0;
      for (const v of referencePredict(pimaModel, weights, features, rows)) sum += v;
      return {
        kind: 'predict',
        name,
        description: `predict with the Pima model (fixed weights) ${rows.toLocaleString('en-US')} Pima-like rows, batch 1024, ${sizes.inferRepeat}x per run; predictions per second${tag}`,
        unit: 'predictions/s',
        samples: samples.infer,
        model: pimaModel,
        weights,
        rows,
        features,
        batchSize: 1024,
        repeat: sizes.inferRepeat,
        facts: [`reference mean prediction (f64 on the host, all ${rows.toLocaleString('en-US')} rows): ${(sum / rows).toFixed(6)}`],
      } satisfies PredictWorkload;
    }
    case 'cnn':
      return cnnWorkload(sizes.cnnBatches, samples.cnn, BENCH_SEED, tag);
    case 'lstm':
      return lstmWorkload(sizes.lstmBatches, samples.lstm, BENCH_SEED, tag);
    case 'compile-depth': {
      const sources = deepSources();
      return {
        kind: 'compile',
        name,
        description: `compile MLPs ${COMPILE_DEPTHS.join(', ')} layers deep from source to WGSL (each alone in the note); total milliseconds`,
        unit: 'ms',
        samples: samples['compile-depth'],
        sources,
      } satisfies CompileWorkload;
    }
    case 'compile': {
      const sources = exampleSources();
      return {
        kind: 'compile',
        name,
        description: `compile every example (${sources.length} .nn files under examples/) from source to WGSL; total milliseconds`,
        unit: 'ms',
        samples: samples.compile,
        sources,
      } satisfies CompileWorkload;
    }
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        workloads: { type: 'string' },
        contenders: { type: 'string' },
        runs: { type: 'string' },
        warmup: { type: 'string' },
        sample: { type: 'string', multiple: true },
        'nnc-threads': { type: 'string' },
        'torch-threads': { type: 'string' },
        quick: { type: 'boolean', default: false },
        datasets: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    usage();
  }
  const v = parsed.values;
  if (v.help) usage();

  const names = (v.workloads ? list(v.workloads) : [...ALL_WORKLOADS]) as WorkloadName[];
  const unknownWorkload = names.find((n) => !(ALL_WORKLOADS as readonly string[]).includes(n));
  if (unknownWorkload) {
    console.error(`unknown workload "${unknownWorkload}"; known: ${ALL_WORKLOADS.join(', ')}`);
    process.exit(2);
  }
  const quick = v.quick === true;
  const samples = structuredClone(DEFAULT_SAMPLES);
  if (quick) for (const w of ALL_WORKLOADS) samples[w] = {};
  applySampleFlags(list(v.sample), samples);
  const runs = positiveInt('runs', v.runs, 3);
  const warmup = positiveInt('warmup', v.warmup, 0, 0);

  // nnc-cpu on the machine's cores unless told; PyTorch on as many unless told
  const nncThreads = list(v['nnc-threads']).map((t) => positiveInt('nnc-threads', t, defaultThreads()));
  const [nncMain = defaultThreads()] = nncThreads;
  const torchThreads = list(v['torch-threads']).map((t) => positiveInt('torch-threads', t, nncMain));
  const [torchMain = nncMain, ...torchExtra] = torchThreads;
  const all: Contender[] = [...tfjsContenders(), ...torchCpuContenders(torchMain, torchExtra), ...nncContenders({ cpuThreads: [nncMain, ...nncThreads.slice(1)] })];
  let contenders = all;
  if (v.contenders) {
    const wanted = list(v.contenders);
    const unknown = wanted.find((n) => !all.some((c) => c.name === n));
    if (unknown) {
      console.error(`unknown contender "${unknown}"; known: ${all.map((c) => c.name).join(', ')}`);
      process.exit(2);
    }
    contenders = wanted.map((n) => all.find((c) => c.name === n)!);
  }

  const cpu = cpus();
  const meta = {
    date: new Date().toISOString(),
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    node: process.version,
    // how nnc's CPU products multiply and add (runtime/cpu/wasm/relaxed.ts)
    multiplyAdd: multiplyAdd() ? `relaxed_madd (${multiplyAdd()})` : 'mul + add',
    os: `${platform()} ${release()}`,
    quick,
    runs,
    warmup,
    samples,
    contenders: contenders.map((c) => c.name),
  };
  console.log(`nnc bench  ${meta.date}`);
  console.log(`machine: ${meta.cpu}, ${meta.cores} cores, ${meta.os}, node ${meta.node}; nnc's CPU products: ${meta.multiplyAdd}`);
  console.log(`runs: ${runs} per contender, alternating${warmup ? `, ${warmup} warm-up` : ''}${quick ? ', quick (smoke test sizes)' : ''}`);
  console.log('ratio: speedup against the best peer present (PyTorch, TF.js; > 1 is faster than it); loss/accuracy from the last run');

  const datasets = v.datasets ?? defaultDatasetsDir();
  // Process times first, on a machine not yet warmed by the other workloads' contenders.
  const leading = names.includes('startup') ? [runStartup({ runs: Math.max(runs, STARTUP_MIN_RUNS), pimaCsv: join(datasets, 'pima-indians-diabetes.csv') })] : [];
  const rest = names.filter((n): n is HarnessWorkload => n !== 'startup');
  const workloads = buildWorkloads(rest, quick ? QUICK : FULL, samples, datasets, quick);
  await runBenchmarks(workloads, contenders, { runs, warmup, out: v.out ?? 'bench-results.json', meta, leading });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
