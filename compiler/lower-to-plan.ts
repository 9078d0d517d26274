// Pass: lowerToPlan — the graphs of the three step kinds become one kernel plan: a shared table of
// buffers (parameters, state, data, temporaries) and per step kind a list of kernels, one per op
// (or a few for ops like softmax). Fusion passes then rewrite the plan into fewer kernels.
import { axisCoord, constCoord, type Coord } from './graph/index-map.js';
import type { Graph, Node, Origin, StepKind } from './graph/ir.js';
import { isSymbolic, reducedShape, sameShape, shapeText, type Shape } from './graph/shape.js';
import type { LabelEncoding } from './lower-to-graph.js';
import { accumulatorName, NON_FINITE_STEP } from './lower-to-graph.js';
import type { Body, Expr, Kernel, Plan, PlanBuffer, Reduction, Schedule, View } from './plan/ir.js';
import { identityView } from './plan/view.js';
import { lowerRecurrence, type LoweringContext } from './lower-recurrence.js';

export interface GraphSet {
  train: Graph | null;
  evaluate: Graph | null;
  predict: Graph;
}

export function lowerToPlan(model: string, graphs: GraphSet, labelEncoding: LabelEncoding): Plan {
  const buffers = new BufferTable();
  const dataset = (shape: Shape): Shape => ['N', ...shape.slice(1)];
  const features = buffers.named('features', 'features', dataset(graphs.predict.nodes.find(isRole('features'))!.shape));
  const labelShape = (graphs.train ?? graphs.evaluate)?.nodes.find(isRole('labels'))?.shape ?? ['B', 1];
  const labels = buffers.named('labels', 'labels', dataset(labelShape));
  const permutation = buffers.named('permutation', 'permutation', ['N', 1], 'u32');
  const prediction = graphs.predict.nodes[graphs.predict.outputs.prediction!]!;
  const output = buffers.named('output', 'output', dataset(prediction.shape));

  const schedules = {} as Record<StepKind, Schedule>;
  for (const step of ['train', 'evaluate', 'predict'] as const) {
    const graph = graphs[step];
    schedules[step] = { step, kernels: graph ? lowerSchedule(graph, buffers, output) : [] };
  }

  const sums = { train: {} as Record<string, number>, evaluate: {} as Record<string, number> };
  for (const step of ['train', 'evaluate'] as const) {
    for (const key of ['loss', ...Object.keys(graphs[step]?.outputs.metrics ?? {})]) {
      const id = buffers.find(accumulatorName(step, key));
      if (id !== undefined) sums[step][key] = id;
    }
  }
  return {
    model,
    buffers: buffers.list,
    schedules,
    io: {
      features,
      labels,
      permutation,
      output,
      sums,
      nonFiniteStep: buffers.find(NON_FINITE_STEP) ?? -1,
      params: buffers.list.filter((b) => b.role === 'param').map((b) => b.id),
      labelEncoding,
    },
  };
}

/**
 * A schedule's kernels. A view read through a masked or divided map (a strided convolution's input
 * gradient reading a pooling's padded gradient) cannot be composed into its reader's view: it is
 * found as the reader is lowered, and the schedule is lowered again with that view copied out.
 */
function lowerSchedule(graph: Graph, buffers: BufferTable, output: number): Kernel[] {
  const copied = new Set<number>();
  for (;;) {
    try {
      return new ScheduleLowering(graph, buffers, output, copied).lower();
    } catch (e) {
      if (!(e instanceof UncomposedView) || copied.has(e.node)) throw e;
      copied.add(e.node);
    }
  }
}

class UncomposedView extends Error {
  constructor(readonly node: number) {
    super(`plan: %${node} (a view) is read through a masked or divided map`);
  }
}

function isRole(role: 'features' | 'labels') {
  return (n: Node) => n.op.kind === 'input' && n.op.role === role;
}

class BufferTable {
  readonly list: PlanBuffer[] = [];
  private byName = new Map<string, number>();

  find(name: string): number | undefined {
    return this.byName.get(name);
  }

