// The WGSL builder without a GPU: golden text, build-time type errors, literal printing, layouts.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Block,
  type Expr,
  WgslBuildError,
  WgslModule,
  add,
  arrayOf,
  bitAnd,
  bitOr,
  bool,
  cast,
  exp,
  f32,
  i32,
  index,
  lit,
  lt,
  mul,
  neg,
  select,
  shl,
  struct,
  structLayout,
  u32,
  vec3,
  vec4,
} from '../../compiler/wgsl/builder.js';
import { formatF32 } from '../../compiler/wgsl/print.js';
import { expectGolden } from '../helpers/golden.js';
import { repoRoot } from '../helpers/shared.js';
import { goldenModules } from './modules.js';

const goldenDir = resolve(repoRoot, 'test/webgpu/golden');

describe('golden WGSL', () => {
  for (const [name, build] of Object.entries(goldenModules)) {
    it(`prints ${name}.wgsl`, () => {
      const text = build().print();
      expectGolden(text, resolve(goldenDir, `${name}.wgsl`));
      expect(build().print()).toBe(text); // deterministic
    });
  }

  it('declares only the builtins a body uses, and reports the bindings an entry point uses', () => {
    const m = new WgslModule();
    const x = m.storage('x', arrayOf(f32), 'read');
    m.storage('unused', arrayOf(f32), 'read');
    const y = m.storage('y', arrayOf(f32), 'read_write');
    const double = m.fn('double', [['v', f32]], f32, (b, v) => b.return(mul(v, 2)));
    m.compute('main', [8, 8], (b, { lindex }) => b.assign(y.at(lindex), double(x.at(lindex))));
    expect(m.print()).toContain('@compute @workgroup_size(8, 8, 1)\nfn main(@builtin(local_invocation_index) lindex: u32) {');
    expect(m.bindings('main').map((d) => [d.name, d.binding, d.access])).toEqual([
      ['x', 0, 'read'],
      ['y', 2, 'read_write'],
    ]);
    expect(m.bindings().map((d) => d.name)).toEqual(['x', 'unused', 'y']);
  });

  it('keeps local names unique and clear of globals', () => {
    const m = new WgslModule();
    const x = m.storage('x', arrayOf(f32), 'read_write');
    m.compute('main', 1, (b) => {
      const a = b.let('x', x.at(0));
      const c = b.let('x', add(a, 1));
      const d = b.let('my-layer.w', c);
      b.assign(x.at(1), d);
    });
    const text = m.print();
    expect(text).toContain('let x_1: f32 = x[0u];');
    expect(text).toContain('let x_2: f32 = x_1 + 1.0;');
    expect(text).toContain('let my_layer_w: f32 = x_2;');
  });
});

