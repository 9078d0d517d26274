// Signals to a real nnc process (issue 16): Ctrl-C (SIGINT) or SIGTERM during fit, evaluate or
// predict stops the run within a few steps with 128 + the signal's number, and leaves no file and
// no temporary file; temporary files a killed process left are swept on the next write.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/shared.js';
import { filesUnder, fixture, nnc, stackTrace, tempDir, type Ran } from './helpers.js';

const bin = resolve(repoRoot, 'bin/nnc.js');
const built = existsSync(resolve(repoRoot, 'dist/cli/main.js'));

/**
 * Runs `nnc run PROGRAM --backend cpu --verbose 2 --out OUT ARGS` and sends `signal` once stdout
 * holds `when` (every line before it has been printed).
 */
function runAndSignal(program: string, out: string, when: string, signal: NodeJS.Signals, args: string[] = []): Promise<Ran & { sent: boolean }> {
  const child = spawn(process.execPath, [bin, 'run', program, '--backend', 'cpu', '--verbose', '2', '--out', out, ...args], { cwd: repoRoot });
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.on('data', (d) => {
    stdout += d;
    if (!sent && stdout.includes(when)) sent = child.kill(signal);
  });
  return new Promise((done) => child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr, sent })));
}

function expectInterrupted(result: Ran & { sent: boolean }, code: number): void {
  expect(result.sent).toBe(true);
  expect(result.code, result.stderr).toBe(code);
  expect(result.stderr).toBe('error NNC5005: interrupted; the run stopped and left no half-written file\n');
  expect(result.stderr).not.toMatch(stackTrace);
}

describe.runIf(built)('signals stop every phase cleanly', () => {
  // Each statement runs for many seconds; the signal comes as it starts. Had it run to the end, its
  // line (`100000/100000 - ...`) would be printed and its file written.
  test('Ctrl-C during predict: exit 130, no predictions, no file', async () => {
    const out = tempDir();
    const result = await runAndSignal(fixture('long-predict.nn'), out, 'backend: cpu\n', 'SIGINT');
    expectInterrupted(result, 130);
    expect(result.stdout).toBe('backend: cpu\n');
    expect(filesUnder(out)).toEqual([]);
  }, 60_000);

  test('SIGTERM during evaluate: exit 143, no evaluation, no file', async () => {
    const out = tempDir();
    const result = await runAndSignal(fixture('long-evaluate.nn'), out, 'backend: cpu\n', 'SIGTERM');
    expectInterrupted(result, 143);
    expect(result.stdout).toBe('backend: cpu\n');
    expect(filesUnder(out)).toEqual([]);
  }, 60_000);

  test('SIGTERM during fit: exit 143, no history, no predictions', async () => {
    const out = tempDir();
    const result = await runAndSignal(fixture('long-fit.nn'), out, 'Epoch 2/', 'SIGTERM');
    expectInterrupted(result, 143);
    expect(filesUnder(out)).toEqual([]);
  }, 60_000);
});

describe('temporary files', () => {
  test("a killed writer's temporary files are swept before the same output is written again; a live one's are kept", async () => {
    const out = tempDir();
    mkdirSync(out, { recursive: true });
    // PIDs beyond the kernel's pid_max (at most 2^22) belong to no process.
    const stale = ['.xor-evaluation.json.99999999.0a1b2c3d.tmp', '.xor-evaluation.json.88888888.deadbeef.tmp'];
    const live = `.xor-evaluation.json.${process.pid}.00000000.tmp`;
    const other = '.other.json.99999999.0a1b2c3d.tmp';
    for (const name of [...stale, live, other]) writeFileSync(join(out, name), 'half');
    const result = await nnc(['run', fixture('xor.nn'), '--backend', 'cpu', '--verbose', '0', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([other, live, 'net.history.json', 'net.history.svg', 'xor-evaluation.json'].sort());
  });
});
