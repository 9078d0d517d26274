// formatSummary: Keras 3's table, parameter counts, sizes at 4 bytes a parameter in base 1024.
import { describe, expect, test } from 'vitest';
import type { Model } from '../../compiler/program.js';
import { formatSummary, readableSize, thousands } from '../../compiler/summary.js';

const span = { file: 'x.nn', line: 1, col: 1, endLine: 1, endCol: 1, offset: 0, endOffset: 0 };

function dense(name: string, inputDim: number, units: number, useBias = true): Model['layers'][number] {
  return {
    kind: 'Dense',
    name,
    span,
    inputShape: [inputDim],
    outputShape: [units],
    units,
    activation: { name: 'relu', alpha: 0 },
    useBias,
    kernelInitializer: { name: 'glorot_uniform' },
    biasInitializer: { name: 'zeros' },
  };
}

describe('formatSummary', () => {
  test('the Pima model, exactly as Keras 3 prints it', () => {
    const model: Model = { name: 'diabetes', span, inputShape: [8], outputShape: [1], inputDim: 8, outputDim: 1, layers: [dense('dense', 8, 12), dense('dense_1', 12, 1)], trainableParams: 121, nonTrainableParams: 0 };
    expect(formatSummary(model)).toBe(
      [
        'Model: "diabetes"',
        '┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓',
        '┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃',
        '┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩',
        '│ dense (Dense)                        │ (None, 12)                  │             108 │',
        '├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤',
        '│ dense_1 (Dense)                      │ (None, 1)                   │              13 │',
        '└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘',
        ' Total params: 121 (484.00 B)',
        ' Trainable params: 121 (484.00 B)',
        ' Non-trainable params: 0 (0.00 B)',
        '',
      ].join('\n'),
    );
  });

  test('every line of the table is 88 characters wide', () => {
    const model: Model = { name: 'm', span, inputShape: [784], outputShape: [10], inputDim: 784, outputDim: 10, layers: [dense('dense', 784, 4096), dense('dense_1', 4096, 10, false)], trainableParams: 784 * 4096 + 4096 + 40960, nonTrainableParams: 0 };
    const lines = formatSummary(model).split('\n');
    for (const line of lines.slice(1, 8)) expect([...line].length).toBe(88);
    expect(lines).toContain('│ dense (Dense)                        │ (None, 4096)                │       3,215,360 │');
    expect(lines).toContain('│ dense_1 (Dense)                      │ (None, 10)                  │          40,960 │');
    expect(lines).toContain(' Total params: 3,256,320 (12.42 MB)');
  });

  test('a name too long for its column wraps, as rich does', () => {
    const long = dense('a_very_long_layer_name_that_does_not_fit', 2, 2);
    const model: Model = { name: 'm', span, inputShape: [2], outputShape: [2], inputDim: 2, outputDim: 2, layers: [long], trainableParams: 6, nonTrainableParams: 0 };
    const rows = formatSummary(model).split('\n').filter((l) => l.startsWith('│'));
    expect(rows).toEqual([
      '│ a_very_long_layer_name_that_does_not │ (None, 2)                   │               6 │',
      '│ _fit (Dense)                         │                             │                 │',
    ]);
  });
});

test('readableSize: base 1024, two decimals, B/KB/MB', () => {
  expect([0, 484, 1023, 1024, 1536, 1048576, 20.5 * 1024 * 1024].map(readableSize)).toEqual(['0.00 B', '484.00 B', '1023.00 B', '1.00 KB', '1.50 KB', '1.00 MB', '20.50 MB']);
});

test('thousands separators', () => {
  expect([0, 999, 1000, 121, 1234567].map(thousands)).toEqual(['0', '999', '1,000', '121', '1,234,567']);
});
