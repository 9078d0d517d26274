// A typed WGSL builder: shaders are built from typed values and printed to text only at the end
// (print.ts). Every expression knows its WGSL type, and anything WGSL would reject that can be seen
// while building (f32 + u32, indexing a scalar, assigning to a `let`, a missing struct field, a
// variable used outside its block, a statement after `return`) throws a WgslBuildError naming the
// construct, so the emitter's bugs surface at build time with a readable message instead of as a
// Dawn compile error far from their cause.
//
//   const m = new WgslModule();
//   const x = m.storage('x', arrayOf(f32), 'read');
//   const y = m.storage('y', arrayOf(f32), 'read_write');
//   const p = m.uniform('params', struct('Params', { rows: u32, scale: f32 }));
//   m.compute('main', [64], (b, { gid }) => {
//     const i = b.let('i', gid.x);
//     b.if(lt(i, p.field('rows')), (b) => b.assign(y.at(i), mul(exp(x.at(i)), p.field('scale'))));
//   });
//   const text = m.print();
import {
  type ArrayType,
  type ScalarType,
  type StructType,
  type WgslType,
  bool,
  checkHostShareable,
  checkIdentifier,
  checkUniformLayout,
  f32,
  fail,
  i32,
  isBool,
  isFloat,
  isInteger,
  isNumeric,
  isReserved,
  isRuntimeSized,
  sameType,
  sanitizeIdentifier,
  scalarOf,
  sizeOf,
  typeName,
  u32,
  vec2,
  vec3,
  vec4,
} from './types.js';
import { printExpr, printModule } from './print.js';

export {
  type ArrayType,
  type ScalarName,
  type ScalarType,
  type StructField,
  type StructLayout,
  type FieldLayout,
  type StructType,
  type VecType,
  type WgslType,
  WgslBuildError,
  alignOf,
  arrayOf,
  arrayStride,
  bool,
  f32,
  i32,
  sameType,
  sizeOf,
  struct,
  structLayout,
  typeName,
  u32,
  vec2,
  vec3,
  vec4,
} from './types.js';

// ---- nodes ---------------------------------------------------------------------------------

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type LogicalOp = '&&' | '||';
export type BitwiseOp = '&' | '|' | '^' | '<<' | '>>';
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp | BitwiseOp;
export type UnaryOp = '-' | '!' | '~';
export type UpdateOp = '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=';

export type DeclKind =
  | 'let'
  | 'var'
  | 'param'
  | 'loop'
  | 'builtin'
  | 'storage'
  | 'uniform'
  | 'workgroup'
  | 'private'
  | 'const';

/** A named thing an expression can refer to: a local, a parameter, a builtin input or a global. */
export interface Decl {
  readonly name: string;
  readonly kind: DeclKind;
  readonly type: WgslType;
  /** The function that declares a local; null for module-scope declarations. */
  readonly fn: FnDecl | null;
  readonly module: WgslModule;
  /** The block that declares a local (null for parameters, builtins and globals). */
  readonly scope: Block | null;
  /** Storage buffers: read or read_write. */
  readonly access?: StorageAccess;
  readonly group?: number;
  readonly binding?: number;
  /** Constants: the value. Builtin inputs: the @builtin name. */
  readonly value?: Expr;
  readonly builtin?: string;
}

export type StorageAccess = 'read' | 'read_write';

export type ExprNode =
  | { readonly k: 'lit'; readonly value: number | boolean; readonly hex?: boolean }
  | { readonly k: 'ref'; readonly decl: Decl }
  | { readonly k: 'binary'; readonly op: BinaryOp; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'unary'; readonly op: UnaryOp; readonly a: Expr }
  | { readonly k: 'call'; readonly callee: string; readonly template?: WgslType; readonly args: readonly Expr[]; readonly fn?: FnDecl }
  | { readonly k: 'construct'; readonly args: readonly Expr[] }
  | { readonly k: 'index'; readonly base: Expr; readonly index: Expr }
  | { readonly k: 'member'; readonly base: Expr; readonly name: string }
  | { readonly k: 'addressOf'; readonly a: Expr };

/** A typed WGSL expression. `type` throws for a call of a function that returns nothing. */
export class Expr {
  constructor(
    private readonly valueType: WgslType | null,
    readonly node: ExprNode,
  ) {}

  get type(): WgslType {
    if (this.valueType === null) {
      const callee = this.node.k === 'call' ? this.node.callee : '?';
      fail(`${callee}(...) returns nothing and has no value; call it as a statement with b.call(...)`);
    }
    return this.valueType;
  }

  get isVoid(): boolean {
    return this.valueType === null;
  }

  /** Vector components. */
  get x(): Expr {
    return component(this, 'x', 0);
  }
  get y(): Expr {
    return component(this, 'y', 1);
  }
  get z(): Expr {
    return component(this, 'z', 2);
  }
  get w(): Expr {
    return component(this, 'w', 3);
  }

  /** A struct field: `s.name`. */
  field(name: string): Expr {
    const t = this.type;
    if (t.kind !== 'struct') fail(`field '${name}': ${describe(this)} is not a struct`);
    const f = t.fields.find((x) => x.name === name);
    if (!f) fail(`field '${name}': struct ${t.name} has no such field (it has ${t.fields.map((x) => x.name).join(', ')})`);
    return new Expr(f.type, { k: 'member', base: this, name });
  }

  /** An array or vector element: `a[i]`. */
  at(i: Operand): Expr {
    return index(this, i);
  }

  toString(): string {
    return printExpr(this);
  }
}

/** What operators and builtins accept: an expression, or a JS number/boolean that takes the type of the other operands. */
export type Operand = Expr | number | boolean;

export type Stmt =
  | { readonly k: 'let'; readonly decl: Decl; readonly init: Expr }
  | { readonly k: 'var'; readonly decl: Decl; readonly init: Expr | null }
  | { readonly k: 'assign'; readonly target: Expr; readonly op: '=' | UpdateOp; readonly value: Expr }
  | { readonly k: 'if'; readonly cond: Expr; readonly then: readonly Stmt[]; readonly else: readonly Stmt[] | null }
  | { readonly k: 'for'; readonly decl: Decl; readonly from: Expr; readonly to: Expr; readonly step: Expr; readonly body: readonly Stmt[] }
  | { readonly k: 'loop'; readonly body: readonly Stmt[] }
  | { readonly k: 'break' }
  | { readonly k: 'continue' }
  | { readonly k: 'return'; readonly value: Expr | null }
  | { readonly k: 'barrier'; readonly name: 'workgroupBarrier' | 'storageBarrier' }
  | { readonly k: 'call'; readonly expr: Expr }
  | { readonly k: 'comment'; readonly text: string };

