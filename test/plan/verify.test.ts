// The verifiers catch what a pass could break: each rule, on a small graph or plan that breaks it.
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../compiler/graph/ir.js';
import { verifyGraph } from '../../compiler/graph/verify.js';
import { parsePlan } from '../../compiler/plan/parse.js';
import { verifyPlan } from '../../compiler/plan/verify.js';

function plan(kernels: string, buffers = ''): string[] {
  const count = kernels.split('\n').filter((l) => /^\s*k\d+ /.test(l)).length;
  const text = `plan m {
  buffers
    features: f32[N, 4] features
    labels: f32[N, 1] labels
    permutation: u32[N, 1] permutation
    output: f32[N, 3] output
    w: f32[4, 3] param init=zeros
    s: f32[1, 1] state
    train/%1: f32[B, 3] temp
${buffers}
  train: ${count} kernel${count === 1 ? '' : 's'}
${kernels}
  evaluate: 0 kernels
  predict: 0 kernels
}
`;
  return verifyPlan(parsePlan(text));
}

describe('plan verifier', () => {
  it('accepts a well-formed plan', () => {
    expect(plan(`    k0 d: matmul [B, 3] inner 4 = features[perm] @ w
      %1[i,j] = acc0
    k1 r: reduce all of [B, 3]
      acc0 = sum %1[i,j]
      s[i,j] = add(s[i,j], acc0)`)).toEqual([]);
  });

  it('a temporary read before the step writes it', () => {
    expect(plan(`    k0 r: reduce all of [B, 3]
      acc0 = sum %1[i,j]
      s[i,j] = acc0`)).toEqual(['train k0 r: reads train/%1 before any kernel of the step writes it']);
  });

  it('a coordinate out of bounds, and one masked', () => {
    expect(plan(`    k0 a: map [4, 3]
      w[i,j] = w[i+1,j]`)).toContain('train k0 a: load of w: coordinate 0 ranges over [1, 4], outside [0, 4) and not masked');
    expect(plan(`    k0 a: map [4, 3]
      w[i,j] = w[i+1?,j]`)).not.toContainEqual(expect.stringContaining('outside'));
  });

  it('a view of another size, a missing coordinate', () => {
    expect(plan(`    k0 a: map [4, 3]
      w[i,j] = w[i,j]:[2, 3]`)).toContain('train k0 a: load of w: a [2, 3] view of a [4, 3] buffer');
    expect(plan(`    k0 a: map [4, 3]
      w[i,j] = w[i]`)).toContain('train k0 a: load of w: 1 coordinates for a rank-2 view');
  });

  it('the dataset read without the permutation; a store to it', () => {
    expect(plan(`    k0 a: map [B, 4]
      features[perm[o+i],j] = 1`)).toContain('train k0 a: stores to features, which is read-only');
  });

  it('a race: a map reading another element of what it writes', () => {
    expect(plan(`    k0 a: map [4, 3]
      w[i,j] = w[0,j]`)).toContain('train k0 a: reads w at another element than it writes it (a race)');
  });

  it('a reduction writing what it reads', () => {
    expect(plan(`    k0 a: map [B, 3]
      %1[i,j] = 1
    k1 r: reduce rows of [B, 3]
      acc0 = sum %1[i,j]
      %1[i,j] = acc0`)).toContainEqual(expect.stringContaining('which its reductions read'));
  });

  it('an accumulator or a let that does not exist', () => {
    expect(plan(`    k0 a: map [4, 3]
      w[i,j] = acc0`)).toContain('train k0 a: uses acc0, which does not exist here');
    expect(plan(`    k0 a: map [4, 3]
      w[i,j] = t9`)).toContain('train k0 a: uses let t9 before it is defined');
  });
});

describe('graph verifier', () => {
  it('accepts what the builder makes', () => {
    const b = GraphBuilder.create('predict');
    const x = b.input('features', [3, 4]);
    const w = b.param('w', [4, 3, 2], { name: 'zeros' }, 12, 2);
    b.graph.outputs.prediction = b.map('relu', [b.matmul(b.reshape(x, ['B', 12]), b.reshape(b.transpose(w, [1, 0, 2]), [12, 2]))]);
    expect(verifyGraph(b.graph)).toEqual([]);
  });

  it('a shape its rule does not give, an input used before it is defined, a bad update', () => {
    const b = GraphBuilder.create('train');
    const x = b.input('features', 3);
    const y = b.map('relu', [x]);
    b.graph.nodes[y]!.shape = ['B', 4];
    const z = b.map('exp', [x]);
    b.graph.nodes[z]!.inputs = [z + 1];
    const s = b.state('s', [1, 1]);
    b.graph.updates.push({ target: s, value: x });
    const problems = verifyGraph(b.graph);
    expect(problems).toContain(`%${y} (elementwise): has shape [B, 4], its rule gives [B, 3]`);
    expect(problems).toContain(`%${z} (elementwise): uses %${z + 1}, which is not defined before it`);
    expect(problems).toContain(`update of %${s}: value [B, 3] does not fit [1, 1]`);
  });
});
