// Convolutions on the CPU: the windowed WebAssembly product (wasm/wgemm.ts) and the SIMD bodies
// give bit-identical buffers to the all-JavaScript reference (the same sums in the same order),
// for every image layer, strides, both paddings, odd sizes, one and three channels, batches that
// grow and a short last batch; and on 3 threads with every product split (threads.ts), the same bits.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import { PlanCompiler } from '../../runtime/cpu/codegen.js';
import { CpuExecutor, type CpuExecutorOptions } from '../../runtime/cpu/executor.js';
import { callsSplit, productsSplit } from '../../runtime/cpu/threads.js';
import { aPanelsPacked, bPanelsPacked } from '../../runtime/cpu/window-gemm.js';
import { encodeLabels } from '../../runtime/session.js';
import { RandomStream } from '../../base/rng.js';
import { randomTable } from '../core/helpers.js';
import { imageCase, imageCases } from '../core/image-cases.js';
import type { Case } from '../core/cases.js';

const REFERENCE: CpuExecutorOptions = { matmul: 'js', simd: false };
const VARIANTS: Array<[string, CpuExecutorOptions]> = [
  ['one thread', { threads: 1 }],
  ['3 threads, every product split', { threads: 3, minParallelFlops: 0, alwaysSplit: true, minSplitElements: 0 }],
];

async function train(c: Case, options: CpuExecutorOptions): Promise<Map<string, Float32Array>> {
  const data = randomTable(23, c.model.inputDim, 3, c.labels, ['0', '1', '2']);
  const { plan } = compileModel(c.model, c.config);
  const exec = new CpuExecutor(plan, options);
  const rng = new RandomStream(42, 5);
  for (const b of plan.buffers) {
    if (b.role !== 'param' && b.role !== 'state') continue;
    const n = (b.shape as number[]).reduce((x, y) => x * y, 1);
    exec.write(b.id, b.role === 'param' ? Float32Array.from({ length: n }, () => rng.range(-0.7, 0.7)) : new Float32Array(n).fill(b.fill ?? 0));
  }
  exec.bindData({ key: 'd', rows: data.rows, features: data.features, labels: encodeLabels(data, plan.io.labelEncoding) });
  exec.setPermutation(Uint32Array.from({ length: data.rows }, (_, i) => (i * 7 + 3) % data.rows));
  exec.run('train', [{ offset: 0, rows: 4, step: 1 }, { offset: 4, rows: 9, step: 2 }, { offset: 13, rows: 10, step: 3 }], 5);
  exec.run('predict', [{ offset: 0, rows: 16, step: 0 }, { offset: 16, rows: 7, step: 0 }], 0);
  const out = new Map<string, Float32Array>();
  for (const b of plan.buffers) if (b.role === 'param' || b.role === 'state' || b.role === 'output') out.set(b.name, await exec.read(b.id));
  return out;
}

const bits = (a: Float32Array) => new Uint32Array(a.buffer, a.byteOffset, a.length);

/** 70 filters over 14x14 outputs: the weight gradient's k (rows x 196, up to 1,960) runs over several k blocks, all of them one job when split. */
const longK = imageCase('70 filters, a weight gradient over several k blocks', 'Input((16, 16, 1)), Conv2D(70, 3, activation="relu"), Flatten(), Dense(3, activation="softmax")');

/** 8 and 6 channels, same padding: the second convolution's A panels (and its input gradient's, masked) are packed by rows; the first's weight gradient reads its B (8 channels) in place. */
const channelRuns = imageCase('channels in runs along k: A packed by rows', 'Input((9, 9, 2)), Conv2D(8, 3, padding="same", activation="relu"), Conv2D(6, 3, padding="same"), Flatten(), Dense(3, activation="softmax")');

/** Pooling windows over 16 channels: its forward and gradient are SIMD bodies called in loops (recorded on several threads). */
const pooled = imageCase('a max pooling whose SIMD calls are recorded on several threads', 'Input((12, 12, 2)), Conv2D(16, 3, activation="relu"), MaxPooling2D(2), Flatten(), Dense(3, activation="softmax")');

