// Random image models (window sizes, strides, paddings, input sizes, channels, poolings) either
// give diagnostics or compile and train a step on the CPU: nothing crashes in between.
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../base/rng.js';
import { SourceFile } from '../../base/source.js';
import { compileModel } from '../../compiler/driver.js';
import { checkSource } from '../../compiler/frontend.js';
import type { Statement } from '../../compiler/program.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';

function randomProgram(seed: number): string {
  const rng = new RandomStream(seed, 11);
  const pick = <T>(xs: readonly T[]) => xs[rng.int(xs.length)]!;
  const size = () => (rng.next() < 0.5 ? String(1 + rng.int(4)) : `(${1 + rng.int(4)}, ${1 + rng.int(4)})`);
  const layers = [`Input((${1 + rng.int(9)}, ${1 + rng.int(9)}, ${1 + rng.int(3)}))`];
  for (let n = 1 + rng.int(4); n > 0; n--) {
    layers.push(
      pick([
        () => `Conv2D(${1 + rng.int(4)}, ${size()}, strides=${size()}, padding="${pick(['valid', 'same'])}", activation="${pick(['relu', 'tanh', 'linear'])}")`,
        () => `${pick(['MaxPooling2D', 'AveragePooling2D'])}(${size()}, strides=${rng.next() < 0.5 ? 'null' : size()}, padding="${pick(['valid', 'same'])}")`,
        () => 'BatchNormalization()',
        () => `Dropout(0.${1 + rng.int(8)})`,
        () => pick(['Rescaling(1/2)', 'Rescaling(1)']),
      ])(),
    );
  }
  layers.push(pick(['Flatten()', 'GlobalAveragePooling2D()', 'GlobalMaxPooling2D()', '']), 'Dense(3, activation="softmax")');
  return `model m = Sequential { ${layers.filter(Boolean).join(', ')} }\ncompile m(loss="sparse_categorical_crossentropy", optimizer="adam")\n`;
}

describe('random image models: diagnostics or a training step, never a crash', () => {
  it('200 programs', () => {
    let trained = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const source = randomProgram(seed);
      const checked = checkSource(new SourceFile('fuzz.nn', source), { mode: 'check' });
      if (!checked.program) {
        expect(checked.diagnostics.length, source).toBeGreaterThan(0);
        continue;
      }
      const model = checked.program.models[0]!;
      const st = checked.program.statements[0] as Extract<Statement, { kind: 'compile' }>;
      const { plan } = compileModel(model, { loss: st.loss, optimizer: st.optimizer, metrics: st.metrics }, { verify: true });
      const exec = new CpuExecutor(plan);
      const rows = 3;
      exec.bindData({ key: 'd', rows, features: new Float32Array(rows * model.inputDim).fill(0.5), labels: Float32Array.from([0, 1, 2]) });
      exec.setPermutation(Uint32Array.from([0, 1, 2]));
      exec.run('train', [{ offset: 0, rows, step: 1 }], 1);
      trained++;
    }
    expect(trained).toBeGreaterThan(40);
  });
});
