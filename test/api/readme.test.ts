// The library example in docs/cli.md (the README's) runs as written: its TypeScript is taken from
// the document, transpiled, and run against this repository's index.ts, with only its output file
// and its printing redirected.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterEach, expect, test, vi } from 'vitest';
import { haveSharedData, repoRoot } from '../helpers/shared.js';
import { tempDir } from '../cli/helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function librarySnippet(): string {
  const doc = readFileSync(resolve(repoRoot, 'docs/cli.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## The library'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('docs/cli.md has no ```ts block under "## The library"');
  return match[1]!;
}

test.runIf(haveSharedData())('the library example in docs/cli.md runs and prints what its comments say', async () => {
  const dir = tempDir();
  let code = librarySnippet();
  expect(code).toContain("from 'nnc'");
  code = code
    .replace("from 'nnc'", `from ${JSON.stringify(resolve(repoRoot, 'index.ts'))}`)
    .replace("'diabetes.safetensors'", JSON.stringify(join(dir, 'diabetes.safetensors')))
    .replace('verbose: 1,', 'verbose: 1, stdout: (globalThis as any).readmeStdout,');
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = join(dir, 'readme-example.mjs');
  writeFileSync(file, js);

  let printed = '';
  (globalThis as { readmeStdout?: unknown }).readmeStdout = { write: (t: string) => (printed += t) };
  const logged: unknown[][] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
  await import(/* @vite-ignore */ file);

  expect(printed).toMatch(/^Epoch 1\/100\n62\/62 ━━━━━━━━━━━━━━━━━━━━ \d+s \d+(us|ms|s)\/step - accuracy: \d\.\d{4} - loss: \d+\.\d{4} - val_accuracy: /);
  expect(printed).toContain('Restoring model weights from the end of the best epoch:');
  expect(logged).toHaveLength(3);
  expect(typeof logged[0]![0]).toBe('number'); // the last val_loss
  const [classes, values] = logged[1] as [number[], Float32Array];
  expect(classes).toEqual([1]); // as the comment in the example says
  expect(values).toBeInstanceOf(Float32Array);
  expect(values[0]).toBeGreaterThan(0.5);
  expect(logged[2]![0]).toMatch(/^probability,class\n0\.\d+,1\n$/);
  expect(existsSync(join(dir, 'diabetes.safetensors'))).toBe(true);
});
