// Bad input to `nnc run`: each is one clear message (a code, what is wrong, what to do), a
// non-zero exit code of its kind, never a stack trace, and no file left half-written (or written
// at all, when the problem is found before anything runs). Ctrl-C stops a fit cleanly with 130.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { encodeSafetensors } from '../../runtime/io/safetensors.js';
import { repoRoot } from '../helpers/shared.js';
import { examples, filesUnder, fixture, nnc, stackTrace, tempDir, type Ran } from './helpers.js';

/** One diagnostic (its first line is `[file:line:col: ]error CODE: ...`), no trace, the expected exit code. */
function expectOneError(result: Ran, code: number, diagnostic: string, message: RegExp | string): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stderr).not.toMatch(stackTrace);
  const errors = result.stderr.split('\n').filter((l) => / error NNC\d{4}: |^error NNC\d{4}: /.test(l));
  expect(errors, result.stderr).toHaveLength(1);
  expect(errors[0]).toContain(`error ${diagnostic}: `);
  if (typeof message === 'string') expect(errors[0]).toContain(message);
  else expect(errors[0]).toMatch(message);
  expect(result.stderr).toMatch(/\n {2}= help: /);
}

const run = (argv: readonly string[], out: string) => nnc(['run', ...argv, '--backend', 'cpu', '--out', out]);

