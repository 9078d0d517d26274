// Each fusion pass on small plans written as text: what it joins, what it must leave apart, and
// that every plan before and after is well formed (plan/verify.ts). Ranks 2 to 4.
import { describe, expect, it } from 'vitest';
import { eliminateDeadStores } from '../../compiler/eliminate-dead-stores.js';
import { fuseElementwise } from '../../compiler/fuse-elementwise.js';
import { fuseEpilogues } from '../../compiler/fuse-epilogues.js';
import { fuseReductions } from '../../compiler/fuse-reductions.js';
import { fuseUpdates } from '../../compiler/fuse-updates.js';
import { inlineScalars } from '../../compiler/inline-scalars.js';
import type { Plan } from '../../compiler/plan/ir.js';
import { parsePlan } from '../../compiler/plan/parse.js';
import { printPlan } from '../../compiler/plan/print.js';
import { verifyPlan } from '../../compiler/plan/verify.js';

/** The plan of `buffers` and train `kernels` (text without the indentation of the printer). */
function plan(buffers: string, kernels: string): Plan {
  const count = kernels.split('\n').filter((l) => /^k\d+ /.test(l.trim())).length;
  const indent = (text: string, n: number) =>
    text
      .trim()
      .split('\n')
      .map((l) => ' '.repeat(n) + l.trim().replace(/^(let |[^k].*?=)/, (m) => m))
      .join('\n');
  const body = kernels
    .trim()
    .split('\n')
    .map((l) => (/^k\d+ /.test(l.trim()) || /^segment /.test(l.trim()) ? `    ${l.trim()}` : `      ${l.trim()}`))
    .join('\n');
  const text = `plan m {\n  buffers\n${indent(buffers, 4)}\n  train: ${count} kernel${count === 1 ? '' : 's'}\n${body}\n  evaluate: 0 kernels\n  predict: 0 kernels\n}\n`;
  const p = parsePlan(text);
  expect(verifyPlan(p)).toEqual([]);
  return p;
}

/** The train kernels of a plan after a pass, as text; the plan after it must verify too. */
function after(pass: (p: Plan) => Plan, p: Plan): string {
  const out = pass(p);
  expect(verifyPlan(out)).toEqual([]);
  const text = printPlan(out, ['train']);
  return text.slice(text.indexOf('  train:')).replace(/\n}\n$/, '\n');
}

const common = `
features: f32[N, 4] features
labels: f32[N, 1] labels
permutation: u32[N, 1] permutation
output: f32[N, 1] output`;

describe('inlineScalars', () => {
  it('recomputes a scalar of constants and uniforms where it is used', () => {
    const p = plan(
      `${common}
      w: f32[3, 3] param init=zeros
      train/%1: f32[1, 1] temp`,
      `k0 s: map [1, 1]
      %1[i,j] = div(0.1, sqrt($step))
      k1 u: map [3, 3]
      w[i,j] = sub(w[i,j], %1[0,0])`,
    );
    expect(after(inlineScalars, p)).toBe(`  train: 1 kernel
    k0 u: map [3, 3]
      w[i,j] = sub(w[i,j], div(0.1, sqrt($step)))
`);
  });
});

