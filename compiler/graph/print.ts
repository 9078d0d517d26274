// The graph's one text form (the golden format of `nnc graph` and of the IR tests).
import type { Graph, Node, Op } from './ir.js';
import { shapeText } from './ir.js';
import { coordText, type Coord } from './index-map.js';

function opText(op: Op, rank: number): string {
  switch (op.kind) {
    case 'input':
      return `input ${op.role}`;
    case 'param':
      return `param ${op.name} init=${initText(op.init)}`;
    case 'state':
      return `state ${op.name}${op.fill !== 0 ? ` fill=${op.fill}` : ''}`;
    case 'const':
      return `const ${formatNumber(op.value)}`;
    case 'uniform':
      return `uniform ${op.name}`;
    case 'elementwise':
      return op.alpha !== 0 ? `${op.fn}[${formatNumber(op.alpha)}]` : op.fn;
    case 'matmul':
      return `matmul${op.transposeA ? ' transA' : ''}${op.transposeB ? ' transB' : ''}`;
    case 'reduce':
      return `reduce_${op.fn} ${axesText(op.axes, rank)}`;
    case 'transpose':
      return `transpose ${op.perm.join(',')}`;
    case 'slice':
    case 'pad':
      return `${op.kind} axis=${op.axis} start=${op.start}`;
    case 'recurrence':
    case 'recurrence_grad':
      return `${op.kind} ${op.cell} units=${op.units} ${op.activation}/${op.recurrentActivation}${op.reverse ? ' reverse' : ''}`;
    case 'contract': {
      const names = (axis: number) => (axis < rank ? `o${axis}` : `k${axis - rank}`);
      const map = (m: Coord[]) => `[${m.map((c) => coordText(c, names)).join(',')}]`;
      return `contract inner=${shapeText(op.inner)} a${map(op.a)} b${map(op.b)}`;
    }
    case 'view': {
      const names = (axis: number) => `o${axis}`;
      return `view [${op.map.map((c) => coordText(c, names)).join(',')}]`;
    }
    case 'argmax':
      return op.axes ? `argmax ${axesText(op.axes, rank + 0)}` : 'argmax';
    case 'position':
      return `position axes=${op.axes.join(',')}`;
    case 'random':
      return `random stream=${op.stream.toString(16)}`;
    case 'one_hot':
      return `one_hot ${op.classes}`;
    case 'segment_sum':
      return `segment_sum rows=${op.rows}`;
    default:
      return op.kind;
  }
}

function initText(init: import('../program.js').Initializer): string {
  const args = Object.entries(init)
    .filter(([k]) => k !== 'name')
    .map(([k, v]) => `${k}=${String(v)}`);
  return args.length ? `${init.name}(${args.join(',')})` : init.name;
}

/** Reduction axes: rows, cols or all for a rank-2 value (the golden files' form), else the list. */
export function axesText(axes: number[], rank: number): string {
  if (axes.length === rank) return 'all';
  if (rank === 2) return axes[0] === 0 ? 'rows' : 'cols';
  return `axes=${axes.join(',')}`;
}

export function formatNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  return String(Number(v.toPrecision(9)));
}

function nodeLine(n: Node): string {
  const args = n.inputs.length ? ' ' + n.inputs.map((i) => `%${i}`).join(', ') : '';
  const lhs = `%${n.id} = ${opText(n.op, n.shape.length)}${args} : ${n.dtype}${shapeText(n.shape)}`;
  const where = n.origin ? `${n.origin.what}${n.origin.span ? ` @${n.origin.span.line}:${n.origin.span.col}` : ''}` : '';
  return where ? `${lhs.padEnd(56)} # ${where}` : lhs;
}

export function printGraph(graph: Graph): string {
  const lines = [`graph ${graph.step} {`];
  for (const n of graph.nodes) lines.push('  ' + nodeLine(n));
  const o = graph.outputs;
  const outs: string[] = [];
  if (o.prediction !== undefined) outs.push(`prediction=%${o.prediction}`);
  if (o.loss !== undefined) outs.push(`loss=%${o.loss}`);
  for (const [k, v] of Object.entries(o.metrics)) outs.push(`${k}=%${v}`);
  lines.push(`  outputs ${outs.join(' ')}`);
  const grads = Object.entries(o.gradients);
  if (grads.length) lines.push(`  gradients ${grads.map(([p, g]) => `${paramName(graph, Number(p))}=%${g}`).join(' ')}`);
  for (const u of graph.updates) lines.push(`  update ${paramName(graph, u.target)} <- %${u.value}`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

function paramName(graph: Graph, id: number): string {
  const op = graph.nodes[id]!.op;
  return op.kind === 'param' || op.kind === 'state' ? op.name : `%${id}`;
}
