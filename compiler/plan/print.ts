// The plan's one text form: buffers, then each step's kernels with their expressions.
import { formatNumber } from '../graph/print.js';
import type { Access, Body, Expr, Kernel, Plan, PlanBuffer } from './ir.js';

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
  return `${b.name}: ${b.dtype}[${String(b.rows)}, ${b.cols}] ${b.role}${extra}`;
}

export function bufferName(b: PlanBuffer): string {
  return b.role === 'temp' ? b.name.replace(/^\w+\//, '') : b.name;
}

export function kernelLines(plan: Plan, k: Kernel, index: number): string[] {
  const from = [...new Set(k.origins.map((o) => (o.span ? `${o.what} @${o.span.line}:${o.span.col}` : o.what)))].join(', ');
  const head = `k${index} ${k.name}`;
  const out: string[] = [];
  const body = (b: Body) => bodyLines(plan, b).map((l) => '  ' + l);
  switch (k.kind) {
    case 'map':
      out.push(`${head}: map${k.segments.length > 1 ? ` ${k.segments.length} segments` : ''}  # ${from}`);
      for (const s of k.segments) {
        if (k.segments.length > 1) out.push(`  segment [${String(s.rows)}, ${s.cols}]`);
        else out[0] = `${head}: map [${String(s.rows)}, ${s.cols}]  # ${from}`;
        out.push(...body(s.body).map((l) => (k.segments.length > 1 ? '  ' + l : l)));
      }
      break;
    case 'matmul': {
      const operand = (o: typeof k.a) => `${name(plan, o.buf)}${o.transpose ? '^T' : ''}${o.at === 'gather' ? '[perm]' : ''}`;
      out.push(`${head}: matmul [${String(k.rows)}, ${k.cols}] inner ${String(k.inner)} = ${operand(k.a)} @ ${operand(k.b)}  # ${from}`);
      out.push(...body(k.epilogue));
      break;
    }
    case 'reduce':
      out.push(`${head}: reduce ${k.axis} of [${String(k.rows)}, ${k.cols}]  # ${from}`);
      for (const l of k.prologue) out.push(`  let ${l.name} = ${exprText(plan, l.value)}`);
      k.reductions.forEach((r, i) => out.push(`  acc${i} = ${r.op} ${exprText(plan, r.value)}`));
      out.push(...body(k.epilogue));
      break;
  }
  return out;
}

function bodyLines(plan: Plan, b: Body): string[] {
  return [
    ...b.lets.map((l) => `let ${l.name} = ${exprText(plan, l.value)}`),
    ...b.stores.map((s) => `${name(plan, s.buf)}${accessText(s.at)} = ${exprText(plan, s.value)}`),
  ];
}

function name(plan: Plan, id: number): string {
  return bufferName(plan.buffers[id]!);
}

function accessText(at: Access): string {
  switch (at) {
    case 'elem':
      return '[i,j]';
    case 'row':
      return '[0,j]';
    case 'col':
      return '[i,0]';
    case 'scalar':
      return '[0,0]';
    case 'gather':
      return '[perm[o+i],j]';
    case 'offset':
      return '[o+i,j]';
  }
}

export function exprText(plan: Plan, e: Expr): string {
  switch (e.k) {
    case 'num':
      return formatNumber(e.v);
    case 'uniform':
      return `$${e.name}`;
    case 'load':
      return `${name(plan, e.buf)}${accessText(e.at)}`;
    case 'call': {
      const fn = e.alpha !== 0 ? `${e.fn}[${formatNumber(e.alpha)}]` : e.fn;
      return `${fn}(${e.args.map((a) => exprText(plan, a)).join(', ')})`;
    }
    case 'let':
      return e.name;
    case 'acc':
      return `acc${e.index}`;
    case 'rand':
      return `rand(${e.stream.toString(16)})`;
    case 'col':
      return 'j';
  }
}