// ---- helpers -------------------------------------------------------------------------------

/** `expr` (type), for error messages. */
export function describe(e: Expr): string {
  let text: string;
  try {
    text = printExpr(e);
  } catch {
    text = '?';
  }
  if (text.length > 60) text = `${text.slice(0, 57)}...`;
  return e.isVoid ? `\`${text}\` (no value)` : `\`${text}\` (${typeName(e.type)})`;
}

function isExpr(v: unknown): v is Expr {
  return v instanceof Expr;
}

function isType(v: unknown): v is WgslType {
  return typeof v === 'object' && v !== null && !(v instanceof Expr) && 'kind' in v;
}

/** A JS value as a literal of the scalar type `like`. */
function literalOf(v: number | boolean, like: ScalarType, what: string): Expr {
  switch (like.name) {
    case 'bool':
      if (typeof v !== 'boolean') fail(`${what}: ${v} is not a bool; write true or false`);
      return lit.bool(v);
    case 'f32':
      if (typeof v !== 'number') fail(`${what}: ${v} is not an f32`);
      return lit.f32(v);
    case 'i32':
      if (typeof v !== 'number') fail(`${what}: ${v} is not an i32`);
      return lit.i32(v);
    case 'u32':
      if (typeof v !== 'number') fail(`${what}: ${v} is not a u32`);
      return lit.u32(v);
  }
}

/** Lifts JS numbers to the scalar type of the first expression among the operands. */
function liftAll(what: string, ops: readonly Operand[]): Expr[] {
  const first = ops.find(isExpr);
  if (!first) fail(`${what}: every operand is a JS value, so its WGSL type is unknown; make one a literal (lit.f32(...), lit.u32(...))`);
  const like = scalarOf(first.type);
  return ops.map((o) => {
    if (isExpr(o)) return o;
    if (!like) fail(`${what}: ${o} cannot take the type of ${describe(first)}`);
    return literalOf(o, like, what);
  });
}

function toExpr(o: Operand, like: ScalarType, what: string): Expr {
  return isExpr(o) ? o : literalOf(o, like, what);
}

function component(e: Expr, name: 'x' | 'y' | 'z' | 'w', i: number): Expr {
  const t = e.type;
  if (t.kind !== 'vec') fail(`.${name}: ${describe(e)} is not a vector`);
  if (i >= t.n) fail(`.${name}: ${describe(e)} has only ${t.n} components`);
  return new Expr(t.elem, { k: 'member', base: e, name });
}

/** Why an expression cannot be assigned to, or null if it can. */
function notAssignable(e: Expr): string | null {
  const n = e.node;
  if (n.k === 'index' || n.k === 'member') return notAssignable(n.base);
  if (n.k !== 'ref') return `${describe(e)} is a value, not a variable`;
  const d = n.decl;
  switch (d.kind) {
    case 'var':
    case 'workgroup':
    case 'private':
      return null;
    case 'storage':
      return d.access === 'read_write' ? null : `storage buffer '${d.name}' is read-only (declare it 'read_write')`;
    case 'let':
      return `'${d.name}' is a let; declare it with b.var to assign to it`;
    case 'param':
      return `'${d.name}' is a function parameter`;
    case 'loop':
      return `'${d.name}' is the loop counter of a for loop`;
    case 'builtin':
      return `'${d.name}' is a builtin input`;
    case 'uniform':
      return `uniform '${d.name}' is read-only`;
    case 'const':
      return `'${d.name}' is a constant`;
  }
}

export function isLiteralZero(e: Expr): boolean {
  return e.node.k === 'lit' && e.node.value === 0;
}

export function literalValue(e: Expr): number | null {
  return e.node.k === 'lit' && typeof e.node.value === 'number' ? e.node.value : null;
}

// ---- literals ------------------------------------------------------------------------------

const F32_MAX = 3.4028234663852886e38;

export const lit = {
  /** An f32 literal; the value is rounded to f32. Infinities, NaN and values beyond f32's range are refused. */
  f32(v: number): Expr {
    if (!Number.isFinite(v)) fail(`lit.f32: ${v} is not finite; WGSL has no literal for it`);
    const r = Math.fround(v);
    if (!Number.isFinite(r) || Math.abs(r) > F32_MAX) fail(`lit.f32: ${v} is beyond the range of f32`);
    return new Expr(f32, { k: 'lit', value: r });
  },
  i32(v: number): Expr {
    if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) fail(`lit.i32: ${v} is not a 32-bit signed integer`);
    return new Expr(i32, { k: 'lit', value: v === 0 ? 0 : v });
  },
  u32(v: number): Expr {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) fail(`lit.u32: ${v} is not a 32-bit unsigned integer`);
    return new Expr(u32, { k: 'lit', value: v === 0 ? 0 : v });
  },
  /** A u32 literal printed in hexadecimal (hash constants, bit masks). */
  hex(v: number): Expr {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) fail(`lit.hex: ${v} is not a 32-bit unsigned integer`);
    return new Expr(u32, { k: 'lit', value: v, hex: true });
  },
  bool(v: boolean): Expr {
    return new Expr(bool, { k: 'lit', value: v });
  },
};

// ---- operators -----------------------------------------------------------------------------

function arithmeticType(what: string, a: Expr, b: Expr): WgslType {
  const ta = a.type;
  const tb = b.type;
  if (!isNumeric(ta) || !isNumeric(tb)) fail(`${what}: needs numbers, but got ${describe(a)} and ${describe(b)}`);
  if (sameType(ta, tb)) return ta;
  // vector op scalar of the same element type
  if (ta.kind === 'vec' && tb.kind === 'scalar' && ta.elem.name === tb.name) return ta;
  if (tb.kind === 'vec' && ta.kind === 'scalar' && tb.elem.name === ta.name) return tb;
  fail(`${what}: cannot combine ${describe(a)} and ${describe(b)}; convert one with cast(...)`);
}

