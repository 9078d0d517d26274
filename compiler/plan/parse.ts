// Reads the plan printer's text (print.ts) back into a plan, so that a pass's unit test is a few
// lines of plan before and after it. Origins are kept as their `what` only; label encoding and
// epoch sums are not part of the text (parsePlan takes them as options where a test needs them).
import type { ElementwiseFn } from '../graph/elementwise.js';
import { elementwise } from '../graph/elementwise.js';
import { axisCoord, LOOP_AXIS, type Coord } from '../graph/index-map.js';
import type { Origin } from '../graph/ir.js';
import type { Dim, Shape } from '../graph/shape.js';
import type { Initializer } from '../program.js';
import type { Body, BufferRole, Expr, Kernel, Let, LoopKernel, Operand, Plan, PlanBuffer, Reduction, Store, View } from './ir.js';
import { indexName } from './view.js';

export class PlanParseError extends Error {
  constructor(line: number, text: string, why: string) {
    super(`plan text line ${line}: ${why}\n  ${text.trim()}`);
  }
}

export function parsePlan(text: string): Plan {
  return new Parser(text).plan();
}

interface Line {
  n: number;
  indent: number;
  text: string;
}

class Parser {
  private lines: Line[];
  private at = 0;
  private buffers: PlanBuffer[] = [];
  private byName = new Map<string, number>();
  private step = 'train';

  constructor(text: string) {
    this.lines = text
      .split('\n')
      .map((t, n) => ({ n: n + 1, indent: t.length - t.trimStart().length, text: t.trim() }))
      .filter((l) => l.text !== '');
  }

  private fail(why: string, line = this.lines[this.at]): never {
    throw new PlanParseError(line?.n ?? this.lines.length, line?.text ?? '', why);
  }

  private peek(): Line | undefined {
    return this.lines[this.at];
  }

  private next(): Line {
    const l = this.lines[this.at++];
    if (!l) this.fail('unexpected end of the plan');
    return l;
  }

  plan(): Plan {
    const head = /^plan (\S+) \{$/.exec(this.next().text) ?? this.fail('expected `plan NAME {`', this.lines[0]);
    const model = head[1]!;
    if (this.next().text !== 'buffers') this.fail('expected `buffers`', this.lines[this.at - 1]);
    while (this.peek() && !/^(train|evaluate|predict): /.test(this.peek()!.text) && this.peek()!.text !== '}') this.buffer(this.next());
    const schedules: Plan['schedules'] = { train: { step: 'train', kernels: [] }, evaluate: { step: 'evaluate', kernels: [] }, predict: { step: 'predict', kernels: [] } };
    while (this.peek() && this.peek()!.text !== '}') {
      const m = /^(train|evaluate|predict): (\d+) kernels?$/.exec(this.next().text) ?? this.fail('expected `STEP: N kernels`', this.lines[this.at - 1]);
      const step = m[1] as 'train' | 'evaluate' | 'predict';
      this.step = step;
      const count = Number(m[2]);
      for (let k = 0; k < count; k++) schedules[step].kernels.push(this.kernel());
    }
    const find = (role: BufferRole) => this.buffers.find((b) => b.role === role)?.id ?? -1;
    return {
      model,
      buffers: this.buffers,
      schedules,
      io: {
        features: find('features'),
        labels: find('labels'),
        permutation: find('permutation'),
        output: find('output'),
        sums: { train: {}, evaluate: {} },
        nonFiniteStep: this.byName.get('train/first_non_finite_step') ?? -1,
        params: this.buffers.filter((b) => b.role === 'param').map((b) => b.id),
        labelEncoding: { kind: 'raw', cols: 1 },
      },
    };
  }

  private buffer(l: Line): void {
    const m = /^(\S+): (f32|u32)(\[[^\]]*\]) (\w+)(?: (init|fill)=(\S+))?$/.exec(l.text) ?? this.fail('expected `NAME: f32[DIMS] ROLE`', l);
    const b: PlanBuffer = { id: this.buffers.length, name: m[1]!, role: m[4] as BufferRole, shape: shape(m[3]!), dtype: m[2] as 'f32' | 'u32' };
    if (m[5] === 'init') b.init = { initializer: { name: m[6]! } as Initializer, fanIn: 1, fanOut: 1, index: this.buffers.filter((x) => x.role === 'param').length };
    if (m[5] === 'fill') b.fill = Number(m[6]);
    if (b.role === 'state' && b.fill === undefined) b.fill = 0;
    this.buffers.push(b);
    this.byName.set(b.name, b.id);
  }

  /** A buffer by its printed name: temporaries print without their step. */
  private buf(name: string, l: Line): number {
    const id = this.byName.get(name) ?? this.byName.get(`${this.step}/${name}`);
    if (id === undefined) this.fail(`no buffer '${name}'`, l);
    return id;
  }

