/// <reference types="@webgpu/types" preserve="true" />
// The WebGPU device: finding an adapter (a real GPU first, then Dawn's OpenGL ES backend on Mesa's
// software rasterizer), opening a device with the limits the compiler plans against, and turning
// everything that can go wrong into NncErrors (NNC6001-NNC6005) instead of hangs: a lost device
// rejects every pending wait, an uncaptured validation error rejects the next one, and shader
// compilation reports Dawn's messages with line and column.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NncError, diagnostic, fail } from '../../base/diagnostics/diagnostic.js';
import { withNativeStderrCaptured } from './native-stderr.js';

export type GpuChoice = 'auto' | 'webgpu';
export type GpuKind = 'hardware' | 'software';
export type FeatureLevel = 'core' | 'compatibility';

/** The limits the compiler checks its kernels against (the device's, as granted). */
export interface GpuLimits {
  maxStorageBuffersPerShaderStage: number;
  maxComputeWorkgroupStorageSize: number;
  maxComputeInvocationsPerWorkgroup: number;
  maxComputeWorkgroupSizeX: number;
  maxComputeWorkgroupSizeY: number;
  maxComputeWorkgroupSizeZ: number;
  maxComputeWorkgroupsPerDimension: number;
  maxStorageBufferBindingSize: number;
  maxUniformBufferBindingSize: number;
  maxBufferSize: number;
  minUniformBufferOffsetAlignment: number;
  minStorageBufferOffsetAlignment: number;
  /** Not a WebGPU limit: the driver's loop counter (compiler/wgsl/emit.ts's LoopNest), from loopPassLimit. */
  maxLoopPasses: number;
}

/** The limits WebGPU defines, asked of the adapter (GpuLimits less what nnc adds). */
const LIMIT_NAMES: readonly Exclude<keyof GpuLimits, 'maxLoopPasses'>[] = [
  'maxStorageBuffersPerShaderStage',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
  'maxComputeWorkgroupSizeZ',
  'maxComputeWorkgroupsPerDimension',
  'maxStorageBufferBindingSize',
  'maxUniformBufferBindingSize',
  'maxBufferSize',
  'minUniformBufferOffsetAlignment',
  'minStorageBufferOffsetAlignment',
];

/** Optional features nnc uses when the adapter has them. */
const WANTED_FEATURES: readonly GPUFeatureName[] = ['timestamp-query'];

export interface GpuContext {
  readonly device: GPUDevice;
  /** Vendor, device and driver, e.g. 'llvmpipe-llvm-15-0-6-256-bits (OpenGL ES 3.2 Mesa 22.3.6)'. */
  readonly adapterName: string;
  readonly kind: GpuKind;
  readonly featureLevel: FeatureLevel;
  readonly limits: Readonly<GpuLimits>;
  readonly features: ReadonlySet<string>;
  /** Warnings from every shader compiled with compileShader, as 'label:line:col: message'. */
  readonly shaderWarnings: string[];
  /**
   * What Dawn, the Vulkan loader and the driver printed to stderr while the device was opened, one
   * entry per line (kept off the user's terminal; `nnc run --verbose 2` shows it).
   */
  readonly nativeLog: string[];
  /** True once close() ran or the device was lost. */
  readonly closed: boolean;
  /**
   * Waits for a promise from the device (onSubmittedWorkDone, mapAsync, ...), but rejects with
   * NNC6002 if the device is lost first, NNC6003 if the device reports an uncaptured error, and
   * NNC6005 after timeoutMs (when given).
   */
  wait<T>(promise: Promise<T>, what: string, timeoutMs?: number): Promise<T>;
  /** Throws a pending failure: the loss (NNC6002), or an uncaptured error not yet reported (NNC6003). */
  check(): void;
  /** Destroys the device (Dawn's instance is kept for the next acquireGpu), so Node can exit. Safe to call twice. */
  close(): void;
}

export interface AcquireOptions {
  /** Try only this kind of adapter (tests of the fallback path, benchmarks). */
  only?: FeatureLevel;
  /** Let native code print to stderr as it likes while the GPU is opened (default: captured, see nativeLog). */
  nativeStderr?: 'capture' | 'show';
}

type WebGpuModule = { create(options: string[]): GPU; globals: object };

/**
 * A device on the best adapter here: a real GPU (core WebGPU), else Dawn's OpenGL ES backend in
 * compatibility mode (Mesa llvmpipe on machines without a GPU), else null for 'auto' — the caller
 * runs the CPU interpreter — or NNC6001 for 'webgpu'.
 */
