// Large matrix products on several cores: the CPU interpreter's gemm (wasm/gemm.ts) shared between
// the calling thread and worker threads (node:worker_threads) over one shared WebAssembly.Memory.
//
// A product is cut into chunks: first the shared operand's panels (packed once, for everyone),
// then the outer panels, each packed and multiplied by whoever takes it (see `order` in gemm.ts).
// Threads take chunks in turn from an atomic counter, so a thread that the machine's other load
// keeps waiting simply takes fewer, and the caller never waits for a worker that has not woken
// yet: it takes the chunks itself. Every element of C is still computed by one call of the same
// micro-kernel over k in order, so the result is the same bits as on one thread, however the
// chunks fall. Products under a size threshold stay on the calling thread.
//
// The workers are started on first use, once per process, and shared by every executor; each
// memory is sent to a worker once (over a MessagePort that it reads synchronously) and forgotten
// when the executor is disposed or the memory collected. They never keep the process alive.
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { Chooser, DEFAULT_MIN_FLOPS, MAX_THREADS, OUTER_CHUNKS_PER_THREAD } from './thread-options.js';
import type { WasmApi, WasmMemory, WasmModule } from './wasm/api.js';
import { gemmModule, mr, NR, type GemmExports, type GemmFn } from './wasm/gemm.js';
import { KC, windowSlotBytes, wgemmModule, type WgemmExports, type WgemmFn } from './wasm/wgemm.js';
import { CALL_SLOTS, runCalls, simdFunctions, type SimdFn, type SplitCalls } from './simd-calls.js';

export { Chooser, DEFAULT_MIN_FLOPS, MAX_THREADS, threadsProblem } from './thread-options.js';

/** The machine's cores: the default thread count. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** Slots of the control block (an Int32Array over a SharedArrayBuffer of its own). */
const S = {
  /** Job number; workers wait on it. */
  seq: 0,
  /** Claims: (tag << 20) | next chunk, tag = seq & 0x3ff; CLOSED (-1) between jobs. */
  claim: 1,
  /** Chunks completed in the current job (also those that failed). */
  done: 2,
  /** Workers asleep in Atomics.wait on seq (the caller notifies only when there are some). */
  sleepers: 3,
  /** Set when a chunk threw (a worker cannot throw into the caller). */
  failed: 4,
  /** The memory the job runs on (its id). */
  memory: 5,
  /** Workers that take part (the first `workers` of them). */
  workers: 6,
  /** Chunks of the shared operand; chunks in all; panels per shared and per outer chunk; panels of each. */
  sharedChunks: 7,
  chunks: 8,
  sharedStep: 9,
  outerStep: 10,
  sharedPanels: 11,
  outerPanels: 12,
  order: 13,
  /**
   * What the job runs: 0, gemm's parts; 1, the windowed gemm's (wgemm.ts) over every k block
   * (packSharedAll, outerAll); 2, recorded SIMD calls (simd-calls.ts), the outer panels being calls.
   */
  kind: 14,
  /** The 15 gemm parameters. */
  args: 16,
  /** Messages posted to worker w's port so far (memories to add or forget): posted + w. */
  posted: 32,
  size: 32 + MAX_THREADS,
} as const;

type Slots = typeof S;
/** A job's two phases, as gemm.ts and wgemm.ts both export them: (15 parameters, order, p0, p1). */
type Parts = Pick<GemmExports, 'packShared' | 'outer'>;

/**
 * Takes chunks of the job numbered `seq` until there are none left; run by the caller and by every
 * worker. Self-contained (its source is the workers' too): it reads only its arguments.
 */
function participate(c: Int32Array, ex: Parts, seq: number, s: Slots): void {
  const args: number[] = [];
  let sharedChunks = 0;
  let chunks = 0;
  const read = () => {
    args.length = 0;
    for (let i = 0; i < 15; i++) args.push(c[s.args + i]!);
    args.push(c[s.order]!, 0, 0);
    sharedChunks = c[s.sharedChunks]!;
    chunks = c[s.chunks]!;
  };
  read();
  const tag = seq & 0x3ff;
  for (;;) {
    const claim = Atomics.load(c, s.claim);
    if (claim >>> 20 !== tag) return;
    const chunk = claim & 0xfffff;
    if (chunk >= chunks) return;
    if (Atomics.compareExchange(c, s.claim, claim, claim + 1) !== claim) continue;
    // The chunk is ours, and its job cannot end before we finish it. If it is not the job we read
    // (the tag repeats every 1024 jobs), read that job's parameters now.
    if (Atomics.load(c, s.seq) !== seq) {
      read();
      if (chunk >= chunks) return;
    }
    try {
      if (chunk < sharedChunks) {
        const step = c[s.sharedStep]!;
        args[16] = chunk * step;
        args[17] = Math.min(c[s.sharedPanels]!, args[16] + step);
        ex.packShared(...args);
      } else {
        // every shared panel packed before any outer panel is multiplied
        let spins = 0;
        for (let d = Atomics.load(c, s.done); d < sharedChunks; d = Atomics.load(c, s.done)) {
          if (++spins > 1024) Atomics.wait(c, s.done, d, 1);
        }
        const step = c[s.outerStep]!;
        args[16] = (chunk - sharedChunks) * step;
        args[17] = Math.min(c[s.outerPanels]!, args[16] + step);
        ex.outer(...args);
      }
    } catch (err) {
      Atomics.store(c, s.failed, 1);
      throw err;
    } finally {
      const done = Atomics.add(c, s.done, 1) + 1;
      if (done === sharedChunks || done === chunks) Atomics.notify(c, s.done);
    }
  }
}

