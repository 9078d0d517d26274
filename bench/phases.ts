// Where a single-workgroup step's time goes, phase by phase: the Pima training shader rewritten
// with one phase at a time (and with none, and with every barrier, the permutation or the
// row-count bounds taken out), each timed over an epoch of steps in one dispatch. The rewrites
// compute nonsense; only their time means anything. A tool for the GPU's small-model floor
// (issue 14), not a benchmark of record.
//   node dist/bench/phases.js [--datasets DIR] [--reps N]
import { parseArgs } from 'node:util';
import type { GpuProgram } from '../compiler/wgsl/emit.js';
import { ModelSession } from '../runtime/session.js';
import { WebGpuExecutor } from '../runtime/webgpu/executor.js';
import { acquireGpu, describeGpu, whyNoGpu, type GpuContext } from '../runtime/webgpu/gpu.js';
import { readback } from '../runtime/webgpu/device.js';
import { permutation } from '../base/rng.js';
import { BENCH_SEED, defaultDatasetsDir, loadPima, pimaModel } from './data.js';
import { compileSpec, tableFrom } from './nnc.js';

const BATCH = 10;

/** The step loop's lines split into its header (offset, rows, t) and its phases, each starting at its `// kernel` comment. */
function phasesOf(wgsl: string): { before: string[]; header: string[]; phases: Array<{ name: string; lines: string[] }>; after: string[] } {
  const lines = wgsl.split('\n');
  const start = lines.findIndex((l) => l.trimStart().startsWith('for (var s: u32'));
  const end = lines.findIndex((l, i) => i > start && l === '  }');
  const body = lines.slice(start + 1, end);
  const first = body.findIndex((l) => /^ {4}\/\/ /.test(l));
  const phases: Array<{ name: string; lines: string[] }> = [];
  for (const l of body.slice(first)) {
    if (/^ {4}\/\/ /.test(l)) phases.push({ name: l.trim().slice(3), lines: [] });
    phases.at(-1)!.lines.push(l);
  }
  return { before: lines.slice(0, start + 1), header: body.slice(0, first), phases, after: lines.slice(end) };
}

function variants(wgsl: string): Array<{ label: string; wgsl: string }> {
  const p = phasesOf(wgsl);
  const build = (phases: string[][]) => [...p.before, ...p.header, ...phases.flat(), ...p.after].join('\n');
  const all = p.phases.map((x) => x.lines);
  return [
    { label: 'the whole step', wgsl },
    { label: 'an empty step', wgsl: build([]) },
    ...p.phases.map((x) => ({ label: `only ${x.name}`, wgsl: build([x.lines]) })),
    { label: 'no barriers', wgsl: build(all.map((ls) => ls.filter((l) => !/^\s*(workgroupBarrier|storageBarrier)\(\);$/.test(l)))) },
    { label: 'no permutation', wgsl: wgsl.replace(/permutation\[([^\]]+)\]/g, '($1)') },
    { label: 'no pow (Adam\'s bias corrections)', wgsl: wgsl.replace(/pow\(([^,]+), f32\(t\)\)/g, '$1') },
    { label: 'constant rows', wgsl: wgsl.replace(/let rows: u32 = [^;]+;/, `let rows: u32 = ${BATCH}u;`) },
  ];
}

async function time(gpu: GpuContext, program: GpuProgram, plan: ReturnType<typeof compileSpec>['plan'], model: ReturnType<typeof compileSpec>['model'], reps: number): Promise<{ ms: number; steps: number }> {
  const executor = await WebGpuExecutor.create(plan, gpu, BATCH, { program });
  const session = new ModelSession(model, plan, executor);
  session.initialize(BENCH_SEED);
  const table = tableFrom(loadPima(datasets));
  session.preload(table);
  executor.setPermutation(Uint32Array.from({ length: table.rows }, (_, i) => i));
  const steps = Array.from({ length: Math.floor(table.rows / BATCH) }, (_, k) => ({ offset: k * BATCH, rows: BATCH, step: 1 + k }));
  let best = Infinity;
  for (let r = 0; r <= reps; r++) {
    const t0 = performance.now();
    executor.run('train', steps, BENCH_SEED);
    await executor.flush();
    if (r > 0) best = Math.min(best, performance.now() - t0);
  }
  executor.dispose();
  return { ms: best, steps: steps.length };
}

