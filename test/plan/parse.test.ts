// The plan printer's text reads back into the same plan: every example's plan as lowered and as
// fused prints identically after a round trip through parsePlan (so pass tests can be written as
// plan text), and a malformed line is reported with its number.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelConfigs } from '../../compiler/build.js';
import { compileModel } from '../../compiler/driver.js';
import { checkSource, readSource } from '../../compiler/frontend.js';
import { parsePlan, PlanParseError } from '../../compiler/plan/parse.js';
import { printPlan } from '../../compiler/plan/print.js';
import { repoRoot } from '../helpers/shared.js';

const dir = join(repoRoot, 'examples');

describe('plan text round trip', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.nn')).sort()) {
    it(file, () => {
      const { program } = checkSource(readSource(join(dir, file)), { mode: 'check' });
      for (const { model, config } of modelConfigs(program!)) {
        const texts: string[] = [];
        compileModel(model, config, { dump: (pass, text) => pass !== 'lowerToGraph' && pass !== 'differentiate' && pass !== 'applyOptimizer' && texts.push(text) });
        expect(texts.length).toBe(7);
        for (const text of texts) expect(printPlan(parsePlan(text))).toBe(text);
      }
    });
  }

  it('reports a malformed line by its number', () => {
    const text = 'plan m {\n  buffers\n    x: f32[B, 2] temp\n  train: 1 kernel\n    k0 a: map [B, 2]\n      x[i,j] = nosuch(1)\n}\n';
    expect(() => parsePlan(text)).toThrow(PlanParseError);
    expect(() => parsePlan(text)).toThrow(/line 6: unknown function nosuch/);
  });
});
