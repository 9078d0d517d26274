// SIMD bodies called in JavaScript loops (codegen.ts, simdRows: a pooling, its gradient, any map over
// more than two axes), run on several threads: with more than one, the kernel records each call
// (the body's index and its arguments) in a CallQueue instead of making it, and `flush` runs the
// calls split across the interpreter's threads (threads.ts) or here, whichever has been faster for
// this many calls (Chooser). Each call reads its inputs and writes only its own elements (the
// loops of a map, or of a reduction whose every output one call computes whole), so however the
// calls are dealt, the result is the same bits as calling them in order.
import { Chooser } from './thread-options.js';

/** Arguments a recorded call may have (a body with more is called directly, on this thread). */
export const CALL_ARGS = 16;
/** Float64 slots per recorded call: the body's index, then CALL_ARGS arguments. */
export const CALL_SLOTS = 1 + CALL_ARGS;
/** Calls a queue holds; a full queue runs what it holds and takes more. */
export const QUEUE_CALLS = 4096;

export type SimdFn = (...args: number[]) => void;

/**
 * Runs recorded calls [c0, c1) of `q` with `fns` (the SIMD bodies by index); arguments a body does
 * not take are passed and ignored. Self-contained: the workers run its source too.
 */
export function runCalls(fns: SimdFn[], q: Float64Array, c0: number, c1: number, slots: number): void {
  for (let c = c0; c < c1; c++) {
    const a = c * slots;
    fns[q[a]!]!(q[a + 1]!, q[a + 2]!, q[a + 3]!, q[a + 4]!, q[a + 5]!, q[a + 6]!, q[a + 7]!, q[a + 8]!, q[a + 9]!, q[a + 10]!, q[a + 11]!, q[a + 12]!, q[a + 13]!, q[a + 14]!, q[a + 15]!, q[a + 16]!);
  }
}

/** The SIMD bodies of a module's exports (s0, s1, ...: PlanCompiler's names) by index. */
export function simdFunctions(exports: Record<string, unknown>): SimdFn[] {
  const fns: SimdFn[] = [];
  for (let i = 0; typeof exports[`s${i}`] === 'function'; i++) fns.push(exports[`s${i}`] as SimdFn);
  return fns;
}

/** Runs `count` recorded calls across the threads (threads.ts: a job the workers share). */
export type SplitCalls = (count: number) => void;

/** Where a kernel on several threads records its SIMD calls (ctx.calls). */
export class CallQueue {
  /** The recorded calls, CALL_SLOTS floats each (over `buffer`, a SharedArrayBuffer the workers read). */
  private readonly slots: Float64Array;
  private n = 0;
  private readonly chooser: Chooser | null;

  /** `adaptive` false: every flush split (tests). */
  constructor(
    buffer: SharedArrayBuffer,
    private readonly fns: SimdFn[],
    private readonly split: SplitCalls,
    adaptive = true,
  ) {
    this.slots = new Float64Array(buffer, 0, QUEUE_CALLS * CALL_SLOTS);
    this.chooser = adaptive ? new Chooser() : null;
  }

  /** A queue's shared memory. */
  static buffer(): SharedArrayBuffer {
    return new SharedArrayBuffer(QUEUE_CALLS * CALL_SLOTS * 8);
  }

  /** Records body `fn`'s call with these arguments (the generated kernels pass as many as the body takes). */
  put(fn: number, a0: number, a1: number, a2: number, a3: number, a4: number, a5: number, a6: number, a7: number, a8?: number, a9?: number, a10?: number, a11?: number, a12?: number, a13?: number, a14?: number, a15?: number): void {
    if (this.n === QUEUE_CALLS) this.flush();
    const q = this.slots;
    const at = this.n++ * CALL_SLOTS;
    q[at] = fn;
    q[at + 1] = a0;
    q[at + 2] = a1;
    q[at + 3] = a2;
    q[at + 4] = a3;
    q[at + 5] = a4;
    q[at + 6] = a5;
    q[at + 7] = a6;
    q[at + 8] = a7;
    q[at + 9] = a8 ?? 0;
    q[at + 10] = a9 ?? 0;
    q[at + 11] = a10 ?? 0;
    q[at + 12] = a11 ?? 0;
    q[at + 13] = a12 ?? 0;
    q[at + 14] = a13 ?? 0;
    q[at + 15] = a14 ?? 0;
    q[at + 16] = a15 ?? 0;
  }

  /** Runs every recorded call (split or here: Chooser, by the body and the count) and empties the queue. */
  flush(): void {
    const n = this.n;
    if (n === 0) return;
    this.n = 0;
    const here = () => runCalls(this.fns, this.slots, 0, n, CALL_SLOTS);
    if (n < 2) return here();
    const split = () => this.split(n);
    if (!this.chooser) return split();
    this.chooser.run(n, this.slots[0]!, 0, here, split);
  }
}
