// nnc playground and nnc serve as real processes: they print their URL, serve the page (with the
// program and the data files it reads, for the playground), and stop at Ctrl-C with exit 0.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';
import { nnc, tempDir } from '../cli/helpers.js';

const bin = resolve(repoRoot, 'bin/nnc.js');
const built = existsSync(resolve(repoRoot, 'dist/cli/main.js'));

/** Starts `nnc ARGS`, waits for its URL, hands it to `use`, then sends SIGINT; the exit code and output. */
async function whileServing(args: string[], use: (url: string) => Promise<void>): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number>((done) => child.on('exit', (code) => done(code ?? -1)));
  const url = await new Promise<string>((done, fail) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (m) done(m[1]!);
    });
    void exited.then(() => fail(new Error(`exited before serving: ${stderr}`)));
  });
  try {
    await use(url);
  } finally {
    child.kill('SIGINT');
  }
  return { code: await exited, stdout, stderr };
}

describe.runIf(built)('nnc playground and nnc serve', () => {
  it('nnc playground FILE serves the page, the program and the CSV it reads', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data/rows.csv'), '1,2,0\n3,4,1\n5,6,1\n7,8,0\n');
    const program = 'dataset d = csv("data/rows.csv", features=0:2, labels=2)\nmodel m = Sequential {\n  Dense(1, input_dim=2, activation="sigmoid")\n}\n';
    writeFileSync(join(dir, 'p.nn'), program);
    const ran = await whileServing(['playground', join(dir, 'p.nn'), '--port', '0'], async (url) => {
      expect(await (await fetch(url)).text()).toContain('<title>nnc playground</title>');
      expect((await fetch(`${url}playground.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      const session = (await (await fetch(`${url}session.json`)).json()) as { program: { name: string; text: string }; files: Array<{ name: string; url: string }> };
      expect(session.program).toEqual({ name: 'p.nn', text: program });
      expect(session.files.map((f) => f.name)).toEqual(['data/rows.csv']);
      expect(await (await fetch(url + session.files[0]!.url)).text()).toBe(readFileSync(join(dir, 'data/rows.csv'), 'utf8'));
    });
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toMatch(/^nnc playground: http:\/\/127\.0\.0\.1:\d+\/\n/);
    expect(ran.code).toBe(0);
  });

  it('nnc serve DIR serves a folder; a folder that is not there is a usage error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.html'), '<p>built</p>');
    const ran = await whileServing(['serve', dir], async (url) => {
      expect(await (await fetch(url)).text()).toBe('<p>built</p>');
    });
    expect(ran.code).toBe(0);
    const missing = await nnc(['serve', join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error NNC7002: '.*nope' is not a folder: give the folder nnc build --target web -o wrote\n/);
  });
});
