// Elementwise bodies (a matmul's epilogue, a map segment) as WebAssembly SIMD over an index space
// [M, N], four columns j at a time. Only bodies whose every operation is one IEEE float32
// operation (add, sub, mul, div, sqrt, min, max, comparisons, selects, ...) are compiled: the
// JavaScript interpreter computes each of those in float64 and rounds once with Math.fround, which
// gives exactly the float32 result, so both give the same bits. Random draws are base/rng's
// integer hash in i32 lanes, where the body covers its kernel's whole space. Bodies with anything
// else (log, tanh, the column index) stay in JavaScript (exp and sigmoid have float64 forms in
// exp.ts); so do bodies where a lane's store could be read by another lane.
//
// Values the same for every element (invariant calls such as Adam's step size) are computed by
// the JavaScript caller, exactly as the JavaScript body would, and passed in as f32 parameters.
import type { ElementwiseFn } from '../../../compiler/graph/elementwise.js';
import type { Body, Expr, Plan, View } from '../../../compiler/plan/ir.js';
import { FunctionBuilder, Op, Simd } from './encoder.js';
import { emitExpF64x2, emitSigmoidF64x2, emitViaF64, v128Splat, type Constant } from './exp.js';

/** SIMD opcodes beyond the encoder's basic set. */
const V = {
  f32x4Eq: 0x41,
  f32x4Ne: 0x42,
  f32x4Gt: 0x44,
  f32x4Ge: 0x46,
  v128And: 0x4e,
  v128Bitselect: 0x52,
  f32x4Abs: 0xe0,
  f32x4Neg: 0xe1,
  f32x4Sqrt: 0xe3,
  i32x4TruncSatF32x4U: 0xf9,
  i32x4Splat: 0x11,
  v128Xor: 0x51,
  i32x4ShrU: 0xad,
  i32x4Add: 0xae,
  i32x4Mul: 0xb5,
  f32x4ConvertI32x4U: 0xfb,
} as const;

/** Functions with a single-rounding float32 meaning, and their operand count. */
const SUPPORTED: Partial<Record<ElementwiseFn, number>> = {
  add: 2,
  sub: 2,
  mul: 2,
  div: 2,
  max: 2,
  min: 2,
  neg: 1,
  abs: 1,
  square: 1,
  sqrt: 1,
  reciprocal: 1,
  gt: 2,
  ge: 2,
  eq: 2,
  select: 3,
  relu: 1,
  step: 1,
  leaky_relu: 1,
  leaky_relu_grad: 1,
  // computed in float64 as the JavaScript does (Math.exp is fdlibm's exp: wasm/exp.ts), then rounded
  exp: 1,
  sigmoid: 1,
};

/** The space a body runs over, seen as [M, N]. */
export interface SimdSpace {
  /** Columns N (the j range); rows M are a parameter. */
  cols: number;
  /** Row stride (floats) of the contraction result C that `acc 0` reads; absent: no accumulator. */
  ldc?: number;
  /** M is 1: a store may then have no row stride. */
  oneRow?: boolean;
  /**
   * One column (N = 1) run across the rows instead: four rows at a time, as one row of M columns
   * (M at run time). Every access must then be contiguous down the rows or the same for every
   * row (a matrix-vector product's epilogue: C is contiguous there, gemmLdc(1) = 1).
   */
  transposed?: boolean;
  /**
   * Column sums: the body (lets only) and each of these values summed down the rows, one column
   * per lane, rows in order (a reduction over the rows, kept columns: a bias gradient); sum n of
   * column j goes to c + 4 (n N + j) for the caller's epilogue.
   */
  sums?: Expr[];
  /**
   * [M, N] is the kernel's whole space in row-major order, so that element (i, j) is the space's
   * element i N + j: a random draw's counter (base/rng), which bodies may then compute.
   */
  flat?: boolean;
}

/**
 * How a load or store finds its element at row i, column j of [M, N]: the float at
 * offset + i * row + j * col, where i goes through the step's rows first for the dataset
 * (gather: perm[offset + i]) and predict's output (window: offset + i), with rowStride then.
 */
export interface RowAccess {
  row: number;
  col: number;
  offset: number;
  rows: 'gather' | 'window' | null;
  rowStride: number;
}

/** A view as the body reads it over [M, N], or null when it is not one of these forms. */
export type AccessOf = (view: View) => RowAccess | null;

