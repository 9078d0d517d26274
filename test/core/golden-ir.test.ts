// The IR of every example after each stage, pinned as golden text (the format `nnc graph` prints):
// the graphs after autodiff and the optimizer, the plan as lowered, and the plan after fusion.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { buildProgram } from '../../compiler/build.js';
import { checkSource, readSource } from '../../compiler/frontend.js';
import { expectGolden } from '../helpers/golden.js';
import { repoRoot } from '../helpers/shared.js';

const dir = join(repoRoot, 'examples');
const stages = ['applyOptimizer', 'lowerToPlan', 'fuseUpdates'] as const;

describe('golden IR of the examples', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.nn')).sort()) {
    it(file, () => {
      const { program } = checkSource(readSource(join(dir, file)), { mode: 'check' });
      const dumps = new Map<string, string[]>();
      buildProgram(program!, {
        verify: true,
        dump: (pass, text) => {
          if ((stages as readonly string[]).includes(pass)) dumps.set(pass, [...(dumps.get(pass) ?? []), text]);
        },
      });
      for (const stage of stages) {
        const name = stage === 'applyOptimizer' ? 'graph' : stage === 'lowerToPlan' ? 'plan' : 'plan.fused';
        expectGolden(dumps.get(stage)!.join('\n'), join(import.meta.dirname, 'golden', `${file.replace(/\.nn$/, '')}.${name}.txt`));
      }
    });
  }
});
