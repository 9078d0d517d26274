// The plan-to-plan passes, in the order the driver runs them. Each lives in its own file.
import { eliminateDeadStores } from './eliminate-dead-stores.js';
import { fuseElementwise } from './fuse-elementwise.js';
import { fuseEpilogues } from './fuse-epilogues.js';
import { fuseReductions } from './fuse-reductions.js';
import { fuseUpdates } from './fuse-updates.js';
import { inlineScalars } from './inline-scalars.js';
import type { Plan } from './plan/ir.js';

export interface PlanPass {
  name: string;
  run: (plan: Plan) => Plan;
}

export const planPasses: PlanPass[] = [
  { name: 'inlineScalars', run: inlineScalars },
  { name: 'fuseElementwise', run: fuseElementwise },
  { name: 'fuseEpilogues', run: fuseEpilogues },
  { name: 'fuseReductions', run: fuseReductions },
  { name: 'eliminateDeadStores', run: eliminateDeadStores },
  { name: 'fuseUpdates', run: fuseUpdates },
];