describe('fuseElementwise', () => {
  it('joins a chain over a rank-4 space; stores stay until dead-store elimination', () => {
    const p = plan(
      `${common}
      x: f32[B, 3, 4, 2] param init=zeros
      train/%1: f32[B, 3, 4, 2] temp
      train/%2: f32[B, 3, 4, 2] temp`,
      `k0 a: map [B, 3, 4, 2]
      %1[i0,i1,i2,i3] = relu(x[i0,i1,i2,i3])
      k1 b: map [B, 3, 4, 2]
      %2[i0,i1,i2,i3] = mul(%1[i0,i1,i2,i3], 2)`,
    );
    expect(after(fuseElementwise, p)).toBe(`  train: 1 kernel
    k0 a: map [B, 3, 4, 2]
      let t0 = relu(x[i0,i1,i2,i3])
      %1[i0,i1,i2,i3] = t0
      %2[i0,i1,i2,i3] = mul(t0, 2)
`);
  });

  it('leaves apart a map that reads another element of what the first writes', () => {
    const p = plan(
      `${common}
      x: f32[3, 3] param init=zeros
      train/%1: f32[3, 3] temp
      train/%2: f32[3, 3] temp`,
      `k0 a: map [3, 3]
      %1[i,j] = relu(x[i,j])
      k1 b: map [3, 3]
      %2[i,j] = mul(%1[j,i], 2)`,
    );
    expect(after(fuseElementwise, p).match(/map/g)).toHaveLength(2);
  });

  it('leaves apart maps over different spaces, and maps that share no data', () => {
    const p = plan(
      `${common}
      x: f32[3, 3] param init=zeros
      y: f32[3, 3] param init=zeros
      z: f32[3, 1] param init=zeros`,
      `k0 a: map [3, 3]
      x[i,j] = relu(x[i,j])
      k1 b: map [3, 3]
      y[i,j] = relu(y[i,j])
      k2 c: map [3, 1]
      z[i,j] = relu(z[i,j])`,
    );
    expect(after(fuseElementwise, p).match(/map/g)).toHaveLength(3);
  });

  it('joins maps over reshapes of one space (a pooling gradient [B, 2, 2, 3, 2] and a relu gradient [B, 4, 6]) by running one over the other\'s', () => {
    const p = plan(
      `${common}
      g: f32[B, 2, 1, 3, 1] param init=zeros
      x: f32[B, 4, 6] param init=zeros
      train/%1: f32[B, 2, 2, 3, 2] temp
      train/%2: f32[B, 4, 6] temp`,
      `k0 a: map [B, 2, 2, 3, 2]
      %1[i0,i1,i2,i3,i4] = mul(g[i0,i1,0,i3,0], 2)
      k1 b: map [B, 4, 6]
      %2[i0,i1,i2] = mul(%1[i0,i1,i2]:[B, 4, 6], x[i0,i1,i2])`,
    );
    expect(after(fuseElementwise, p)).toBe(`  train: 1 kernel
    k0 a: map [B, 2, 2, 3, 2]
      let t0 = mul(g[i0,i1,0,i3,0], 2)
      %1[i0,i1,i2,i3,i4] = t0
      %2[i0,i1,i2,i3,i4]:[B, 2, 2, 3, 2] = mul(t0, x[i0,i1,i2,i3,i4]:[B, 2, 2, 3, 2])
`);
  });

  it('does not run a map over a reshape of its space where it reads by the shape (a broadcast)', () => {
    const p = plan(
      `${common}
      x: f32[B, 4, 6] param init=zeros
      y: f32[1, 6] param init=zeros
      train/%1: f32[B, 2, 2, 3, 2] temp
      train/%2: f32[B, 4, 6] temp`,
      `k0 a: map [B, 2, 2, 3, 2]
      %1[i0,i1,i2,i3,i4] = mul(x[i0,i1,i2,i3,i4]:[B, 2, 2, 3, 2], 2)
      k1 b: map [B, 4, 6]
      %2[i0,i1,i2] = mul(%1[i0,i1,i2]:[B, 4, 6], y[0,i2])`,
    );
    expect(after(fuseElementwise, p)).toBe(`  train: 1 kernel
    k0 a: map [B, 4, 6]
      let t0 = mul(x[i0,i1,i2], 2)
      %1[i0,i1,i2]:[B, 4, 6] = t0
      %2[i0,i1,i2] = mul(t0, y[0,i2])
`);
  });
});

describe('fuseEpilogues', () => {
  it('moves the bias add and activation of a contraction into its epilogue (rank 3: a Dense layer over a sequence)', () => {
    const p = plan(
      `${common}
      seq: f32[B, 5, 4] param init=zeros
      w: f32[4, 3] param init=zeros
      b: f32[1, 3] param init=zeros
      train/%1: f32[B, 5, 3] temp
      train/%2: f32[B, 5, 3] temp`,
      `k0 d: contract [B, 5, 3] inner [4] = seq[i0,i1,k0] * w[k0,i2]
      %1[i0,i1,i2] = acc0
      k1 b: map [B, 5, 3]
      %2[i0,i1,i2] = relu(add(%1[i0,i1,i2], b[0,i2]))`,
    );
    expect(after(fuseEpilogues, p)).toBe(`  train: 1 kernel
    k0 d: contract [B, 5, 3] inner [4] = seq[i0,i1,k0] * w[k0,i2]
      %1[i0,i1,i2] = acc0
      %2[i0,i1,i2] = relu(add(acc0, b[0,i2]))
`);
  });

  it('does not move a map that reads the result at another element', () => {
    const p = plan(
      `${common}
      a: f32[3, 4] param init=zeros
      w: f32[4, 3] param init=zeros
      train/%1: f32[3, 3] temp
      train/%2: f32[3, 3] temp`,
      `k0 d: matmul [3, 3] inner 4 = a @ w
      %1[i,j] = acc0
      k1 t: map [3, 3]
      %2[i,j] = %1[j,i]`,
    );
    expect(after(fuseEpilogues, p).match(/k\d/g)).toHaveLength(2);
  });
});