describe('nnc run: bad input', () => {
  test('a .nn file that does not exist: usage error 2, nothing written', async () => {
    const out = tempDir();
    const result = await run(['no/such/program.nn'], out);
    expectOneError(result, 2, 'NNC7003', "cannot read 'no/such/program.nn': no such file");
    expect(result.stdout).toBe('');
    expect(filesUnder(out)).toEqual([]);
  });

  test('a folder given as the .nn file: usage error 2', async () => {
    const result = await run(['examples'], tempDir());
    expectOneError(result, 2, 'NNC7003', "cannot read 'examples': it is a folder, not a file");
  });

  test('a .nn file that is not UTF-8 text: program error 1, shown at the bad byte', async () => {
    const result = await run(['test/frontend/fixtures/not-utf8.nn'], tempDir());
    expectOneError(result, 1, 'NNC1007', /not-utf8\.nn:3:6: error NNC1007/);
  });

  test('a data file that is missing when the program runs: error 1 before anything runs, with the --data hint', async () => {
    const out = tempDir();
    const result = await run(['examples/pima.nn'], out);
    expectOneError(result, 1, 'NNC4001', "cannot read data file 'pima-indians-diabetes.csv': no such file");
    expect(result.stderr).toContain('--data NAME=PATH');
    expect(result.stdout).toBe('');
    expect(filesUnder(out)).toEqual([]);
  });

  test('--data pointing at a file that is not there', async () => {
    const result = await run(['examples/pima.nn', '--data', 'pima=no/such.csv'], tempDir());
    expectOneError(result, 1, 'NNC4001', 'no such file');
  });

  test('--out inside a regular file: error 3 before the backend starts', async () => {
    const dir = tempDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    for (const out of [file, join(file, 'sub')]) {
      const result = await run(examples.demo, out);
      expectOneError(result, 3, 'NNC5002', `cannot write '${out}': ${file} is a file, not a folder`);
      expect(result.stdout).toBe('');
    }
    expect(filesUnder(dir)).toEqual(['a-file']);
  });

  test('predict -> "missing-dir/x.csv": error 3 pointing at the statement, before any training', async () => {
    const out = tempDir();
    const result = await run([fixture('predict-missing-dir.nn')], out);
    expectOneError(result, 3, 'NNC5002', /predict-missing-dir\.nn:9:1: error NNC5002: cannot write '.*missing-dir\/predictions\.csv': there is no folder .*missing-dir$/m);
    expect(result.stdout).not.toContain('Epoch');
    expect(filesUnder(out)).toEqual([]);
  });

  test('--save-weights into a folder that does not exist: error 3 before any training', async () => {
    const out = tempDir();
    const result = await run([fixture('xor.nn'), '--save-weights', join(out, 'nope', 'w.safetensors')], out);
    expectOneError(result, 3, 'NNC5002', 'there is no folder');
    expect(filesUnder(out)).toEqual([]);
  });

  test('unknown options and commands: usage error 2 with the nearest known one', async () => {
    const flag = await run([...examples.demo, '--bakend', 'cpu'], tempDir());
    expectOneError(flag, 2, 'NNC7001', "unknown option '--bakend'");
    expect(flag.stderr).toContain("did you mean '--backend'?");
    const verbose = await run([...examples.demo, '--verbose', '3'], tempDir());
    expectOneError(verbose, 2, 'NNC7002', "--verbose must be 0, 1 or 2, not '3'");
    const seed = await run([...examples.demo, '--seed', '-1'], tempDir());
    expectOneError(seed, 2, 'NNC7002', '--seed must be a whole number');
    const threads = await run([...examples.demo, '--threads', '0'], tempDir());
    expectOneError(threads, 2, 'NNC7002', "--threads must be a whole number from 1 to 64, not '0'");
    const backend = await nnc(['run', ...examples.demo, '--backend', 'gpu']);
    expectOneError(backend, 2, 'NNC7002', "--backend must be auto, webgpu or cpu, not 'gpu'");
    const command = await nnc(['rnu', ...examples.demo]);
    expectOneError(command, 2, 'NNC7002', "unknown command 'rnu' (did you mean 'run'?)");
  });

  test('weights flags: a model the program does not have, or a bare path when there are two models', async () => {
    const unknown = await run([fixture('xor.nn'), '--load-weights', 'other=w.safetensors'], tempDir());
    expectOneError(unknown, 2, 'NNC7002', "the program has no model 'other' (it has: net)");
    const bare = await run([fixture('two-models.nn'), '--save-weights', 'w.safetensors'], tempDir());
    expectOneError(bare, 2, 'NNC7002', "--save-weights takes NAME=PATH (such as --save-weights name=file), not 'w.safetensors'");
  });

  test('a weights file of another model: error 3 naming the tensor that does not fit, nothing written', async () => {
    const dir = tempDir();
    const weights = join(dir, 'demo.safetensors');
    expect((await run([...examples.demo, '--verbose', '0', '--save-weights', weights], join(dir, 'first'))).code).toBe(0);
    const out = join(dir, 'second');
    const result = await run([...examples.tutorial, '--load-weights', `net=${weights}`], out);
    expectOneError(result, 3, 'NNC5004', `weights file '${weights}' does not fit this model: dense/kernel has shape [2, 16] in the file but [2, 5] in the model`);
    expect(result.stdout).not.toContain('Epoch');
    expect(filesUnder(out)).toEqual([]);
  });

  test('a weights file of the same layers but a missing tensor, or an extra one', async () => {
    const dir = tempDir();
    const kernel = { name: 'dense/kernel', shape: [2, 5], data: new Float32Array(10) };
    const bias = { name: 'dense/bias', shape: [5], data: new Float32Array(5) };
    writeFileSync(join(dir, 'partial.safetensors'), encodeSafetensors([kernel, bias]));
    const partial = await run([...examples.tutorial, '--load-weights', join(dir, 'partial.safetensors')], join(dir, 'out'));
    expectOneError(partial, 3, 'NNC5004', 'dense_1/kernel is missing from the file');
  });

  test('corrupt weights files: error 3 saying what is wrong with the file', async () => {
    const dir = tempDir();
    const good = encodeSafetensors([{ name: 'dense/kernel', shape: [2, 5], data: new Float32Array(10) }]);
    const cases: Array<[string, Uint8Array, string]> = [
      ['empty.safetensors', new Uint8Array(0), 'the file is empty'],
      ['truncated.safetensors', good.subarray(0, good.length - 8), 'out of range'],
      ['text.safetensors', new TextEncoder().encode('dense/kernel = [[0, 0]]\n'), 'it is not a safetensors file'],
    ];
    for (const [name, bytes, reason] of cases) {
      writeFileSync(join(dir, name), bytes);
      const result = await run([...examples.tutorial, '--load-weights', join(dir, name)], join(dir, 'out'));
      expectOneError(result, 3, 'NNC5003', reason);
      expect(result.stdout).toBe(''); // found before the backend starts
    }
    const missing = await run([...examples.tutorial, '--load-weights', join(dir, 'none.safetensors')], join(dir, 'out'));
    expectOneError(missing, 3, 'NNC5003', 'no such file');
    const folder = await run([...examples.tutorial, '--load-weights', dir], join(dir, 'out'));
    expectOneError(folder, 3, 'NNC5003', 'it is a folder');
    if (process.platform !== 'win32') {
      // Devices and pipes: refused at once (they once read forever, or blocked).
      execFileSync('mkfifo', [join(dir, 'pipe')]);
      for (const [path, what] of [['/dev/zero', 'a device'], [join(dir, 'pipe'), 'a named pipe (FIFO)']] as const) {
        expectOneError(await run([...examples.tutorial, '--load-weights', path], join(dir, 'out')), 3, 'NNC5003', `it is ${what}, not a regular file`);
        expectOneError(await run(['examples/pima.nn', '--data', `pima=${path}`], join(dir, 'out')), 1, 'NNC4001', `it is ${what}, not a regular file`);
      }
    }
    expect(filesUnder(join(dir, 'out'))).toEqual([]);
  });

  test('weights files the format forbids, and NaN weights: error 3 before anything runs (issue 16)', async () => {
    const dir = tempDir();
    const tensors = [
      { name: 'dense/kernel', shape: [2, 8], data: new Float32Array(16).fill(0.5) },
      { name: 'dense/bias', shape: [8], data: new Float32Array(8) },
      { name: 'dense_1/kernel', shape: [8, 1], data: new Float32Array(8).fill(0.25) },
      { name: 'dense_1/bias', shape: [1], data: new Float32Array([NaN]) },
    ];
    const withNaN = encodeSafetensors(tensors);
    const fine = Buffer.from(encodeSafetensors(tensors.map((t) => ({ ...t, data: t.data.map((v) => (Number.isNaN(v) ? 0 : v)) }))));
    const shortHeader = Buffer.from(fine);
    shortHeader.writeBigUInt64LE(shortHeader.readBigUInt64LE(0) - 1n, 0);
    const cases: Array<[string, Uint8Array, string, string]> = [
      ['short-header.safetensors', shortHeader, 'NNC5003', '1 byte after the last tensor belong to no tensor'],
      ['trailing.safetensors', Buffer.concat([fine, Buffer.from('junk')]), 'NNC5003', '4 bytes after the last tensor'],
      ['nan.safetensors', withNaN, 'NNC5010', 'holds NaN in tensor dense_1/bias (value 0 of 1)'],
    ];
    for (const [name, bytes, code, reason] of cases) {
      writeFileSync(join(dir, name), bytes);
      const out = join(dir, `out-${name}`);
      const result = await run([fixture('xor-predict.nn'), '--load-weights', join(dir, name)], out);
      expectOneError(result, 3, code, reason);
      expect(result.stdout).toBe('');
      expect(filesUnder(out)).toEqual([]);
    }
    const allowed = await run([fixture('xor-predict.nn'), '--load-weights', join(dir, 'nan.safetensors'), '--allow-nonfinite-weights', '--verbose', '0'], join(dir, 'allowed'));
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(readFileSync(join(dir, 'allowed', 'net.predictions.csv'), 'utf8').split('\n')[1]).toMatch(/^NaN,/);
  });

  test('a loss that is not finite: NNC5001 pointing at the fit (issue 16), nothing written', async () => {
    const out = tempDir();
    const result = await run([fixture('diverge.nn')], out);
    expectOneError(result, 3, 'NNC5001', /diverge\.nn:8:1: error NNC5001: the loss is not finite \(NaN or infinite\) at epoch 1, step \d+\/8; training stopped$/m);
    expect(result.stderr).toContain('8 | fit m(d, epochs=3, batch_size=8, verbose=2)');
    expect(filesUnder(out)).toEqual([]);
  });

  test('a load statement whose file is missing: error 3 pointing at the statement', async () => {
    const result = await run([fixture('load-missing.nn')], tempDir());
    expectOneError(result, 3, 'NNC5003', /load-missing\.nn:7:1: error NNC5003: cannot read weights file '.*no-such-weights\.safetensors': no such file/);
  });

  test('an output that already exists as a folder is not replaced', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'xor-evaluation.json'));
    const result = await run([fixture('xor.nn')], out);
    expectOneError(result, 3, 'NNC5002', "xor-evaluation.json': it is a folder");
  });
});

