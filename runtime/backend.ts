// Which executor runs the plan: the CPU interpreter, or a GPU through WebGPU. Chosen once per run
// and printed; `--backend auto` picks the one that will be faster for this program on this machine:
//   1. a program whose estimated CPU time (runtime/backend-cost.ts) is below a GPU's fixed cost runs
//      on the CPU, and the GPU stack is never loaded;
//   2. a software adapter (Mesa's llvmpipe or lavapipe) runs the shaders on the same CPU cores, slower
//      than the interpreter (docs/benchmarks.md: 25x on Pima, 20x on the MLP), so only a hardware GPU
//      is looked for; where none can exist (Linux without a Vulkan loader) nothing is loaded;
//   3. with a hardware GPU, a few training steps of the heaviest model run on both, timed, and the
//      faster per step wins.
// Why, and the adapter's details, are kept in Backend.details (`nnc run --verbose 2` prints them).
import { NncError, diagnostic } from '../base/diagnostics/diagnostic.js';
import { graphInputShape, size } from '../compiler/layers.js';
import type { Table } from '../base/data/dataset.js';
import { compileModel } from '../compiler/driver.js';
import type { Plan } from '../compiler/plan/ir.js';
import { formatSeconds, GPU_FIXED_SECONDS, heaviest, trainStepFlops, cpuSecondsFor, type ModelWork, type ProgramWork } from './backend-cost.js';
import { CpuExecutor } from './cpu/executor.js';
import type { Executor } from './executor.js';
import { ModelSession } from './session.js';
import { acquireGpu, coreUnavailable, describeGpu, nativeLogOfLastAcquire, whyNoGpu, type GpuContext } from './webgpu/gpu.js';
import { WebGpuExecutor } from './webgpu/executor.js';

export type BackendChoice = 'auto' | 'cpu' | 'webgpu';

export interface Backend {
  kind: 'cpu' | 'webgpu';
  gpu: GpuContext | null;
  /** What the user is told: 'cpu', 'webgpu: NVIDIA H100 (vulkan)', with the reason for a fallback. */
  description: string;
  /**
   * For `--verbose 2`, one line each: why auto chose this backend (nothing when it was named), then
   * the adapter's kind, features and limits, and what Dawn and the driver printed while it was
   * opened (kept off stderr otherwise).
   */
  details: string[];
  /** Threads of the CPU interpreter's large matrix products (absent: the machine's cores). */
  threads?: number;
}

export interface SelectOptions {
  /** The program's work (estimateWork): without it, auto takes a GPU whenever there is one. */
  work?: ProgramWork;
  /** Threads of the CPU interpreter (default: the machine's cores); also what auto's probe runs on. */
  threads?: number;
}

export async function selectBackend(choice: BackendChoice, options: SelectOptions = {}): Promise<Backend> {
  const chosen = await select(choice, options);
  return options.threads === undefined ? chosen : { ...chosen, threads: options.threads };
}

async function select(choice: BackendChoice, options: SelectOptions): Promise<Backend> {
  if (choice === 'cpu') return cpu('cpu', []);
  if (choice === 'webgpu') {
    const gpu = await acquireGpu('auto');
    if (gpu) return webgpu(gpu, []);
    const native = nativeLogOfLastAcquire();
    const said = native.length > 0 ? `; the driver said: ${native.join(' / ')}` : '';
    throw new NncError(diagnostic('NNC6001', undefined, { reason: `${whyNoGpu()}${said}` }));
  }
  return options.work ? chooseForWork(options.work, options.threads) : anyGpu();
}

/** Without the program's work: a GPU when there is one (a real one first, then a software adapter). */
async function anyGpu(): Promise<Backend> {
  const gpu = await acquireGpu('auto');
  if (gpu) return webgpu(gpu, ['auto: a GPU was found (the program\'s work was not given)']);
  return cpu(`cpu (no WebGPU adapter: ${whyNoGpu()})`, [`auto: no WebGPU adapter (${whyNoGpu()})`, ...nativeLines()]);
}

async function chooseForWork(work: ProgramWork, threads: number | undefined): Promise<Backend> {
  const estimate = `this program's estimated time on the CPU interpreter is ${formatSeconds(work.cpuSeconds)}`;
  if (work.cpuSeconds < GPU_FIXED_SECONDS) {
    return cpu('cpu', [`auto: ${estimate}, less than what a GPU costs before its first step (about ${formatSeconds(GPU_FIXED_SECONDS)}: loading Dawn, opening the device, compiling the pipelines), so no GPU was looked for`]);
  }
  const software = 'a software adapter runs the shaders on these same CPU cores, slower than the CPU interpreter';
  const impossible = coreUnavailable();
  if (impossible) return cpu('cpu', [`auto: ${estimate}, but ${impossible}, and ${software}`]);
  const gpu = await acquireGpu('auto', { only: 'core' });
  if (!gpu) return cpu('cpu', [`auto: ${estimate}, but there is no hardware GPU (${whyNoGpu()}), and ${software}`, ...nativeLines()]);
  if (gpu.kind === 'software') {
    const name = gpu.adapterName;
    gpu.close();
    return cpu('cpu', [`auto: ${estimate}; the only adapter is ${name}, and ${software}`]);
  }
  const model = heaviest(work);
  if (!model) return webgpu(gpu, [`auto: ${estimate}, with nothing to train; a hardware GPU is there (${describeGpu(gpu)})`]);
  let probe: Probe;
  try {
    probe = await probeBoth(model, gpu, threads);
  } catch (err) {
    gpu.close();
    if (!(err instanceof NncError)) throw err;
    return cpu('cpu', [`auto: the GPU failed a probe of ${model.model.name} (${err.message}); the CPU interpreter runs`]);
  }
  const measured = `measured ${probe.steps} training steps of ${model.model.name} at batch ${model.trainBatch}: ${formatSeconds(probe.cpu)} a step on the CPU, ${formatSeconds(probe.gpu)} on ${describeGpu(gpu)}`;
  const totals = `so its ${model.trainSteps.toLocaleString('en-US')} steps take about ${formatSeconds(probe.cpu * model.trainSteps)} against ${formatSeconds(probe.gpu * model.trainSteps)}`;
  if (probe.gpu < probe.cpu) return webgpu(gpu, [`auto: ${estimate}; ${measured}, ${totals}`]);
  gpu.close();
  return cpu('cpu', [`auto: ${estimate}; ${measured}, ${totals}`]);
}

