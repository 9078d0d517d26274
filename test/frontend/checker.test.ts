// The checked Program: every name resolved, every default filled in, every size known.
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkSource, type CheckResult } from '../../compiler/frontend.js';
import type { Program, Statement } from '../../compiler/program.js';
import { SourceFile } from '../../base/source.js';
import { repoRoot } from '../helpers/shared.js';

const fixtures = 'test/frontend/fixtures';
const smallPima = `${fixtures}/data/pima-small.csv`;

function check(text: string, overrides: Record<string, string> = {}, mode: 'check' | 'run' = 'check'): CheckResult {
  return checkSource(new SourceFile(`${fixtures}/program.nn`, text), { mode, dataOverrides: new Map(Object.entries(overrides)) });
}

function program(text: string, overrides: Record<string, string> = {}): Program {
  const result = check(text, overrides);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.program).not.toBeNull();
  return result.program!;
}

function statement<K extends Statement['kind']>(p: Program, kind: K, index = 0): Extract<Statement, { kind: K }> {
  return p.statements.filter((s) => s.kind === kind)[index] as Extract<Statement, { kind: K }>;
}

const pimaText = `dataset pima = csv("data/pima-small.csv", features=0:8, labels=8)
model diabetes = Sequential {
  Dense(12, input_dim=8, activation="relu")
  Dense(1, activation="sigmoid")
}
compile diabetes(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
fit diabetes(pima, epochs=100, batch_size=10)
evaluate diabetes(pima)
predict diabetes(pima) -> "predictions.csv"
`;

