/// <reference types="@webgpu/types" />
// The WebGPU executor: runs a plan's kernels as the WGSL shaders compiler/wgsl/emit.ts makes.
// Pipelines are created once and buffers allocated once from the memory plan; each dataset is
// uploaded once, and per epoch only its permutation. All dispatches of a call go into one compute
// pass of one submit; nothing is read back per step.
import { NncError, diagnostic } from '../../base/diagnostics/diagnostic.js';
import type { Plan, StepKind } from '../../compiler/plan/ir.js';
import { rowSize } from '../../compiler/graph/shape.js';
import { BINDINGS, emitWgsl, EmitLimitError, STEP_FIELDS, STEP_RECORD_BYTES, stepsPerDispatch, type BindingName, type DispatchDim, type EmittedKernel, type GpuProgram, type MatmulTile, type Strategy } from '../../compiler/wgsl/emit.js';
import type { BoundData, Executor, StepArgs } from '../executor.js';
import { BufferUsage, compileShader, createBuffer, createComputePipeline, createStaging, readback, readThrough, upload, type GpuContext } from './device.js';

interface CompiledKernel {
  emitted: EmittedKernel;
  pipeline: GPUComputePipeline;
  /** The program's shared layout, or the kernel's own where the device has too few storage bindings for it. */
  layout: GPUBindGroupLayout;
  /** Bind groups by dataset key (the shared layout's are the executor's). */
  groups: Map<string, GPUBindGroup>;
}

interface DataBuffers {
  key: string;
  rows: number;
  source: Float32Array;
  features: GPUBuffer;
  labels: GPUBuffer;
  permutation: GPUBuffer;
  output: GPUBuffer;
  /**
   * Set when the dataset is larger than one storage binding may be: the shaders then read a window
   * of rows that the host gathers (in permutation order) and uploads for each group of steps.
   */
  window: { rows: number; features: Float32Array; labels: Float32Array; featureCols: number; labelCols: number } | null;
}

/** Choices the emitter would otherwise make itself (tests and benchmarks force them). */
export interface WebGpuOptions {
  strategy?: Strategy;
  matmulTile?: MatmulTile;
  /** false: a single-workgroup shader keeps the arena in device memory even where it fits the workgroup's (the profile's comparison). */
  workgroupArena?: boolean;
  /**
   * Shaders emitted before (a web build's, emitted for WebGPU's default limits): used as they are
   * instead of emitting the plan again. The caller knows they suit this device (web/gpu-program.ts).
   */
  program?: GpuProgram;
}

/**
 * Workgroups a matmul should give a real GPU (an H100 or H200 has 132 multiprocessors): a smaller
 * tile that fills the machine beats a larger one that leaves most of it idle. Measured on an H200
 * with bench/profile.ts: the 64x64 tile was never the fastest for the MLP's matmuls, 32x32 only
 * for the 1024x784x256 one. A software adapter runs on a few CPU cores, where the largest tile is best.
 */
const HARDWARE_MIN_WORKGROUPS = 256;

/** The emitter's minWorkgroups for a device (what a web build emits its shaders for, per kind of device). */
export function minWorkgroupsFor(gpu: Pick<GpuContext, 'kind'>): number {
  return gpu.kind === 'hardware' ? HARDWARE_MIN_WORKGROUPS : 1;
}

/**
 * Dispatches per submit: a long epoch is submitted in pieces so the GPU starts on the first
 * steps while the host still encodes the later ones. Pieces end at step boundaries.
 */
const DISPATCHES_PER_SUBMIT = 256;

/** Device time of one kernel's dispatch (WebGpuExecutor.profile). */
export interface KernelTime {
  name: string;
  microseconds: number;
}

export class WebGpuExecutor implements Executor {
  readonly description: string;
  get batchCapacity(): number {
    return this.program.memory.maxRows;
  }
  private arena: GPUBuffer;
  private steps: GPUBuffer;
  private stepCapacity: number;
  private kernels: Record<StepKind, CompiledKernel[]>;
  private data = new Map<string, DataBuffers>();
  /** Idle staging buffers of readScalars, by size in bytes. */
  private staging = new Map<number, GPUBuffer[]>();
  private bound: DataBuffers | null = null;

