// A reduction of everything to one value: strided partials per invocation, then a tree in
// workgroup memory; invocation 0 runs the epilogue.
import { elementCount } from '../../graph/shape.js';
import type { ReduceKernel } from '../../plan/ir.js';
import { add, arrayOf, eq, f32, lit, lt, max, type Block, type Expr } from '../builder.js';
import { stepValues, type BodyEmitter, type StepValues } from '../body.js';
import { reductionWidth, type EmitLimits } from '../limits.js';
import { passesOver } from '../loops.js';
import { ONE, type Member, type MemberBody, type ModuleContext } from '../module.js';
import { accumulate, accumulators, outputPlace } from './reduce.js';

export function reduceAll(e: BodyEmitter, ctx: ModuleContext, b: Block, k: ReduceKernel, v: StepValues, t: Expr, width: number, scratch: Expr): void {
  if (k.reductions.some((r) => r.op === 'argmax')) throw new Error('emit: argmax over all elements is not supported');
  const { accs } = accumulators(b, k);
  e.loops.for(b, passesOver(k.space, width), 'e', t, e.count(k.space, v), (b, x) => {
    accumulate(e, ctx, b, k, v, { idx: e.coords(b, x, k.space), space: k.space, lets: new Map(), accs: [] }, accs, [], x);
  }, lit.u32(width));
  k.reductions.forEach((_, n) => b.assign(scratch.at(add(lit.u32(n * width), t)), accs[n]!));
  b.workgroupBarrier();
  // Invocations past the space's largest size took no element: the tree starts at the smallest
  // power of two that covers it (a batch of 10 rows: 4 levels, not 8), with the same sums.
  for (let half = treeTop(elementCount(k.space, e.memory.maxRows), width) >> 1; half >= 1; half >>= 1) {
    b.if(lt(t, lit.u32(half)), (b) => {
      k.reductions.forEach((r, n) => {
        const here = scratch.at(add(lit.u32(n * width), t));
        const there = scratch.at(add(lit.u32(n * width + half), t));
        b.assign(here, r.op === 'sum' ? add(here, there) : max(here, there));
      });
    });
    b.workgroupBarrier();
  }
  b.if(eq(t, lit.u32(0)), (b) => {
    const finals = k.reductions.map((_, n) => b.let(`total${n}`, scratch.at(lit.u32(n * width))));
    e.body(ctx, b, k.epilogue, outputPlace(b, k, lit.u32(0), finals), v);
  });
}

/** The smallest power of two at least `elements`, at most `width` (itself a power of two). */
export function treeTop(elements: number, width: number): number {
  let top = 1;
  while (top < elements && top < width) top *= 2;
  return top;
}

export function reduceAllMember(e: BodyEmitter, ctx: ModuleContext, limits: EmitLimits, name: string, k: ReduceKernel): Member {
  const width = reductionWidth(limits, k.reductions.length);
  const scratch = ctx.m.workgroupVar(ctx.prefix + 'partials', arrayOf(f32, width * k.reductions.length));
  const body: MemberBody = (b, { lid }) => reduceAll(e, ctx, b, k, stepValues(ctx, b), lid.x, width, scratch);
  return { name, size: [width, 1, 1], dispatch: { x: ONE, y: ONE }, kernel: k, body };
}
