// Random image models (window sizes, strides, paddings, input sizes, channels, poolings) either
// give diagnostics or compile and train a step on the CPU: nothing crashes in between.
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../base/rng.js';
import { checkOrTrainStep } from './fuzz-models.js';

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
      if (checkOrTrainStep(randomProgram(seed), () => 0.5) === 'trained') trained++;
    }
    expect(trained).toBeGreaterThan(40);
  });
});