  private constructor(
    readonly plan: Plan,
    readonly gpu: GpuContext,
    readonly program: GpuProgram,
    kernels: Record<StepKind, CompiledKernel[]>,
    private shared: GPUBindGroupLayout | null,
  ) {
    this.description = `webgpu`;
    this.kernels = kernels;
    this.arena = createBuffer(gpu, program.memory.arenaSize * 4, BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST, `${plan.model} arena`);
    this.stepCapacity = 64;
    this.steps = this.stepBuffer(this.stepCapacity);
    // Buffers start as their fill values (state) or zeros.
    for (const b of plan.buffers) {
      if (b.fill && program.memory.offsets[b.id]! >= 0) this.write(b.id, new Float32Array(program.memory.sizes[b.id]!).fill(b.fill));
    }
  }

  /** Emits the plan's WGSL for this device and builds every pipeline. */
  static async create(plan: Plan, gpu: GpuContext, maxRows: number, options: WebGpuOptions = {}): Promise<WebGpuExecutor> {
    let program: GpuProgram;
    try {
      program = options.program ?? emitWgsl(plan, { maxRows, limits: gpu.limits, minWorkgroups: minWorkgroupsFor(gpu), ...options });
    } catch (e) {
      if (e instanceof EmitLimitError) throw new NncError(diagnostic('NNC6004', undefined, { layer: e.layer, limit: e.limit, needed: e.needed, available: e.available }));
      throw e;
    }
    // One bind group layout for every pipeline, so a step binds once, not once per kernel; a
    // device with fewer storage bindings per stage than it has gets a layout per kernel instead.
    const storage = BINDINGS.filter((b) => b.kind !== 'uniform').length;
    const shared = gpu.limits.maxStorageBuffersPerShaderStage >= storage ? layoutFor(gpu, BINDINGS.map((b, binding) => ({ ...b, binding })), 'nnc bindings') : null;
    const kernels = {} as Record<StepKind, CompiledKernel[]>;
    for (const step of ['train', 'evaluate', 'predict'] as const) {
      kernels[step] = [];
      for (const emitted of program.schedules[step].kernels) kernels[step].push(await compile(gpu, emitted, shared));
    }
    return new WebGpuExecutor(plan, gpu, program, kernels, shared);
  }

  /** 'shared': one bind group per step for every kernel; 'per-kernel': a device with too few storage bindings for that. */
  get bindingLayout(): 'shared' | 'per-kernel' {
    return this.shared ? 'shared' : 'per-kernel';
  }

  private stepBuffer(records: number): GPUBuffer {
    return createBuffer(this.gpu, records * STEP_RECORD_BYTES, BufferUsage.UNIFORM | BufferUsage.COPY_DST, `${this.plan.model} steps`);
  }

  bindData(data: BoundData): void {
    let d = this.data.get(data.key);
    if (d && !sameView(d.source, data.features)) {
      // the key now names other rows: its buffers, and the bind groups that point at them, go
      destroyData(d);
      for (const k of Object.values(this.kernels).flat()) k.groups.delete(data.key);
      this.sharedGroups.delete(data.key);
      d = undefined;
    }
    if (!d) {
      const outCols = rowSize(this.plan.buffers[this.plan.io.output]!.shape);
      const featureCols = rowSize(this.plan.buffers[this.plan.io.features]!.shape);
      const labelCols = data.labels.length / Math.max(1, data.rows);
      const rw = BufferUsage.STORAGE | BufferUsage.COPY_DST;
      const limit = this.gpu.limits.maxStorageBufferBindingSize;
      if (data.rows * outCols * 4 > limit) {
        throw new NncError(diagnostic('NNC6004', undefined, { layer: 'predict\'s output', limit: 'one storage binding (bytes)', needed: data.rows * outCols * 4, available: limit }));
      }
      const streamed = Math.max(data.features.byteLength, data.labels.byteLength) > limit;
      const windowRows = streamed ? Math.min(data.rows, Math.floor(limit / (4 * Math.max(featureCols, labelCols, 1)))) : data.rows;
      if (streamed && windowRows < this.program.memory.maxRows) {
        throw new NncError(diagnostic('NNC6004', undefined, { layer: 'a batch of the dataset', limit: 'one storage binding (bytes)', needed: this.program.memory.maxRows * featureCols * 4, available: limit }));
      }
      d = {
        key: data.key,
        rows: data.rows,
        source: data.features,
        features: createBuffer(this.gpu, windowRows * featureCols * 4, rw, `${data.key} features`),
        labels: createBuffer(this.gpu, windowRows * labelCols * 4, rw, `${data.key} labels`),
        permutation: createBuffer(this.gpu, windowRows * 4, rw, `${data.key} permutation`),
        output: createBuffer(this.gpu, data.rows * outCols * 4, BufferUsage.STORAGE | BufferUsage.COPY_SRC, `${data.key} output`),
        window: streamed ? { rows: windowRows, features: data.features, labels: data.labels, featureCols, labelCols } : null,
      };
      if (streamed) {
        // the window's rows are gathered in order, so its permutation is the identity
        upload(this.gpu, d.permutation, Uint32Array.from({ length: windowRows }, (_, i) => i));
      } else {
        if (data.features.byteLength) upload(this.gpu, d.features, data.features);
        if (data.labels.byteLength) upload(this.gpu, d.labels, data.labels);
      }
      this.data.set(data.key, d);
    }
    this.bound = d;
  }

