// The package as a user installs it: `import { compile } from 'nnc'` works from this repository (the
// package refers to itself by name) and from a new project that installed `npm pack`'s tarball,
// with its types. Uses the built dist/ (`npm test` builds it first) and npm's cache for the
// dependencies (filled by `npm ci`), so it needs no network when the cache is warm.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';
import { tempDir } from '../cli/helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = resolve(repoRoot, 'node_modules/typescript/bin/tsc');

// A program that needs no data files: it trains on a builtin dataset on the CPU.
const consumer = `
import { check, compile, version } from 'nnc';
const source = [
  'dataset xor = builtin("xor", repeat=4)',
  'model net = Sequential { Dense(4, input_dim=2, activation="tanh") Dense(1, activation="sigmoid") }',
  'compile net(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])',
].join('\\n');
const program = compile(source, { backend: 'cpu' });
const history = await program.model('net').fit('xor', { epochs: 2, batchSize: 4 });
program.close();
console.log(JSON.stringify({ version, ok: check(source).ok, epochs: history.epoch.length, keys: Object.keys(history.history).sort() }));
`;

const typed = `
import { compile, type CompileOptions, type History } from 'nnc';
const options: CompileOptions = { backend: 'cpu', verbose: 0 };
const history: Promise<History> = compile('', options).model().fit('xor', { epochs: 1 });
void history;
// @ts-expect-error: not a backend
const wrong: CompileOptions = { backend: 'gpu' };
void wrong;
`;

function run(command: string, args: string[], cwd: string): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe('the nnc package', () => {
  beforeAll(() => {
    if (!existsSync(resolve(repoRoot, 'dist/index.js'))) execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: repoRoot });
  });

  it("is importable by name from the repository (import { compile } from 'nnc')", () => {
    // Self-reference resolves from a file inside the package: put the script in the repo's dist/.
    const inside = resolve(repoRoot, 'dist', `self-import-${process.pid}.mjs`);
    writeFileSync(inside, consumer);
    try {
      const out = JSON.parse(run(process.execPath, [inside], repoRoot));
      expect(out).toEqual({ version: expect.any(String), ok: true, epochs: 2, keys: ['accuracy', 'loss'] });
    } finally {
      rmSync(inside, { force: true });
    }
  });

  it("installs only what nnc needs: TF.js, which only the benchmarks use, is bench/'s own dependency", () => {
    const lock = JSON.parse(readFileSync(resolve(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).filter((p) => p.includes('@tensorflow'))).toEqual([]);
    const bench = JSON.parse(readFileSync(resolve(repoRoot, 'bench/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(bench.dependencies)).toContain('@tensorflow/tfjs');
    const scripts = (JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.bench).toMatch(/npm install --prefix bench/);
  });

  it("installs from npm pack's tarball into a new project, runs there, and brings its types", () => {
    const packDir = tempDir('nnc-pack-');
    run(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir], repoRoot);
    const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();

    const project = tempDir('nnc-consumer-');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(packDir, tarball!)], project);
    // What the package ships: the built library and the command, not the tests or the sources.
    expect(existsSync(join(project, 'node_modules/nnc/dist/index.js'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/nnc/dist/index.d.ts'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/nnc/test'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/nnc/dist/bench'))).toBe(false);

    writeFileSync(join(project, 'consumer.mjs'), consumer);
    const out = JSON.parse(run(process.execPath, ['consumer.mjs'], project));
    expect(out).toEqual({ version: expect.any(String), ok: true, epochs: 2, keys: ['accuracy', 'loss'] });

    // The types come with it: a TypeScript project type-checks against 'nnc' (and a wrong option fails).
    writeFileSync(join(project, 'consumer.ts'), typed);
    const tscArgs = [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', resolve(repoRoot, 'node_modules/@types'), 'consumer.ts'];
    run(process.execPath, tscArgs, project);
    writeFileSync(join(project, 'consumer.ts'), typed.replace('// @ts-expect-error: not a backend\n', ''));
    const bad = spawnSync(process.execPath, tscArgs, { cwd: project, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/"gpu"/);
  });
});