describe('build-time type errors name the construct', () => {
  const m = new WgslModule();
  const xs = m.storage('xs', arrayOf(f32), 'read');
  const ys = m.storage('ys', arrayOf(f32), 'read_write');
  const counts = m.storage('counts', arrayOf(u32), 'read_write');
  const params = m.uniform('params', struct('P', { rows: u32, scale: f32 }));

  /** Builds a throwaway entry point around body and returns the error message. */
  let entries = 0;
  function errorOf(body: (b: Block, gid: Expr) => void): string {
    try {
      m.compute(`e${entries++}`, 1, (b, { gid }) => body(b, gid));
    } catch (e) {
      expect(e).toBeInstanceOf(WgslBuildError);
      return (e as Error).message;
    }
    throw new Error('expected a WgslBuildError');
  }

  it('refuses f32 + u32', () => {
    expect(errorOf((b, gid) => b.let('t', add(xs.at(0), gid.x)))).toMatch(/add: cannot combine `xs\[0u\]` \(f32\) and `gid\.x` \(u32\)/);
  });
  it('refuses indexing a non-array', () => {
    expect(errorOf((b, gid) => b.let('t', index(gid.x, 0)))).toMatch(/index: `gid\.x` \(u32\) is not an array or vector/);
    expect(errorOf((b) => b.let('t', params.at(0)))).toMatch(/index: `params` \(P\) is not an array or vector/);
  });
  it('refuses an index of the wrong type or out of bounds', () => {
    expect(errorOf((b) => b.let('t', xs.at(lit.f32(1))))).toMatch(/index: the index .* must be u32 or i32, not `1\.0` \(f32\)/);
    expect(errorOf((b) => b.let('t', b.var('v', vec3(f32)).at(3)))).toMatch(/index: 3 is out of bounds for `v` \(vec3<f32>\)/);
  });
  it('refuses assigning to a let, a parameter, a read-only buffer or a uniform', () => {
    expect(errorOf((b) => b.assign(b.let('t', xs.at(0)), 1))).toMatch(/assign: cannot assign to `t` \(f32\): 't' is a let/);
    expect(errorOf((b) => b.assign(xs.at(0), 1))).toMatch(/storage buffer 'xs' is read-only/);
    expect(errorOf((b) => b.assign(params.field('rows'), 1))).toMatch(/uniform 'params' is read-only/);
    expect(errorOf((b, gid) => b.assign(gid.x, 1))).toMatch(/'gid' is a builtin input/);
    expect(errorOf((b) => b.for('k', 0, 4, (b, k) => b.assign(k, 2)))).toMatch(/'k' is the loop counter/);
    expect(errorOf((b) => b.assign(add(ys.at(0), 1), 1))).toMatch(/is a value, not a variable/);
    expect(() => m.fn('bad', [['p', f32]], null, (b, p) => b.assign(p, 1))).toThrow(/'p' is a function parameter/);
  });
  it('refuses a field that does not exist', () => {
    expect(() => params.field('rowz')).toThrow(/field 'rowz': struct P has no such field \(it has rows, scale\)/);
    expect(() => xs.field('rows')).toThrow(/field 'rows': `xs` \(array<f32>\) is not a struct/);
    expect(errorOf((b, gid) => b.let('t', gid.w))).toMatch(/\.w: `gid` \(vec3<u32>\) has only 3 components/);
  });
  it('refuses assignments and operands of mismatched types', () => {
    expect(errorOf((b, gid) => b.assign(ys.at(0), gid.x))).toMatch(/assign: `ys\[0u\]` \(f32\) cannot take `gid\.x` \(u32\)/);
    expect(errorOf((b) => b.assign(counts.at(0), -1))).toMatch(/lit\.u32: -1 is not a 32-bit unsigned integer/);
    expect(errorOf((b) => b.assign(counts.at(0), 1.5))).toMatch(/lit\.u32: 1\.5/);
    expect(errorOf((b) => b.let('t', neg(counts.at(0))))).toMatch(/neg: can only negate f32 or i32/);
    expect(errorOf((b) => b.let('t', exp(counts.at(0))))).toMatch(/exp: needs f32/);
    expect(errorOf((b) => b.let('t', shl(counts.at(0), 32)))).toMatch(/shl: shifting a 32-bit value by 32/);
    expect(errorOf((b) => b.let('t', bitAnd(xs.at(0), xs.at(1))))).toMatch(/bitAnd: & needs two integers/);
    expect(errorOf((b) => b.let('t', select(xs.at(0), xs.at(1), counts.at(0))))).toMatch(/select: the condition \(third argument\) must be bool/);
    expect(errorOf((b) => b.if(counts.at(0), () => {}))).toMatch(/if: the condition must be bool/);
    expect(errorOf((b) => b.let('t', add(1, 2)))).toMatch(/add: every operand is a JS value/);
    expect(errorOf((b) => b.let('t', cast(f32, b.var('v', vec3(f32)))))).toMatch(/cast: cannot convert `v` \(vec3<f32>\) to f32/);
    expect(errorOf((b) => b.let('t', xs))).toMatch(/let 't': cannot copy the runtime-sized `xs`/);
  });
  it('refuses statements in the wrong place', () => {
    expect(errorOf((b) => {
      b.return();
      b.let('t', xs.at(0));
    })).toMatch(/let: unreachable, the block already ended with return/);
    expect(errorOf((b) => b.if(lit.bool(true), () => b.let('t', xs.at(0))))).toMatch(/statement added to an outer block/);
    expect(errorOf((b) => {
      let leaked: Expr | null = null;
      b.if(lit.bool(true), (t) => {
        leaked = t.let('inner', xs.at(0));
      });
      b.assign(ys.at(0), leaked!);
    })).toMatch(/assign: 'inner' is used outside the block that declares it/);
    expect(errorOf((b) => b.break())).toMatch(/break: not inside a loop/);
    expect(errorOf((b) => b.return(1))).toMatch(/return: function 'e\w+' returns nothing/);
  });
  it('refuses functions that do not return, and using a void call as a value', () => {
    expect(() => m.fn('noReturn', [['v', f32]], f32, (b, v) => b.if(lt(v, 0), (b) => b.return(v)))).toThrow(/function 'noReturn' must end with a return of f32/);
    const effect = m.fn('effect', [], null, (b) => b.assign(ys.at(0), 1));
    expect(errorOf((b) => b.let('t', effect()))).toMatch(/let 't': `effect\(\)` \(no value\) returns nothing and cannot be used as a value/);
    expect(errorOf((b) => b.let('t', add(effect(), 1)))).toMatch(/effect\(\.\.\.\) returns nothing and has no value/);
    expect(errorOf((b) => b.call(effect(1)))).toMatch(/effect: takes 0 arguments, got 1/);
  });
  it('refuses bad declarations', () => {
    expect(() => m.storage('xs', arrayOf(f32), 'read')).toThrow(/storage buffer 'xs': the name is already used by a storage buffer/);
    expect(() => m.storage('loop', arrayOf(f32), 'read')).toThrow(/'loop' is a reserved word/);
    expect(() => m.storage('bad name', arrayOf(f32), 'read')).toThrow(/'bad name' is not a valid WGSL identifier/);
    expect(() => m.storage('flags', arrayOf(bool), 'read')).toThrow(/bool cannot be in a buffer/);
    expect(() => m.uniform('weights', arrayOf(f32, 4))).toThrow(/uniform arrays need a multiple of 16/);
    expect(() => m.uniform('u', arrayOf(f32))).toThrow(/runtime-sized/);
    expect(() => m.workgroupVar('w', arrayOf(f32))).toThrow(/needs a fixed size/);
    expect(() => m.storage('c', arrayOf(f32), 'read', { group: 0, binding: 0 })).toThrow(/@binding\(0\) is already taken/);
    expect(() => struct('S', { a: arrayOf(f32), b: f32 })).toThrow(/runtime-sized field 'a' must be the last field/);
    expect(() => m.constant('C', xs.at(0))).toThrow(/constant 'C': 'xs' is not a constant/);
    const other = new WgslModule();
    const foreign = other.storage('foreign', arrayOf(f32), 'read');
    expect(errorOf((b) => b.let('t', foreign.at(0)))).toMatch(/'foreign' belongs to another WgslModule/);
  });
});