describe('convolutions on the CPU: the windowed wasm product = the JavaScript reference, bit for bit', () => {
  it('both layouts of A panels are taken (by k: pixels of one channel; by rows: runs of channels), and B both packed and read in place', async () => {
    const before = { ...aPanelsPacked, ...bPanelsPacked };
    await train(channelRuns, { threads: 1 });
    expect(aPanelsPacked.byRows).toBeGreaterThan(before.byRows);
    expect(aPanelsPacked.byK).toBeGreaterThan(before.byK);
    // the weight gradients' B is the output gradient, 8 channels last: in place; the rest packed
    expect(bPanelsPacked.inPlace).toBeGreaterThan(before.inPlace);
    expect(bPanelsPacked.packed).toBeGreaterThan(before.packed);
  });

  for (const c of [...imageCases, longK, channelRuns, pooled]) {
    it(c.name, async () => {
      const want = await train(c, REFERENCE);
      for (const [variant, options] of VARIANTS) {
        const got = await train(c, options);
        for (const [name, w] of want) {
          const g = got.get(name)!;
          const differs = bits(g).findIndex((x, k) => x !== bits(w)[k]);
          expect(differs, `[${variant}] ${name}[${differs}]: ${g[differs]} vs ${w[differs]}`).toBe(-1);
        }
      }
    });
  }

  it('on several threads, the convolutions themselves are split (over k blocks longer than one)', async () => {
    const before = productsSplit();
    await train(imageCases[0]!, { threads: 3, minParallelFlops: 0, alwaysSplit: true, minSplitElements: 0 });
    const { plan } = compileModel(imageCases[0]!.model, imageCases[0]!.config);
    const windowed = plan.schedules.train.kernels.filter((k) => k.kind === 'contract' && new PlanCompiler(plan).windowOf(k)).length;
    expect(windowed).toBeGreaterThan(0);
    // every windowed product of the three steps and of predict's two calls went through the pool
    expect(productsSplit() - before).toBeGreaterThanOrEqual(3 * windowed);
  });

  it('on several threads, the SIMD calls of a pooling\'s loops are recorded and shared out too (simd-calls.ts)', async () => {
    const before = callsSplit();
    const c = pooled;
    await train(c, { threads: 3, minParallelFlops: 0, alwaysSplit: true, minSplitElements: 0 });
    const { plan } = compileModel(c.model, c.config);
    const source = plan.schedules.train.kernels.map((k) => new PlanCompiler(plan, { recordCalls: true }).source(k)).join('\n');
    expect(source).toContain('$calls.put(');
    // the pooling forward in each of the three steps and of predict's two calls at least
    expect(callsSplit() - before).toBeGreaterThanOrEqual(5);
  });

  it('dropout\'s mask is drawn in a SIMD body (the bits are checked against the JavaScript reference above)', () => {
    const { plan } = compileModel(imageCases[0]!.model, imageCases[0]!.config);
    const compiler = new PlanCompiler(plan);
    const draws = plan.schedules.train.kernels.filter((k) => k.kind === 'map' && JSON.stringify(k).includes('"k":"rand"'));
    expect(draws.length).toBeGreaterThan(0);
    for (const k of draws) expect(compiler.source(k), k.name).toMatch(/ctx\.simd\.s\d+\([^)]*, key, /);
  });

  it('the reference convnet\'s convolutions and their gradients all take the windowed product', () => {
    const { plan } = compileModel(imageCases[0]!.model, imageCases[0]!.config);
    const compiler = new PlanCompiler(plan);
    const contractions = plan.schedules.train.kernels.filter((k) => k.kind === 'contract');
    expect(contractions.length).toBeGreaterThanOrEqual(7);
    for (const k of contractions) expect(compiler.source(k), k.name).toMatch(/windowGemm\(|ctx\.gemm\(/);
  });
});
