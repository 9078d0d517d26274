// Where a GPU training step's time goes: each kernel's device time (WebGpuExecutor.profile), and
// one fit's wall time, for the GPU workloads of bench/gpu.ts under each matmul tile choice. A tool
// for tuning the emitter on a real GPU, not a benchmark of record: bench/gpu.ts is that.
//   node dist/bench/profile.js [--datasets DIR] [--quick] [--repeat N] [--auto-only]
import { parseArgs } from 'node:util';
import type { Plan } from '../compiler/plan/ir.js';
import type { MatmulTile, Strategy } from '../compiler/wgsl/emit.js';
import { ModelSession } from '../runtime/session.js';
import { WebGpuExecutor, type KernelTime } from '../runtime/webgpu/executor.js';
import { acquireGpu, describeGpu, whyNoGpu, type GpuContext } from '../runtime/webgpu/gpu.js';
import { BENCH_SEED, defaultDatasetsDir, loadPima, mlpModel, pimaModel, syntheticClassification } from './data.js';
import type { Dataset, ModelSpec } from './harness.js';
import { compileSpec, tableFrom } from './nnc.js';

interface Variant {
  label: string;
  strategy?: Strategy;
  matmulTile?: MatmulTile;
}

interface Case {
  name: string;
  spec: ModelSpec;
  data: Dataset;
  batch: number;
  epochs: number;
  variants: Variant[];
}

interface Measured {
  variant: Variant;
  strategy: string;
  dispatchesPerStep: number;
  samplesPerSecond: number;
  fitSeconds: number;
  kernels: KernelTime[];
  steps: number;
  encodeMs: number;
  replayMs: number;
  timeline: string[];
}

async function measure(gpu: GpuContext, c: Case, plan: Plan, model: ReturnType<typeof compileSpec>['model'], variant: Variant, repeat: number): Promise<Measured> {
  const executor = await WebGpuExecutor.create(plan, gpu, c.batch, { ...(variant.strategy ? { strategy: variant.strategy } : {}), ...(variant.matmulTile ? { matmulTile: variant.matmulTile } : {}) });
  const session = new ModelSession(model, plan, executor);
  const table = tableFrom(c.data);
  const options = { epochs: 1, batchSize: c.batch, validationSplit: 0, validationData: null, shuffle: true, seed: BENCH_SEED };
  session.initialize(BENCH_SEED);
  await session.fit(tableFrom(c.data, c.batch), { ...options, shuffle: false }); // warm-up: first dispatches
  session.preload(table); // the upload is not timed (bench/gpu.ts does the same)
  session.initialize(BENCH_SEED);
  const t0 = performance.now();
  await session.fit(table, { ...options, epochs: c.epochs });
  const fitSeconds = (performance.now() - t0) / 1000;
  // The fit again (data already uploaded), traced: each executor call with its duration.
  const trace = traceCalls(executor);
  session.initialize(BENCH_SEED);
  const a0 = performance.now();
  await session.fit(table, { ...options, epochs: c.epochs });
  const again = `fit again: ${(performance.now() - a0).toFixed(1)} ms = ${trace.take()}`;
  session.initialize(BENCH_SEED);
  const b0 = performance.now();
  await session.fit(table, { ...options, epochs: c.epochs, stepsPerCall: Math.ceil(table.rows / c.batch) });
  const whole = `fit with one call per epoch: ${(performance.now() - b0).toFixed(1)} ms = ${trace.take()}`;
  trace.stop();
  // The same epoch's steps straight to the executor, in one call: what the host spends encoding
  // them (encode), and the time until the device is done (replay), without the session around it.
  const steps = Array.from({ length: Math.floor(table.rows / c.batch) }, (_, k) => ({ offset: k * c.batch, rows: c.batch, step: 2 + k }));
  const r0 = performance.now();
  executor.run('train', steps, BENCH_SEED);
  const encodeMs = performance.now() - r0;
  await executor.flush();
  const replayMs = performance.now() - r0;
  const kernels = await executor.profile('train', { offset: 0, rows: c.batch, step: 1000 }, BENCH_SEED, repeat);
  const schedule = executor.program.schedules.train;
  executor.dispose();
  return {
    variant,
    strategy: schedule.strategy,
    dispatchesPerStep: schedule.strategy === 'single-workgroup' ? 0 : schedule.kernels.length,
    samplesPerSecond: (table.rows * c.epochs) / fitSeconds,
    fitSeconds,
    kernels,
    steps: steps.length,
    encodeMs,
    replayMs,
    timeline: [again, whole],
  };
}

