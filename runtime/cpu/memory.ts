// Where the CPU interpreter's buffers live: one WebAssembly.Memory holding every plan buffer as a
// typed-array view at a fixed byte address, so the generated JavaScript and the wasm matmul read
// the same bytes without copying:
//   [fixed-size buffers (params, state, fixed temps)] [batch temps] [matmul scratch: packed A,
//   packed B, C] [permutation] [features] [labels] [output]
// Fixed-size buffers never move. Everything after them is laid out again when the largest batch
// grows or a dataset of another size is bound (the memory only grows); the dataset and the
// permutation are then copied in again from the arrays the host gave.
import type { Plan, PlanBuffer } from '../../compiler/plan/ir.js';
import { elementCount, isSymbolic, reducedShape, rowSize } from '../../compiler/graph/shape.js';
import { contractElements, gemmForm, gemmSizes } from './gemm-form.js';
import type { BoundData } from '../executor.js';
import type { KernelContext } from './codegen.js';
import { PAGE, wasm, type WasmMemory } from './wasm/api.js';
import { gemmScratchFloats, instantiateGemm, SHARED_MAXIMUM_PAGES } from './wasm/gemm.js';
import { instantiateWgemm } from './wasm/wgemm.js';
import { windowForm, windowScratchFloats } from './window-gemm.js';
import { threadedCalls, threadedGemm, threadedWgemm, windowSlots, type ThreadedGemm } from './threads.js';
import { CallQueue, simdFunctions } from './simd-calls.js';
import { diagnostic, NncError } from '../../base/diagnostics/diagnostic.js';

/** Buffers start on cache lines (and so on 16 bytes, for v128 loads). */
const ALIGN = 64;
/**
 * Bytes after every buffer that nothing else uses: a SIMD body's last, partial group of four
 * columns loads a whole v128 (and stores only its valid lanes), reading up to 12 bytes past a row.
 */
const SLACK = 16;

/** A WebAssembly memory (wasm32) holds at most 65536 pages of 64 KiB: 4 GiB. */
const MAX_BYTES = 65536 * PAGE;

/** NNC5012 for memory the plan's buffers need and cannot get, naming the model's largest layer. */
function cannotAllocate(plan: Plan, bytes: number, err: unknown): NncError {
  let largest: { name: string; size: number } | null = null;
  for (const b of plan.buffers) {
    if (b.role !== 'param' || isSymbolic(b.shape[0]!)) continue;
    const size = elementCount(b.shape, 0);
    if (!largest || size > largest.size) largest = { name: b.name, size };
  }
  const layer = largest ? `${largest.name.split('/')[0]} (${largest.size.toLocaleString('en-US')} weights)` : 'none';
  const reason = bytes > MAX_BYTES ? 'more than the 4 GiB a WebAssembly memory can hold' : `the system refused it (${err instanceof Error ? err.message : String(err)})`;
  return new NncError(diagnostic('NNC5012', undefined, { model: plan.model, mib: Math.ceil(bytes / 2 ** 20), reason, layer }));
}

function align(bytes: number): number {
  return Math.ceil((bytes + SLACK) / ALIGN) * ALIGN;
}

export interface MemoryOptions {
  /** Threads for large matrix products (runtime/cpu/threads.ts); more than 1 makes the memory shared. */
  threads?: number;
  /** Products under this many floating-point operations stay on one thread (threads.ts's default otherwise). */
  minParallelFlops?: number;
  /** Split every product that can be, instead of timing both ways per shape (for tests). */
  alwaysSplit?: boolean;
}

/** How a wasm module must declare the memory it imports: shared (for threads) or not. */
export function memoryImport(threads: number): { minimum: number; maximum?: number; shared?: boolean } {
  return threads > 1 ? { minimum: 1, maximum: SHARED_MAXIMUM_PAGES, shared: true } : { minimum: 1 };
}