  named(name: string, role: PlanBuffer['role'], shape: Shape, dtype: 'f32' | 'u32' = 'f32', extra: Partial<PlanBuffer> = {}): number {
    const existing = this.byName.get(name);
    if (existing !== undefined) {
      const b = this.list[existing]!;
      if (!sameShape(b.shape, shape)) throw new Error(`plan: buffer ${name} used with two shapes`);
      return existing;
    }
    const id = this.list.length;
    this.list.push({ id, name, role, shape, dtype, ...extra });
    this.byName.set(name, id);
    return id;
  }
}

/**
 * A graph value during lowering: an expression inlined where it is used, or elements of a buffer
 * seen as `shape` (a reshape or transpose of a buffer is the same buffer through another view):
 * `read` gives the view for coordinates over `shape`.
 */
type Value = { expr: Expr } | { buf: number; shape: Shape; read: (coords: Coord[]) => View };

/** The buffer read at the given coordinates, as it is stored. */
function stored(buffer: PlanBuffer): Value {
  const rows = buffer.role === 'features' || buffer.role === 'labels' ? 'gather' : buffer.role === 'output' ? 'window' : undefined;
  return { buf: buffer.id, shape: buffer.shape, read: (coords) => (rows ? { shape: buffer.shape, coords, rows } : { shape: buffer.shape, coords }) };
}

/** Coordinates over `shape` for a kernel over `space`: aligned at the last axis, 0 where `shape` has size 1 (broadcast). */
function broadcastCoords(shape: Shape, space: Shape): Coord[] {
  const pad = space.length - shape.length;
  if (pad < 0) throw new Error(`plan: a ${shapeText(shape)} value cannot be read in a ${shapeText(space)} kernel`);
  // the same shape: the element itself; otherwise every size-1 dimension is broadcast
  const same = pad === 0 && shape.every((d, k) => d === space[k] || (isSymbolic(d) && isSymbolic(space[k]!)));
  return shape.map((d, k) => {
    const s = space[pad + k]!;
    if (d === 1 && !same) return constCoord(0);
    if (d === s || (isSymbolic(d) && isSymbolic(s))) return axisCoord(pad + k);
    throw new Error(`plan: a ${shapeText(shape)} value cannot be read in a ${shapeText(space)} kernel`);
  });
}

class ScheduleLowering implements LoweringContext {
  private values = new Map<number, Value>();
  private kernels: Kernel[] = [];
  private names = new Map<string, number>();
  private paramCount = 0;

  constructor(
    private graph: Graph,
    private buffers: BufferTable,
    private output: number,
    /** Views to copy into a buffer of their own (lowerSchedule). */
    private copied: ReadonlySet<number> = new Set(),
  ) {}

  lower(): Kernel[] {
    const needed = this.neededNodes();
    for (const node of this.graph.nodes) {
      if (needed[node.id]) this.lowerNode(node);
    }
    // Updates run last, so every kernel of the step reads the values from before the step.
    for (const u of this.graph.updates) {
      const target = this.bufferOf(u.target);
      const t = this.buffers.list[target]!;
      this.kernels.push(
        this.mapKernel(`assign.${t.name}`, [{ ...(this.graph.nodes[u.value]!.origin ?? { what: 'update' }), op: `update ${t.name}` }], t.shape, {
          lets: [],
          stores: [{ buf: target, view: identityView(t.shape), value: this.operand(u.value, t.shape) }],
        }),
      );
    }
    if (this.graph.step === 'predict') {
      const p = this.graph.nodes[this.graph.outputs.prediction!]!;
      const out = this.buffers.list[this.output]!;
      this.kernels.push(
        this.mapKernel('output', [{ what: 'prediction', op: 'store output' }], p.shape, {
          lets: [],
          stores: [{ buf: this.output, view: { shape: out.shape, coords: p.shape.map((_, d) => axisCoord(d)), rows: 'window' }, value: this.operand(p.id, p.shape) }],
        }),
      );
    }
    return this.kernels;
  }

