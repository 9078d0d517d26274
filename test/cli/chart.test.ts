// The history chart is made to be read: a log axis when the values span more than a decade, round
// ticks, both axes labelled, the epochs ticked, EarlyStopping's stop and restored epoch marked.
import { describe, expect, test } from 'vitest';
import { epochTicks, historyChart, valueAxis } from '../../runtime/chart.js';
import { historyJson } from '../../runtime/history.js';

/** The text of every <text> element, in order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('the value axis', () => {
  test('is logarithmic when the values span more than a decade (a loss from 10.2 down to 0.52), with 1-2-5 ticks around them', () => {
    const axis = valueAxis([10.2, 3.1, 0.9, 0.52]);
    expect(axis.log).toBe(true);
    expect(axis.ticks).toEqual([0.5, 1, 2, 5, 10, 20]);
    expect(axis.ticks.map(axis.label)).toEqual(['0.5', '1', '2', '5', '10', '20']);
    expect(axis.position(0.5)).toBeCloseTo(0, 9);
    expect(axis.position(20)).toBeCloseTo(1, 9);
    // the epochs after the first are not squeezed against the bottom: 1 sits a third of the way up
    expect(axis.position(1)).toBeGreaterThan(0.15);
  });

  test('is linear otherwise, on round ticks that enclose the values', () => {
    const axis = valueAxis([0.493, 0.7, 0.764]);
    expect(axis.log).toBe(false);
    expect(axis.ticks.map(axis.label)).toEqual(['0.4', '0.5', '0.6', '0.7', '0.8']);
    const narrow = valueAxis([0.9125, 0.9625]);
    expect(narrow.ticks.map(narrow.label)).toEqual(['0.91', '0.92', '0.93', '0.94', '0.95', '0.96', '0.97']);
    // not positive, or within a decade: linear
    expect(valueAxis([-1, 20]).log).toBe(false);
    expect(valueAxis([2, 19]).log).toBe(false);
    const flat = valueAxis([0.5, 0.5]);
    expect(flat.ticks.length).toBeGreaterThan(1);
  });

  test('epochs are ticked from 1, on round steps to the last', () => {
    expect(epochTicks(1)).toEqual([1]);
    expect(epochTicks(5)).toEqual([1, 2, 3, 4, 5]);
    expect(epochTicks(32)).toEqual([1, 10, 20, 30]);
    expect(epochTicks(100)).toEqual([1, 20, 40, 60, 80, 100]);
  });
});

describe('historyChart', () => {
  const history = {
    epoch: Array.from({ length: 40 }, (_, i) => i),
    history: {
      loss: Array.from({ length: 40 }, (_, i) => 10 / (1 + i)),
      val_loss: Array.from({ length: 40 }, (_, i) => 12 / (1 + i) + 0.05 * i),
      accuracy: Array.from({ length: 40 }, (_, i) => 0.5 + i / 100),
    },
    earlyStopping: { stoppedEpoch: 39, restoredEpoch: 34 },
  };
  const svg = historyChart(history, 'net');

  test('labels both axes (the log one says so) and ticks the epochs', () => {
    const t = texts(svg);
    expect(t).toContain('loss (log scale)');
    expect(t).toContain('accuracy');
    expect(t.filter((x) => x === 'epoch')).toHaveLength(2);
    for (const e of ['1', '10', '20', '30', '40']) expect(t).toContain(e);
    expect(t).toContain('0.5'); // accuracy, linear
  });

  test('marks where EarlyStopping stopped and the best epoch whose weights it restored, in each panel', () => {
    const t = texts(svg);
    expect(t.filter((x) => x === 'early stop: epoch 40')).toHaveLength(2);
    expect(t.filter((x) => x === 'restored best: epoch 35')).toHaveLength(2);
    expect(svg.match(/stroke="#d62728"/g)!.length).toBeGreaterThanOrEqual(2);
    expect(historyJson('net', history)).toContain('"early_stopping": {"stopped_epoch":39,"best_epoch":34}');
  });

  test('a value that is not finite breaks the line instead of drawing it at the top', () => {
    const broken = historyChart({ epoch: [0, 1, 2, 3], history: { loss: [1, Number.NaN, 0.8, 0.7] } }, 'net');
    expect(broken.match(/<polyline/g)).toHaveLength(1); // epochs 3 and 4; epoch 1 alone is a dot
    expect(broken).toContain('<circle');
  });
});
