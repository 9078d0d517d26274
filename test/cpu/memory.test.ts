// The interpreter's memory (runtime/cpu/memory.ts): every buffer is a view of one WebAssembly
// memory that is laid out again when the batch grows or a dataset of another size is bound. An
// executor's results must not depend on that history: each check compares an executor that went
// through relayouts and growth with a fresh one that did not.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import type { Plan } from '../../compiler/plan/ir.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import type { StepArgs } from '../../runtime/executor.js';
import { RandomStream } from '../../base/rng.js';
import { NncError } from '../../base/diagnostics/diagnostic.js';
import { adam, dense, loss, metric, model } from '../core/helpers.js';

const m = model('m', [dense('dense', 6, 10, 'relu'), dense('dense_1', 10, 3, 'softmax')]);
const { plan } = compileModel(m, { loss: loss('categorical_crossentropy'), optimizer: adam, metrics: [metric('accuracy', 'categorical_accuracy')] });

function dataset(rows: number, seed: number) {
  const rng = new RandomStream(seed, 3);
  const features = Float32Array.from({ length: rows * 6 }, () => rng.range(-1, 1));
  const labels = new Float32Array(rows * 3);
  for (let r = 0; r < rows; r++) labels[r * 3 + rng.int(3)] = 1;
  return { key: `data${seed}x${rows}`, rows, features, labels };
}

function executor(): CpuExecutor {
  const exec = new CpuExecutor(plan);
  const rng = new RandomStream(5, 6);
  for (const b of plan.buffers) {
    if (b.role !== 'param') continue;
    exec.write(b.id, Float32Array.from({ length: (b.shape as number[]).reduce((x, y) => x * y, 1) }, () => rng.range(-0.5, 0.5)));
  }
  return exec;
}

function identity(n: number): Uint32Array {
  return Uint32Array.from({ length: n }, (_, i) => i);
}

async function predict(exec: CpuExecutor, data: ReturnType<typeof dataset>, batch = 32): Promise<Float32Array> {
  exec.bindData(data);
  exec.setPermutation(identity(data.rows));
  const steps: StepArgs[] = [];
  for (let o = 0; o < data.rows; o += batch) steps.push({ offset: o, rows: Math.min(batch, data.rows - o), step: 0 });
  exec.run('predict', steps, 0);
  return exec.read(plan.io.output);
}

async function params(exec: CpuExecutor, p: Plan): Promise<Float32Array[]> {
  return Promise.all(p.io.params.map((id) => exec.read(id)));
}

describe('CPU memory layout', () => {
  it('a dataset gives the same predictions whatever was bound before (same size, larger, smaller)', async () => {
    const a = dataset(50, 1);
    const b = dataset(50, 2);
    const big = dataset(40_000, 3);
    const exec = executor();
    const first = await predict(exec, a);
    // Same size, another key: copied in place.
    expect(await predict(exec, b)).toEqual(await predict(executor(), b));
    // Larger (the memory grows past its first size) and a larger batch.
    const before = (exec as unknown as { memory: { byteLength: number } }).memory.byteLength;
    expect(await predict(exec, big, 1024)).toEqual(await predict(executor(), big, 1024));
    expect((exec as unknown as { memory: { byteLength: number } }).memory.byteLength).toBeGreaterThan(before);
    // Back to the first: laid out again, copied again.
    expect(await predict(exec, a)).toEqual(first);
  });

  it('parameters and optimizer state survive the batch growing between calls', async () => {
    const data = dataset(40, 4);
    const perm = Uint32Array.from({ length: 40 }, (_, i) => (i * 7) % 40);
    const batches = [2, 7, 20, 11];
    const steps: StepArgs[] = [];
    let offset = 0;
    batches.forEach((rows, k) => {
      steps.push({ offset, rows, step: k + 1 });
      offset += rows;
    });
    // One executor grows to 20 rows at once; the other grows call by call (2, 7, 20).
    const once = executor();
    once.bindData(data);
    once.setPermutation(perm);
    once.run('train', steps, 1);
    const stepwise = executor();
    stepwise.bindData(data);
    stepwise.setPermutation(perm);
    for (const s of steps) stepwise.run('train', [s], 1);
    expect(await params(stepwise, plan)).toEqual(await params(once, plan));
    const sums = Object.values(plan.io.sums.train);
    for (const id of sums) expect(await stepwise.read(id)).toEqual(await once.read(id));
    // And the loss sum is a real number: the steps trained on the bound rows.
    expect(Number.isFinite((await once.read(plan.io.sums.train.loss!))[0])).toBe(true);
  });

  it('write, then relayout, then read returns what was written; writes of the wrong size are refused', async () => {
    const exec = executor();
    const id = plan.io.params[0]!;
    const n = exec.view(id).length;
    const values = Float32Array.from({ length: n }, (_, i) => i / 7);
    exec.write(id, values);
    await predict(exec, dataset(30_000, 5), 1000);
    expect(await exec.read(id)).toEqual(values);
    expect(() => exec.write(id, new Float32Array(n + 1))).toThrow(/writing/);
  });

  it('a permutation set before the data is bound is still there after the relayout binding causes', async () => {
    const exec = executor();
    const perm = Uint32Array.from({ length: 20 }, (_, i) => 19 - i);
    exec.setPermutation(perm);
    exec.bindData(dataset(20, 6));
    expect(Array.from(exec.view(plan.io.permutation))).toEqual(Array.from(perm));
    // And predictions read rows through it: row r of the output is data row 19 - r.
    const data = dataset(20, 6);
    exec.run('predict', [{ offset: 0, rows: 20, step: 0 }], 0);
    const reversed = await exec.read(plan.io.output);
    const straight = await predict(executor(), data);
    for (let r = 0; r < 20; r++) expect(Array.from(reversed.subarray(r * 3, r * 3 + 3))).toEqual(Array.from(straight.subarray((19 - r) * 3, (19 - r) * 3 + 3)));
  });
});

describe('memory that cannot be had (issue 16)', () => {
  it('a plan beyond 4 GiB is NNC5012 naming the largest layer, not a RangeError', () => {
    const huge = model('huge', [dense('dense', 2, 32768, 'relu'), dense('dense_1', 32768, 32768, 'relu'), dense('dense_2', 32768, 1, 'sigmoid')]);
    const compiled = compileModel(huge, { loss: loss('binary_crossentropy'), optimizer: adam, metrics: [] });
    let error: unknown;
    try {
      new CpuExecutor(compiled.plan);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(NncError);
    const d = (error as NncError).diagnostics[0]!;
    expect(d.code).toBe('NNC5012');
    expect(d.message).toMatch(/^the CPU interpreter cannot allocate \d+ MiB for model 'huge': more than the 4 GiB a WebAssembly memory can hold; its largest layer is dense_1 \(1,073,741,824 weights\)$/);
  });
});
