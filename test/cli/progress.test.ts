// The progress bar, line for line as Keras 3's Progbar prints it (keras/src/utils/progbar.py), on a
// clock the test moves: number formats, the time per step without the first steps, ETAs, the
// terminal redraw, verbose 2 and 0.
import { describe, expect, test } from 'vitest';
import { formatEta, formatLogValue, formatLogs, formatTimePerStep, ProgressBar, type Verbosity } from '../../runtime/progress.js';

function bar(verbose: Verbosity, total: number, tty: boolean) {
  let now = 1000;
  let text = '';
  const b = new ProgressBar({ write: (t) => (text += t), isTTY: tty }, verbose, total, () => now);
  return {
    b,
    advance: (ms: number) => (now += ms),
    text: () => text,
  };
}

describe('numbers as Keras prints them', () => {
  test('%.4f above 1e-3, %.4e at or below, two exponent digits', () => {
    expect(formatLogValue(0.65612345)).toBe('0.6561');
    expect(formatLogValue(10.23284)).toBe('10.2328');
    expect(formatLogValue(-0.5)).toBe('-0.5000');
    expect(formatLogValue(0.001)).toBe('1.0000e-03');
    // Python's %.4f of a large value: every digit, never JavaScript's exponent form (issue 16).
    expect(formatLogValue(1.3991888406305961e21)).toBe('1399188840630596141056.0000');
    expect(formatLogValue(-1e21)).toBe('-1000000000000000000000.0000');
    expect(formatLogValue(9.999e20)).toBe('999900000000000000000.0000');
    expect(formatLogValue(0.0010001)).toBe('0.0010');
    expect(formatLogValue(1.23456e-5)).toBe('1.2346e-05');
    expect(formatLogValue(0)).toBe('0.0000e+00');
    expect(formatLogValue(1e-120)).toBe('1.0000e-120');
    expect(formatLogValue(Number.NaN)).toBe('nan');
    expect(formatLogValue(Number.POSITIVE_INFINITY)).toBe('inf');
  });

  test('logs in sorted key order: accuracy before loss, val_ after', () => {
    expect(formatLogs({ val_loss: 0.5, loss: 0.25, val_accuracy: 0.75, accuracy: 1 })).toBe(' - accuracy: 1.0000 - loss: 0.2500 - val_accuracy: 0.7500 - val_loss: 0.5000');
  });

  test('time per step in s, ms or us, rounded', () => {
    expect(formatTimePerStep(2.4)).toBe('2s/step');
    expect(formatTimePerStep(0)).toBe('0s/step');
    expect(formatTimePerStep(0.0214)).toBe('21ms/step');
    expect(formatTimePerStep(0.0009996)).toBe('1000us/step');
    expect(formatTimePerStep(0.0000214)).toBe('21us/step');
  });

  test('ETA: seconds (truncated) under a minute, m:ss under an hour, then h:mm:ss', () => {
    expect(formatEta(0)).toBe('0s');
    expect(formatEta(59.9)).toBe('59s');
    expect(formatEta(61)).toBe('1:01');
    expect(formatEta(3599)).toBe('59:59');
    expect(formatEta(3725)).toBe('1:02:05');
  });
});