function binary(what: string, op: BinaryOp, x: Operand, y: Operand): Expr {
  let a: Expr;
  let b: Expr;
  if (op === '<<' || op === '>>') {
    if (!isExpr(x)) fail(`${what}: the value to shift (${x}) needs a type; write lit.u32(${x}) or lit.i32(${x})`);
    a = x;
    b = toExpr(y, u32, what);
  } else {
    [a, b] = liftAll(what, [x, y]) as [Expr, Expr];
  }
  const ta = a.type;
  const tb = b.type;
  let result: WgslType;
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      result = arithmeticType(what, a, b);
      if ((op === '/' || op === '%') && isInteger(tb) && isLiteralZero(b)) fail(`${what}: integer division by zero in ${describe(a)} ${op} 0`);
      break;
    case '<':
    case '<=':
    case '>':
    case '>=':
    case '==':
    case '!=': {
      const ordered = op !== '==' && op !== '!=';
      if (!sameType(ta, tb) || scalarOf(ta) === null) fail(`${what}: cannot compare ${describe(a)} with ${describe(b)}`);
      if (ordered && !isNumeric(ta)) fail(`${what}: ${op} needs numbers, but got ${describe(a)}`);
      result = ta.kind === 'vec' ? vecOfN(ta.n, bool) : bool;
      break;
    }
    case '&&':
    case '||':
      if (!(ta.kind === 'scalar' && ta.name === 'bool' && sameType(ta, tb))) fail(`${what}: ${op} needs two bools, but got ${describe(a)} and ${describe(b)}`);
      result = bool;
      break;
    case '&':
    case '|':
    case '^':
      if (!sameType(ta, tb) || !(isInteger(ta) || (isBool(ta) && op !== '^'))) {
        fail(`${what}: ${op} needs two integers of the same type, but got ${describe(a)} and ${describe(b)}`);
      }
      result = ta;
      break;
    case '<<':
    case '>>': {
      if (!isInteger(ta)) fail(`${what}: can only shift integers, not ${describe(a)}`);
      const want = ta.kind === 'vec' ? vecOfN(ta.n, u32) : u32;
      if (!sameType(tb, want)) fail(`${what}: the shift amount must be ${typeName(want)}, not ${describe(b)}`);
      const amount = literalValue(b);
      if (amount !== null && amount >= 32) fail(`${what}: shifting a 32-bit value by ${amount}`);
      result = ta;
      break;
    }
  }
  return new Expr(result, { k: 'binary', op, a, b });
}

function vecOfN(n: 2 | 3 | 4, elem: ScalarType) {
  return n === 2 ? vec2(elem) : n === 3 ? vec3(elem) : vec4(elem);
}

export const add = (a: Operand, b: Operand) => binary('add', '+', a, b);
export const sub = (a: Operand, b: Operand) => binary('sub', '-', a, b);
export const mul = (a: Operand, b: Operand) => binary('mul', '*', a, b);
export const div = (a: Operand, b: Operand) => binary('div', '/', a, b);
export const mod = (a: Operand, b: Operand) => binary('mod', '%', a, b);
export const lt = (a: Operand, b: Operand) => binary('lt', '<', a, b);
export const le = (a: Operand, b: Operand) => binary('le', '<=', a, b);
export const gt = (a: Operand, b: Operand) => binary('gt', '>', a, b);
export const ge = (a: Operand, b: Operand) => binary('ge', '>=', a, b);
export const eq = (a: Operand, b: Operand) => binary('eq', '==', a, b);
export const ne = (a: Operand, b: Operand) => binary('ne', '!=', a, b);
export const and = (a: Operand, b: Operand) => binary('and', '&&', a, b);
export const or = (a: Operand, b: Operand) => binary('or', '||', a, b);
export const bitAnd = (a: Operand, b: Operand) => binary('bitAnd', '&', a, b);
export const bitOr = (a: Operand, b: Operand) => binary('bitOr', '|', a, b);
export const bitXor = (a: Operand, b: Operand) => binary('bitXor', '^', a, b);
export const shl = (a: Expr, b: Operand) => binary('shl', '<<', a, b);
export const shr = (a: Expr, b: Operand) => binary('shr', '>>', a, b);

/** Sums or products of many terms, left to right. */
export function sum(...terms: Operand[]): Expr {
  const [first, ...rest] = liftAll('sum', terms);
  return rest.reduce((acc, t) => add(acc, t), first!);
}

export function neg(a: Expr): Expr {
  const t = a.type;
  if (!isNumeric(t) || scalarOf(t)!.name === 'u32') fail(`neg: can only negate f32 or i32, not ${describe(a)}`);
  return new Expr(t, { k: 'unary', op: '-', a });
}
export function not(a: Expr): Expr {
  if (!isBool(a.type)) fail(`not: needs a bool, not ${describe(a)}`);
  return new Expr(a.type, { k: 'unary', op: '!', a });
}
export function bitNot(a: Expr): Expr {
  if (!isInteger(a.type)) fail(`bitNot: needs an integer, not ${describe(a)}`);
  return new Expr(a.type, { k: 'unary', op: '~', a });
}

/** `a[i]` on an array or vector; i is i32 or u32 (a JS number becomes u32). */
export function index(base: Expr, i: Operand): Expr {
  const t = base.type;
  if (t.kind !== 'array' && t.kind !== 'vec') fail(`index: ${describe(base)} is not an array or vector`);
  const ix = toExpr(i, u32, 'index');
  if (!(ix.type.kind === 'scalar' && (ix.type.name === 'u32' || ix.type.name === 'i32'))) {
    fail(`index: the index of ${describe(base)} must be u32 or i32, not ${describe(ix)}`);
  }
  const n = t.kind === 'vec' ? t.n : t.length;
  const k = literalValue(ix);
  if (k !== null && (k < 0 || (n !== null && k >= n))) fail(`index: ${k} is out of bounds for ${describe(base)}`);
  return new Expr(t.elem, { k: 'index', base, index: ix });
}

// ---- builtin functions ---------------------------------------------------------------------

function call(callee: string, type: WgslType | null, args: Expr[], template?: WgslType): Expr {
  return new Expr(type, template ? { k: 'call', callee, template, args } : { k: 'call', callee, args });
}

function floatFn(name: string) {
  return (x: Expr): Expr => {
    if (!isFloat(x.type)) fail(`${name}: needs f32 (or a vector of f32), not ${describe(x)}`);
    return call(name, x.type, [x]);
  };
}

function sameTypeArgs(name: string, ops: readonly Operand[], check: (t: WgslType) => boolean, needs: string): Expr[] {
  const args = liftAll(name, ops);
  const t = args[0]!.type;
  if (!check(t)) fail(`${name}: needs ${needs}, not ${describe(args[0]!)}`);
  for (const a of args) if (!sameType(a.type, t)) fail(`${name}: all arguments must have one type, but got ${args.map(describe).join(', ')}`);
  return args;
}

export const exp = floatFn('exp');
export const exp2 = floatFn('exp2');
export const log = floatFn('log');
export const log2 = floatFn('log2');
export const sqrt = floatFn('sqrt');
export const inverseSqrt = floatFn('inverseSqrt');
export const tanh = floatFn('tanh');
export const sin = floatFn('sin');
export const cos = floatFn('cos');
export const floor = floatFn('floor');
export const ceil = floatFn('ceil');
export const round = floatFn('round');
export const trunc = floatFn('trunc');
export const fract = floatFn('fract');

