// WebAssembly SIMD's ceiling for nnc's matrix product on this machine, and how close the product
// gets (docs/cpu-interpreter.md):
//   1. the bound of the multiply-adds: a loop of independent f32x4.relaxed_madd where the products
//      use it (runtime/cpu/wasm/relaxed.ts), else of independent f32x4 adds (every multiply-add
//      then needs one, and a multiply);
//   2. the MR x 8 micro-kernel alone, its data in L1;
//   3. the whole product (packing included) on the shapes of the benchmark's MLP and Pima model,
//      on one thread, and split over `--threads` threads (wall time: what splitting buys depends on
//      the cores being free).
// One thread's figures are CPU time (process.cpuUsage), so that other programs on the machine
// count less; the best of several runs.
//   node dist/bench/gemm.js [--threads 2] [--runs 7]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { wasm } from '../runtime/cpu/wasm/api.js';
import { encodeModule, FunctionBuilder, Simd } from '../runtime/cpu/wasm/encoder.js';
import { gemmScratchFloats, instantiateGemm, mr, NR, SHARED_MAXIMUM_PAGES, type GemmFn } from '../runtime/cpu/wasm/gemm.js';
import { multiplyAdd } from '../runtime/cpu/wasm/relaxed.js';
import { threadedGemm } from '../runtime/cpu/threads.js';

/** Best GFLOP/s of `run` (which does `flops` operations), by CPU time or wall time. */
function measure(run: () => void, flops: number, runs: number, clock: 'cpu' | 'wall'): number {
  run();
  let best = 0;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    const cpu = process.cpuUsage(c0);
    const seconds = clock === 'cpu' ? (cpu.user + cpu.system) / 1e6 : (performance.now() - t0) / 1000;
    best = Math.max(best, flops / seconds / 1e9);
  }
  return best;
}

/**
 * f(n): n iterations of 12 independent f32x4 multiply-adds (relaxed_madd), or of 12 adds counted as
 * the add of a multiply-add where the products do not use it: 2 flops per lane each.
 */
function multiplyAddBound(runs: number): number {
  const f = new FunctionBuilder(['i32']);
  const k = f.local('i32');
  const acc = Array.from({ length: 12 }, () => f.local('v128'));
  const b = f.local('v128');
  f.i32(0).simdMem(Simd.v128Load, 0).set(b);
  f.forRange(k, 0, { local: 0 }, () => {
    for (const a of acc) {
      if (multiplyAdd()) f.get(b).get(b).get(a).simd(Simd.f32x4RelaxedMadd).set(a);
      else f.get(a).get(b).simd(Simd.f32x4Add).set(a);
    }
  });
  acc.forEach((a, i) => f.i32(0).get(a).simdMem(Simd.v128Store, 16 * i));
  const memory = new wasm.Memory({ initial: 1 });
  const instance = new wasm.Instance(new wasm.Module(encodeModule({ module: 'env', name: 'memory', minimum: 1 }, [{ name: 'f', body: f }])), { env: { memory } });
  const run = instance.exports.f as (n: number) => void;
  const n = 10_000_000;
  return measure(() => run(n), n * 12 * 4 * 2, runs, 'cpu');
}

function microKernel(runs: number): number {
  const memory = new wasm.Memory({ initial: 4 });
  const g = instantiateGemm(memory);
  new Float32Array(memory.buffer).fill(0.5);
  const K = 256;
  const calls = 20_000;
  return measure(
    () => {
      for (let i = 0; i < calls; i++) g.kernel(0, 65536, 131072, NR * 4, K);
    },
    2 * mr() * NR * K * calls,
    runs,
    'cpu',
  );
}

