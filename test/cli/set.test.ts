// Changing a run from the command line as a Keras user would (`--set fit.epochs=5`), checked as if
// written in the program; and `nnc FILE.nn` running it, as `python train.py` does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { examples, fixture, nnc, tempDir } from './helpers.js';

const history = (out: string, file = 'net.history.json') => JSON.parse(readFileSync(join(out, file), 'utf8')) as { epoch: number[]; history: Record<string, number[]> };

describe('--set STATEMENT.ARG=VALUE', () => {
  test('changes an argument of every statement of that kind, as if written there', async () => {
    const out = tempDir();
    const result = await nnc(['run', fixture('xor.nn'), '--backend', 'cpu', '--out', out, '--set', 'fit.epochs=3', '--set', 'fit.verbose=2']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(history(out).epoch).toEqual([0, 1, 2]);
    expect(result.stdout).toMatch(/^4\/4 - \d+s - /m); // verbose 2's line
  });

  test('takes any .nn value: a call, a list, a name; an argument not written in the statement is added', async () => {
    const out = tempDir();
    const result = await nnc([
      'run', fixture('xor.nn'), '--backend', 'cpu', '--out', out,
      '--set', 'compile.optimizer=SGD(learning_rate=0.1, momentum=0.9)',
      '--set', 'compile.metrics=["accuracy", "mse"]',
      '--set', 'fit.net.epochs=2',
      '--set', 'fit.validation_data=xor',
    ]);
    expect(result.stderr).toBe('');
    expect(Object.keys(history(out).history).sort()).toEqual(['accuracy', 'loss', 'mse', 'val_accuracy', 'val_loss', 'val_mse']);
    expect(history(out).epoch).toEqual([0, 1]);
  });

  test('replaces a positional argument by its name', async () => {
    const result = await nnc(['check', fixture('xor.nn'), '--set', 'fit.data=nothing']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--set:1:10: error NNC2002: there is no dataset named 'nothing'");
  });

  test('a wrong value is reported as in a program, pointing into the --set text', async () => {
    const result = await nnc(['check', fixture('xor.nn'), '--set', 'fit.epochs=0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(["--set:1:12: error NNC2011: 'epochs' must be >= 1, but it is 0", '  |', '1 | fit.epochs=0', '  |            ^'].join('\n'));
    const syntax = await nnc(['check', fixture('xor.nn'), '--set', 'compile.optimizer=Adam(learning_rate=']);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/^--set:1:\d+: error NNC1004/m);
  });

  test('a target that is not a statement argument is a usage error with the nearest name', async () => {
    const cases: Array<[string, string]> = [
      ['fit.epoch=3', "--set:1:5: error NNC7005: fit has no argument 'epoch'\n  |\n1 | fit.epoch=3\n  |     ^^^^^\n  = help: did you mean 'epochs'?"],
      ['fitt.epochs=3', "error NNC7005: 'fitt' is not a statement with arguments"],
      ['epochs=3', "error NNC7005: 'epochs=3' is not STATEMENT.ARGUMENT=VALUE"],
      ['fit.other.epochs=3', "error NNC7005: the program has no fit statement of model 'other'"],
      ['predict.batch_size=3', 'error NNC7005: the program has no predict statement'],
      ['fit.epochs=', 'error NNC7005: --set fit.epochs= has no value'],
    ];
    for (const [set, message] of cases) {
      const result = await nnc(['check', fixture('xor.nn'), '--set', set]);
      expect(result.code, set).toBe(2);
      expect(result.stderr, set).toContain(message);
    }
  });

  test('`--epochs 5` is one error that says how: --set fit.epochs=5', async () => {
    const result = await nnc(['run', fixture('xor.nn'), '--epochs', '5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error NNC7001: unknown option '--epochs'\n  = help: the program's arguments are changed with --set: --set fit.epochs=5\n");
  });
});

describe('nnc FILE.nn', () => {
  test('runs the program, as nnc run FILE.nn does', async () => {
    const out = tempDir();
    const result = await nnc([examples.demo[0]!, '--backend', 'cpu', '--out', out, '--set', 'fit.epochs=2', '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(history(out, 'classifier.history.json').epoch).toEqual([0, 1]);
  });
});