describe('Ctrl-C', () => {
  /** Sends SIGINT once the second epoch has started: the first epoch line is out. */
  test('in process: SIGINT during fit stops it with 130, one message, no output file', async () => {
    const out = tempDir();
    const listeners = process.listenerCount('SIGINT');
    let sent = false;
    const result = await nnc(['run', fixture('long-fit.nn'), '--backend', 'cpu', '--out', out], {
      onStdout: (text) => {
        if (!sent && text.includes('Epoch 2/')) {
          sent = true;
          process.emit('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expectOneErrorInterrupted(result);
    expect(filesUnder(out)).toEqual([]);
    expect(process.listenerCount('SIGINT')).toBe(listeners); // the handler is removed afterwards
  });

  const bin = resolve(repoRoot, 'bin/nnc.js');
  test.runIf(existsSync(resolve(repoRoot, 'dist/nnc-cli.cjs')))('a real process: SIGINT during fit exits 130 cleanly', async () => {
    const out = tempDir();
    const child = spawn(process.execPath, [bin, 'run', fixture('long-fit.nn'), '--backend', 'cpu', '--out', out], { cwd: repoRoot });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((done) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.includes('Epoch 2/') && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', (c) => done(c));
    });
    expectOneErrorInterrupted({ code: code ?? -1, stdout, stderr });
    expect(stdout).toMatch(/^Epoch 1\/1000\n500\/500 ━+ /m);
    expect(filesUnder(out)).toEqual([]);
  }, 60_000);
});

describe('memory limits (issue 16)', () => {
  const bin = resolve(repoRoot, 'bin/nnc.js');
  const built = existsSync(resolve(repoRoot, 'dist/cli/main.js'));

  /** `nnc run` as a real process under `ulimit -v` (KiB), with extra NODE_OPTIONS. */
  function underLimit(kib: number, nodeOptions: string, out: string): Promise<Ran> {
    const command = `ulimit -v ${kib} && exec "${process.execPath}" "${bin}" run "${fixture('xor.nn')}" --backend cpu --verbose 0 --out "${out}"`;
    const child = spawn('bash', ['-c', command], { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: nodeOptions } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    return new Promise((done) => child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr })));
  }

  // V8 reserves about 10 GiB of address space for a WebAssembly memory; under a 6 GiB limit it cannot.
  test.runIf(built && process.platform === 'linux')('under ulimit -v the CPU backend says what it cannot allocate (exit 3), and how to run anyway', async () => {
    const refused = await underLimit(6_000_000, '', tempDir());
    expectOneError(refused, 3, 'NNC5012', "the CPU interpreter cannot allocate 1 MiB for model 'net': the system refused it");
    expect(refused.stderr).toContain('its largest layer is dense (16 weights)');
    expect(refused.stderr).toContain('NODE_OPTIONS=--disable-wasm-trap-handler');
    const out = tempDir();
    const workaround = await underLimit(6_000_000, '--disable-wasm-trap-handler', out);
    expect(workaround.code, workaround.stderr).toBe(0);
    expect(filesUnder(out)).toContain('xor-evaluation.json');
  }, 60_000);
});

function expectOneErrorInterrupted(result: Ran): void {
  expect(result.code, result.stderr).toBe(130);
  expect(result.stderr).toBe('error NNC5005: interrupted; the run stopped and left no half-written file\n');
  expect(result.stdout).not.toContain('predictions');
}