  private kernel(): Kernel {
    const l = this.next();
    const [head, comment] = splitComment(l.text);
    const origins: Origin[] = comment ? comment.split(', ').map(origin) : [];
    const m = /^k\d+ (\S+): (.*)$/.exec(head) ?? this.fail('expected `kN NAME: KIND ...`', l);
    const name = m[1]!;
    const rest = m[2]!;
    let k: RegExpExecArray | null;
    if ((k = /^loop (\d+) steps( reverse)?$/.exec(rest))) {
      const body: LoopKernel['body'] = [];
      while (this.peek() && this.peek()!.indent > l.indent) {
        const inner = this.kernel();
        if (inner.kind === 'loop' || inner.kind === 'gather' || inner.kind === 'segment_sum') this.fail(`a ${inner.kind} inside a loop`, l);
        body.push(inner);
      }
      return { kind: 'loop', name, origins, steps: Number(k[1]), reverse: k[2] !== undefined, body };
    }
    if ((k = /^map (\[[^\]]*\])$/.exec(rest))) {
      const space = shape(k[1]!);
      return { kind: 'map', name, origins, segments: [{ space, body: this.body(l.indent, space, 0) }] };
    }
    if ((k = /^map (\d+) segments$/.exec(rest))) {
      const segments = [];
      for (let s = 0; s < Number(k[1]); s++) {
        const sl = this.next();
        const sm = /^segment (\[[^\]]*\])$/.exec(sl.text) ?? this.fail('expected `segment [DIMS]`', sl);
        const space = shape(sm[1]!);
        segments.push({ space, body: this.body(sl.indent, space, 0) });
      }
      return { kind: 'map', name, origins, segments };
    }
    if ((k = /^matmul (\[[^\]]*\]) inner (\S+) = (\S+) @ (\S+)$/.exec(rest))) {
      const space = shape(k[1]!);
      const inner: Dim = k[2] === 'B' ? 'B' : Number(k[2]);
      const operand = (text: string, side: 'a' | 'b'): Operand => {
        const om = /^(.+?)(\^T)?(\[perm\])?$/.exec(text)!;
        const buf = this.buf(om[1]!, l);
        const [x, kk] = side === 'a' ? [axisCoord(0), axisCoord(2)] : [axisCoord(1), axisCoord(2)];
        const coords = side === 'a' ? (om[2] ? [kk, x] : [x, kk]) : om[2] ? [x, kk] : [kk, x];
        const view: View = { shape: this.buffers[buf]!.shape, coords };
        if (om[3]) view.rows = 'gather';
        return { buf, view };
      };
      return { kind: 'contract', name, origins, space, inner: [inner], a: operand(k[3]!, 'a'), b: operand(k[4]!, 'b'), epilogue: this.body(l.indent, space, 1) };
    }
    if ((k = /^contract (\[[^\]]*\]) inner (\[[^\]]*\]) = (.+) \* (.+)$/.exec(rest))) {
      const space = shape(k[1]!);
      const inner = shape(k[2]!);
      const names = contractNames(space.length, inner.length);
      const operand = (text: string): Operand => {
        const e = new ExprReader(text, names, this, l).load();
        return { buf: e.buf, view: e.view };
      };
      return { kind: 'contract', name, origins, space, inner, a: operand(k[3]!), b: operand(k[4]!), epilogue: this.body(l.indent, space, 1) };
    }
    if ((k = /^gather (\[[^\]]*\]) table=(\S+) index=(.+)$/.exec(rest))) {
      const space = shape(k[1]!);
      const index = new ExprReader(k[3]!, indexName(space.length), this, l).load();
      return { kind: 'gather', name, origins, space, table: this.buf(k[2]!, l), index: { buf: index.buf, view: index.view }, epilogue: this.body(l.indent, space, 1) };
    }
    if ((k = /^segment_sum (\[[^\]]*\]) over (\[[^\]]*\]) index=(.+) values=(.+)$/.exec(rest))) {
      const space = shape(k[1]!);
      const positions = shape(k[2]!);
      const index = new ExprReader(k[3]!, indexName(positions.length), this, l).load();
      const values = new ExprReader(k[4]!, indexName(positions.length + 1), this, l).load();
      return {
        kind: 'segment_sum',
        name,
        origins,
        space,
        positions,
        index: { buf: index.buf, view: index.view },
        values: { buf: values.buf, view: values.view },
        epilogue: this.body(l.indent, space, 1),
      };
    }
    if ((k = /^reduce (rows|cols|all|axes=[\d,]+) of (\[[^\]]*\])$/.exec(rest))) {
      const space = shape(k[2]!);
      const rank = space.length;
      const which = k[1]!;
      const axes = which === 'all' ? space.map((_, a) => a) : which === 'rows' ? [0] : which === 'cols' ? [rank - 1] : which.slice(5).split(',').map(Number);
      const names = indexName(rank);
      const prologue: Let[] = [];
      const reductions: Reduction[] = [];
      while (this.peek() && this.peek()!.indent > l.indent) {
        const bl = this.peek()!;
        const lm = /^let (\S+) = (.+)$/.exec(bl.text);
        const am = /^acc\d+ = (sum|max|argmax) (.+)$/.exec(bl.text);
        if (lm && reductions.length === 0) prologue.push({ name: lm[1]!, value: new ExprReader(lm[2]!, names, this, bl).expr() });
        else if (am) reductions.push({ op: am[1] as Reduction['op'], value: new ExprReader(am[2]!, names, this, bl).expr() });
        else break;
        this.at++;
      }
      return { kind: 'reduce', name, origins, space, axes, prologue, reductions, epilogue: this.body(l.indent, space, reductions.length) };
    }
    return this.fail('unknown kernel kind', l);
  }

  /** Lets then stores, indented under the line at `indent`. */
  private body(indent: number, space: Shape, accs: number): Body {
    void accs;
    const names = indexName(space.length);
    const lets: Let[] = [];
    const stores: Store[] = [];
    while (this.peek() && this.peek()!.indent > indent && !/^segment /.test(this.peek()!.text)) {
      const l = this.next();
      const lm = /^let (\S+) = (.+)$/.exec(l.text);
      if (lm) {
        lets.push({ name: lm[1]!, value: new ExprReader(lm[2]!, names, this, l).expr() });
        continue;
      }
      const sm = /^(.+?) = (.+)$/.exec(l.text) ?? this.fail('expected `let NAME = EXPR` or `BUF[VIEW] = EXPR`', l);
      const target = new ExprReader(sm[1]!, names, this, l).load();
      stores.push({ buf: target.buf, view: target.view, value: new ExprReader(sm[2]!, names, this, l).expr() });
    }
    return { lets, stores };
  }

  /** For ExprReader: a buffer id by printed name, and its shape. */
  bufferNamed(name: string, l: Line): { id: number; shape: Shape } {
    const id = this.buf(name, l);
    return { id, shape: this.buffers[id]!.shape };
  }

  failAt(l: Line, why: string): never {
    return this.fail(why, l);
  }
}