function accessKey(a: RowAccess): string {
  return `${a.row},${a.col},${a.offset},${a.rows},${a.rowStride}`;
}

/** A compiled body: the wasm function and what its caller passes. */
export interface SimdBody {
  fn: FunctionBuilder;
  /** Buffer ids whose byte addresses follow the fixed parameters, in order. */
  buffers: number[];
  /** Invariant call expressions whose values (f32) follow the addresses, in order. */
  invariants: Expr[];
  /** The body draws random numbers: its caller passes the step's key. */
  usesRand: boolean;
}

/**
 * The fixed parameters of every body function, then the buffer addresses (i32) and invariant
 * values (f32): (M, offset, c, perm, rows, step, key, ...addresses, ...invariants); key is the
 * step's random key, mix32(seed ^ step), for bodies that draw (else 0).
 */
const FIXED: Array<'i32' | 'f32'> = ['i32', 'i32', 'i32', 'i32', 'f32', 'f32', 'i32'];
const [P_M, P_OFFSET, P_C, P_PERM, P_ROWS, P_STEP, P_KEY] = [0, 1, 2, 3, 4, 5, 6];

/** True for values that are the same for every element: built from constants and uniforms only. */
export function isInvariant(e: Expr): boolean {
  if (e.k === 'num' || e.k === 'uniform') return true;
  if (e.k === 'call') return e.args.every(isInvariant);
  return false;
}

function visit(e: Expr, f: (e: Expr) => void): void {
  f(e);
  // Invariant calls are values computed by the caller: their insides do not matter here.
  if (e.k === 'call' && !isInvariant(e)) for (const a of e.args) visit(a, f);
}

function bodyExprs(b: Body, space: SimdSpace): Expr[] {
  return [...b.lets.map((l) => l.value), ...b.stores.map((s) => s.value), ...(space.sums ?? [])];
}

/** Why a body cannot run as SIMD, or null when it can. */
export function simdUnsupported(plan: Plan, body: Body, space: SimdSpace, accessOf: AccessOf): string | null {
  let why: string | null = null;
  const loads = new Map<number, Set<string>>();
  for (const e of bodyExprs(body, space)) {
    visit(e, (x) => {
      if (why) return;
      if (x.k === 'index' || (x.k === 'rand' && (!space.flat || space.transposed || space.sums))) why = x.k;
      else if (x.k === 'acc' && (x.index !== 0 || space.ldc === undefined)) why = `acc${x.index}`;
      else if (x.k === 'call' && !isInvariant(x) && SUPPORTED[x.fn] === undefined) why = x.fn;
      else if (x.k === 'acc' && space.transposed && space.ldc !== 1) why = 'a result with rows apart';
      else if (x.k === 'load') {
        if (plan.buffers[x.buf]!.dtype !== 'f32') why = 'u32 load';
        const a = accessOf(x.view);
        if (!a || (a.col !== 0 && a.col !== 1)) why = 'a load that is not a row, a column or one value';
        else if (a.rows && a.row !== 0) why = 'a row load with strides';
        else if (space.transposed && !downRows(a, true)) why = 'a load that is not contiguous down the rows';
        let set = loads.get(x.buf);
        if (!set) loads.set(x.buf, (set = new Set()));
        if (a) set.add(accessKey(a));
      }
    });
  }
  if (why) return why;
  const stored = new Set<number>();
  const lets = new Map(body.lets.map((l) => [l.name, l.value]));
  for (const s of body.stores) {
    const b = plan.buffers[s.buf]!;
    if (b.dtype !== 'f32' && !smallInteger(s.value, lets)) return 'u32 store';
    const a = accessOf(s.view);
    if (space.transposed) {
      if (!a || !downRows(a, false)) return 'a store that is not contiguous down the rows';
    } else if (!a || a.col !== 1 || a.rows === 'gather') return 'a store that is not along a row';
    if (!a.rows && a.row === 0 && !space.oneRow) return 'a store to one row from every row';
    if (stored.has(s.buf)) return 'two stores to one buffer';
    stored.add(s.buf);
    // A lane may only read the element it writes: otherwise four at a time is another order.
    const reads = loads.get(s.buf);
    if (reads && [...reads].some((r) => r !== accessKey(a))) return 'reads another element of a stored buffer';
  }
  return null;
}

/**
 * A value that is always a whole number in [0, 2^24) (a position: a choice among such constants),
 * so exact as f32 and stored to a u32 buffer as its JavaScript number is.
 */
