// Which executor runs the plan: a GPU through WebGPU when one is there (a real one first, then
// Dawn's software adapter), else the CPU interpreter. Chosen once per run and printed.
import { NncError, diagnostic } from '../base/diagnostics/diagnostic.js';
import type { Plan } from '../compiler/plan/ir.js';
import { CpuExecutor } from './cpu/executor.js';
import type { Executor } from './executor.js';
import { acquireGpu, describeGpu, nativeLogOfLastAcquire, whyNoGpu, type GpuContext } from './webgpu/gpu.js';
import { WebGpuExecutor } from './webgpu/executor.js';

export type BackendChoice = 'auto' | 'cpu' | 'webgpu';

export interface Backend {
  kind: 'cpu' | 'webgpu';
  gpu: GpuContext | null;
  /** What the user is told: 'cpu', 'webgpu: NVIDIA H100 (vulkan)', with the reason for a fallback. */
  description: string;
  /**
   * The adapter's details for `--verbose 2`: its kind and feature level, and what Dawn and the
   * driver printed while it was opened (kept off stderr otherwise), one line each.
   */
  details: string[];
}

export async function selectBackend(choice: BackendChoice): Promise<Backend> {
  if (choice === 'cpu') return { kind: 'cpu', gpu: null, description: 'cpu', details: [] };
  const gpu = await acquireGpu('auto');
  const native = nativeLogOfLastAcquire();
  if (gpu) return { kind: 'webgpu', gpu, description: `webgpu: ${describeGpu(gpu)}`, details: [...adapterDetails(gpu), ...native.map((l) => `native stderr: ${l}`)] };
  if (choice === 'webgpu') {
    const said = native.length > 0 ? `; the driver said: ${native.join(' / ')}` : '';
    throw new NncError(diagnostic('NNC6001', undefined, { reason: `${whyNoGpu()}${said}` }));
  }
  return { kind: 'cpu', gpu: null, description: `cpu (no WebGPU adapter: ${whyNoGpu()})`, details: native.map((l) => `native stderr: ${l}`) };
}

/** The features and the limits nnc plans against, for --verbose 2. */
function adapterDetails(gpu: GpuContext): string[] {
  const l = gpu.limits;
  return [
    `features: ${[...gpu.features].sort().join(', ') || 'none beyond the core'}`,
    `limits: ${l.maxStorageBuffersPerShaderStage} storage buffers per stage, ${l.maxComputeWorkgroupStorageSize / 1024} KiB workgroup memory, ${l.maxComputeInvocationsPerWorkgroup} invocations per workgroup, buffers up to ${Math.floor(l.maxStorageBufferBindingSize / 2 ** 20)} MiB`,
  ];
}

/** `maxRows`: the largest batch the plan will run (GPU buffers are sized for it once). */
export async function createExecutor(plan: Plan, backend: Backend, maxRows = 1024): Promise<Executor> {
  if (backend.kind === 'webgpu' && backend.gpu) return WebGpuExecutor.create(plan, backend.gpu, maxRows);
  return new CpuExecutor(plan);
}

export function closeBackend(backend: Backend): void {
  backend.gpu?.close();
}