/** Index names of a contraction's iteration axes (as print.ts writes them). */
function contractNames(rank: number, inner: number): (axis: number) => string {
  const outer = indexName(rank);
  const one = inner === 1 && rank === 2;
  return (axis) => (axis < rank ? outer(axis) : one ? 'k' : `k${axis - rank}`);
}

/** `dense @7:3`: where a kernel's work comes from (the span has its line and column only). */
function origin(text: string): Origin {
  const m = /^(.*) @(\d+):(\d+)$/.exec(text);
  if (!m) return { what: text };
  const [line, col] = [Number(m[2]), Number(m[3])];
  return { what: m[1]!, span: { file: '', line, col, endLine: line, endCol: col, offset: 0, endOffset: 0 } };
}

function splitComment(text: string): [string, string | null] {
  const at = text.indexOf('  # ');
  return at < 0 ? [text, null] : [text.slice(0, at), text.slice(at + 4)];
}

function shape(text: string): Shape {
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  return inner.split(',').map((d) => {
    const t = d.trim();
    return t === 'B' || t === 'N' ? t : Number(t);
  });
}

const FUNCTIONS = new Set(Object.keys(elementwise));

/** One expression of the printer's form, read left to right. */
class ExprReader {
  private pos = 0;
  private axisOf = new Map<string, number>();

  constructor(
    private text: string,
    names: (axis: number) => string,
    private parser: Parser,
    private line: Line,
  ) {
    for (let a = 0; a < 16; a++) if (!this.axisOf.has(names(a))) this.axisOf.set(names(a), a);
    this.axisOf.set('t', LOOP_AXIS);
  }

  private fail(why: string): never {
    return this.parser.failAt(this.line, `${why} at column ${this.pos + 1} of \`${this.text}\``);
  }

  private peek(): string {
    return this.text[this.pos] ?? '';
  }

