// The golden modules: each is printed to test/webgpu/golden/NAME.wgsl (builder.test.ts) and compiled
// by Dawn with no errors and no warnings (gpu.test.ts).
import {
  type Expr,
  WgslModule,
  abs,
  add,
  and,
  arrayLength,
  arrayOf,
  bitAnd,
  bitNot,
  bitOr,
  bitXor,
  bitcast,
  cast,
  clamp,
  construct,
  div,
  eq,
  exp,
  f32,
  floor,
  ge,
  gt,
  i32,
  inverseSqrt,
  le,
  lit,
  log,
  lt,
  max,
  min,
  mod,
  mul,
  ne,
  neg,
  not,
  or,
  pow,
  round,
  select,
  shl,
  shr,
  sign,
  sqrt,
  struct,
  sub,
  tanh,
  u32,
  vec2,
  vec4,
} from '../../compiler/wgsl/builder.js';
import { rngFunctions } from '../../compiler/wgsl/rng.js';

/** The brief's example: bindings, a uniform struct, workgroup memory, a guarded store, barriers, a loop. */
export function elementwiseModule(): WgslModule {
  const m = new WgslModule();
  const x = m.storage('x', arrayOf(f32), 'read');
  const y = m.storage('y', arrayOf(f32), 'read_write');
  const params = m.uniform('params', struct('Params', { rows: u32, offset: u32, step: f32 }));
  const tile = m.workgroupVar('tile', arrayOf(f32, 256));
  m.compute('main', [64, 1, 1], (b, { gid, lid }) => {
    const i = b.let('i', add(gid.x, params.field('offset')));
    b.if(lt(i, params.field('rows')), (b) => {
      b.assign(y.at(i), mul(exp(x.at(i)), lit.f32(2)));
      b.assign(tile.at(lid.x), mul(y.at(i), params.field('step')));
    });
    b.workgroupBarrier();
    b.storageBarrier();
    const acc = b.var('acc', f32);
    b.for('k', 0, 64, (b, k) => b.update(acc, '+=', tile.at(k)));
    b.if(eq(lid.x, 0), (b) => b.assign(y.at(sub(arrayLength(y), 1)), acc), (b) => b.comment('other invocations only read'));
  });
  return m;
}

/** Helper functions, control flow and the builtins. */
export function helpersModule(): WgslModule {
  const m = new WgslModule();
  const data = m.storage('data', arrayOf(f32), 'read_write');
  const bits = m.storage('bits', arrayOf(u32), 'read_write');
  const sigmoid = m.fn('sigmoid', [['z', f32]], f32, (b, z) => b.return(div(1, add(1, exp(neg(z))))));
  const relu = m.fn('relu', [['z', f32]], f32, (b, z) => b.return(max(z, 0)));
  const classify = m.fn('classify', [['v', f32]], u32, (b, v) => {
    b.if(
      lt(v, 0),
      (b) => b.return(lit.u32(0)),
      (b) =>
        b.if(
          lt(v, 1),
          (b) => b.return(lit.u32(1)),
          (b) => b.return(lit.u32(2)),
        ),
    );
  });
  const store = m.fn('store', [['at', u32], ['value', f32]], null, (b, at, value) => {
    b.if(ge(at, arrayLength(data)), (b) => b.return());
    b.assign(data.at(at), value);
  });
  m.compute('main', 64, (b, { gid }) => {
    const i = b.let('i', gid.x);
    b.if(ge(i, arrayLength(data)), (b) => b.return());
    const v = b.let('v', data.at(i));
    const n = b.var('n', u32);
    b.loop((b) => {
      b.breakIf(or(ge(n, 4), gt(cast(f32, n), abs(v))));
      b.update(n, '+=', 1);
    });
    const t = b.var('t', add(sigmoid(v), relu(sub(v, 0.5))));
    b.update(t, '*=', clamp(tanh(v), -1, 1));
    b.assign(t, add(t, mul(pow(abs(v), 1.5), sqrt(abs(v)))));
    b.assign(t, sub(t, mul(inverseSqrt(add(abs(v), 1)), log(add(abs(v), 1)))));
    b.assign(t, add(t, sub(floor(v), round(v))));
    b.assign(t, select(t, mul(sign(v), min(t, lit.f32(3))), and(ne(n, 0), not(eq(v, 0)))));
    b.call(store(i, t));
    const word = b.let('word', bitXor(bitcast(u32, t), shl(classify(v), 30)));
    b.assign(bits.at(i), bitOr(bitAnd(word, lit.hex(0x3fffffff)), bitNot(shr(word, mod(n, 4)))));
    const signed = b.let('signed', bitcast(i32, word));
    b.assign(bits.at(add(i, 1)), bitcast(u32, neg(abs(signed))));
  });
  return m;
}