export function abs(x: Expr): Expr {
  if (!isNumeric(x.type)) fail(`abs: needs a number, not ${describe(x)}`);
  return call('abs', x.type, [x]);
}
export function sign(x: Expr): Expr {
  const s = scalarOf(x.type);
  if (!s || (s.name !== 'f32' && s.name !== 'i32')) fail(`sign: needs f32 or i32, not ${describe(x)}`);
  return call('sign', x.type, [x]);
}
export function pow(x: Operand, y: Operand): Expr {
  const args = sameTypeArgs('pow', [x, y], isFloat, 'f32');
  return call('pow', args[0]!.type, args);
}
export function min(x: Operand, y: Operand): Expr {
  const args = sameTypeArgs('min', [x, y], isNumeric, 'numbers');
  return call('min', args[0]!.type, args);
}
export function max(x: Operand, y: Operand): Expr {
  const args = sameTypeArgs('max', [x, y], isNumeric, 'numbers');
  return call('max', args[0]!.type, args);
}
export function clamp(x: Operand, lo: Operand, hi: Operand): Expr {
  const args = sameTypeArgs('clamp', [x, lo, hi], isNumeric, 'numbers');
  return call('clamp', args[0]!.type, args);
}
export function fma(a: Operand, b: Operand, c: Operand): Expr {
  const args = sameTypeArgs('fma', [a, b, c], isFloat, 'f32');
  return call('fma', args[0]!.type, args);
}
export function mix(a: Operand, b: Operand, t: Operand): Expr {
  const args = sameTypeArgs('mix', [a, b, t], isFloat, 'f32');
  return call('mix', args[0]!.type, args);
}
export function dot(a: Expr, b: Expr): Expr {
  if (a.type.kind !== 'vec' || !isNumeric(a.type) || !sameType(a.type, b.type)) fail(`dot: needs two numeric vectors of one type, not ${describe(a)} and ${describe(b)}`);
  return call('dot', a.type.elem, [a, b]);
}

/** WGSL's `select(ifFalse, ifTrue, cond)`: note the order, false value first. */
export function select(ifFalse: Operand, ifTrue: Operand, cond: Operand): Expr {
  const [f, t] = liftAll('select', [ifFalse, ifTrue]) as [Expr, Expr];
  const c = toExpr(cond, bool, 'select');
  if (!sameType(f.type, t.type) || scalarOf(f.type) === null) fail(`select: the two values must be scalars or vectors of one type, but got ${describe(f)} and ${describe(t)}`);
  const want = f.type.kind === 'vec' ? vecOfN(f.type.n, bool) : bool;
  if (!sameType(c.type, want) && !sameType(c.type, bool)) fail(`select: the condition (third argument) must be bool, not ${describe(c)}`);
  return call('select', f.type, [f, t, c]);
}

/** Value conversion `T(x)`: between f32, i32, u32 and bool, for scalars or same-length vectors. */
export function cast(to: WgslType, x: Expr): Expr {
  if (!isExpr(x)) fail(`cast: ${x} is a JS value; write a literal of the type you want (lit.f32, lit.u32, lit.i32)`);
  const from = x.type;
  const ok = (to.kind === 'scalar' && from.kind === 'scalar') || (to.kind === 'vec' && from.kind === 'vec' && to.n === from.n);
  if (!ok) fail(`cast: cannot convert ${describe(x)} to ${typeName(to)}`);
  return new Expr(to, { k: 'construct', args: [x] });
}

/** Reinterprets the bits: `bitcast<T>(x)` between 32-bit f32, i32 and u32 (or vectors of them). */
export function bitcast(to: WgslType, x: Expr): Expr {
  const from = x.type;
  const ts = scalarOf(to);
  const fs = scalarOf(from);
  const ok =
    ts !== null && fs !== null && ts.name !== 'bool' && fs.name !== 'bool' && (to.kind === 'scalar' ? from.kind === 'scalar' : from.kind === 'vec' && to.kind === 'vec' && from.n === to.n);
  if (!ok) fail(`bitcast: cannot reinterpret ${describe(x)} as ${typeName(to)}`);
  return call('bitcast', to, [x], to);
}

/** Builds a vector, array or struct from its parts: `vec3<u32>(a, b, c)`, `Params(1u, 2.0)`. A single scalar fills a vector. */
export function construct(type: WgslType, ...parts: Operand[]): Expr {
  const what = `construct ${typeName(type)}`;
  let args: Expr[];
  switch (type.kind) {
    case 'scalar':
      if (parts.length !== 1) fail(`${what}: needs one value`);
      return cast(type, toExpr(parts[0]!, type, what));
    case 'vec': {
      args = parts.map((p) => toExpr(p, type.elem, what));
      const count = args.reduce((n, a) => {
        const t = a.type;
        if (scalarOf(t)?.name !== type.elem.name) fail(`${what}: ${describe(a)} is not ${type.elem.name}`);
        return n + (t.kind === 'vec' ? t.n : 1);
      }, 0);
      if (!(count === type.n || (args.length === 1 && count === 1))) fail(`${what}: needs ${type.n} components, got ${count}`);
      break;
    }
    case 'array': {
      if (type.length === null) fail(`${what}: a runtime-sized array cannot be constructed`);
      const elem = type.elem;
      args = parts.map((p) => (isExpr(p) ? p : elem.kind === 'scalar' ? literalOf(p, elem, what) : fail(`${what}: element ${p} needs an expression`)));
      if (args.length !== type.length) fail(`${what}: needs ${type.length} elements, got ${args.length}`);
      for (const a of args) if (!sameType(a.type, elem)) fail(`${what}: element ${describe(a)} is not ${typeName(elem)}`);
      break;
    }
    case 'struct': {
      if (parts.length !== type.fields.length) fail(`${what}: needs ${type.fields.length} fields, got ${parts.length}`);
      args = type.fields.map((f, i) => {
        const p = parts[i]!;
        const a = isExpr(p) ? p : f.type.kind === 'scalar' ? literalOf(p, f.type, what) : fail(`${what}: field '${f.name}' needs an expression`);
        if (!sameType(a.type, f.type)) fail(`${what}: field '${f.name}' is ${typeName(f.type)}, not ${describe(a)}`);
        return a;
      });
      break;
    }
  }
  return new Expr(type, { k: 'construct', args });
}

/** `arrayLength(&buf)` for a runtime-sized storage array (or the runtime-sized last field of a storage struct). */
export function arrayLength(buffer: Expr): Expr {
  const n = buffer.node;
  const root = n.k === 'member' ? n.base.node : n;
  const isStorage = root.k === 'ref' && root.decl.kind === 'storage';
  if (!isStorage || !(buffer.type.kind === 'array' && buffer.type.length === null)) {
    fail(`arrayLength: needs a runtime-sized storage array, not ${describe(buffer)}`);
  }
  return call('arrayLength', u32, [new Expr(buffer.type, { k: 'addressOf', a: buffer })]);
}