describe('ProgressBar', () => {
  test('not a terminal, verbose 1: one finished line, no carriage return, no colour', () => {
    const p = bar(1, 77, false);
    p.advance(50);
    p.b.update(8, { loss: 1 }); // the first chunk of 8 steps: warm-up, left out of the time per step
    p.advance(690);
    p.b.update(77, null);
    p.b.finish({ loss: 0.6561, accuracy: 0.6432 });
    // (740 - 50) ms over 69 steps = 10 ms/step; 0.74 s elapsed prints as 1s (%.0f)
    expect(p.text()).toBe('77/77 ━━━━━━━━━━━━━━━━━━━━ 1s 10ms/step - accuracy: 0.6432 - loss: 0.6561\n');
  });

  test('without updates (evaluate), the time per step is the plain average', () => {
    const p = bar(1, 24, false);
    p.advance(12);
    p.b.finish({ loss: 0.524 });
    expect(p.text()).toBe('24/24 ━━━━━━━━━━━━━━━━━━━━ 0s 500us/step - loss: 0.5240\n');
  });

  test('predict: the bar with no values', () => {
    const p = bar(1, 7, false);
    p.advance(7);
    p.b.finish(null);
    expect(p.text()).toBe('7/7 ━━━━━━━━━━━━━━━━━━━━ 0s 1ms/step\n');
  });

  test('verbose 2: count, elapsed, time per step, values', () => {
    const p = bar(2, 62, false);
    p.advance(1600);
    p.b.finish({ loss: 0.8, accuracy: 0.5 });
    expect(p.text()).toBe('62/62 - 2s - 26ms/step - accuracy: 0.5000 - loss: 0.8000\n');
  });

  test('verbose 0: nothing', () => {
    const p = bar(0, 10, true);
    p.b.update(5, { loss: 1 });
    p.b.finish({ loss: 1 });
    expect(p.text()).toBe('');
  });

  test('a terminal: redrawn in place at most every 50 ms, padded over a longer previous frame, ended by a newline', () => {
    const p = bar(1, 100, true);
    p.advance(100);
    p.b.update(10, { loss: 12.5 });
    p.advance(10);
    p.b.update(12, { loss: 12.25 }); // too soon after the last frame: not drawn
    p.advance(100);
    p.b.update(50, { loss: 0.5 });
    p.advance(100);
    p.b.finish({ loss: 0.25 });
    const frames = p.text().split('\r').slice(1);
    const bold = (t: string) => `\x1b[1m${t}\x1b[0m`;
    // Frame 1: 10 of 100 after 0.1 s -> 10 ms/step (from the start: no earlier update to measure from), 0.9 s left.
    expect(frames[0]).toBe(`${bold(' 10/100')} \x1b[32m━━\x1b[0m\x1b[37m━━━━━━━━━━━━━━━━━━\x1b[0m 0s 10ms/step - loss: 12.5000`);
    // Frame 2: 40 steps in 0.11 s since the first update -> 3 ms/step, ETA 50 x 2.75 ms = 0.1375 s -> 0s.
    expect(frames[1]).toBe(`${bold(' 50/100')} \x1b[32m━━━━━━━━━━\x1b[0m\x1b[37m━━━━━━━━━━\x1b[0m 0s 3ms/step - loss: 0.5000  `);
    // The last frame: the whole bar, 90 steps in 0.21 s since the first update -> 2 ms/step, and the newline.
    expect(frames[2]).toBe(`${bold('100/100')} \x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m\x1b[37m\x1b[0m 0s 2ms/step - loss: 0.2500\n`);
  });

  test('ETA in minutes on a long epoch', () => {
    const p = bar(1, 1000, true);
    p.advance(1000);
    p.b.update(1, null);
    p.advance(9000);
    p.b.update(101, null);
    // 100 steps in 9 s since the first -> 90 ms/step; 899 steps left -> 80.91 s -> 1:20
    expect(p.text().split('\r').at(-1)).toBe('\x1b[1m 101/1000\x1b[0m \x1b[32m━━\x1b[0m\x1b[37m━━━━━━━━━━━━━━━━━━\x1b[0m 1:20 90ms/step');
  });

  test('abandon() ends a half-drawn terminal line once, and does nothing off a terminal', () => {
    const p = bar(1, 10, true);
    p.advance(100);
    p.b.update(5, null);
    p.b.abandon();
    p.b.abandon();
    expect(p.text().endsWith('\n')).toBe(true);
    expect(p.text().split('\n')).toHaveLength(2);
    const q = bar(1, 10, false);
    q.b.update(5, null);
    q.b.abandon();
    expect(q.text()).toBe('');
  });
});

describe('an epoch reported after the next one began (fit looking ahead)', () => {
  test('is timed from when it began to when it was over, not from when it is shown', () => {
    let now = 5000;
    let text = '';
    // the epoch began at 1000 and was over at 1770 (77 steps, 10 ms each); it is shown at 5000
    const b = new ProgressBar({ write: (t) => (text += t), isTTY: false }, 2, 77, () => now, 1000);
    b.finish({ loss: 0.5 }, 1770);
    now = 9000;
    expect(text).toBe('77/77 - 1s - 10ms/step - loss: 0.5000\n');
  });
});
