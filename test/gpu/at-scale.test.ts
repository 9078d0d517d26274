// The GPU gives the CPU's numbers where shaders run long: softmax outputs thousands wide (every
// reduction and workgroup width boundary among them), predicts and evaluates of a thousand batches
// and more, fits of thousands of steps. Each went wrong on Mesa's llvmpipe (the adapter these tests
// run on) before the emitter counted its loops: the driver ends every loop of a shader once they
// have taken 65,535 passes in all (compiler/wgsl/emit.ts, LoopNest), so a single-workgroup dispatch
// looping over many steps stopped part way, leaving a half-summed softmax, zeros, or an epoch's
// last steps not taken (issue 16). The per-kernel strategy dispatches each step's kernels and ran
// long runs right; it is covered at every width, and over a few hundred steps (several submits of
// 256 dispatches), but not over thousands: on llvmpipe that takes seconds.
import { describe, expect, it } from 'vitest';
import { compileModel, type CompileConfig } from '../../compiler/driver.js';
import type { Model, Optimizer } from '../../compiler/program.js';
import type { Strategy } from '../../compiler/wgsl/emit.js';
import type { Table } from '../../base/data/dataset.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import { ModelSession, type FitOptions, type Logs } from '../../runtime/session.js';
import { WebGpuExecutor } from '../../runtime/webgpu/executor.js';
import { gpuForTests } from '../helpers/gpu.js';
import { adam, dense, loss, metric, model, randomTable } from '../core/helpers.js';

const gpu = await gpuForTests();

/**
 * The tolerances, relative (see expectClose), and why. One step's numbers differ in the last bits
 * of float32 (the GPU's exp and log are not the CPU's, llvmpipe fuses multiply-adds, sums of
 * everything go in another order): predictions and losses measure within 5e-7. Training carries
 * those bits on: the weights after up to 6,000 SGD steps measure within 2e-7, but after 160 Adam
 * steps 1e-5, as Adam divides each gradient by its own running size, near-zero ones included
 * (test/gpu/compare.ts). So 1e-5 for everything, and 1e-4 for weights trained by Adam.
 */
const TOLERANCE = 1e-5;
const ADAM_WEIGHTS = 1e-4;

/** Runs `what` on the CPU and on the GPU with `strategy`; each result within its tolerance (default TOLERANCE) of the CPU's. */
async function agree(m: Model, config: CompileConfig, maxRows: number, strategy: Strategy, tolerances: Record<string, number>, what: (s: ModelSession) => Promise<Record<string, Logs | Float32Array>>): Promise<void> {
  const { plan } = compileModel(m, config);
  const gpuSession = new ModelSession(m, plan, await WebGpuExecutor.create(plan, gpu!, maxRows, { strategy }));
  const cpuSession = new ModelSession(m, plan, new CpuExecutor(plan));
  try {
    const [want, got] = [await run(cpuSession), await run(gpuSession)];
    for (const k of Object.keys(want)) {
      const [w, g, tolerance] = [want[k]!, got[k]!, tolerances[k] ?? TOLERANCE];
      if (w instanceof Float32Array) expectClose(g as Float32Array, w, tolerance, `${k} [${strategy}]`);
      else expectLogsClose(g as Logs, w as Logs, tolerance, `${k} [${strategy}]`);
    }
  } finally {
    gpuSession.executor.dispose();
  }
  async function run(s: ModelSession) {
    s.initialize(7);
    return what(s);
  }
}

/** Every value within `tolerance` of the CPU's, relative to the largest of them (allclose on the whole). */
function expectClose(got: Float32Array, want: Float32Array, tolerance: number, what: string): void {
  expect(got.length, what).toBe(want.length);
  let scale = 1e-6;
  for (const v of want) scale = Math.max(scale, Math.abs(v));
  let [worst, at] = [0, 0];
  for (let k = 0; k < want.length; k++) {
    const d = Math.abs(got[k]! - want[k]!);
    if (!(d <= worst)) [worst, at] = [d, k];
  }
  expect(worst, `${what}: [${at}] gpu ${got[at]} cpu ${want[at]} (scale ${scale})`).toBeLessThanOrEqual(tolerance * scale);
}