export async function acquireGpu(choice: GpuChoice, options: AcquireOptions = {}): Promise<GpuContext | null> {
  if (options.nativeStderr === 'show') return findDevice(choice, options);
  let found: GpuContext | null = null;
  let failure: unknown = null;
  const { text } = await withNativeStderrCaptured(async () => {
    try {
      found = await findDevice(choice, options);
    } catch (e) {
      failure = e;
    }
  });
  lastNativeLog = text.split('\n').filter((line) => line.trim() !== '');
  if (failure) throw failure;
  if (found) (found as DeviceContext).nativeLog.push(...lastNativeLog);
  return found;
}

let lastNativeLog: string[] = [];

/** What native code printed while the last acquireGpu looked for a device (also when it found none). */
export function nativeLogOfLastAcquire(): string[] {
  return lastNativeLog;
}

async function findDevice(choice: GpuChoice, options: AcquireOptions): Promise<GpuContext | null> {
  const tried: string[] = [];
  let webgpu: WebGpuModule;
  try {
    webgpu = (await import('webgpu')) as unknown as WebGpuModule;
  } catch (e) {
    return nothing(choice, [`the webgpu package did not load (${errorText(e)})`]);
  }
  installGlobals(webgpu.globals);

  if (options.only !== 'compatibility') {
    const skip = coreUnavailable();
    if (skip) {
      tried.push(skip);
    } else {
      const gpu = instance(webgpu, []);
      const adapter = await requestAdapter(gpu, { powerPreference: 'high-performance' });
      if (adapter) return openDevice(gpu, adapter, 'core');
      tried.push('no GPU adapter (Vulkan, Metal or D3D12)');
    }
  }
  if (options.only !== 'core') {
    // Mesa's EGL needs a platform without a display server; must be set before create().
    process.env.EGL_PLATFORM ??= 'surfaceless';
    const gpu = instance(webgpu, ['backend=opengles']);
    const adapter = await requestAdapter(gpu, { featureLevel: 'compatibility' });
    if (adapter) return openDevice(gpu, adapter, 'compatibility');
    tried.push('no OpenGL ES adapter (on Linux, install Mesa: libegl1 libegl-mesa0 libgles2)');
  }
  return nothing(choice, tried);
}

/**
 * Dawn's instances, one per kind, kept for the life of the process: creating an instance after an
 * earlier one was garbage-collected aborts the process inside Dawn (std::system_error), so nnc
 * makes each kind once and reuses it. A held instance does not keep Node from exiting once its
 * devices are destroyed.
 */
const instances = new Map<string, GPU>();
function instance(webgpu: WebGpuModule, options: string[]): GPU {
  const key = options.join(',');
  let gpu = instances.get(key);
  if (!gpu) {
    gpu = webgpu.create(options);
    instances.set(key, gpu);
  }
  return gpu;
}

let lastFailure = '';

/** Why the last acquireGpu('auto') returned null (for the message that says the CPU runs instead). */
export function whyNoGpu(): string {
  return lastFailure;
}

function nothing(choice: GpuChoice, tried: string[]): null {
  lastFailure = tried.join('; ');
  if (choice === 'webgpu') fail('NNC6001', undefined, { reason: lastFailure });
  return null;
}

async function requestAdapter(gpu: GPU, options: GPURequestAdapterOptions): Promise<GPUAdapter | null> {
  try {
    return await gpu.requestAdapter(options);
  } catch {
    return null;
  }
}

function installGlobals(globals: object): void {
  // GPUBufferUsage, GPUMapMode, ... are globals in a browser; dawn.node hands them over as an object.
  const g = globalThis as Record<string, unknown>;
  for (const [k, v] of Object.entries(globals)) if (!(k in g)) g[k] = v;
}

/**
 * Why a core adapter cannot exist here, or null to try. On Linux Dawn's core backend is Vulkan; without
 * the loader it prints a warning to stderr and finds nothing, so do not ask.
 */
export function coreUnavailable(): string | null {
  if (process.platform !== 'linux') return null;
  try {
    if (readFileSync('/etc/ld.so.cache').includes('libvulkan.so.1')) return null;
  } catch {
    // no cache: look in the usual places below
  }
  const dirs = [
    ...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean),
    '/usr/lib/x86_64-linux-gnu',
    '/usr/lib/aarch64-linux-gnu',
    '/usr/lib64',
    '/usr/lib',
    '/usr/local/lib',
    '/lib/x86_64-linux-gnu',
    '/lib/aarch64-linux-gnu',
  ];
  return dirs.some((d) => existsSync(join(d, 'libvulkan.so.1'))) ? null : 'no Vulkan loader (libvulkan.so.1) for a GPU adapter';
}