/** A memory sent to a worker (with the plan's SIMD bodies and the queue its kernels record calls in), or forgotten (id alone). */
interface MemoryMessage {
  id: number;
  memory?: WasmMemory;
  simd?: WasmModule;
  queue?: SharedArrayBuffer;
}

interface WorkerData {
  control: SharedArrayBuffer;
  port: MessagePort;
  module: WasmModule;
  /** The windowed gemm's module (kind 1). */
  wmodule: WasmModule;
  index: number;
}

/**
 * A worker's life: wait for a job (spinning a little first: jobs come in bursts, a step's products
 * a few tens of microseconds apart), take part if it is among the first `workers`, again.
 * Self-contained, as participate.
 */
function workerMain(take: typeof participate, run: typeof runCalls, functions: typeof simdFunctions, slots: number, s: Slots, data: WorkerData, receive: typeof receiveMessageOnPort): void {
  const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const c = new Int32Array(data.control);
  const instances = new Map<number, Parts[]>();
  let received = 0;
  let seen = 0;
  for (;;) {
    let seq = Atomics.load(c, s.seq);
    if (seq === seen) {
      const until = performance.now() + 0.05;
      while ((seq = Atomics.load(c, s.seq)) === seen && performance.now() < until);
      if (seq === seen) {
        Atomics.add(c, s.sleepers, 1);
        Atomics.wait(c, s.seq, seen);
        Atomics.sub(c, s.sleepers, 1);
        continue;
      }
    }
    seen = seq;
    if (data.index >= Atomics.load(c, s.workers)) continue;
    while (received !== Atomics.load(c, s.posted + data.index)) {
      const m = receive(data.port);
      if (!m) break;
      received++;
      const message = m.message as MemoryMessage;
      if (message.memory) {
        const env = { env: { memory: message.memory } };
        const w = new api.Instance(data.wmodule, env).exports as unknown as { packSharedAll: Parts['packShared']; outerAll: Parts['outer'] };
        const parts: Parts[] = [new api.Instance(data.module, env).exports as unknown as Parts, { packShared: w.packSharedAll, outer: w.outerAll }];
        if (message.simd && message.queue) {
          const fns = functions(new api.Instance(message.simd, env).exports);
          const q = new Float64Array(message.queue);
          parts.push({ packShared: () => {}, outer: (...a: number[]) => run(fns, q, a[16]!, a[17]!, slots) });
        }
        instances.set(message.id, parts);
      } else instances.delete(message.id);
    }
    const ex = instances.get(Atomics.load(c, s.memory))?.[Atomics.load(c, s.kind)];
    try {
      if (ex) take(c, ex, seq, s);
    } catch {
      // recorded in s.failed; the caller throws
    }
  }
}

const WORKER_SOURCE = `"use strict";
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
(${workerMain.toString()})(${participate.toString()}, ${runCalls.toString()}, ${simdFunctions.toString()}, ${CALL_SLOTS}, ${JSON.stringify(S)}, workerData, receiveMessageOnPort);
`;

/** The process's workers and their control block. */
class Pool {
  private readonly control = new SharedArrayBuffer(S.size * 4);
  private readonly c = new Int32Array(this.control);
  private readonly ports: MessagePort[] = [];
  /** The memories each worker has been sent (by id). */
  private readonly known: Array<Set<number>> = [];
  private seq = 0;
  private nextMemory = 1;
  private readonly ids = new WeakMap<WasmMemory, number>();
  /** What goes to the workers with a memory besides it: the plan's SIMD module and call queue. */
  readonly calls = new WeakMap<WasmMemory, { simd: WasmModule; queue: SharedArrayBuffer }>();
  private readonly collected = new FinalizationRegistry<number>((id) => this.forget(id));

