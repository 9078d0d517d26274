// nnc run, statement by statement and option by option: what it prints and what it writes
// (history JSON and chart, evaluate's JSON, predict's CSV with classes, weights), weights saved and
// loaded by statements and by flags, numbered files, seeds, and that files are written whole.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { productsSplit } from '../../runtime/cpu/threads.js';
import { readSafetensors, writeSafetensors } from '../../runtime/io/safetensors-file.js';
import { repoRoot } from '../helpers/shared.js';
import { filesUnder, fixture, maskTimes, nnc, stackTrace, tempDir } from './helpers.js';

const runCpu = (argv: string[], out: string) => nnc(['run', ...argv, '--backend', 'cpu', '--out', out]);
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('nnc run', () => {
  test('evaluate -> "x.json": the model, the data, the rows and the values printed', async () => {
    const out = tempDir();
    const result = await runCpu([fixture('xor.nn')], out);
    expect(result.code).toBe(0);
    const written = json(join(out, 'xor-evaluation.json'));
    expect(Object.keys(written)).toEqual(['model', 'data', 'rows', 'accuracy', 'loss']);
    expect(written).toMatchObject({ model: 'net', data: 'xor', rows: 32 });
    // The printed line shows the same numbers, to 4 decimals.
    const line = result.stdout.split('\n').find((l) => l.startsWith('1/1 '))!;
    expect(line).toContain(`accuracy: ${(written.accuracy as number).toFixed(4)} - loss: ${(written.loss as number).toFixed(4)}`);
    expect(result.stdout).toContain(`evaluation written to ${join(out, 'xor-evaluation.json')} (under --out)\n`);
  });

  test('every fit writes MODEL.history.json (Keras History) and an SVG chart; repeated fits and predictions are numbered', async () => {
    const out = tempDir();
    const result = await runCpu([fixture('xor-twice.nn')], out);
    expect(result.code).toBe(0);
    expect(filesUnder(out)).toEqual(['net-2.history.json', 'net-2.history.svg', 'net-2.predictions.csv', 'net.history.json', 'net.history.svg', 'net.predictions.csv']);
    // One epoch: no `Epoch 1/1` line, as Keras.
    expect(result.stdout).not.toContain('Epoch');
    expectPrinted(maskTimes(result.stdout, { '<out>': out }), [
      'backend: cpu',
      '4/4 ━━━━━━━━━━━━━━━━━━━━ <s> <t>/step - accuracy: *',
      'history written to <out>/net.history.json, chart <out>/net.history.svg (under --out)',
      '1/1 ━━━━━━━━━━━━━━━━━━━━ <s> <t>/step',
      '32 predictions written to <out>/net.predictions.csv (under --out)',
      '4/4 ━━━━━━━━━━━━━━━━━━━━ <s> <t>/step - accuracy: *',
      'history written to <out>/net-2.history.json, chart <out>/net-2.history.svg (under --out)',
      '1/1 ━━━━━━━━━━━━━━━━━━━━ <s> <t>/step',
      '32 predictions written to <out>/net-2.predictions.csv (under --out)',
    ]);
    const history = json(join(out, 'net.history.json')) as { model: string; epoch: number[]; history: Record<string, number[]> };
    expect(history.model).toBe('net');
    expect(history.epoch).toEqual([0]);
    expect(Object.keys(history.history)).toEqual(['accuracy', 'loss']);
    const svg = readFileSync(join(out, 'net.history.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" [^>]*>\n/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('net: loss</text>');
    expect(svg).toContain('net: accuracy</text>');
    expect(svg.match(/<circle /g)).toHaveLength(2); // one epoch: a point per quantity (a one-point line would not show)
  });

  test('the chart has train and validation lines per quantity, validation dashed', async () => {
    const out = tempDir();
    await runCpu(['examples/demo.nn', '--verbose', '0'], out);
    const svg = readFileSync(join(out, 'classifier.history.svg'), 'utf8');
    const lines = svg.match(/<polyline [^>]*>/g)!;
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => l.includes('stroke-dasharray'))).toHaveLength(2);
    const history = json(join(out, 'classifier.history.json')) as { epoch: number[] };
    // one point per epoch
    for (const l of lines) expect(l.match(/points="([^"]*)"/)![1]!.split(' ')).toHaveLength(history.epoch.length);
    // The demo stops early and restores its best epoch: the History says where, and the chart marks both.
    const stopped = json(join(out, 'classifier.history.json')).early_stopping as { stopped_epoch: number; best_epoch: number };
    expect(stopped.stopped_epoch).toBe(history.epoch.at(-1));
    expect(stopped.best_epoch).toBeLessThan(stopped.stopped_epoch);
    expect(svg).toContain(`>early stop: epoch ${stopped.stopped_epoch + 1}</text>`);
    expect(svg).toContain(`>restored best: epoch ${stopped.best_epoch + 1}</text>`);
  });

  test('predict: probability and class 0/1 for a sigmoid output', async () => {
    const out = tempDir();
    await runCpu([fixture('xor-twice.nn'), '--verbose', '0'], out);
    const rows = readFileSync(join(out, 'net.predictions.csv'), 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('probability,class');
    expect(rows).toHaveLength(33);
    for (const row of rows.slice(1)) {
      const [p, c] = row.split(',');
      expect(c).toBe(Number(p) > 0.5 ? '1' : '0');
    }
  });

  test('predict: one probability per class and the original string label of the argmax', async () => {
    const out = tempDir();
    const result = await runCpu([fixture('strings.nn')], out);
    expect(result.stderr).toBe('');
    const rows = readFileSync(join(out, 'species.csv'), 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('p(Iris-setosa),p(Iris-versicolor),p(Iris-virginica),class');
    const names = ['Iris-setosa', 'Iris-versicolor', 'Iris-virginica'];
    for (const row of rows.slice(1)) {
      const cells = row.split(',');
      const p = cells.slice(0, 3).map(Number);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(cells[3]).toBe(names[p.indexOf(Math.max(...p))]);
    }
    expect(rows).toHaveLength(13);
  });

  test('a model saved after training on text labels predicts class names when another program loads it', async () => {
    const out = tempDir();
    const trained = await runCpu([fixture('strings-save.nn')], out);
    expect(trained.stderr).toBe('');
    const file = readSafetensors(join(out, 'species.safetensors'));
    expect(file.metadata).toEqual({ format: 'nnc', model: 'species', classes: '["Iris-setosa","Iris-versicolor","Iris-virginica"]' });
    const loaded = await runCpu([fixture('strings-load.nn')], out);
    expect(loaded.stderr).toBe('');
    // The same predictions, named the same way: weights, Normalization statistics and class names all came back.
    const before = readFileSync(join(out, 'trained.csv'), 'utf8');
    const after = readFileSync(join(out, 'loaded.csv'), 'utf8');
    expect(after.split('\n')[0]).toBe('p(Iris-setosa),p(Iris-versicolor),p(Iris-virginica),class');
    expect(after).toBe(before);
  });

  test('a weights file whose class names cannot be the model\'s is refused (NNC5004)', async () => {
    const out = tempDir();
    await runCpu([fixture('strings-save.nn')], out);
    const file = readSafetensors(join(out, 'species.safetensors'));
    const tensors = [...file.tensors].map(([name, t]) => ({ name, shape: t.shape, data: t.data }));
    writeSafetensors(join(out, 'species.safetensors'), tensors, { ...file.metadata, classes: '["a","b","c","d"]' });
    const loaded = await runCpu([fixture('strings-load.nn')], out);
    expect(loaded.stderr).toContain('NNC5004');
    expect(loaded.stderr).toContain('it names 4 classes, but the model has 3 outputs');
  });

  test('save and load statements: the weights come back exactly (same evaluation), in Keras shapes', async () => {
    const out = tempDir();
    const result = await runCpu([fixture('save-load.nn')], out);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`weights of net written to ${join(out, 'net.safetensors')} (under --out)\n`);
    expect(result.stdout).toContain(`weights of net loaded from ${join(out, 'net.safetensors')} (under --out)\n`);
    const { rows: _r1, ...before } = json(join(out, 'before.json'));
    const { rows: _r2, ...after } = json(join(out, 'after.json'));
    expect(after).toEqual(before);
    const file = readSafetensors(join(out, 'net.safetensors'));
    expect(file.metadata).toEqual({ format: 'nnc', model: 'net' });
    expect([...file.tensors].map(([name, t]) => `${name} [${t.shape.join(', ')}]`)).toEqual(['dense/kernel [2, 8]', 'dense/bias [8]', 'dense_1/kernel [8, 1]', 'dense_1/bias [1]']);
    expect(filesUnder(out).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  test('--save-weights and --load-weights (a bare path: the program has one model) carry a fit from one run to another', async () => {
    const dir = tempDir();
    const weights = join(dir, 'xor.safetensors');
    const first = await runCpu([fixture('xor.nn'), '--save-weights', weights], join(dir, 'a'));
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`weights of net written to ${weights}\n`);
    const trained = json(join(dir, 'a', 'xor-evaluation.json'));
    const second = await runCpu([fixture('xor-evaluate.nn'), '--load-weights', weights], join(dir, 'b'));
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`weights of net loaded from ${weights}\n`);
    expect(json(join(dir, 'b', 'xor-evaluation.json'))).toEqual(trained);
    // Without the weights the same program evaluates the initial model: not the trained numbers.
    const untrained = await runCpu([fixture('xor-evaluate.nn')], join(dir, 'c'));
    expect(untrained.code).toBe(0);
    expect(json(join(dir, 'c', 'xor-evaluation.json')).loss).not.toBe(trained.loss);
  });

  test('--seed: the same seed gives the same numbers, another seed others', async () => {
    const dir = tempDir();
    const loss = async (seed: string, name: string) => {
      expect((await runCpu([fixture('xor.nn'), '--seed', seed, '--verbose', '0'], join(dir, name))).code).toBe(0);
      return json(join(dir, name, 'xor-evaluation.json')).loss;
    };
    const a = await loss('1', 'a');
    expect(await loss('1', 'b')).toBe(a);
    expect(await loss('2', 'c')).not.toBe(a);
  });

  test('--threads: the same numbers on one thread and on two (its matrix products split)', async () => {
    const dir = tempDir();
    const outputs = async (threads: string) => {
      const out = join(dir, threads);
      expect((await runCpu([fixture('wide.nn'), '--threads', threads, '--verbose', '0'], out)).code).toBe(0);
      return [readFileSync(join(out, 'net-evaluation.json'), 'utf8'), readFileSync(join(out, 'net.predictions.csv'), 'utf8'), readFileSync(join(out, 'net.history.json'), 'utf8')];
    };
    let before = productsSplit();
    const one = await outputs('1');
    expect(productsSplit()).toBe(before);
    before = productsSplit();
    expect(await outputs('2')).toEqual(one);
    expect(productsSplit()).toBeGreaterThan(before);
    expect(await outputs('3')).toEqual(one);
  });

  test('--verbose 2 for every statement: one line per epoch and per evaluate, no bar', async () => {
    const out = tempDir();
    const two = await runCpu([fixture('xor.nn'), '--verbose', '2'], out);
    expect(maskTimes(two.stdout).split('\n')[1]).toBe('Epoch 1/40');
    expect(maskTimes(two.stdout).split('\n')[2]).toMatch(/^4\/4 - <s> - <t>\/step - accuracy: \d\.\d{4} - loss: \d\.\d{4}$/);
    expect(two.stdout).not.toContain('━');
    expect(two.stdout).toMatch(/^1\/1 - \d+s - \d+(us|ms|s)\/step - accuracy: /m); // evaluate, too
  });
});

describe('nnc as a process', () => {
  const bin = resolve(repoRoot, 'bin/nnc.js');
  test.runIf(existsSync(resolve(repoRoot, 'dist/nnc-cli.cjs')))('output into a closed pipe (nnc run ... | head -1) is dropped quietly: no EPIPE crash', async () => {
    const out = tempDir();
    const child = spawn(process.execPath, [bin, 'run', 'examples/demo.nn', '--backend', 'cpu', '--out', out], { cwd: repoRoot });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(stderr).not.toMatch(stackTrace);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The program still ran to its end: every file is there, whole.
    expect(filesUnder(out)).toEqual(['classifier.history.json', 'classifier.history.svg', 'classifier.safetensors', 'moons-predictions.csv']);
  });

  test.runIf(existsSync(resolve(repoRoot, 'dist/nnc-cli.cjs')))('without --out, everything goes to nnc-out in the working folder', async () => {
    const cwd = tempDir();
    const child = spawn(process.execPath, [bin, 'run', resolve(repoRoot, fixture('xor.nn')), '--backend', 'cpu'], { cwd });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(code).toBe(0);
    expect(stdout).toContain('evaluation written to nnc-out/xor-evaluation.json (under --out)\n');
    expect(filesUnder(cwd)).toEqual(['nnc-out/net.history.json', 'nnc-out/net.history.svg', 'nnc-out/xor-evaluation.json']);
  });
});

/** Lines as expected, `*` matching the rest of a line. */
function expectPrinted(text: string, lines: string[]): void {
  const actual = text.trimEnd().split('\n');
  expect(actual).toHaveLength(lines.length);
  lines.forEach((pattern, i) => {
    if (pattern.endsWith('*')) expect(actual[i]!.startsWith(pattern.slice(0, -1)), `${actual[i]} vs ${pattern}`).toBe(true);
    else expect(actual[i]).toBe(pattern);
  });
}

describe('--load-weights', () => {
  test('gives a model weights, so a program that only predicts needs no compile', async () => {
    const out = tempDir();
    const trained = await runCpu([fixture('xor.nn'), '--save-weights', `net=${join(out, 'net.safetensors')}`], out);
    expect(trained.code).toBe(0);
    const program = join(out, 'predict-only.nn');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      program,
      'dataset xor = builtin("xor", repeat=2)\nmodel net = Sequential {\n  Dense(8, input_dim=2, activation="tanh")\n  Dense(1, activation="sigmoid")\n}\npredict net(xor) -> "p.csv"\n',
    );
    const withoutWeights = await runCpu([program], out);
    expect(withoutWeights.code).toBe(1);
    expect(withoutWeights.stderr).toContain('NNC2016');
    const predicted = await runCpu([program, '--load-weights', `net=${join(out, 'net.safetensors')}`], out);
    expect(predicted.stderr).toBe('');
    expect(predicted.code).toBe(0);
    expect(readFileSync(join(out, 'p.csv'), 'utf8').split('\n')[0]).toBe('probability,class');
  });
});

describe('paths: the data beside the program, what the run makes and loads again under --out', () => {
  test('load reads from the output folder, where save wrote; a file beside the program is not taken, but the error says it is there', async () => {
    const program = tempDir();
    const out = tempDir();
    // A program that only loads and predicts, with a weights file beside it and none in --out.
    const trained = await runCpu([fixture('xor.nn'), '--save-weights', `net=${join(program, 'net.safetensors')}`], tempDir());
    expect(trained.code).toBe(0);
    const source = [
      'dataset xor = builtin("xor", repeat=2)',
      'model net = Sequential { Dense(8, input_dim=2, activation="tanh") Dense(1, activation="sigmoid") }',
      'load net <- "net.safetensors"',
      'predict net(xor) -> "p.csv"',
    ].join('\n');
    writeFileSync(join(program, 'only-predict.nn'), source);
    const missing = await runCpu([join(program, 'only-predict.nn')], out);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain(`error NNC5003: cannot read weights file '${join(out, 'net.safetensors')}': no such file`);
    expect(missing.stderr).toContain('load reads from the output folder (--out), where save writes; there is a file of that name beside the program');
    // In the output folder it is found, and the line says which rule put it there.
    copyFileSync(join(program, 'net.safetensors'), join(out, 'net.safetensors'));
    const found = await runCpu([join(program, 'only-predict.nn')], out);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain(`weights of net loaded from ${join(out, 'net.safetensors')} (under --out)\n`);
    expect(found.stdout).toContain(`8 predictions written to ${join(out, 'p.csv')} (under --out)\n`);
  });

  test('an absolute path in the program is kept, and its line names no rule', async () => {
    const out = tempDir();
    const elsewhere = join(tempDir(), 'w.safetensors');
    const source = ['dataset xor = builtin("xor")', 'model net = Sequential { Dense(1, input_dim=2, activation="sigmoid") }', 'compile net(loss="binary_crossentropy")', `save net -> ${JSON.stringify(elsewhere)}`].join('\n');
    const file = join(tempDir(), 'abs.nn');
    writeFileSync(file, source);
    const result = await runCpu([file], out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`weights of net written to ${elsewhere}\n`);
    expect(filesUnder(out)).toEqual([]);
  });
});
