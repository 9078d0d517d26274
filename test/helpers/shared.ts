// Where ../shared/datasets is, and whether tests that need it run or skip.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDatasets = resolve(repoRoot, '../shared/datasets');
export const inCI = process.env.CI === 'true';

/** True when the shared datasets are here. In CI their absence is a failure, not a skip. */
export function haveSharedData(): boolean {
  const present = existsSync(resolve(sharedDatasets, 'pima-indians-diabetes.csv'));
  if (!present && inCI) throw new Error(`CI=true but ${sharedDatasets} is missing`);
  if (!present) console.warn(`notice: ${sharedDatasets} not found; tests that need the shared datasets are skipped`);
  return present;
}

export function sharedDataset(file: string): string {
  return resolve(sharedDatasets, file);
}
