// fit's callbacks against Keras 3 (keras/src/callbacks/early_stopping.py, model_checkpoint.py), on
// crafted histories: the epoch EarlyStopping stops at for patience, min_delta, mode, baseline and
// start_from_epoch; which weights restore_best_weights restores; which epochs ModelCheckpoint
// saves. Then the same through `nnc run` on a real fit.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Callback } from '../../compiler/program.js';
import { SourceFile } from '../../base/source.js';
import { fillEpoch, runCallbacks, type CallbackHost } from '../../runtime/callbacks.js';
import { readSafetensors } from '../../runtime/io/safetensors-file.js';
import { filesUnder, nnc, tempDir } from './helpers.js';

const span = new SourceFile('test.nn', 'x').span(0, 1);

function earlyStopping(options: Partial<Extract<Callback, { kind: 'early_stopping' }>> = {}): Callback {
  return { kind: 'early_stopping', monitor: 'val_loss', minDelta: 0, patience: 0, mode: 'auto', baseline: null, restoreBestWeights: false, startFromEpoch: 0, span, ...options };
}

function checkpoint(options: Partial<Extract<Callback, { kind: 'model_checkpoint' }>> = {}): Callback {
  return { kind: 'model_checkpoint', path: 'ckpt-{epoch:02d}.safetensors', monitor: 'val_loss', saveBestOnly: false, mode: 'auto', span, ...options };
}

/**
 * Feeds the callback one epoch of logs at a time, as fit does; the model's "weights" are the
 * epoch number, so restoring shows which epoch's weights came back.
 */
async function train(callback: Callback, key: string, values: number[]) {
  let current = -1;
  const printed: string[] = [];
  const saved: Array<{ path: string; epoch: number }> = [];
  let restored: number | null = null;
  const host: CallbackHost = {
    getWeights: async () => new Map([['w', new Float32Array([current])]]),
    setWeights: (w) => {
      restored = w.get('w')![0]!;
    },
    outputPath: (p) => `/out/${p}`,
    print: (t) => printed.push(t),
    saveWeights: async (path) => {
      saved.push({ path, epoch: current });
    },
  };
  const runner = runCallbacks([callback], host);
  let epochs = 0;
  for (let epoch = 0; epoch < values.length; epoch++) {
    current = epoch;
    epochs++;
    if (await runner.onEpochEnd(epoch, { loss: 1, [key]: values[epoch]! })) break;
  }
  await runner.onTrainEnd();
  return { epochs, printed: printed.join(''), saved, restored };
}

