// Running the nnc command in tests: in-process through main() with captured output (fast, no
// build needed), or as a real process through bin/nnc.js (signals, exit codes) when the bundle (dist/nnc-cli.cjs) is built.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../cli/main.js';
import { repoRoot, sharedDataset } from '../helpers/shared.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `nnc ARGV...` in this process, as a terminal when `tty` (the bar is redrawn in place). */
export async function nnc(argv: string[], options: { tty?: boolean; onStdout?: (text: string) => void } = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
      options.onStdout?.(t);
    },
    stderr: (t) => (stderr += t),
    isTTY: () => options.tty === true,
  });
  return { code, stdout, stderr };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh empty folder, removed after the test file. */
export function tempDir(prefix = 'nnc-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Every file under `dir`, relative and sorted ([] when it does not exist). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Output with what changes from run to run replaced: times per step, elapsed seconds and ETAs,
 * and the given folders (temporary output folders) by a placeholder.
 */
export function maskTimes(text: string, folders: Record<string, string> = {}): string {
  let out = text;
  for (const [placeholder, folder] of Object.entries(folders)) out = out.split(folder).join(placeholder);
  return out
    .replace(/\b\d+(?:ms|us|s)\/step\b/g, '<t>/step')
    .replace(/━(\x1b\[0m)? (?:\d+:)?\d+(?::\d\d)?s? </g, '━$1 <s> <') // a bar's elapsed time or ETA, before the time per step
    .replace(/ - \d+s - </g, ' - <s> - <'); // verbose 2's elapsed time
}

/** A terminal's output as the user is left seeing it: each line's last redraw. Escapes shown as \e. */
export function finalFrames(text: string): string {
  return text
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1).trimEnd())
    .join('\n')
    .replace(/\x1b/g, '\\e');
}

/** The golden file for `name` in test/cli/golden. */
export function golden(name: string): string {
  return resolve(repoRoot, 'test/cli/golden', name);
}

export const examples = {
  pima: ['examples/pima.nn', '--data', `pima=${sharedDataset('pima-indians-diabetes.csv')}`],
  iris: ['examples/iris.nn', '--data', `iris=${sharedDataset('iris.csv')}`],
  housing: ['examples/housing.nn', '--data', `housing=${sharedDataset('housing.csv')}`],
  demo: ['examples/demo.nn'],
  tutorial: ['examples/tutorial.nn'],
} as const;

export const offlineExamples = ['demo', 'tutorial'] as const;
export const sharedExamples = ['pima', 'iris', 'housing'] as const;

/** The shared datasets' folder as printed in messages, masked in golden files. */
export const sharedFolder = resolve(sharedDataset('x'), '..');

/** Ends with a stack frame line: what must never reach a user for bad input. */
export const stackTrace = /\n\s+at .+:\d+:\d+\)?\n/;

export const fixture = (name: string) => `test/cli/fixtures/${name}`;