describe('the checked program', () => {
  test('the reference program, with every default', () => {
    const result = check(pimaText);
    expect(result.diagnostics).toEqual([]);
    const p = result.program!;
    expect(p.file).toBe(`${fixtures}/program.nn`);
    expect(p.datasets).toHaveLength(1);
    const pima = p.datasets[0]!;
    expect(pima.name).toBe('pima');
    expect(pima.source).toMatchObject({
      kind: 'csv',
      path: 'data/pima-small.csv',
      resolvedPath: resolve(repoRoot, smallPima),
      header: 'auto',
      delimiter: ',',
      features: { kind: 'slice', start: 0, end: 8 },
      labels: { kind: 'index', index: 8 },
    });
    expect(pima.shape).toEqual({ rows: 24, featureDim: 8, featureShape: [8], labelColumns: 1, classes: ['0', '1'], stringLabels: false });
    expect(result.data.get('pima')?.rows).toBe(24);

    const model = p.models[0]!;
    expect(model).toMatchObject({ name: 'diabetes', inputDim: 8, outputDim: 1, trainableParams: 121, nonTrainableParams: 0 });
    expect(model.layers.map((l) => [l.kind, l.name, l.inputShape, l.outputShape])).toEqual([
      ['Dense', 'dense', [8], [12]],
      ['Dense', 'dense_1', [12], [1]],
    ]);
    expect(model.layers[0]).toMatchObject({ units: 12, activation: { name: 'relu' }, useBias: true, kernelInitializer: { name: 'glorot_uniform' }, biasInitializer: { name: 'zeros' } });

    expect(p.statements.map((s) => s.kind)).toEqual(['compile', 'fit', 'evaluate', 'predict']);
    const compile = statement(p, 'compile');
    expect(compile.loss).toMatchObject({ name: 'binary_crossentropy' });
    expect(compile.optimizer).toEqual({ kind: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    expect(compile.metrics.map((m) => [m.key, m.kind])).toEqual([['accuracy', 'binary_accuracy']]);
    expect(statement(p, 'fit')).toMatchObject({ model: 'diabetes', data: 'pima', epochs: 100, batchSize: 10, validationSplit: 0, validationData: null, shuffle: true, verbose: null, seed: null, callbacks: [] });
    expect(statement(p, 'evaluate')).toMatchObject({ data: 'pima', batchSize: 32, verbose: null, output: null });
    expect(statement(p, 'predict')).toMatchObject({ data: 'pima', output: 'predictions.csv' });
  });

  test('csv defaults: labels the last column, features every other one', () => {
    const p = program('dataset d = csv("data/pima-small.csv")');
    expect(p.datasets[0]!.source).toMatchObject({ features: { kind: 'list', items: [] }, labels: { kind: 'index', index: -1 } });
    expect(p.datasets[0]!.shape?.featureDim).toBe(8);
  });

  test('--data replaces a csv path, relative to the working folder', () => {
    const p = program(pimaText.replace('data/pima-small.csv', 'elsewhere.csv'), { pima: smallPima });
    expect(p.datasets[0]!.source).toMatchObject({ path: 'elsewhere.csv', resolvedPath: resolve(smallPima) });
  });

  test('`accuracy` is resolved as Keras does, and keeps its key', () => {
    const base = (units: number, loss: string, act: string) =>
      program(`dataset d = builtin("blobs", classes=3)
model m = Sequential { Dense(${units}, input_dim=2, activation="${act}") }
compile m(loss="${loss}", metrics=["accuracy", "acc", "mse"])`);
    const kinds = (p: Program) => statement(p, 'compile').metrics.map((m) => `${m.key}:${m.kind}`);
    expect(kinds(base(1, 'binary_crossentropy', 'sigmoid'))).toEqual(['accuracy:binary_accuracy', 'acc:binary_accuracy', 'mse:mse']);
    expect(kinds(base(3, 'sparse_categorical_crossentropy', 'softmax'))).toEqual(['accuracy:sparse_categorical_accuracy', 'acc:sparse_categorical_accuracy', 'mse:mse']);
    expect(kinds(base(3, 'categorical_crossentropy', 'softmax'))).toEqual(['accuracy:categorical_accuracy', 'acc:categorical_accuracy', 'mse:mse']);
  });

  test('optimizers: strings in any case with defaults, calls with arguments, rmsprop by default', () => {
    const optimizer = (text: string) =>
      statement(program(`model m = Sequential { Dense(1, input_dim=2) }\ncompile m(loss="mse"${text})`), 'compile').optimizer;
    expect(optimizer('')).toEqual({ kind: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7 });
    expect(optimizer(', optimizer="SGD"')).toEqual({ kind: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false });
    expect(optimizer(', optimizer="Adam"')).toMatchObject({ kind: 'adam', learningRate: 0.001 });
    expect(optimizer(', optimizer="adagrad"')).toEqual({ kind: 'adagrad', learningRate: 0.001, initialAccumulatorValue: 0.1, epsilon: 1e-7 });
    expect(optimizer(', optimizer="ADAMW"')).toEqual({ kind: 'adamw', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0.004 });
    expect(optimizer(', optimizer=SGD(0.1, momentum=0.9, nesterov=true)')).toEqual({ kind: 'sgd', learningRate: 0.1, momentum: 0.9, nesterov: true });
    expect(optimizer(', optimizer=RMSprop(rho=0.8, epsilon=1e-6)')).toEqual({ kind: 'rmsprop', learningRate: 0.001, rho: 0.8, momentum: 0, epsilon: 1e-6 });
  });

  test('losses and activations', () => {
    const p = program(`model m = Sequential {
  Dense(4, input_dim=2, activation="leaky_relu")
  Dense(4, activation="elu")
  Activation("silu")
  Dense(1, "gelu")
}
compile m(loss="mean_absolute_error")
compile m(loss="huber")
compile m(loss=Huber(2.5))`);
    const acts = p.models[0]!.layers.map((l) => ('activation' in l ? [l.activation.name, l.activation.alpha] : null));
    expect(acts).toEqual([
      ['leaky_relu', 0.2],
      ['elu', 1],
      ['swish', 0],
      ['gelu', 0],
    ]);
    expect([0, 1, 2].map((i) => statement(p, 'compile', i).loss).map((l) => [l.name, l.delta])).toEqual([
      ['mae', 1],
      ['huber', 1],
      ['huber', 2.5],
    ]);
  });

  test('initializers', () => {
    const p = program(`model m = Sequential {
  Dense(2, input_dim=2, kernel_initializer="he_normal", bias_initializer="ones")
  Dense(2, kernel_initializer=RandomUniform(-0.1, 0.2), bias_initializer=Constant(value=0.5))
  Dense(1, kernel_initializer=RandomNormal(stddev=0.01), use_bias=false)
}`);
    const [a, b, c] = p.models[0]!.layers as Extract<Program['models'][number]['layers'][number], { kind: 'Dense' }>[];
    expect([a!.kernelInitializer, a!.biasInitializer]).toEqual([{ name: 'he_normal' }, { name: 'ones' }]);
    expect([b!.kernelInitializer, b!.biasInitializer]).toEqual([{ name: 'random_uniform', minval: -0.1, maxval: 0.2 }, { name: 'constant', value: 0.5 }]);
    expect(c!.kernelInitializer).toEqual({ name: 'random_normal', mean: 0, stddev: 0.01 });
    expect(p.models[0]!.trainableParams).toBe(6 + 6 + 2);
  });

  test('builtin datasets get every default; splits make a train and a test part', () => {
    const p = program('dataset all = builtin("moons", rows=100)\ndataset tr, te = split(all, test_size=0.25, seed=3)');
    expect(p.datasets.map((d) => d.source)).toEqual([
      { kind: 'builtin', which: 'moons', options: { rows: 100, noise: 0.1, seed: 0 } },
      { kind: 'split', source: 'all', part: 'train', testSize: 0.25, seed: 3, shuffle: true },
      { kind: 'split', source: 'all', part: 'test', testSize: 0.25, seed: 3, shuffle: true },
    ]);
    expect(p.datasets.map((d) => d.shape?.rows)).toEqual([100, 75, 25]);
  });

  test('the input size comes from the first data the model meets, or from adapt, or from Input', () => {
    const fromFit = program('dataset d = builtin("blobs", features=5)\nmodel m = Sequential { Dense(3, activation="softmax") }\ncompile m(loss="sparse_categorical_crossentropy")\nfit m(d)');
    expect(fromFit.models[0]).toMatchObject({ inputDim: 5, outputDim: 3, trainableParams: 18 });
    const fromAdapt = program('dataset d = builtin("regression", features=4)\nmodel m = Sequential { Normalization(adapt=d), Dense(1) }');
    expect(fromAdapt.models[0]).toMatchObject({ inputDim: 4, trainableParams: 5, nonTrainableParams: 9 });
    expect(fromAdapt.models[0]!.layers[0]).toMatchObject({ kind: 'Normalization', adapt: 'd' });
    const fromInput = program('model m = Sequential { Input(7), Dropout(0.5), Dense(2) }');
    expect(fromInput.models[0]!.layers.map((l) => [l.name, l.inputShape, l.outputShape])).toEqual([
      ['dropout', [7], [7]],
      ['dense', [7], [2]],
    ]);
  });

  test('fit arguments and callbacks', () => {
    const p = program(`dataset d = builtin("moons")
dataset v = builtin("moons", seed=1)
model m = Sequential { Dense(1, input_dim=2, activation="sigmoid") }
compile m(loss="binary_crossentropy", metrics=["accuracy"])
fit m(d, epochs=5, batch_size=16, validation_data=v, shuffle=false, verbose=2, seed=7,
      callbacks=[EarlyStopping(monitor="val_accuracy", min_delta=0.01, patience=2, mode="max", baseline=0.5, restore_best_weights=true, start_from_epoch=1),
                 ModelCheckpoint("best.safetensors", monitor="val_loss", save_best_only=true)])
save m -> "m.safetensors"
load m <- "m.safetensors"
summary m`);
    const fit = statement(p, 'fit');
    expect(fit).toMatchObject({ epochs: 5, batchSize: 16, validationSplit: 0, validationData: 'v', shuffle: false, verbose: 2, seed: 7 });
    expect(fit.callbacks.map(({ span: _span, ...c }) => c)).toEqual([
      { kind: 'early_stopping', monitor: 'val_accuracy', minDelta: 0.01, patience: 2, mode: 'max', baseline: 0.5, restoreBestWeights: true, startFromEpoch: 1 },
      { kind: 'model_checkpoint', path: 'best.safetensors', monitor: 'val_loss', saveBestOnly: true, mode: 'auto' },
    ]);
    expect(p.statements.slice(-3).map((s) => s.kind)).toEqual(['save', 'load', 'summary']);
    expect(statement(p, 'save').path).toBe('m.safetensors');
  });

  test('load gives weights for predict without compile', () => {
    const p = program('dataset d = builtin("moons")\nmodel m = Sequential { Dense(1, input_dim=2) }\nload m <- "w.safetensors"\npredict m(d)');
    expect(p.statements.map((s) => s.kind)).toEqual(['load', 'predict']);
  });

  test('under nnc check a missing file leaves the shape unknown; when running it is an error', () => {
    const text = 'dataset d = csv("nothing-here.csv")\nmodel m = Sequential { Dense(1, input_dim=3) }';
    const checked = check(text);
    expect(checked.diagnostics.map((d) => [d.code, d.severity])).toEqual([['NNC3010', 'warning']]);
    expect(checked.program?.datasets[0]!.shape).toBeNull();
    const run = check(text, {}, 'run');
    expect(run.diagnostics.map((d) => [d.code, d.severity])).toEqual([['NNC4001', 'error']]);
    expect(run.program).toBeNull();
  });
});

test('syntax errors and check errors come in file order', () => {
  const result = check('model m = Sequential { Dens(1) }\nfit m(d epochs=1)\nmodel m = Sequential { Dense(1) }');
  expect(result.diagnostics.map((d) => `${d.code} ${d.span?.line}`)).toEqual(['NNC2001 1', 'NNC1004 2', 'NNC2003 3']);
});

describe('no cascades', () => {
  const codes = (text: string) => check(text).diagnostics.map((d) => d.code);

  test('a broken statement does not make its model lose its input size', () => {
    expect(codes('dataset d = builtin("moons")\nmodel m = Sequential { Dense(1) }\ncompile m(loss="mse")\nfit m(d epochs=2)')).toEqual(['NNC1004']);
  });

  test('a misspelled keyword does not make its names undefined later', () => {
    expect(codes('datset d = builtin("moons")\nmodel m = Sequential { Dense(1) }\ncompile m(loss="mse")\nfit m(d)')).toEqual(['NNC1005']);
    expect(codes('dataset d = builtin("moons")\nmodle m = Sequential { Dense(1) }\ncompile m(loss="mse")\nfit m(d)')).toEqual(['NNC1005']);
  });

  test('a bad dataset is one error, and its users stay silent', () => {
    expect(codes('dataset d = builtin("moonz")\nmodel m = Sequential { Dense(1) }\ncompile m(loss="mse")\nfit m(d)\npredict m(d)')).toEqual(['NNC2001']);
    expect(codes('dataset d = csv("data/bad-cell.csv")\nmodel m = Sequential { Dense(1) }\ncompile m(loss="mse")\nfit m(d)')).toEqual(['NNC4004']);
  });

  test('a wrong layer argument hides the shape checks of its model', () => {
    expect(codes('model m = Sequential { Dense(4, inptu_dim=2), Dense(1) }\ncompile m(loss="mse")')).toEqual(['NNC2005']);
  });

  test('one mismatch between data and model is reported once, not at every use', () => {
    const text = 'dataset d = builtin("blobs", classes=4)\nmodel m = Sequential { Dense(2, activation="softmax") }\ncompile m(loss="sparse_categorical_crossentropy")\nfit m(d)\nfit m(d, validation_data=d)\nevaluate m(d)';
    expect(codes(text)).toEqual(['NNC3006']);
  });
});

describe('sizes are bounded before anything runs (issue 16)', () => {
  const diagnostics = (layers: string) => check(`model m = Sequential { ${layers} }\ncompile m(loss="mse")`).diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.col} ${d.message}`);

  test('a width above 2^24 is out of range', () => {
    expect(diagnostics('Dense(1e9, input_dim=2)')).toEqual(["NNC2011 1:30 'units' must be >= 1 and <= 16777216, but it is 1e9"]);
    expect(diagnostics('Dense(1e308, input_dim=2)')).toEqual(["NNC2011 1:30 'units' must be >= 1 and <= 16777216, but it is 1e308"]);
    expect(diagnostics('Dense(2, input_dim=16777217)')).toEqual(["NNC2011 1:43 'input_dim' must be >= 1 and <= 16777216, but it is 16777217"]);
    expect(diagnostics('Input(1e12), Dense(2)')).toEqual(["NNC2011 1:30 'shape' must be >= 1 and <= 16777216, but it is 1e12"]);
    expect(diagnostics('Dense(16777216, input_dim=2), Dense(1)')).toEqual([]);
  });

  test('a kernel of more than 2^30 weights is NNC3017 at its layer', () => {
    expect(diagnostics('Dense(100000, input_dim=2), Dense(100000), Dense(1)')).toEqual([
      'NNC3017 1:52 this Dense layer would hold 10,000,000,000 weights (100000 inputs x 100000 units), more than the 1,073,741,824 a layer can hold',
    ]);
    expect(diagnostics('Dense(32768, input_dim=32768), Dense(1)')).toEqual([]); // exactly 2^30
    expect(diagnostics('Dense(32768, input_dim=32769)')).toHaveLength(1);
  });
});

describe('paths are checked before anything runs (issue 16)', () => {
  const located = (text: string) => check(text).diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.col} ${d.message}`);
  const head = 'dataset d = builtin("xor")\nmodel m = Sequential { Dense(1, input_dim=2) }\ncompile m(loss="mse")\n';

  test('an empty output path is an error, not the default name', () => {
    expect(located(`${head}predict m(d) -> ""`)).toEqual(['NNC2019 4:17 the output file name is empty']);
    expect(located(`${head}evaluate m(d) -> "  "`)).toEqual(['NNC2019 4:18 the output file name is only spaces']);
    expect(located(`${head}save m -> ""\nload m <- ""`)).toEqual(['NNC2019 4:11 the weights file name is empty', 'NNC2019 5:11 the weights file name is empty']);
    expect(located(`${head}fit m(d, callbacks=[ModelCheckpoint("")])`)).toEqual(['NNC2019 4:37 the file name of ModelCheckpoint is empty']);
    expect(located('dataset d = csv("")')).toEqual(['NNC2019 1:17 the data file name is empty']);
  });

  test('a NUL character in a path', () => {
    expect(located(`${head}predict m(d) -> "out\u0000.csv"`)).toEqual(['NNC2019 4:17 the output file name holds a NUL character (at 4), which no file name may hold']);
    expect(located(`${head}fit m(d, callbacks=[ModelCheckpoint("w\u0000")])`)).toHaveLength(1);
  });

  test('a long token is cut in the message, with its length', () => {
    const [message] = located(`model m = Sequential { Dense(${'1'.repeat(1_000_000)}, input_dim=2) }`);
    expect(message!.length).toBeLessThan(400);
    expect(message).toMatch(/^NNC2011 1:30 'units' must be >= 1 and <= 16777216, but it is 1{199}\.\.\. \(1,000,000 characters\)$/);
  });
});