// ---- statements ----------------------------------------------------------------------------

interface LoopInfo {
  broken: boolean;
}

/**
 * A block of statements being built. The callbacks of `if`, `for`, `loop` and function bodies
 * receive the inner block; statements go to the innermost open block only, so a statement cannot
 * silently land in the wrong place.
 */
export class Block {
  readonly stmts: Stmt[] = [];
  private sealed = false;
  private ended = false;

  /** True after return/break/continue (or an if/else whose branches all end so): more would be unreachable. */
  get terminated(): boolean {
    return this.ended;
  }

  /** @internal */
  constructor(
    private readonly fn: FnBuilding,
    readonly parent: Block | null,
    private readonly innermostLoop: LoopInfo | null,
  ) {}

  /** `let name: T = value;` An immutable local; returns it as an expression. */
  let(name: string, value: Operand): Expr {
    this.open('let');
    if (!isExpr(value)) fail(`let '${name}': ${value} is a JS value; give it a type with lit.f32/lit.u32/lit.i32`);
    this.use(value, `let '${name}'`);
    if (isRuntimeSized(value.type)) fail(`let '${name}': cannot copy the runtime-sized ${describe(value)}`);
    const decl = this.fn.local(name, 'let', value.type, this);
    this.push({ k: 'let', decl, init: value });
    return refTo(decl);
  }

  /** `var name: T = init;` or, given a type, the zero-initialized `var name: T;`. */
  var(name: string, init: Operand | WgslType): Expr {
    this.open('var');
    if (isType(init)) {
      if (isRuntimeSized(init)) fail(`var '${name}': a local cannot be the runtime-sized ${typeName(init)}`);
      const decl = this.fn.local(name, 'var', init, this);
      this.fn.module.useType(init);
      this.push({ k: 'var', decl, init: null });
      return refTo(decl);
    }
    if (!isExpr(init)) fail(`var '${name}': ${init} is a JS value; give it a type with lit.f32/lit.u32/lit.i32, or pass a type`);
    this.use(init, `var '${name}'`);
    if (isRuntimeSized(init.type)) fail(`var '${name}': cannot copy the runtime-sized ${describe(init)}`);
    const decl = this.fn.local(name, 'var', init.type, this);
    this.push({ k: 'var', decl, init });
    return refTo(decl);
  }

  /** `target = value;` */
  assign(target: Expr, value: Operand): void {
    this.open('assign');
    const why = notAssignable(target);
    if (why) fail(`assign: cannot assign to ${describe(target)}: ${why}`);
    const like = scalarOf(target.type);
    const v = isExpr(value) ? value : like ? literalOf(value, like, 'assign') : fail(`assign: ${value} cannot be ${typeName(target.type)}`);
    if (!sameType(target.type, v.type)) fail(`assign: ${describe(target)} cannot take ${describe(v)}`);
    if (isRuntimeSized(target.type)) fail(`assign: cannot assign the runtime-sized ${describe(target)} as a whole`);
    this.use(target, 'assign');
    this.use(v, 'assign');
    this.push({ k: 'assign', target, op: '=', value: v });
  }

  /** Compound assignment `target op value;`, e.g. update(acc, '+=', x). */
  update(target: Expr, op: UpdateOp, value: Operand): void {
    this.open(`update ${op}`);
    const why = notAssignable(target);
    if (why) fail(`update ${op}: cannot assign to ${describe(target)}: ${why}`);
    const result = binary(`update ${op}`, op.slice(0, -1) as BinaryOp, target, value);
    if (!sameType(result.type, target.type)) fail(`update ${op}: ${describe(target)} cannot take the result ${typeName(result.type)}`);
    const v = (result.node as { b: Expr }).b;
    this.use(target, `update ${op}`);
    this.use(v, `update ${op}`);
    this.push({ k: 'assign', target, op, value: v });
  }

  /** `if (cond) { then } else { otherwise }` */
  if(cond: Operand, then: (b: Block) => void, otherwise?: (b: Block) => void): void {
    this.open('if');
    const c = toExpr(cond, bool, 'if');
    if (!sameType(c.type, bool)) fail(`if: the condition must be bool, not ${describe(c)}`);
    this.use(c, 'if');
    const t = this.child(this.innermostLoop, then);
    const e = otherwise ? this.child(this.innermostLoop, otherwise) : null;
    this.push({ k: 'if', cond: c, then: t.stmts, else: e ? e.stmts : null });
    if (e && t.terminated && e.terminated) this.ended = true;
  }

  /**
   * `for (var name: T = from; name < to; name += step) { body }`, counting up. The counter's type is
   * that of `from`/`to` (u32 when both are JS numbers); the body may read it but not assign it.
   */
  for(name: string, from: Operand, to: Operand, body: (b: Block, i: Expr) => void, step: Operand = 1): void {
    this.open('for');
    const [lo, hi] = isExpr(from) || isExpr(to) ? (liftAll(`for '${name}'`, [from, to]) as [Expr, Expr]) : [toExpr(from, u32, 'for'), toExpr(to, u32, 'for')];
    if (!isInteger(lo.type) || lo.type.kind !== 'scalar' || !sameType(lo.type, hi.type)) {
      fail(`for '${name}': the bounds must be integers of one type, but got ${describe(lo)} and ${describe(hi)}`);
    }
    const st = toExpr(step, lo.type, `for '${name}'`);
    if (!sameType(st.type, lo.type)) fail(`for '${name}': the step must be ${typeName(lo.type)}, not ${describe(st)}`);
    const k = literalValue(st);
    if (k !== null && k <= 0) fail(`for '${name}': the step must be positive, not ${k}`);
    this.use(lo, `for '${name}'`);
    this.use(hi, `for '${name}'`);
    this.use(st, `for '${name}'`);
    const loop: LoopInfo = { broken: true };
    const inner = new Block(this.fn, this, loop);
    const decl = this.fn.local(name, 'loop', lo.type, inner);
    this.run(inner, (b) => body(b, refTo(decl)));
    this.push({ k: 'for', decl, from: lo, to: hi, step: st, body: inner.stmts });
  }

  /** `loop { body }`: runs until a break (or return) inside. */
  loop(body: (b: Block) => void): void {
    this.open('loop');
    const loop: LoopInfo = { broken: false };
    const inner = this.child(loop, body);
    this.push({ k: 'loop', body: inner.stmts });
    if (!loop.broken) this.ended = true;
  }