describe('literals', () => {
  const bits = new Uint32Array(1);
  const asF32 = new Float32Array(bits.buffer);

  /** Why the text printed for v is wrong (not a float literal, not exactly v, not the shortest), or null. */
  function literalProblem(v: number): string | null {
    const text = formatF32(v);
    if (!/^-?(\d+\.\d+|\d+(\.\d+)?e[+-]?\d+)$/.test(text)) return `${v} printed as ${text}, not a float literal`;
    if (!Object.is(Math.fround(parseFloat(text)), v)) return `${text} does not read back as ${v}`;
    const digits = text.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
    if (digits > 1 && Math.abs(v) < 3.4028234663852886e38 && Math.fround(Number(v.toPrecision(digits - 1))) === v) {
      return `${v} has a shorter form than ${text}`;
    }
    return null;
  }

  it('prints the examples of the brief', () => {
    expect(formatF32(1e-7)).toBe('1e-7');
    expect(formatF32(0.1)).toBe('0.1');
    expect(formatF32(-3)).toBe('-3.0');
    expect(formatF32(16777216)).toBe('16777216.0');
    expect(formatF32(-0)).toBe('-0.0');
    expect(formatF32(0)).toBe('0.0');
    expect(formatF32(1 / 3)).toBe('0.33333334');
    expect(formatF32(1e21)).toBe('1e+21');
    expect(formatF32(2 ** -24)).toBe('5.9604645e-8');
  });

  it('round-trips every f32 it prints (edge cases and 20,000 random bit patterns)', () => {
    const edge = [1, -1, 0.5, 1e-7, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, Math.PI, Math.E, 16777216, 16777217, 123456789, 1e-38, 1.17549435e-38, 1e-45, 3.4028234663852886e38, -3.4028234663852886e38, 65504, 1e10, 1e-10];
    const problems = edge.map((v) => literalProblem(Math.fround(v)));
    let state = 12345;
    for (let i = 0; i < 20000; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      bits[0] = state;
      const v = asF32[0]!;
      if (Number.isFinite(v)) problems.push(literalProblem(v));
    }
    expect(problems.filter((p) => p !== null)).toEqual([]);
  });

  it('keeps the largest f32 inside the range WGSL accepts', () => {
    // the shortest form, 3.4028235e+38, lies beyond the largest f32, and Tint refuses it
    expect(formatF32(3.4028234663852886e38)).toBe('3.40282346e+38');
    expect(formatF32(-3.4028234663852886e38)).toBe('-3.40282346e+38');
    expect(parseFloat(formatF32(3.4028234663852886e38))).toBeLessThanOrEqual(3.4028234663852886e38);
  });

  it('refuses NaN, infinities and values beyond f32', () => {
    expect(() => lit.f32(NaN)).toThrow(/lit\.f32: NaN is not finite/);
    expect(() => lit.f32(Infinity)).toThrow(/not finite/);
    expect(() => lit.f32(1e39)).toThrow(/beyond the range of f32/);
    expect(() => lit.i32(2 ** 31)).toThrow(/not a 32-bit signed integer/);
    expect(() => lit.u32(-1)).toThrow(/not a 32-bit unsigned integer/);
  });

  it('prints integers with their suffix', () => {
    const m = new WgslModule();
    const o = m.storage('o', arrayOf(i32), 'read_write');
    const p = m.storage('p', arrayOf(u32), 'read_write');
    m.compute('main', 1, (b) => {
      b.assign(o.at(0), lit.i32(3));
      b.assign(o.at(1), lit.i32(-2147483648));
      b.assign(o.at(2), -7);
      b.assign(p.at(0), 3);
      b.assign(p.at(1), lit.hex(0x9e3779b9));
    });
    const text = m.print();
    expect(text).toContain('o[0u] = 3i;');
    expect(text).toContain('o[1u] = i32(-2147483648);');
    expect(text).toContain('o[2u] = -7i;');
    expect(text).toContain('p[0u] = 3u;');
    expect(text).toContain('p[1u] = 0x9e3779b9u;');
  });
});

