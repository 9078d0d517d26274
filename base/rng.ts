// A counter-based random generator: every number is a pure function of (seed, stream, counter).
// Nothing is carried from one draw to the next, so a seed reproduces a run bit for bit, any draw
// can be made in any order, and the GPU draws the same numbers as the CPU (the WGSL backend prints
// the same integer hash; see compiler/wgsl). Only 32-bit integer multiply, xor and shift are used.

/** A bijective 32-bit mixer (xorshift-multiply, constants from Chris Wellons' hash prospector). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

/** The random u32 for one (seed, stream, counter). */
export function randomU32(seed: number, stream: number, counter: number): number {
  const key = mix32((seed ^ 0x9e3779b9) >>> 0);
  const s = mix32((key ^ stream) >>> 0);
  return mix32((mix32((s ^ counter) >>> 0) + 0x6a09e667) >>> 0);
}

/** Uniform in [0, 1) with 24 random bits: exactly representable in f32, identical on CPU and GPU. */
export function uniform(seed: number, stream: number, counter: number): number {
  return (randomU32(seed, stream, counter) >>> 8) * (1 / 16777216);
}

/** Streams, so that different uses of one seed never draw the same numbers. */
export const Stream = {
  /** Initial weights: stream = INIT_BASE + parameter index. */
  init: 0x1000,
  /** Epoch shuffles: stream = SHUFFLE_BASE + the model's epochs shuffled so far (across fits). */
  shuffle: 0x100000,
  /** Dataset splits and generated data. */
  data: 0x200000,
  /** Dropout masks: keyed by step inside the kernel, stream = DROPOUT_BASE + layer index. */
  dropout: 0x300000,
  /** A streamed dataset's epoch: the order of its blocks, stream = base + epoch. */
  streamedBlocks: 0x400000,
  /** A streamed dataset's epoch: the order of rows in each window, stream = base + epoch (the window varies the seed). */
  streamedRows: 0x500000,
} as const;

/** A sequential view of one stream, for host code that draws many numbers in order. */
export class RandomStream {
  private counter = 0;

  constructor(
    readonly seed: number,
    readonly stream: number,
  ) {}

  /** Uniform in [0, 1). */
  next(): number {
    return uniform(this.seed, this.stream, this.counter++);
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.min(n - 1, Math.floor(this.next() * n));
  }

  /** Standard normal (Box-Muller on two draws; u1 kept away from 0). */
  normal(): number {
    const u1 = this.next() + 1 / 33554432;
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Normal truncated to two standard deviations, redrawn until inside (as Keras' truncated_normal). */
  truncatedNormal(): number {
    for (;;) {
      const z = this.normal();
      if (Math.abs(z) <= 2) return z;
    }
  }
}

/** A seeded permutation of 0..n-1 (Fisher-Yates, one draw per position). */
export function permutation(n: number, seed: number, stream: number): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(uniform(seed, stream, i) * (i + 1)));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}