  private eat(s: string): boolean {
    if (!this.text.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }

  private expect(s: string): void {
    if (!this.eat(s)) this.fail(`expected '${s}'`);
  }

  private word(): string {
    const m = /^[A-Za-z0-9_%./#$-]+?(?=[[(,)\]*@ ]|$)/.exec(this.text.slice(this.pos));
    if (!m || m[0] === '') this.fail('expected a name');
    this.pos += m[0].length;
    return m[0];
  }

  expr(): Expr {
    const e = this.term();
    if (this.pos !== this.text.length && this.peek() !== ',' && this.peek() !== ')') this.fail('unexpected text');
    return e;
  }

  private term(): Expr {
    if (this.eat('$')) {
      const name = this.word();
      if (name !== 'rows' && name !== 'step') this.fail(`unknown uniform $${name}`);
      return { k: 'uniform', name };
    }
    const num = /^-?(\d+\.?\d*(e[-+]?\d+)?|Infinity|NaN)/.exec(this.text.slice(this.pos));
    if (num) {
      this.pos += num[0].length;
      return { k: 'num', v: Number(num[0]) };
    }
    const name = this.word();
    if (this.eat('(')) {
      if (name === 'rand') {
        const hex = this.word();
        this.expect(')');
        return { k: 'rand', stream: parseInt(hex, 16) };
      }
      return this.call(name, 0);
    }
    if (this.peek() === '[') {
      const alpha = /^\[(-?[\d.e+-]+)\]\(/.exec(this.text.slice(this.pos));
      if (alpha && FUNCTIONS.has(name)) {
        this.pos += alpha[0].length;
        return this.call(name, Number(alpha[1]));
      }
      this.pos -= name.length;
      return this.load();
    }
    if (/^acc\d+$/.test(name)) return { k: 'acc', index: Number(name.slice(3)) };
    const axis = this.axisOf.get(name);
    if (axis !== undefined) return { k: 'index', axis };
    return { k: 'let', name };
  }

  private call(fn: string, alpha: number): Expr {
    if (!FUNCTIONS.has(fn)) this.fail(`unknown function ${fn}`);
    const args: Expr[] = [];
    if (!this.eat(')')) {
      for (;;) {
        args.push(this.term());
        if (this.eat(')')) break;
        this.expect(', ');
      }
    }
    return { k: 'call', fn: fn as ElementwiseFn, alpha, args };
  }

  /** `name[coords]` or `name[coords]:[shape]`. */
  load(): { k: 'load'; buf: number; view: View } {
    const name = this.word();
    const { id, shape: bufferShape } = this.parser.bufferNamed(name, this.line);
    this.expect('[');
    const coords: Coord[] = [];
    let rows: View['rows'];
    for (;;) {
      if (coords.length === 0 && this.eat('perm[o+')) {
        coords.push(this.coord());
        this.expect(']');
        rows = 'gather';
      } else if (coords.length === 0 && this.eat('o+')) {
        coords.push(this.coord());
        rows = 'window';
      } else coords.push(this.coord());
      if (this.eat(']')) break;
      this.expect(',');
    }
    let viewShape = bufferShape;
    if (this.eat(':')) {
      const end = this.text.indexOf(']', this.pos);
      viewShape = shape(this.text.slice(this.pos, end + 1));
      this.pos = end + 1;
    }
    const view: View = { shape: viewShape, coords };
    if (rows) view.rows = rows;
    return { k: 'load', buf: id, view };
  }

  /** `i`, `0`, `2*i1+k0-1`, `(i1+1-k0)/2`, with `?` when masked. */
  private coord(): Coord {
    let div = 1;
    let inner: string;
    if (this.eat('(')) {
      const end = this.text.indexOf(')', this.pos);
      inner = this.text.slice(this.pos, end);
      this.pos = end + 1;
      this.expect('/');
      const d = /^\d+/.exec(this.text.slice(this.pos))!;
      this.pos += d[0].length;
      div = Number(d[0]);
    } else {
      const m = /^[^,\]?]+/.exec(this.text.slice(this.pos)) ?? this.fail('expected a coordinate');
      inner = m[0];
      this.pos += inner.length;
    }
    const masked = this.eat('?');
    const terms: Array<[number, number]> = [];
    let bias = 0;
    for (const t of inner.match(/[+-]?[^+-]+/g) ?? []) {
      const m = /^([+-]?)(?:(\d+)\*)?([A-Za-z]\w*)$/.exec(t);
      if (m) {
        const axis = this.axisOf.get(m[3]!);
        if (axis === undefined) this.fail(`unknown index ${m[3]}`);
        terms.push([axis, (m[1] === '-' ? -1 : 1) * (m[2] ? Number(m[2]) : 1)]);
      } else if (/^[+-]?\d+$/.test(t)) bias += Number(t);
      else this.fail(`cannot read coordinate term ${t}`);
    }
    const c: Coord = terms.length === 1 && terms[0]![1] === 1 && bias === 0 && div === 1 && !masked ? axisCoord(terms[0]![0]) : { terms, bias };
    if (div !== 1) c.div = div;
    if (masked) c.masked = true;
    return c;
  }
}