describe('EarlyStopping', () => {
  test('patience counts epochs without improvement; the stopping epoch still completes', async () => {
    const r = await train(earlyStopping({ patience: 2 }), 'val_loss', [1.0, 0.9, 0.95, 0.92, 0.8, 0.7]);
    expect(r.epochs).toBe(4); // epochs 3 and 4 (1-based) did not beat 0.9
    expect(r.printed).toBe('Epoch 4: early stopping\n');
  });

  test('patience 0 (the default) stops at the first epoch that is not better', async () => {
    expect((await train(earlyStopping(), 'val_loss', [1.0, 0.9, 0.9, 0.5])).epochs).toBe(3);
  });

  test('never without the monitored value', async () => {
    const r = await train(earlyStopping({ monitor: 'val_accuracy' }), 'val_loss', [1, 2, 3, 4]);
    expect([r.epochs, r.printed]).toEqual([4, '']);
  });

  test('min_delta: an improvement smaller than it does not count', async () => {
    expect((await train(earlyStopping({ patience: 1, minDelta: 0.01 }), 'val_loss', [1.0, 0.995, 0.99, 0.985])).epochs).toBe(2);
    expect((await train(earlyStopping({ patience: 1 }), 'val_loss', [1.0, 0.995, 0.99, 0.985])).epochs).toBe(4);
    // the sign of min_delta does not matter
    expect((await train(earlyStopping({ patience: 1, minDelta: -0.01 }), 'val_loss', [1.0, 0.995, 0.99, 0.985])).epochs).toBe(2);
  });

  test("mode 'auto' watches accuracy for increases; 'max' and 'min' say so outright", async () => {
    expect((await train(earlyStopping({ monitor: 'val_accuracy' }), 'val_accuracy', [0.5, 0.6, 0.55, 0.7])).epochs).toBe(3);
    expect((await train(earlyStopping({ monitor: 'val_auc', mode: 'max' }), 'val_auc', [0.5, 0.6, 0.55, 0.7])).epochs).toBe(3);
    expect((await train(earlyStopping({ monitor: 'val_accuracy', mode: 'min' }), 'val_accuracy', [0.5, 0.6, 0.55])).epochs).toBe(2);
    expect((await train(earlyStopping({ monitor: 'val_mae' }), 'val_mae', [3, 2, 2.5])).epochs).toBe(3);
  });

  test('baseline: improvements that do not beat it leave the wait running', async () => {
    // Improves every epoch but never below 0.5: the wait grows by one each epoch; at the first epoch
    // that is not an improvement (the 4th) it is past the patience.
    expect((await train(earlyStopping({ patience: 2, baseline: 0.5 }), 'val_loss', [0.9, 0.8, 0.7, 0.75, 0.6])).epochs).toBe(4);
    // Beating the baseline resets the wait as usual.
    expect((await train(earlyStopping({ patience: 2, baseline: 0.85 }), 'val_loss', [0.9, 0.8, 0.7, 0.75, 0.6])).epochs).toBe(5);
  });

  test('start_from_epoch: the first epochs are not watched', async () => {
    expect((await train(earlyStopping({ startFromEpoch: 2 }), 'val_loss', [0.5, 0.9, 1.0, 1.1, 1.2])).epochs).toBe(4);
  });

  test('restore_best_weights: the best epoch comes back, whether or not training stopped (Keras 3)', async () => {
    const stopped = await train(earlyStopping({ patience: 2, restoreBestWeights: true }), 'val_loss', [1.0, 0.7, 0.8, 0.9, 0.5]);
    expect([stopped.epochs, stopped.restored]).toEqual([4, 1]);
    expect(stopped.printed).toBe('Epoch 4: early stopping\nRestoring model weights from the end of the best epoch: 2.\n');
    const finished = await train(earlyStopping({ patience: 5, restoreBestWeights: true }), 'val_loss', [1.0, 0.7, 0.8]);
    expect([finished.epochs, finished.restored]).toEqual([3, 1]);
    expect(finished.printed).toBe('Restoring model weights from the end of the best epoch: 2.\n');
    const plain = await train(earlyStopping({ patience: 2 }), 'val_loss', [1.0, 0.7, 0.8, 0.9]);
    expect(plain.restored).toBeNull();
  });

  test('the first watched value is the best so far whatever it is (even NaN), and nothing beats NaN', async () => {
    // As Keras' _is_improvement with no reference yet; epoch 0 is not watched (start_from_epoch=1).
    const r = await train(earlyStopping({ patience: 1, restoreBestWeights: true, startFromEpoch: 1 }), 'val_loss', [0.1, Number.NaN, 0.5, 0.6]);
    expect([r.epochs, r.restored]).toEqual([3, 1]);
  });
});

describe('ModelCheckpoint', () => {
  test('save_best_only saves only when the monitored value improves', async () => {
    const r = await train(checkpoint({ saveBestOnly: true }), 'val_loss', [1.0, 0.9, 0.95, 0.8, 0.8]);
    expect(r.saved).toEqual([
      { path: '/out/ckpt-01.safetensors', epoch: 0 },
      { path: '/out/ckpt-02.safetensors', epoch: 1 },
      { path: '/out/ckpt-04.safetensors', epoch: 3 },
    ]);
  });

  test('without save_best_only every epoch is saved; in max mode accuracy is watched upward', async () => {
    expect((await train(checkpoint(), 'val_loss', [1, 2, 3])).saved.map((s) => s.epoch)).toEqual([0, 1, 2]);
    const acc = await train(checkpoint({ saveBestOnly: true, monitor: 'val_accuracy' }), 'val_accuracy', [0.5, 0.4, 0.6]);
    expect(acc.saved.map((s) => s.epoch)).toEqual([0, 2]);
  });

  test('save_best_only without the monitored value saves nothing', async () => {
    expect((await train(checkpoint({ saveBestOnly: true }), 'loss_other', [1, 0.5])).saved).toEqual([]);
  });

  test('file names: {epoch:02d} counts from 1, {key:.Nf} formats a logged value', () => {
    expect(fillEpoch('w-{epoch:02d}-{val_loss:.2f}.safetensors', 3, { val_loss: 0.12345 })).toBe('w-03-0.12.safetensors');
    expect(fillEpoch('w-{epoch}.safetensors', 12, {})).toBe('w-12.safetensors');
    expect(fillEpoch('w-{unknown}.safetensors', 1, {})).toBe('w-{unknown}.safetensors');
  });
});