const { values } = parseArgs({ options: { datasets: { type: 'string' }, reps: { type: 'string' } } });
const datasets = values.datasets ?? defaultDatasetsDir();
const reps = Number(values.reps ?? 10);
const gpu = await acquireGpu('auto');
if (!gpu) throw new Error(`no WebGPU adapter: ${whyNoGpu()}`);
console.log(`single-workgroup step anatomy (Pima, batch ${BATCH}), ${new Date().toISOString()}, on ${describeGpu(gpu)}`);
const { model, plan } = compileSpec(pimaModel);
for (const workgroupArena of [true, false]) {
  const probe = await WebGpuExecutor.create(plan, gpu, BATCH, { strategy: 'single-workgroup', workgroupArena });
  const program = probe.program;
  probe.dispose();
  const train = program.schedules.train;
  console.log(`\n## arena in ${train.kernels[0]!.arenaInWorkgroup ? 'workgroup' : 'device'} memory: an epoch's steps in one dispatch, best of ${reps}`);
  let empty = 0;
  for (const v of variants(train.kernels[0]!.wgsl)) {
    const changed: GpuProgram = { ...program, schedules: { ...program.schedules, train: { ...train, kernels: [{ ...train.kernels[0]!, wgsl: v.wgsl }] } } };
    const { ms, steps } = await time(gpu, changed, plan, model, reps);
    if (v.label === 'an empty step') empty = ms;
    const perStep = ((ms - (v.label === 'an empty step' ? 0 : empty)) * 1000) / steps;
    console.log(`  ${v.label.padEnd(40)} ${ms.toFixed(3).padStart(8)} ms  ${v.label === 'an empty step' ? '(the dispatch and its wait)' : `${perStep.toFixed(2)} us per step over the empty one`}`);
  }
}
await epochLoops(gpu, plan, model, reps * 2);
gpu.close();

/**
 * The same epoch as fit runs it, step by step closer to fit: what each addition costs per epoch
 * (median and best of `reps`), then fit itself.
 */
async function epochLoops(gpu: GpuContext, p: typeof plan, m: typeof model, reps: number): Promise<void> {
  console.log(`\n## an epoch (the whole step, arena in workgroup memory) as fit runs it: median and best of ${reps}, ms`);
  const executor = await WebGpuExecutor.create(p, gpu, BATCH);
  const session = new ModelSession(m, p, executor);
  session.initialize(BENCH_SEED);
  const table = tableFrom(loadPima(datasets));
  session.preload(table);
  const steps = Array.from({ length: Math.ceil(table.rows / BATCH) }, (_, k) => ({ offset: k * BATCH, rows: Math.min(BATCH, table.rows - k * BATCH), step: 1 + k }));
  let draws = 0;
  const shuffled = () => permutation(table.rows, BENCH_SEED, draws++);
  const sums = Object.values(p.io.sums.train);
  const report = (label: string, times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`  ${label.padEnd(60)} ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3).padStart(7)} ${sorted[0]!.toFixed(3).padStart(7)}`);
  };
  const loop = async (label: string, epoch: () => Promise<void>) => {
    const times: number[] = [];
    for (let r = 0; r <= reps; r++) {
      const t0 = performance.now();
      await epoch();
      if (r > 0) times.push(performance.now() - t0);
    }
    report(label, times);
  };
  executor.setPermutation(shuffled());
  await loop('run, flush', async () => {
    executor.run('train', steps, BENCH_SEED);
    await executor.flush();
  });
  await loop('a new permutation, run, flush', async () => {
    executor.setPermutation(shuffled());
    executor.run('train', steps, BENCH_SEED);
    await executor.flush();
  });
  // an epoch as fit runs it: a new permutation, the sums zeroed, the steps, then `read` them
  const epochThen = <T>(read: () => Promise<T>): Promise<T> => {
    executor.setPermutation(shuffled());
    for (const id of sums) executor.write(id, new Float32Array(1));
    executor.run('train', steps, BENCH_SEED);
    return read();
  };
  await loop('a new permutation, zero the sums, run, read the sums', () => epochThen(() => executor.readScalars(sums)).then(() => undefined));
  const arena = (executor as unknown as { arena: GPUBuffer }).arena;
  const lo = Math.min(...sums.map((id) => executor.program.memory.offsets[id]!));
  await loop('the same, each read through a new staging buffer', () => epochThen(() => readback(gpu, arena, sums.length * 4, 'f32', lo * 4)).then(() => undefined));
  let last: Promise<number[]> | null = null;
  await loop('the same, the read awaited after the next run (lookahead)', async () => {
    const reading = epochThen(() => executor.readScalars(sums));
    if (last) await last;
    last = reading;
  });
  await last;
  const options = { epochs: reps, batchSize: BATCH, validationSplit: 0, validationData: null, shuffle: true, seed: BENCH_SEED };
  for (const [label, passive] of [['fit (lookahead), per epoch', true], ['fit without lookahead, per epoch', false]] as const) {
    const times: number[] = [];
    let t = performance.now();
    await session.fit(table, {
      ...options,
      observer: {
        onEpochEnd: () => {
          const now = performance.now();
          times.push(now - t);
          t = now;
          return false;
        },
        passive,
      },
    });
    report(label, times);
  }
  executor.dispose();
}