/** Records each executor call and how long it took (run: the host's encoding; the awaited ones: until done). */
function traceCalls(executor: WebGpuExecutor): { take(): string; stop(): void } {
  let events: string[] = [];
  const target = executor as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  for (const name of ['bindData', 'setPermutation', 'write', 'run', 'flush', 'read', 'readScalars']) {
    const original = target[name]!;
    originals.set(name, original);
    target[name] = (...args: unknown[]) => {
      const t0 = performance.now();
      const what = name === 'run' ? `run(${(args[1] as unknown[]).length})` : name;
      const out = original.apply(executor, args);
      if (out instanceof Promise) return out.then((v) => (events.push(`${what} ${(performance.now() - t0).toFixed(2)}`), v));
      events.push(`${what} ${(performance.now() - t0).toFixed(2)}`);
      return out;
    };
  }
  return {
    take() {
      const text = events.join(', ');
      events = [];
      return text;
    },
    stop() {
      for (const [name, f] of originals) target[name] = f;
    },
  };
}

function report(c: Case, results: Measured[]): void {
  console.log(`\n## ${c.name}: ${c.data.rows} rows, batch ${c.batch}, ${c.epochs} epoch(s)`);
  console.log('| variant | strategy | dispatches/step | fit s | samples/s | device us/step (sum of kernels) | replay of the epoch: encode ms, total ms |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const sum = r.kernels.reduce((n, k) => n + k.microseconds, 0).toFixed(1);
    console.log(`| ${r.variant.label} | ${r.strategy} | ${r.dispatchesPerStep || '1 per chunk'} | ${r.fitSeconds.toFixed(4)} | ${Math.round(r.samplesPerSecond).toLocaleString('en-US')} | ${sum} | ${r.encodeMs.toFixed(1)}, ${r.replayMs.toFixed(1)} (${r.steps} steps) |`);
  }
  for (const r of results) {
    console.log(`\n${c.name} / ${r.variant.label}: executor calls in ms`);
    for (const line of r.timeline) console.log(`  ${line}`);
    console.log(`${c.name} / ${r.variant.label}: device time per dispatch (us)`);
    for (const k of r.kernels) console.log(`  ${k.microseconds.toFixed(2).padStart(9)}  ${k.name}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { datasets: { type: 'string' }, quick: { type: 'boolean', default: false }, repeat: { type: 'string' }, 'auto-only': { type: 'boolean', default: false } } });
  const quick = values.quick ?? false;
  const repeat = Number(values.repeat ?? (quick ? 20 : 400));
  const gpu = await acquireGpu('auto');
  if (!gpu) throw new Error(`no WebGPU adapter: ${whyNoGpu()}`);
  console.log(`nnc GPU profile, ${new Date().toISOString()}, on ${describeGpu(gpu)}`);
  const pima = loadPima(values.datasets ?? defaultDatasetsDir());
  const mlp = syntheticClassification({ rows: quick ? 6_400 : 60_000, featureCount: 784, classes: 10 });
  const tiles: Variant[] = [{ label: 'auto' }, { label: 'tile 16', matmulTile: 16 }, { label: 'tile 32', matmulTile: 32 }, { label: 'tile 64', matmulTile: 64 }];
  const cases: Case[] = [
    { name: 'pima', spec: pimaModel, data: pima, batch: 10, epochs: quick ? 2 : 20, variants: [{ label: 'auto' }, { label: 'per-kernel', strategy: 'per-kernel' }] },
    { name: 'mlp-128', spec: mlpModel, data: mlp, batch: 128, epochs: 1, variants: tiles },
    { name: 'mlp-1024', spec: mlpModel, data: mlp, batch: 1024, epochs: 1, variants: tiles },
  ];
  for (const c of cases) {
    const { model, plan } = compileSpec(c.spec);
    const results: Measured[] = [];
    for (const v of values['auto-only'] ? c.variants.slice(0, 1) : c.variants) results.push(await measure(gpu, c, plan, model, v, repeat));
    report(c, results);
  }
  gpu.close();
}

await main();