  constructor() {
    Atomics.store(this.c, S.claim, -1);
  }

  /** At least `n` workers (started now if needed). */
  private ensure(n: number): void {
    while (this.ports.length < n) {
      const { port1, port2 } = new MessageChannel();
      const data: WorkerData = { control: this.control, port: port2, module: gemmModule(true), wmodule: wgemmModule(true), index: this.ports.length };
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: data, transferList: [port2] });
      worker.unref();
      port1.unref();
      this.ports.push(port1);
      this.known.push(new Set());
    }
  }

  private send(w: number, message: MemoryMessage): void {
    this.ports[w]!.postMessage(message);
    Atomics.add(this.c, S.posted + w, 1);
  }

  /** The workers drop their instance over this memory (at their next job). */
  forget(id: number): void {
    this.known.forEach((known, w) => known.delete(id) && this.send(w, { id }));
  }

  forgetMemory(memory: WasmMemory): void {
    const id = this.ids.get(memory);
    if (id !== undefined) this.forget(id);
  }

  /** C = A B (gemm's 15 parameters in `args`) on this thread and `threads - 1` workers. */
  run(memory: WasmMemory, ex: GemmExports, threads: number, args: number[]): void {
    const [M, N] = args as [number, number];
    const order = ex.order(M, N);
    const sharedPanels = order ? Math.ceil(N / NR) : Math.ceil(M / mr());
    const outerPanels = order ? Math.ceil(M / mr()) : Math.ceil(N / NR);
    this.job(memory, 0, ex, threads, args, order, sharedPanels, outerPanels, outerStepFor(outerPanels, threads));
  }

  /**
   * One job on this thread and `threads - 1` workers: the shared operand's panels (packed by
   * everyone), then the outer panels, `outerStep` per chunk. `kind`: whose parts the workers run.
   */
  job(memory: WasmMemory, kind: 0 | 1 | 2, ex: Parts, threads: number, args: number[], order: number, sharedPanels: number, outerPanels: number, outerStep: number): void {
    const c = this.c;
    const workers = threads - 1;
    this.ensure(workers);
    let id = this.ids.get(memory);
    if (id === undefined) {
      id = this.nextMemory++;
      this.ids.set(memory, id);
      this.collected.register(memory, id);
    }
    for (let w = 0; w < workers; w++) {
      if (this.known[w]!.has(id)) continue;
      this.send(w, { id, memory, ...this.calls.get(memory) });
      this.known[w]!.add(id);
    }
    const sharedStep = Math.ceil(sharedPanels / (4 * threads)) || 1;
    const sharedChunks = Math.ceil(sharedPanels / sharedStep);
    const chunks = sharedChunks + Math.ceil(outerPanels / outerStep);
    for (let i = 0; i < 15; i++) c[S.args + i] = args[i]!;
    c[S.order] = order;
    c[S.kind] = kind;
    c[S.memory] = id;
    c[S.workers] = workers;
    c[S.sharedChunks] = sharedChunks;
    c[S.chunks] = chunks;
    c[S.sharedStep] = sharedStep;
    c[S.outerStep] = outerStep;
    c[S.sharedPanels] = sharedPanels;
    c[S.outerPanels] = outerPanels;
    c[S.failed] = 0;
    Atomics.store(c, S.done, 0);
    const seq = (this.seq = (this.seq % 0x3fffffff) + 1);
    Atomics.store(c, S.claim, (seq & 0x3ff) << 20);
    Atomics.store(c, S.seq, seq);
    if (Atomics.load(c, S.sleepers) > 0) Atomics.notify(c, S.seq);
    try {
      participate(c, ex, seq, S);
    } finally {
      // No more claims; wait for the chunks others took (all of them, when this thread failed too).
      const last = Atomics.exchange(c, S.claim, -1);
      const claimed = Math.min(last & 0xfffff, chunks);
      let spins = 0;
      for (let d = Atomics.load(c, S.done); d < claimed; d = Atomics.load(c, S.done)) {
        if (++spins > 1024) Atomics.wait(c, S.done, d, 1);
      }
    }
    if (c[S.failed]) throw new Error(kind === 2 ? 'cpu: a worker thread failed in a SIMD body' : 'cpu: a worker thread failed in a matrix product');
  }
}

/** Outer panels per chunk: about OUTER_CHUNKS_PER_THREAD chunks per thread, so that a thread held up by the machine's other load leaves little behind. */
function outerStepFor(outerPanels: number, threads: number): number {
  return Math.ceil(outerPanels / (OUTER_CHUNKS_PER_THREAD * threads)) || 1;
}

let pool: Pool | null = null;
let split = 0;

/** Products run split across threads so far in this process (for tests and profiles). */
export function productsSplit(): number {
  return split;
}

