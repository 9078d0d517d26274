// The training loop's Keras semantics: steps per epoch, running means weighted by batch size and
// taken before each update, validation split from the last rows, TerminateOnNaN.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import { NncError } from '../../base/diagnostics/diagnostic.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import type { Executor, StepArgs } from '../../runtime/executor.js';
import { ModelSession, type FitObserver } from '../../runtime/session.js';
import { ProgressBar } from '../../runtime/progress.js';
import { dense, loss, metric, model, randomTable, table } from './helpers.js';

function session(lr = 0.01) {
  const m = model('m', [dense('dense', 2, 1, 'linear', { useBias: false, kernelInitializer: { name: 'constant', value: 0.5 } })]);
  const { plan } = compileModel(m, { loss: loss('mse'), optimizer: { kind: 'sgd', learningRate: lr, momentum: 0, nesterov: false }, metrics: [metric('mae', 'mae')] });
  const exec = new CpuExecutor(plan);
  const steps: StepArgs[][] = [];
  const spy: Executor = Object.assign(Object.create(exec) as Executor, {
    run(kind: 'train' | 'evaluate' | 'predict', s: StepArgs[], seed: number) {
      if (kind === 'train') steps.push(s);
      exec.run(kind, s, seed);
    },
  });
  const sess = new ModelSession(m, plan, spy);
  sess.initialize(0);
  return { sess, steps };
}

describe('fit', () => {
  it('runs ceil(N / batch) steps per epoch, the last one short', async () => {
    const { sess, steps } = session();
    await sess.fit(randomTable(23, 2, 1, () => [0]), { epochs: 2, batchSize: 10, validationSplit: 0, validationData: null, shuffle: true, seed: 0 });
    const all = steps.flat();
    expect(all.map((s) => s.rows)).toEqual([10, 10, 3, 10, 10, 3]);
    expect(all.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sess.iterations).toBe(6);
  });

  it('the epoch loss is the batch-size-weighted mean of each batch loss before its update', async () => {
    // lr 0: weights never change, so every batch sees w = (0.5, 0.5): the epoch loss is exactly the data's mse.
    const { sess } = session(0);
    const rows = [
      [1, 1, 0],
      [2, 0, 1],
      [0, 2, 3],
    ];
    const h = await sess.fit(table(rows, 2), { epochs: 1, batchSize: 2, validationSplit: 0, validationData: null, shuffle: false, seed: 0 });
    const errors = rows.map(([a, b, y]) => 0.5 * a! + 0.5 * b! - y!);
    const mse = errors.reduce((s, e) => s + e * e, 0) / 3;
    expect(h.history.loss![0]).toBeCloseTo(mse, 6);
    expect(h.history.mae![0]).toBeCloseTo(errors.reduce((s, e) => s + Math.abs(e), 0) / 3, 6);
  });

  it('measures each batch before its update (not after)', async () => {
    const { sess } = session(0.1);
    const rows = [[1, 1, 0]];
    const h = await sess.fit(table(rows, 2), { epochs: 1, batchSize: 1, validationSplit: 0, validationData: null, shuffle: false, seed: 0 });
    expect(h.history.loss![0]).toBeCloseTo(1, 6); // (0.5 + 0.5 - 0)^2 with the initial weights
  });

  it('validation_split holds out the last rows, before shuffling', async () => {
    const { sess } = session(0);
    // 10 rows; the last 2 (validation) have a different target
    const rows = Array.from({ length: 10 }, (_, i) => [1, 1, i >= 8 ? 5 : 1]);
    const h = await sess.fit(table(rows, 2), { epochs: 1, batchSize: 4, validationSplit: 0.2, validationData: null, shuffle: true, seed: 0 });
    expect(h.history.loss![0]).toBeCloseTo(0, 6); // train rows: prediction 1, target 1
    expect(h.history.val_loss![0]).toBeCloseTo(16, 5); // (1 - 5)^2
    expect(Object.keys(h.history).sort()).toEqual(['loss', 'mae', 'val_loss', 'val_mae']);
  });

  it('stops with NNC5001 at the step whose loss is not finite', async () => {
    const { sess, steps } = session(0.01);
    const rows = Array.from({ length: 30 }, (_, i) => [1, 1, i === 17 ? Infinity : 0]);
    const err = await sess.fit(table(rows, 2), { epochs: 3, batchSize: 5, validationSplit: 0, validationData: null, shuffle: false, seed: 0 }).catch((e) => e);
    expect(err).toBeInstanceOf(NncError);
    expect((err as NncError).diagnostics[0]!.code).toBe('NNC5001');
    expect((err as NncError).diagnostics[0]!.message).toContain('epoch 1, step 4/6');
    expect(sess.iterations).toBeLessThanOrEqual(6);
    // Epochs submitted before the flag was read (lookahead) change nothing: the weights are those
    // of a fit that stopped at the same step with no epoch after it.
    const once = session(0.01);
    await once.sess.fit(table(rows, 2), { epochs: 1, batchSize: 5, validationSplit: 0, validationData: null, shuffle: false, seed: 0 }).catch(() => undefined);
    expect(once.steps.flat().length).toBeLessThanOrEqual(6);
    expect(await sess.weights()).toEqual(await once.sess.weights());
  });
});

