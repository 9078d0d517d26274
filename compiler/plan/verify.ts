// The plan verifier: every kernel's spaces and views are well formed and in bounds, every
// expression names what exists where it is evaluated, every temporary a step reads was written
// earlier in that step, and no fused kernel reads, at another element, what it writes (a race
// between invocations). Run after every plan pass in the tests and by `nnc graph --verify` and
// `nnc build --verify`; a problem names the step, the kernel and the rule.
import { coordRange, LOOP_AXIS } from '../graph/index-map.js';
import { isSymbolic, reducedShape, rowSize, sameShape, shapeText, type Dim, type Shape } from '../graph/shape.js';
import { kernelExprs, kernelOperands, visitExpr } from './expr.js';
import type { Body, Expr, Kernel, LoopKernel, Plan, View } from './ir.js';
import { isIdentity } from './view.js';

/** Problems found, one line each; empty when the plan is well formed. */
export function verifyPlan(plan: Plan): string[] {
  const problems: string[] = [];
  plan.buffers.forEach((b, id) => {
    if (b.id !== id) problems.push(`buffer ${b.name}: at position ${id} with id ${b.id}`);
    if (b.shape.slice(1).some(isSymbolic)) problems.push(`buffer ${b.name}: only the first dimension may be B or N (${shapeText(b.shape)})`);
  });
  for (const step of ['train', 'evaluate', 'predict'] as const) {
    const written = new Set<number>();
    plan.schedules[step].kernels.forEach((k, n) => {
      const say = (why: string) => problems.push(`${step} k${n} ${k.name}: ${why}`);
      checkKernel(plan, k, say);
      // a loop reads what its own earlier steps wrote (at t = 0, masked)
      if (k.kind === 'loop') for (const s of storesOf(k)) written.add(s.buf);
      // temporaries are values of this step: read only after a kernel of this step wrote them
      for (const { expr } of kernelExprs(k)) {
        visitExpr(expr, (e) => {
          if (e.k === 'load' && plan.buffers[e.buf]?.role === 'temp' && !written.has(e.buf)) say(`reads ${plan.buffers[e.buf]!.name} before any kernel of the step writes it`);
        });
      }
      for (const o of k.kind === 'loop' ? [] : kernelOperands(k)) if (plan.buffers[o.buf]?.role === 'temp' && !written.has(o.buf)) say(`reads ${plan.buffers[o.buf]!.name} before any kernel of the step writes it`);
      for (const s of storesOf(k)) written.add(s.buf);
    });
  }
  return problems;
}

function storesOf(k: Kernel): Body['stores'] {
  if (k.kind === 'loop') return k.body.flatMap(storesOf);
  return k.kind === 'map' ? k.segments.flatMap((s) => s.body.stores) : k.epilogue.stores;
}

/** Steps of the loop being checked (coordinates on LOOP_AXIS range over them); 0 outside loops. */
let loopSteps = 0;