  /** Nodes that the step's updates (or predict's output) depend on. */
  private neededNodes(): boolean[] {
    const needed = new Array<boolean>(this.graph.nodes.length).fill(false);
    const roots = this.graph.updates.flatMap((u) => [u.target, u.value]);
    if (this.graph.step === 'predict') roots.push(this.graph.outputs.prediction!);
    const stack = [...roots];
    while (stack.length) {
      const id = stack.pop()!;
      if (needed[id]) continue;
      needed[id] = true;
      stack.push(...this.graph.nodes[id]!.inputs);
    }
    return needed;
  }

  private bufferOf(id: number): number {
    const v = this.values.get(id);
    if (!v || !('buf' in v)) throw new Error(`plan: %${id} is not in a buffer`);
    return v.buf;
  }

  private value(id: number): Value {
    const v = this.values.get(id);
    if (!v) throw new Error(`plan: %${id} used before it is computed`);
    return v;
  }

  /** The expression that reads graph value `id` inside a kernel over `space` (broadcast into it). */
  private operand(id: number, space: Shape): Expr {
    const v = this.value(id);
    if ('expr' in v) return v.expr;
    return { k: 'load', buf: v.buf, view: v.read(broadcastCoords(v.shape, space)) };
  }

  /** The view of value `id` at the given coordinates of its own shape (a contraction's operand). */
  viewOf(id: number, coords: Coord[]): { buf: number; view: View } {
    const v = this.value(id);
    if ('expr' in v) throw new Error(`plan: contraction operand %${id} is not in a buffer`);
    return { buf: v.buf, view: v.read(coords) };
  }

  temp(node: Node, suffix = '', shape: Shape = node.shape): number {
    return this.buffers.named(`${this.graph.step}/%${node.id}${suffix}`, 'temp', shape, 'f32', originOf(node));
  }

  bufferShape(buf: number): Shape {
    return this.buffers.list[buf]!.shape;
  }

  push(k: Kernel): void {
    this.kernels.push(k);
  }

  /** A value of its own buffer. */
  private materialized(node: Node, buf: number): void {
    this.values.set(node.id, stored(this.buffers.list[buf]!));
  }

  kernelName(base: string): string {
    const n = this.names.get(base) ?? 0;
    this.names.set(base, n + 1);
    return n === 0 ? base : `${base}#${n}`;
  }

  private mapKernel(name: string, origins: Origin[], space: Shape, body: Body): Kernel {
    return { kind: 'map', name: this.kernelName(name), origins, segments: [{ space, body }] };
  }

