// The plan's one text form: buffers, then each step's kernels with their expressions. Matrices
// print as they always have (`[i,j]`, `[0,j]`, `matmul [B, 12] inner 8 = x @ w`); other ranks name
// their indices i0, i1, ... and inner indices k0, k1, ... (parse.ts reads this text back).
import { axesText, formatNumber } from '../graph/print.js';
import { plainAxis } from '../graph/index-map.js';
import { shapeText, type Shape } from '../graph/shape.js';
import type { Body, ContractKernel, Expr, Kernel, Operand, Plan, PlanBuffer } from './ir.js';
import { indexName, viewText } from './view.js';

export function printPlan(plan: Plan, steps: ReadonlyArray<keyof Plan['schedules']> = ['train', 'evaluate', 'predict']): string {
  const lines = [`plan ${plan.model} {`, '  buffers'];
  for (const b of plan.buffers) lines.push('    ' + bufferLine(b));
  for (const step of steps) {
    const kernels = plan.schedules[step].kernels;
    lines.push(`  ${step}: ${kernels.length} kernel${kernels.length === 1 ? '' : 's'}`);
    kernels.forEach((k, i) => lines.push(...kernelLines(plan, k, i).map((l) => '    ' + l)));
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function bufferLine(b: PlanBuffer): string {
  let extra = '';
  if (b.init) extra = ` init=${b.init.initializer.name}`;
  else if (b.fill !== undefined && b.fill !== 0) extra = ` fill=${formatNumber(b.fill)}`;
  return `${b.name}: ${b.dtype}${shapeText(b.shape)} ${b.role}${extra}`;
}

export function bufferName(b: PlanBuffer): string {
  return b.role === 'temp' ? b.name.replace(/^\w+\//, '') : b.name;
}

/** Index names of a kernel's iteration axes: a space's, then (contractions) the inner ones k0, k1, ... */
function names(space: Shape, inner = 0): (axis: number) => string {
  const outer = indexName(space.length);
  if (inner === 0) return outer;
  const one = inner === 1 && space.length === 2;
  return (axis) => (axis < space.length ? outer(axis) : one ? 'k' : `k${axis - space.length}`);
}

export function kernelLines(plan: Plan, k: Kernel, index: number): string[] {
  const from = [...new Set(k.origins.map((o) => (o.span ? `${o.what} @${o.span.line}:${o.span.col}` : o.what)))].join(', ');
  const head = `k${index} ${k.name}`;
  const comment = from ? `  # ${from}` : '';
  const out: string[] = [];
  const body = (b: Body, space: Shape) => bodyLines(plan, b, names(space)).map((l) => '  ' + l);
  switch (k.kind) {
    case 'map':
      out.push(`${head}: map${k.segments.length > 1 ? ` ${k.segments.length} segments` : ''}${comment}`);
      for (const s of k.segments) {
        if (k.segments.length > 1) out.push(`  segment ${shapeText(s.space)}`);
        else out[0] = `${head}: map ${shapeText(s.space)}${comment}`;
        out.push(...body(s.body, s.space).map((l) => (k.segments.length > 1 ? '  ' + l : l)));
      }
      break;
    case 'contract':
      out.push(`${head}: ${contractText(plan, k)}${comment}`);
      out.push(...body(k.epilogue, k.space));
      break;
    case 'gather': {
      const n = names(k.space);
      out.push(`${head}: gather ${shapeText(k.space)} table=${name(plan, k.table)} index=${operandText(plan, k.index, n)}${comment}`);
      out.push(...body(k.epilogue, k.space));
      break;
    }
    case 'segment_sum':
      out.push(`${head}: segment_sum ${shapeText(k.space)} over ${shapeText(k.positions)} index=${operandText(plan, k.index, names(k.positions))} values=${operandText(plan, k.values, names([...k.positions, k.space.at(-1)!]))}${comment}`);
      out.push(...body(k.epilogue, k.space));
      break;
    case 'loop':
      out.push(`${head}: loop ${k.steps} steps${k.reverse ? ' reverse' : ''}${comment}`);
      k.body.forEach((inner, n) => out.push(...kernelLines(plan, inner, n).map((l) => '  ' + l)));
      break;
    case 'reduce': {
      const n = names(k.space);
      out.push(`${head}: reduce ${axesText(k.axes, k.space.length)} of ${shapeText(k.space)}${comment}`);
      for (const l of k.prologue) out.push(`  let ${l.name} = ${exprText(plan, l.value, n)}`);
      k.reductions.forEach((r, i) => out.push(`  acc${i} = ${r.op} ${exprText(plan, r.value, n)}`));
      out.push(...body(k.epilogue, k.space));
      break;
    }
  }
  return out;
}

/**
 * `matmul [B, 12] inner 8 = features[perm] @ dense/kernel` for a matrix product (operands read
 * as [i,k] or, transposed, [k,i]; [k,j] or [j,k]); `contract [..] inner [..] = a[..] * b[..]` else.
 */
function contractText(plan: Plan, k: ContractKernel): string {
  /** Whether a matrix operand is read transposed (A: [i,k] or [k,i]; B: [k,j] or [j,k]); null: not a matrix operand. */
  const transposed = (o: Operand, side: 'a' | 'b'): boolean | null => {
    const stored = plan.buffers[o.buf]!.shape;
    if (o.view.coords.length !== 2 || o.view.shape.length !== 2 || stored.length !== 2 || o.view.shape[1] !== stored[1]) return null;
    const [p, q] = o.view.coords.map(plainAxis);
    const [first, second] = side === 'a' ? [0, 2] : [2, 1];
    if (p === first && q === second) return false;
    if (p === second && q === first) return true;
    return null;
  };
  if (k.space.length === 2 && k.inner.length === 1) {
    const ta = transposed(k.a, 'a');
    const tb = transposed(k.b, 'b');
    if (ta !== null && tb !== null) {
      const operand = (o: Operand, t: boolean) => `${name(plan, o.buf)}${t ? '^T' : ''}${o.view.rows === 'gather' ? '[perm]' : ''}`;
      return `matmul ${shapeText(k.space)} inner ${String(k.inner[0])} = ${operand(k.a, ta)} @ ${operand(k.b, tb)}`;
    }
  }
  const n = names(k.space, k.inner.length);
  return `contract ${shapeText(k.space)} inner ${shapeText(k.inner)} = ${name(plan, k.a.buf)}${viewText(k.a.view, n, plan.buffers[k.a.buf]!.shape)} * ${name(plan, k.b.buf)}${viewText(k.b.view, n, plan.buffers[k.b.buf]!.shape)}`;
}

function operandText(plan: Plan, o: Operand, n: (axis: number) => string): string {
  return exprText(plan, { k: 'load', buf: o.buf, view: o.view }, n);
}

function bodyLines(plan: Plan, b: Body, n: (axis: number) => string): string[] {
  return [
    ...b.lets.map((l) => `let ${l.name} = ${exprText(plan, l.value, n)}`),
    ...b.stores.map((s) => `${name(plan, s.buf)}${viewText(s.view, n, plan.buffers[s.buf]!.shape)} = ${exprText(plan, s.value, n)}`),
  ];
}

function name(plan: Plan, id: number): string {
  return bufferName(plan.buffers[id]!);
}

export function exprText(plan: Plan, e: Expr, n: (axis: number) => string = indexName(2)): string {
  switch (e.k) {
    case 'num':
      return formatNumber(e.v);
    case 'uniform':
      return `$${e.name}`;
    case 'load':
      return `${name(plan, e.buf)}${viewText(e.view, n, plan.buffers[e.buf]!.shape)}`;
    case 'call': {
      const fn = e.alpha !== 0 ? `${e.fn}[${formatNumber(e.alpha)}]` : e.fn;
      return `${fn}(${e.args.map((a) => exprText(plan, a, n)).join(', ')})`;
    }
    case 'let':
      return e.name;
    case 'acc':
      return `acc${e.index}`;
    case 'rand':
      return `rand(${e.stream.toString(16)})`;
    case 'index':
      return n(e.axis);
  }
}