/** The RNG functions, as the init and dropout kernels will use them. */
export function rngModule(): WgslModule {
  const m = new WgslModule();
  const draws = m.storage('draws', arrayOf(u32), 'read_write');
  const uniforms = m.storage('uniforms', arrayOf(f32), 'read_write');
  const key = m.uniform('key', struct('RngKey', { seed: u32, stream: u32, count: u32, pad: u32 }));
  const rng = rngFunctions(m);
  m.compute('main', 64, (b, { gid }) => {
    const i = b.let('i', gid.x);
    b.if(lt(i, key.field('count')), (b) => {
      b.assign(draws.at(i), rng.randomU32(key.field('seed'), key.field('stream'), i));
      b.assign(uniforms.at(i), rng.uniform(key.field('seed'), key.field('stream'), i));
    });
  });
  return m;
}

/** Expressions whose printing needs parentheses WGSL insists on. */
export function precedenceModule(): WgslModule {
  const m = new WgslModule();
  const a = m.storage('a', arrayOf(u32, 4), 'read');
  const out = m.storage('out', arrayOf(u32), 'read_write');
  const fout = m.storage('fout', arrayOf(f32), 'read_write');
  const lanes = m.workgroupVar('lanes', arrayOf(vec4(f32), 4));
  m.compute('main', 1, (b) => {
    const [p, q, r, s] = [0, 1, 2, 3].map((k) => b.let(`a${k}`, a.at(k))) as [Expr, Expr, Expr, Expr];
    b.assign(out.at(0), bitOr(bitAnd(p, q), r)); // (p & q) | r
    b.assign(out.at(1), sub(p, sub(q, r))); // p - (q - r)
    b.assign(out.at(2), div(p, mul(q, add(r, 1)))); // p / (q * (r + 1))
    b.assign(out.at(3), shl(add(p, q), bitAnd(r, 31))); // (p + q) << (r & 31)
    b.assign(out.at(4), select(lit.u32(0), lit.u32(1), and(lt(p, q), or(gt(r, s), eq(bitAnd(p, 1), 0)))));
    b.assign(out.at(5), select(lit.u32(0), lit.u32(1), lt(bitXor(p, q), r)));
    b.assign(out.at(6), mul(sub(p, q), add(r, s)));
    b.assign(out.at(7), min(max(p, q), select(r, s, le(p, s))));
    const f = b.let('f', cast(f32, p));
    b.assign(fout.at(0), neg(neg(f)));
    b.assign(fout.at(1), sub(f, lit.f32(-3)));
    b.assign(fout.at(2), mul(f, neg(add(f, 1))));
    b.assign(lanes.at(0), construct(vec4(f32), f, 1, construct(vec2(f32), f, lit.f32(1e-7))));
    b.assign(fout.at(3), add(lanes.at(0).w, mul(lanes.at(0).x, lit.f32(16777216))));
  });
  return m;
}

export const goldenModules: Record<string, () => WgslModule> = {
  elementwise: elementwiseModule,
  helpers: helpersModule,
  rng: rngModule,
  precedence: precedenceModule,
};
