// The CPU's faster forms of the plan's operations, each giving the bits of the plain loops:
// pooling's max and argmax without branches (held here to a direct reading of the plan's rule on
// values with ties, signed zeros, NaN and infinities), bias gradients over many axes as SIMD column
// sums (held to the all-JavaScript reference by conv.test.ts), comparisons as +(a > b).
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import type { Expr, Kernel, Plan, ReduceKernel, View } from '../../compiler/plan/ir.js';
import { identityView } from '../../compiler/plan/view.js';
import { contiguousStrides, type Shape } from '../../compiler/graph/shape.js';
import { PlanCompiler } from '../../runtime/cpu/codegen.js';
import { CpuExecutor, type CpuExecutorOptions } from '../../runtime/cpu/executor.js';
import { encodeLabels } from '../../runtime/session.js';
import { randomTable } from '../core/helpers.js';
import { RandomStream } from '../../base/rng.js';
import { imageCase, imageCases } from '../core/image-cases.js';

const ROWS = 3;
/** A pooling wide enough for SIMD (rows of 4 x 16 results), of an odd size. */
const POOL = imageCase('pool', 'Input((11, 11, 2)), Conv2D(16, 3, activation="relu"), MaxPooling2D(2), Flatten(), Dense(3, activation="softmax")');

function trainPlan(): Plan {
  return compileModel(imageCases[0]!.model, imageCases[0]!.config).plan;
}

function size(shape: Array<number | string>): number {
  return shape.reduce<number>((n, d) => n * (typeof d === 'number' ? d : ROWS), 1);
}

/** The element a view reads at an index of its kernel's space (as codegen reads it: -1 where masked or not divisible). */
function at(view: View, index: number[]): number {
  const strides = contiguousStrides(view.shape.map((d) => (typeof d === 'number' ? d : ROWS)));
  let flat = 0;
  for (const [d, c] of view.coords.entries()) {
    let v = c.bias + c.terms.reduce((s, [axis, coef]) => s + coef * index[axis]!, 0);
    const div = c.div ?? 1;
    if (v % div !== 0) return -1;
    v /= div;
    if (c.masked && (v < 0 || v >= (view.shape[d] as number))) return -1;
    flat += v * strides[d]!;
  }
  return flat;
}

/** Every index of a shape, row-major. */
function* indices(shape: number[]): Generator<number[]> {
  const n = shape.reduce((a, b) => a * b, 1);
  for (let f = 0; f < n; f++) {
    const index: number[] = [];
    let r = f;
    for (let d = shape.length - 1; d >= 0; d--) {
      index[d] = r % shape[d]!;
      r = Math.floor(r / shape[d]!);
    }
    yield index;
  }
}

/**
 * The plan's rule, read directly: per result, the reduced elements in row-major order; max keeps
 * a value strictly greater than the best so far (from -Infinity), argmax its position (0 if none).
 */
function reference(k: ReduceKernel, mem: Array<Float32Array | Uint32Array>): void {
  const space = k.space.map((d) => (typeof d === 'number' ? d : ROWS));
  const reduced = k.axes.map((a) => space[a]!);
  const kept = space.map((d, a) => (k.axes.includes(a) ? 1 : d));
  for (const out of indices(kept)) {
    let best = -Infinity;
    let arg = 0;
    let p = 0;
    for (const r of indices(reduced)) {
      const index = out.slice();
      k.axes.forEach((a, n) => (index[a] = r[n]!));
      const load = k.reductions[0]!.value as Extract<ReduceKernel['reductions'][number]['value'], { k: 'load' }>;
      const e = at(load.view, index);
      const v = e < 0 ? 0 : mem[load.buf]![e]!;
      if (v > best) {
        best = v;
        arg = p;
      }
      p++;
    }
    for (const s of k.epilogue.stores) {
      const acc = s.value as { k: 'acc'; index: number };
      mem[s.buf]![at(s.view, out)] = k.reductions[acc.index]!.op === 'max' ? best : arg;
    }
  }
}

