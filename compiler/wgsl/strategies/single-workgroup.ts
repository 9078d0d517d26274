// Strategy 'single-workgroup': the whole step — every kernel as a phase, phases separated by
// barriers — in one workgroup, looping over the steps of a chunk inside the shader: one dispatch
// per chunk (an epoch, typically). For small models this removes all per-kernel dispatch cost.
import type { Kernel, StepKind } from '../../plan/ir.js';
import { add, arrayOf, f32, lit, min, mul, sub, type Block, type Expr } from '../builder.js';
import type { BodyEmitter, StepValues } from '../body.js';
import { contractPhase } from '../kernels/contract.js';
import { mapPhase } from '../kernels/map.js';
import { reduceAll } from '../kernels/reduce-all.js';
import { reduceLinePhase } from '../kernels/reduce-line.js';
import { reductionKind } from '../kernels/reduce.js';
import { reductionWidth, workgroupWidth, type EmitLimits } from '../limits.js';
import type { LoopNest } from '../loops.js';
import { finish, moduleFor, ONE, type EmittedKernel, type ModuleContext } from '../module.js';

export function singleWorkgroup(e: BodyEmitter, limits: EmitLimits, step: StepKind, kernels: Kernel[]): EmittedKernel {
  const ctx = moduleFor(kernels);
  const { m } = ctx;
  const all = (k: Kernel) => k.kind === 'reduce' && reductionKind(k) === 'all';
  const reductionSlots = Math.max(0, ...kernels.map((k) => (k.kind === 'reduce' && all(k) ? k.reductions.length : 0)));
  const width = reductionSlots > 0 ? reductionWidth(limits, reductionSlots) : workgroupWidth(limits);
  const scratch = reductionSlots > 0 ? m.workgroupVar('partials', arrayOf(f32, width * reductionSlots)) : null;
  // the step loop is not recorded: stepsPerDispatch bounds its passes
  let stepLoops: LoopNest[] = [];
  m.compute('main', [width, 1, 1], (b, { lid }) => {
    const t = lid.x;
    const s0 = ctx.step;
    b.for('s', lit.u32(0), s0.field('count'), (b, s) => {
      const offset = b.let('offset', add(s0.field('offset'), mul(s, s0.field('batch'))));
      const rows = b.let('rows', min(s0.field('batch'), sub(s0.field('total'), offset)));
      const values: StepValues = { offset, rows, step: b.let('t', add(s0.field('step'), s)), seed: s0.field('seed') };
      stepLoops = e.loops.of(() =>
        kernels.forEach((k) => {
          b.comment(`${k.name}`);
          phase(e, ctx, b, k, values, t, width, scratch);
          // every phase reads what earlier ones wrote, and the next step reads this one's updates
          b.storageBarrier();
          b.workgroupBarrier();
        }),
      );
    });
  });
  return finish(ctx, limits, e.memory.maxRows, `${step}.step`, [width, 1, 1], { x: ONE, y: ONE }, kernels, stepLoops, true);
}

/** One kernel as a phase: invocation t of `width` does elements t, t + width, ... */
function phase(e: BodyEmitter, ctx: ModuleContext, b: Block, k: Kernel, v: StepValues, t: Expr, width: number, scratch: Expr | null): void {
  switch (k.kind) {
    case 'map':
      return mapPhase(e, ctx, b, k, v, t, width);
    case 'contract':
      return contractPhase(e, ctx, b, k, v, t, width);
    case 'reduce':
      if (reductionKind(k) === 'all') return reduceAll(e, ctx, b, k, v, t, width, scratch!);
      return reduceLinePhase(e, ctx, b, k, v, t, width);
  }
}