  break(): void {
    this.open('break');
    if (!this.innermostLoop) fail('break: not inside a loop');
    this.innermostLoop.broken = true;
    this.push({ k: 'break' });
    this.ended = true;
  }

  /** `if (cond) { break; }` */
  breakIf(cond: Operand): void {
    this.if(cond, (b) => b.break());
  }

  continue(): void {
    this.open('continue');
    if (!this.innermostLoop) fail('continue: not inside a loop');
    this.push({ k: 'continue' });
    this.ended = true;
  }

  /** `return value;` (or `return;` in a function without a result). */
  return(value?: Operand): void {
    this.open('return');
    const returns = this.fn.decl.returns;
    if (value === undefined) {
      if (returns) fail(`return: function '${this.fn.decl.name}' must return ${typeName(returns)}`);
      this.push({ k: 'return', value: null });
    } else {
      if (!returns) fail(`return: function '${this.fn.decl.name}' returns nothing, so return takes no value`);
      const like = scalarOf(returns);
      const v = isExpr(value) ? value : like ? literalOf(value, like, 'return') : fail(`return: ${value} cannot be ${typeName(returns)}`);
      if (!sameType(v.type, returns)) fail(`return: function '${this.fn.decl.name}' returns ${typeName(returns)}, not ${describe(v)}`);
      this.use(v, 'return');
      this.push({ k: 'return', value: v });
    }
    this.ended = true;
  }

  /** Waits for every invocation of the workgroup and makes workgroup memory writes visible. */
  workgroupBarrier(): void {
    this.open('workgroupBarrier');
    this.push({ k: 'barrier', name: 'workgroupBarrier' });
  }

  /** Waits for every invocation of the workgroup and makes storage buffer writes visible (within the workgroup). */
  storageBarrier(): void {
    this.open('storageBarrier');
    this.push({ k: 'barrier', name: 'storageBarrier' });
  }

  /** Calls a user function as a statement (a result, if any, is discarded with `_ =`). */
  call(expr: Expr): void {
    this.open('call');
    if (expr.node.k !== 'call' || !expr.node.fn) fail(`call: ${describe(expr)} is not a call of a function made with m.fn`);
    this.visit(expr, 'call');
    this.push({ k: 'call', expr });
  }

  /** `// text` (one comment line per line of text). */
  comment(text: string): void {
    this.open('comment');
    this.push({ k: 'comment', text });
  }

  // -- internals --

  private open(what: string): void {
    if (this.sealed) fail(`${what}: this block is already finished; add statements inside its callback`);
    if (this.fn.active !== this) fail(`${what}: statement added to an outer block while an inner one is being built; use the block passed to the callback`);
    if (this.terminated) fail(`${what}: unreachable, the block already ended with return, break or continue`);
  }

  private push(s: Stmt): void {
    this.stmts.push(s);
  }

  private child(loop: LoopInfo | null, body: (b: Block) => void): Block {
    const inner = new Block(this.fn, this, loop);
    this.run(inner, body);
    return inner;
  }

  private run(inner: Block, body: (b: Block) => void): void {
    const saved = this.fn.active;
    this.fn.active = inner;
    try {
      body(inner);
    } finally {
      inner.sealed = true;
      this.fn.active = saved;
    }
  }

  /** @internal Checks that every name an expression uses is visible here, and records what it uses. */
  use(e: Expr, what: string): void {
    if (e.isVoid) fail(`${what}: ${describe(e)} returns nothing and cannot be used as a value`);
    this.visit(e, what);
  }

  private visit(e: Expr, what: string): void {
    const n = e.node;
    switch (n.k) {
      case 'lit':
        return;
      case 'ref': {
        const d = n.decl;
        if (d.module !== this.fn.module) fail(`${what}: '${d.name}' belongs to another WgslModule`);
        if (d.fn === null) {
          this.fn.decl.uses.add(d);
          if (d.kind === 'const' && d.value) this.visit(d.value, what);
          return;
        }
        if (d.fn !== this.fn.decl) fail(`${what}: '${d.name}' belongs to function '${d.fn.name}', not '${this.fn.decl.name}'`);
        if (d.kind === 'builtin') this.fn.decl.builtinsUsed.add(d);
        if (d.scope !== null && !this.within(d.scope)) fail(`${what}: '${d.name}' is used outside the block that declares it`);
        return;
      }
      case 'binary':
        this.visit(n.a, what);
        this.visit(n.b, what);
        return;
      case 'unary':
      case 'addressOf':
        this.visit(n.a, what);
        return;
      case 'call':
        if (n.fn) {
          if (n.fn.module !== this.fn.module) fail(`${what}: function '${n.fn.name}' belongs to another WgslModule`);
          if (n.fn === this.fn.decl) fail(`${what}: function '${n.fn.name}' cannot call itself (WGSL has no recursion)`);
          this.fn.decl.calls.add(n.fn);
        }
        n.args.forEach((a) => this.visit(a, what));
        if (n.template) this.fn.module.useType(n.template);
        return;
      case 'construct':
        this.fn.module.useType(e.type);
        n.args.forEach((a) => this.visit(a, what));
        return;
      case 'index':
        this.visit(n.base, what);
        this.visit(n.index, what);
        return;
      case 'member':
        this.visit(n.base, what);
        return;
    }
  }

  private within(scope: Block): boolean {
    for (let b: Block | null = this; b; b = b.parent) if (b === scope) return true;
    return false;
  }
}

function refTo(decl: Decl): Expr {
  return new Expr(decl.type, { k: 'ref', decl });
}

// ---- functions and the module --------------------------------------------------------------

/** A function of the module: a helper (`m.fn`) or a compute entry point (`m.compute`). */
export interface FnDecl {
  readonly name: string;
  readonly module: WgslModule;
  readonly params: readonly Decl[];
  readonly returns: WgslType | null;
  readonly body: readonly Stmt[];
  /** Entry points: the workgroup size, and the builtin inputs it declares (in a fixed order). */
  readonly compute: { readonly workgroupSize: readonly [number, number, number]; readonly builtins: readonly Decl[] } | null;
  /** Module-scope declarations used directly, and functions called directly. */
  readonly uses: Set<Decl>;
  readonly calls: Set<FnDecl>;
  readonly builtinsUsed: Set<Decl>;
}

/** A callable helper function: `sigmoid(x)` is a typed call expression. */
export type WgslFn = ((...args: Operand[]) => Expr) & { readonly decl: FnDecl };

type BuildingFn = FnDecl & { params: Decl[]; body: Stmt[]; endsTerminated: boolean };

/** @internal The state of a function while its body is being built. */
class FnBuilding {
  active: Block | null = null;
  private readonly names = new Set<string>();