/**
 * Loop passes one shader invocation may take in all: Mesa's llvmpipe (OpenGL ES here, and lavapipe
 * for Vulkan) count the passes of every loop of a shader on one counter and end them all, without
 * an error, at 65,535 (gallivm's LP_MAX_TGSI_LOOP_ITERATIONS); other drivers have no such count.
 */
function loopPassLimit(adapterName: string): number {
  return /llvmpipe|lavapipe/i.test(adapterName) ? 65535 : Number.POSITIVE_INFINITY;
}

const SOFTWARE_ADAPTER = /llvmpipe|lavapipe|softpipe|swiftshader|microsoft basic render|software/i;

function describeAdapter(info: GPUAdapterInfo): { name: string; kind: GpuKind } {
  const device = info.device.replace(/-+$/, '');
  const description = info.description.replace(/^OpenGL version /, '');
  const head = [info.vendor, device].filter(Boolean).join(' ') || 'unknown adapter';
  const name = description && description !== head ? `${head} (${description})` : head;
  const all = `${info.vendor} ${info.architecture} ${info.device} ${info.description}`;
  const kind: GpuKind = info.isFallbackAdapter || SOFTWARE_ADAPTER.test(all) ? 'software' : 'hardware';
  return { name, kind };
}

async function openDevice(gpu: GPU, adapter: GPUAdapter, featureLevel: FeatureLevel): Promise<GpuContext> {
  // The device gets the defaults unless asked: ask for everything the adapter offers that we plan against.
  const requiredLimits: Record<string, number> = {};
  for (const name of LIMIT_NAMES) {
    const v = adapter.limits[name];
    if (typeof v === 'number') requiredLimits[name] = v;
  }
  const requiredFeatures = WANTED_FEATURES.filter((f) => adapter.features.has(f));
  const { name, kind } = describeAdapter(adapter.info);
  let device: GPUDevice;
  try {
    device = await adapter.requestDevice({ requiredLimits, requiredFeatures, label: 'nnc' });
  } catch (e) {
    fail('NNC6001', undefined, { reason: `${name} refused to open a device: ${errorText(e)}` });
  }
  return new DeviceContext(gpu, device, name, kind, featureLevel);
}

class DeviceContext implements GpuContext {
  readonly limits: Readonly<GpuLimits>;
  readonly features: ReadonlySet<string>;
  readonly shaderWarnings: string[] = [];
  readonly nativeLog: string[] = [];
  private gpu: GPU | null;
  private lost: NncError | null = null;
  private uncaptured: NncError | null = null;
  private closing = false;
  private readonly waiters = new Set<(error: NncError) => void>();
  private readonly onUncaptured = (event: Event) => {
    event.preventDefault();
    const error = (event as GPUUncapturedErrorEvent).error;
    this.uncaptured ??= new NncError(diagnostic('NNC6003', undefined, { message: firstParagraph(error.message) }));
    this.abortWaiters(this.uncaptured);
  };

  constructor(
    gpu: GPU,
    readonly device: GPUDevice,
    readonly adapterName: string,
    readonly kind: GpuKind,
    readonly featureLevel: FeatureLevel,
  ) {
    this.gpu = gpu;
    const limits = {} as GpuLimits;
    for (const k of LIMIT_NAMES) limits[k] = device.limits[k];
    limits.maxLoopPasses = loopPassLimit(adapterName);
    this.limits = Object.freeze(limits);
    this.features = new Set([...device.features]);
    device.addEventListener('uncapturederror', this.onUncaptured);
    void device.lost.then((info) => {
      const reason = this.closing ? 'the device was closed' : `${info.reason}${info.message ? `: ${firstParagraph(info.message)}` : ''}`;
      this.lost = new NncError(diagnostic('NNC6002', undefined, { reason }));
      this.abortWaiters(this.lost);
    });
  }

  get closed(): boolean {
    return this.closing || this.lost !== null;
  }

  check(): void {
    if (this.lost) throw this.lost;
    if (this.closing) throw new NncError(diagnostic('NNC6002', undefined, { reason: 'the device was closed' }));
    const error = this.uncaptured;
    if (error) {
      // reported once: whoever waits next learns of it; later waits see later errors
      this.uncaptured = null;
      throw error;
    }
  }