function smallInteger(e: Expr, lets: Map<string, Expr>): boolean {
  if (e.k === 'num') return Number.isInteger(e.v) && e.v >= 0 && e.v < 2 ** 24;
  if (e.k === 'let') return lets.has(e.name) && smallInteger(lets.get(e.name)!, lets);
  return e.k === 'call' && e.fn === 'select' && smallInteger(e.args[1]!, lets) && smallInteger(e.args[2]!, lets);
}

/**
 * In a transposed space (one column): the access is contiguous down the rows (row stride 1, or
 * the step's rows one after another), or (`invariant`) the same element for every row.
 */
function downRows(a: RowAccess, invariant: boolean): boolean {
  if (a.rows === 'gather') return false;
  if (a.rows === 'window') return a.rowStride === 1;
  return a.row === 1 || (invariant && a.row === 0);
}

/** How a load or store finds its element for row i, column j (byte offset jb = 4 j). */
type Place =
  /** v128 at local + jb (a row base kept per row). */
  | { kind: 'vector'; base: number }
  /** v128 at the address parameter + jb (a [1, N] row, the same for every i). */
  | { kind: 'row'; param: number }
  /** One value splatted: per row (col, one-column gather/offset) or per call (scalar). */
  | { kind: 'splat'; local: number };

/**
 * Compiles `body` over [M, space.cols]. Call simdUnsupported first.
 */