describe('pooling: max and argmax of a window without branches = the loops', () => {
  for (const [variant, options] of [['SIMD', {}], ['JavaScript', { simd: false }]] as const) {
    it(`${variant}: the same values and positions on ties, signed zeros, NaN and infinities`, () => {
      const plan = compileModel(POOL.model, POOL.config).plan;
      const pools = plan.schedules.train.kernels.filter((k): k is ReduceKernel => k.kind === 'reduce' && k.name.startsWith('max_pooling2d') && k.reductions.some((r) => r.op === 'argmax'));
      expect(pools.length).toBe(1);
      const special = [-Infinity, Infinity, NaN, -0, 0, 0.5, 0.5, -1, 2, Math.fround(1e-30)];
      const rng = new RandomStream(7, 1);
      for (const k of pools) {
        const source = new PlanCompiler(plan, options).source(k);
        expect(source, k.name).toMatch(variant === 'SIMD' ? /ctx\.simd\.s\d+\(/ : /kw \^= \(kw \^ 3\)/);
        expect(k.prologue).toEqual([]);
        expect(k.epilogue.lets).toEqual([]);
        // the kernel alone, in the executor's memory
        const one: Plan = { ...plan, schedules: { ...plan.schedules, train: { ...plan.schedules.train, kernels: [k] } } };
        const exec = new CpuExecutor(one, options);
        const data = randomTable(ROWS, POOL.model.inputDim, 3, POOL.labels, ['0', '1', '2']);
        exec.bindData({ key: 'd', rows: data.rows, features: data.features, labels: encodeLabels(data, one.io.labelEncoding) });
        exec.setPermutation(Uint32Array.from({ length: ROWS }, (_, i) => i));
        exec.run('train', [{ offset: 0, rows: ROWS, step: 1 }], 1);
        const input = (k.reductions[0]!.value as { buf: number }).buf;
        const want = plan.buffers.map((b) => (b.dtype === 'u32' ? new Uint32Array(size(b.shape)) : new Float32Array(size(b.shape))));
        const view = exec.view(input);
        for (let n = 0; n < want[input]!.length; n++) view[n] = want[input]![n] = special[Math.floor(rng.next() * special.length)]!;
        exec.run('train', [{ offset: 0, rows: ROWS, step: 1 }], 1);
        reference(k, want);
        for (const s of k.epilogue.stores) {
          const bits = (a: Float32Array | Uint32Array) => new Uint32Array(a.buffer, a.byteOffset, a.length);
          const got = exec.view(s.buf).slice(0, want[s.buf]!.length);
          expect(bits(got), `${k.name} -> ${plan.buffers[s.buf]!.name}`).toEqual(bits(want[s.buf]!));
        }
        exec.dispose();
      }
    });
  }
});

describe('select in SIMD = select in JavaScript', () => {
  it('select(a, b, c) is a !== 0 ? b : c in both (zeros, NaN and numbers as conditions)', () => {
    const plan = trainPlan();
    // four f32 buffers of one shape, read and written whole
    const shape: Shape = ['B', 6, 8, 4];
    const same = plan.buffers.filter((b) => b.dtype === 'f32' && JSON.stringify(b.shape) === JSON.stringify(shape)).map((b) => b.id);
    expect(same.length).toBeGreaterThanOrEqual(4);
    const [a, b, c, out] = same as [number, number, number, number];
    const view = identityView(shape);
    const load = (buf: number): Expr => ({ k: 'load', buf, view });
    const kernel: Kernel = { kind: 'map', name: 'select', origins: [], segments: [{ space: shape, body: { lets: [], stores: [{ buf: out, view, value: { k: 'call', fn: 'select', alpha: 0, args: [load(a), load(b), load(c)] } }] } }] };
    const one: Plan = { ...plan, schedules: { ...plan.schedules, train: { ...plan.schedules.train, kernels: [kernel] } } };
    const results = (['SIMD', 'JavaScript'] as const).map((variant) => {
      const source = new PlanCompiler(one, variant === 'SIMD' ? {} : { simd: false }).source(kernel);
      expect(source.includes('ctx.simd.'), variant).toBe(variant === 'SIMD');
      const exec = new CpuExecutor(one, variant === 'SIMD' ? {} : { simd: false });
      const data = randomTable(ROWS, imageCases[0]!.model.inputDim, 3, imageCases[0]!.labels, ['0', '1', '2']);
      exec.bindData({ key: 'd', rows: data.rows, features: data.features, labels: encodeLabels(data, one.io.labelEncoding) });
      exec.setPermutation(Uint32Array.from({ length: ROWS }, (_, i) => i));
      exec.run('train', [{ offset: 0, rows: ROWS, step: 1 }], 1);
      const rng = new RandomStream(3, 1);
      const n = size(shape);
      const conditions = [0, -0, 1, NaN, -2];
      for (let e = 0; e < n; e++) {
        exec.view(a)[e] = conditions[Math.floor(rng.next() * conditions.length)]!;
        exec.view(b)[e] = rng.range(-1, 1);
        exec.view(c)[e] = rng.range(2, 3);
      }
      exec.run('train', [{ offset: 0, rows: ROWS, step: 1 }], 1);
      const got = Float32Array.from(exec.view(out).subarray(0, n));
      const want = Float32Array.from({ length: n }, (_, e) => (exec.view(a)[e] !== 0 ? exec.view(b)[e]! : exec.view(c)[e]!));
      expect(got, variant).toEqual(want);
      exec.dispose();
      return got;
    });
    expect(results[0]).toEqual(results[1]);
  });
});

describe('padding read per call: a masked view whose mask is outside the SIMD rows', () => {
  it("the gradient through a max pooling's padding runs as two SIMD bodies and trains to the JavaScript reference's bits", async () => {
    // the Rescaling keeps the convolution's ninth row: a Conv2D right before the pooling computes only the rows read
    const c = imageCase('wide', 'Input((11, 11, 1)), Conv2D(64, 3, activation="relu"), Rescaling(0.5), MaxPooling2D(2), Flatten(), Dense(3, activation="softmax")');
    const { plan } = compileModel(c.model, c.config);
    const compiler = new PlanCompiler(plan);
    const sources = plan.schedules.train.kernels.filter((k) => k.kind === 'map').map((k) => compiler.source(k));
    expect(sources.some((src) => /if \(.*< 8.*\) ctx\.simd\.s\d+\([^\n]*\nelse ctx\.simd\./.test(src))).toBe(true);
    const train = async (options: CpuExecutorOptions) => {
      const data = randomTable(9, c.model.inputDim, 3, c.labels, ['0', '1', '2']);
      const exec = new CpuExecutor(plan, options);
      const rng = new RandomStream(42, 5);
      for (const b of plan.buffers) {
        if (b.role !== 'param' && b.role !== 'state') continue;
        const n = size(b.shape);
        exec.write(b.id, b.role === 'param' ? Float32Array.from({ length: n }, () => rng.range(-0.7, 0.7)) : new Float32Array(n).fill(b.fill ?? 0));
      }
      exec.bindData({ key: 'd', rows: data.rows, features: data.features, labels: encodeLabels(data, plan.io.labelEncoding) });
      exec.setPermutation(Uint32Array.from({ length: data.rows }, (_, i) => (i * 5 + 2) % data.rows));
      exec.run('train', [{ offset: 0, rows: 4, step: 1 }, { offset: 4, rows: 5, step: 2 }], 3);
      const params = await Promise.all(plan.buffers.filter((b) => b.role === 'param').map((b) => exec.read(b.id)));
      exec.dispose();
      return params.map((p) => new Uint32Array(p.buffer, p.byteOffset, p.length));
    };
    expect(await train({})).toEqual(await train({ matmul: 'js', simd: false }));
  });
});

describe('the fast forms are used', () => {
  it("a convolution's bias gradient (a sum over batch, height and width) runs as SIMD column sums", () => {
    const plan = trainPlan();
    const compiler = new PlanCompiler(plan);
    const sums = plan.schedules.train.kernels.filter((k) => k.kind === 'reduce' && k.space.length === 4 && k.axes.join() === '0,1,2');
    expect(sums.length).toBeGreaterThanOrEqual(2);
    for (const k of sums) expect(compiler.source(k), k.name).toMatch(/ctx\.simd\.s\d+\(rows \* \d+,/);
  });

  it('comparisons are numbers, not branches: +(a === b)', () => {
    const plan = trainPlan();
    const compiler = new PlanCompiler(plan, { simd: false });
    const eq = plan.schedules.train.kernels.filter((k) => k.kind === 'map' && k.name.includes('grad.eq'));
    expect(eq.length).toBe(2);
    for (const k of eq) {
      expect(compiler.source(k)).toMatch(/\+\(b\d+\[[^\]]*\] === b\d+\[/);
      expect(compiler.source(k)).not.toContain('? 1 : 0');
    }
  });
});