describe('fit keeps the device busy', () => {
  // A device that finishes a chunk only when the host submits the next one, or when the host has
  // gone several event-loop turns without submitting anything (it is waiting): a host that waits
  // for chunk k (for progress, say) before submitting k+1 is idle at every chunk; one that encodes
  // k+1 first is idle only at the end of an epoch. Counted in event-loop turns, not milliseconds,
  // so a slow or loaded machine gives the same count.
  /** Fits `epochs` on such a device with `observer`; how often the device sat idle waiting for the host. */
  async function idleWaitsOf(observer: FitObserver, epochs: number): Promise<number> {
    const m = model('m', [dense('dense', 2, 3, 'relu'), dense('dense_1', 3, 1, 'linear')]);
    const { plan } = compileModel(m, { loss: loss('mse'), optimizer: { kind: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false }, metrics: [] });
    const exec = new CpuExecutor(plan);
    let pending: Array<() => void> = [];
    let idleWaits = 0;
    const finishAll = () => {
      const p = pending;
      pending = [];
      for (const resolve of p) resolve();
    };
    const IDLE_TURNS = 5; // the session yields one turn at a time (setImmediate) between chunks
    const whenIdle = (finish: () => void, turns: number) =>
      setImmediate(() => {
        if (!pending.includes(finish)) return; // finished by a later submit
        if (turns > 1) return whenIdle(finish, turns - 1);
        idleWaits++;
        finishAll();
      });
    const later = <T>(value: () => T) =>
      new Promise<T>((resolve) => {
        const finish = () => resolve(value());
        pending.push(finish);
        whenIdle(finish, IDLE_TURNS);
      });
    const device: Executor = Object.assign(Object.create(exec) as Executor, {
      run(kind: 'train' | 'evaluate' | 'predict', s: StepArgs[], seed: number) {
        finishAll(); // the device has finished what came before
        exec.run(kind, s, seed);
      },
      flush: () => later(() => undefined),
      readScalars: (ids: number[]) => {
        const values = Promise.all(ids.map(async (id) => (await exec.read(id))[0]!)); // the sums as of this call
        return later(() => values).then((v) => v);
      },
    });
    const sess = new ModelSession(m, plan, device);
    sess.initialize(0);
    await sess.fit(randomTable(400, 2, 1, (x) => [x[0]!]), { epochs, batchSize: 4, validationSplit: 0, validationData: null, shuffle: true, seed: 0, stepsPerCall: 10, observer });
    return idleWaits;
  }

  it('submits the next chunk before it waits for the last one, progress shown or not', async () => {
    const shown: number[] = [];
    const epochs = 2;
    // an observer that may stop training: the device waits for each epoch's end
    const waits = await idleWaitsOf({ onProgress: (_e, step) => shown.push(step), onEpochEnd: () => false }, epochs);
    expect(shown.length).toBeGreaterThan(10); // progress every chunk of 10 steps
    expect(waits).toBeLessThanOrEqual(2 * epochs); // the epoch-end read (and its chunk), not one per chunk
    expect(waits).toBeGreaterThanOrEqual(epochs);
  });

  it('submits the next epoch before it reports the last one when the observer only reports (lookahead), in order', async () => {
    const epochs = 4;
    const heard: string[] = [];
    const observer: FitObserver = {
      onEpochBegin: (e) => void heard.push(`begin ${e}`),
      onEpochEnd: (e, _logs, seconds) => {
        heard.push(`end ${e}`);
        expect(seconds).toBeGreaterThanOrEqual(0);
      },
      passive: true,
    };
    const waits = await idleWaitsOf(observer, epochs);
    expect(waits).toBeLessThanOrEqual(2); // the last epoch's end only
    expect(heard).toEqual(Array.from({ length: epochs }, (_, e) => [`begin ${e}`, `end ${e}`]).flat());
  });
});