  private lowerNode(node: Node): void {
    const op = node.op;
    const space = node.shape;
    const origins = [{ ...(node.origin ?? { what: 'step' }), op: opName(node) }];
    const base = `${node.origin?.what.replace(/ \(gradient\)$/, '.grad') ?? 'step'}.${opName(node)}`;
    const store = (buf: number, value: Expr, at: Shape = space): Body => ({ lets: [], stores: [{ buf, view: identityView(at), value }] });
    switch (op.kind) {
      case 'input':
        this.materialized(node, op.role === 'features' ? this.buffers.find('features')! : this.buffers.find('labels')!);
        return;
      case 'param':
        this.materialized(
          node,
          this.buffers.named(op.name, 'param', space, 'f32', {
            init: { initializer: op.init, fanIn: op.fanIn, fanOut: op.fanOut, index: this.paramIndex(op.name) },
            ...originOf(node),
          }),
        );
        return;
      case 'state':
        this.materialized(node, this.buffers.named(op.name, 'state', space, 'f32', { fill: op.fill, ...originOf(node) }));
        return;
      case 'const':
        this.values.set(node.id, { expr: { k: 'num', v: op.value } });
        return;
      case 'uniform':
        this.values.set(node.id, { expr: { k: 'uniform', name: op.name } });
        return;
      case 'reshape': {
        // A buffer read in row-major order is any shape with its elements: a new view, no kernel.
        const v = this.value(node.inputs[0]!);
        const input = this.graph.nodes[node.inputs[0]!]!;
        if ('buf' in v && this.isContiguous(v)) {
          const b = this.buffers.list[v.buf]!;
          const rows = b.role === 'features' || b.role === 'labels' ? 'gather' : undefined;
          const shape: Shape = isSymbolic(b.shape[0]!) ? [b.shape[0]!, ...space.slice(1)] : space;
          this.values.set(node.id, { buf: v.buf, shape: space, read: (coords) => (rows ? { shape, coords, rows } : { shape, coords }) });
          return;
        }
        // Otherwise (a transposed view) the elements are copied in order first.
        const copy = this.temp(input, '.contiguous');
        this.kernels.push(this.mapKernel(base, origins, input.shape, store(copy, this.operand(input.id, input.shape), input.shape)));
        const b = this.buffers.list[copy]!;
        this.values.set(node.id, { buf: copy, shape: space, read: (coords) => ({ shape: [b.shape[0]!, ...space.slice(1)], coords }) });
        return;
      }
      case 'slice':
      case 'pad': {
        // A run of another value along an axis (slice), or a value in a larger one with zeros
        // around it (pad: the coordinate masked where it leaves the value): views, no kernel.
        const value = this.value(node.inputs[0]!);
        if ('expr' in value) break;
        let v = value;
        if (op.kind === 'pad' && !this.isContiguous(v)) {
          // the mask checks the buffer's extent: a value that is a part of its buffer (a slice) is copied first
          const input = this.graph.nodes[node.inputs[0]!]!;
          const copy = this.temp(input, '.contiguous');
          this.kernels.push(this.mapKernel(base, origins, input.shape, store(copy, this.operand(input.id, input.shape), input.shape)));
          v = stored(this.buffers.list[copy]!) as typeof v;
        }
        const { axis, start } = op;
        const shift = (c: Coord): Coord => (op.kind === 'slice' ? { ...c, bias: c.bias + start } : { ...c, bias: c.bias - start, masked: true });
        this.values.set(node.id, { buf: v.buf, shape: space, read: (coords) => v.read(coords.map((c, d) => (d === axis ? shift(c) : c))) });
        return;
      }
      case 'view': {
        // A view of a buffer is the same buffer read through the composed index maps; what cannot
        // be composed (a view read through a masked or divided map) is copied out first.
        const v = this.value(node.inputs[0]!);
        if ('expr' in v) {
          this.values.set(node.id, v);
          return;
        }
        const map = op.map;
        const read = (coords: Coord[]): View => {
          const composed = composeCoords(map, coords, space, this.graph.nodes[node.inputs[0]!]!.shape);
          if (!composed) throw new UncomposedView(node.id);
          return v.read(composed);
        };
        this.values.set(node.id, { buf: v.buf, shape: space, read });
        if (this.copied.has(node.id)) {
          const copy = this.temp(node, '.copy');
          this.kernels.push(this.mapKernel(base, origins, space, store(copy, this.operand(node.id, space))));
          this.materialized(node, copy);
        }
        return;
      }
      case 'transpose': {
        // Output axis d is input axis perm[d]: the input's coordinate perm[d] is the output's d.
        const v = this.value(node.inputs[0]!);
        if ('expr' in v) {
          this.values.set(node.id, v);
          return;
        }
        const perm = op.perm;
        this.values.set(node.id, {
          buf: v.buf,
          shape: space,
          read: (coords) => v.read(perm.map((_, p) => coords[perm.indexOf(p)]!)),
        });
        return;
      }
    }

    const out = this.temp(node);
    this.materialized(node, out);
    const arg = (i: number) => this.operand(node.inputs[i]!, space);
    switch (op.kind) {
      case 'elementwise':
        this.kernels.push(this.mapKernel(base, origins, space, store(out, { k: 'call', fn: op.fn, alpha: op.alpha, args: node.inputs.map((_, i) => arg(i)) })));
        return;
      case 'broadcast':
        this.kernels.push(this.mapKernel(base, origins, space, store(out, arg(0))));
        return;
      case 'random':
        this.kernels.push(this.mapKernel(base, origins, space, store(out, { k: 'rand', stream: op.stream })));
        return;
      case 'one_hot':
        this.kernels.push(this.mapKernel(base, origins, space, store(out, { k: 'call', fn: 'eq', alpha: 0, args: [{ k: 'index', axis: space.length - 1 }, arg(0)] })));
        return;
      case 'matmul': {
        // out[i, j] = sum_k a[i, k] b[k, j] over the iteration axes (i, j, k)
        const [a, b] = node.inputs as [number, number];
        const aNode = this.graph.nodes[a]!;
        const inner = op.transposeA ? aNode.shape[0]! : aNode.shape[1]!;
        const [i, j, k] = [axisCoord(0), axisCoord(1), axisCoord(2)];
        this.kernels.push({
          kind: 'contract',
          name: this.kernelName(base),
          origins,
          space,
          inner: [inner],
          a: this.viewOf(a, op.transposeA ? [k, i] : [i, k]),
          b: this.viewOf(b, op.transposeB ? [j, k] : [k, j]),
          epilogue: store(out, { k: 'acc', index: 0 }),
        });
        return;
      }
      case 'recurrence':
      case 'recurrence_grad':
        lowerRecurrence(this, node, origins, base, out);
        return;
      case 'gather': {
        // the index read at each point of the output space, its last axis (the row's element) aside
        const [table, index] = node.inputs as [number, number];
        const positions = space.length - 1;
        this.kernels.push({
          kind: 'gather',
          name: this.kernelName(base),
          origins,
          space,
          table: this.bufferOf(table),
          index: this.viewOf(index, Array.from({ length: positions }, (_, d) => axisCoord(d))),
          epilogue: store(out, { k: 'acc', index: 0 }),
        });
        return;
      }
      case 'segment_sum': {
        const [g, index] = node.inputs as [number, number];
        const positions = this.graph.nodes[index]!.shape;
        const all = (n: number) => Array.from({ length: n }, (_, d) => axisCoord(d));
        this.kernels.push({
          kind: 'segment_sum',
          name: this.kernelName(base),
          origins,
          space,
          positions,
          index: this.viewOf(index, all(positions.length)),
          values: this.viewOf(g, all(positions.length + 1)),
          epilogue: store(out, { k: 'acc', index: 0 }),
        });
        return;
      }
      case 'slice':
        // of a constant: the constant
        this.kernels.push(this.mapKernel(base, origins, space, store(out, arg(0))));
        return;
      case 'pad': {
        // a constant in zeros: the constant where the index along the axis is inside it
        const idx: Expr = { k: 'index', axis: op.axis };
        const size = this.graph.nodes[node.inputs[0]!]!.shape[op.axis] as number;
        const inside = call('mul', [call('ge', [idx, { k: 'num', v: op.start }]), call('gt', [{ k: 'num', v: op.start + size }, idx])]);
        this.kernels.push(this.mapKernel(base, origins, space, store(out, call('mul', [arg(0), inside]))));
        return;
      }
      case 'contract': {
        const [a, b] = node.inputs as [number, number];
        this.kernels.push({
          kind: 'contract',
          name: this.kernelName(base),
          origins,
          space,
          inner: op.inner,
          a: this.viewOf(a, op.a),
          b: this.viewOf(b, op.b),
          epilogue: store(out, { k: 'acc', index: 0 }),
        });
        return;
      }
      case 'reduce':
        this.reduceKernel(base, origins, this.graph.nodes[node.inputs[0]!]!, op.axes, [{ op: op.fn, value: this.inputOperand(node, 0) }], store(out, { k: 'acc', index: 0 }));
        return;
      case 'argmax': {
        const input = this.graph.nodes[node.inputs[0]!]!;
        const axes = op.axes ?? [input.shape.length - 1];
        this.reduceKernel(base, origins, input, axes, [{ op: 'argmax', value: this.inputOperand(node, 0) }], store(out, { k: 'acc', index: 0 }));
        return;
      }
      case 'position': {
        // sum over the axes of index * (the sizes of the axes after it)
        let value: Expr | null = null;
        for (const axis of op.axes) {
          const index: Expr = { k: 'index', axis };
          value = value === null ? index : call('add', [call('mul', [value, { k: 'num', v: space[axis] as number }]), index]);
        }
        this.kernels.push(this.mapKernel(base, origins, space, store(out, value ?? { k: 'num', v: 0 })));
        return;
      }
      case 'softmax': {
        // exp(z - max) / sum, with the statistics along the last axis shared by everything that needs them
        const zNode = this.graph.nodes[node.inputs[0]!]!;
        const z = this.inputOperand(node, 0);
        const { max, sum } = this.rowStatistics(zNode, base, origins);
        const shifted: Expr = call('exp', [call('sub', [z, this.operand(max, space)])]);
        this.kernels.push(this.mapKernel(base, origins, space, store(out, call('div', [shifted, this.operand(sum, space)]))));
        return;
      }
      case 'cce_logits':
      case 'sparse_cce_logits': {
        // loss = logsumexp(z) * sum(y) - sum(y * z), with y one-hot (or one-hot made from indices)
        const zNode = this.graph.nodes[node.inputs[0]!]!;
        const z = this.operand(zNode.id, zNode.shape);
        const y = this.operand(node.inputs[1]!, zNode.shape);
        const last = zNode.shape.length - 1;
        const target: Expr = op.kind === 'cce_logits' ? y : call('eq', [{ k: 'index', axis: last }, y]);
        const { max, sum } = this.rowStatistics(zNode, base, origins);
        const reductions: Reduction[] = [
          { op: 'sum', value: call('mul', [target, z]) },
          { op: 'sum', value: target },
        ];
        const lse = call('add', [this.operand(max, space), call('log', [this.operand(sum, space)])]);
        const loss = call('sub', [call('mul', [lse, { k: 'acc', index: 1 }]), { k: 'acc', index: 0 }]);
        this.reduceKernel(base, origins, zNode, [last], reductions, store(out, loss));
        return;
      }
    }
  }

