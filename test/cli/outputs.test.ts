// What nnc run writes, against what it reads: no output replaces an input of the program (its data,
// its weights, the program itself) or another of its outputs; it is refused before anything runs,
// saying where the file would have gone (issue 16).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { compile } from '../../index.js';
import { repoRoot } from '../helpers/shared.js';
import { describe, expect, test } from 'vitest';
import { filesUnder, fixture, nnc, stackTrace, tempDir, type Ran } from './helpers.js';

const run = (argv: readonly string[], out: string) => nnc(['run', ...argv, '--backend', 'cpu', '--verbose', '0', '--out', out]);

const header = `dataset d = csv("data.csv", features=0:8, labels=8)
model m = Sequential {
  Dense(4, input_dim=8, activation="relu")
  Dense(1, activation="sigmoid")
}
compile m(loss="binary_crossentropy", optimizer="adam")
`;

/** 20 rows of 8 features and a 0/1 label. */
const csv = Array.from({ length: 20 }, (_, r) => [...Array.from({ length: 8 }, (_, c) => ((r * 7 + c * 3) % 10) / 10), r % 2].join(',')).join('\n') + '\n';

/** A folder holding data.csv and p.nn = header + body. */
function project(body: string): { dir: string; program: string; data: string } {
  const dir = tempDir('nnc-outputs-');
  const data = join(dir, 'data.csv');
  writeFileSync(data, csv);
  const program = join(dir, 'p.nn');
  writeFileSync(program, header + body);
  return { dir, program, data };
}

function expectRefused(result: Ran, where: RegExp): void {
  expect(result.code, result.stderr).toBe(3);
  expect(result.stderr).not.toMatch(stackTrace);
  expect(result.stderr).toMatch(where);
  expect(result.stderr).toContain('= help: give the output another file name');
}

describe('outputs never replace inputs or each other', () => {
  test('predict -> "data.csv" with --out at the data folder: refused before any training, the data untouched', async () => {
    const { dir, program, data } = project('fit m(d, epochs=1)\npredict m(d) -> "data.csv"\n');
    const before = readFileSync(data);
    const result = await run([program], dir);
    expectRefused(result, /p\.nn:8:1: error NNC5011: this predict would write '.*data\.csv', which is the data file of dataset 'd'/);
    expect(result.stdout).toBe('');
    expect(readFileSync(data)).toEqual(before);
    expect(filesUnder(dir)).toEqual(['data.csv', 'p.nn']);
  });

  test('the same file by another name (a symlink, a path through ..) is the same file', async () => {
    const { dir, program } = project('predict m(d) -> "link.csv"\n');
    symlinkSync(join(dir, 'data.csv'), join(dir, 'link.csv'));
    expectRefused(await run([program], dir), /this predict would write '.*link\.csv', which is the data file of dataset 'd'/);
    writeFileSync(program, header + 'predict m(d) -> "../data.csv"\n');
    expectRefused(await run([program], join(dir, 'out')), /this predict would write '.*data\.csv', which is the data file/);
  });

  test("an output over another statement's output: the history of a fit, an earlier predict, a checkpoint", async () => {
    const history = project('fit m(d, epochs=1)\npredict m(d) -> "m.history.json"\n');
    expectRefused(await run([history.program], join(history.dir, 'out')), /p\.nn:8:1: error NNC5011: this predict would write '.*out\/m\.history\.json', which is the history of the fit at line 7/);
    expect(filesUnder(join(history.dir, 'out'))).toEqual([]);

    const twice = project('predict m(d) -> "p.csv"\nevaluate m(d) -> "p.csv"\n');
    expectRefused(await run([twice.program], join(twice.dir, 'out')), /p\.nn:8:1: error NNC5011: this evaluate would write '.*p\.csv', which is the predictions written at line 7/);

    const checkpoint = project('fit m(d, epochs=3, callbacks=[ModelCheckpoint("w-{epoch}.safetensors")])\nsave m -> "w-3.safetensors"\n');
    expectRefused(await run([checkpoint.program], join(checkpoint.dir, 'out')), /p\.nn:8:1: error NNC5011: this save would write '.*w-3\.safetensors', which is a checkpoint of the fit at line 7/);
  });

  test('the flags: --save-weights over the program or the data, --load-weights then save to the same file', async () => {
    const { dir, program } = project('fit m(d, epochs=1)\nsave m -> "w.safetensors"\n');
    const out = join(dir, 'out');
    expectRefused(await run([program, '--save-weights', program], out), /error NNC5011: --save-weights would write '.*p\.nn', which is the program itself/);
    expectRefused(await run([program, '--save-weights', join(dir, 'data.csv')], out), /--save-weights would write '.*data\.csv', which is the data file of dataset 'd'/);
    // A first run makes the weights; loading them and saving to the same file would replace them.
    expect((await run([program], out)).code).toBe(0);
    expectRefused(await run([program, '--load-weights', join(out, 'w.safetensors')], out), /this save would write '.*w\.safetensors', which is the weights file --load-weights gives m/);
  });

  test('save then load of the same file is a round trip, not an input: it runs', async () => {
    const { dir, program } = project('fit m(d, epochs=1)\nsave m -> "w.safetensors"\nload m <- "w.safetensors"\nevaluate m(d) -> "e.json"\n');
    const result = await run([program], join(dir, 'out'));
    expect(result.code, result.stderr).toBe(0);
    expect(filesUnder(join(dir, 'out'))).toEqual(['e.json', 'm.history.json', 'm.history.svg', 'w.safetensors']);
  });
});

