// Random sequence models (Embedding or not, recurrent layers in both directions, Conv1D with every
// padding, poolings, crops, Dense on steps) either give diagnostics or compile and train a step on
// the CPU: nothing crashes in between. As fuzz-images.test.ts for image models.
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../base/rng.js';
import { SourceFile } from '../../base/source.js';
import { compileModel } from '../../compiler/driver.js';
import { checkSource } from '../../compiler/frontend.js';
import type { Statement } from '../../compiler/program.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';

function randomProgram(seed: number): string {
  const rng = new RandomStream(seed, 13);
  const pick = <T>(xs: readonly T[]) => xs[rng.int(xs.length)]!;
  const n = (k: number) => 1 + rng.int(k);
  const layers: string[] = [];
  const tokens = rng.next() < 0.5;
  if (tokens) layers.push(`Input((${n(8)},))`, `Embedding(${n(6) + 1}, ${n(4)}${rng.next() < 0.3 ? ', mask_zero=true' : ''})`);
  else layers.push(`Input((${n(8)}, ${n(3)}))`);
  const rs = () => (rng.next() < 0.6 ? ', return_sequences=true' : '');
  const gb = () => (rng.next() < 0.3 ? ', go_backwards=true' : '');
  for (let k = n(4); k > 0; k--) {
    layers.push(
      pick([
        () => `LSTM(${n(4)}${rs()}${gb()})`,
        () => `GRU(${n(4)}${rs()}${gb()})`,
        () => `SimpleRNN(${n(4)}${rs()}${gb()})`,
        () => `Bidirectional(${pick(['LSTM', 'GRU', 'SimpleRNN'])}(${n(3)}${rs()}), merge_mode="${pick(['concat', 'sum', 'mul', 'ave'])}")`,
        () => `Conv1D(${n(4)}, ${n(3)}, strides=${n(2)}, padding="${pick(['valid', 'same', 'causal'])}", activation="${pick(['relu', 'tanh', 'linear'])}")`,
        () => `${pick(['MaxPooling1D', 'AveragePooling1D'])}(${n(3)}, padding="${pick(['valid', 'same'])}")`,
        () => `${pick(['GlobalAveragePooling1D', 'GlobalMaxPooling1D'])}()`,
        () => `Cropping1D((${rng.int(2)}, ${rng.int(2)}))`,
        () => `Dropout(0.${n(8)})`,
        () => `Dense(${n(4)}, activation="${pick(['relu', 'tanh', 'linear'])}")`,
        () => 'Flatten()',
        () => 'BatchNormalization()',
        () => pick(['Rescaling(1)', 'Rescaling(0.5)', 'Activation("relu")']),
      ])(),
    );
  }
  layers.push(pick(['Flatten()', '']), 'Dense(3, activation="softmax")');
  return `model m = Sequential { ${layers.filter(Boolean).join(', ')} }\ncompile m(loss="sparse_categorical_crossentropy", optimizer="adam")\n`;
}

describe('random sequence models: diagnostics or a training step, never a crash', () => {
  it('300 programs', () => {
    let trained = 0;
    for (let seed = 1; seed <= 300; seed++) {
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
      // token ids 0 .. 4 (every vocabulary here has at least 2 rows: an id past it reads zeros)
      exec.bindData({ key: 'd', rows, features: Float32Array.from({ length: rows * model.inputDim }, (_, i) => i % 5), labels: Float32Array.from([0, 1, 2]) });
      exec.setPermutation(Uint32Array.from([0, 1, 2]));
      exec.run('train', [{ offset: 0, rows, step: 1 }], 1);
      expect(exec.view(plan.io.nonFiniteStep)[0], source).toBe(0);
      trained++;
    }
    expect(trained).toBeGreaterThan(100);
  });
});
