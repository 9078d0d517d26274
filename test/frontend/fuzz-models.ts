// What the fuzz tests of random models (fuzz-images, fuzz-sequences) do with each program: check
// it, and where it is a program, compile it (passes verified) and train one step of 3 rows on the
// CPU, which must end with a finite loss. Any crash fails the test that called it.
import { expect } from 'vitest';
import { SourceFile } from '../../base/source.js';
import { compileModel } from '../../compiler/driver.js';
import { checkSource } from '../../compiler/frontend.js';
import type { Statement } from '../../compiler/program.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';

/** 'rejected' (with diagnostics) or 'trained'; `feature(i)` is element i of the 3 rows' features. */
export function checkOrTrainStep(source: string, feature: (i: number) => number): 'rejected' | 'trained' {
  const checked = checkSource(new SourceFile('fuzz.nn', source), { mode: 'check' });
  if (!checked.program) {
    expect(checked.diagnostics.length, source).toBeGreaterThan(0);
    return 'rejected';
  }
  const model = checked.program.models[0]!;
  const st = checked.program.statements[0] as Extract<Statement, { kind: 'compile' }>;
  const { plan } = compileModel(model, { loss: st.loss, optimizer: st.optimizer, metrics: st.metrics }, { verify: true });
  const exec = new CpuExecutor(plan);
  const rows = 3;
  exec.bindData({ key: 'd', rows, features: Float32Array.from({ length: rows * model.inputDim }, (_, i) => feature(i)), labels: Float32Array.from([0, 1, 2]) });
  exec.setPermutation(Uint32Array.from([0, 1, 2]));
  exec.run('train', [{ offset: 0, rows, step: 1 }], 1);
  expect(exec.view(plan.io.nonFiniteStep)[0], source).toBe(0);
  exec.dispose();
  return 'trained';
}