describe('one run at a time per output folder (issue 16)', () => {
  const bin = resolve(repoRoot, 'bin/nnc.js');

  test.runIf(existsSync(resolve(repoRoot, 'dist/cli/main.js')))('a second run into the --out of a running one is refused before its backend starts', async () => {
    const out = tempDir();
    const first = spawn(process.execPath, [bin, 'run', fixture('long-fit.nn'), '--backend', 'cpu', '--verbose', '2', '--out', out], { cwd: repoRoot });
    let stdout = '';
    const exited = new Promise<number | null>((done) => first.on('exit', done));
    await new Promise<void>((started) => first.stdout.on('data', (d) => (stdout += d).includes('Epoch 1/') && started()));
    const second = await run([fixture('xor.nn')], out);
    expect(second.code, second.stderr).toBe(3);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(new RegExp(`^error NNC5013: the output folder '.*' is in use by another nnc run \\(process ${first.pid}\\)\n`));
    expect(second.stderr).toContain('.nnc-lock');
    first.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(filesUnder(out)).toEqual([]); // the first left nothing, the second wrote nothing
    expect(existsSync(join(out, '.nnc-lock'))).toBe(false);
  }, 60_000);

  test('a lock whose process is gone is taken over; one whose process lives is not', async () => {
    const out = tempDir();
    mkdirSync(out, { recursive: true });
    const holder = spawn('sleep', ['30']);
    const lock = join(out, '.nnc-lock');
    writeFileSync(lock, `${holder.pid}\n${hostname()}\n2026-01-01T00:00:00.000Z\n`);
    const refused = await run([fixture('xor.nn')], out);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`error NNC5013: the output folder '${out}' is in use by another nnc run (process ${holder.pid})`);
    expect(readFileSync(lock, 'utf8')).toContain(String(holder.pid));
    holder.kill('SIGKILL');
    await new Promise((done) => holder.on('exit', done));
    const ran = await run([fixture('xor.nn')], out);
    expect(ran.code, ran.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
    expect(filesUnder(out)).toEqual(['net.history.json', 'net.history.svg', 'xor-evaluation.json']);
  });

  test('an output folder made only for the lock is removed again when nothing was written', async () => {
    const out = join(tempDir(), 'made');
    const text = 'dataset d = builtin("xor")\nmodel m = Sequential { Dense(1, input_dim=2) }\ncompile m(loss="mse")\nevaluate m(d)\n';
    const program = compile(text, { backend: 'cpu', outDir: out, verbose: 0 });
    await program.run();
    program.close();
    expect(existsSync(out)).toBe(false);
  });
});