export class PlanMemory {
  /** One view per plan buffer, by id (replaced whenever the layout changes). */
  readonly views: Array<Float32Array | Uint32Array>;
  /** What compiled kernels read besides the views: addresses, scratch, the whole memory, gemm. */
  readonly ctx: KernelContext;
  private readonly memory: WasmMemory;
  /** End of the fixed-size buffers (bytes): where the laid-out-again part starts. */
  private readonly fixedEnd: number;
  private batchCapacity = 0;
  /** The sizes the dynamic part is laid out for. */
  private layoutKey = '';
  private bound: BoundData | null = null;
  private permutation: Uint32Array | null = null;
  private readonly threaded: ThreadedGemm | null;
  /** A-panel slots of the windowed gemm: one per chunk of a split convolution. */
  private readonly slots: number;

  /**
   * `simdModule`: the plan's SIMD bodies (PlanCompiler.module(), importing the memory as
   * memoryImport(threads) says), instantiated over this memory.
   */
  constructor(
    readonly plan: Plan,
    simdModule: Uint8Array | null = null,
    options: MemoryOptions = {},
  ) {
    const threads = options.threads ?? 1;
    this.views = plan.buffers.map((b) => (b.dtype === 'u32' ? new Uint32Array(0) : new Float32Array(0)));
    // Unsigned: a wasm32 address may pass 2 GiB (wasm reads an i32 argument of 2^31 or more as the same bits).
    const addr = new Uint32Array(plan.buffers.length);
    let top = ALIGN;
    for (const b of plan.buffers) {
      if (isSymbolic(b.shape[0]!)) continue;
      addr[b.id] = top;
      top += align(elementCount(b.shape, 0) * 4);
    }
    this.fixedEnd = top;
    try {
      const { maximum, shared } = memoryImport(threads);
      this.memory = new wasm.Memory({ initial: Math.ceil(top / PAGE), ...(shared ? { maximum, shared } : {}) });
    } catch (err) {
      throw cannotAllocate(plan, top, err);
    }
    const compiled = simdModule ? new wasm.Module(simdModule) : null;
    const simd = compiled ? (new wasm.Instance(compiled, { env: { memory: this.memory } }).exports as KernelContext['simd']) : {};
    const gemm = instantiateGemm(this.memory, threads > 1);
    this.threaded = threads > 1 ? threadedGemm(this.memory, gemm, threads, options.minParallelFlops, options.alwaysSplit !== true) : null;
    const wgemm = instantiateWgemm(this.memory, threads > 1);
    this.slots = windowSlots(threads);
    this.ctx = {
      f32: new Float32Array(0),
      addr,
      packA: 0,
      packB: 0,
      c: 0,
      gemm: this.threaded?.gemm ?? gemm.gemm,
      wgemm: threads > 1 ? threadedWgemm(this.memory, wgemm, threads, options.minParallelFlops, options.alwaysSplit !== true) : wgemm.wgemm,
      simd,
      calls: null,
    };
    if (threads > 1 && compiled) {
      // the SIMD bodies called in loops, recorded and run on the threads too (simd-calls.ts)
      const queue = CallQueue.buffer();
      const fns = simdFunctions(simd);
      this.ctx.calls = new CallQueue(queue, fns, threadedCalls(this.memory, compiled, queue, fns, threads), options.alwaysSplit !== true);
    }
    this.makeViews();
    for (const b of plan.buffers) if (!isSymbolic(b.shape[0]!) && b.fill) this.views[b.id]!.fill(b.fill);
  }

  /** Bytes the memory holds now (it only grows). */
  get byteLength(): number {
    return this.memory.buffer.byteLength;
  }

  /** Batch-sized buffers grow to the largest batch seen. */
  ensureBatchCapacity(rows: number): void {
    if (rows <= this.batchCapacity) return;
    this.batchCapacity = rows;
    this.layout();
  }

  /** Copies `data` in (once per dataset: binding the same key and features again is free). */
  bind(data: BoundData): void {
    if (this.bound?.key === data.key && this.bound.features === data.features) return;
    this.bound = data;
    // Same sizes as before: the layout copied nothing, so copy the new data in place.
    if (!this.layout()) {
      const { io } = this.plan;
      this.views[io.features]!.set(data.features);
      this.views[io.labels]!.set(data.labels);
    }
  }

  setPermutation(perm: Uint32Array): void {
    this.permutation = perm;
    if (!this.layout()) this.views[this.plan.io.permutation]!.set(perm);
  }

