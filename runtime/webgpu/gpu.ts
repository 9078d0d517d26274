/// <reference types="@webgpu/types" preserve="true" />
// A WebGPU device in Node: finding an adapter through Dawn (the `webgpu` package: a real GPU first,
// then Dawn's OpenGL ES backend on Mesa's software rasterizer) and opening a device with every limit
// the adapter offers. What nnc does with a device, wherever it came from, is device.ts (re-exported
// here); a page gets its device from navigator.gpu instead (web/).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../../base/diagnostics/diagnostic.js';
import { describeAdapter, errorText, LIMIT_NAMES, wrapDevice, type FeatureLevel, type GpuContext } from './device.js';
import { withNativeStderrCaptured } from './native-stderr.js';

export * from './device.js';

export type GpuChoice = 'auto' | 'webgpu';

/** Optional features nnc uses when the adapter has them. */
const WANTED_FEATURES: readonly GPUFeatureName[] = ['timestamp-query'];

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
  if (found) (found as GpuContext).nativeLog.push(...lastNativeLog);
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

async function openDevice(gpu: GPU, adapter: GPUAdapter, featureLevel: FeatureLevel): Promise<GpuContext> {
  // The device gets the defaults unless asked: ask for everything the adapter offers that we plan against.
  const requiredLimits: Record<string, number> = {};
  for (const name of LIMIT_NAMES) {
    const v = adapter.limits[name];
    if (typeof v === 'number') requiredLimits[name] = v;
  }
  const requiredFeatures = WANTED_FEATURES.filter((f) => adapter.features.has(f));
  const { name } = describeAdapter(adapter.info);
  let device: GPUDevice;
  try {
    device = await adapter.requestDevice({ requiredLimits, requiredFeatures, label: 'nnc' });
  } catch (e) {
    fail('NNC6001', undefined, { reason: `${name} refused to open a device: ${errorText(e)}` });
  }
  return wrapDevice(device, { info: adapter.info, featureLevel, owner: gpu });
}