  constructor(
    readonly module: WgslModule,
    readonly decl: BuildingFn,
  ) {}

  /** A fresh local name from a hint: unique in the function, never shadowing a global or a builtin. */
  fresh(hint: string): string {
    const stem = sanitizeIdentifier(hint);
    let name = stem;
    for (let k = 1; this.names.has(name) || isReserved(name) || this.module.hasName(name); k++) name = `${stem}_${k}`;
    this.names.add(name);
    return name;
  }

  local(hint: string, kind: DeclKind, type: WgslType, scope: Block | null): Decl {
    return { name: this.fresh(hint), kind, type, fn: this.decl, module: this.module, scope };
  }
}

export interface BindingInfo {
  name: string;
  group: number;
  binding: number;
  space: 'storage' | 'uniform';
  /** Storage buffers only. */
  access: StorageAccess | null;
  type: WgslType;
}

export interface ComputeBuiltins {
  /** @builtin(global_invocation_id): vec3<u32> */
  gid: Expr;
  /** @builtin(local_invocation_id): vec3<u32> */
  lid: Expr;
  /** @builtin(workgroup_id): vec3<u32> */
  wid: Expr;
  /** @builtin(local_invocation_index): u32 */
  lindex: Expr;
  /** @builtin(num_workgroups): vec3<u32> */
  nwg: Expr;
}

const BUILTIN_INPUTS: readonly { key: keyof ComputeBuiltins; builtin: string; type: WgslType }[] = [
  { key: 'gid', builtin: 'global_invocation_id', type: vec3(u32) },
  { key: 'lid', builtin: 'local_invocation_id', type: vec3(u32) },
  { key: 'wid', builtin: 'workgroup_id', type: vec3(u32) },
  { key: 'lindex', builtin: 'local_invocation_index', type: u32 },
  { key: 'nwg', builtin: 'num_workgroups', type: vec3(u32) },
];

/** The parts of a module, in print order (for print.ts). */
export interface ModuleParts {
  readonly structs: readonly StructType[];
  readonly globals: readonly Decl[];
  readonly functions: readonly FnDecl[];
}

export class WgslModule {
  private readonly names = new Map<string, string>();
  private readonly structs: StructType[] = [];
  private readonly globals: Decl[] = [];
  private readonly functions: FnDecl[] = [];
  private readonly usedBindings = new Set<string>();
  private building: FnBuilding | null = null;

  /** `@group(g) @binding(b) var<storage, access> name: type;` Bindings are numbered in order unless `at` is given. */
  storage(name: string, type: WgslType, access: StorageAccess, at?: { group: number; binding: number }): Expr {
    this.claim(name, `storage buffer`);
    checkHostShareable(type, `storage buffer '${name}'`);
    return this.global({ name, kind: 'storage', type, access, ...this.place(name, at) });
  }

  /** `@group(g) @binding(b) var<uniform> name: type;` */
  uniform(name: string, type: WgslType, at?: { group: number; binding: number }): Expr {
    this.claim(name, 'uniform');
    checkUniformLayout(type, `uniform '${name}'`);
    return this.global({ name, kind: 'uniform', type, ...this.place(name, at) });
  }

  /** `var<workgroup> name: type;` shared by the invocations of one workgroup. */
  workgroupVar(name: string, type: WgslType): Expr {
    this.claim(name, 'workgroup variable');
    if (isRuntimeSized(type)) fail(`workgroup variable '${name}': needs a fixed size, not ${typeName(type)}`);
    checkHostShareable(type, `workgroup variable '${name}'`);
    return this.global({ name, kind: 'workgroup', type });
  }

  /** `var<private> name: type;` one per invocation, alive for the whole dispatch. */
  privateVar(name: string, type: WgslType): Expr {
    this.claim(name, 'private variable');
    if (isRuntimeSized(type)) fail(`private variable '${name}': needs a fixed size, not ${typeName(type)}`);
    return this.global({ name, kind: 'private', type });
  }

  /** `const name: T = value;` The value must be a constant expression (literals, constants, operators, builtins). */
  constant(name: string, value: Expr): Expr {
    this.claim(name, 'constant');
    checkConstant(value, `constant '${name}'`);
    return this.global({ name, kind: 'const', type: value.type, value });
  }

  /**
   * A helper function, returned as a callable: `const sigmoid = m.fn('sigmoid', [['x', f32]], f32,
   * (b, x) => b.return(div(1, add(1, exp(neg(x))))))`, then `sigmoid(z)` is an f32 expression.
   */
  fn(name: string, params: readonly (readonly [string, WgslType])[], returns: WgslType | null, body: (b: Block, ...params: Expr[]) => void): WgslFn {
    this.claim(name, 'function');
    for (const [p, t] of params) {
      if (isRuntimeSized(t)) fail(`function '${name}': parameter '${p}' cannot be the runtime-sized ${typeName(t)}`);
      this.useType(t);
    }
    if (returns) {
      if (isRuntimeSized(returns)) fail(`function '${name}': cannot return the runtime-sized ${typeName(returns)}`);
      this.useType(returns);
    }
    const decl = this.newFn(name, returns, null);
    const building = new FnBuilding(this, decl);
    // parameter names are hints, like locals: made unique and kept clear of module-scope names
    for (const [p, t] of params) decl.params.push({ name: building.fresh(p), kind: 'param', type: t, fn: decl, module: this, scope: null });
    this.buildBody(building, (b) => body(b, ...decl.params.map(refTo)));
    if (returns && !decl.endsTerminated) fail(`function '${name}' must end with a return of ${typeName(returns)} on every path`);
    const callable = (...args: Operand[]): Expr => {
      if (args.length !== decl.params.length) fail(`${name}: takes ${decl.params.length} argument${decl.params.length === 1 ? '' : 's'}, got ${args.length}`);
      const exprs = args.map((a, i) => {
        const p = decl.params[i]!;
        const like = scalarOf(p.type);
        const e = isExpr(a) ? a : like ? literalOf(a, like, name) : fail(`${name}: argument '${p.name}' needs an expression`);
        if (!sameType(e.type, p.type)) fail(`${name}: argument '${p.name}' is ${typeName(p.type)}, not ${describe(e)}`);
        return e;
      });
      return new Expr(returns, { k: 'call', callee: name, args: exprs, fn: decl });
    };
    return Object.assign(callable, { decl });
  }

