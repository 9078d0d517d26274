// Strategy 'single-workgroup': the whole step — every kernel as a phase, phases separated by
// barriers — in one workgroup, looping over the steps of a chunk inside the shader: one dispatch
// per chunk (an epoch, typically). For small models this removes all per-kernel dispatch cost.
import type { Kernel, StepKind } from '../../plan/ir.js';
import { add, arrayOf, f32, lit, min, mul, sub } from '../builder.js';
import type { BodyEmitter, StepValues } from '../body.js';
import { phase, reductionSlots } from './phases.js';
import { reductionWidth, workgroupWidth, type EmitLimits } from '../limits.js';
import type { LoopNest } from '../loops.js';
import { finish, moduleFor, ONE, type EmittedKernel } from '../module.js';

export function singleWorkgroup(e: BodyEmitter, limits: EmitLimits, step: StepKind, kernels: Kernel[]): EmittedKernel {
  const ctx = moduleFor(kernels);
  const { m } = ctx;
  const slots = Math.max(0, ...kernels.map(reductionSlots));
  const width = slots > 0 ? reductionWidth(limits, slots) : workgroupWidth(limits);
  const scratch = slots > 0 ? m.workgroupVar('partials', arrayOf(f32, width * slots)) : null;
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