  /** True when a buffer value is read in its stored order (a reshape of it needs no copy). */
  private isContiguous(v: Extract<Value, { buf: number }>): boolean {
    const coords = v.shape.map((_, d) => axisCoord(d));
    const view = v.read(coords);
    // every element of the buffer, in order: a slice or a crop of it is not
    const same = view.shape.length === v.shape.length && view.shape.every((d, k) => d === v.shape[k] || (isSymbolic(d) && isSymbolic(v.shape[k]!)));
    return same && view.coords.every((c, d) => c.terms.length === 1 && c.terms[0]![0] === d && c.terms[0]![1] === 1 && c.bias === 0 && !c.masked && (c.div ?? 1) === 1);
  }

  /**
   * Max and sum of exp(z - max) along the last axis (graph node ids of [.., 1] values), computed once
   * per step however many ops need them.
   */
  private stats = new Map<number, { max: number; sum: number }>();
  private rowStatistics(zNode: Node, base: string, origins: Origin[]): { max: number; sum: number } {
    const known = this.stats.get(zNode.id);
    if (known) return known;
    const last = zNode.shape.length - 1;
    const z = this.operand(zNode.id, zNode.shape);
    const shape = reducedShape(zNode.shape, [last]);
    const max = this.buffers.named(`${this.graph.step}/%${zNode.id}.max`, 'temp', shape);
    const sum = this.buffers.named(`${this.graph.step}/%${zNode.id}.sumexp`, 'temp', shape);
    const store = (buf: number): Body => ({ lets: [], stores: [{ buf, view: identityView(shape), value: { k: 'acc', index: 0 } }] });
    this.reduceKernel(base + '.max', origins, zNode, [last], [{ op: 'max', value: z }], store(max));
    // statistics are values of their own: pseudo graph ids below zero name them
    const maxId = this.pseudo(max);
    const shifted: Expr = call('exp', [call('sub', [z, this.operand(maxId, zNode.shape)])]);
    this.reduceKernel(base + '.sumexp', origins, zNode, [last], [{ op: 'sum', value: shifted }], store(sum));
    const stats = { max: maxId, sum: this.pseudo(sum) };
    this.stats.set(zNode.id, stats);
    return stats;
  }