  /** A compute entry point. The body gets the builtin inputs as typed values; only those used are declared. */
  compute(name: string, workgroupSize: number | readonly number[], body: (b: Block, builtins: ComputeBuiltins) => void): FnDecl {
    this.claim(name, 'entry point');
    const size = typeof workgroupSize === 'number' ? [workgroupSize] : [...workgroupSize];
    if (size.length < 1 || size.length > 3 || size.some((s) => !Number.isInteger(s) || s < 1)) {
      fail(`compute '${name}': the workgroup size must be 1 to 3 positive integers, not [${size.join(', ')}]`);
    }
    const ws = [size[0]!, size[1] ?? 1, size[2] ?? 1] as const;
    const builtins: Decl[] = [];
    const decl = this.newFn(name, null, { workgroupSize: ws, builtins });
    const building = new FnBuilding(this, decl);
    const inputs = {} as ComputeBuiltins;
    for (const b of BUILTIN_INPUTS) {
      const d: Decl = { name: building.fresh(b.key), kind: 'builtin', type: b.type, fn: decl, module: this, scope: null, builtin: b.builtin };
      builtins.push(d);
      inputs[b.key] = refTo(d);
    }
    this.buildBody(building, (b) => body(b, inputs));
    return decl;
  }

  /** The WGSL text. */
  print(): string {
    return printModule(this.parts());
  }

  /** The buffers an entry point binds (those it uses, directly or through functions), or all of the module's. */
  bindings(entry?: string): BindingInfo[] {
    const globals = entry === undefined ? this.globals : this.globalsUsedBy(entry);
    return globals
      .filter((d) => d.kind === 'storage' || d.kind === 'uniform')
      .map((d) => ({
        name: d.name,
        group: d.group!,
        binding: d.binding!,
        space: d.kind as 'storage' | 'uniform',
        access: d.access ?? null,
        type: d.type,
      }))
      .sort((a, b) => a.group - b.group || a.binding - b.binding);
  }

  /** Bytes of workgroup memory an entry point uses (each variable rounded up to 16, as Dawn counts). */
  workgroupStorageSize(entry: string): number {
    return this.workgroupVariableSizes(entry).reduce((n, bytes) => n + Math.ceil(bytes / 16) * 16, 0);
  }

  /** Bytes of each workgroup variable an entry point uses. */
  workgroupVariableSizes(entry: string): number[] {
    return this.globalsUsedBy(entry)
      .filter((d) => d.kind === 'workgroup')
      .map((d) => sizeOf(d.type));
  }

  /** The entry point named `name`. */
  entry(name: string): FnDecl {
    const f = this.functions.find((x) => x.name === name && x.compute);
    if (!f) fail(`no compute entry point named '${name}'`);
    return f;
  }

  parts(): ModuleParts {
    return { structs: this.structs, globals: this.globals, functions: this.functions };
  }

  /** @internal */
  hasName(name: string): boolean {
    return this.names.has(name);
  }

  /** @internal Declares the structs a type uses (dependencies first), refusing two different structs of one name. */
  useType(t: WgslType): void {
    if (t.kind === 'array') return this.useType(t.elem);
    if (t.kind !== 'struct') return;
    const known = this.structs.find((s) => s.name === t.name);
    if (known) {
      if (!sameType(known, t)) fail(`struct ${t.name}: two different structs have this name`);
      return;
    }
    if (this.names.has(t.name)) fail(`struct ${t.name}: the name is already used by a ${this.names.get(t.name)}`);
    t.fields.forEach((f) => this.useType(f.type));
    this.names.set(t.name, 'struct');
    this.structs.push(t);
  }

  private claim(name: string, what: string): void {
    checkIdentifier(name, what);
    if (this.names.has(name)) fail(`${what} '${name}': the name is already used by a ${this.names.get(name)}`);
    if (this.building) fail(`${what} '${name}': declare module-scope things before or after a function body, not inside it`);
    this.names.set(name, what);
  }

  private place(name: string, at?: { group: number; binding: number }): { group: number; binding: number } {
    let group = 0;
    let binding = 0;
    if (at) {
      ({ group, binding } = at);
      if (!Number.isInteger(group) || !Number.isInteger(binding) || group < 0 || binding < 0) fail(`'${name}': bad binding ${JSON.stringify(at)}`);
      if (this.usedBindings.has(`${group}/${binding}`)) fail(`'${name}': @group(${group}) @binding(${binding}) is already taken`);
    } else {
      while (this.usedBindings.has(`0/${binding}`)) binding++;
    }
    this.usedBindings.add(`${group}/${binding}`);
    return { group, binding };
  }

  private global(d: Omit<Decl, 'fn' | 'module' | 'scope'>): Expr {
    this.useType(d.type);
    const decl: Decl = { ...d, fn: null, module: this, scope: null };
    this.globals.push(decl);
    return refTo(decl);
  }

  private newFn(name: string, returns: WgslType | null, compute: FnDecl['compute']): BuildingFn {
    return {
      name,
      module: this,
      params: [] as Decl[],
      returns,
      body: [] as Stmt[],
      compute,
      uses: new Set<Decl>(),
      calls: new Set<FnDecl>(),
      builtinsUsed: new Set<Decl>(),
      endsTerminated: false,
    };
  }

  private buildBody(building: FnBuilding, body: (b: Block) => void): void {
    const top = new Block(building, null, null);
    building.active = top;
    this.building = building;
    try {
      body(top);
    } finally {
      this.building = null;
      building.active = null;
    }
    building.decl.body.push(...top.stmts);
    building.decl.endsTerminated = top.terminated;
    this.functions.push(building.decl);
  }

  private globalsUsedBy(entry: string): Decl[] {
    const seen = new Set<FnDecl>();
    const used = new Set<Decl>();
    const walk = (f: FnDecl) => {
      if (seen.has(f)) return;
      seen.add(f);
      f.uses.forEach((d) => used.add(d));
      f.calls.forEach(walk);
    };
    walk(this.entry(entry));
    return this.globals.filter((d) => used.has(d));
  }
}

/** Throws unless e is a WGSL constant expression. */
function checkConstant(e: Expr, what: string): void {
  const n = e.node;
  switch (n.k) {
    case 'lit':
      return;
    case 'ref':
      if (n.decl.kind !== 'const') fail(`${what}: '${n.decl.name}' is not a constant`);
      return;
    case 'binary':
      checkConstant(n.a, what);
      checkConstant(n.b, what);
      return;
    case 'unary':
      checkConstant(n.a, what);
      return;
    case 'call':
      if (n.fn || n.callee === 'arrayLength') fail(`${what}: ${n.callee}(...) is not a constant expression`);
      n.args.forEach((a) => checkConstant(a, what));
      return;
    case 'construct':
      n.args.forEach((a) => checkConstant(a, what));
      return;
    case 'index':
      checkConstant(n.base, what);
      checkConstant(n.index, what);
      return;
    case 'member':
      checkConstant(n.base, what);
      return;
    case 'addressOf':
      fail(`${what}: an address is not a constant`);
  }
}