function cpu(description: string, details: string[]): Backend {
  return { kind: 'cpu', gpu: null, description, details };
}

/** A GPU backend: why (auto's reasons), then the adapter's details and what native code printed opening it. */
function webgpu(gpu: GpuContext, reasons: string[]): Backend {
  return { kind: 'webgpu', gpu, description: `webgpu: ${describeGpu(gpu)}`, details: [...reasons, ...adapterDetails(gpu), ...nativeLines()] };
}

function nativeLines(): string[] {
  return nativeLogOfLastAcquire().map((l) => `native stderr: ${l}`);
}

/** The features and the limits nnc plans against, for --verbose 2. */
function adapterDetails(gpu: GpuContext): string[] {
  const l = gpu.limits;
  return [
    `features: ${[...gpu.features].sort().join(', ') || 'none beyond the core'}`,
    `limits: ${l.maxStorageBuffersPerShaderStage} storage buffers per stage, ${l.maxComputeWorkgroupStorageSize / 1024} KiB workgroup memory, ${l.maxComputeInvocationsPerWorkgroup} invocations per workgroup, buffers up to ${Math.floor(l.maxStorageBufferBindingSize / 2 ** 20)} MiB`,
  ];
}

// ---- the measured probe -------------------------------------------------------------------------

export interface Probe {
  steps: number;
  /** Seconds per training step. */
  cpu: number;
  gpu: number;
}

/** About this long of CPU work per probe: enough steps to time, never a noticeable share of a run. */
const PROBE_SECONDS = 0.05;
const PROBE_MAX_STEPS = 8;

/** Times a few training steps of `m` on the CPU interpreter (with `threads`) and on `gpu`. */
export async function probeBoth(m: ModelWork, gpu: GpuContext, threads?: number): Promise<Probe> {
  const estimatedStep = cpuSecondsFor(1, trainStepFlops(m.model, m.trainBatch));
  const steps = Math.max(1, Math.min(PROBE_MAX_STEPS, Math.floor(PROBE_SECONDS / estimatedStep)));
  const { plan } = compileModel(m.model, m.config);
  const table = probeTable(m, plan, steps);
  return {
    steps,
    cpu: await timeSteps(plan, new CpuExecutor(plan, threads === undefined ? {} : { threads }), m, table, steps),
    gpu: await timeSteps(plan, await WebGpuExecutor.create(plan, gpu, m.trainBatch), m, table, steps),
  };
}

/** Seconds per step of `steps` training steps, after one untimed step (pipelines, first upload). */
async function timeSteps(plan: Plan, executor: Executor, m: ModelWork, table: Table, steps: number): Promise<number> {
  try {
    const session = new ModelSession(m.model, plan, executor);
    session.initialize(0);
    const options = { epochs: 1, batchSize: m.trainBatch, validationSplit: 0, validationData: null, shuffle: true, seed: 0 };
    await session.fit(table, { ...options, stepsPerCall: 1 });
    const t0 = performance.now();
    await session.fit(table, { ...options, stepsPerCall: steps });
    return (performance.now() - t0) / 1000 / steps;
  } finally {
    executor.dispose();
  }
}

/** Zeros of the model's shape: the time of a step does not depend on the values. */
function probeTable(m: ModelWork, plan: Plan, steps: number): Table {
  const rows = m.trainBatch * steps;
  const encoding = plan.io.labelEncoding;
  const labelColumns = encoding.kind === 'raw' ? encoding.cols : 1;
  const width = size(graphInputShape(m.model));
  return {
    rows,
    featureDim: width,
    features: new Float32Array(rows * width),
    labelColumns,
    labels: new Float32Array(rows * labelColumns),
    classes: null,
    stringLabels: false,
    featureNames: null,
    labelNames: null,
  };
}

/** `maxRows`: the largest batch the plan will run (GPU buffers are sized for it once). */
export async function createExecutor(plan: Plan, backend: Backend, maxRows = 1024): Promise<Executor> {
  if (backend.kind === 'webgpu' && backend.gpu) return WebGpuExecutor.create(plan, backend.gpu, maxRows);
  return new CpuExecutor(plan, backend.threads === undefined ? {} : { threads: backend.threads });
}

export function closeBackend(backend: Backend): void {
  backend.gpu?.close();
}
