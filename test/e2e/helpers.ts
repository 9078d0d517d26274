// Running whole .nn programs in tests: check, then run every statement, capturing what is printed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSource, readSource } from '../../compiler/frontend.js';
import { renderDiagnostics } from '../../base/diagnostics/render.js';
import { SourceFile } from '../../base/source.js';
import { selectBackend, closeBackend, type Backend } from '../../runtime/backend.js';
import { runProgram, type StatementResult } from '../../runtime/run-program.js';
import { repoRoot, sharedDataset } from '../helpers/shared.js';

export interface Ran {
  results: StatementResult[];
  printed: string;
  outDir: string;
}

/** A --data override pointing an example's dataset at its CSV in ../shared/datasets. */
export function sharedData(name: 'pima' | 'iris' | 'housing'): Map<string, string> {
  const file = { pima: 'pima-indians-diabetes.csv', iris: 'iris.csv', housing: 'housing.csv' }[name];
  return new Map([[name, sharedDataset(file)]]);
}

export function example(name: string): string {
  return join(repoRoot, 'examples', name);
}

export async function runNn(pathOrSource: string | SourceFile, options: { backend?: Backend; seed?: number; data?: Map<string, string> } = {}): Promise<Ran> {
  const source = typeof pathOrSource === 'string' ? readSource(pathOrSource) : pathOrSource;
  const checked = checkSource(source, { mode: 'run', dataOverrides: options.data ?? new Map() });
  if (!checked.program) throw new Error(renderDiagnostics(checked.diagnostics));
  const outDir = mkdtempSync(join(tmpdir(), 'nnc-e2e-'));
  let printed = '';
  const backend = options.backend ?? (await selectBackend('cpu'));
  try {
    const results = await runProgram(checked.program, {
      backend,
      seed: options.seed ?? 0,
      verbose: 2,
      outDir,
      data: checked.data,
      stdout: { write: (t) => (printed += t), isTTY: false },
    });
    return { results, printed, outDir };
  } finally {
    if (!options.backend) closeBackend(backend);
  }
}

export function fitHistory(ran: Ran, n = 0) {
  const fits = ran.results.filter((r) => r.history);
  return fits[n]!.history!;
}

export function evaluation(ran: Ran, n = 0) {
  return ran.results.filter((r) => r.evaluation)[n]!.evaluation!;
}
