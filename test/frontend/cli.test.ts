// The nnc command: `check` and `summary`, help, version, and the exit codes (0 ok, 1 program
// errors, 2 usage errors, 70 internal error). main() is called with captured output; one test
// also runs the real bin/nnc.js when the bundle (dist/nnc-cli.cjs) has been built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { commands, main, registerCommand, type Command } from '../../cli/main.js';
import { version } from '../../index.js';
import { haveSharedData, repoRoot, sharedDataset } from '../helpers/shared.js';

async function nnc(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const fixture = (name: string) => `test/frontend/fixtures/${name}`;
const smallPima = `pima=${fixture('data/pima-small.csv')}`;

describe('nnc', () => {
  test('--version and --help', async () => {
    expect(await nnc('--version')).toEqual({ code: 0, stdout: `nnc ${version}\n`, stderr: '' });
    const help = await nnc('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: nnc COMMAND');
    for (const c of ['check', 'summary']) expect(help.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    const checkHelp = await nnc('check', '--help');
    expect(checkHelp.code).toBe(0);
    expect(checkHelp.stdout).toContain('Usage: nnc check FILE [--data NAME=PATH]...');
    expect(checkHelp.stdout).toContain('--data NAME=PATH');
    expect((await nnc('help', 'summary')).stdout).toContain('Usage: nnc summary FILE');
  });

  test('usage errors exit with 2 and say what to do', async () => {
    const none = await nnc();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: nnc COMMAND');

    const missing = await nnc('check');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error NNC7002: missing FILE: nnc check FILE');

    const flag = await nnc('check', 'examples/pima.nn', '--dat', smallPima);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("error NNC7001: unknown option '--dat'");
    expect(flag.stderr).toContain("did you mean '--data'?");

    const command = await nnc('chek', 'examples/pima.nn');
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'chek' (did you mean 'check'?)");

    const global = await nnc('--verison');
    expect(global.code).toBe(2);
    expect(global.stderr).toContain("did you mean '--version'?");

    const noFile = await nnc('check', 'no/such/file.nn');
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("error NNC7003: cannot read 'no/such/file.nn': no such file");

    const folder = await nnc('check', 'examples');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('it is a folder, not a file');

    const badData = await nnc('check', 'examples/pima.nn', '--data', 'pima');
    expect(badData.code).toBe(2);
    expect(badData.stderr).toContain('--data takes NAME=PATH');

    const unknownData = await nnc('check', 'examples/pima.nn', '--data', 'pmia=x.csv');
    expect(unknownData.code).toBe(2);
    expect(unknownData.stderr).toContain("error NNC7004: --data names a dataset 'pmia' that the program does not declare");
    expect(unknownData.stderr).toContain('the program declares: pima');

    const extra = await nnc('check', 'examples/pima.nn', 'examples/demo.nn');
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain("unexpected argument 'examples/demo.nn'");
  });

  test('check: the reference program is fine; without its data only a warning', async () => {
    const plain = await nnc('check', 'examples/pima.nn');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe('examples/pima.nn: ok (1 warning)\n');
    expect(plain.stderr).toContain('warning NNC3010');
    expect(plain.stderr).toContain('pass --data pima=PATH');

    const withData = await nnc('check', 'examples/pima.nn', '--data', smallPima);
    expect(withData).toEqual({ code: 0, stdout: 'examples/pima.nn: ok\n', stderr: '' });
  });

  test('check: a program with errors exits with 1 and renders each error', async () => {
    const result = await nnc('check', fixture('unknown-names.nn'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${readFileSync(resolve(repoRoot, fixture('unknown-names.diagnostics')), 'utf8')}${fixture('unknown-names.nn')}: 10 errors\n`);
  });

  test('check: a file that is not UTF-8 is a program error (1), shown at its byte', async () => {
    const result = await nnc('check', fixture('not-utf8.nn'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not-utf8.nn:3:6: error NNC1007');
  });

  test.runIf(haveSharedData())('check: every example, with its data', async () => {
    const data: Record<string, string[]> = {
      'pima.nn': ['--data', `pima=${sharedDataset('pima-indians-diabetes.csv')}`],
      'iris.nn': ['--data', `iris=${sharedDataset('iris.csv')}`],
      'housing.nn': ['--data', `housing=${sharedDataset('housing.csv')}`],
      'digits.nn': ['--data', `digits=${sharedDataset('digits.csv')}`],
      'reviews.nn': ['--data', `reviews=${sharedDataset('review_polarity')}`],
      'temperatures.nn': ['--data', `days=${sharedDataset('daily-min-temperatures.csv')}`],
    };
    const examples = readdirSync(resolve(repoRoot, 'examples')).filter((f) => f.endsWith('.nn'));
    expect(examples.sort()).toEqual(['demo.nn', 'digits.nn', 'fashion.nn', 'housing.nn', 'iris.nn', 'pima.nn', 'reviews.nn', 'temperatures.nn', 'tutorial.nn']);
    // fashion.nn reads /usr/share/datasets/fashion-mnist (apt-get install dataset-fashion-mnist)
    for (const example of examples.filter((e) => e !== 'fashion.nn' || existsSync('/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz'))) {
      const result = await nnc('check', `examples/${example}`, ...(data[example] ?? []));
      expect({ example, ...result }).toEqual({ example, code: 0, stdout: `examples/${example}: ok\n`, stderr: '' });
    }
  });

  test('check: every example without data files is still fine (warnings only)', async () => {
    for (const example of ['demo.nn', 'digits.nn', 'housing.nn', 'iris.nn', 'pima.nn', 'reviews.nn', 'temperatures.nn', 'tutorial.nn']) {
      const result = await nnc('check', `examples/${example}`);
      expect(result.code, `${example}: ${result.stderr}`).toBe(0);
      expect(result.stderr).not.toContain('error');
    }
  });

  test('summary: the Pima model has 121 parameters (8 -> 12 -> 1), as Keras prints it', async () => {
    const result = await nnc('summary', 'examples/pima.nn');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(resolve(repoRoot, fixture('pima-ok.summary')), 'utf8'));
    expect(result.stdout).toContain(' Total params: 121 (484.00 B)\n');
    expect(result.stdout).toContain('│ dense (Dense)                        │ (None, 12)                  │             108 │');
    expect(result.stderr).toContain('warning NNC3010');
  });

  test('summary: a model whose size depends on data that was not read cannot be shown', async () => {
    const result = await nnc('summary', fixture('missing-data.nn'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('pass --data NAME=PATH');
  });

  test('summary: program errors exit with 1', async () => {
    expect((await nnc('summary', fixture('shapes.nn'))).code).toBe(1);
  });

  test('an unexpected exception is an internal error (70) with its stack, not a crash', async () => {
    const failing: Command = {
      name: 'explode',
      summary: 'throws',
      description: 'throws',
      options: [],
      positionals: [],
      async run() {
        throw new Error('boom');
      },
    };
    registerCommand(failing);
    try {
      const result = await nnc('explode');
      expect(result.code).toBe(70);
      expect(result.stderr).toContain('nnc: internal error');
      expect(result.stderr).toContain('Error: boom');
      expect(result.stderr).toMatch(/at .*cli\.test\.ts/);
    } finally {
      commands.splice(commands.indexOf(failing), 1);
    }
  });

  const bin = resolve(repoRoot, 'bin/nnc.js');
  test.runIf(existsSync(resolve(repoRoot, 'dist/nnc-cli.cjs')))('bin/nnc.js sets the process exit code', () => {
    const ok = spawnSync(process.execPath, [bin, '--version'], { cwd: repoRoot, encoding: 'utf8' });
    expect([ok.status, ok.stdout]).toEqual([0, `nnc ${version}\n`]);
    const usage = spawnSync(process.execPath, [bin, 'check'], { cwd: repoRoot, encoding: 'utf8' });
    expect(usage.status).toBe(2);
    const errors = spawnSync(process.execPath, [bin, 'check', fixture('names.nn')], { cwd: repoRoot, encoding: 'utf8' });
    expect(errors.status).toBe(1);
    expect(errors.stderr).not.toContain('    at '); // no stack trace for bad input
  });
});
