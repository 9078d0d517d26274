// Which executor runs the plan: a GPU through WebGPU when one is there (a real one first, then
// Dawn's software adapter), else the CPU interpreter. Chosen once per run and printed.
import { NncError, diagnostic } from '../base/diagnostics/diagnostic.js';
import type { Plan } from '../compiler/plan/ir.js';
import { CpuExecutor } from './cpu/executor.js';
import type { Executor } from './executor.js';
import { acquireGpu, describeGpu, whyNoGpu, type GpuContext } from './webgpu/gpu.js';
import { WebGpuExecutor } from './webgpu/executor.js';

export type BackendChoice = 'auto' | 'cpu' | 'webgpu';

export interface Backend {
  kind: 'cpu' | 'webgpu';
  gpu: GpuContext | null;
  /** What the user is told: 'cpu', 'webgpu: NVIDIA H100 (vulkan)', with the reason for a fallback. */
  description: string;
}

export async function selectBackend(choice: BackendChoice): Promise<Backend> {
  if (choice === 'cpu') return { kind: 'cpu', gpu: null, description: 'cpu' };
  const gpu = await acquireGpu(choice === 'webgpu' ? 'webgpu' : 'auto');
  if (gpu) return { kind: 'webgpu', gpu, description: `webgpu: ${describeGpu(gpu)}` };
  if (choice === 'webgpu') throw new NncError(diagnostic('NNC6001', undefined, { reason: whyNoGpu() }));
  return { kind: 'cpu', gpu: null, description: `cpu (no WebGPU adapter: ${whyNoGpu()})` };
}

/** `maxRows`: the largest batch the plan will run (GPU buffers are sized for it once). */
export async function createExecutor(plan: Plan, backend: Backend, maxRows = 1024): Promise<Executor> {
  if (backend.kind === 'webgpu' && backend.gpu) return WebGpuExecutor.create(plan, backend.gpu, maxRows);
  return new CpuExecutor(plan);
}

export function closeBackend(backend: Backend): void {
  backend.gpu?.close();
}
