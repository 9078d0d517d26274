// A reduction with one invocation per result, walking its reduced elements in order (a row's
// softmax statistics and loss, an argmax).
import type { ReduceKernel } from '../../plan/ir.js';
import { lit, lt, type Block, type Expr } from '../builder.js';
import { stepValues, type BodyEmitter, type StepValues } from '../body.js';
import { workgroupWidth, type EmitLimits } from '../limits.js';
import { passesOver } from '../loops.js';
import { ONE, type DispatchDim, type Member, type MemberBody, type ModuleContext } from '../module.js';
import { accumulate, accumulators, inputPlace, outputPlace, reductionAxes, sizes } from './reduce.js';

/** Result `o`: its reductions over the reduced elements in row-major order, then the epilogue. */
export function reduceLine(e: BodyEmitter, ctx: ModuleContext, b: Block, k: ReduceKernel, v: StepValues, o: Expr): void {
  const { reduced } = reductionAxes(k);
  const { accs, best } = accumulators(b, k);
  e.loops.for(b, passesOver(sizes(k, reduced), 1), 'r', lit.u32(0), e.count(sizes(k, reduced), v), (b, r) => accumulate(e, ctx, b, k, v, inputPlace(b, k, o, r), accs, best, r));
  e.body(ctx, b, k.epilogue, outputPlace(b, k, o, accs), v);
}

/** The number of results. */
export function resultCount(e: BodyEmitter, k: ReduceKernel, v: StepValues): Expr {
  return e.count(sizes(k, reductionAxes(k).kept), v);
}

export function reduceLineMember(e: BodyEmitter, ctx: ModuleContext, limits: EmitLimits, name: string, k: ReduceKernel): Member {
  const width = Math.min(64, workgroupWidth(limits));
  const body: MemberBody = (b, { gid }) => {
    const v = stepValues(ctx, b);
    b.if(lt(gid.x, resultCount(e, k, v)), (b) => reduceLine(e, ctx, b, k, v, gid.x));
  };
  const kept = sizes(k, reductionAxes(k).kept);
  const fixed = kept.reduce<number>((n, d) => n * (typeof d === 'number' ? d : 1), 1);
  const x: DispatchDim = kept.includes('B') ? { perRow: fixed, fixed: 0, per: width } : { perRow: 0, fixed, per: width };
  return { name, size: [width, 1, 1], dispatch: { x, y: ONE }, kernel: k, body };
}

/** As a phase of the single-workgroup shader: invocation t does results t, t + width, ... */
export function reduceLinePhase(e: BodyEmitter, ctx: ModuleContext, b: Block, k: ReduceKernel, v: StepValues, t: Expr, width: number): void {
  e.loops.for(b, passesOver(sizes(k, reductionAxes(k).kept), width), 'o', t, resultCount(e, k, v), (b, o) => reduceLine(e, ctx, b, k, v, o), lit.u32(width));
}