describe('evaluate and predict with a signal (issue 16)', () => {
  it('run in chunks that cover every batch once, in order, with the numbers of one call', async () => {
    const data = randomTable(5000, 2, 1, (x) => [x[0]! - x[1]!]);
    const whole = session();
    const expected = { logs: await whole.sess.evaluate(data, 3), out: await whole.sess.predict(data, 3) };
    const m = model('m', [dense('dense', 2, 1, 'linear', { useBias: false, kernelInitializer: { name: 'constant', value: 0.5 } })]);
    const { plan } = compileModel(m, { loss: loss('mse'), optimizer: { kind: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false }, metrics: [metric('mae', 'mae')] });
    const exec = new CpuExecutor(plan);
    const calls: StepArgs[][] = [];
    const spy: Executor = Object.assign(Object.create(exec) as Executor, {
      run(kind: 'train' | 'evaluate' | 'predict', s: StepArgs[], seed: number) {
        calls.push(s);
        exec.run(kind, s, seed);
      },
    });
    const chunked = new ModelSession(m, plan, spy);
    chunked.initialize(0);
    const signal = new AbortController().signal;
    expect(await chunked.evaluate(data, 3, signal)).toEqual(expected.logs);
    expect(calls[0]).toHaveLength(1); // the first chunk is one batch; each next one at most 4 times the last
    expect(calls.length).toBeGreaterThanOrEqual(6);
    expect(calls.flat().map((s) => s.offset)).toEqual(Array.from({ length: Math.ceil(5000 / 3) }, (_, k) => k * 3));
    calls.length = 0;
    expect(await chunked.predict(data, 3, signal)).toEqual(expected.out);
    expect(calls.flat()).toHaveLength(Math.ceil(5000 / 3));
  });

  it('stop with NNC5005 between chunks once the signal is aborted', async () => {
    const { sess } = session();
    const abort = new AbortController();
    const data = randomTable(1000, 2, 1, () => [0]);
    const ran: number[] = [];
    const executor = sess.executor as Executor & { run: Executor['run'] };
    const run = executor.run.bind(executor);
    executor.run = (kind, s, seed) => {
      ran.push(s.length);
      run(kind, s, seed);
      abort.abort(); // Ctrl-C during the first chunk
    };
    for (const call of [() => sess.predict(data, 1, abort.signal), () => sess.evaluate(data, 1, abort.signal)]) {
      ran.length = 0;
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NncError);
      expect((err as NncError).diagnostics[0]!.code).toBe('NNC5005');
      expect(ran).toEqual([1]);
    }
  });
});

describe('consecutive fits', () => {
  // Keras keeps drawing from its shuffle stream: a second fit does not repeat the first one's batch orders.
  const data = randomTable(37, 2, 1, (f) => [f[0]! - 2 * f[1]!]);
  const options = { batchSize: 4, validationSplit: 0, validationData: null, shuffle: true, seed: 3 };
  const weightsAfter = async (fits: number[]) => {
    const { sess, steps } = session(0.05);
    for (const epochs of fits) await sess.fit(data, { ...options, epochs });
    return { weights: Array.from((await sess.weights())[0]!.data), steps };
  };

  it('continue the shuffle stream: fit(1 epoch) twice trains exactly as fit(2 epochs) once', async () => {
    const once = await weightsAfter([2]);
    const twice = await weightsAfter([1, 1]);
    expect(twice.weights).toEqual(once.weights);
  });

  it('differ from a fit that repeats its first epoch order, and stay deterministic per seed', async () => {
    const a = await weightsAfter([1, 1]);
    const b = await weightsAfter([1, 1]);
    expect(b.weights).toEqual(a.weights);
    const { sess } = session(0.05);
    await sess.fit(data, { ...options, epochs: 1 });
    sess.shuffles = 0; // what a fit that restarted the stream would do
    await sess.fit(data, { ...options, epochs: 1 });
    expect(Array.from((await sess.weights())[0]!.data)).not.toEqual(a.weights);
  });
});

describe('the time per step fit shows', () => {
  // A CPU that takes exactly 1 ms (on a fake clock) per step: the bar must say 1ms/step at every
  // redraw. Progress for chunk k is shown after chunk k+1 ran, so timing it when it is shown, as
  // the bar did, counted chunk k+1's time against chunk k's steps (2ms/step and more mid-epoch
  // while the chunks grow).
  it('is the mean since the first step of each chunk as it was done, not as it was shown', async () => {
    const m = model('m', [dense('dense', 2, 1, 'linear')]);
    const { plan } = compileModel(m, { loss: loss('mse'), optimizer: { kind: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false }, metrics: [] });
    const exec = new CpuExecutor(plan);
    let now = 0;
    const cpu: Executor = Object.assign(Object.create(exec) as Executor, {
      run(kind: 'train' | 'evaluate' | 'predict', s: StepArgs[], seed: number) {
        exec.run(kind, s, seed);
        if (kind === 'train') now += s.length; // 1 ms per step
      },
    });
    const sess = new ModelSession(m, plan, cpu);
    sess.initialize(0);
    let out = '';
    const sink = { write: (t: string) => void (out += t), isTTY: true };
    let bar: ProgressBar | null = null;
    const steps = 3000;
    await sess.fit(randomTable(steps, 2, 1, (x) => [x[0]!]), {
      epochs: 2,
      batchSize: 1,
      validationSplit: 0,
      validationData: null,
      shuffle: true,
      seed: 0,
      clock: () => now,
      observer: {
        onEpochBegin: () => void (bar = new ProgressBar(sink, 1, steps, () => now)),
        onProgress: (_e, step, logs, at) => bar!.update(step, logs, at),
        onEpochEnd: (_e, logs) => bar!.finish(logs),
      },
    });
    const shown = [...out.matchAll(/(\d+)(ms|us|s)\/step/g)].map((m) => `${m[1]}${m[2]}`);
    expect(shown.length).toBeGreaterThan(20); // redrawn many times in each epoch
    expect(new Set(shown)).toEqual(new Set(['1ms']));
  });
});