describe('fuseReductions', () => {
  it('computes a map inside the reduction over axes 1, 2 of a rank-4 space (global average pooling)', () => {
    const p = plan(
      `${common}
      x: f32[2, 3, 4, 5] param init=zeros
      train/%1: f32[2, 3, 4, 5] temp
      train/%2: f32[2, 1, 1, 5] temp`,
      `k0 sq: map [2, 3, 4, 5]
      %1[i0,i1,i2,i3] = square(x[i0,i1,i2,i3])
      k1 r: reduce axes=1,2 of [2, 3, 4, 5]
      acc0 = sum %1[i0,i1,i2,i3]
      %2[i0,i1,i2,i3] = mul(acc0, 0.0833333333)`,
    );
    expect(after(fuseReductions, p)).toBe(`  train: 1 kernel
    k0 r: reduce axes=1,2 of [2, 3, 4, 5]
      let p0_out0 = square(x[i0,i1,i2,i3])
      acc0 = sum p0_out0
      %2[i0,i1,i2,i3] = mul(acc0, 0.0833333333)
`);
  });

  it('shares one pass between reductions of the same space and axes', () => {
    const p = plan(
      `${common}
      x: f32[B, 3] param init=zeros
      s: f32[1, 3] state
      m: f32[1, 3] state`,
      `k0 a: reduce rows of [B, 3]
      acc0 = sum x[i,j]
      s[i,j] = acc0
      k1 b: reduce rows of [B, 3]
      acc0 = max x[i,j]
      m[i,j] = acc0`,
    );
    expect(after(fuseReductions, p)).toBe(`  train: 1 kernel
    k0 a: reduce rows of [B, 3]
      acc0 = sum x[i,j]
      acc1 = max x[i,j]
      s[i,j] = acc0
      m[i,j] = acc1
`);
  });
});

describe('eliminateDeadStores', () => {
  it('drops stores of temporaries nothing reads any more, and their buffers', () => {
    const p = plan(
      `${common}
      x: f32[B, 3] param init=zeros
      train/%1: f32[B, 3] temp
      train/%2: f32[B, 3] temp`,
      `k0 a: map [B, 3]
      let t0 = relu(x[i,j])
      %1[i,j] = t0
      %2[i,j] = mul(t0, 2)
      x[i,j] = t0`,
    );
    const out = eliminateDeadStores(p);
    expect(verifyPlan(out)).toEqual([]);
    expect(out.buffers.map((b) => b.name)).not.toContain('train/%1');
    expect(printPlan(out, ['train'])).toContain('    k0 a: map [B, 3]\n      x[i,j] = relu(x[i,j])\n');
    expect(printPlan(out, ['train'])).not.toContain('%2');
  });
});

describe('fuseUpdates', () => {
  it('gives every parameter update one kernel, a segment each', () => {
    const p = plan(
      `${common}
      w: f32[4, 3] param init=zeros
      b: f32[1, 3] param init=zeros`,
      `k0 uw: map [4, 3]
      w[i,j] = mul(w[i,j], 0.5)
      k1 ub: map [1, 3]
      b[i,j] = mul(b[i,j], 0.5)`,
    );
    expect(after(fuseUpdates, p)).toBe(`  train: 1 kernel
    k0 optimizer.update: map 2 segments
      segment [4, 3]
        w[i,j] = mul(w[i,j], 0.5)
      segment [1, 3]
        b[i,j] = mul(b[i,j], 0.5)
`);
  });
});