  /** Elements of a buffer under the current layout. */
  private length(b: PlanBuffer): number {
    const { io } = this.plan;
    const first = b.shape[0]!;
    if (!isSymbolic(first)) return elementCount(b.shape, 0);
    if (first === 'B') return this.batchCapacity * rowSize(b.shape);
    if (b.id === io.features) return this.bound?.features.length ?? 0;
    if (b.id === io.labels) return this.bound?.labels.length ?? 0;
    return this.dataRows() * rowSize(b.shape);
  }

  private dataRows(): number {
    return Math.max(this.bound?.rows ?? 0, this.permutation?.length ?? 0);
  }

  /** The largest contraction scratch any kernel needs at the current batch capacity. */
  private scratchFloats(): { packA: number; packB: number; c: number } {
    const most = { packA: 0, packB: 0, c: 0 };
    for (const schedule of Object.values(this.plan.schedules)) {
      for (const k of schedule.kernels.flatMap((x) => (x.kind === 'loop' ? x.body : [x]))) {
        // a reduction's sums, computed in SIMD, wait in C for its epilogue (codegen.ts)
        if (k.kind === 'reduce') most.c = Math.max(most.c, k.reductions.length * elementCount(reducedShape(k.space, k.axes), this.batchCapacity));
        if (k.kind !== 'contract') continue;
        const form = gemmForm(this.plan, k);
        const size = form ? gemmSizes(form, this.batchCapacity) : null;
        const window = size ? null : windowForm(k);
        const s = size ? gemmScratchFloats(size.M, size.N, size.K) : window ? windowScratchFloats(window, this.batchCapacity, this.slots) : { packA: 0, packB: 0, c: contractElements(k, this.batchCapacity) };
        most.packA = Math.max(most.packA, s.packA);
        most.packB = Math.max(most.packB, s.packB);
        most.c = Math.max(most.c, s.c);
      }
    }
    return most;
  }

  /**
   * Lays out everything after the fixed buffers for the current batch capacity and dataset, and
   * copies the dataset and permutation in; false (and nothing done) when the sizes are unchanged.
   */
  private layout(): boolean {
    const key = `${this.batchCapacity}/${this.dataRows()}/${this.bound?.features.length ?? 0}/${this.bound?.labels.length ?? 0}`;
    if (key === this.layoutKey) return false;
    this.layoutKey = key;
    const { addr } = this.ctx;
    let top = this.fixedEnd;
    const place = (bytes: number) => {
      const at = top;
      top += align(bytes);
      return at;
    };
    for (const b of this.plan.buffers) if (b.shape[0] === 'B') addr[b.id] = place(this.length(b) * 4);
    const scratch = this.scratchFloats();
    this.ctx.packA = place(scratch.packA * 4);
    this.ctx.packB = place(scratch.packB * 4);
    this.ctx.c = place(scratch.c * 4);
    for (const b of this.plan.buffers) if (b.shape[0] === 'N') addr[b.id] = place(this.length(b) * 4);
    const have = this.memory.buffer.byteLength;
    if (top > have) {
      try {
        this.memory.grow(Math.ceil((top - have) / PAGE));
      } catch (err) {
        throw cannotAllocate(this.plan, top, err);
      }
    }
    this.makeViews();
    const { io } = this.plan;
    if (this.bound) {
      this.views[io.features]!.set(this.bound.features);
      this.views[io.labels]!.set(this.bound.labels);
    }
    if (this.permutation) this.views[io.permutation]!.set(this.permutation);
    return true;
  }

  /** (Re)creates every view: growing the memory detaches the old ones. */
  private makeViews(): void {
    const buffer = this.memory.buffer;
    this.ctx.f32 = new Float32Array(buffer);
    for (const b of this.plan.buffers) {
      const n = !isSymbolic(b.shape[0]!) || this.layoutKey !== '' ? this.length(b) : 0;
      const at = this.ctx.addr[b.id]!;
      this.views[b.id] = b.dtype === 'u32' ? new Uint32Array(buffer, at, n) : new Float32Array(buffer, at, n);
    }
  }

  release(): void {
    this.bound = null;
    this.permutation = null;
    this.threaded?.release();
  }
}
