// What each nnc command prints, against golden files (times masked; NNC_UPDATE_GOLDEN=1 rewrites
// them, and the diff is then reviewed): `run` on every example (the offline ones always, the Pima,
// iris and housing ones with ../shared/datasets), check, summary, graph, build --report, every
// --help. `run` goldens also hold what was written: the JSON files whole, the CSV's head and size,
// the safetensors' tensors. All on the CPU backend (the GPU has its own tests).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { commands } from '../../cli/main.js';
import { readSafetensors } from '../../runtime/io/safetensors-file.js';
import { expectGolden } from '../helpers/golden.js';
import { haveSharedData } from '../helpers/shared.js';
import { examples, filesUnder, finalFrames, golden, maskTimes, nnc, offlineExamples, sharedExamples, sharedFolder, stackTrace, tempDir } from './helpers.js';

/**
 * Numbers to 4 significant digits: the goldens record the values a user reads, not the last bits
 * of float32 arithmetic, which change with the order of operations in a kernel.
 */
const round = (text: string) => text.replace(/-?\d+\.\d+(?:e[-+]?\d+)?/gi, (n) => String(Number(Number(n).toPrecision(4))));

/** What `nnc run` wrote, in words: each file by name, JSON whole, CSV head and row count, weights' tensors. */
function describeOutputs(out: string): string {
  const lines: string[] = [];
  for (const file of filesUnder(out)) {
    const path = join(out, file);
    lines.push(`== ${file}`);
    if (file.endsWith('.json')) lines.push(round(readFileSync(path, 'utf8').trimEnd()));
    else if (file.endsWith('.csv')) {
      const rows = readFileSync(path, 'utf8').trimEnd().split('\n');
      lines.push(...rows.slice(0, 4).map(round), `... ${rows.length - 1} rows`);
    } else if (file.endsWith('.safetensors')) {
      const st = readSafetensors(path);
      lines.push(`metadata ${JSON.stringify(st.metadata)}`);
      for (const [name, t] of st.tensors) lines.push(`${name} [${t.shape.join(', ')}]`);
    } else if (file.endsWith('.svg')) {
      const svg = readFileSync(path, 'utf8');
      lines.push(`svg with ${svg.match(/<polyline /g)?.length ?? 0} lines`);
    }
  }
  return lines.join('\n') + '\n';
}