let callJobs = 0;

/** Flushes of recorded SIMD calls run split across threads so far in this process (for tests and profiles). */
export function callsSplit(): number {
  return callJobs;
}

export interface ThreadedGemm {
  gemm: GemmFn;
  /** The workers forget the memory (its executor is done with it). */
  release(): void;
}

/**
 * gemm over a shared `memory` with up to `threads` threads: products of at least `minFlops`
 * floating-point operations, with at least two outer panels, may be split (see Chooser; always,
 * with `adaptive` false); the rest run here.
 */
export function threadedGemm(memory: WasmMemory, ex: GemmExports, threads: number, minFlops = DEFAULT_MIN_FLOPS, adaptive = true): ThreadedGemm {
  const single = ex.gemm;
  const count = Math.min(threads, MAX_THREADS);
  const chooser = adaptive ? new Chooser() : null;
  const splitRun = (args: Parameters<GemmFn>) => {
    pool ??= new Pool();
    pool.run(memory, ex, count, args);
    split++;
  };
  const gemm: GemmFn = (...args) => {
    const [M, N, K] = args;
    // (a product with one column is a matrix times a vector: gemm runs it as its transpose, here)
    if (count < 2 || 2 * M * N * K < minFlops || (M <= mr() && N <= NR) || N === 1) return single(...args);
    if (!chooser) return splitRun(args);
    chooser.run(
      M,
      N,
      K,
      () => single(...args),
      () => splitRun(args),
    );
  };
  return { gemm, release: () => pool?.forgetMemory(memory) };
}


/**
 * The windowed gemm (convolutions) over a shared `memory` with up to `threads` threads, split as
 * threadedGemm's products are, in one job: B's panels of every k block packed by everyone, then
 * A's panels in chunks, each chunk running every k block in order over its panels and packing
 * into a slot of its own after packA (the caller sizes the scratch for windowSlots(threads) of
 * them, and packB for all of K: windowScratchFloats). Same bits as on one thread.
 */
export function threadedWgemm(memory: WasmMemory, ex: WgemmExports, threads: number, minFlops = DEFAULT_MIN_FLOPS, adaptive = true): WgemmFn {
  const count = Math.min(threads, MAX_THREADS);
  const chooser = adaptive ? new Chooser() : null;
  const splitRun = (M: number, N: number, K: number, descA: number, descB: number, packA: number, packB: number, C: number) => {
    pool ??= new Pool();
    const mp = Math.ceil(M / mr());
    const np = Math.ceil(N / NR);
    const outerStep = outerStepFor(mp, count);
    const parts = { packShared: ex.packSharedAll, outer: ex.outerAll };
    pool.job(memory, 1, parts, count, [M, N, K, descA, descB, packA, packB, C, 0, 0, windowSlotBytes(), outerStep, 0, 0, 0], 0, np * Math.ceil(K / KC), mp, outerStep);
    split++;
  };
  return (M, N, K, descA, descB, packA, packB, C) => {
    if (count < 2 || 2 * M * N * K < minFlops || M <= mr()) return ex.wgemm(M, N, K, descA, descB, packA, packB, C);
    const single = () => ex.wgemm(M, N, K, descA, descB, packA, packB, C);
    const splitIt = () => splitRun(M, N, K, descA, descB, packA, packB, C);
    if (!chooser) return splitIt();
    chooser.run(M, N, K, single, splitIt);
  };
}

/**
 * The SIMD calls a kernel over a shared `memory` records (simd-calls.ts), run with up to `threads`
 * threads: `simd` (the plan's SIMD module, which the workers instantiate over the memory) and
 * `queue` go to the workers with the memory; returns what runs `count` recorded calls split, in
 * chunks that the threads take in turn.
 */
export function threadedCalls(memory: WasmMemory, simd: WasmModule, queue: SharedArrayBuffer, fns: SimdFn[], threads: number): SplitCalls {
  const count = Math.min(threads, MAX_THREADS);
  pool ??= new Pool();
  pool.calls.set(memory, { simd, queue });
  const q = new Float64Array(queue);
  const parts: Parts = { packShared: () => {}, outer: (...a: number[]) => runCalls(fns, q, a[16]!, a[17]!, CALL_SLOTS) };
  const args = new Array<number>(15).fill(0);
  return (calls) => {
    pool!.job(memory, 2, parts, count, args, 0, 0, calls, outerStepFor(calls, count));
    callJobs++;
  };
}

/** A-panel slots the windowed gemm's scratch needs at `threads` threads (one per outer chunk). */
export function windowSlots(threads: number): number {
  return threads > 1 ? OUTER_CHUNKS_PER_THREAD * Math.min(threads, MAX_THREADS) : 1;
}
