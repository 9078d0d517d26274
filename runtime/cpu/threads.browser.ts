// runtime/cpu/threads.ts for a web page: one thread. (Worker threads sharing the interpreter's
// memory would need a SharedArrayBuffer, which a page has only when it is cross-origin isolated,
// and Web Workers in place of Node's; not done.) Browser bundles use this module in place of
// threads.ts (scripts/bundle-web.mjs); it exports the same names.
import type { WasmMemory, WasmModule } from './wasm/api.js';
import { runCalls, CALL_SLOTS, type SimdFn, type SplitCalls } from './simd-calls.js';
import type { GemmExports, GemmFn } from './wasm/gemm.js';
import type { WgemmExports, WgemmFn } from './wasm/wgemm.js';

export { Chooser, DEFAULT_MIN_FLOPS, MAX_THREADS, threadsProblem } from './thread-options.js';

/** One thread in a page. */
export function defaultThreads(): number {
  return 1;
}

/** No product is ever split in a page. */
export function productsSplit(): number {
  return 0;
}

/** Nor are recorded SIMD calls. */
export function callsSplit(): number {
  return 0;
}

export interface ThreadedGemm {
  gemm: GemmFn;
  release(): void;
}

/** The one-thread gemm, whatever the other arguments (threads.ts's) say. */
export function threadedGemm(memory: WasmMemory, ex: GemmExports, threads?: number, minFlops?: number, adaptive?: boolean): ThreadedGemm {
  void [memory, threads, minFlops, adaptive];
  return { gemm: ex.gemm, release: () => {} };
}


/** The one-thread windowed gemm. */
export function threadedWgemm(memory: WasmMemory, ex: WgemmExports, threads?: number, minFlops?: number, adaptive?: boolean): WgemmFn {
  void [memory, threads, minFlops, adaptive];
  return ex.wgemm;
}

/** Recorded SIMD calls run here, in order. */
export function threadedCalls(memory: WasmMemory, simd: WasmModule, queue: SharedArrayBuffer, fns: SimdFn[], threads?: number): SplitCalls {
  void [memory, simd, threads];
  const q = new Float64Array(queue);
  return (calls) => runCalls(fns, q, 0, calls, CALL_SLOTS);
}

/** One slot: nothing is split in a page. */
export function windowSlots(threads: number): number {
  void threads;
  return 1;
}
