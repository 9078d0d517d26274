// Where a page runs a model: on its own WebGPU device (navigator.gpu, or a GPUDevice the page hands
// over), else on the CPU interpreter in a Web Worker so the page never freezes. Outside a page
// (Node, tests) the CPU runs in this thread. Chosen once, and said: 'webgpu: ADAPTER' or 'cpu ...'.
import { NncError, diagnostic } from '../base/diagnostics/diagnostic.js';
import { CpuExecutor } from '../runtime/cpu/executor.js';
import { describeGpu, wrapDevice, type GpuContext } from '../runtime/webgpu/device.js';
import { WebGpuExecutor } from '../runtime/webgpu/executor.js';
import type { GpuProgram } from '../compiler/wgsl/emit.js';
import { LocalTrainer, type Trainer, type TrainerSpec } from './trainer.js';
import { WorkerHost, type WorkerLike } from './worker-trainer.js';

export type WebBackendChoice = 'auto' | 'webgpu' | 'cpu';

export interface BackendOptions {
  /** 'auto' (default): WebGPU when the page has it, else the CPU. */
  backend?: WebBackendChoice;
  /** A device to run on (the page's own, or Dawn's in Node) instead of asking navigator.gpu for one. */
  device?: GPUDevice;
  /**
   * The CPU worker's script (nnc-worker.js beside nnc.js), or a function that makes the worker;
   * null runs the CPU interpreter in this thread (what Node and tests do).
   */
  worker?: string | URL | (() => WorkerLike) | null;
}

export interface WebBackend {
  kind: 'webgpu' | 'cpu';
  /** What the page is told: 'webgpu: google swiftshader [software, core]', 'cpu (Web Worker): no WebGPU ...'. */
  description: string;
  gpu: GpuContext | null;
  worker: WorkerHost | null;
  close(): void;
}

interface NavigatorGpu {
  gpu?: GPU;
}

/** Why the page has no WebGPU adapter, in words; null when it has one (and the adapter). */
async function pageAdapter(): Promise<{ adapter: GPUAdapter | null; why: string }> {
  const gpu = (globalThis as { navigator?: NavigatorGpu }).navigator?.gpu;
  if (!gpu) return { adapter: null, why: 'this browser has no WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await gpu.requestAdapter();
    return adapter ? { adapter, why: '' } : { adapter: null, why: 'navigator.gpu.requestAdapter() found no adapter' };
  } catch (e) {
    return { adapter: null, why: `navigator.gpu.requestAdapter() failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** GPUDevice.adapterInfo where the browser has it; else an anonymous adapter. */
function infoOf(device: GPUDevice): GPUAdapterInfo {
  const info = (device as GPUDevice & { adapterInfo?: GPUAdapterInfo }).adapterInfo;
  return info ?? ({ vendor: '', architecture: '', device: '', description: 'a GPUDevice given to nnc', isFallbackAdapter: false } as unknown as GPUAdapterInfo);
}

export async function openBackend(options: BackendOptions = {}): Promise<WebBackend> {
  const choice = options.backend ?? 'auto';
  let why = '';
  if (choice !== 'cpu') {
    let gpu: GpuContext | null = null;
    if (options.device) {
      gpu = wrapDevice(options.device, { info: infoOf(options.device) });
    } else {
      const found = await pageAdapter();
      why = found.why;
      if (found.adapter) {
        // WebGPU's default limits: the ones a web build's shaders were emitted for (gpu-program.ts).
        try {
          gpu = wrapDevice(await found.adapter.requestDevice({ label: 'nnc' }), { info: found.adapter.info });
        } catch (e) {
          why = `the adapter refused to open a device: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
    }
    if (gpu) {
      const context = gpu;
      return { kind: 'webgpu', description: `webgpu: ${describeGpu(context)}`, gpu: context, worker: null, close: () => context.close() };
    }
    if (choice === 'webgpu') throw new NncError(diagnostic('NNC6006', undefined, { reason: why }));
  }
  const worker = makeWorker(options.worker);
  const where = worker ? 'cpu (Web Worker)' : 'cpu';
  const host = worker ? new WorkerHost(worker) : null;
  return {
    kind: 'cpu',
    description: why ? `${where}: ${why}` : where,
    gpu: null,
    worker: host,
    close: () => host?.terminate(),
  };
}

function makeWorker(spec: BackendOptions['worker']): WorkerLike | null {
  if (spec === null || spec === undefined) return null;
  if (typeof spec === 'function') return spec();
  const WorkerClass = (globalThis as { Worker?: new (url: string | URL, options?: { type: 'module' }) => WorkerLike }).Worker;
  return WorkerClass ? new WorkerClass(spec, { type: 'module' }) : null;
}

/** A trainer for a model on the backend: `program`, shaders emitted before, when they suit the device. */
export async function createTrainer(backend: WebBackend, spec: TrainerSpec, maxRows: number, program?: GpuProgram): Promise<Trainer> {
  if (backend.gpu) {
    const executor = await WebGpuExecutor.create(spec.plan, backend.gpu, maxRows, program ? { program } : {});
    return new LocalTrainer(spec, executor, backend.description);
  }
  if (backend.worker) return backend.worker.trainer(spec);
  return new LocalTrainer(spec, new CpuExecutor(spec.plan), 'cpu');
}