function checkKernel(plan: Plan, k: Kernel, say: (why: string) => void): void {
  const space = (s: Shape, what: string) => {
    if (s.slice(1).some(isSymbolic) && k.kind !== 'contract') say(`${what} ${shapeText(s)}: only the first axis may be B`);
  };
  switch (k.kind) {
    case 'loop':
      if (k.steps < 1) say(`a loop of ${k.steps} steps`);
      loopSteps = k.steps;
      try {
        k.body.forEach((inner, n) => checkKernel(plan, inner, (why) => say(`body k${n} ${inner.name}: ${why}`)));
      } finally {
        loopSteps = 0;
      }
      return;
    case 'map':
      if (k.segments.length === 0) say('a map with no segments');
      for (const s of k.segments) {
        space(s.space, 'space');
        checkBody(plan, s.body, s.space, [], say);
      }
      hazards(plan, k, say);
      return;
    case 'contract': {
      const all: Shape = [...k.space, ...k.inner];
      space(k.space, 'space');
      checkView(plan, k.a.buf, k.a.view, all, 'operand a', say);
      checkView(plan, k.b.buf, k.b.view, all, 'operand b', say);
      checkBody(plan, k.epilogue, k.space, ['acc'], say);
      for (const s of k.epilogue.stores) if (s.buf === k.a.buf || s.buf === k.b.buf) say(`writes ${plan.buffers[s.buf]!.name}, which its sums read`);
      hazards(plan, k, say);
      return;
    }
    case 'gather': {
      space(k.space, 'space');
      const table = plan.buffers[k.table];
      if (!table || table.shape.length !== 2 || table.shape[1] !== k.space.at(-1)) say(`the table ${table?.name ?? k.table} is not [rows, ${String(k.space.at(-1))}]`);
      checkView(plan, k.index.buf, k.index.view, k.space, 'index', say);
      checkBody(plan, k.epilogue, k.space, ['acc'], say);
      for (const s of k.epilogue.stores) if (s.buf === k.table || s.buf === k.index.buf) say(`writes ${plan.buffers[s.buf]!.name}, which it reads`);
      hazards(plan, k, say);
      return;
    }
    case 'segment_sum': {
      space(k.space, 'space');
      if (k.space.length !== 2 || isSymbolic(k.space[0]!)) say(`a segment sum's space is [rows, width], not ${shapeText(k.space)}`);
      checkView(plan, k.index.buf, k.index.view, k.positions, 'index', say);
      checkView(plan, k.values.buf, k.values.view, [...k.positions, k.space.at(-1)!], 'values', say);
      checkBody(plan, k.epilogue, k.space, ['acc'], say);
      for (const s of k.epilogue.stores) if (s.buf === k.index.buf || s.buf === k.values.buf) say(`writes ${plan.buffers[s.buf]!.name}, which it reads`);
      hazards(plan, k, say);
      return;
    }
    case 'reduce': {
      space(k.space, 'space');
      if (k.axes.length === 0 || k.axes.some((a, n) => a < 0 || a >= k.space.length || (n > 0 && a <= k.axes[n - 1]!))) say(`axes ${k.axes.join(',')} of a rank-${k.space.length} space`);
      const lets = new Set<string>();
      for (const l of k.prologue) {
        checkExpr(plan, l.value, k.space, lets, 0, say);
        lets.add(l.name);
      }
      for (const r of k.reductions) checkExpr(plan, r.value, k.space, lets, 0, say);
      checkBody(plan, k.epilogue, reducedShape(k.space, k.axes), k.reductions.map(() => 'acc'), say);
      // the epilogue writes while other invocations still read the inputs: never what they read
      const inputs = new Set<number>();
      for (const e of [...k.prologue.map((l) => l.value), ...k.reductions.map((r) => r.value)]) visitExpr(e, (x) => x.k === 'load' && inputs.add(x.buf));
      for (const s of k.epilogue.stores) if (inputs.has(s.buf)) say(`writes ${plan.buffers[s.buf]!.name}, which its reductions read`);
      hazards(plan, k, say);
      return;
    }
  }
}

/** Lets defined before use, accumulators that exist, views that fit, stores to writable buffers. */
function checkBody(plan: Plan, body: Body, space: Shape, accs: string[], say: (why: string) => void): void {
  const lets = new Set<string>();
  for (const l of body.lets) {
    checkExpr(plan, l.value, space, lets, accs.length, say);
    if (lets.has(l.name)) say(`let ${l.name} is defined twice`);
    lets.add(l.name);
  }
  for (const s of body.stores) {
    checkExpr(plan, s.value, space, lets, accs.length, say);
    const b = plan.buffers[s.buf];
    if (!b) {
      say(`stores to buffer ${s.buf}, which does not exist`);
      continue;
    }
    if (b.role === 'features' || b.role === 'labels' || b.role === 'permutation') say(`stores to ${b.name}, which is read-only`);
    checkView(plan, s.buf, s.view, space, `store to ${b.name}`, say);
  }
}

function checkExpr(plan: Plan, e: Expr, space: Shape, lets: Set<string>, accs: number, say: (why: string) => void): void {
  visitExpr(e, (x) => {
    if (x.k === 'let' && !lets.has(x.name)) say(`uses let ${x.name} before it is defined`);
    if (x.k === 'acc' && x.index >= accs) say(`uses acc${x.index}, which does not exist here`);
    if (x.k === 'index' && (x.axis < 0 || x.axis >= space.length)) say(`uses the index of axis ${x.axis} of a rank-${space.length} space`);
    if (x.k === 'load') {
      const b = plan.buffers[x.buf];
      if (!b) say(`loads buffer ${x.buf}, which does not exist`);
      else checkView(plan, x.buf, x.view, space, `load of ${b.name}`, say);
    }
  });
}

