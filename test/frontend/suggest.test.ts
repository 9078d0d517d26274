// Did-you-mean: edit distance with transpositions, case ignored, only when close enough.
import { describe, expect, test } from 'vitest';
import { editDistance, suggest, typoBudget } from '../../base/suggest.js';

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['relu', 'relu', 0],
    ['rleu', 'relu', 1], // one transposition
    ['adm', 'adam', 1],
    ['Dens', 'Dense', 1],
    ['kitten', 'sitting', 3],
    ['binary_crossentropi', 'binary_crossentropy', 1],
    ['abc', '', 3],
  ])('%s -> %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  test('stops early past its limit', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('suggest', () => {
  const activations = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax', 'leaky_relu', 'elu', 'selu', 'softplus', 'gelu', 'swish'];
  test('typos find their name', () => {
    expect(suggest('rleu', activations)).toBe('relu');
    expect(suggest('sigmod', activations)).toBe('sigmoid');
    expect(suggest('softmx', activations)).toBe('softmax');
    expect(suggest('adm', ['sgd', 'adam', 'rmsprop', 'adagrad', 'adamw'])).toBe('adam');
    expect(suggest('Dens', ['Dense', 'Activation', 'Dropout'])).toBe('Dense');
  });

  test('case is ignored, so a case slip is the best suggestion', () => {
    expect(suggest('dense', ['Dense', 'Dropout'])).toBe('Dense');
    expect(suggest('RELU', activations)).toBe('relu');
  });

  test('far-off words get nothing', () => {
    expect(suggest('banana', activations)).toBeUndefined();
    expect(suggest('xyz', activations)).toBeUndefined();
    expect(suggest('zz', ['mse', 'mae'])).toBeUndefined();
  });

  test('the exact word is not suggested back, and ties go to the first', () => {
    expect(suggest('relu', ['relu'])).toBeUndefined();
    expect(suggest('elu', ['selu', 'gelu'])).toBe('selu');
  });

  test('the budget grows with the length', () => {
    expect([1, 2, 3, 5, 6, 10, 11].map(typoBudget)).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });
});