  private hostPermutation: Uint32Array | null = null;
  private sharedGroups = new Map<string, GPUBindGroup>();
  private readonly offsets = new Uint32Array(1);

  setPermutation(perm: Uint32Array): void {
    if (!this.bound) throw new Error('webgpu: no data bound');
    this.hostPermutation = perm;
    if (!this.bound.window) upload(this.gpu, this.bound.permutation, perm);
  }

  write(buffer: number, values: Float32Array): void {
    const offset = this.program.memory.offsets[buffer]!;
    if (offset < 0) throw new Error(`webgpu: ${this.plan.buffers[buffer]!.name} is not in the arena`);
    upload(this.gpu, this.arena, values, offset * 4);
  }

  async read(buffer: number): Promise<Float32Array> {
    if (buffer === this.plan.io.output) {
      if (!this.bound) throw new Error('webgpu: no data bound');
      const cols = rowSize(this.plan.buffers[buffer]!.shape);
      return readback(this.gpu, this.bound.output, this.bound.rows * cols * 4);
    }
    const offset = this.program.memory.offsets[buffer]!;
    const size = this.program.memory.sizes[buffer]!;
    return readback(this.gpu, this.arena, size * 4, 'f32', offset * 4);
  }

  /** One readback of the arena range that covers all of them (the memory plan keeps scalars together). */
  async readScalars(buffers: number[]): Promise<number[]> {
    if (buffers.length === 0) return [];
    const offsets = buffers.map((b) => this.program.memory.offsets[b]!);
    if (offsets.some((o) => o < 0)) return Promise.all(buffers.map(async (b) => (await this.read(b))[0]!));
    const lo = Math.min(...offsets);
    const hi = Math.max(...offsets);
    const bytes = (hi - lo + 1) * 4;
    // Staging buffers are kept for the next read: a new mappable buffer for each epoch's read took
    // longer than the epoch itself on an H200 (bench/phases.ts). Reads in flight take one each.
    let idle = this.staging.get(bytes);
    if (!idle) this.staging.set(bytes, (idle = []));
    const staging = idle.pop() ?? createStaging(this.gpu, bytes, `${this.plan.model} sums`);
    const values = new Float32Array(await readThrough(this.gpu, this.arena, staging, bytes, lo * 4));
    idle.push(staging);
    return offsets.map((o) => values[o - lo]!);
  }

