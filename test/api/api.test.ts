// The library API (index.ts): compile .nn source, then fit, evaluate and predict from TypeScript
// with typed results; check(), runFile(), weights, callbacks, data given as arrays, and the errors
// a caller gets. The same runner as `nnc run`, so the numbers are the command's numbers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  check,
  compile,
  CompileError,
  compileFile,
  EarlyStopping,
  formatPredictionsCsv,
  historyChart,
  ModelCheckpoint,
  NncError,
  runFile,
  version,
  type CompiledProgram,
  type Evaluation,
  type History,
  type Predictions,
} from '../../index.js';
import { haveSharedData, repoRoot, sharedDataset } from '../helpers/shared.js';
import { productsSplit } from '../../runtime/cpu/threads.js';
import { filesUnder, tempDir } from '../cli/helpers.js';

const xorSource = `
dataset xor = builtin("xor", repeat=8)
model net = Sequential {
  Dense(8, input_dim=2, activation="tanh")
  Dense(1, activation="sigmoid")
}
compile net(loss="binary_crossentropy", optimizer=Adam(learning_rate=0.05), metrics=["accuracy"])
`;

const open: CompiledProgram[] = [];
function compiled(source: string, options: Parameters<typeof compile>[1] = {}): CompiledProgram {
  const program = compile(source, { backend: 'cpu', ...options });
  open.push(program);
  return program;
}
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

