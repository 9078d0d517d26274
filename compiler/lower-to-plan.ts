// Pass: lowerToPlan — the graphs of the three step kinds become one kernel plan: a shared table of
// buffers (parameters, state, data, temporaries) and per step kind a list of kernels, one per op
// (or a few for ops like softmax). Fusion passes then rewrite the plan into fewer kernels.
import type { Graph, Node, Origin, StepKind } from './graph/ir.js';
import type { LabelEncoding } from './lower-to-graph.js';
import { accumulatorName, NON_FINITE_STEP } from './lower-to-graph.js';
import type { Access, Body, Dim, Expr, Kernel, Plan, PlanBuffer, Reduction, Schedule } from './plan/ir.js';

export interface GraphSet {
  train: Graph | null;
  evaluate: Graph | null;
  predict: Graph;
}

export function lowerToPlan(model: string, graphs: GraphSet, labelEncoding: LabelEncoding): Plan {
  const buffers = new BufferTable();
  const features = buffers.named('features', 'features', 'N', graphs.predict.nodes.find(isRole('features'))!.shape.cols);
  const labelCols = (graphs.train ?? graphs.evaluate)?.nodes.find(isRole('labels'))?.shape.cols ?? 1;
  const labels = buffers.named('labels', 'labels', 'N', labelCols);
  const permutation = buffers.named('permutation', 'permutation', 'N', 1, 'u32');
  const prediction = graphs.predict.nodes[graphs.predict.outputs.prediction!]!;
  const output = buffers.named('output', 'output', 'N', prediction.shape.cols);

  const schedules = {} as Record<StepKind, Schedule>;
  for (const step of ['train', 'evaluate', 'predict'] as const) {
    const graph = graphs[step];
    schedules[step] = { step, kernels: graph ? new ScheduleLowering(graph, buffers, output).lower() : [] };
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

function isRole(role: 'features' | 'labels') {
  return (n: Node) => n.op.kind === 'input' && n.op.role === role;
}

class BufferTable {
  readonly list: PlanBuffer[] = [];
  private byName = new Map<string, number>();

  find(name: string): number | undefined {
    return this.byName.get(name);
  }

  named(name: string, role: PlanBuffer['role'], rows: Dim, cols: number, dtype: 'f32' | 'u32' = 'f32', extra: Partial<PlanBuffer> = {}): number {
    const existing = this.byName.get(name);
    if (existing !== undefined) {
      const b = this.list[existing]!;
      if (b.rows !== rows || b.cols !== cols) throw new Error(`plan: buffer ${name} used with two shapes`);
      return existing;
    }
    const id = this.list.length;
    this.list.push({ id, name, role, rows, cols, dtype, ...extra });
    this.byName.set(name, id);
    return id;
  }
}

/** A graph value during lowering: in a buffer, or an expression inlined where it is used. */
type Value = { buf: number } | { expr: Expr };

class ScheduleLowering {
  private values = new Map<number, Value>();
  private kernels: Kernel[] = [];
  private names = new Map<string, number>();
  private paramCount = 0;

  constructor(
    private graph: Graph,
    private buffers: BufferTable,
    private output: number,
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
        this.mapKernel(`assign.${t.name}`, [{ ...(this.graph.nodes[u.value]!.origin ?? { what: 'update' }), op: `update ${t.name}` }], t.rows, t.cols, {
          lets: [],
          stores: [{ buf: target, at: 'elem', value: this.operand(u.value, t.rows, t.cols) }],
        }),
      );
    }
    if (this.graph.step === 'predict') {
      const p = this.graph.nodes[this.graph.outputs.prediction!]!;
      this.kernels.push(
        this.mapKernel('output', [{ what: 'prediction', op: 'store output' }], p.shape.rows, p.shape.cols, {
          lets: [],
          stores: [{ buf: this.output, at: 'offset', value: this.operand(p.id, p.shape.rows, p.shape.cols) }],
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

  /** The expression that reads graph value `id` inside a kernel whose index space is [rows, cols]. */
  private operand(id: number, rows: Dim, cols: number): Expr {
    const v = this.values.get(id);
    if (!v) throw new Error(`plan: %${id} used before it is computed`);
    if ('expr' in v) return v.expr;
    return { k: 'load', buf: v.buf, at: accessFor(this.buffers.list[v.buf]!, rows, cols) };
  }

  private temp(node: Node, suffix = ''): number {
    return this.buffers.named(`${this.graph.step}/%${node.id}${suffix}`, 'temp', node.shape.rows, node.shape.cols, 'f32', originOf(node));
  }

  private kernelName(base: string): string {
    const n = this.names.get(base) ?? 0;
    this.names.set(base, n + 1);
    return n === 0 ? base : `${base}#${n}`;
  }

  private mapKernel(name: string, origins: Origin[], rows: Dim, cols: number, body: Body): Kernel {
    return { kind: 'map', name: this.kernelName(name), origins, segments: [{ rows, cols, body }] };
  }

  private lowerNode(node: Node): void {
    const op = node.op;
    const { rows, cols } = node.shape;
    const origins = [{ ...(node.origin ?? { what: 'step' }), op: opName(node) }];
    const base = `${node.origin?.what.replace(/ \(gradient\)$/, '.grad') ?? 'step'}.${opName(node)}`;
    const store = (buf: number, value: Expr): Body => ({ lets: [], stores: [{ buf, at: 'elem', value }] });
    switch (op.kind) {
      case 'input':
        this.values.set(node.id, { buf: op.role === 'features' ? this.buffers.find('features')! : this.buffers.find('labels')! });
        return;
      case 'param':
        this.values.set(node.id, {
          buf: this.buffers.named(op.name, 'param', rows, cols, 'f32', {
            init: { initializer: op.init, fanIn: op.fanIn, fanOut: op.fanOut, index: this.paramIndex(op.name) },
            ...originOf(node),
          }),
        });
        return;
      case 'state':
        this.values.set(node.id, { buf: this.buffers.named(op.name, 'state', rows, cols, 'f32', { fill: op.fill, ...originOf(node) }) });
        return;
      case 'const':
        this.values.set(node.id, { expr: { k: 'num', v: op.value } });
        return;
      case 'uniform':
        this.values.set(node.id, { expr: { k: 'uniform', name: op.name } });
        return;
    }

    const out = this.temp(node);
    this.values.set(node.id, { buf: out });
    const arg = (i: number) => this.operand(node.inputs[i]!, rows, cols);
    switch (op.kind) {
      case 'elementwise':
        this.kernels.push(this.mapKernel(base, origins, rows, cols, store(out, { k: 'call', fn: op.fn, alpha: op.alpha, args: node.inputs.map((_, i) => arg(i)) })));
        return;
      case 'broadcast':
        this.kernels.push(this.mapKernel(base, origins, rows, cols, store(out, arg(0))));
        return;
      case 'random':
        this.kernels.push(this.mapKernel(base, origins, rows, cols, store(out, { k: 'rand', stream: op.stream })));
        return;
      case 'one_hot':
        this.kernels.push(
          this.mapKernel(base, origins, rows, cols, store(out, { k: 'call', fn: 'eq', alpha: 0, args: [{ k: 'col' }, arg(0)] })),
        );
        return;
      case 'matmul': {
        const [a, b] = node.inputs.map((i) => this.graph.nodes[i]!) as [Node, Node];
        const inner = op.transposeA ? a.shape.rows : a.shape.cols;
        this.kernels.push({
          kind: 'matmul',
          name: this.kernelName(base),
          origins,
          rows,
          cols,
          inner,
          a: this.matmulOperand(a.id, op.transposeA),
          b: this.matmulOperand(b.id, op.transposeB),
          epilogue: store(out, { k: 'acc', index: 0 }),
        });
        return;
      }
      case 'reduce':
        this.reduceKernel(base, origins, node, op.axis, [{ op: op.fn, value: this.inputOperand(node, 0) }], store(out, { k: 'acc', index: 0 }));
        return;
      case 'argmax':
        this.reduceKernel(base, origins, node, 'cols', [{ op: 'argmax', value: this.inputOperand(node, 0) }], store(out, { k: 'acc', index: 0 }));
        return;
      case 'softmax': {
        // exp(z - max) / sum, with the row statistics shared by everything that needs them
        const zNode = this.graph.nodes[node.inputs[0]!]!;
        const z = this.inputOperand(node, 0);
        const { max, sum } = this.rowStatistics(zNode, base, origins);
        const shifted: Expr = call('exp', [call('sub', [z, { k: 'load', buf: max, at: 'col' }])]);
        this.kernels.push(this.mapKernel(base, origins, rows, cols, store(out, call('div', [shifted, { k: 'load', buf: sum, at: 'col' }]))));
        return;
      }
      case 'cce_logits':
      case 'sparse_cce_logits': {
        // loss = logsumexp(z) * sum(y) - sum(y * z), with y one-hot (or one-hot made from indices)
        const zNode = this.graph.nodes[node.inputs[0]!]!;
        const z = this.operand(zNode.id, zNode.shape.rows, zNode.shape.cols);
        const y = this.operand(node.inputs[1]!, zNode.shape.rows, zNode.shape.cols);
        const target: Expr = op.kind === 'cce_logits' ? y : call('eq', [{ k: 'col' }, y]);
        const { max, sum } = this.rowStatistics(zNode, base, origins);
        const reductions: Reduction[] = [
          { op: 'sum', value: call('mul', [target, z]) },
          { op: 'sum', value: target },
        ];
        const lse = call('add', [{ k: 'load', buf: max, at: 'elem' }, call('log', [{ k: 'load', buf: sum, at: 'elem' }])]);
        const loss = call('sub', [call('mul', [lse, { k: 'acc', index: 1 }]), { k: 'acc', index: 0 }]);
        this.reduceKernel(base, origins, zNode, 'cols', reductions, store(out, loss), true);
        return;
      }
    }
  }

  /** Row max and row sum of exp(z - max) of a value, computed once per step however many ops need them. */
  private stats = new Map<number, { max: number; sum: number }>();
  private rowStatistics(zNode: Node, base: string, origins: Origin[]): { max: number; sum: number } {
    const known = this.stats.get(zNode.id);
    if (known) return known;
    const rows = zNode.shape.rows;
    const z = this.operand(zNode.id, rows, zNode.shape.cols);
    const max = this.buffers.named(`${this.graph.step}/%${zNode.id}.max`, 'temp', rows, 1);
    const sum = this.buffers.named(`${this.graph.step}/%${zNode.id}.sumexp`, 'temp', rows, 1);
    const store = (buf: number): Body => ({ lets: [], stores: [{ buf, at: 'elem', value: { k: 'acc', index: 0 } }] });
    this.reduceKernel(base + '.max', origins, zNode, 'cols', [{ op: 'max', value: z }], store(max), true);
    const shifted: Expr = call('exp', [call('sub', [z, { k: 'load', buf: max, at: 'col' }])]);
    this.reduceKernel(base + '.sumexp', origins, zNode, 'cols', [{ op: 'sum', value: shifted }], store(sum), true);
    const stats = { max, sum };
    this.stats.set(zNode.id, stats);
    return stats;
  }

  private paramIndexes = new Map<string, number>();
  private paramIndex(name: string): number {
    if (!this.paramIndexes.has(name)) this.paramIndexes.set(name, this.paramCount++);
    return this.paramIndexes.get(name)!;
  }

  private inputOperand(node: Node, i: number): Expr {
    const input = this.graph.nodes[node.inputs[i]!]!;
    return this.operand(input.id, input.shape.rows, input.shape.cols);
  }

  private matmulOperand(id: number, transpose: boolean) {
    const v = this.values.get(id);
    if (!v || !('buf' in v)) throw new Error(`plan: matmul operand %${id} is not in a buffer`);
    const role = this.buffers.list[v.buf]!.role;
    return { buf: v.buf, transpose, at: role === 'features' || role === 'labels' ? ('gather' as const) : ('elem' as const) };
  }

  /**
   * A reduce kernel over the index space of `over` (the reduced input). `inputSpace` marks reductions
   * whose expressions were built against the input's shape already.
   */
  private reduceKernel(name: string, origins: Origin[], over: Node, axis: 'rows' | 'cols' | 'all', reductions: Reduction[], epilogue: Body, inputSpace = false): void {
    let space = over;
    if (!inputSpace) space = this.graph.nodes[over.inputs[0]!]!;
    this.kernels.push({
      kind: 'reduce',
      name: this.kernelName(name),
      origins,
      axis,
      rows: space.shape.rows,
      cols: space.shape.cols,
      prologue: [],
      reductions,
      epilogue,
    });
  }
}

function call(fn: Extract<Expr, { k: 'call' }>['fn'], args: Expr[], alpha = 0): Expr {
  return { k: 'call', fn, alpha, args };
}

function opName(node: Node): string {
  const op = node.op;
  if (op.kind === 'elementwise') return op.fn;
  if (op.kind === 'reduce') return `${op.fn}_${op.axis}`;
  return op.kind;
}

function originOf(node: Node): { origin?: Origin } {
  return node.origin ? { origin: node.origin } : {};
}

/** How a kernel with index space [rows, cols] reads a buffer, by their shapes. */
export function accessFor(buffer: PlanBuffer, rows: Dim, cols: number): Access {
  if (buffer.role === 'features' || buffer.role === 'labels') return 'gather';
  if (buffer.rows === rows && buffer.cols === cols) return 'elem';
  const oneRow = buffer.rows === 1;
  const oneCol = buffer.cols === 1;
  if (oneRow && oneCol) return 'scalar';
  if (oneRow && buffer.cols === cols) return 'row';
  if (oneCol && buffer.rows === rows) return 'col';
  throw new Error(`plan: buffer ${buffer.name} [${String(buffer.rows)}, ${buffer.cols}] cannot be read in a [${String(rows)}, ${cols}] kernel`);
}