  wait<T>(promise: Promise<T>, what: string, timeoutMs?: number): Promise<T> {
    try {
      this.check();
    } catch (e) {
      promise.catch(() => {});
      return Promise.reject(e);
    }
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        this.waiters.delete(abort);
        if (timer) clearTimeout(timer);
      };
      const abort = (error: NncError) => {
        finish();
        if (error === this.uncaptured) this.uncaptured = null;
        reject(error);
      };
      this.waiters.add(abort);
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => abort(new NncError(diagnostic('NNC6005', undefined, { what, seconds: timeoutMs / 1000 }))), timeoutMs);
      }
      promise.then(
        (value) => {
          if (!this.waiters.has(abort)) return;
          finish();
          try {
            this.check();
            resolve(value);
          } catch (e) {
            reject(e);
          }
        },
        (error: unknown) => {
          if (!this.waiters.has(abort)) return;
          // A loss rejects mapAsync with a bare AbortError; let the loss callback run first to say why.
          setImmediate(() => {
            if (!this.waiters.has(abort)) return;
            finish();
            try {
              this.check();
              reject(new NncError(diagnostic('NNC6003', undefined, { message: `${what} failed: ${errorText(error)}` })));
            } catch (e) {
              reject(e);
            }
          });
        },
      );
    });
  }

  close(): void {
    if (this.gpu === null) return;
    this.closing = true;
    this.device.removeEventListener('uncapturederror', this.onUncaptured);
    this.device.destroy();
    this.gpu = null;
  }

  private abortWaiters(error: NncError): void {
    for (const abort of [...this.waiters]) abort(error);
  }
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : e.name;
  return String(e);
}

/** Dawn's messages repeat themselves after a blank line ("validation:\n..."); keep the first part. */
function firstParagraph(message: string): string {
  return message.split(/\n\s*\n/)[0]!.trim();
}

/** `adapterName [software, compatibility]`, for logs and --verbose. */
export function describeGpu(ctx: GpuContext): string {
  return `${ctx.adapterName} [${ctx.kind}, ${ctx.featureLevel}]`;
}

// ---- shaders and pipelines -----------------------------------------------------------------

/**
 * Compiles WGSL and waits for Dawn's verdict: any error throws NNC6003 with the messages and the
 * offending lines; warnings are kept in ctx.shaderWarnings (tests fail on them).
 */
export async function compileShader(ctx: GpuContext, code: string, label: string): Promise<GPUShaderModule> {
  ctx.check();
  ctx.device.pushErrorScope('validation');
  const module = ctx.device.createShaderModule({ code, label });
  const scope = ctx.device.popErrorScope();
  const info = await ctx.wait(module.getCompilationInfo(), `compiling shader '${label}'`);
  const scopeError = await ctx.wait(scope, `compiling shader '${label}'`);
  const lines = code.split('\n');
  const render = (m: GPUCompilationMessage) => {
    const source = m.lineNum > 0 ? `\n    ${lines[m.lineNum - 1]?.trim() ?? ''}` : '';
    return `${label}:${m.lineNum}:${m.linePos}: ${m.type}: ${m.message.trim()}${source}`;
  };
  for (const m of info.messages) if (m.type === 'warning') ctx.shaderWarnings.push(render(m));
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length > 0 || scopeError) {
    const detail = errors.length > 0 ? info.messages.filter((m) => m.type !== 'warning').map(render) : [firstParagraph(scopeError!.message)];
    throw new NncError(diagnostic('NNC6003', undefined, { message: `shader '${label}' does not compile:\n${detail.join('\n')}` }));
  }
  return module;
}

/** A compute pipeline (auto layout unless given), with creation errors as NNC6003. */
export async function createComputePipeline(
  ctx: GpuContext,
  module: GPUShaderModule,
  entryPoint: string,
  label: string,
  layout: GPUPipelineLayout | 'auto' = 'auto',
): Promise<GPUComputePipeline> {
  ctx.check();
  try {
    return await ctx.wait(ctx.device.createComputePipelineAsync({ layout, compute: { module, entryPoint }, label }), `creating pipeline '${label}'`);
  } catch (e) {
    if (e instanceof NncError) throw e;
    throw new NncError(diagnostic('NNC6003', undefined, { message: `pipeline '${label}': ${errorText(e)}` }));
  }
}

/** Runs fn inside validation and out-of-memory error scopes; an error in them becomes NNC6003 naming `what`. */
export async function withErrorScope<T>(ctx: GpuContext, what: string, fn: () => T): Promise<T> {
  ctx.check();
  ctx.device.pushErrorScope('out-of-memory');
  ctx.device.pushErrorScope('validation');
  let result: T;
  try {
    result = fn();
  } finally {
    const validation = ctx.device.popErrorScope();
    const memory = ctx.device.popErrorScope();
    const [v, m] = await ctx.wait(Promise.all([validation, memory]), what);
    const error = v ?? m;
    if (error) throw new NncError(diagnostic('NNC6003', undefined, { message: `${what}: ${firstParagraph(error.message)}` }));
  }
  return result;
}