  private pseudoIds = -1;
  /** A value id (negative: not a graph node) for a buffer the lowering made itself. */
  private pseudo(buf: number): number {
    const id = this.pseudoIds--;
    this.values.set(id, stored(this.buffers.list[buf]!));
    return id;
  }

  private paramIndexes = new Map<string, number>();
  private paramIndex(name: string): number {
    if (!this.paramIndexes.has(name)) this.paramIndexes.set(name, this.paramCount++);
    return this.paramIndexes.get(name)!;
  }

  private inputOperand(node: Node, i: number): Expr {
    const input = this.graph.nodes[node.inputs[i]!]!;
    return this.operand(input.id, input.shape);
  }

  /** A reduce kernel over `over`'s space (the reduced value's shape) and `axes` of it. */
  private reduceKernel(name: string, origins: Origin[], over: Node, axes: number[], reductions: Reduction[], epilogue: Body): void {
    this.kernels.push({ kind: 'reduce', name: this.kernelName(name), origins, space: over.shape, axes, prologue: [], reductions, epilogue });
  }
}

/**
 * Index maps composed: `inner` (coordinates of a buffer over a view's axes) with `outer` (the view's
 * coordinates over a kernel's axes) gives the buffer's coordinates over the kernel's axes. Null
 * when an outer coordinate is masked or divided (its bounds would be lost).
 */
