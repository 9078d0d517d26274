// Matrix products split across worker threads (runtime/cpu/threads.ts) give the bits of the same
// product on one thread: products in both loop orders and at sizes that are not multiples of the
// tile, many products in a row (past the 1024 jobs after which a job's tag repeats), a product that
// traps (it throws, and the next product is right), and a process whose workers are idle exits.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../base/rng.js';
import { wasm } from '../../runtime/cpu/wasm/api.js';
import { gemmLdc, gemmScratchFloats, instantiateGemm, SHARED_MAXIMUM_PAGES } from '../../runtime/cpu/wasm/gemm.js';
import { Chooser, threadedGemm } from '../../runtime/cpu/threads.js';

/** A shared memory with A (row-major, M x K), B (K x N) and scratch at fixed places. */
function setup(M: number, N: number, K: number, seed: number) {
  const memory = new wasm.Memory({ initial: 256, maximum: SHARED_MAXIMUM_PAGES, shared: true });
  const f32 = new Float32Array(memory.buffer);
  const rng = new RandomStream(seed, 1);
  const A = 1024;
  const B = A + Math.ceil((M * K * 4) / 64) * 64 + 64;
  const s = gemmScratchFloats(M, N, K);
  const packA = B + Math.ceil((K * N * 4) / 64) * 64 + 64;
  const packB = packA + s.packA * 4 + 64;
  const C = packB + s.packB * 4 + 64;
  for (let i = 0; i < M * K; i++) f32[A / 4 + i] = rng.range(-1, 1);
  for (let i = 0; i < K * N; i++) f32[B / 4 + i] = rng.range(-1, 1);
  const args = (): [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number] => [M, N, K, A, K, 1, 0, B, 1, N, 0, 0, packA, packB, C];
  const result = () => {
    const out = new Float32Array(M * N);
    const ldc = gemmLdc(N);
    for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) out[i * N + j] = f32[C / 4 + i * ldc + j]!;
    return out;
  };
  const clear = () => f32.fill(NaN, C / 4, C / 4 + s.c);
  return { memory, args, result, clear };
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function bits(a: Float32Array): number[] {
  return Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
}

describe('matrix products on several threads', () => {
  const sizes: Array<[number, number, number]> = [
    [64, 200, 37],
    [203, 33, 300],
    [11, 97, 600],
    [130, 9, 5],
  ];
  for (const threads of [2, 3]) {
    it(`${threads} threads: the bits of one thread, in both loop orders`, () => {
      for (const [M, N, K] of sizes) {
        const m = setup(M, N, K, M + N + K);
        const ex = instantiateGemm(m.memory, true);
        m.clear();
        ex.gemm(...m.args());
        const want = m.result();
        const split = threadedGemm(m.memory, ex, threads, 0, false);
        for (let run = 0; run < 3; run++) {
          m.clear();
          split.gemm(...m.args());
          expect(bits(m.result()), `[${M}, ${N}] inner ${K}, run ${run}`).toEqual(bits(want));
        }
        split.release();
      }
    });
  }

  it('per shape, the faster way is taken, and the slower one tried again after 16 calls, then 32, 64 ...', () => {
    let clock = 0;
    const chooser = new Chooser(() => clock);
    const ways: string[] = [];
    // splitting takes 1 ms for one shape (busy cores) and 0.4 ms for the other; one thread 0.8 ms
    const run = (shape: number, calls: number) => {
      for (let i = 0; i < calls; i++) {
        chooser.run(shape, 64, 64, () => ((clock += 0.8), ways.push(`${shape} single`)), () => ((clock += shape === 1 ? 1 : 0.4), ways.push(`${shape} split`)));
      }
    };
    run(1, 64);
    run(2, 64);
    const count = (w: string) => ways.filter((x) => x === w).length;
    // 4 + 4 in turns to start, then the faster: the other 16 calls on, then 32 on (calls 24 and 56)
    expect(count('1 split')).toBe(6);
    expect(count('2 single')).toBe(6);
    expect(ways.slice(0, 4)).toEqual(['1 split', '1 single', '1 split', '1 single']);
    expect(ways.slice(0, 64).flatMap((w, i) => (i >= 8 && w === '1 split' ? [i + 1] : []))).toEqual([24, 56]);
  });

  it('one slow run does not decide: a way is as fast as the least of its last 4 runs', () => {
    let clock = 0;
    const chooser = new Chooser(() => clock);
    const ways: string[] = [];
    // splitting takes 0.4 ms, but its first timed run 3 ms (a worker's core woken late); one thread 0.8 ms
    let splits = 0;
    const split = () => ((clock += ++splits === 2 ? 3 : 0.4), ways.push('split'));
    for (let i = 0; i < 64; i++) chooser.run(7, 64, 64, () => ((clock += 0.8), ways.push('single')), split);
    expect(ways.filter((w) => w === 'single').length).toBe(6);
    // and a way that turns slower for good (the other cores taken) is left after 4 of its runs,
    // the other then tried again 16 calls on
    const later: string[] = [];
    for (let i = 0; i < 24; i++) chooser.run(7, 64, 64, () => ((clock += 0.8), later.push('single')), () => ((clock += 2), later.push('split')));
    expect(later).toEqual([...Array(4).fill('split'), ...Array(15).fill('single'), 'split', ...Array(4).fill('single')]);
  });

  it('many products in a row, past the repeat of the job tags', () => {
    const m = setup(23, 40, 16, 5);
    const ex = instantiateGemm(m.memory, true);
    m.clear();
    ex.gemm(...m.args());
    const want = bits(m.result());
    const split = threadedGemm(m.memory, ex, 2, 0, false);
    for (let run = 0; run < 1100; run++) {
      m.clear();
      split.gemm(...m.args());
      if (run % 100 === 99) expect(bits(m.result()), `product ${run}`).toEqual(want);
    }
    split.release();
  });

  it('a product that traps throws (it does not hang), and the next one is right', () => {
    const m = setup(40, 48, 20, 9);
    const ex = instantiateGemm(m.memory, true);
    m.clear();
    ex.gemm(...m.args());
    const want = bits(m.result());
    const split = threadedGemm(m.memory, ex, 2, 0, false);
    const bad = m.args();
    bad[7] = 0xfffffff0; // B past the end of the memory
    expect(() => split.gemm(...bad)).toThrow();
    m.clear();
    split.gemm(...m.args());
    expect(bits(m.result())).toEqual(want);
    split.release();
  });

  it.runIf(existsSync(resolve(repoRoot, 'dist/runtime/cpu/threads.js')))('idle workers do not keep the process alive', () => {
    // the built library: a product large enough to be split, then the script ends
    const script = `
      import('./dist/runtime/cpu/threads.js').then(async ({ threadedGemm }) => {
        const { instantiateGemm, SHARED_MAXIMUM_PAGES } = await import('./dist/runtime/cpu/wasm/gemm.js');
        const memory = new WebAssembly.Memory({ initial: 64, maximum: SHARED_MAXIMUM_PAGES, shared: true });
        const ex = instantiateGemm(memory, true);
        threadedGemm(memory, ex, 2, 0, false).gemm(100, 100, 100, 0, 100, 1, 0, 40000, 1, 100, 0, 0, 80000, 160000, 240000);
        console.log('done');
      });`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', timeout: 20_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('done');
    expect(run.status).toBe(0);
  });
});