async function runGolden(name: keyof typeof examples, extra: string[] = [], goldenName = `run-${name}`): Promise<void> {
  const out = tempDir();
  const result = await nnc(['run', ...examples[name], '--backend', 'cpu', '--out', out, ...extra]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expectGolden(maskTimes(result.stdout, { '<out>': out }), golden(`${goldenName}.stdout`));
  expectGolden(describeOutputs(out), golden(`${goldenName}.files`));
}

describe('nnc run: the examples that run offline', () => {
  for (const name of offlineExamples) test(`${name}.nn`, () => runGolden(name));

  test('demo.nn at --verbose 2: one line per epoch, no bar', () => runGolden('demo', ['--verbose', '2'], 'run-demo-verbose2'));

  test('demo.nn at --verbose 0: no progress, but each file written is named; --quiet names none', async () => {
    const out = tempDir();
    const result = await nnc(['run', ...examples.demo, '--backend', 'cpu', '--out', out, '--verbose', '0']);
    expect(result).toEqual({ code: 0, stdout: expect.stringContaining('Model: "classifier"'), stderr: '' });
    expect(result.stdout).not.toMatch(/Epoch|backend|\/step/);
    const written = result.stdout.split('\n').filter((l) => l.includes('written to'));
    expect(written).toEqual([
      `history written to ${join(out, 'classifier.history.json')}, chart ${join(out, 'classifier.history.svg')} (under --out)`,
      `200 predictions written to ${join(out, 'moons-predictions.csv')} (under --out)`,
      `weights of classifier written to ${join(out, 'classifier.safetensors')} (under --out)`,
    ]);
    expect(filesUnder(out)).toEqual(['classifier.history.json', 'classifier.history.svg', 'classifier.safetensors', 'moons-predictions.csv']);
    const quiet = await nnc(['run', ...examples.demo, '--backend', 'cpu', '--out', tempDir(), '--quiet']);
    expect(quiet.code).toBe(0);
    // Only the program's own `summary` statement prints.
    expect(quiet.stdout).not.toMatch(/Epoch|written|backend|\/step/);
    expect(quiet.stdout).toContain('Model: "classifier"');
  });

  test('tutorial.nn on a terminal: the bar is redrawn in place and ends as the same lines', async () => {
    const out = tempDir();
    const tty = await nnc(['run', ...examples.tutorial, '--backend', 'cpu', '--out', out], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stdout).toContain('\r');
    expect(tty.stdout).toContain('\x1b[32m━━━━━━━━━━━━━━━━━━━━\x1b[0m'); // the done part, green
    expectGolden(maskTimes(finalFrames(tty.stdout), { '<out>': out }), golden('run-tutorial-tty.stdout'));
    // Without the escapes, the terminal shows what a log file gets.
    const plain = await nnc(['run', ...examples.tutorial, '--backend', 'cpu', '--out', out]);
    const strip = (t: string) => maskTimes(t.replace(/\\e\[[0-9;]*m/g, ''));
    expect(strip(finalFrames(tty.stdout))).toBe(strip(plain.stdout));
    expect(plain.stdout).not.toMatch(/[\r\x1b]/);
  });
});

describe.runIf(haveSharedData())('nnc run: the examples on the shared datasets', () => {
  for (const name of sharedExamples) test(`${name}.nn`, () => runGolden(name));
});

describe('nnc check, summary, graph, build', () => {
  const cases: Array<[string, string[]]> = [
    ['check-demo', ['check', 'examples/demo.nn']],
    ['check-pima-without-data', ['check', 'examples/pima.nn']],
    ['summary-demo', ['summary', 'examples/demo.nn']],
    ['summary-tutorial', ['summary', 'examples/tutorial.nn']],
    ['summary-housing-without-data', ['summary', 'examples/housing.nn']],
    ['graph-tutorial', ['graph', 'examples/tutorial.nn']],
    ['graph-tutorial-plan', ['graph', 'examples/tutorial.nn', '--after', 'lowerToPlan']],
    ['build-tutorial-report', ['build', 'examples/tutorial.nn', '--report']],
  ];
  for (const [name, argv] of cases) {
    test(`nnc ${argv.join(' ')}`, async () => {
      const result = await nnc(argv);
      expect(result.code).toBe(0);
      expect(result.stderr).not.toMatch(stackTrace);
      expectGolden(`$ nnc ${argv.join(' ')}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}--- exit ${result.code}\n`, golden(`${name}.txt`));
    });
  }

  test.runIf(haveSharedData())('nnc check and summary of every shared-data example', async () => {
    for (const name of sharedExamples) {
      const check = await nnc(['check', ...examples[name]]);
      expect(check).toEqual({ code: 0, stdout: `${examples[name][0]}: ok\n`, stderr: '' });
      const summary = await nnc(['summary', ...examples[name]]);
      expect(summary.code).toBe(0);
      expectGolden(summary.stdout.split(sharedFolder).join('<shared>'), golden(`summary-${name}.txt`));
    }
  });
});

describe('--help', () => {
  test('nnc --help', async () => {
    const result = await nnc(['--help']);
    expect(result.code).toBe(0);
    expectGolden(result.stdout, golden('help.txt'));
  });
  for (const name of ['run', 'check', 'summary', 'graph', 'build']) {
    test(`nnc ${name} --help`, async () => {
      const result = await nnc([name, '--help']);
      expect(result).toEqual({ code: 0, stdout: expect.any(String), stderr: '' });
      expectGolden(result.stdout, golden(`help-${name}.txt`));
      // Every option the command takes is in its help.
      for (const o of commands.find((c) => c.name === name)!.options) expect(result.stdout).toContain(o.name);
    });
  }
});
