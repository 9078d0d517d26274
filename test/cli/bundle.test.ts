// What nnc ships: the command and the library as bundles (scripts/bundle.mjs, built by `npm run
// build`, which `npm test` runs first). The command's bundle loads with the V8 code cache the build
// wrote, a CPU run never loads the webgpu addon, and the library bundle works as the package's entry.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { afterAll, describe, expect, test } from 'vitest';
import { version } from '../../index.js';
import { repoRoot } from '../helpers/shared.js';

const cliBundle = resolve(repoRoot, 'dist/nnc-cli.cjs');
const libraryBundle = resolve(repoRoot, 'dist/nnc.js');
const bin = resolve(repoRoot, 'bin/nnc.js');
const built = existsSync(cliBundle) && existsSync(libraryBundle);
if (!built && process.env.CI === 'true') throw new Error('CI=true but the bundles are missing: npm test runs npm run build first');

const scratch = mkdtempSync(join(tmpdir(), 'nnc-bundle-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.runIf(built)('the bundles', () => {
  test('the code cache written by the build is accepted by this Node for this bundle', () => {
    const source = readFileSync(cliBundle, 'utf8');
    const cachedData = readFileSync(cliBundle + '.cache');
    // in a fresh process, as bin/nnc.js loads it (V8 refuses a cache written under other flags, and
    // this test's process has run the interpreter, which turns relaxed SIMD on in Node 20)
    const fresh = `const fs = require('node:fs'), vm = require('node:vm'), Module = require('node:module');
const b = ${JSON.stringify(cliBundle)};
const script = new vm.Script(Module.wrap(fs.readFileSync(b, 'utf8')), { filename: b, cachedData: fs.readFileSync(b + '.cache') });
process.stdout.write(String(script.cachedDataRejected));`;
    expect(spawnSync(process.execPath, ['-e', fresh], { encoding: 'utf8' }).stdout).toBe('false');
    const script = new vm.Script(Module.wrap(source), { filename: cliBundle, cachedData });
    expect(script.cachedDataRejected).toBe(false);
    // ...and a cache made for other code is refused (so the check above can fail)
    const other = new vm.Script(Module.wrap(source + '\n;'), { filename: cliBundle, cachedData });
    expect(other.cachedDataRejected).toBe(true);
  });

  test('bin/nnc.js runs from the bundle: version, exit codes, a whole run', () => {
    const v = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect([v.status, v.stdout]).toEqual([0, `nnc ${version}\n`]);
    const out = join(scratch, 'demo');
    const run = spawnSync(process.execPath, [bin, 'run', 'examples/demo.nn', '--backend', 'cpu', '--verbose', '0', '--out', out], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(join(out, 'moons-predictions.csv'))).toBe(true);
  });

  // The native addon must stay out of CPU runs (it is large and starts Dawn); on Linux the process's
  // own memory map says whether it was loaded.
  test.runIf(process.platform === 'linux')('a CPU run (here: auto on a small program) never loads the webgpu addon; --backend webgpu does', () => {
    const probe = join(scratch, 'maps.cjs');
    const report = join(scratch, 'maps.txt');
    const code = `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, require('node:fs').readFileSync('/proc/self/maps', 'utf8')));`;
    writeFileSync(probe, code);
    const args = (backend: string) => ['-r', probe, bin, 'run', 'examples/demo.nn', '--backend', backend, '--verbose', '0', '--out', join(scratch, backend)];
    spawnSync(process.execPath, args('auto'), { cwd: repoRoot, encoding: 'utf8' });
    expect(readFileSync(report, 'utf8')).not.toMatch(/dawn[^/\n]*\.node/);
    spawnSync(process.execPath, args('webgpu'), { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(readFileSync(report, 'utf8')).toMatch(/dawn[^/\n]*\.node/);
  });

  test("the library bundle is the package's entry and runs a program", async () => {
    const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { exports: { '.': { default: string } } };
    expect(resolve(repoRoot, pkg.exports['.'].default)).toBe(libraryBundle);
    const nnc = (await import(libraryBundle)) as typeof import('../../index.js');
    expect(nnc.version).toBe(version);
    const program = nnc.compile('dataset moons = builtin("moons", rows=100, seed=0)\nmodel m = Sequential {\n  Dense(1, input_dim=2, activation="sigmoid")\n}\ncompile m(loss="binary_crossentropy", optimizer="adam")\n', { backend: 'cpu' });
    try {
      const history = await program.model().fit('moons', { epochs: 2 });
      expect(history.history.loss).toHaveLength(2);
    } finally {
      program.close();
    }
  });
});
