// Where a GPU training step's time goes: each kernel's device time (WebGpuExecutor.profile), and
// one fit's wall time, for the GPU workloads of bench/gpu.ts under each matmul tile choice. A tool
// for tuning the emitter on a real GPU, not a benchmark of record: bench/gpu.ts is that.
//   node dist/bench/profile.js [--datasets DIR] [--quick] [--repeat N] [--auto-only] [--cases pima,mlp-128,mlp-1024]
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
  /** false: the single-workgroup shader's arena stays in device memory. */
  workgroupArena?: boolean;
  /** false: each epoch's end is waited for before the next is submitted (an observer that may stop). */
  lookahead?: boolean;
}

/** Replays of an epoch straight to the executor; the fastest is reported. */
const REPLAYS = 10;

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
  /** Workgroup barriers per step in the single-workgroup shader (0 otherwise). */
  barriersPerStep: number;
  steps: number;
  encodeMs: number;
  replayMs: number;
  timeline: string[];
}

async function measure(gpu: GpuContext, c: Case, plan: Plan, model: ReturnType<typeof compileSpec>['model'], variant: Variant, repeat: number): Promise<Measured> {
  const executor = await WebGpuExecutor.create(plan, gpu, c.batch, {
    ...(variant.strategy ? { strategy: variant.strategy } : {}),
    ...(variant.matmulTile ? { matmulTile: variant.matmulTile } : {}),
    ...(variant.workgroupArena === false ? { workgroupArena: false } : {}),
  });
  const session = new ModelSession(model, plan, executor);
  const table = tableFrom(c.data);
  // an observer that might stop training makes fit wait for each epoch's end
  const observer = variant.lookahead === false ? { onEpochEnd: () => false } : undefined;
  const options = { epochs: 1, batchSize: c.batch, validationSplit: 0, validationData: null, shuffle: true, seed: BENCH_SEED, observer };
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
  // best of several, so that the card is at its working clocks
  let encodeMs = Infinity;
  let replayMs = Infinity;
  for (let r = 0; r < REPLAYS; r++) {
    const r0 = performance.now();
    executor.run('train', steps, BENCH_SEED);
    const encoded = performance.now() - r0;
    await executor.flush();
    const replayed = performance.now() - r0;
    if (replayed < replayMs) [encodeMs, replayMs] = [encoded, replayed];
  }
  const kernels = await executor.profile('train', { offset: 0, rows: c.batch, step: 1000 }, BENCH_SEED, repeat);
  const schedule = executor.program.schedules.train;
  executor.dispose();
  const wgsl = schedule.strategy === 'single-workgroup' ? schedule.kernels[0]!.wgsl : '';
  return {
    variant,
    barriersPerStep: wgsl ? wgsl.slice(wgsl.indexOf('for (var s: u32')).split('workgroupBarrier()').length - 1 : 0,
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

/**
 * The floor of a single-workgroup step: nanoseconds per workgroup barrier on this device, measured
 * as a workgroup of `width` invocations passing values through workgroup memory, two barriers a pass
 * (each invocation writes its slot, a barrier, reads its neighbour's, a barrier), timed on the wall
 * clock over many passes less one pass.
 */
async function barrierNanoseconds(gpu: GpuContext, width: number): Promise<number> {
  const passes = 20_000; // under llvmpipe's loop counter (65,535), so the software adapter measures it too
  const device = gpu.device;
  const out = device.createBuffer({ size: width * 4, usage: GPUBufferUsage.STORAGE });
  const pipeline = (n: number) =>
    device.createComputePipeline({
      layout: 'auto',
      compute: {
        entryPoint: 'main',
        module: device.createShaderModule({
          code: `var<workgroup> slots: array<f32, ${width}>;
@group(0) @binding(0) var<storage, read_write> out: array<f32>;
@compute @workgroup_size(${width}) fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  var v: f32 = f32(lid.x);
  for (var i: u32 = 0u; i < ${n}u; i++) {
    slots[lid.x] = v;
    workgroupBarrier();
    v = v * 0.5 + slots[(lid.x + 1u) % ${width}u];
    workgroupBarrier();
  }
  out[lid.x] = v;
}`,
        }),
      },
    });
  const time = async (n: number): Promise<number> => {
    const p = pipeline(n);
    const group = device.createBindGroup({ layout: p.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: out } }] });
    let best = Infinity;
    for (let r = 0; r < 6; r++) {
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      pass.setPipeline(p);
      pass.setBindGroup(0, group);
      pass.dispatchWorkgroups(1);
      pass.end();
      const t0 = performance.now();
      device.queue.submit([encoder.finish()]);
      await device.queue.onSubmittedWorkDone();
      if (r > 0) best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  const one = await time(1);
  const many = await time(passes);
  out.destroy();
  return ((many - one) * 1e6) / (2 * (passes - 1));
}

function report(c: Case, results: Measured[], barrierNs: number): void {
  console.log(`\n## ${c.name}: ${c.data.rows} rows, batch ${c.batch}, ${c.epochs} epoch(s)`);
  console.log('| variant | strategy | dispatches/step | fit s | samples/s | device us/step (sum of kernels) | replay of the epoch (best of 10): encode ms, total ms |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const sum = r.kernels.reduce((n, k) => n + k.microseconds, 0).toFixed(1);
    console.log(`| ${r.variant.label} | ${r.strategy} | ${r.dispatchesPerStep || '1 per chunk'} | ${r.fitSeconds.toFixed(4)} | ${Math.round(r.samplesPerSecond).toLocaleString('en-US')} | ${sum} | ${r.encodeMs.toFixed(1)}, ${r.replayMs.toFixed(1)} (${r.steps} steps) |`);
  }
  for (const r of results.filter((r) => r.barriersPerStep > 0)) {
    const perStep = (r.replayMs * 1000) / r.steps;
    const floor = (r.barriersPerStep * barrierNs) / 1000;
    console.log(`${c.name} / ${r.variant.label}: ${perStep.toFixed(2)} us per step (the epoch's replay / steps, one submit included) against a floor of ${floor.toFixed(2)} us: ${r.barriersPerStep} barriers x ${barrierNs.toFixed(1)} ns (${(perStep / floor).toFixed(1)}x the floor)`);
  }
  for (const r of results) {
    console.log(`\n${c.name} / ${r.variant.label}: executor calls in ms`);
    for (const line of r.timeline) console.log(`  ${line}`);
    console.log(`${c.name} / ${r.variant.label}: device time per dispatch (us)`);
    for (const k of r.kernels) console.log(`  ${k.microseconds.toFixed(2).padStart(9)}  ${k.name}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { datasets: { type: 'string' }, quick: { type: 'boolean', default: false }, repeat: { type: 'string' }, 'auto-only': { type: 'boolean', default: false }, cases: { type: 'string' } } });
  const quick = values.quick ?? false;
  const repeat = Number(values.repeat ?? (quick ? 20 : 400));
  const gpu = await acquireGpu('auto');
  if (!gpu) throw new Error(`no WebGPU adapter: ${whyNoGpu()}`);
  console.log(`nnc GPU profile, ${new Date().toISOString()}, on ${describeGpu(gpu)}`);
  const barrierNs = await barrierNanoseconds(gpu, 256);
  console.log(`a workgroup barrier (256 invocations, with a workgroup-memory write and read): ${barrierNs.toFixed(1)} ns`);
  const pima = loadPima(values.datasets ?? defaultDatasetsDir());
  const mlp = syntheticClassification({ rows: quick ? 6_400 : 60_000, featureCount: 784, classes: 10 });
  const tiles: Variant[] = [{ label: 'auto' }, { label: 'tile 16', matmulTile: 16 }, { label: 'tile 32', matmulTile: 32 }, { label: 'tile 64', matmulTile: 64 }];
  const cases: Case[] = [
    {
      name: 'pima',
      spec: pimaModel,
      data: pima,
      batch: 10,
      epochs: quick ? 2 : 20,
      variants: [
        { label: 'auto' },
        { label: 'no lookahead', lookahead: false },
        { label: 'arena in device memory', workgroupArena: false },
        { label: 'arena in device memory, no lookahead', workgroupArena: false, lookahead: false },
        { label: 'per-kernel', strategy: 'per-kernel' },
      ],
    },
    { name: 'mlp-128', spec: mlpModel, data: mlp, batch: 128, epochs: 1, variants: tiles },
    { name: 'mlp-1024', spec: mlpModel, data: mlp, batch: 1024, epochs: 1, variants: tiles },
  ];
  const chosen = values.cases?.split(',');
  for (const c of cases.filter((c) => !chosen || chosen.includes(c.name))) {
    const { model, plan } = compileSpec(c.spec);
    const results: Measured[] = [];
    for (const v of values['auto-only'] ? c.variants.slice(0, 1) : c.variants) results.push(await measure(gpu, c, plan, model, v, repeat));
    report(c, results, barrierNs);
  }
  gpu.close();
}

await main();