describe('operator precedence', () => {
  function printed(build: (x: Expr, y: Expr, z: Expr) => Expr): string {
    const m = new WgslModule();
    const s = m.storage('s', arrayOf(u32), 'read_write');
    let text = '';
    m.compute('main', 1, (b) => {
      const [x, y, z] = ['x', 'y', 'z'].map((n, k) => b.let(n, s.at(k))) as [Expr, Expr, Expr];
      const e = build(x, y, z);
      text = e.toString();
    });
    return text;
  }

  it('always parenthesizes bitwise operands, and relational arguments of calls', () => {
    expect(printed((x, y, z) => bitOr(bitAnd(x, y), z))).toBe('(x & y) | z');
    expect(printed((x, y, z) => bitAnd(add(x, y), z))).toBe('(x + y) & z');
    expect(printed((x, y) => shl(add(x, y), 2))).toBe('(x + y) << 2u');
    expect(printed((x, y, z) => select(x, y, lt(bitAnd(x, 1), z)))).toBe('select(x, y, ((x & 1u) < z))');
    expect(printed((x, y, z) => mul(add(x, y), z))).toBe('(x + y) * z');
    expect(printed((x, y, z) => add(x, mul(y, z)))).toBe('x + y * z');
  });

  it('does not print a unary minus twice as the decrement token', () => {
    const m = new WgslModule();
    const s = m.storage('s', arrayOf(f32), 'read_write');
    m.compute('main', 1, (b) => b.assign(s.at(0), neg(neg(s.at(1)))));
    expect(m.print()).toContain('s[0u] = -(-s[1u]);');
  });
});

describe('layouts', () => {
  it('computes WGSL struct offsets', () => {
    const s = struct('L', { a: f32, b: vec3(f32), c: u32, d: arrayOf(vec4(f32), 2), e: f32 });
    const layout = structLayout(s);
    expect(layout.fields.map((f) => [f.name, f.offset, f.size])).toEqual([
      ['a', 0, 4],
      ['b', 16, 12],
      ['c', 28, 4],
      ['d', 32, 32],
      ['e', 64, 4],
    ]);
    expect(layout.size).toBe(80);
    expect(layout.align).toBe(16);
  });

  it('reports workgroup storage per entry point', () => {
    const m = new WgslModule();
    const a = m.workgroupVar('a', arrayOf(f32, 10));
    m.workgroupVar('b', arrayOf(f32, 100));
    m.compute('main', 1, (b) => b.assign(a.at(0), 1));
    expect(m.workgroupStorageSize('main')).toBe(48);
  });
});

it('prints casts as conversions', () => {
  const m = new WgslModule();
  const s = m.storage('s', arrayOf(f32), 'read_write');
  m.compute('main', 1, (b, { gid }) => b.assign(s.at(0), cast(f32, cast(i32, gid.x))));
  expect(m.print()).toContain('s[0u] = f32(i32(gid.x));');
});