describe('callbacks in a real fit', () => {
  test('ModelCheckpoint(save_best_only) writes a file exactly at the epochs whose val_loss improved; EarlyStopping stops as Keras would', async () => {
    const out = tempDir();
    const program = join(out, 'callbacks.nn');
    const source = `dataset moons = builtin("moons", rows=200, noise=0.3, seed=3)
model net = Sequential {
  Dense(8, input_dim=2, activation="relu")
  Dense(1, activation="sigmoid")
}
compile net(loss="binary_crossentropy", optimizer=Adam(learning_rate=0.05), metrics=["accuracy"])
fit net(moons, epochs=40, batch_size=16, validation_split=0.25,
        callbacks=[ModelCheckpoint("best-{epoch:02d}.safetensors", save_best_only=true),
                   EarlyStopping(monitor="val_loss", patience=3)])
`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(program, source);
    const result = await nnc(['run', program, '--backend', 'cpu', '--out', join(out, 'out'), '--verbose', '2']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const history = JSON.parse(readFileSync(join(out, 'out', 'net.history.json'), 'utf8')) as { epoch: number[]; history: Record<string, number[]> };
    const valLoss = history.history.val_loss!;
    // Where the best so far improved, and where patience 3 ran out.
    const improved: number[] = [];
    let best = Infinity;
    let wait = 0;
    let stop = valLoss.length;
    valLoss.forEach((v, i) => {
      if (i >= stop) return;
      wait++;
      if (v < best) {
        best = v;
        improved.push(i + 1);
        wait = 0;
      } else if (wait >= 3 && i > 0) stop = i + 1;
    });
    expect(history.epoch).toHaveLength(stop);
    expect(stop).toBeLessThan(40); // the crafted data stops early; if not, the test proves less
    expect(result.stdout).toContain(`Epoch ${stop}: early stopping\n`);
    const checkpoints = filesUnder(join(out, 'out')).filter((f) => f.startsWith('best-'));
    expect(checkpoints).toEqual(improved.map((e) => `best-${String(e).padStart(2, '0')}.safetensors`));
    expect([...readSafetensors(join(out, 'out', checkpoints.at(-1)!)).tensors.keys()]).toEqual(['dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias']);
  });
});

describe('EarlyStopping on the metrics that are better higher', () => {
  test("mode 'auto' watches AUC for increases (its Keras direction), though its name has no 'acc'", async () => {
    const dir = tempDir();
    const program = join(dir, 'auc.nn');
    writeFileSync(
      program,
      [
        'dataset moons = builtin("moons", rows=200, noise=0.3, seed=1)',
        'model net = Sequential { Dense(8, input_dim=2, activation="tanh") Dense(1, activation="sigmoid") }',
        'compile net(loss="binary_crossentropy", optimizer=SGD(learning_rate=0.05), metrics=["AUC"])',
        'fit net(moons, epochs=6, batch_size=20, callbacks=[EarlyStopping(monitor="AUC")])',
      ].join('\n'),
    );
    const result = await nnc(['run', program, '--backend', 'cpu', '--out', dir, '--verbose', '0']);
    expect(result.stderr).toBe('');
    const auc = (JSON.parse(readFileSync(join(dir, 'net.history.json'), 'utf8')) as { history: { AUC: number[] } }).history.AUC;
    // AUC rose at epoch 2 (watched as a loss, that would have stopped it there) and fell at epoch 3.
    expect(auc).toHaveLength(3);
    expect(auc[1]!).toBeGreaterThan(auc[0]!);
    expect(auc[2]!).toBeLessThan(auc[1]!);
  });
});