const SHAPES: Array<{ name: string; M: number; N: number; K: number; a: [number, number, number]; b: [number, number, number] }> = [
  { name: 'mlp forward, layer 1 (batch 128)', M: 128, N: 256, K: 784, a: [784, 1, 1], b: [1, 256, 0] },
  { name: 'mlp weight gradient, layer 1', M: 784, N: 256, K: 128, a: [1, 784, 2], b: [1, 256, 0] },
  { name: 'mlp forward, layer 2', M: 128, N: 128, K: 256, a: [256, 1, 0], b: [1, 128, 0] },
  { name: 'mlp input gradient, layer 2', M: 128, N: 256, K: 128, a: [128, 1, 0], b: [128, 1, 0] },
  { name: 'mlp forward, layer 1 (batch 1024)', M: 1024, N: 256, K: 784, a: [784, 1, 1], b: [1, 256, 0] },
  { name: 'pima forward, layer 1 (batch 1024)', M: 1024, N: 12, K: 8, a: [8, 1, 1], b: [1, 12, 0] },
  { name: 'pima forward, layer 2 (one column: gemv)', M: 1024, N: 1, K: 12, a: [12, 1, 0], b: [0, 1, 0] },
];

function products(threads: number, runs: number): void {
  const memory = new wasm.Memory({ initial: 2048, maximum: SHARED_MAXIMUM_PAGES, shared: true });
  const f32 = new Float32Array(memory.buffer);
  const u32 = new Uint32Array(memory.buffer);
  // data: 4096 rows of 784 features, a permutation, B, then scratch
  const data = 64;
  const rows = 4096;
  for (let i = 0; i < rows * 784; i++) f32[data / 4 + i] = ((i * 2654435761) % 1000) / 1000 - 0.5;
  const perm = data + rows * 784 * 4;
  for (let i = 0; i < rows; i++) u32[perm / 4 + i] = (i * 7919) % rows;
  const b = perm + rows * 4 + 64;
  for (let i = 0; i < 784 * 1024; i++) f32[b / 4 + i] = ((i * 40503) % 1000) / 1000 - 0.5;
  const scratch = b + 784 * 1024 * 4 + 64;
  const ex = instantiateGemm(memory, true);
  const split = threadedGemm(memory, ex, threads, 0, false).gemm;
  console.log(`| product | M x N x K | 1 thread (CPU time) | ${threads} threads, every product split (wall) |`);
  console.log('|---|---|---|---|');
  for (const s of SHAPES) {
    const size = gemmScratchFloats(s.M, s.N, s.K);
    const packA = scratch;
    const packB = packA + size.packA * 4 + 64;
    const c = packB + size.packB * 4 + 64;
    const args: Parameters<GemmFn> = [s.M, s.N, s.K, data, ...s.a, b, ...s.b, perm, packA, packB, c];
    const flops = 2 * s.M * s.N * s.K;
    const reps = Math.max(3, Math.round(4e8 / flops));
    const one = measure(() => { for (let i = 0; i < reps; i++) ex.gemm(...args); }, flops * reps, runs, 'cpu');
    const many = measure(() => { for (let i = 0; i < reps; i++) split(...args); }, flops * reps, runs, 'wall');
    console.log(`| ${s.name} | ${s.M} x ${s.N} x ${s.K} | ${one.toFixed(1)} GFLOP/s | ${many.toFixed(1)} GFLOP/s |`);
  }
}

const { values } = parseArgs({ options: { threads: { type: 'string' }, runs: { type: 'string' } } });
const threads = Number(values.threads ?? 2);
const runs = Number(values.runs ?? 7);
console.log(`WebAssembly SIMD and nnc's matrix product, ${new Date().toISOString()}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const bound = multiplyAdd() ? `f32x4.relaxed_madd bound (${multiplyAdd()})` : 'f32x4.add bound (2 flops per lane per add; no relaxed SIMD)';
console.log(`${bound}: ${multiplyAddBound(runs).toFixed(1)} GFLOP/s`);
console.log(`micro-kernel ${mr()}x${NR}, K = 256, in L1: ${microKernel(runs).toFixed(1)} GFLOP/s`);
products(threads, runs);