export function compileSimdBody(plan: Plan, body: Body, space: SimdSpace, accessOf: AccessOf): SimdBody {
  const buffers: number[] = [];
  const invariants: Expr[] = [];
  const invariantKeys = new Map<string, number>();
  for (const e of bodyExprs(body, space)) {
    visit(e, (x) => {
      if (x.k === 'load' && !buffers.includes(x.buf)) buffers.push(x.buf);
      if (x.k === 'call' && isInvariant(x)) {
        const key = JSON.stringify(x);
        if (!invariantKeys.has(key)) {
          invariantKeys.set(key, invariants.length);
          invariants.push(x);
        }
      }
    });
  }
  for (const s of body.stores) if (!buffers.includes(s.buf)) buffers.push(s.buf);
  buffers.sort((a, b) => a - b);
  const params = [...FIXED, ...buffers.map(() => 'i32' as const), ...invariants.map(() => 'f32' as const)];
  const f = new FunctionBuilder(params);
  const addrParam = (buf: number) => FIXED.length + buffers.indexOf(buf);
  const invariantParam = (e: Expr) => FIXED.length + buffers.length + invariantKeys.get(JSON.stringify(e))!;
  const N = space.cols;

  const i = f.local('i32');
  const jb = f.local('i32');
  const g = f.local('i32');

  // Values splatted once per call: constants, uniforms, invariants, scalar loads.
  const once = new Map<string, number>();
  const prologue: Array<() => void> = [];
  /** A local holding the value `push` leaves, splatted (f32x4, or i32x4 with `op`) once per call. */
  const splatOnce = (key: string, push: () => void, op: number = Simd.f32x4Splat): number => {
    let local = once.get(key);
    if (local === undefined) {
      local = f.local('v128');
      once.set(key, local);
      const target = local;
      prologue.push(() => {
        push();
        f.simd(op).set(target);
      });
    }
    return local;
  };
  const constant = (v: number) => splatOnce(`num ${Object.is(v, -0) ? '-0' : String(v)}`, () => f.f32(v));
  // f64x2 and i64x2 constants of exp and sigmoid, set once per call too
  const wide = new Map<string, number>();
  const wideConstant: Constant = (v, kind = 'f64') => {
    const key = `${kind} ${Object.is(v, -0) ? '-0' : String(v)}`;
    let local = wide.get(key);
    if (local === undefined) {
      const target = (local = f.local('v128'));
      wide.set(key, local);
      prologue.push(() => v128Splat(f, v, kind).set(target));
    }
    f.get(local);
  };
  /** fn in float64 of the f32x4 that `a` pushes: through a local, both halves side by side. */
  const viaF64 = (a: Expr, fn: typeof emitExpF64x2) => {
    const v = f.local('v128');
    expr(a);
    f.set(v);
    emitViaF64(f, v, (xs, outs) => fn(f, xs, outs, wideConstant));
  };

  // Per-row places: row bases and per-row splats, recomputed at the start of each row.
  const places = new Map<string, Place>();
  const rowSetup: Array<() => void> = [];
  let usesGather = false;
  const place = (buf: number, view: View): Place => {
    const a = accessOf(view)!;
    const key = `${buf} ${accessKey(a)}`;
    const known = places.get(key);
    if (known) return known;
    const addr = addrParam(buf);
    if (space.transposed) {
      // one row of M columns: jb walks down the rows
      let p: Place;
      if (a.rows === 'window') {
        const base = f.local('i32');
        prologue.push(() => f.get(addr).get(P_OFFSET).i32(4).emit(Op.i32Mul).emit(Op.i32Add).i32(a.offset * 4).emit(Op.i32Add).set(base));
        p = { kind: 'row', param: base };
      } else if (a.row === 1) {
        const base = f.local('i32');
        prologue.push(() => f.get(addr).i32(a.offset * 4).emit(Op.i32Add).set(base));
        p = { kind: 'row', param: base };
      } else {
        p = { kind: 'splat', local: splatOnce(`scalar ${buf} ${a.offset}`, () => f.get(addr).i32(a.offset * 4).emit(Op.i32Add).mem(Op.f32Load)) };
      }
      places.set(key, p);
      return p;
    }
    /** Pushes the byte address of column 0 of row i. */
    let rowAddress: (() => void) | null = null;
    if (a.rows) {
      if (a.rows === 'gather') usesGather = true;
      rowAddress = () => {
        f.get(addr);
        if (a.rows === 'gather') f.get(g);
        else f.get(P_OFFSET).get(i).emit(Op.i32Add);
        f.i32(a.rowStride * 4).emit(Op.i32Mul).emit(Op.i32Add);
        if (a.offset) f.i32(a.offset * 4).emit(Op.i32Add);
      };
    } else if (a.row !== 0) {
      rowAddress = () => {
        f.get(addr).get(i).i32(a.row * 4).emit(Op.i32Mul).emit(Op.i32Add);
        if (a.offset) f.i32(a.offset * 4).emit(Op.i32Add);
      };
    }
    let p: Place;
    if (rowAddress && a.col === 1) {
      const base = f.local('i32');
      const at = rowAddress;
      rowSetup.push(() => {
        at();
        f.set(base);
      });
      p = { kind: 'vector', base };
    } else if (rowAddress) {
      const local = f.local('v128');
      const at = rowAddress;
      rowSetup.push(() => {
        at();
        f.simdMem(Simd.v128Load32Splat).set(local);
      });
      p = { kind: 'splat', local };
    } else if (a.col === 1) {
      if (a.offset === 0) p = { kind: 'row', param: addr };
      else {
        const base = f.local('i32');
        prologue.push(() => f.get(addr).i32(a.offset * 4).emit(Op.i32Add).set(base));
        p = { kind: 'row', param: base };
      }
    } else {
      p = { kind: 'splat', local: splatOnce(`scalar ${buf} ${a.offset}`, () => f.get(addr).i32(a.offset * 4).emit(Op.i32Add).mem(Op.f32Load)) };
    }
    places.set(key, p);
    return p;
  };
  let accBase = -1;
  const accPlace = (): Place => {
    if (space.transposed) return { kind: 'row', param: P_C };
    if (accBase < 0) {
      accBase = f.local('i32');
      const base = accBase;
      rowSetup.push(() => f.get(P_C).get(i).i32(space.ldc! * 4).emit(Op.i32Mul).emit(Op.i32Add).set(base));
    }
    return { kind: 'vector', base: accBase };
  };
  const address = (p: Place & { kind: 'vector' | 'row' }) => {
    f.get(p.kind === 'vector' ? p.base : p.param).get(jb).emit(Op.i32Add);
  };
  const load = (p: Place) => {
    if (p.kind === 'splat') f.get(p.local);
    else {
      address(p);
      f.simdMem(Simd.v128Load);
    }
  };

  // Random draws (base/rng): per stream its key once per call, then per lane the u32 of counter
  // i N + j, all in i32 lanes (multiplies keep the low 32 bits, as Math.imul), to the uniform
  // (u >>> 8) 2^-24: 24 bits, exact in float32 as in JavaScript.
  let usesRand = false;
  const i32Splat = (key: string, push: () => void) => splatOnce(key, push, V.i32x4Splat);
  /**
   * base/rng's mix32 of the value on the stack, left on the stack, through `temp`: `shiftXor`
   * does x ^ (x >>> shift) and `times` x * factor, for an i32 or for each i32 lane.
   */
  const mixer = (temp: number, shiftXor: (shift: number) => void, times: (factor: number) => void) => () => {
    f.set(temp);
    for (const [shift, factor] of [[16, 0x21f0aaad], [15, 0x735a2d97]] as const) {
      f.get(temp).get(temp);
      shiftXor(shift);
      times(factor);
      f.set(temp);
    }
    f.get(temp).get(temp);
    shiftXor(15);
  };
  const mix32 = mixer(
    f.local('i32'),
    (shift) => f.i32(shift).emit(Op.i32ShrU).emit(Op.i32Xor),
    (factor) => f.i32(factor | 0).emit(Op.i32Mul),
  );
  const mix32x4 = mixer(
    f.local('v128'),
    (shift) => f.i32(shift).simd(V.i32x4ShrU).simd(V.v128Xor),
    (factor) => f.get(i32Splat(`i32 ${factor}`, () => f.i32(factor | 0))).simd(V.i32x4Mul),
  );
  const lanes = f.local('v128');
  const rand = (stream: number) => {
    if (!usesRand) {
      usesRand = true;
      // [0, 1, 2, 3]
      prologue.push(() => {
        f.i32(0).simd(V.i32x4Splat);
        for (let lane = 1; lane < 4; lane++) f.i32(lane).emit(0xfd, 0x1c, lane);
        f.set(lanes);
      });
    }
    // streamKey(key, stream) = mix32(mix32(key ^ 0x9e3779b9) ^ stream), splatted
    const streamKey = i32Splat(`stream ${stream}`, () => {
      f.get(P_KEY).i32(0x9e3779b9 | 0).emit(Op.i32Xor);
      mix32();
      f.i32(stream | 0).emit(Op.i32Xor);
      mix32();
    });
    // counter = i N + j for the four lanes
    f.get(i).i32(N).emit(Op.i32Mul).get(jb).i32(2).emit(Op.i32ShrU).emit(Op.i32Add).simd(V.i32x4Splat).get(lanes).simd(V.i32x4Add);
    f.get(streamKey).simd(V.v128Xor);
    mix32x4();
    f.get(i32Splat(`i32 ${0x6a09e667}`, () => f.i32(0x6a09e667))).simd(V.i32x4Add);
    mix32x4();
    f.i32(8).simd(V.i32x4ShrU).simd(V.f32x4ConvertI32x4U).get(constant(1 / 16777216)).simd(Simd.f32x4Mul);
  };

  const lets = new Map<string, number>();
  const one = () => f.get(constant(1));
  const zero = () => f.get(constant(0));
  const mask = (bits: () => void) => {
    // A comparison's all-ones lanes become 1.0, the others +0.
    bits();
    one();
    f.simd(V.v128And);
  };

  const expr = (e: Expr): void => {
    switch (e.k) {
      case 'num':
        f.get(constant(Math.fround(e.v)));
        return;
      case 'uniform':
        f.get(splatOnce(`uniform ${e.name}`, () => f.get(e.name === 'rows' ? P_ROWS : P_STEP)));
        return;
      case 'load':
        load(place(e.buf, e.view));
        return;
      case 'let':
        f.get(lets.get(e.name)!);
        return;
      case 'acc':
        load(accPlace());
        return;
      case 'rand':
        rand(e.stream);
        return;
      case 'index':
        throw new Error(`cpu: ${e.k} has no SIMD form`);
      case 'call':
        break;
    }
    if (isInvariant(e)) {
      f.get(splatOnce(`invariant ${invariantKeys.get(JSON.stringify(e))}`, () => f.get(invariantParam(e))));
      return;
    }
    const [a, b, c] = e.args;
    const alpha = Math.fround(e.alpha);
    const binary = (op: number) => {
      expr(a!);
      expr(b!);
      f.simd(op);
    };
    switch (e.fn) {
      case 'add':
        return binary(Simd.f32x4Add);
      case 'sub':
        return binary(Simd.f32x4Sub);
      case 'mul':
        return binary(Simd.f32x4Mul);
      case 'div':
        return binary(Simd.f32x4Div);
      // Math.max/min and f32x4.max/min agree on NaN (NaN) and on zeros (max(-0, +0) = +0).
      case 'max':
        return binary(Simd.f32x4Max);
      case 'min':
        return binary(Simd.f32x4Min);
      case 'neg':
        expr(a!);
        f.simd(V.f32x4Neg);
        return;
      case 'abs':
        expr(a!);
        f.simd(V.f32x4Abs);
        return;
      case 'square':
        expr(a!);
        expr(a!);
        f.simd(Simd.f32x4Mul);
        return;
      case 'sqrt':
        expr(a!);
        f.simd(V.f32x4Sqrt);
        return;
      case 'reciprocal':
        one();
        expr(a!);
        f.simd(Simd.f32x4Div);
        return;
      case 'relu':
        expr(a!);
        zero();
        f.simd(Simd.f32x4Max);
        return;
      case 'step':
        return mask(() => {
          expr(a!);
          zero();
          f.simd(V.f32x4Gt);
        });
      case 'gt':
        return mask(() => binary(V.f32x4Gt));
      case 'ge':
        return mask(() => binary(V.f32x4Ge));
      case 'eq':
        return mask(() => binary(V.f32x4Eq));
      case 'select':
        // select(a, b, c) is a !== 0 ? b : c (NaN !== 0, so a NaN condition picks b, as f32x4.ne says).
        expr(b!);
        expr(c!);
        expr(a!);
        zero();
        f.simd(V.f32x4Ne);
        f.simd(V.v128Bitselect);
        return;
      case 'leaky_relu':
        // a > 0 ? a : alpha * a
        expr(a!);
        f.get(constant(alpha));
        expr(a!);
        f.simd(Simd.f32x4Mul);
        expr(a!);
        zero();
        f.simd(V.f32x4Gt);
        f.simd(V.v128Bitselect);
        return;
      case 'exp':
        return viaF64(a!, emitExpF64x2);
      case 'sigmoid':
        return viaF64(a!, emitSigmoidF64x2);
      case 'leaky_relu_grad':
        // a > 0 ? 1 : alpha
        one();
        f.get(constant(alpha));
        expr(a!);
        zero();
        f.simd(V.f32x4Gt);
        f.simd(V.v128Bitselect);
        return;
      default:
        throw new Error(`cpu: ${e.fn} has no SIMD form`);
    }
  };

  // One group of four columns: lets, every store's value, then the stores (a body may overwrite
  // what it reads). `lanes` < 4 stores only the first lanes (the row's last, partial group).
  const values = body.stores.map(() => f.local('v128'));
  const group = (lanes: number) => {
    for (const l of body.lets) {
      let local = lets.get(l.name);
      if (local === undefined) lets.set(l.name, (local = f.local('v128')));
      expr(l.value);
      f.set(local);
    }
    body.stores.forEach((s, n) => {
      expr(s.value);
      // (a u32 store holds whole numbers: see smallInteger)
      if (plan.buffers[s.buf]!.dtype === 'u32') f.simd(V.i32x4TruncSatF32x4U);
      f.set(values[n]!);
    });
    body.stores.forEach((s, n) => {
      const p = place(s.buf, s.view);
      if (p.kind === 'splat') throw new Error('cpu: a SIMD store needs a row base');
      if (lanes === 4) {
        address(p);
        f.get(values[n]!).simdMem(Simd.v128Store);
      } else {
        for (let lane = 0; lane < lanes; lane++) {
          address(p);
          f.get(values[n]!).storeLane32(lane, lane * 4);
        }
      }
    });
  };

  if (space.sums) {
    // Per group of four columns, every row in order: the sums in registers, then to c.
    const sums = space.sums;
    const acc = sums.map(() => f.local('v128'));
    const zeroVector = () => f.emit(0xfd, ...[Simd.v128Const], ...new Array<number>(16).fill(0));
    const columns = (lanes: number) => {
      // the row's code first: it registers the row setup and gather it needs
      const at = f.code.length;
      for (const l of body.lets) {
        let local = lets.get(l.name);
        if (local === undefined) lets.set(l.name, (local = f.local('v128')));
        expr(l.value);
        f.set(local);
      }
      sums.forEach((e, n) => {
        f.get(acc[n]!);
        expr(e);
        f.simd(Simd.f32x4Add).set(acc[n]!);
      });
      const row = f.code.splice(at);
      for (const a of acc) zeroVector().set(a);
      f.forRange(i, 0, { local: P_M }, () => {
        if (usesGather) f.get(P_PERM).get(P_OFFSET).get(i).emit(Op.i32Add).i32(4).emit(Op.i32Mul).emit(Op.i32Add).mem(Op.i32Load).set(g);
        for (const emit of rowSetup) emit();
        f.emit(...row);
      });
      sums.forEach((_, n) => {
        if (lanes === 4) f.get(P_C).get(jb).emit(Op.i32Add).get(acc[n]!).simdMem(Simd.v128Store, n * N * 4);
        else for (let lane = 0; lane < lanes; lane++) f.get(P_C).get(jb).emit(Op.i32Add).get(acc[n]!).storeLane32(lane, n * N * 4 + lane * 4);
      });
    };
    const main = f.code.length;
    const full = Math.floor(N / 4);
    const groups = Math.ceil(N / 4);
    if (groups * sums.length <= 8) {
      // Few columns (a bias gradient of 32 channels): every group's sums in registers at once,
      // one pass down the rows instead of one per group; each column still adds its rows in order.
      const accs = Array.from({ length: groups }, () => sums.map(() => f.local('v128')));
      const at = f.code.length;
      for (let q = 0; q < groups; q++) {
        f.i32(q * 16).set(jb);
        for (const l of body.lets) {
          let local = lets.get(l.name);
          if (local === undefined) lets.set(l.name, (local = f.local('v128')));
          expr(l.value);
          f.set(local);
        }
        sums.forEach((e, n) => {
          f.get(accs[q]![n]!);
          expr(e);
          f.simd(Simd.f32x4Add).set(accs[q]![n]!);
        });
      }
      const row = f.code.splice(at);
      for (const a of accs.flat()) zeroVector().set(a);
      f.forRange(i, 0, { local: P_M }, () => {
        if (usesGather) f.get(P_PERM).get(P_OFFSET).get(i).emit(Op.i32Add).i32(4).emit(Op.i32Mul).emit(Op.i32Add).mem(Op.i32Load).set(g);
        for (const emit of rowSetup) emit();
        f.emit(...row);
      });
      for (let q = 0; q < groups; q++) {
        const lanes = q < full ? 4 : N % 4;
        sums.forEach((_, n) => {
          if (lanes === 4) f.get(P_C).get(accs[q]![n]!).simdMem(Simd.v128Store, n * N * 4 + q * 16);
          else for (let lane = 0; lane < lanes; lane++) f.get(P_C).get(accs[q]![n]!).storeLane32(lane, n * N * 4 + q * 16 + lane * 4);
        });
      }
    } else {
      if (full > 0) f.forRange(jb, 0, full * 16, () => columns(4), 16);
      if (N % 4 > 0) {
        f.i32(full * 16).set(jb);
        columns(N % 4);
      }
    }
    const loop = f.code.splice(main);
    for (const emit of prologue) emit();
    f.emit(...loop);
    return { fn: f, buffers, invariants, usesRand };
  }

  if (space.transposed) {
    // M columns in groups of four, then the last 1 to 3 (M % 4, known only at run time)
    const end = f.local('i32');
    const main = f.code.length;
    f.forRange(jb, 0, { local: end }, () => group(4), 16);
    f.get(end).set(jb);
    for (const lanes of [1, 2, 3]) f.get(P_M).i32(3).emit(Op.i32And).i32(lanes).emit(Op.i32Eq).ifElse(() => group(lanes));
    const loop = f.code.splice(main);
    for (const emit of prologue) emit();
    // end = 4 (M - M % 4) bytes
    f.get(P_M).i32(-4).emit(Op.i32And).i32(2).emit(Op.i32Shl).set(end);
    f.emit(...loop);
    return { fn: f, buffers, invariants, usesRand };
  }

  // Generate the row body first (it registers the places, splats and row setup it needs).
  const main = f.code.length;
  const full = Math.floor(N / 4);
  const tail = N % 4;
  if (full > 0) {
    f.forRange(jb, 0, full * 16, () => group(4), 16);
  }
  if (tail > 0) {
    f.i32(full * 16).set(jb);
    group(tail);
  }
  const inner = f.code.splice(main);

  for (const emit of prologue) emit();
  f.forRange(i, 0, { local: P_M }, () => {
    if (usesGather) f.get(P_PERM).get(P_OFFSET).get(i).emit(Op.i32Add).i32(4).emit(Op.i32Mul).emit(Op.i32Add).mem(Op.i32Load).set(g);
    for (const emit of rowSetup) emit();
    f.emit(...inner);
  });
  return { fn: f, buffers, invariants, usesRand };
}
