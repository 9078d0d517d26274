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
 * so both ways are timed and the faster one is taken, the other tried again now and then. A way's
 * time is the least of its last RECENT runs (its first run, a warm-up of compiling and first
 * touches, not counted): one run that something else slowed down (a page fault, the collector,
 * a worker's core woken late) must not decide for the next calls, as it did when one smoothed
 * time per way decided (the convnet's forward product stayed on one thread for 30 of 40 steps,
 * 1.6x slower). The other way is tried again after EXPLORE calls, then after twice as many each
 * time it is still slower (up to EXPLORE_MOST), and after EXPLORE again once the choice changes:
 * a long fit spends little on trying, and a changed machine is noticed. Either way gives the
 * same bits.
 */
export class Chooser {
  private readonly shapes = new Map<string, { recent: [number[], number[]]; runs: [number, number]; chosen: number; since: number; interval: number }>();

  /** `now`: the clock (milliseconds); a test gives its own. */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Runs `single` or `split` for this shape, whichever has been faster. */
  run(M: number, N: number, K: number, single: () => void, split: () => void): void {
    const key = `${M} ${N} ${K}`;
    let s = this.shapes.get(key);
    if (!s) this.shapes.set(key, (s = { recent: [[], []], runs: [0, 0], chosen: -1, since: 0, interval: EXPLORE }));
    // in turns (split first) until each way has WARM runs after its warm-up; then the faster,
    // and the other when its interval has passed
    let way: 0 | 1;
    if (s.runs[0] <= WARM || s.runs[1] <= WARM) way = s.runs[1] <= s.runs[0] ? 1 : 0;
    else {
      const faster = Math.min(...s.recent[1]) < Math.min(...s.recent[0]) ? 1 : 0;
      if (faster !== s.chosen) [s.chosen, s.since, s.interval] = [faster, 0, EXPLORE];
      way = faster;
      if (++s.since >= s.interval) {
        way = (1 - faster) as 0 | 1;
        s.since = 0;
        s.interval = Math.min(2 * s.interval, EXPLORE_MOST);
      }
    }
    const t0 = this.now();
    (way ? split : single)();
    const t = this.now() - t0;
    if (s.runs[way]++ === 0) return;
    const recent = s.recent[way];
    recent.push(t);
    if (recent.length > RECENT) recent.shift();
  }
}

/** Runs of each way timed before choosing; how many of a way's latest runs its time is the least of; calls before the slower way is tried again, at first and at most. */
const WARM = 3;
const RECENT = 4;
const EXPLORE = 16;
const EXPLORE_MOST = 256;