function expectLogsClose(got: Logs, want: Logs, tolerance: number, what: string): void {
  expect(Object.keys(got).sort(), what).toEqual(Object.keys(want).sort());
  for (const k of Object.keys(want)) expect(Math.abs(got[k]! - want[k]!), `${what}: ${k} gpu ${got[k]} cpu ${want[k]}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(want[k]!)));
}

async function weights(s: ModelSession): Promise<Float32Array> {
  return Float32Array.from((await s.weights()).flatMap((w) => Array.from(w.data)));
}

/** A fit's logged epochs, each key's values in order (the history, as one array per key). */
function epochs(history: Record<string, number[]>): Logs {
  return Object.fromEntries(Object.entries(history).flatMap(([k, vs]) => vs.map((v, e) => [`${k}@${e + 1}`, v])));
}

/** A whole epoch per executor call, as a fast machine gets (fit sizes calls by time): a single-workgroup dispatch then loops over as many steps as it may. */
const fitOptions = (batchSize: number, extra: Partial<FitOptions> = {}): FitOptions => ({ epochs: 1, batchSize, validationSplit: 0, validationData: null, shuffle: true, seed: 3, stepsPerCall: 1e6, ...extra });

describe.skipIf(!gpu)('GPU = CPU for softmax outputs up to 4,096 wide', () => {
  const WIDTHS = [3, 63, 64, 65, 255, 256, 257, 448, 464, 1000, 4096];
  const config = { loss: loss('sparse_categorical_crossentropy'), optimizer: adam, metrics: [metric('accuracy', 'sparse_categorical_accuracy')] };
  for (const width of WIDTHS) {
    // batches of 8: a softmax w wide takes some 2w loop passes a step, so from 255 wide on, these
    // took one single-workgroup dispatch past the driver's 65,535
    const batches = Math.min(160, Math.max(4, Math.ceil(90000 / (2 * width + 30))));
    it(`Dense(16, relu) -> Dense(${width}, softmax): evaluate, predict and fit, ${batches} batches`, async () => {
      const m = model('m', [dense('dense', 4, 16, 'relu'), dense('dense_1', 16, width, 'softmax')]);
      const data = randomTable(batches * 8, 4, width, (x) => [Math.min(width - 1, Math.floor(((x[0]! + x[1]! + 2) / 4) * width))]);
      const first = { ...data, rows: 16, features: data.features.subarray(0, 16 * 4), labels: data.labels.subarray(0, 16) };
      for (const strategy of ['single-workgroup', 'per-kernel'] as const) {
        // every batch for the strategy that loops over them in one dispatch; two for the one that dispatches each
        const rows: Table = strategy === 'single-workgroup' ? data : first;
        await agree(m, config, 8, strategy, { weights: ADAM_WEIGHTS }, async (s) => ({
          evaluate: await s.evaluate(rows, 8),
          predict: await s.predict(rows, 8),
          fit: epochs((await s.fit(rows, fitOptions(8))).history),
          weights: await weights(s),
        }));
      }
    });
  }
});

describe.skipIf(!gpu)('GPU = CPU over predicts and evaluates of a thousand batches and more', () => {
  // Dense(100, softmax) predicted a row at a time: rows 0-306 were right, row 307 half summed, the rest zeros
  const m = model('m', [dense('dense', 20, 100, 'softmax')]);
  const config = { loss: loss('sparse_categorical_crossentropy'), optimizer: adam, metrics: [metric('accuracy', 'sparse_categorical_accuracy')] };
  const cases = [
    { batchSize: 1, rows: 1100, strategy: 'single-workgroup' },
    { batchSize: 2, rows: 2203, strategy: 'single-workgroup' },
    { batchSize: 1, rows: 300, strategy: 'per-kernel' },
  ] as const;
  for (const { batchSize, rows, strategy } of cases) {
    it(`${rows} rows in batches of ${batchSize}, ${strategy}`, async () => {
      const data = randomTable(rows, 20, batchSize, (x) => [Math.floor(((x[0]! + 1) / 2) * 99.99)]);
      await agree(m, config, batchSize, strategy, {}, async (s) => ({ predict: await s.predict(data, batchSize), evaluate: await s.evaluate(data, batchSize) }));
    });
  }
});

describe.skipIf(!gpu)('GPU = CPU over fits of thousands of steps', () => {
  const sgd: Optimizer = { kind: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false };
  const rmsprop: Optimizer = { kind: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7 };

  it('Dense(8, relu) -> Dense(1, sigmoid), sgd, 2 epochs of 3,000 steps (batches of 1)', async () => {
    // epoch 2 (one dispatch of 3,000 steps) stopped near step 2,730: accuracy 0.90 where the CPU has 0.99
    const m = model('m', [dense('dense', 4, 8, 'relu'), dense('dense_1', 8, 1, 'sigmoid')]);
    const config = { loss: loss('binary_crossentropy'), optimizer: sgd, metrics: [metric('accuracy', 'binary_accuracy')] };
    const data = randomTable(3000, 4, 11, (x) => [x[0]! + x[1]! > 0 ? 1 : 0]);
    await agree(m, config, 1, 'single-workgroup', {}, async (s) => ({ fit: epochs((await s.fit(data, fitOptions(1, { epochs: 2 }))).history), weights: await weights(s) }));
  });

  it('Dense(33, softmax), rmsprop, 2 epochs of 900 steps (batches of 2), with validation', async () => {
    const m = model('m', [dense('dense', 8, 33, 'softmax')]);
    const config = { loss: loss('sparse_categorical_crossentropy'), optimizer: rmsprop, metrics: [metric('accuracy', 'sparse_categorical_accuracy')] };
    const data = randomTable(2000, 8, 12, (x) => [Math.floor(((x[0]! - x[3]! + 2) / 4) * 32.99)]);
    await agree(m, config, 2, 'single-workgroup', {}, async (s) => ({ fit: epochs((await s.fit(data, fitOptions(2, { epochs: 2, validationSplit: 0.1 }))).history), weights: await weights(s) }));
  });
});