  run(kind: StepKind, steps: StepArgs[], seed: number): void {
    if (steps.length === 0) return;
    if (this.kernels[kind].length === 0) return;
    const data = this.bound;
    if (!data) throw new Error('webgpu: no data bound');
    const maxRows = this.program.memory.maxRows;
    if (steps.some((s) => s.rows > maxRows)) throw new Error(`webgpu: a batch of more than ${maxRows} rows`);
    if (!data.window) {
      this.encode(kind, steps, seed, 0, data);
      return;
    }
    // Streamed: groups of steps whose rows fit the window; each group's rows are gathered here.
    const w = data.window;
    const perm = this.hostPermutation!;
    for (let g = 0; g < steps.length; ) {
      const start = steps[g]!.offset;
      let end = g;
      while (end < steps.length && steps[end]!.offset + steps[end]!.rows - start <= w.rows) end++;
      const group = steps.slice(g, end);
      const last = group[group.length - 1]!;
      const rows = last.offset + last.rows - start;
      const features = new Float32Array(rows * w.featureCols);
      const labels = new Float32Array(rows * w.labelCols);
      for (let r = 0; r < rows; r++) {
        const from = perm[start + r]!;
        features.set(w.features.subarray(from * w.featureCols, (from + 1) * w.featureCols), r * w.featureCols);
        if (w.labelCols) labels.set(w.labels.subarray(from * w.labelCols, (from + 1) * w.labelCols), r * w.labelCols);
      }
      upload(this.gpu, data.features, features);
      if (labels.byteLength) upload(this.gpu, data.labels, labels);
      this.encode(kind, group.map((s) => ({ ...s, offset: s.offset - start })), seed, start, data);
      g = end;
    }
  }

  /** Writes the steps' uniform records and submits all their dispatches in one compute pass. */
  private encode(kind: StepKind, steps: StepArgs[], seed: number, base: number, data: DataBuffers): void {
    const kernels = this.kernels[kind];
    const single = this.program.schedules[kind].strategy === 'single-workgroup';
    // a single-workgroup dispatch loops over at most as many steps as the driver's loop counter allows
    const perDispatch = (rows: number) => stepsPerDispatch(kernels[0]!.emitted, rows, this.gpu.limits.maxLoopPasses);
    const records = single ? chunkRecords(steps, seed, base, perDispatch) : steps.map((s) => record(s.offset, s.rows, s.step, seed, 1, s.rows, s.offset + s.rows, base));
    this.writeRecords(records);
    const perSubmit = single ? records.length : Math.max(1, Math.floor(DISPATCHES_PER_SUBMIT / kernels.length));
    for (let first = 0; first < records.length; first += perSubmit) {
      const encoder = this.gpu.device.createCommandEncoder({ label: `${kind} x${steps.length}` });
      const pass = encoder.beginComputePass({ label: kind });
      for (let n = first; n < Math.min(records.length, first + perSubmit); n++) {
        const rows = records[n]![1]!;
        if (this.shared) {
          this.offsets[0] = n * STEP_RECORD_BYTES;
          pass.setBindGroup(0, this.sharedGroup(data), this.offsets, 0, 1);
          for (const k of kernels) {
            pass.setPipeline(k.pipeline);
            this.dispatchWorkgroups(pass, k, rows);
          }
        } else {
          for (const k of kernels) this.dispatch(pass, k, data, n, rows);
        }
      }
      pass.end();
      this.gpu.device.queue.submit([encoder.finish()]);
    }
  }

  /** The steps' uniform records, one 256-byte slot each (read through a dynamic offset). */
  private writeRecords(records: Uint32Array[]): void {
    if (records.length > this.stepCapacity) {
      this.steps.destroy();
      while (this.stepCapacity < records.length) this.stepCapacity *= 2;
      this.steps = this.stepBuffer(this.stepCapacity);
      for (const k of Object.values(this.kernels).flat()) k.groups.clear();
      this.sharedGroups.clear();
    }
    const bytes = new Uint32Array((records.length * STEP_RECORD_BYTES) / 4);
    records.forEach((r, n) => bytes.set(r, (n * STEP_RECORD_BYTES) / 4));
    upload(this.gpu, this.steps, bytes);
  }

  /** One kernel of step `record`, binding its group (the profile, and devices without the shared layout). */
  private dispatch(pass: GPUComputePassEncoder, k: CompiledKernel, data: DataBuffers, record: number, rows: number): void {
    pass.setPipeline(k.pipeline);
    this.offsets[0] = record * STEP_RECORD_BYTES;
    pass.setBindGroup(0, this.shared ? this.sharedGroup(data) : this.group(k, data), this.offsets, 0, 1);
    this.dispatchWorkgroups(pass, k, rows);
  }

