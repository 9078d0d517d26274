// The CPU's faster forms of the plan's operations, each giving the bits of the plain loops:
// comparisons as +(a > b).
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import type { Plan } from '../../compiler/plan/ir.js';
import { PlanCompiler } from '../../runtime/cpu/codegen.js';
import { imageCases } from '../core/image-cases.js';

function trainPlan(): Plan {
  return compileModel(imageCases[0]!.model, imageCases[0]!.config).plan;
}

describe('the fast forms are used', () => {
  it('comparisons are numbers, not branches: +(a === b)', () => {
    const plan = trainPlan();
    const compiler = new PlanCompiler(plan, { simd: false });
    const eq = plan.schedules.train.kernels.filter((k) => k.kind === 'map' && k.name.includes('grad.eq'));
    expect(eq.length).toBe(2);
    for (const k of eq) {
      expect(compiler.source(k)).toMatch(/\+\(b\d+\[[^\]]*\] === b\d+\[/);
      expect(compiler.source(k)).not.toContain('? 1 : 0');
    }
  });
});
