// Strategy 'single-workgroup': the whole step — every kernel as a phase, phases separated by
// barriers — in one workgroup, looping over the steps of a chunk inside the shader: one dispatch
// per chunk (an epoch, typically). For small models this removes all per-kernel dispatch cost.
//
// Where the arena fits in workgroup memory beside the reductions' partial sums, the shader copies
// it there at the start, runs every step on that copy and copies it back at the end: a step is a
// chain of phases, each reading what the one before wrote, and workgroup memory answers in tens of
// cycles where device memory takes hundreds (the GPU's small-model floor, issue 14).
import type { Kernel, StepKind } from '../../plan/ir.js';
import { add, arrayOf, f32, lit, min, mul, sub, type Block, type Expr } from '../builder.js';
import type { BodyEmitter, StepValues } from '../body.js';
import { phase, reductionSlots } from './phases.js';
import { reductionWidth, workgroupWidth, type EmitLimits } from '../limits.js';
import { loopPasses, passesOver, type LoopNest } from '../loops.js';
import { finish, moduleFor, ONE, type EmittedKernel, type ModuleContext } from '../module.js';

export interface SingleWorkgroupOptions {
  /** Keep the arena in workgroup memory when it fits (default true; false: the profile's comparison). */
  workgroupArena?: boolean;
}

export function singleWorkgroup(e: BodyEmitter, limits: EmitLimits, step: StepKind, kernels: Kernel[], options: SingleWorkgroupOptions = {}): EmittedKernel {
  const ctx = moduleFor(kernels);
  const { m } = ctx;
  const slots = Math.max(0, ...kernels.map(reductionSlots));
  const width = slots > 0 ? reductionWidth(limits, slots) : workgroupWidth(limits);
  const scratch = slots > 0 ? m.workgroupVar('partials', arrayOf(f32, width * slots)) : null;
  const arenaSize = e.memory.arenaSize;
  const local = (options.workgroupArena ?? true) && (arenaSize + width * slots) * 4 <= limits.maxComputeWorkgroupStorageSize;
  const arena = local ? m.workgroupVar('local_arena', arrayOf(f32, arenaSize)) : ctx.arena;
  const inner: ModuleContext = { ...ctx, arena };
  // the step loop is not recorded: stepsPerDispatch bounds its passes
  let stepLoops: LoopNest[] = [];
  let copyLoops: LoopNest[] = [];
  m.compute('main', [width, 1, 1], (b, { lid }) => {
    const t = lid.x;
    const s0 = ctx.step;
    const copy = (b: Block, from: Expr, to: Expr) => e.loops.for(b, passesOver([arenaSize], width), 'i', t, lit.u32(arenaSize), (b, i) => b.assign(to.at(i), from.at(i)), lit.u32(width));
    if (local) {
      copyLoops = e.loops.of(() => copy(b, ctx.arena, arena));
      b.workgroupBarrier();
    }
    b.for('s', lit.u32(0), s0.field('count'), (b, s) => {
      const offset = b.let('offset', add(s0.field('offset'), mul(s, s0.field('batch'))));
      const rows = b.let('rows', min(s0.field('batch'), sub(s0.field('total'), offset)));
      const values: StepValues = { offset, rows, step: b.let('t', add(s0.field('step'), s)), seed: s0.field('seed') };
      stepLoops = e.loops.of(() =>
        kernels.forEach((k) => {
          b.comment(`${k.name}`);
          phase(e, inner, b, k, values, t, width, scratch);
          // every phase reads what earlier ones wrote, and the next step reads this one's updates
          if (!local) b.storageBarrier();
          b.workgroupBarrier();
        }),
      );
    });
    if (local) copyLoops.push(...e.loops.of(() => copy(b, arena, ctx.arena)));
  });
  // the copies run once per dispatch, as the zero-initialization does
  const setupPasses = loopPasses(copyLoops, 0);
  const emitted = finish(ctx, limits, e.memory.maxRows, `${step}.step`, [width, 1, 1], { x: ONE, y: ONE }, kernels, stepLoops, true, setupPasses);
  return local ? { ...emitted, arenaInWorkgroup: true } : emitted;
}