  private dispatchWorkgroups(pass: GPUComputePassEncoder, k: CompiledKernel, rows: number): void {
    const d = k.emitted.dispatch;
    // a co-dispatched shader numbers its workgroups y * nx + x across its parts
    const [x, y] = d.parts ? [d.parts.reduce((n, p) => n + workgroups(p.x, rows) * workgroups(p.y, rows), 0), 1] : [workgroups(d.x, rows), workgroups(d.y, rows)];
    const limit = this.gpu.limits.maxComputeWorkgroupsPerDimension;
    if (x > limit) pass.dispatchWorkgroups(limit, Math.ceil(x / limit) * y);
    else pass.dispatchWorkgroups(x, y);
  }

  /**
   * Time of each kernel of a step kind on the device (a benchmark's question, not a run's): the
   * kernel alone, dispatched `repeat` times in one compute pass for the given step, timed from
   * submit to onSubmittedWorkDone, divided by `repeat`. This is what a dispatch costs inside a
   * step's pass (launch and barrier included), without the host's encoding of the other kernels.
   * Wall-clock on purpose: Dawn quantizes timestamp queries too coarsely for kernels of a few
   * microseconds. The dispatches change the model's state as steps would.
   */
  async profile(kind: StepKind, step: StepArgs, seed: number, repeat = 400): Promise<KernelTime[]> {
    const data = this.bound;
    if (!data || data.window) throw new Error('webgpu: profile needs bound data that is not streamed');
    const single = this.program.schedules[kind].strategy === 'single-workgroup';
    const rec = record(step.offset, step.rows, step.step, seed, 1, step.rows, step.offset + step.rows, 0);
    this.writeRecords([rec]);
    const times: KernelTime[] = [];
    for (const k of this.kernels[kind]) {
      const timeOnce = async (n: number) => {
        const encoder = this.gpu.device.createCommandEncoder({ label: `${k.emitted.name} profile` });
        const pass = encoder.beginComputePass({ label: k.emitted.name });
        for (let r = 0; r < n; r++) this.dispatch(pass, k, data, 0, step.rows);
        pass.end();
        const t0 = performance.now();
        this.gpu.device.queue.submit([encoder.finish()]);
        await this.flush();
        return performance.now() - t0;
      };
      await timeOnce(4); // first use of the pipeline
      const ms = await timeOnce(repeat);
      times.push({ name: k.emitted.name + (single ? ' (one step)' : ''), microseconds: (ms * 1000) / repeat });
    }
    return times;
  }

  private resource(name: BindingName, data: DataBuffers): GPUBindingResource {
    switch (name) {
      case 'arena':
        return { buffer: this.arena };
      case 'features':
        return { buffer: data.features };
      case 'labels':
        return { buffer: data.labels };
      case 'permutation':
        return { buffer: data.permutation };
      case 'output':
        return { buffer: data.output };
      case 'step':
        return { buffer: this.steps, offset: 0, size: 32 };
    }
  }

  /** The kernel's own bind group for a dataset (a layout per kernel). */
  private group(k: CompiledKernel, data: DataBuffers): GPUBindGroup {
    let g = k.groups.get(data.key);
    if (g) return g;
    g = this.gpu.device.createBindGroup({
      layout: k.layout,
      entries: k.emitted.bindings.map((b) => ({ binding: b.binding, resource: this.resource(b.name, data) })),
      label: `${k.emitted.name} ${data.key}`,
    });
    k.groups.set(data.key, g);
    return g;
  }

  /** The one bind group of every pipeline for a dataset (the shared layout). */
  private sharedGroup(data: DataBuffers): GPUBindGroup {
    let g = this.sharedGroups.get(data.key);
    if (g) return g;
    g = this.gpu.device.createBindGroup({
      layout: this.shared!,
      entries: BINDINGS.map((b, binding) => ({ binding, resource: this.resource(b.name, data) })),
      label: `${this.plan.model} ${data.key}`,
    });
    this.sharedGroups.set(data.key, g);
    return g;
  }