/**
 * The view `inner` (coordinates of the input over the view's axes) read through `outer`
 * (coordinates of the view over a kernel's axes): one map from the kernel's axes to the input.
 * A masked outer coordinate composes only where the view takes its axis one to one onto the
 * input's (the axis itself, or reversed: a flip of steps), so that the composed coordinate leaves
 * the input exactly where the outer one leaves the view; null otherwise (and for divisions).
 */
function composeCoords(inner: Coord[], outer: Coord[], viewShape: Shape, inputShape: Shape): Coord[] | null {
  if (outer.some((c) => (c.div ?? 1) !== 1)) return null;
  const onto = (c: Coord, d: number): number => {
    if (c.terms.length !== 1 || (c.div ?? 1) !== 1) return -1;
    const [axis, coef] = c.terms[0]!;
    const n = viewShape[axis];
    if (typeof n !== 'number' || n !== inputShape[d]) return -1;
    return (coef === 1 && c.bias === 0) || (coef === -1 && c.bias === n - 1) ? axis : -1;
  };
  const carried = new Set<number>();
  inner.forEach((c, d) => {
    const axis = onto(c, d);
    if (axis >= 0 && outer[axis]!.masked) carried.add(axis);
  });
  if (outer.some((c, axis) => c.masked && !carried.has(axis))) return null;
  return inner.map((c, d) => {
    const terms = new Map<number, number>();
    let bias = c.bias;
    for (const [axis, coef] of c.terms) {
      const o = outer[axis]!;
      bias += coef * o.bias;
      for (const [a, k] of o.terms) terms.set(a, (terms.get(a) ?? 0) + coef * k);
    }
    const out: Coord = { terms: [...terms].filter(([, k]) => k !== 0), bias };
    if ((c.div ?? 1) !== 1) out.div = c.div!;
    const axis = onto(c, d);
    if (c.masked || (axis >= 0 && outer[axis]!.masked)) out.masked = true;
    return out;
  });
}

function call(fn: Extract<Expr, { k: 'call' }>['fn'], args: Expr[], alpha = 0): Expr {
  return { k: 'call', fn, alpha, args };
}

function opName(node: Node): string {
  const op = node.op;
  if (op.kind === 'elementwise') return op.fn;
  if (op.kind === 'reduce') return `${op.fn}_${axesName(op.axes, node.shape.length)}`;
  return op.kind;
}

/** rows, cols, all (matrices, as kernel names always said), or the axes. */
function axesName(axes: number[], rank: number): string {
  if (axes.length === rank) return 'all';
  if (rank === 2) return axes[0] === 0 ? 'rows' : 'cols';
  return `axes${axes.join('')}`;
}

function originOf(node: Node): { origin?: Origin } {
  return node.origin ? { origin: node.origin } : {};
}
