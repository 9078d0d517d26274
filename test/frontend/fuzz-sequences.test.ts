// Random sequence models (Embedding or not, recurrent layers in both directions, Conv1D with every
// padding, poolings, crops, Dense on steps) either give diagnostics or compile and train a step on
// the CPU: nothing crashes in between. As fuzz-images.test.ts for image models.
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../base/rng.js';
import { checkOrTrainStep } from './fuzz-models.js';

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
      // token ids 0 .. 4 (every vocabulary here has at least 2 rows: an id past it reads zeros)
      if (checkOrTrainStep(randomProgram(seed), (i) => i % 5) === 'trained') trained++;
    }
    expect(trained).toBeGreaterThan(100);
  });
});
