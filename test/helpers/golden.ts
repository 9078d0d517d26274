// Golden files: expected text kept beside its input. Compared exactly; rewritten only when
// NNC_UPDATE_GOLDEN=1 is set, so every change to expected output is a deliberate, reviewed diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export const updatingGolden = process.env.NNC_UPDATE_GOLDEN === '1';

export function expectGolden(actual: string, goldenPath: string): void {
  if (updatingGolden) {
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, actual);
    return;
  }
  if (!existsSync(goldenPath)) {
    throw new Error(`golden file ${goldenPath} is missing; run with NNC_UPDATE_GOLDEN=1 to create it, then review it`);
  }
  expect(actual).toBe(readFileSync(goldenPath, 'utf8'));
}
