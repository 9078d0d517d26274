// The interpreter's fast paths change nothing: the default executor (WebAssembly SIMD matmul and
// SIMD elementwise bodies) gives bit-identical buffers to the all-JavaScript reference (the same
// sums in the same order), over random networks with every activation, loss, optimizer and layer
// kind, odd widths, a short last batch, growing batches, and datasets bound and rebound.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import type { Plan } from '../../compiler/plan/ir.js';
import type { Activation, Layer, Loss, Optimizer } from '../../compiler/program.js';
import { PlanCompiler } from '../../runtime/cpu/codegen.js';
import { CpuExecutor, type CpuExecutorOptions } from '../../runtime/cpu/executor.js';
import type { StepArgs } from '../../runtime/executor.js';
import { RandomStream } from '../../base/rng.js';
import { encodeLabels } from '../../runtime/session.js';
import { optimizers, randomCase, type Case } from '../core/cases.js';
import { dense, loss, metric, model, randomTable, span } from '../core/helpers.js';

const REFERENCE: CpuExecutorOptions = { matmul: 'js', simd: false };
const VARIANTS: Array<[string, CpuExecutorOptions]> = [
  ['wasm matmul + SIMD bodies (default)', {}],
  ['wasm matmul, JS bodies', { simd: false }],
  ['JS matmul, SIMD bodies', { matmul: 'js' }],
  ['wasm matmul on 3 threads, every product split', { threads: 3, minParallelFlops: 0, alwaysSplit: true, minSplitElements: 0 }],
];

function bits(a: Float32Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length);
}

/** Fills params (random) and state (its fill) the same way in every executor. */
function initialize(plan: Plan, executors: CpuExecutor[]): void {
  const rng = new RandomStream(42, 5);
  for (const b of plan.buffers) {
    if (b.role !== 'param' && b.role !== 'state') continue;
    const n = (b.shape as number[]).reduce((x, y) => x * y, 1);
    const v = b.role === 'param' ? Float32Array.from({ length: n }, () => rng.range(-0.7, 0.7)) : new Float32Array(n).fill(b.fill ?? 0);
    for (const e of executors) e.write(b.id, v);
  }
}

/** Trains with batches of `batches` rows (in order), evaluates and predicts; returns every result buffer. */
async function exercise(c: Case, options: CpuExecutorOptions, batches: number[], rows = 29): Promise<Map<string, Float32Array>> {
  const data = randomTable(rows, c.model.inputDim, 3, c.labels, ['0', '1', '2']);
  const other = randomTable(rows + 6, c.model.inputDim, 4, c.labels, ['0', '1', '2']);
  const { plan } = compileModel(c.model, c.config, { verify: true });
  const exec = new CpuExecutor(plan, options);
  initialize(plan, [exec]);
  const bind = (t: typeof data, key: string) => exec.bindData({ key, rows: t.rows, features: t.features, labels: encodeLabels(t, plan.io.labelEncoding) });
  const out = new Map<string, Float32Array>();
  // Train on `data` with a shuffled order, batches as given (they may grow), one call per two steps.
  bind(data, 'd');
  exec.setPermutation(Uint32Array.from({ length: data.rows }, (_, i) => (i * 11 + 5) % data.rows));
  let offset = 0;
  const steps: StepArgs[] = batches.map((n, k) => {
    const s = { offset, rows: n, step: k + 1 };
    offset += n;
    return s;
  });
  for (let k = 0; k < steps.length; k += 2) exec.run('train', steps.slice(k, k + 2), 9);
  // Evaluate on another dataset (a larger one: the memory is laid out again), then predict on the first.
  bind(other, 'o');
  exec.setPermutation(Uint32Array.from({ length: other.rows }, (_, i) => i));
  exec.run('evaluate', [{ offset: 0, rows: 16, step: 0 }, { offset: 16, rows: other.rows - 16, step: 0 }], 0);
  bind(data, 'd');
  exec.setPermutation(Uint32Array.from({ length: data.rows }, (_, i) => i));
  exec.run('predict', [{ offset: 0, rows: 10, step: 0 }, { offset: 10, rows: data.rows - 10, step: 0 }], 0);
  for (const b of plan.buffers) {
    if (b.role === 'param' || b.role === 'state' || b.role === 'output') out.set(b.name, await exec.read(b.id));
  }
  return out;
}

async function expectIdentical(c: Case, batches: number[]): Promise<void> {
  const want = await exercise(c, REFERENCE, batches);
  for (const [variant, options] of VARIANTS) {
    const got = await exercise(c, options, batches);
    expect([...got.keys()]).toEqual([...want.keys()]);
    for (const [name, w] of want) {
      const g = got.get(name)!;
      expect(g.length, `${c.name} [${variant}] ${name}`).toBe(w.length);
      const differs = bits(g).findIndex((x, k) => x !== bits(w)[k]);
      expect(differs, `${c.name} [${variant}] ${name}[${differs}]: ${g[differs]} vs ${w[differs]}`).toBe(-1);
    }
  }
}