describe('compile, then fit, evaluate, predict', () => {
  test('typed results: History per epoch, the evaluation by metric name, predictions with classes', async () => {
    const program = compiled(xorSource);
    expect(program.models).toEqual(['net']);
    expect(program.datasets).toEqual(['xor']);
    const model = program.model('net');
    const history: History = await model.fit('xor', { epochs: 60, batchSize: 8 });
    expect(history.epoch).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(Object.keys(history.history)).toEqual(['accuracy', 'loss']);
    expect(history.history.loss!.at(-1)!).toBeLessThan(history.history.loss![0]!);

    const evaluation: Evaluation = await model.evaluate('xor');
    expect(Object.keys(evaluation).sort()).toEqual(['accuracy', 'loss']);
    expect(evaluation.accuracy).toBe(1);

    const predictions: Predictions = await model.predict({ x: [[0, 0], [0, 1], [1, 0], [1, 1]] });
    expect(predictions.rows).toBe(4);
    expect(predictions.units).toBe(1);
    expect(predictions.columns).toEqual(['probability', 'class']);
    expect(predictions.classes).toEqual([0, 1, 1, 0]);
    expect(predictions.values).toBeInstanceOf(Float32Array);
    expect(formatPredictionsCsv(predictions).split('\n')[0]).toBe('probability,class');
  });

  test('the numbers are those of `nnc run` for the same program and seed', async () => {
    const dir = tempDir();
    const file = join(dir, 'xor.nn');
    writeFileSync(file, `${xorSource}fit net(xor, epochs=20, batch_size=8)\nevaluate net(xor) -> "e.json"\n`);
    const results = await runFile(file, { backend: 'cpu', outDir: join(dir, 'out'), seed: 5, stdout: { write: () => undefined } });
    expect(results.map((r) => r.statement.kind)).toEqual(['compile', 'fit', 'evaluate']);
    const fromRun = results[2]!.evaluation!;
    expect(JSON.parse(readFileSync(join(dir, 'out', 'e.json'), 'utf8')).loss).toBe(fromRun.loss);

    const model = compiled(xorSource, { seed: 5 }).model();
    await model.fit('xor', { epochs: 20, batchSize: 8 });
    expect(await model.evaluate('xor')).toEqual(fromRun);
  });

  test('arrays as data: rows of features and labels, string labels named in predictions', async () => {
    const source = `
model colors = Sequential {
  Dense(8, input_dim=2, activation="relu")
  Dense(3, activation="softmax")
}
compile colors(loss="sparse_categorical_crossentropy", optimizer=Adam(learning_rate=0.05), metrics=["accuracy"])
`;
    const x: number[][] = [];
    const y: string[] = [];
    const names = ['red', 'green', 'blue'];
    for (let i = 0; i < 60; i++) {
      const c = i % 3;
      x.push([c + 0.1 * Math.sin(i), -c + 0.1 * Math.cos(i)]);
      y.push(names[c]!);
    }
    const model = compiled(source).model();
    await model.fit({ x, y }, { epochs: 80, batchSize: 10 });
    expect((await model.evaluate({ x, y })).accuracy).toBe(1);
    const p = await model.predict({ x: x.slice(0, 3) });
    // classes are numbered in sorted order (blue, green, red) and named back
    expect(p.columns).toEqual(['p(blue)', 'p(green)', 'p(red)', 'class']);
    expect(p.classes).toEqual(['red', 'green', 'blue']);
    // a flat Float32Array of rows x inputs works too
    const flat = await model.predict({ x: Float32Array.from(x.slice(0, 3).flat()) });
    expect(flat.classes).toEqual(p.classes);
    expect(Array.from(flat.values)).toEqual(Array.from(p.values));
  });

  test('validation and callbacks: EarlyStopping with restore_best_weights, ModelCheckpoint', async () => {
    const dir = tempDir();
    const noisy = `dataset moons = builtin("moons", rows=200, noise=0.3, seed=3)
model net = Sequential {
  Dense(8, input_dim=2, activation="relu")
  Dense(1, activation="sigmoid")
}
compile net(loss="binary_crossentropy", optimizer=Adam(learning_rate=0.05), metrics=["accuracy"])
`;
    const model = compiled(noisy).model();
    const history = await model.fit('moons', {
      epochs: 40,
      batchSize: 16,
      validationSplit: 0.25,
      callbacks: [EarlyStopping({ monitor: 'val_loss', patience: 3, restoreBestWeights: true }), ModelCheckpoint(join(dir, 'best.safetensors'), { saveBestOnly: true })],
    });
    expect(Object.keys(history.history)).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    const valLoss = history.history.val_loss!;
    const bestEpoch = valLoss.indexOf(Math.min(...valLoss));
    // It stopped early, 3 epochs after the best one (so the weights at the end were not the best).
    expect(history.epoch.length).toBeLessThan(40);
    expect(bestEpoch).toBe(history.epoch.length - 4);
    expect(filesUnder(dir)).toEqual(['best.safetensors']);
    // The restored weights are the best epoch's, which is also the last one the checkpoint saved.
    const checkpointed = compiled(noisy).model();
    await checkpointed.load(join(dir, 'best.safetensors'));
    expect(await checkpointed.getWeights()).toEqual(await model.getWeights());
  });

  test('save and load: the same weights, safetensors named and shaped as Keras', async () => {
    const dir = tempDir();
    const a = compiled(xorSource).model();
    await a.fit('xor', { epochs: 5, batchSize: 8 });
    await a.save(join(dir, 'w.safetensors'));
    const b = compiled(xorSource, { seed: 9 }).model();
    expect(await b.getWeights()).not.toEqual(await a.getWeights());
    await b.load(join(dir, 'w.safetensors'));
    const weights = await b.getWeights();
    expect(weights).toEqual(await a.getWeights());
    expect(weights.map((w) => `${w.name} [${w.shape.join(', ')}]`)).toEqual(['dense/kernel [2, 8]', 'dense/bias [8]', 'dense_1/kernel [8, 1]', 'dense_1/bias [1]']);
  });

  test('progress goes where the caller says, at the verbosity asked for (none by default)', async () => {
    let printed = '';
    const stdout = { write: (t: string) => (printed += t) };
    const model = compiled(xorSource, { stdout }).model();
    await model.fit('xor', { epochs: 2, batchSize: 8 });
    expect(printed).toBe('');
    await model.fit('xor', { epochs: 2, batchSize: 8, verbose: 2 });
    expect(printed).toMatch(/^Epoch 1\/2\n4\/4 - \d+s - \d+(us|ms|s)\/step - accuracy: \d\.\d{4} - loss: \d\.\d{4}\nEpoch 2\/2\n/);
    expect(printed).not.toContain('history written'); // the library writes no files unless asked
  });

  test('summary and the History chart', () => {
    const program = compiled(xorSource);
    expect(program.model().summary()).toContain(' Total params: 33 (132.00 B)');
    expect(program.summary()).toBe(program.model().summary());
    const svg = historyChart({ epoch: [0, 1], history: { loss: [1, 0.5], val_loss: [1.2, 0.7] } }, 'net');
    expect(svg.match(/<polyline /g)).toHaveLength(2);
  });
});