/** A view of a buffer over an iteration space: as many elements, one coordinate per axis, in bounds. */
function checkView(plan: Plan, buf: number, view: View, space: Shape, what: string, say: (why: string) => void): void {
  const b = plan.buffers[buf];
  if (!b) return say(`${what}: buffer ${buf} does not exist`);
  const dataset = b.role === 'features' || b.role === 'labels';
  if (dataset !== (view.rows === 'gather')) say(`${what}: ${dataset ? 'the dataset is read through the permutation' : 'only the dataset is read through the permutation'}`);
  if ((b.role === 'output') !== (view.rows === 'window')) say(`${what}: ${b.role === 'output' ? "predict's output is written at the step's rows" : "only predict's output is written at the step's rows"}`);
  if (view.coords.length !== view.shape.length) say(`${what}: ${view.coords.length} coordinates for a rank-${view.shape.length} view`);
  const symbolic = isSymbolic(b.shape[0]!);
  if (symbolic !== isSymbolic(view.shape[0]!) || rowSize(b.shape) * (symbolic ? 1 : (b.shape[0] as number)) !== rowSize(view.shape) * (symbolic ? 1 : (view.shape[0] as number))) {
    say(`${what}: a ${shapeText(view.shape)} view of a ${shapeText(b.shape)} buffer`);
  }
  const sizes = space.map((d) => (typeof d === 'number' ? d : 1));
  view.coords.forEach((c, d) => {
    for (const [axis] of c.terms) {
      if (axis === LOOP_AXIS ? loopSteps === 0 : axis < 0 || axis >= space.length) say(`${what}: coordinate ${d} uses ${axis === LOOP_AXIS ? 'the loop step outside a loop' : `axis ${axis} of a rank-${space.length} space`}`);
    }
    const size: Dim = view.shape[d]!;
    if (isSymbolic(size)) {
      const axis = c.terms.length === 1 && c.terms[0]![1] === 1 && c.bias === 0 ? c.terms[0]![0] : -1;
      if (axis < 0 || !isSymbolic(space[axis]!)) say(`${what}: the ${size} coordinate must be a batch index`);
      return;
    }
    if (c.masked) return;
    const [lo, hi] = coordRange(c, sizes, Math.max(1, loopSteps));
    if (lo < 0 || hi >= size) say(`${what}: coordinate ${d} ranges over [${lo}, ${hi}], outside [0, ${size}) and not masked`);
  });
}

/**
 * A fused kernel's invocations run at once: none may read, at another element, a buffer the kernel
 * writes (a map reading its own output elsewhere; a contraction's or reduction's epilogue writing
 * what the body reads is caught above).
 */
function hazards(plan: Plan, k: Exclude<Kernel, LoopKernel>, say: (why: string) => void): void {
  const bodies: Array<{ body: Body; space: Shape }> =
    k.kind === 'map' ? k.segments.map((s) => ({ body: s.body, space: s.space })) : [{ body: k.epilogue, space: k.kind === 'reduce' ? reducedShape(k.space, k.axes) : k.space }];
  const writes = new Map<number, { view: View; space: Shape }>();
  for (const { body, space } of bodies) {
    for (const s of body.stores) {
      // two stores of one buffer: the same element of one space, or parts it is cut into (a
      // recurrence's gate gradients) where neither is the element itself
      const other = writes.get(s.buf);
      const here = isIdentity(s.view, space);
      if (other && (here || isIdentity(other.view, other.space)) && !(here && sameShape(other.space, space) && isIdentity(other.view, other.space))) say(`writes ${plan.buffers[s.buf]!.name} from two places`);
      writes.set(s.buf, { view: s.view, space });
    }
  }
  for (const { body, space } of bodies) {
    const exprs = [...body.lets.map((l) => l.value), ...body.stores.map((s) => s.value)];
    for (const e of exprs) {
      visitExpr(e, (x) => {
        if (x.k !== 'load') return;
        const w = writes.get(x.buf);
        if (w && !(isIdentity(x.view, space) && isIdentity(w.view, w.space) && sameShape(space, w.space))) say(`reads ${plan.buffers[x.buf]!.name} at another element than it writes it (a race)`);
      });
    }
  }
}
