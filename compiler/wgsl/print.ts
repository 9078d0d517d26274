// Prints the builder's typed WGSL to text: 2-space indentation, deterministic, parentheses exactly
// where WGSL's grammar needs them (it forbids mixing some operators without them: bitwise and shift
// operands must be unary expressions, comparisons do not chain, && and || do not mix).
import type { Decl, Expr, FnDecl, ModuleParts, Stmt } from './builder.js';
import { type StructType, type WgslType, fail, typeName } from './types.js';

// Precedence levels, loosest first. A bitwise or shift expression is always parenthesized when it
// is an operand of anything (WGSL allows only unary operands around them).
const BITWISE = 0;
const LOGICAL = 1;
const RELATIONAL = 2;
const ADDITIVE = 3;
const MULTIPLICATIVE = 4;
const UNARY = 5;
const PRIMARY = 6;

interface Printed {
  text: string;
  prec: number;
  /** The operator at the top, for chains that WGSL allows without parentheses (a && b && c). */
  op?: string;
}

const F32_MAX = 3.4028234663852886e38;

/**
 * The shortest decimal that reads back as exactly this f32, always marked as a float (`0.1`,
 * `-3.0`, `1e-7`, `16777216.0`). Refuses NaN and infinities, which WGSL cannot write as literals.
 */
export function formatF32(value: number): string {
  if (!Number.isFinite(value)) fail(`f32 literal ${value} cannot be written in WGSL`);
  const v = Math.fround(value);
  if (!Number.isFinite(v)) fail(`f32 literal ${value} is beyond the range of f32`);
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  let text = '';
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(v.toPrecision(digits));
    if (Math.fround(candidate) === v) {
      text = String(candidate);
      break;
    }
  }
  // A decimal beyond f32's largest finite value is a compile error even if it would round back to
  // it; only the largest value itself has such a shortest form. 3.40282346e+38 is below it and rounds to it.
  if (Math.abs(Number(text)) > F32_MAX) text = v < 0 ? '-3.40282346e+38' : '3.40282346e+38';
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export function formatI32(v: number): string {
  // -2147483648i does not parse: the literal 2147483648i is out of range before the minus applies.
  return v === -2147483648 ? 'i32(-2147483648)' : `${v}i`;
}

export function formatU32(v: number, hex = false): string {
  return hex ? `0x${v.toString(16).padStart(8, '0')}u` : `${v}u`;
}

function literal(e: Expr): Printed {
  const n = e.node as { value: number | boolean; hex?: boolean };
  if (typeof n.value === 'boolean') return { text: String(n.value), prec: PRIMARY };
  let text: string;
  switch (typeName(e.type)) {
    case 'f32':
      text = formatF32(n.value);
      break;
    case 'i32':
      text = formatI32(n.value);
      break;
    default:
      text = formatU32(n.value, n.hex);
  }
  return { text, prec: text.startsWith('-') ? UNARY : PRIMARY };
}

function wrap(p: Printed, min: number, chainOp?: string): string {
  return p.prec >= min || (chainOp !== undefined && p.op === chainOp) ? p.text : `(${p.text})`;
}

/** A call or constructor argument: `a < b` is parenthesized, or WGSL may read `f(a < b, c > d)` as a template list. */
function argument(e: Expr): string {
  const p = print(e);
  return p.op === '<' || p.op === '<=' ? `(${p.text})` : p.text;
}

function print(e: Expr): Printed {
  const n = e.node;
  switch (n.k) {
    case 'lit':
      return literal(e);
    case 'ref':
      return { text: n.decl.name, prec: PRIMARY };
    case 'binary': {
      const a = print(n.a);
      const b = print(n.b);
      let text: string;
      let prec: number;
      switch (n.op) {
        case '*':
        case '/':
        case '%':
          prec = MULTIPLICATIVE;
          text = `${wrap(a, MULTIPLICATIVE)} ${n.op} ${wrap(b, UNARY)}`;
          break;
        case '+':
        case '-':
          prec = ADDITIVE;
          text = `${wrap(a, ADDITIVE)} ${n.op} ${wrap(b, MULTIPLICATIVE)}`;
          break;
        case '<':
        case '<=':
        case '>':
        case '>=':
        case '==':
        case '!=':
          prec = RELATIONAL;
          text = `${wrap(a, ADDITIVE)} ${n.op} ${wrap(b, ADDITIVE)}`;
          break;
        case '&&':
        case '||':
          prec = LOGICAL;
          text = `${wrap(a, RELATIONAL, n.op)} ${n.op} ${wrap(b, RELATIONAL)}`;
          break;
        default:
          prec = BITWISE;
          text = `${wrap(a, UNARY)} ${n.op} ${wrap(b, UNARY)}`;
      }
      return { text, prec, op: n.op };
    }
    case 'unary': {
      const a = print(n.a);
      // `- -x` must not print as `--x` (the decrement token)
      const inner = a.prec >= UNARY && !(n.op === '-' && a.text.startsWith('-')) ? a.text : `(${a.text})`;
      return { text: `${n.op}${inner}`, prec: UNARY };
    }
    case 'addressOf':
      return { text: `&${wrap(print(n.a), UNARY)}`, prec: UNARY };
    case 'call': {
      const callee = n.template ? `${n.callee}<${typeName(n.template)}>` : n.callee;
      return { text: `${callee}(${n.args.map(argument).join(', ')})`, prec: PRIMARY };
    }
    case 'construct':
      return { text: `${typeName(e.type)}(${n.args.map(argument).join(', ')})`, prec: PRIMARY };
    case 'index':
      return { text: `${wrap(print(n.base), PRIMARY)}[${print(n.index).text}]`, prec: PRIMARY };
    case 'member':
      return { text: `${wrap(print(n.base), PRIMARY)}.${n.name}`, prec: PRIMARY };
  }
}