function caseWith(name: string, hidden: Activation['name'], lossName: Loss['name'], optimizer: Optimizer, width = 13, extra: Layer[] = []): Case {
  const classes = lossName.includes('categorical') ? 3 : lossName === 'binary_crossentropy' ? 1 : 6;
  const out = lossName.includes('categorical') ? 'softmax' : lossName === 'binary_crossentropy' ? 'sigmoid' : 'linear';
  return {
    name,
    model: model('m', [...extra, dense('dense', 5, width, hidden), dense('dense_1', width, classes, out)]),
    config: { loss: loss(lossName, 0.8), optimizer, metrics: [metric('accuracy', classes === 1 ? 'binary_accuracy' : 'categorical_accuracy')] },
    labels: (x) => {
      const s = x[0]! + 2 * x[1]! - x[2]!;
      if (lossName === 'binary_crossentropy') return [s > 0 ? 1 : 0];
      if (lossName.includes('categorical')) return [s < -0.5 ? 0 : s < 0.5 ? 1 : 2];
      return Array.from({ length: classes }, (_, j) => Math.sin(s + j));
    },
  };
}

const adam = optimizers.find((o) => o.kind === 'adam')!;
// Batches that grow (3, then 8, then 10) and a short last one: 3 + 8 + 10 + 8 = 29 rows.
const BATCHES = [3, 8, 10, 8];

describe('CPU interpreter: fast paths = plain JavaScript, bit for bit', () => {
  for (let seed = 1; seed <= 12; seed++) {
    const c = randomCase(seed);
    it(`random network ${c.name}`, () => expectIdentical(c, BATCHES));
  }
  for (const a of ['relu', 'leaky_relu', 'sigmoid', 'tanh', 'elu', 'selu', 'softplus', 'gelu', 'swish', 'linear', 'softmax'] as const) {
    it(`activation ${a}`, () => expectIdentical(caseWith(a, a, 'mse', adam), BATCHES));
  }
  for (const l of ['mse', 'mae', 'huber', 'binary_crossentropy', 'categorical_crossentropy', 'sparse_categorical_crossentropy'] as const) {
    it(`loss ${l}`, () => expectIdentical(caseWith(l, 'relu', l, adam), BATCHES));
  }
  for (const o of optimizers) {
    it(`optimizer ${o.kind}${o.kind === 'sgd' && o.momentum ? ' momentum' : ''}`, () => expectIdentical(caseWith(o.kind, 'relu', 'mse', o), BATCHES));
  }
  for (const width of [1, 4, 8, 9, 16, 33]) {
    it(`hidden width ${width}`, () => expectIdentical(caseWith(`width ${width}`, 'relu', 'categorical_crossentropy', adam, width), BATCHES));
  }
  it('Normalization, Activation and Dropout layers', () => {
    const extra: Layer[] = [
      { kind: 'Normalization', name: 'normalization', span, inputShape: [5], outputShape: [5], adapt: null },
      { kind: 'Activation', name: 'activation', span, inputShape: [5], outputShape: [5], activation: { name: 'relu', alpha: 0 } },
      { kind: 'Dropout', name: 'dropout', span, inputShape: [5], outputShape: [5], rate: 0.3 },
    ];
    return expectIdentical(caseWith('layers', 'relu', 'mse', adam, 13, extra), BATCHES);
  });
});

describe('SIMD bodies are used where they apply', () => {
  it("Adam's update, relu's forward pass, the bias gradients' column sums and softmax's exp run as SIMD; softmax's row sums stay in JavaScript", () => {
    const c = caseWith('simd', 'relu', 'categorical_crossentropy', adam, 12);
    const { plan } = compileModel(c.model, c.config, { verify: true });
    const compiler = new PlanCompiler(plan);
    const sources = new Map(plan.schedules.train.kernels.map((k) => [k.name, compiler.source(k)]));
    const simd = [...sources].filter(([, s]) => s.includes('ctx.simd.')).map(([n]) => n);
    expect(simd).toContain('dense.matmul');
    expect(simd).toContain('dense.grad.matmul');
    // the bias gradients: sums down the rows, a column per lane
    expect(simd).toContain('dense.grad.sum_rows');
    // Only the step size (invariant) is computed in JavaScript; no per-element loop is left.
    expect(sources.get('dense.grad.matmul')).not.toMatch(/for \(/);
    // the map of softmax (exp in float64, as Math.exp: wasm/exp.ts); the sums of exp are a reduction
    expect(simd.filter((n) => n.includes('softmax'))).toEqual(['dense_1.softmax']);
    expect(compiler.module()).not.toBeNull();
  });

  it("a sigmoid unit's forward pass runs as SIMD, four rows at a time (its product's one column)", () => {
    const c = caseWith('sigmoid', 'relu', 'binary_crossentropy', adam, 12);
    const { plan } = compileModel(c.model, c.config, { verify: true });
    const predict = plan.schedules.predict.kernels.find((k) => k.name === 'dense_1.matmul')!;
    expect(new PlanCompiler(plan).source(predict)).toMatch(/^ctx\.simd\.s0\(/m);
  });
});
