// One WebGPU context per test file (vitest isolates modules per file), closed after the file's tests.
// Without an adapter the GPU tests skip with a notice, except in CI, which installs Mesa's EGL/GLES
// for exactly this and must run them.
import { afterAll } from 'vitest';
import { type GpuContext, acquireGpu, whyNoGpu } from '../../runtime/webgpu/gpu.js';
import { inCI } from './shared.js';

let shared: Promise<GpuContext | null> | null = null;

/** The file's GPU context, or null (tests skip) when this machine has no adapter and CI is not set. */
export function gpuForTests(): Promise<GpuContext | null> {
  shared ??= acquireForTests();
  return shared;
}

async function acquireForTests(): Promise<GpuContext | null> {
  const ctx = await acquireGpu('auto');
  if (!ctx) {
    const why = whyNoGpu();
    if (inCI) throw new Error(`CI=true but no WebGPU adapter: ${why}`);
    console.warn(`notice: no WebGPU adapter (${why}); GPU tests are skipped`);
    return null;
  }
  afterAll(() => ctx.close());
  return ctx;
}

/** A promise that rejects after ms: for racing anything that must not hang a test. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