/** One expression as WGSL text. */
export function printExpr(e: Expr): string {
  return print(e).text;
}

// ---- statements ----------------------------------------------------------------------------

function printBlock(stmts: readonly Stmt[], indent: string, out: string[]): void {
  for (const s of stmts) printStmt(s, indent, out);
}

function printStmt(s: Stmt, indent: string, out: string[]): void {
  const inner = `${indent}  `;
  switch (s.k) {
    case 'let':
      out.push(`${indent}let ${s.decl.name}: ${typeName(s.decl.type)} = ${printExpr(s.init)};`);
      return;
    case 'var':
      out.push(`${indent}var ${s.decl.name}: ${typeName(s.decl.type)}${s.init ? ` = ${printExpr(s.init)}` : ''};`);
      return;
    case 'assign':
      out.push(`${indent}${printExpr(s.target)} ${s.op} ${printExpr(s.value)};`);
      return;
    case 'if': {
      out.push(`${indent}if (${printExpr(s.cond)}) {`);
      printBlock(s.then, inner, out);
      let rest = s.else;
      // `else { if (...) {...} }` prints as `else if (...) {...}`
      while (rest && rest.length === 1 && rest[0]!.k === 'if') {
        const elif = rest[0];
        out.push(`${indent}} else if (${printExpr(elif.cond)}) {`);
        printBlock(elif.then, inner, out);
        rest = elif.else;
      }
      if (rest) {
        out.push(`${indent}} else {`);
        printBlock(rest, inner, out);
      }
      out.push(`${indent}}`);
      return;
    }
    case 'for': {
      const k = s.decl.name;
      const step = s.step.node.k === 'lit' && s.step.node.value === 1 ? `${k}++` : `${k} += ${printExpr(s.step)}`;
      out.push(`${indent}for (var ${k}: ${typeName(s.decl.type)} = ${printExpr(s.from)}; ${k} < ${printExpr(s.to)}; ${step}) {`);
      printBlock(s.body, inner, out);
      out.push(`${indent}}`);
      return;
    }
    case 'loop':
      out.push(`${indent}loop {`);
      printBlock(s.body, inner, out);
      out.push(`${indent}}`);
      return;
    case 'break':
      out.push(`${indent}break;`);
      return;
    case 'continue':
      out.push(`${indent}continue;`);
      return;
    case 'return':
      out.push(s.value ? `${indent}return ${printExpr(s.value)};` : `${indent}return;`);
      return;
    case 'barrier':
      out.push(`${indent}${s.name}();`);
      return;
    case 'call':
      out.push(s.expr.isVoid ? `${indent}${printExpr(s.expr)};` : `${indent}_ = ${printExpr(s.expr)};`);
      return;
    case 'comment':
      for (const line of s.text.split('\n')) out.push(`${indent}//${line ? ` ${line}` : ''}`);
      return;
  }
}

// ---- module --------------------------------------------------------------------------------

function printStruct(s: StructType): string {
  return [`struct ${s.name} {`, ...s.fields.map((f) => `  ${f.name}: ${typeName(f.type)},`), '}'].join('\n');
}

function printGlobal(d: Decl): string {
  const t = typeName(d.type as WgslType);
  switch (d.kind) {
    case 'storage':
      return `@group(${d.group}) @binding(${d.binding}) var<storage, ${d.access}> ${d.name}: ${t};`;
    case 'uniform':
      return `@group(${d.group}) @binding(${d.binding}) var<uniform> ${d.name}: ${t};`;
    case 'workgroup':
      return `var<workgroup> ${d.name}: ${t};`;
    case 'private':
      return `var<private> ${d.name}: ${t};`;
    case 'const':
      return `const ${d.name}: ${t} = ${printExpr(d.value!)};`;
    default:
      return fail(`'${d.name}' is not a module-scope declaration`);
  }
}

function printFunction(f: FnDecl): string {
  const out: string[] = [];
  if (f.compute) {
    const [x, y, z] = f.compute.workgroupSize;
    // builtins are declared only when used, in a fixed order
    const params = f.compute.builtins.filter((d) => f.builtinsUsed.has(d)).map((d) => `@builtin(${d.builtin}) ${d.name}: ${typeName(d.type)}`);
    out.push(`@compute @workgroup_size(${x}, ${y}, ${z})`);
    out.push(`fn ${f.name}(${params.join(', ')}) {`);
  } else {
    const params = f.params.map((d) => `${d.name}: ${typeName(d.type)}`).join(', ');
    out.push(`fn ${f.name}(${params})${f.returns ? ` -> ${typeName(f.returns)}` : ''} {`);
  }
  printBlock(f.body, '  ', out);
  out.push('}');
  return out.join('\n');
}

/** The whole module: structs, constants, bindings and other globals, then functions in the order they were made. */
export function printModule(parts: ModuleParts): string {
  const sections: string[] = [];
  sections.push(...parts.structs.map(printStruct));
  const consts = parts.globals.filter((d) => d.kind === 'const');
  const buffers = parts.globals.filter((d) => d.kind === 'storage' || d.kind === 'uniform');
  const vars = parts.globals.filter((d) => d.kind === 'workgroup' || d.kind === 'private');
  for (const group of [consts, buffers, vars]) if (group.length) sections.push(group.map(printGlobal).join('\n'));
  sections.push(...parts.functions.map(printFunction));
  return `${sections.join('\n\n')}\n`;
}
