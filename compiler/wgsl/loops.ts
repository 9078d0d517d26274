// Loops, counted as Mesa's llvmpipe counts them. llvmpipe (and lavapipe) keep one counter per
// invocation (per SIMD vector of them) for all the loops of a shader and end every loop, silently,
// once it reaches 65,535 (gallivm's LP_MAX_TGSI_LOOP_ITERATIONS). It runs every branch with the
// inactive invocations masked off, so a loop of n passes takes n + 1 from the counter (the pass
// that finds the condition false runs the body too, masked), plus its inner loops' share on each of
// the n passes, plus one masked pass of each inner loop on the last (test/webgpu/loop-limit.test.ts
// checks this against the driver). The emitter records every loop it makes (Loops.for) so that no
// shader goes past the device's maxLoopPasses: a kernel that would is refused, and the
// single-workgroup shader, which loops over the steps of a chunk, is given at most
// stepsPerDispatch steps per dispatch.
import type { Shape } from '../graph/shape.js';
import type { Block, Expr } from './builder.js';

/** A loop of at most ceil((perRow * rows + fixed) / per) passes (rows: the step's), each running the `inner` loops once. */
export interface LoopNest {
  perRow: number;
  fixed: number;
  per: number;
  inner: LoopNest[];
}

export type Passes = Omit<LoopNest, 'inner'>;

/** Passes of a loop over the elements of a space, `per` at a time. */
export function passesOver(space: Shape, per: number): Passes {
  const fixed = space.reduce<number>((n, d) => n * (typeof d === 'number' ? d : 1), 1);
  return space.includes('B') ? { perRow: fixed, fixed: 0, per } : { perRow: 0, fixed, per };
}

/** What `loops` take from the driver's loop counter in one invocation, for a step of `rows` rows. */
export function loopPasses(loops: readonly LoopNest[], rows: number): number {
  let total = 0;
  for (const l of loops) {
    const passes = Math.ceil((l.perRow * rows + l.fixed) / l.per);
    total += passes + 1 + passes * loopPasses(l.inner, rows) + maskedPasses(l.inner);
  }
  return total;
}

/** What `loops` take when they run with every invocation masked off: one pass each, inner loops too. */
export function maskedPasses(loops: readonly LoopNest[]): number {
  return loops.reduce((n, l) => n + 1 + maskedPasses(l.inner), 0);
}

/**
 * What a shader's start takes from the same counter: Tint zero-initializes workgroup memory (WebGPU
 * requires it) with a loop over each array larger than the workgroup, `invocations` elements a pass.
 */
export function zeroInitPasses(variableBytes: readonly number[], invocations: number): number {
  return variableBytes.reduce((n, bytes) => n + Math.ceil(bytes / 4 / invocations) + 1, 0);
}

/**
 * Steps one dispatch of a single-workgroup shader may loop over (at least 1) for batches of `rows`
 * rows: its step loop of s passes takes s + 1 from the counter, each step its kernels' loops, and
 * the last, masked pass one pass of each.
 */
export function stepsPerDispatch(k: { stepLoops: LoopNest[]; zeroInitPasses: number }, rows: number, maxLoopPasses: number): number {
  const room = maxLoopPasses - k.zeroInitPasses - 1 - maskedPasses(k.stepLoops);
  return Math.max(1, Math.floor(room / (loopPasses(k.stepLoops, rows) + 1)));
}

/** Records the loops a shader's body makes, nested as they are built. */
export class Loops {
  private recording: LoopNest[] = [];

  /** `b.for(...)`, recorded with the most passes it makes. */
  for(b: Block, passes: Passes, name: string, from: Expr, to: Expr, body: (b: Block, i: Expr) => void, step?: Expr): void {
    const nest: LoopNest = { ...passes, inner: [] };
    this.recording.push(nest);
    const outer = this.recording;
    this.recording = nest.inner;
    try {
      b.for(name, from, to, body, step);
    } finally {
      this.recording = outer;
    }
  }

  /**
   * Runs `build`, recording its loops as they run for a fixed `rows` rows (a workgroup's slice of
   * the batch) rather than the step's.
   */
  forRows(rows: number, build: () => void): void {
    const loops = this.of(build);
    const fix = (l: LoopNest): LoopNest => ({ perRow: 0, fixed: l.fixed + l.perRow * rows, per: l.per, inner: l.inner.map(fix) });
    this.recording.push(...loops.map(fix));
  }

  /** The loops `build` makes. */
  of(build: () => void): LoopNest[] {
    const outer = this.recording;
    const loops: LoopNest[] = [];
    this.recording = loops;
    try {
      build();
    } finally {
      this.recording = outer;
    }
    return loops;
  }
}
