/// <reference types="@webgpu/types" preserve="true" />
// A WebGPU device as nnc uses it, whatever it came from: Dawn's in Node (gpu.ts finds one), the
// page's navigator.gpu in a browser (web/). wrapDevice turns a GPUDevice into a GpuContext with the
// limits the compiler plans against, and everything that can go wrong into NncErrors (NNC6002-
// NNC6005) instead of hangs: a lost device rejects every pending wait, an uncaptured validation
// error rejects the next one, and shader compilation reports the compiler's messages with line and
// column. No Node API here: this module runs in pages too.
import { NncError, diagnostic } from '../../base/diagnostics/diagnostic.js';
import { nextTask } from '../next-task.js';

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
export const LIMIT_NAMES: readonly Exclude<keyof GpuLimits, 'maxLoopPasses'>[] = [
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

/** What wrapDevice needs to know of where the device came from. */
export interface DeviceOrigin {
  /** The adapter's info (GPUAdapter.info), which names it and says whether it is a software one. */
  info: GPUAdapterInfo;
  featureLevel?: FeatureLevel;
  /** Kept alive as long as the device (Dawn's GPU object). */
  owner?: unknown;
}

/** A GpuContext over any GPUDevice: Dawn's, or a page's. Its limits are the device's, as granted. */
export function wrapDevice(device: GPUDevice, origin: DeviceOrigin): GpuContext {
  const { name, kind } = describeAdapter(origin.info);
  return new DeviceContext(device, name, kind, origin.featureLevel ?? 'core', origin.owner ?? null);
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

export function describeAdapter(info: GPUAdapterInfo): { name: string; kind: GpuKind } {
  const device = info.device.replace(/-+$/, '');
  const description = info.description.replace(/^OpenGL version /, '');
  // a browser may name only the vendor and architecture (Chromium's SwiftShader: google, swiftshader)
  const head = [info.vendor, device || info.architecture].filter(Boolean).join(' ') || 'unknown adapter';
  const name = description && description !== head ? `${head} (${description})` : head;
  const all = `${info.vendor} ${info.architecture} ${info.device} ${info.description}`;
  const kind: GpuKind = info.isFallbackAdapter || SOFTWARE_ADAPTER.test(all) ? 'software' : 'hardware';
  return { name, kind };
}

class DeviceContext implements GpuContext {
  readonly limits: Readonly<GpuLimits>;
  readonly features: ReadonlySet<string>;
  readonly shaderWarnings: string[] = [];
  readonly nativeLog: string[] = [];
  /** Whatever the device came from (Dawn's GPU object): held while the device lives. */
  private owner: unknown;
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
    readonly device: GPUDevice,
    readonly adapterName: string,
    readonly kind: GpuKind,
    readonly featureLevel: FeatureLevel,
    owner: unknown,
  ) {
    this.owner = owner;
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
      let timer: ReturnType<typeof setTimeout> | undefined;
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
          void nextTask().then(() => {
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
    if (this.closing) return;
    this.closing = true;
    this.device.removeEventListener('uncapturederror', this.onUncaptured);
    this.device.destroy();
    this.owner = null;
  }

  private abortWaiters(error: NncError): void {
    for (const abort of [...this.waiters]) abort(error);
  }
}

export function errorText(e: unknown): string {
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
  const staging = createStaging(ctx, bytes, `readback of ${buffer.label}`);
  try {
    const copy = await readThrough(ctx, buffer, staging, bytes, offset, timeoutMs);
    const count = Math.floor(bytes / 4);
    return format === 'u32' ? new Uint32Array(copy, 0, count) : format === 'i32' ? new Int32Array(copy, 0, count) : new Float32Array(copy, 0, count);
  } finally {
    staging.destroy();
  }
}

/** A buffer the host maps to read what is copied into it (readThrough). */
export function createStaging(ctx: GpuContext, bytes: number, label: string): GPUBuffer {
  return ctx.device.createBuffer({ size: roundUp4(bytes), usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST, label });
}

/**
 * Copies `bytes` bytes of `buffer` from `offset` into `staging` (unmapped, large enough) after all
 * work submitted so far, and returns them; `staging` is unmapped again, ready for the next read.
 * The copy is submitted before this returns its promise, so it sees exactly the work before it.
 */
export async function readThrough(ctx: GpuContext, buffer: GPUBuffer, staging: GPUBuffer, bytes: number, offset = 0, timeoutMs?: number): Promise<ArrayBuffer> {
  ctx.check();
  const size = roundUp4(bytes);
  const encoder = ctx.device.createCommandEncoder({ label: `readback of ${buffer.label}` });
  encoder.copyBufferToBuffer(buffer, offset, staging, 0, size);
  ctx.device.queue.submit([encoder.finish()]);
  await ctx.wait(staging.mapAsync(MAP_READ_MODE, 0, size), `reading back '${buffer.label}'`, timeoutMs);
  const copy = staging.getMappedRange(0, size).slice(0);
  staging.unmap();
  return copy;
}

/** Submits command buffers and waits until the GPU has run them. */
export async function submitAndWait(ctx: GpuContext, commands: GPUCommandBuffer[], what: string, timeoutMs?: number): Promise<void> {
  ctx.check();
  ctx.device.queue.submit(commands);
  await ctx.wait(ctx.device.queue.onSubmittedWorkDone(), what, timeoutMs);
}