// ---- buffers -------------------------------------------------------------------------------

/** GPUBufferUsage's flags (the same numbers as the WebGPU spec), usable before any adapter exists. */
export const BufferUsage = {
  MAP_READ: 0x0001,
  MAP_WRITE: 0x0002,
  COPY_SRC: 0x0004,
  COPY_DST: 0x0008,
  INDEX: 0x0010,
  VERTEX: 0x0020,
  UNIFORM: 0x0040,
  STORAGE: 0x0080,
  INDIRECT: 0x0100,
  QUERY_RESOLVE: 0x0200,
} as const;

const MAP_READ_MODE = 0x0001; // GPUMapMode.READ

function roundUp4(n: number): number {
  return Math.max(4, Math.ceil(n / 4) * 4);
}

/** A buffer of at least `bytes` bytes (rounded up to a multiple of 4, at least 4: WebGPU copies work in 4-byte units). */
export function createBuffer(ctx: GpuContext, bytes: number, usage: number, label: string): GPUBuffer {
  ctx.check();
  return ctx.device.createBuffer({ size: roundUp4(bytes), usage, label });
}

/** A buffer created holding `data` (written while mapped at creation: no queue traffic). */
export function createBufferWith(ctx: GpuContext, data: ArrayBufferView, usage: number, label: string): GPUBuffer {
  ctx.check();
  const buffer = ctx.device.createBuffer({ size: roundUp4(data.byteLength), usage, label, mappedAtCreation: true });
  new Uint8Array(buffer.getMappedRange()).set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  buffer.unmap();
  return buffer;
}

/** Writes data into a buffer at a byte offset (both multiples of 4), through the queue. */
export function upload(ctx: GpuContext, buffer: GPUBuffer, data: ArrayBufferView, offset = 0): void {
  ctx.check();
  if (data.byteLength % 4 !== 0 || offset % 4 !== 0) {
    throw new NncError(diagnostic('NNC6003', undefined, { message: `upload to '${buffer.label}': ${data.byteLength} bytes at offset ${offset} is not 4-byte aligned` }));
  }
  ctx.device.queue.writeBuffer(buffer, offset, data.buffer, data.byteOffset, data.byteLength);
}

export type ReadFormat = 'f32' | 'u32' | 'i32';

/**
 * Copies `bytes` bytes of a buffer (which needs COPY_SRC usage) to the host, after all work
 * submitted so far. Rejects with NNC6002/NNC6003/NNC6005 rather than hanging.
 */
export function readback(ctx: GpuContext, buffer: GPUBuffer, bytes: number, format?: 'f32', offset?: number, timeoutMs?: number): Promise<Float32Array>;
export function readback(ctx: GpuContext, buffer: GPUBuffer, bytes: number, format: 'u32', offset?: number, timeoutMs?: number): Promise<Uint32Array>;
export function readback(ctx: GpuContext, buffer: GPUBuffer, bytes: number, format: 'i32', offset?: number, timeoutMs?: number): Promise<Int32Array>;
export async function readback(
  ctx: GpuContext,
  buffer: GPUBuffer,
  bytes: number,
  format: ReadFormat = 'f32',
  offset = 0,
  timeoutMs?: number,
): Promise<Float32Array | Uint32Array | Int32Array> {
  ctx.check();
  const size = roundUp4(bytes);
  const staging = ctx.device.createBuffer({ size, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST, label: `readback of ${buffer.label}` });
  try {
    const encoder = ctx.device.createCommandEncoder({ label: `readback of ${buffer.label}` });
    encoder.copyBufferToBuffer(buffer, offset, staging, 0, size);
    ctx.device.queue.submit([encoder.finish()]);
    await ctx.wait(staging.mapAsync(MAP_READ_MODE), `reading back '${buffer.label}'`, timeoutMs);
    const copy = staging.getMappedRange().slice(0, size);
    staging.unmap();
    const count = Math.floor(bytes / 4);
    return format === 'u32' ? new Uint32Array(copy, 0, count) : format === 'i32' ? new Int32Array(copy, 0, count) : new Float32Array(copy, 0, count);
  } finally {
    staging.destroy();
  }
}

/** Submits command buffers and waits until the GPU has run them. */
export async function submitAndWait(ctx: GpuContext, commands: GPUCommandBuffer[], what: string, timeoutMs?: number): Promise<void> {
  ctx.check();
  ctx.device.queue.submit(commands);
  await ctx.wait(ctx.device.queue.onSubmittedWorkDone(), what, timeoutMs);
}