describe('check and errors', () => {
  test('check(): the diagnostics as nnc check prints them, without throwing', () => {
    const report = check('model m = Sequential { Dense(2) }\nfit m(nothing)\n', { file: 'bad.nn' });
    expect(report.ok).toBe(false);
    expect(report.program).toBeNull();
    expect(report.diagnostics.map((d) => d.code)).toContain('NNC2002'); // no dataset 'nothing'
    expect(report.text).toContain('bad.nn:2:');
    const good = check(xorSource);
    expect([good.ok, good.diagnostics, good.program?.models[0]?.name]).toEqual([true, [], 'net']);
  });

  test('compile() of a program with errors throws CompileError with the diagnostics, rendered', () => {
    let error: unknown;
    try {
      compile('model m = Sequential { Dense(2) }', { file: 'm.nn' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CompileError);
    expect(error).toBeInstanceOf(NncError);
    const e = error as CompileError;
    expect(e.diagnostics[0]!.code).toBe('NNC3001');
    expect(e.message).toContain("m.nn:1:24: error NNC3001: model 'm' does not know its input size");
    expect(e.message).toContain('  = help: ');
  });

  test('compileFile() of a missing file: CompileError NNC7003', () => {
    expect(() => compileFile('no/such.nn')).toThrowError(/NNC7003: cannot read 'no\/such\.nn': no such file/);
  });

  test('data that does not fit the model: NncError NNC5008 saying how', async () => {
    const model = compiled(xorSource).model();
    await expect(model.evaluate({ x: [[1, 2, 3]], y: [1] })).rejects.toThrowError("NNC5008: the data does not fit model 'net': it has 3 features per row; the model takes 2");
    await expect(model.fit({ x: [[1, 2]] })).rejects.toThrowError('there are no labels (y), which fit and evaluate need');
    await expect(model.fit({ x: [[1, 2], [3, 4]], y: [1] })).rejects.toThrowError('x has 2 rows but y has 1');
    await expect(model.fit({ x: [[1, 2], [3]], y: [1, 0] })).rejects.toThrowError('row 1 of x has 1 values, row 0 has 2');
    await expect(model.fit({ x: [[1, 2]], y: [['a']] as unknown as number[][] })).rejects.toThrowError(NncError);
    await expect(model.predict({ x: [1, 2, 3] })).rejects.toThrowError('a flat x of 3 values is not a whole number of rows of 2');
  });

  test('misuse: an unknown dataset or model, bad numbers, a model with no compile statement', async () => {
    const program = compiled(xorSource);
    await expect(program.model().fit('pima')).rejects.toThrowError("the program has no dataset 'pima' (it has: xor)");
    expect(() => program.model('other')).toThrowError("the program has no model 'other' (it has: net)");
    await expect(program.model().fit('xor', { epochs: 0 })).rejects.toThrowError(RangeError);
    await expect(program.model().fit('xor', { validationSplit: 1 })).rejects.toThrowError(RangeError);
    expect(() => compile(xorSource, { backend: 'cpu', threads: 0 })).toThrowError('threads must be a whole number from 1 to 64, not 0');
    expect(() => compile(xorSource, { backend: 'cpu', threads: 1.5 })).toThrowError(RangeError);
    const uncompiled = compiled(xorSource.replace(/compile .*\n/, ''));
    await expect(uncompiled.model().fit('xor')).rejects.toThrowError("NNC5007: model 'net' is not compiled with a loss and an optimizer, which fit needs");
    // predicting needs no compile: the initial weights
    expect((await uncompiled.model().predict('xor')).rows).toBe(32);
  });

  test('threads: a wide model trains and predicts the same numbers on one thread and on two (its products split)', async () => {
    const source = readFileSync(join(repoRoot, 'test/cli/fixtures/wide.nn'), 'utf8').replace(/^(evaluate|predict|fit) .*$/gm, '');
    const predictions = async (threads: number) => {
      const model = compiled(source, { threads }).model();
      await model.fit('data', { epochs: 1, batchSize: 128 });
      return (await model.predict('data')).values;
    };
    let before = productsSplit();
    const one = Array.from(await predictions(1));
    expect(productsSplit()).toBe(before);
    before = productsSplit();
    expect(Array.from(await predictions(2))).toEqual(one);
    expect(productsSplit()).toBeGreaterThan(before);
  });

  test('a weights file of another model: NNC5004 naming the tensor', async () => {
    const dir = tempDir();
    const other = compiled(xorSource.replace('Dense(8,', 'Dense(4,')).model();
    await other.save(join(dir, 'other.safetensors'));
    await expect(compiled(xorSource).model().load(join(dir, 'other.safetensors'))).rejects.toThrowError(/NNC5004: .* dense\/kernel has shape \[2, 4\] in the file but \[2, 8\] in the model/);
  });

  test('a closed program refuses further work', async () => {
    const program = compile(xorSource, { backend: 'cpu' });
    program.close();
    await expect(program.model().evaluate('xor')).rejects.toThrowError('this program was closed');
  });

  test('version', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe.runIf(haveSharedData())('the README example on the Pima data', () => {
  test('compile the reference program, fit, evaluate, predict', async () => {
    const source = readFileSync('examples/pima.nn', 'utf8');
    const program = compiled(source, { file: 'examples/pima.nn', data: { pima: sharedDataset('pima-indians-diabetes.csv') } });
    const model = program.model('diabetes');
    const history = await model.fit('pima', { epochs: 100, batchSize: 10 });
    expect(history.epoch).toHaveLength(100);
    const { loss, accuracy } = await model.evaluate('pima');
    expect(accuracy).toBeGreaterThan(0.7);
    expect(loss).toBeLessThan(0.6);
    const predictions = await model.predict({ x: [[6, 148, 72, 35, 0, 33.6, 0.627, 50]] });
    expect(predictions.classes).toHaveLength(1);
  });
});
