// A reduction with many invocations per result, as a bias gradient sums down the batch: a
// workgroup takes COLS results, its LANES invocations per result take reduced elements lane,
// lane + LANES, ... (neighbouring invocations on neighbouring results of an element), then a tree
// over the lanes in workgroup memory, and lane 0 runs the epilogue. One invocation per result
// would walk a whole batch alone.
import type { ReduceKernel } from '../../plan/ir.js';
import { add, and, arrayOf, eq, f32, lit, lt, max, mul, type Expr } from '../builder.js';
import { stepValues, type BodyEmitter } from '../body.js';
import { workgroupWidth, type EmitLimits } from '../limits.js';
import { passesOver } from '../loops.js';
import { ONE, type DispatchDim, type Member, type MemberBody, type ModuleContext } from '../module.js';
import { accumulate, accumulators, inputPlace, outputPlace, reductionAxes, sizes } from './reduce.js';
import { resultCount } from './reduce-line.js';

const COLS = 4;

export function reduceColumnsMember(e: BodyEmitter, ctx: ModuleContext, limits: EmitLimits, name: string, k: ReduceKernel): Member {
  let lanes = 1;
  while (lanes * 2 * COLS <= workgroupWidth(limits) && lanes < 64 && lanes * 2 * COLS * k.reductions.length * 4 <= limits.maxComputeWorkgroupStorageSize) lanes *= 2;
  const n = k.reductions.length;
  const scratch = ctx.m.workgroupVar(ctx.prefix + 'partials', arrayOf(f32, lanes * COLS * n)); // [reduction][lane][result]
  const slot = (r: number, lane: Expr, c: Expr) => add(lit.u32(r * lanes * COLS), add(mul(lane, lit.u32(COLS)), c));
  const { reduced, kept } = reductionAxes(k);
  const body: MemberBody = (b, { wid, lid, nwg }) => {
    const v = stepValues(ctx, b);
    // the flat workgroup index: the runtime splits a long x over y (maxComputeWorkgroupsPerDimension)
    const o = b.let('col', add(mul(add(mul(wid.y, nwg.x), wid.x), lit.u32(COLS)), lid.x));
    const count = resultCount(e, k, v);
    const { accs } = accumulators(b, k);
    b.if(lt(o, count), (b) => {
      e.loops.for(b, passesOver(sizes(k, reduced), lanes), 'r', lid.y, e.count(sizes(k, reduced), v), (b, r) => accumulate(e, ctx, b, k, v, inputPlace(b, k, o, r), accs, [], r), lit.u32(lanes));
    });
    k.reductions.forEach((_, m) => b.assign(scratch.at(slot(m, lid.y, lid.x)), accs[m]!));
    b.workgroupBarrier();
    for (let half = lanes >> 1; half >= 1; half >>= 1) {
      b.if(lt(lid.y, lit.u32(half)), (b) => {
        k.reductions.forEach((r, m) => {
          const here = scratch.at(slot(m, lid.y, lid.x));
          const there = scratch.at(slot(m, add(lid.y, lit.u32(half)), lid.x));
          b.assign(here, r.op === 'sum' ? add(here, there) : max(here, there));
        });
      });
      b.workgroupBarrier();
    }
    b.if(and(eq(lid.y, lit.u32(0)), lt(o, count)), (b) => {
      const totals = k.reductions.map((_, m) => b.let(`total${m}`, scratch.at(slot(m, lit.u32(0), lid.x))));
      e.body(ctx, b, k.epilogue, outputPlace(b, k, o, totals), v);
    });
  };
  const keptSizes = sizes(k, kept);
  const fixed = keptSizes.reduce<number>((n, d) => n * (typeof d === 'number' ? d : 1), 1);
  const x: DispatchDim = keptSizes.includes('B') ? { perRow: fixed, fixed: 0, per: COLS } : { perRow: 0, fixed, per: COLS };
  return { name, size: [COLS, lanes, 1], dispatch: { x, y: ONE }, kernel: k, body };
}
