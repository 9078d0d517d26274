// Each graph op's shape rule: the output shape from the input shapes (and, for ops whose output
// the caller chooses — inputs, parameters, reshapes, contractions — a check of the chosen shape).
// The builder computes every node's shape with these; the verifier recomputes them.
import { coordRange, type Coord } from './index-map.js';
import { CELL_GATES, CELL_STATES } from './cells.js';
import type { Op } from './ir.js';
import { broadcastShapes, isSymbolic, reducedShape, sameShape, shapeText, type Dim, type Shape } from './shape.js';

/** Why the op cannot have these shapes: an Error with the rule broken. */
function bad(op: Op, why: string): Error {
  return new Error(`graph: ${op.kind}: ${why}`);
}

function fixedSize(s: Shape): number {
  return s.reduce<number>((n, d) => n * (typeof d === 'number' ? d : 1), 1);
}

/** The output shape of `op` on inputs of `inputs` shapes; `declared` is the caller's choice where the op needs one. */
export function shapeOf(op: Op, inputs: Shape[], declared?: Shape): Shape {
  const need = (n: number) => {
    if (inputs.length !== n) throw bad(op, `takes ${n} inputs, got ${inputs.length}`);
  };
  const chosen = (): Shape => {
    if (!declared) throw bad(op, 'needs its shape');
    if (declared.slice(1).some(isSymbolic)) throw bad(op, `only the first dimension may be B or N (${shapeText(declared)})`);
    return declared;
  };
  const last = (s: Shape) => s[s.length - 1]!;
  switch (op.kind) {
    case 'input': {
      need(0);
      const s = chosen();
      if (s[0] !== 'B') throw bad(op, 'an input has the batch outermost');
      return s;
    }
    case 'param':
    case 'state':
    case 'random':
      need(0);
      return chosen();
    case 'const':
    case 'uniform':
      need(0);
      return [1, 1];
    case 'elementwise':
      return broadcastShapes(inputs, op.fn);
    case 'broadcast': {
      need(1);
      const s = chosen();
      if (!sameShape(broadcastShapes([inputs[0]!, s], 'broadcast'), s)) throw bad(op, `${shapeText(inputs[0]!)} does not broadcast to ${shapeText(s)}`);
      return s;
    }
    case 'matmul': {
      need(2);
      const [sa, sb] = inputs as [Shape, Shape];
      if (sa.length !== 2 || sb.length !== 2) throw bad(op, `takes rank-2 operands, got ${shapeText(sa)} and ${shapeText(sb)}`);
      const [m, ka] = op.transposeA ? [sa[1]!, sa[0]!] : [sa[0]!, sa[1]!];
      const [kb, n] = op.transposeB ? [sb[1]!, sb[0]!] : [sb[0]!, sb[1]!];
      if (ka !== kb) throw bad(op, `inner sizes differ (${String(ka)} vs ${String(kb)})`);
      if (isSymbolic(n)) throw bad(op, 'output columns must be fixed');
      return [m, n];
    }
    case 'contract': {
      need(2);
      const out = chosen();
      const axes: Dim[] = [...out, ...op.inner];
      checkMap(op, 'a', op.a, inputs[0]!, axes);
      checkMap(op, 'b', op.b, inputs[1]!, axes);
      return out;
    }
    case 'view': {
      need(1);
      const out = chosen();
      checkMap(op, 'x', op.map, inputs[0]!, out);
      return out;
    }
    case 'reduce': {
      need(1);
      const s = inputs[0]!;
      if (op.axes.length === 0 || op.axes.some((a, k) => a < 0 || a >= s.length || (k > 0 && a <= op.axes[k - 1]!))) throw bad(op, `axes ${op.axes.join(',')} of a rank-${s.length} value`);
      return reducedShape(s, op.axes);
    }
    case 'reshape': {
      need(1);
      const s = chosen();
      const from = inputs[0]!;
      if (isSymbolic(from[0]!) !== isSymbolic(s[0]!) || fixedSize(from) !== fixedSize(s)) throw bad(op, `${shapeText(from)} to ${shapeText(s)} changes the number of elements`);
      return s;
    }
    case 'transpose': {
      need(1);
      const s = inputs[0]!;
      if (op.perm.length !== s.length || op.perm.some((p, d) => op.perm.indexOf(p) !== d || p < 0 || p >= s.length)) throw bad(op, `${op.perm.join(',')} is not a permutation of ${s.length} axes`);
      const out = op.perm.map((p) => s[p]!);
      if (out.slice(1).some(isSymbolic)) throw bad(op, 'the batch must stay outermost');
      return out;
    }
    case 'argmax': {
      need(1);
      const s = inputs[0]!;
      if (!op.axes) return [...s.slice(0, -1), 1];
      if (op.axes.length === 0 || op.axes.some((a, k) => a < 0 || a >= s.length || (k > 0 && a <= op.axes![k - 1]!))) throw bad(op, `axes ${op.axes.join(',')} of a rank-${s.length} value`);
      return reducedShape(s, op.axes);
    }
    case 'position': {
      need(0);
      const s = chosen();
      if (s.some((d, k) => typeof d !== 'number' || (!op.axes.includes(k) && d !== 1))) throw bad(op, `${shapeText(s)} is not sized only along axes ${op.axes.join(',')}`);
      return s;
    }
    case 'softmax':
      need(1);
      return inputs[0]!;
    case 'cce_logits':
    case 'sparse_cce_logits': {
      need(2);
      const [z, y] = inputs as [Shape, Shape];
      const wantY = op.kind === 'cce_logits' ? z : [...z.slice(0, -1), 1];
      if (!sameShape(y, wantY)) throw bad(op, `labels ${shapeText(y)} for logits ${shapeText(z)} (want ${shapeText(wantY)})`);
      return [...z.slice(0, -1), 1];
    }
    case 'slice':
    case 'pad': {
      need(1);
      const s = chosen();
      const x = inputs[0]!;
      const [small, large] = op.kind === 'slice' ? [s, x] : [x, s];
      if (s.length !== x.length || s.some((d, k) => k !== op.axis && d !== x[k])) throw bad(op, `${shapeText(x)} and ${shapeText(s)} differ beyond axis ${op.axis}`);
      if (typeof small[op.axis] !== 'number' || typeof large[op.axis] !== 'number' || op.start < 0 || op.start + (small[op.axis] as number) > (large[op.axis] as number)) {
        throw bad(op, `${String(small[op.axis])} elements from ${op.start} do not fit ${String(large[op.axis])}`);
      }
      return s;
    }
    case 'recurrence':
    case 'recurrence_grad': {
      const gru = op.cell === 'gru';
      const grad = op.kind === 'recurrence_grad';
      need((grad ? 4 : 2) + (gru ? 1 : 0));
      const [x, u] = (grad ? inputs.slice(2) : inputs) as [Shape, Shape];
      const g = CELL_GATES[op.cell] * op.units;
      if (x.length !== 3 || x[2] !== g) throw bad(op, `the input projection is [B, T, ${g}], got ${shapeText(x)}`);
      if (!sameShape(u, [op.units, g])) throw bad(op, `the recurrent kernel is [${op.units}, ${g}], got ${shapeText(u)}`);
      if (gru && !sameShape(inputs.at(-1)!, [1, g])) throw bad(op, `the recurrent bias is [1, ${g}], got ${shapeText(inputs.at(-1)!)}`);
      const states: Shape = [x[0]!, x[1]!, CELL_STATES[op.cell] * op.units];
      if (grad && (!sameShape(inputs[0]!, states) || !sameShape(inputs[1]!, states))) throw bad(op, `the states and their gradient are ${shapeText(states)}`);
      return grad ? [x[0]!, x[1]!, 2 * g] : states;
    }
    case 'gather': {
      need(2);
      const [table, index] = inputs as [Shape, Shape];
      if (table.length !== 2 || table.some(isSymbolic)) throw bad(op, `the table is [rows, width], got ${shapeText(table)}`);
      return [...index, table[1]!];
    }
    case 'segment_sum': {
      need(2);
      const [g, index] = inputs as [Shape, Shape];
      if (g.length !== index.length + 1 || index.some((d, k) => d !== g[k])) throw bad(op, `the gradient ${shapeText(g)} is not the indices ${shapeText(index)} with a width`);
      return [op.rows, g.at(-1)!];
    }
    case 'one_hot': {
      need(1);
      const y = inputs[0]!;
      if (last(y) !== 1) throw bad(op, `class indices have one element per row, got ${shapeText(y)}`);
      return [...y.slice(0, -1), op.classes];
    }
  }
}

/** An operand's index map: one coordinate per axis, over existing axes, inside the operand unless masked. */
function checkMap(op: Op, side: 'a' | 'b' | 'x', map: Coord[], operand: Shape, axes: Dim[]): void {
  if (map.length !== operand.length) throw bad(op, `${side} has ${map.length} coordinates for a rank-${operand.length} operand`);
  const sizes = axes.map((d) => (typeof d === 'number' ? d : 1));
  map.forEach((c, d) => {
    for (const [axis] of c.terms) if (axis < 0 || axis >= axes.length) throw bad(op, `${side} coordinate ${d} uses axis ${axis} of ${axes.length}`);
    const size = operand[d]!;
    if (isSymbolic(size)) {
      // the batch coordinate is the batch index itself
      if (c.terms.length !== 1 || c.terms[0]![1] !== 1 || c.bias !== 0 || axes[c.terms[0]![0]] !== size) throw bad(op, `${side}'s ${size} axis must be read at the ${size} index`);
      return;
    }
    if (c.masked) return;
    const [lo, hi] = coordRange(c, sizes);
    if (lo < 0 || hi >= size) throw bad(op, `${side} coordinate ${d} ranges over [${lo}, ${hi}], outside [0, ${size}) and not masked`);
  });
}
