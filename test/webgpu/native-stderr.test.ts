// Native stderr captured while the GPU is opened: what native code writes to descriptor 2 goes to
// the capture, and stderr works as before afterwards.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';
import { gpuForTests } from '../helpers/gpu.js';
import { tempDir } from '../cli/helpers.js';

// In a child process, so that the test runner's own stderr is never moved. The child writes to
// descriptor 2 directly (as native code does), inside and outside the capture.
const script = (module: string) => `
import { writeSync } from 'node:fs';
const { withNativeStderrCaptured } = await import(${JSON.stringify(module)});
writeSync(2, 'before\\n');
const { value, text } = await withNativeStderrCaptured(async () => {
  writeSync(2, 'Warning: native noise\\n');
  await new Promise((r) => setTimeout(r, 10));
  return 42;
});
writeSync(2, 'after\\n');
process.stderr.write('process.stderr still works\\n');
console.log(JSON.stringify({ value, text }));
let thrown = '';
try {
  await withNativeStderrCaptured(async () => { writeSync(2, 'noise before a throw\\n'); throw new Error('boom'); });
} catch (e) { thrown = e.message; }
writeSync(2, 'after the throw\\n');
console.log(JSON.stringify({ thrown }));
`;

describe('withNativeStderrCaptured', () => {
  const module = resolve(repoRoot, 'dist/runtime/webgpu/native-stderr.js');
  const out = resolve(repoRoot, `dist/native-stderr-test-${process.pid}`);
  // The child's stderr as a shell makes it: a pipe (`2>&1 | cat`, stdout to a file) or a file.
  const commands = {
    pipe: `node --input-type=module -e "$SCRIPT" 2>&1 >"$OUT.json" | cat`,
    file: `node --input-type=module -e "$SCRIPT" >"$OUT.json" 2>"$OUT.err"; cat "$OUT.err"`,
  };
  for (const [how, command] of Object.entries(commands)) {
    it(`captures what is written to descriptor 2 meanwhile, and gives stderr back (stderr is a ${how})`, () => {
      const r = spawnSync('bash', ['-c', `${command}; cat "$OUT.json" >&2; rm -f "$OUT.json" "$OUT.err"`], { encoding: 'utf8', env: { ...process.env, SCRIPT: script(module), OUT: out } });
      expect(r.status).toBe(0);
      // What reached stderr came out on the shell's stdout; the child's stdout (JSON) on its stderr.
      expect(r.stdout).toBe('before\nafter\nprocess.stderr still works\nafter the throw\n');
      const [first, second] = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(first).toEqual({ value: 42, text: 'Warning: native noise\n' });
      expect(second).toEqual({ thrown: 'boom' });
    });
  }

  it('leaves a stderr it cannot reopen alone (a socket, as Node gives a child): nothing captured, nothing lost', () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script(module)], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')[0]).toBe(JSON.stringify({ value: 42, text: '' }));
    expect(r.stderr).toBe('before\nWarning: native noise\nafter\nprocess.stderr still works\nnoise before a throw\nafter the throw\n');
  });
});

// The user's view: `nnc run` on the GPU prints nothing to stderr (Dawn's and the driver's lines
// are captured while the device opens), and `--verbose 2` shows them, with the adapter's features
// and limits. Run as a shell does (stderr a pipe), from the built dist/.
describe.runIf(await gpuForTests())('nnc run on the GPU', () => {
  const bin = resolve(repoRoot, 'bin/nnc.js');
  const demo = resolve(repoRoot, 'examples/demo.nn');
  /** Runs a command in bash with stderr to a pipe; returns its stderr, and its stdout from a file. */
  const shell = (command: string) => {
    const file = resolve(repoRoot, `dist/native-stdout-${process.pid}.txt`);
    const r = spawnSync('bash', ['-c', `${command} 2>&1 >"$OUTFILE" | cat; cat "$OUTFILE" >&2; rm -f "$OUTFILE"`], { encoding: 'utf8', env: { ...process.env, OUTFILE: file } });
    return { stderr: r.stdout, stdout: r.stderr };
  };

  it('prints nothing to stderr, and --verbose 2 shows what the driver printed while the device opened', () => {
    // What this machine's Dawn and driver print when a device is opened with stderr left alone.
    const raw = shell(`node --input-type=module -e "const { acquireGpu } = await import('${resolve(repoRoot, 'dist/runtime/webgpu/gpu.js')}'); (await acquireGpu('auto', { nativeStderr: 'show' }))?.close();"`);
    const noise = raw.stderr.split('\n').filter((l) => l.trim() !== '');
    const out = tempDir();
    const run = shell(`node ${bin} run ${demo} --backend webgpu --out ${out}`);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('200 predictions written to');
    const verbose = shell(`node ${bin} run ${demo} --backend webgpu --out ${out} --verbose 2`);
    expect(verbose.stderr).toBe('');
    expect(verbose.stdout).toMatch(/^backend: webgpu: .*\n {2}features: .*\n {2}limits: \d+ storage buffers per stage/);
    for (const line of noise) expect(verbose.stdout).toContain(`  native stderr: ${line}\n`);
  });
});
