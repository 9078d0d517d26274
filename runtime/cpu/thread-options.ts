// What the CPU interpreter's threads are allowed to be and when a product is split, apart from
// threads.ts (which uses Node's worker_threads) so that a web page's build shares it
// (threads.browser.ts).

/** At most this many threads (the caller and 63 workers). */
export const MAX_THREADS = 64;

/** A split product's outer panels are dealt in about this many chunks per thread (threads.ts). */
export const OUTER_CHUNKS_PER_THREAD = 8;

/** What is wrong with a thread count (`--threads`, the library's `threads`), or null; `shown`: the value as the user wrote it. */
export function threadsProblem(value: number, shown = String(value)): string | null {
  if (Number.isInteger(value) && value >= 1 && value <= MAX_THREADS) return null;
  return `must be a whole number from 1 to ${MAX_THREADS}, not ${shown}`;
}

/**
 * Products of fewer floating-point operations (2 M N K) stay on one thread: about 100 us of work
 * on one core here, against the few microseconds of handing chunks out and the tens of microseconds
 * a sleeping worker takes to wake.
 */
export const DEFAULT_MIN_FLOPS = 2 ** 22;

/**
 * Whether splitting pays, learned per product shape: the other cores may be busy with other
 * programs (and a thread that is not running holds up the end of every product it took a part of),
 * so both ways are timed, a smoothed time each, and the faster one is taken, the other tried again
 * now and then. Either way gives the same bits.
 */
export class Chooser {
  private readonly shapes = new Map<string, { calls: number; time: [number, number]; runs: [number, number] }>();

  /** `now`: the clock (milliseconds); a test gives its own. */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Runs `single` or `split` for this shape, whichever has been faster. */
  run(M: number, N: number, K: number, single: () => void, split: () => void): void {
    const key = `${M} ${N} ${K}`;
    let s = this.shapes.get(key);
    if (!s) this.shapes.set(key, (s = { calls: 0, time: [0, 0], runs: [0, 0] }));
    s.calls++;
    // first each way twice, in turns; then the faster, and the other every EXPLORE-th call
    let way: 0 | 1;
    if (s.runs[0] < 2 || s.runs[1] < 2) way = s.runs[1] <= s.runs[0] ? 1 : 0;
    else {
      const faster = s.time[1] < s.time[0] ? 1 : 0;
      way = s.calls % EXPLORE === 0 ? ((1 - faster) as 0 | 1) : faster;
    }
    const t0 = this.now();
    (way ? split : single)();
    const t = this.now() - t0;
    // a way's first run warms it up (compiling, a worker starting): the second's time replaces it
    s.time[way] = s.runs[way] <= 1 ? t : s.time[way] + SMOOTHING * (t - s.time[way]);
    s.runs[way]++;
  }
}

/** How often the slower way is tried again, and the weight of a new time in the smoothed one. */
const EXPLORE = 32;
const SMOOTHING = 0.25;