  async flush(): Promise<void> {
    await this.gpu.wait(this.gpu.device.queue.onSubmittedWorkDone(), 'running the steps');
  }

  dispose(): void {
    for (const idle of this.staging.values()) for (const b of idle) b.destroy();
    this.staging.clear();
    for (const d of this.data.values()) destroyData(d);
    this.data.clear();
    this.arena.destroy();
    this.steps.destroy();
  }
}

/** The same rows of the same memory (a split's rows are a new view of the table on every fit). */
function sameView(a: Float32Array, b: Float32Array): boolean {
  return a === b || (a.buffer === b.buffer && a.byteOffset === b.byteOffset && a.length === b.length);
}

function destroyData(d: DataBuffers): void {
  d.features.destroy();
  d.labels.destroy();
  d.permutation.destroy();
  d.output.destroy();
}

async function compile(gpu: GpuContext, emitted: EmittedKernel, shared: GPUBindGroupLayout | null): Promise<CompiledKernel> {
  const module = await compileShader(gpu, emitted.wgsl, emitted.name);
  for (const b of emitted.bindings) {
    const expected = BINDINGS[b.binding];
    if (expected?.name !== b.name || expected.kind !== b.kind) throw new Error(`webgpu: ${emitted.name} binds ${b.name} at ${b.binding} as ${b.kind}, not as the shared layout does`);
  }
  const layout = shared ?? layoutFor(gpu, emitted.bindings, emitted.name);
  const pipelineLayout = gpu.device.createPipelineLayout({ bindGroupLayouts: [layout], label: emitted.name });
  const pipeline = await createComputePipeline(gpu, module, 'main', emitted.name, pipelineLayout);
  return { emitted, pipeline, layout, groups: new Map() };
}

function layoutFor(gpu: GpuContext, bindings: ReadonlyArray<{ binding: number; kind: EmittedKernel['bindings'][number]['kind'] }>, label: string): GPUBindGroupLayout {
  const visibility = 0x4; // GPUShaderStage.COMPUTE
  return gpu.device.createBindGroupLayout({
    label,
    entries: bindings.map((b) => ({
      binding: b.binding,
      visibility,
      buffer: b.kind === 'uniform' ? { type: 'uniform' as const, hasDynamicOffset: true, minBindingSize: 32 } : { type: b.kind },
    })),
  });
}

function workgroups(d: DispatchDim, rows: number): number {
  return Math.max(1, Math.ceil((d.perRow * rows + d.fixed) / d.per));
}

/** A Step uniform record, its fields in the one layout the shaders declare (STEP_FIELDS). */
function record(offset: number, rows: number, step: number, seed: number, count: number, batch: number, total: number, base: number): Uint32Array {
  const values: Record<(typeof STEP_FIELDS)[number], number> = { offset, rows, step, seed: seed >>> 0, count, batch, total, base };
  return Uint32Array.from(STEP_FIELDS, (f) => values[f]);
}

/**
 * Records for the single-workgroup shader, which loops over consecutive steps itself: for a run of
 * steps that advance by one batch each (an epoch), one record per `perDispatch(batch)` of them; a
 * record per step otherwise.
 */
function chunkRecords(steps: StepArgs[], seed: number, base: number, perDispatch: (rows: number) => number): Uint32Array[] {
  const first = steps[0]!;
  const batch = first.rows;
  const last = steps[steps.length - 1]!;
  const total = last.offset + last.rows;
  const regular = steps.every((s, k) => s.offset === first.offset + k * batch && s.rows === Math.min(batch, total - s.offset) && s.step === (first.step === 0 ? 0 : first.step + k));
  // evaluate/predict (every step 0): the shader adds s to the step, which nothing reads there
  if (regular && (first.step !== 0 || steps.every((s) => s.step === 0))) {
    const most = perDispatch(batch);
    const records: Uint32Array[] = [];
    for (let k = 0; k < steps.length; k += most) {
      records.push(record(first.offset + k * batch, batch, first.step === 0 ? 0 : first.step + k, seed, Math.min(most, steps.length - k), batch, total, base));
    }
    return records;
  }
  return steps.map((s) => record(s.offset, s.rows, s.step, seed, 1, s.rows, s.offset + s.rows, base));
}
