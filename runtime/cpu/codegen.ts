// Compiles each plan kernel once into a JavaScript function with tight loops: expression trees
// become inline arithmetic, buffer reads become typed-array indexing. No tree is walked per
// element. A space is first collapsed (axes every view walks as one run become one loop), so an
// elementwise body over [B, 28, 28, 32] is one loop over 25,088 columns per row. A contraction in
// the form of a matrix product runs in WebAssembly SIMD (wasm/gemm.ts) into a scratch area and its
// epilogue runs here; other contractions (windows, masks) are JavaScript loops. The functions are
// the CPU's meaning of the plan; tests hold the GPU to them.
import { elementwise, jsHelpers } from '../../compiler/graph/elementwise.js';
import { coordText } from '../../compiler/graph/index-map.js';
import { contiguousStrides, reducedShape, type Dim, type Shape } from '../../compiler/graph/shape.js';
import type { Body, ContractKernel, Expr, GatherKernel, Kernel, MapSegment, Plan, ReduceKernel, SegmentSumKernel, View } from '../../compiler/plan/ir.js';
import { collapseSpace, linearView, type LinearView } from '../../compiler/plan/view.js';
import { mix32, uniform } from '../../base/rng.js';
import { encodeModule, type MemoryImport, type ModuleFunction } from './wasm/encoder.js';
import { gemmForm, type GemmForm } from './gemm-form.js';
import { gemmLdc, tileLdc, type GemmFn } from './wasm/gemm.js';
import { fma32, multiplyAdd } from './wasm/relaxed.js';
import { CALL_ARGS, type CallQueue } from './simd-calls.js';
import type { WgemmFn } from './wasm/wgemm.js';
import { runWindowGemm, windowForm, type WindowForm } from './window-gemm.js';
import { compileSimdBody, isInvariant, simdUnsupported, type RowAccess, type SimdBody, type SimdSpace } from './wasm/simd-body.js';

/** What a compiled kernel finds besides the buffers: where they live in the WebAssembly memory. */
export interface KernelContext {
  /** The whole memory as f32 (rebuilt whenever the memory grows). */
  f32: Float32Array;
  /** Byte address of each plan buffer, by id. */
  addr: Uint32Array;
  /** Byte addresses of the contraction scratch areas (see wasm/gemm.ts). */
  packA: number;
  packB: number;
  c: number;
  gemm: GemmFn;
  /** The windowed product (wasm/wgemm.ts): convolutions. */
  wgemm: WgemmFn;
  /** The plan's SIMD bodies (wasm/simd-body.ts), by export name. */
  simd: Record<string, (...args: number[]) => void>;
  /** Where kernels compiled with `recordCalls` record the SIMD calls of their loops (simd-calls.ts); null on one thread. */
  calls: CallQueue | null;
}

/** A compiled kernel: reads and writes `mem` (one typed array per plan buffer, views of ctx's memory); `t` is the step of the loop it is in. */
export type CompiledKernel = (mem: Array<Float32Array | Uint32Array>, rows: number, offset: number, step: number, seed: number, ctx: KernelContext, t?: number) => void;

export interface CodegenOptions {
  /**
   * 'wasm' (default): matrix products in WebAssembly SIMD. 'js': the same sums (k in order, the
   * same multiply-add: wasm/relaxed.ts) in plain JavaScript, kept as the readable reference;
   * identical bits.
   */
  matmul?: 'wasm' | 'js';
  /**
   * true (default): elementwise bodies made only of single-rounding float32 operations run as
   * WebAssembly SIMD (wasm/simd-body.ts); false: all in JavaScript. Identical bits either way.
   */
  simd?: boolean;
  /**
   * SIMD bodies called in JavaScript loops are recorded in ctx.calls and run when the loops end,
   * split across the threads (simd-calls.ts): for an executor on more than one thread. Same bits.
   */
  recordCalls?: boolean;
  /** With recordCalls, a SIMD body over one call's rows is dealt out in runs of rows from this many elements (default 2^16; tests: 0). */
  minSplitElements?: number;
}

/** Every (buffer, view) a body stores to or loads from: its stores first, then its loads in order. */
function bodyAccesses(body: Body): Array<[number, View]> {
  const accesses: Array<[number, View]> = body.stores.map((st) => [st.buf, st.view]);
  const visit = (e: Expr) => {
    if (e.k === 'load') accesses.push([e.buf, e.view]);
    if (e.k === 'call') e.args.forEach(visit);
  };
  [...body.lets, ...body.stores].forEach((x) => visit(x.value));
  return accesses;
}

/** The name a kernel gives ctx.calls where it records SIMD calls. */
const RECORDS = '$calls';
/** A SIMD body over fewer elements stays one call on the calling thread (its split would cost more than it runs). */
const SPLIT_ELEMENTS = 2 ** 16;
/** Runs of rows a larger one is recorded as (simd-calls.ts deals them to the threads). */
const SPLIT_RUNS = 16;

const helpers = { ...jsHelpers, uniform, mix32, fround: Math.fround, fma32 };

/**
 * Compiles a plan's kernels: one JavaScript function each, plus one WebAssembly module with the
 * SIMD bodies they call (instantiated by the executor over its memory, found in ctx.simd).
 */
export class PlanCompiler {
  private functions: ModuleFunction[] = [];

  constructor(
    readonly plan: Plan,
    readonly options: CodegenOptions = {},
  ) {}

  kernel(kernel: Kernel): CompiledKernel {
    if (kernel.kind === 'loop') {
      // the body's kernels, step after step
      const body = kernel.body.map((k) => this.kernel(k));
      const { steps, reverse } = kernel;
      return (mem, rows, offset, step, seed, ctx) => {
        for (let n = 0; n < steps; n++) {
          const t = reverse ? steps - 1 - n : n;
          for (const f of body) f(mem, rows, offset, step, seed, ctx, t);
        }
      };
    }
    const source = this.source(kernel);
    const window = kernel.kind === 'contract' ? this.windowOf(kernel) : null;
    try {
      const factory = new Function('h', `"use strict";\nconst {sigmoid, softplus, erf, swishGrad, uniform, mix32, fround, fma32, windowGemm} = h;\nreturn function ${safeName(kernel.name)}(mem, rows, offset, step, seed, ctx, t) {\n${source}\n};`);
      const windowGemm = window ? (ctx: KernelContext, perm: Uint32Array, rows: number, offset: number) => runWindowGemm(window, ctx, perm, rows, offset) : null;
      return factory({ ...helpers, windowGemm }) as CompiledKernel;
    } catch (e) {
      throw new Error(`cpu: kernel ${kernel.name} did not compile: ${(e as Error).message}\n${source}`);
    }
  }

  /** The JavaScript body of a kernel (registers the SIMD bodies it calls); a loop's, its body's in turn. */
  source(kernel: Kernel): string {
    if (kernel.kind === 'loop') return kernel.body.map((k) => `// ${k.name}\n${this.source(k)}`).join('\n');
    const simd = this.options.simd === false ? null : (body: SimdBody) => this.addSimd(body);
    const g = new Generator(this.plan, simd, this.options.recordCalls === true, this.options.minSplitElements ?? SPLIT_ELEMENTS);
    switch (kernel.kind) {
      case 'map':
        return kernel.segments.map((s) => g.map(s)).join('\n');
      case 'contract': {
        const form = this.options.matmul === 'js' ? null : gemmForm(this.plan, kernel);
        if (form) return g.gemm(kernel, form);
        const window = this.windowOf(kernel);
        if (window) return g.gemm(kernel, window.gemm, `windowGemm(ctx, mem[${this.plan.io.permutation}], rows, offset);`);
        return g.contract(kernel);
      }
      case 'reduce':
        return g.reduce(kernel);
      case 'gather':
        return g.gatherRows(kernel);
      case 'segment_sum':
        return g.segmentSum(kernel);
    }
  }

  /** The windowed matrix form of a contraction the gemm cannot take (a convolution), unless the matmul runs in JavaScript. */
  windowOf(kernel: Kernel): WindowForm | null {
    if (kernel.kind !== 'contract' || this.options.matmul === 'js' || gemmForm(this.plan, kernel)) return null;
    return windowForm(kernel);
  }

  /** The module of every SIMD body registered so far (importing the memory as `memory` says); null when there are none. */
  module(memory: Omit<MemoryImport, 'module' | 'name'> = { minimum: 1 }): Uint8Array | null {
    if (this.functions.length === 0) return null;
    return encodeModule({ module: 'env', name: 'memory', ...memory }, this.functions);
  }

  private addSimd(body: SimdBody): string {
    const name = `s${this.functions.length}`;
    this.functions.push({ name, body: body.fn });
    return name;
  }
}

function safeName(name: string): string {
  return 'k_' + name.replace(/[^A-Za-z0-9_]/g, '_');
}

/** A dimension's size in generated code: `rows` for B, a number otherwise. */
function dim(d: Dim): string {
  if (d === 'B') return 'rows';
  if (d === 'N') throw new Error('cpu: a kernel cannot range over N rows');
  return String(d);
}

function literal(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return v < 0 || Object.is(v, -0) ? `(${v})` : String(v);
}

/** `a * b` with the trivial cases folded. */
function times(a: string, stride: number): string {
  return stride === 1 ? a : `${a} * ${stride}`;
}

/**
 * Where a body is evaluated: index variables per axis of a space (after collapsing), with the
 * original space's axes mapped onto them, and the per-row gather variable.
 */
interface Coords {
  /** Index variable of each (collapsed) axis. */
  names: string[];
  sizes: Shape;
  /** The size of each (collapsed) axis as code, where it is not `dim(size)` (a merged batch: `rows * 5`). */
  codes?: string[];
  /** The original space, and for each of its axes the collapsed axis it belongs to (-1: size 1, always 0). */
  original: Shape;
  axisOf: number[];
  /** The gather row variable: perm[offset + index of axis 0], read once per index of axis 0 when that axis is the row axis alone. */
  gatherRow: string;
}

function extent(c: Coords, d: number): string {
  return c.codes?.[d] ?? dim(c.sizes[d]!);
}

class Generator {
  private used = new Set<number>();
  private usesGather = false;
  /** Some read uses the per-row gather variable: the row loop reads it once per row. */
  private usesRowVar = false;
  private usesRand = false;
  /** Loop-invariant values (constants and per-step uniforms only), computed once per call. */
  private hoisted = new Map<string, string>();

  constructor(
    private plan: Plan,
    /** Registers a SIMD body and returns its export name; null: everything in JavaScript. */
    private addSimd: ((body: SimdBody) => string) | null,
    /** SIMD calls in loops are recorded in ctx.calls (CodegenOptions.recordCalls). */
    private recordCalls = false,
    /** CodegenOptions.minSplitElements. */
    private minSplitElements = SPLIT_ELEMENTS,
  ) {}

  private buf(id: number): string {
    this.used.add(id);
    return `b${id}`;
  }

  private declarations(): string {
    const lines = [...this.used].sort((a, b) => a - b).map((id) => `const b${id} = mem[${id}];`);
    for (const [code, name] of this.hoisted) lines.push(`const ${name} = ${code};`);
    if (this.usesGather) lines.push(`const perm = mem[${this.plan.io.permutation}];`);
    if (this.usesRand) lines.push('const key = mix32((seed ^ step) >>> 0);');
    return lines.join('\n');
  }

  // ---- spaces ------------------------------------------------------------------------------

  /** Every view a body reads or writes (for collapsing), and the axes it reads as indices. */
  private bodyViews(bodies: Body[], extra: Expr[] = []): { views: View[]; indexAxes: Set<number> } {
    const views: View[] = [];
    const indexAxes = new Set<number>();
    const visit = (e: Expr) => {
      if (e.k === 'load') views.push(e.view);
      if (e.k === 'index') indexAxes.add(e.axis);
      if (e.k === 'call') e.args.forEach(visit);
    };
    for (const b of bodies) {
      b.lets.forEach((l) => visit(l.value));
      b.stores.forEach((s) => {
        views.push(s.view);
        visit(s.value);
      });
    }
    extra.forEach(visit);
    return { views, indexAxes };
  }

  /** Coordinates over `space`, collapsed where every view allows (masked views keep their axes). */
  private coords(space: Shape, views: View[], keep: Set<number>, prefix = 'i'): Coords {
    const linear = views.map((v) => linearView(v, space.length));
    const fixedAxes = new Set(keep);
    views.forEach((v, n) => {
      // a masked or divided view is computed per coordinate: its axes stay as they are
      if (!linear[n]) for (const c of v.coords) for (const [axis] of c.terms) fixedAxes.add(axis);
    });
    const c = collapseSpace(space, linear.filter((l): l is LinearView => l !== null), fixedAxes);
    const sizes = c.space.length ? c.space : [1];
    const groups = c.groups.length ? c.groups : [[]];
    const names = sizes.length === 2 && prefix === 'i' ? ['i', 'j'] : sizes.map((_, d) => `${prefix}${d}`);
    const axisOf = space.map((_, a) => groups.findIndex((g) => g.includes(a)));
    return { names, sizes, original: space, axisOf, gatherRow: 'g' };
  }

  /** The index of original axis `a` at these coordinates (an expression). */
  private axisIndex(c: Coords, a: number): string {
    const g = c.axisOf[a]!;
    if (g < 0) return '0';
    // an axis merged with others: its index is recovered from the group's
    const group = c.original.map((_, x) => x).filter((x) => c.axisOf[x] === g);
    if (group.length === 1) return c.names[g]!;
    const inner = group.slice(group.indexOf(a) + 1).reduce<number>((n, x) => n * (c.original[x] as number), 1);
    return `(Math.floor(${c.names[g]} / ${inner}) % ${c.original[a] as number})`;
  }

  /** The flat index of the element at these coordinates in its space (row-major): the random counter. */
  private flatIndex(c: Coords): string {
    const strides = contiguousStrides(c.sizes);
    const terms = c.names.map((n, d) => (c.sizes[d] === 1 ? '' : times(n, strides[d]!))).filter((t) => t !== '');
    return terms.length ? terms.join(' + ') : '0';
  }

  /** The typed-array index a view reads at these coordinates; `valid` is set for masked views. */
  private index(view: View, c: Coords): { at: string; valid: string | null } {
    const linear = linearView(view, c.original.length);
    if (linear) {
      const parts: string[] = [];
      // the row axis through the permutation (gather) or the step's offset (window)
      if (linear.rowAxis >= 0) {
        const row = view.rows === 'gather' ? this.gather(c, linear.rowAxis) : `(offset + ${this.axisIndex(c, linear.rowAxis)})`;
        parts.push(times(row, linear.rowStride));
      }
      // merged axes that the view walks as one run: one term, with the innermost axis's stride
      const done = new Set<number>();
      linear.strides.forEach((stride, a) => {
        const g = c.axisOf[a]!;
        if (a === linear.rowAxis || stride === 0 || g < 0 || done.has(g)) return;
        const group = c.original.map((_, x) => x).filter((x) => c.axisOf[x] === g);
        if (group.length > 1 && this.walksGroup(linear, c, group)) {
          done.add(g);
          parts.push(times(c.names[g]!, linear.strides[group.at(-1)!]!));
        } else parts.push(times(this.axisIndex(c, a), stride));
      });
      if (linear.loopStride !== 0) parts.push(times('t', linear.loopStride));
      if (linear.offset !== 0) parts.push(String(linear.offset));
      return { at: parts.length ? parts.join(' + ') : '0', valid: null };
    }
    // Masked or divided coordinates: each computed, checked, then laid out row-major.
    const strides = contiguousStrides(view.shape);
    const parts: string[] = [];
    const checks: string[] = [];
    const name = (a: number) => this.axisIndex(c, a);
    view.coords.forEach((coord, d) => {
      let value = coordText({ ...coord, div: 1, masked: false }, name);
      const div = coord.div ?? 1;
      if (div !== 1) {
        checks.push(`(${value}) % ${div} === 0`);
        value = `((${value}) / ${div})`;
      } else value = `(${value})`;
      if (coord.masked) checks.push(`${value} >= 0 && ${value} < ${view.shape[d] as number}`);
      if (d === 0 && view.rows === 'gather') {
        this.usesGather = true;
        value = `perm[offset + ${value}]`;
      }
      if (d === 0 && view.rows === 'window') value = `(offset + ${value})`;
      parts.push(times(value, strides[d]!));
    });
    return { at: parts.join(' + ') || '0', valid: checks.length ? checks.join(' && ') : null };
  }

  /** True when an original axis shares its collapsed axis with others. */
  private merged(c: Coords, a: number): boolean {
    const g = c.axisOf[a]!;
    return g >= 0 && c.axisOf.filter((x) => x === g).length > 1;
  }

  /** A view steps through a merged group of axes as one run (so one index times the innermost stride). */
  private walksGroup(v: LinearView, c: Coords, group: number[]): boolean {
    for (let k = 0; k + 1 < group.length; k++) {
      if (v.strides[group[k]!] !== v.strides[group[k + 1]!]! * (c.original[group[k + 1]!] as number)) return false;
    }
    return true;
  }

  /** The dataset row of the row axis: `g` where the loops read it once per row, else read here. */
  private gather(c: Coords, rowAxis: number): string {
    this.usesGather = true;
    if (!this.rowAlone(c, rowAxis)) return `perm[offset + ${this.axisIndex(c, rowAxis)}]`;
    this.usesRowVar = true;
    return c.gatherRow;
  }

  /** The row axis is collapsed axis 0 on its own: its index is the dataset position. */
  private rowAlone(c: Coords, rowAxis: number): boolean {
    return c.axisOf[rowAxis] === 0 && c.axisOf.filter((g) => g === 0).length === 1;
  }

  // ---- expressions ---------------------------------------------------------------------------

  expr(e: Expr, c: Coords): string {
    switch (e.k) {
      case 'num':
        return literal(Math.fround(e.v));
      case 'uniform':
        return e.name === 'rows' ? 'rows' : 'step';
      case 'load': {
        const { at, valid } = this.index(e.view, c);
        const read = `${this.buf(e.buf)}[${at}]`;
        return valid ? `(${valid} ? ${read} : 0)` : read;
      }
      case 'call': {
        // Every operation rounds to float32, as on the GPU: both executors compute the same numbers.
        const def = elementwise[e.fn] as { js: (a: string[], alpha: string) => string };
        const code = `fround(${def.js(
          e.args.map((a) => this.expr(a, c)),
          literal(Math.fround(e.alpha)),
        )})`;
        if (!isInvariant(e)) return code;
        let name = this.hoisted.get(code);
        if (!name) this.hoisted.set(code, (name = `h${this.hoisted.size}`));
        return name;
      }
      case 'let':
        return `l_${e.name.replace(/[^A-Za-z0-9_]/g, '_')}`;
      case 'acc':
        return `acc${e.index}`;
      case 'rand':
        this.usesRand = true;
        return `uniform(key, ${e.stream}, ${this.flatIndex(c)})`;
      case 'index':
        return this.axisIndex(c, e.axis);
    }
  }

  /** Lets, then every store's value, then the stores: a body may overwrite what it reads. */
  body(b: Body, c: Coords): string {
    const lines = b.lets.map((l) => `const ${this.expr({ k: 'let', name: l.name }, c)} = ${this.expr(l.value, c)};`);
    const target = (s: Body['stores'][number]) => `${this.buf(s.buf)}[${this.index(s.view, c).at}]`;
    if (b.stores.length === 1) {
      const s = b.stores[0]!;
      lines.push(`${target(s)} = ${this.expr(s.value, c)};`);
    } else {
      b.stores.forEach((s, n) => lines.push(`const v${n} = ${this.expr(s.value, c)};`));
      b.stores.forEach((s, n) => lines.push(`${target(s)} = v${n};`));
    }
    return lines.join('\n');
  }

  /** Nested loops over the coordinates' axes (outermost first) around `inner`. */
  private loops(c: Coords, inner: string): string {
    return this.loopsOver(c, c.names.map((_, d) => d), inner);
  }

  // ---- kernels -------------------------------------------------------------------------------

  map(s: MapSegment): string {
    const { views, indexAxes } = this.bodyViews([s.body]);
    const c = this.coords(s.space, views, indexAxes);
    const call = this.simdCall(s.body, c, null, undefined, undefined, true);
    if (call) return `{\n${this.declarations()}\n${call}\n}`;
    const inner = this.body(s.body, c);
    const loops = this.loops(c, inner);
    return `{\n${this.declarations()}\n${loops}\n}`;
  }

  /**
   * The call of `body` as a SIMD function over its space seen as [M, N] (all axes but the last,
   * the last), or null when it has no SIMD form. The invariants it needs are hoisted here, exactly
   * as the JavaScript body would compute them. `ldc`: the row stride of the contraction result
   * that `acc 0` reads. `sums`: instead of the body's stores, these values summed down the rows
   * into ctx.c (a reduction's column sums; see SimdSpace.sums). `flat`: c is the kernel's whole
   * space, whose flat index the JavaScript body gives random draws (SimdSpace.flat).
   */
  private simdCall(body: Body, c: Coords, ldc: number | null, sums?: Expr[], address: (id: number) => string = (id) => `ctx.addr[${id}]`, flat = false, record = false): string | null {
    if (!this.addSimd) return null;
    if (c.sizes.length > 2) return ldc === null && !sums ? this.simdRows(body, c) : null;
    const [M, N] = c.sizes.length === 2 ? [c.sizes[0]!, c.sizes[1]!] : typeof c.sizes[0] === 'number' ? [1, c.sizes[0]] : [c.sizes[0]!, 1];
    if (typeof N !== 'number') return null;
    const rowOf = (v: View) => this.rowAccess(v, c);
    // one column: four rows at a time where every access runs down the rows, else a row at a time
    let space: SimdSpace = sums ? { cols: N, sums } : { cols: N, ...(ldc !== null ? { ldc } : {}), oneRow: M === 1, transposed: N === 1 && M !== 1, flat };
    if (space.transposed && simdUnsupported(this.plan, body, space, rowOf) !== null) space = { ...space, transposed: false };
    if (simdUnsupported(this.plan, body, space, rowOf) !== null) return null;
    const compiled = compileSimdBody(this.plan, body, space, rowOf);
    const name = this.addSimd(compiled);
    const invariants = compiled.invariants.map((e) => this.expr(e, c));
    if (compiled.usesRand) this.usesRand = true;
    const args = [c.codes?.[0] ?? dim(M), 'offset', ldc === null && !sums ? '0' : 'ctx.c', `ctx.addr[${this.plan.io.permutation}]`, 'rows', 'step', compiled.usesRand ? 'key' : '0', ...compiled.buffers.map(address), ...invariants];
    // recorded (`record`: simdRows' calls, each over its own elements) unless it draws random
    // numbers or has more arguments than a record holds
    if (record && !compiled.usesRand && args.length <= CALL_ARGS) return `${RECORDS}.put(${name.slice(1)}, ${args.join(', ')});`;
    const direct = `ctx.simd.${name}(${args.join(', ')});`;
    const shifts = this.recordCalls && !compiled.usesRand && !sums && !space.oneRow && !space.transposed && args.length <= CALL_ARGS ? this.rowShifts(body, compiled.buffers, rowOf) : null;
    return shifts ? this.splitRows(name, args, compiled.buffers.length, shifts, ldc, N) : direct;
  }

  /**
   * Bytes each buffer's address moves per row of a SIMD body's [M, N], in `buffers`' order, or null
   * when some buffer is read or written at two row strides (its rows cannot be dealt out by moving
   * one address). The part of an address that goes through the step's rows (the dataset's,
   * predict's output) moves with the call's offset instead.
   */
  private rowShifts(body: Body, buffers: number[], rowOf: (v: View) => RowAccess | null): number[] | null {
    const accesses = bodyAccesses(body);
    const shift = new Map<number, number>();
    for (const [buf, view] of accesses) {
      const r = rowOf(view);
      if (!r) return null;
      const bytes = 4 * r.row;
      if ((shift.get(buf) ?? bytes) !== bytes) return null;
      shift.set(buf, bytes);
    }
    return buffers.map((b) => shift.get(b) ?? 0);
  }

  /**
   * A SIMD body over [M, N] (one call over every row) recorded as calls over runs of rows, so that
   * the threads share them (simd-calls.ts): each run's call starts at its first row, its buffers'
   * addresses moved by `shifts` per row, C's by ldc floats, the step's rows by the offset. Elementwise
   * over its own rows, so the same bits. Small ones (under minSplitElements) stay one call.
   */
  private splitRows(name: string, args: string[], buffers: number, shifts: number[], ldc: number | null, N: number): string {
    const [M, , cAddr, perm, rowsArg, stepArg, key] = args as [string, string, string, string, string, string, string];
    const moved = (arg: string, bytes: number) => (bytes === 0 ? arg : `${arg} + $r * ${bytes}`);
    const record = [
      'Math.min($run, $n - $r)',
      'offset + $r',
      ldc !== null ? moved(cAddr, 4 * ldc) : cAddr,
      perm,
      rowsArg,
      stepArg,
      key,
      ...args.slice(7, 7 + buffers).map((a, b) => moved(a, shifts[b]!)),
      ...args.slice(7 + buffers),
    ];
    return `{
const $n = ${M};
if ($n * ${N} < ${this.minSplitElements} || $n < 2) ctx.simd.${name}(${args.join(', ')});
else {
const ${RECORDS} = ctx.calls, $run = Math.ceil($n / ${SPLIT_RUNS});
for (let $r = 0; $r < $n; $r += $run) ${RECORDS}.put(${name.slice(1)}, ${record.join(', ')});
${RECORDS}.flush();
}
}`;
  }

  /**
   * A body over more than two axes as SIMD over the last two, called in JavaScript loops over the
   * others, each buffer's address moved to where those indices put it (the order of the elements
   * is the loops' order: rows of the last two, in turn). A masked view (padding) whose conditions
   * use only the outer axes is read whole or not at all per call: two bodies, the second with 0 for
   * it, as the JavaScript reads. Null unless every view is linear (masks aside), without the
   * step's rows, each buffer at one place per outer index, and a call has enough elements.
   */
  private simdRows(body: Body, c: Coords): string | null {
    const n = c.sizes.length;
    const loads: Expr[] = [];
    const visit = (e: Expr) => {
      if (e.k === 'load') loads.push(e);
      if (e.k === 'call') e.args.forEach(visit);
    };
    [...body.lets, ...body.stores].forEach((x) => visit(x.value));
    const masked = loads.filter((e) => e.k === 'load' && e.view.coords.some((k) => k.masked));
    const N = c.sizes[n - 1]!;
    if (typeof N !== 'number') return null;
    if (!masked.length) {
      // The rows may be any axis but the last (a map's elements are independent, so the loops'
      // order is free): the longest (the innermost of equals), for the fewest calls (a max
      // pooling's gradient over [B, 13, 2, 13, 2, 32], its windows' axes between, runs 13 rows a
      // call instead of 2).
      let rowAxis = n - 2;
      for (let d = 0; d < n - 1; d++) if (typeof c.sizes[d] === 'number' && (c.sizes[d] as number) >= (c.sizes[rowAxis] as number)) rowAxis = d;
      const M = c.sizes[rowAxis]!;
      const call = typeof M === 'number' && M * N >= 64 ? this.simdPart(body, c, rowAxis, M, N) : null;
      return call && this.recorded(this.loopsOver(c, c.names.map((_, d) => d).filter((d) => d !== rowAxis && d < n - 1), call));
    }
    // Masked: the rows are the axes after every axis a mask uses, the mask checked per call
    let first = n - 2;
    for (const e of masked) if (e.k === 'load') for (const k of e.view.coords) if (k.masked) for (const [axis] of k.terms) first = Math.max(first, c.axisOf[axis]! + 1);
    const M = first === n - 1 ? 1 : c.sizes[first]!;
    if (first > n - 1 || typeof M !== 'number' || M * N < 64) return null;
    const conditions = new Set(masked.map((e) => (e.k === 'load' ? this.index(e.view, c).valid : null)));
    if (conditions.size > 1) return null;
    const replace = (e: Expr, inside: boolean): Expr => {
      if (e.k === 'load' && masked.includes(e)) return inside ? { ...e, view: { ...e.view, coords: e.view.coords.map((k) => ({ ...k, masked: false })) } } : { k: 'num', v: 0 };
      return e.k === 'call' ? { ...e, args: e.args.map((a) => replace(a, inside)) } : e;
    };
    const variant = (inside: boolean): Body => ({ lets: body.lets.map((l) => ({ ...l, value: replace(l.value, inside) })), stores: body.stores.map((st) => ({ ...st, value: replace(st.value, inside) })) });
    const calls = [variant(true), variant(false)].map((b) => this.simdPart(b, c, first, M, N));
    if (calls.some((x) => x === null)) return null;
    return this.recorded(this.loopsOver(c, c.names.slice(0, first).map((_, d) => d), `if (${[...conditions][0]}) ${calls[0]}\nelse ${calls[1]}`));
  }

  /**
   * simdRows' loops, with the calls they record (if any) run when they end: before anything after
   * them reads what the calls write. (A call left direct, beside recorded ones, writes other
   * elements than theirs, so their order does not matter.)
   */
  private recorded(loops: string): string {
    if (!loops.includes(`${RECORDS}.put(`)) return loops;
    return `{\nconst ${RECORDS} = ctx.calls;\n${loops}\n${RECORDS}.flush();\n}`;
  }

  /**
   * The call of simdRows' body over axes `first` on (as [M, N]) at the outer axes' indices; or,
   * with `first` below the last two, over axis `first` alone as the rows, every other axis outer.
   */
  private simdPart(body: Body, c: Coords, first: number, M: number, N: number): string | null {
    const n = c.sizes.length;
    const accesses = bodyAccesses(body);
    // the axes inside the call: `first` alone when it is below the last two, else `first` on
    const alone = first < n - 2;
    const inside = (g: number) => g === n - 1 || (alone ? g === first : g >= first);
    const outer = new Map<number, string>();
    for (const [buf, view] of accesses) {
      const linear = linearView(view, c.original.length);
      if (!linear || linear.rowAxis >= 0) return null;
      const terms: string[] = [];
      const done = new Set<number>();
      linear.strides.forEach((stride, a) => {
        const g = c.axisOf[a]!;
        if (g < 0 || inside(g) || stride === 0 || done.has(g)) return;
        const group = c.original.map((_, x) => x).filter((x) => c.axisOf[x] === g);
        if (group.length > 1 && this.walksGroup(linear, c, group)) {
          done.add(g);
          terms.push(times(c.names[g]!, linear.strides[group.at(-1)!]!));
        } else terms.push(times(this.axisIndex(c, a), stride));
      });
      const code = terms.join(' + ') || '0';
      if ((outer.get(buf) ?? code) !== code) return null;
      outer.set(buf, code);
    }
    const inner: Coords = { names: [first === n - 1 ? 'i_' : c.names[first]!, c.names[n - 1]!], sizes: [M, N], original: c.original, axisOf: c.axisOf.map((g) => (g === n - 1 ? 1 : inside(g) ? 0 : -1)), gatherRow: c.gatherRow };
    return this.simdCall(body, inner, null, undefined, (id) => (outer.get(id) === '0' ? `ctx.addr[${id}]` : `ctx.addr[${id}] + 4 * (${outer.get(id)})`), false, this.recordCalls);
  }

  /** A view as a SIMD body reads it over [M, N]: strides of the row and the column, offset, rows. */
  private rowAccess(view: View, c: Coords) {
    const linear = linearView(view, c.original.length);
    // a view that moves with a loop's step stays in JavaScript (the SIMD bodies have no step)
    if (!linear || linear.loopStride !== 0) return null;
    const strides = [0, 0];
    for (let a = 0; a < c.original.length; a++) {
      const g = c.axisOf[a]!;
      if (g < 0 || a === linear.rowAxis || linear.strides[a] === 0) continue;
      const group = c.original.map((_, x) => x).filter((x) => c.axisOf[x] === g);
      if (!this.walksGroup(linear, c, group)) return null;
      const d = c.sizes.length === 2 ? g : typeof c.sizes[0] === 'number' ? 1 : 0;
      strides[d] = linear.strides[group.at(-1)!]!;
    }
    return { row: strides[0]!, col: strides[1]!, offset: linear.offset, rows: linear.rowAxis >= 0 ? view.rows! : null, rowStride: linear.rowStride };
  }

  /** A contraction in matrix form: the product in WebAssembly into scratch C, then the epilogue per element. */
  gemm(k: ContractKernel, form: GemmForm, product?: string): string {
    const permutation = this.plan.io.permutation;
    // (C's row stride: the windowed product writes NR-wide tiles even for one column)
    const ldc = product ? tileLdc(form.N) : gemmLdc(form.N);
    const address = (buf: number, o: GemmForm['a']) => [`ctx.addr[${buf}]`, o.offset ? String(4 * o.offset) : '', o.loopStride ? times('t', 4 * o.loopStride) : ''].filter((x) => x !== '').join(' + ');
    const gemm = product ?? `ctx.gemm(M, ${form.N}, K, ${address(k.a.buf, form.a)}, ${form.a.sX}, ${form.a.sY}, ${form.a.mode}, ${address(k.b.buf, form.b)}, ${form.b.sX}, ${form.b.sY}, ${form.b.mode}, ctx.addr[${permutation}] + offset * 4, ctx.packA, ctx.packB, ctx.c);`;
    // the epilogue runs over the output space seen as [M, N]
    const { views, indexAxes } = this.bodyViews([k.epilogue]);
    for (let a = 0; a < k.space.length; a++) indexAxes.add(a);
    const c = this.coords(k.space, views, new Set(), 'i');
    const matrix = this.matrixCoords(k.space, form);
    const call = matrix.sizes.length <= 2 ? this.simdCall(k.epilogue, matrix, ldc, undefined, undefined, true) : null;
    const head = `const M = ${form.M}, K = ${form.K};`;
    if (call) return `${head}\n${this.declarations()}\n${gemm}\n${call}`;
    void c;
    const epilogue = this.body(k.epilogue, matrix);
    const row = `const cRow = (ctx.c >>> 2) + ${matrix.names[0]} * ${ldc};`;
    const inner = `const acc0 = C[cRow + ${matrix.names[1]}];\n${epilogue}`;
    const gather = this.usesRowVar ? `const ${matrix.gatherRow} = perm[offset + ${matrix.names[0]}];\n` : '';
    return `${head}
${this.declarations()}
${gemm}
const C = ctx.f32;
for (let ${matrix.names[0]} = 0; ${matrix.names[0]} < M; ${matrix.names[0]}++) {
${gather}${row}
for (let ${matrix.names[1]} = 0; ${matrix.names[1]} < ${form.N}; ${matrix.names[1]}++) {
${inner}
}
}`;
  }

  /** A gather: per element of the space, the table's element at (the index read there, the last index); 0 outside the table. */
  gatherRows(k: GatherKernel): string {
    const all = new Set(k.space.map((_, a) => a));
    const c = this.coords(k.space, [], all);
    const [rows, width] = this.plan.buffers[k.table]!.shape as [number, number];
    const last = c.names.at(-1)!;
    const index = this.expr({ k: 'load', buf: k.index.buf, view: k.index.view }, c);
    const inner = `const v = Math.trunc(${index});\nconst acc0 = v >= 0 && v < ${rows} ? ${this.buf(k.table)}[v * ${width} + ${last}] : 0;\n${this.body(k.epilogue, c)}`;
    return `{\n${this.declarations()}\n${this.loops(c, inner)}\n}`;
  }

  /**
   * A segment sum: the positions in row-major order, each adding its values to its index's row
   * (float32 sums, in order: what sorting by index and adding each run gives), then the epilogue
   * per element of the result.
   */
  segmentSum(k: SegmentSumKernel): string {
    const [rows, width] = k.space as [number, number];
    const positions = this.coords(k.positions, [], new Set(k.positions.map((_, a) => a)), 'p');
    const index = this.expr({ k: 'load', buf: k.index.buf, view: k.index.view }, positions);
    const valueCoords: Coords = { ...this.coords([...k.positions, width], [], new Set([...k.positions, width].map((_, a) => a)), 'p'), names: [...positions.names, 'j'] };
    const value = this.expr({ k: 'load', buf: k.values.buf, view: k.values.view }, valueCoords);
    const add = `const v = Math.trunc(${index});\nif (v >= 0 && v < ${rows}) for (let j = 0; j < ${width}; j++) S[v * ${width} + j] += ${value};`;
    const out = this.coords(k.space, [], new Set([0, 1]));
    const epilogue = `const acc0 = S[${out.names[0]} * ${width} + ${out.names[1]}];\n${this.body(k.epilogue, out)}`;
    return `{\n${this.declarations()}\nconst S = new Float32Array(${rows * width});\n${this.loops(positions, add)}\n${this.loops(out, epilogue)}\n}`;
  }

  /** The output space of a matrix-form contraction as [M, N] coordinates (M over its first axes, N its last). */
  private matrixCoords(space: Shape, form: GemmForm): Coords {
    const axisOf = space.map((_, a) => (form.mAxes.includes(a) ? 0 : form.nAxes.includes(a) ? 1 : -1));
    return { names: ['i', 'j'], sizes: [form.mDim, form.N], codes: [form.M, String(form.N)], original: space, axisOf, gatherRow: 'g' };
  }

  /**
   * Any contraction, in JavaScript: for each output element, the products summed over the inner
   * indices in row-major order (acc = acc + a b as the products do it, masked reads 0), all into a scratch
   * result first; then the epilogue per element (it may overwrite what the sums read).
   */
  contract(k: ContractKernel): string {
    const all: Shape = [...k.space, ...k.inner];
    const whole = (prefix: string): Coords => {
      const names = all.map((_, d) => (d < k.space.length ? `${prefix}${d}` : `k${d - k.space.length}`));
      return { names, sizes: all, original: all, axisOf: all.map((_, d) => d), gatherRow: 'g' };
    };
    const c = whole('o');
    const a = this.index(k.a.view, c);
    const b = this.index(k.b.view, c);
    const read = (buf: number, r: { at: string; valid: string | null }) => (r.valid ? `(${r.valid} ? ${this.buf(buf)}[${r.at}] : 0)` : `${this.buf(buf)}[${r.at}]`);
    const outNames = c.names.slice(0, k.space.length);
    const flat = (() => {
      const strides = contiguousStrides(k.space);
      return outNames.map((n, d) => times(n, strides[d]!)).join(' + ') || '0';
    })();
    // the multiply-add of the WebAssembly products (wasm/relaxed.ts): one rounding or two
    const [x, y] = [read(k.a.buf, a), read(k.b.buf, b)];
    let sum = multiplyAdd() === 'fused' ? `acc = fma32(${x}, ${y}, acc);` : `acc = fround(acc + fround(${x} * ${y}));`;
    for (let d = all.length - 1; d >= k.space.length; d--) sum = `for (let ${c.names[d]} = 0; ${c.names[d]} < ${dim(all[d]!)}; ${c.names[d]}++) {\n${sum}\n}`;
    let products = `let acc = 0;\n${sum}\nC[base + ${flat}] = acc;`;
    const rowVar = this.usesRowVar;
    this.usesRowVar = false;
    for (let d = k.space.length - 1; d >= 0; d--) {
      const gather = d === 0 && rowVar ? `const ${c.gatherRow} = perm[offset + ${c.names[0]}];\n` : '';
      products = `for (let ${c.names[d]} = 0; ${c.names[d]} < ${dim(all[d]!)}; ${c.names[d]}++) {\n${gather}${products}\n}`;
    }
    const { views, indexAxes } = this.bodyViews([k.epilogue]);
    const out = this.coords(k.space, views, indexAxes);
    const outStrides = contiguousStrides(k.space);
    const flatOut = k.space.map((_, a2) => (out.axisOf[a2]! < 0 ? '' : times(this.axisIndex(out, a2), outStrides[a2]!))).filter((t) => t !== '').join(' + ') || '0';
    const epilogue = `const acc0 = C[base + ${flatOut}];\n${this.body(k.epilogue, out)}`;
    return `${this.declarations()}
const C = ctx.f32;
const base = ctx.c >>> 2;
${products}
${this.loops(out, epilogue)}`;
  }

  reduce(k: ReduceKernel): string {
    // The loops: kept axes outside (one result each), reduced axes inside, both row-major.
    const inputExprs = [...k.prologue.map((l) => l.value), ...k.reductions.map((r) => r.value)];
    const { views, indexAxes } = this.bodyViews([], inputExprs);
    const keep = new Set([...indexAxes, ...k.axes.filter((a) => k.space.length > 0 && a >= 0)]);
    // reduced and kept axes must not merge with each other: keep the boundaries
    const c = this.coords(k.space, views, keepBoundaries(k.space, k.axes, keep));
    const outSpace = reducedShape(k.space, k.axes);
    const outCoords: Coords = { ...c, original: outSpace, axisOf: outSpace.map((_, a) => (k.axes.includes(a) ? -1 : c.axisOf[a]!)) };
    const prologue = k.prologue.map((l) => `const ${this.expr({ k: 'let', name: l.name }, c)} = ${this.expr(l.value, c)};`).join('\n');
    const reducedAxes = [...new Set(k.axes.map((a) => c.axisOf[a]!).filter((g) => g >= 0))].sort((p, q) => p - q);
    const keptAxes = c.names.map((_, d) => d).filter((d) => !reducedAxes.includes(d));
    const position = (() => {
      // argmax: the position among the reduced elements, row-major
      let p = '';
      let scale = 1;
      for (let n = reducedAxes.length - 1; n >= 0; n--) {
        const d = reducedAxes[n]!;
        p = p === '' ? times(c.names[d]!, scale) : `${times(c.names[d]!, scale)} + ${p}`;
        scale *= c.sizes[d] as number;
      }
      return p || '0';
    })();
    const init = k.reductions
      .map((r, n) => (r.op === 'sum' ? `let acc${n} = 0;` : r.op === 'max' ? `let acc${n} = -Infinity;` : `let acc${n} = 0, best${n} = -Infinity;`))
      .join('\n');
    const update = k.reductions
      .map((r, n) => {
        const v = this.expr(r.value, c);
        if (r.op === 'sum') return `acc${n} = fround(acc${n} + ${v});`;
        if (r.op === 'max') return `{ const v = ${v}; if (v > acc${n}) acc${n} = v; }`;
        return `{ const v = ${v}; if (v > best${n}) { best${n} = v; acc${n} = ${position}; } }`;
      })
      .join('\n');
    const epilogue = this.body(k.epilogue, outCoords);
    // Sums down the rows of [M, N], kept columns (bias gradients): in SIMD, a column per lane, into
    // scratch C, which the epilogue reads.
    const columnSums = k.reductions.every((r) => r.op === 'sum') && c.sizes.length === 2 && reducedAxes.join() === '0' ? this.simdCall({ lets: k.prologue, stores: [] }, c, null, k.reductions.map((r) => r.value)) : null;
    if (columnSums) {
      const j = c.names[1]!;
      const read = k.reductions.map((_, n) => `const acc${n} = C[base + ${n * (c.sizes[1] as number)} + ${j}];`).join('\n');
      const loops = this.loopsOver(c, keptAxes, `${read}\n${epilogue}`);
      return `${this.declarations()}\n${columnSums}\nconst C = ctx.f32;\nconst base = ctx.c >>> 2;\n${loops}`;
    }
    // The same over more axes (the bias gradient of a convolution: [B, 26, 26, 32] summed over the
    // first three): seen as [B * 676, 32], the rows are the reduced elements in row-major order,
    // the order of the loops below, so the sums are the same.
    const matrix = k.reductions.every((r) => r.op === 'sum') && indexAxes.size === 0 ? this.rowsByColumns(k.space, k.axes, views) : null;
    const matrixSums = matrix ? this.simdCall({ lets: k.prologue, stores: [] }, matrix, null, k.reductions.map((r) => r.value)) : null;
    if (matrix && matrixSums) {
      const outMatrix: Coords = { ...matrix, original: outSpace, axisOf: outSpace.map((_, a) => (k.axes.includes(a) ? -1 : matrix.axisOf[a]!)) };
      const read = k.reductions.map((_, n) => `const acc${n} = C[base + ${n * (matrix.sizes[1] as number)} + j];`).join('\n');
      const loops = this.loopsOver(matrix, [1], `${read}\n${this.body(k.epilogue, outMatrix)}`);
      return `${this.declarations()}\n${matrixSums}\nconst C = ctx.f32;\nconst base = ctx.c >>> 2;\n${loops}`;
    }
    // Reduced axes all before the kept ones (a bias gradient: sum over the batch and the pixels
    // per channel): the input is walked in memory order, each result's sum in a float32 array
    // (a store rounds as fround does), in the same order per result as the loops below.
    const columns = reducedAxes.length > 0 && keptAxes.length > 0 && reducedAxes.at(-1)! < keptAxes[0]! && k.reductions.every((r) => r.op !== 'argmax');
    if (columns) {
      const count = keptAxes.map((d) => extent(c, d)).join(' * ');
      let flat = '';
      for (const d of keptAxes) flat = flat === '' ? c.names[d]! : `(${flat}) * ${extent(c, d)} + ${c.names[d]}`;
      const arrays = k.reductions.map((r, n) => `const A${n} = new Float32Array(${count})${r.op === 'max' ? '.fill(-Infinity)' : ''};`).join('\n');
      const add = k.reductions
        .map((r, n) => (r.op === 'sum' ? `A${n}[${flat}] += ${this.expr(r.value, c)};` : `{ const v = ${this.expr(r.value, c)}; if (v > A${n}[${flat}]) A${n}[${flat}] = v; }`))
        .join('\n');
      const sums = this.loopsOver(c, reducedAxes, this.loopsOver(c, keptAxes, `${prologue}\n${add}`));
      const results = k.reductions.map((_, n) => `const acc${n} = A${n}[${flat}];`).join('\n');
      return `${this.declarations()}\n${arrays}\n${sums}\n${this.loopsOver(c, keptAxes, `${results}\n${epilogue}`)}`;
    }
    const simdWindow = this.windowSimd(k);
    if (simdWindow) return simdWindow;
    const windowed = this.windowMax(k, c, reducedAxes, prologue);
    if (windowed) return `${this.declarations()}\n${windowed.head}\n${this.loopsOver(c, keptAxes, `${windowed.inner}\n${epilogue}`)}`;
    const inner = this.unrolled(c, reducedAxes, `${prologue}\n${update}`) ?? this.loopsOver(c, reducedAxes, `${prologue}\n${update}`);
    return `${this.declarations()}\n${this.loopsOver(c, keptAxes, `${init}\n${inner}\n${epilogue}`)}`;
  }

  /**
   * Max and argmax over a few fixed positions (a pooling window) of one value, without branches:
   * the values go into W, then k, the best position so far (P: none, W[P] = -Infinity), moves to
   * position n where W[n] > W[k], by integer masking. That is the loops' rule (strictly greater,
   * in row-major order, from -Infinity) and the max is the value at the argmax, so the results are
   * the same; but the comparisons, whose outcomes follow the data, no longer mispredict branches.
   * Null for any other reduction.
   */
  private windowMax(k: ReduceKernel, c: Coords, reducedAxes: number[], prologue: string): { head: string; inner: string } | null {
    const value = JSON.stringify(k.reductions[0]?.value);
    if (k.reductions.length === 0 || k.reductions.some((r) => r.op === 'sum' || JSON.stringify(r.value) !== value)) return null;
    const count = reducedAxes.reduce((n, d) => n * (typeof c.sizes[d] === 'number' ? (c.sizes[d] as number) : Infinity), 1);
    let n = 0;
    const fill = this.unrolled(c, reducedAxes, () => `${prologue}\nW[${n++}] = ${this.expr(k.reductions[0]!.value, c)};`);
    if (!fill || count !== n) return null;
    const steps = Array.from({ length: count }, (_, p) => `kw ^= (kw ^ ${p}) & -(W[${p}] > W[kw]);`).join('\n');
    const results = k.reductions.map((r, i) => `const acc${i} = ${r.op === 'max' ? 'W[kw]' : `kw & -(kw !== ${count})`};`).join('\n');
    return { head: `const W = new Float64Array(${count + 1});\nW[${count}] = -Infinity;`, inner: `${fill}\nlet kw = ${count};\n${steps}\n${results}` };
  }

  /**
   * Max and argmax over a few fixed positions as a SIMD map over the results: per position p in
   * row-major order, c = v_p > best, best = c ? v_p : best, arg = c ? p : arg (from -Infinity and
   * 0): the loops' rule, four results at a time without branches. Null where the map has no SIMD
   * form (windowMax's JavaScript then).
   */
  private windowSimd(k: ReduceKernel): string | null {
    const value = k.reductions[0]?.value;
    if (!this.addSimd || !value || k.prologue.length > 0 || k.reductions.some((r) => r.op === 'sum' || JSON.stringify(r.value) !== JSON.stringify(value))) return null;
    const sizes = k.axes.map((a) => k.space[a]!);
    if (sizes.some((n) => typeof n !== 'number')) return null;
    const count = (sizes as number[]).reduce((p, n) => p * n, 1);
    if (count > 16) return null;
    const argmax = k.reductions.some((r) => r.op === 'argmax');
    const call = (fn: 'gt' | 'select', args: Expr[]): Expr => ({ k: 'call', fn, alpha: 0, args });
    const at = (name: string): Expr => ({ k: 'let', name });
    const lets: Body['lets'] = [];
    let best: Expr = { k: 'num', v: -Infinity };
    let arg: Expr = { k: 'num', v: 0 };
    for (let p = 0; p < count; p++) {
      // the reduced axes' indices at position p, row-major
      const index = new Map<number, number>();
      let rest = p;
      for (let n = k.axes.length - 1; n >= 0; n--) {
        index.set(k.axes[n]!, rest % (sizes[n] as number));
        rest = Math.floor(rest / (sizes[n] as number));
      }
      lets.push({ name: `win${p}v`, value: fixAxes(value, index) });
      lets.push({ name: `win${p}c`, value: call('gt', [at(`win${p}v`), best]) });
      lets.push({ name: `win${p}m`, value: call('select', [at(`win${p}c`), at(`win${p}v`), best]) });
      if (argmax) lets.push({ name: `win${p}a`, value: call('select', [at(`win${p}c`), { k: 'num', v: p }, arg]) });
      best = at(`win${p}m`);
      arg = at(`win${p}a`);
    }
    const results = k.reductions.map((r) => (r.op === 'max' ? best : arg));
    const replace = (e: Expr): Expr => (e.k === 'acc' ? results[e.index]! : e.k === 'call' ? { ...e, args: e.args.map(replace) } : e);
    const body: Body = {
      lets: [...lets, ...k.epilogue.lets.map((l) => ({ name: l.name, value: replace(l.value) }))],
      stores: k.epilogue.stores.map((st) => ({ ...st, value: replace(st.value) })),
    };
    const { views, indexAxes } = this.bodyViews([body]);
    const c = this.coords(reducedShape(k.space, k.axes), views, indexAxes);
    const simd = this.simdCall(body, c, null);
    return simd ? `${this.declarations()}\n${simd}` : null;
  }

  /**
   * A reduction's space as [reduced, kept] when the reduced axes all come before the kept ones
   * and every view reads memory linearly without the step's rows (so a row of the SIMD body is
   * one reduced element); null otherwise. SIMD then checks that each view walks both as runs.
   */
  private rowsByColumns(space: Shape, axes: number[], views: View[]): Coords | null {
    const real = space.map((_, a) => a).filter((a) => space[a] !== 1);
    const reduced = real.filter((a) => axes.includes(a));
    const kept = real.filter((a) => !axes.includes(a));
    if (reduced.length === 0 || kept.length === 0 || reduced.at(-1)! > kept[0]!) return null;
    if (kept.some((a) => typeof space[a] !== 'number') || reduced.slice(1).some((a) => typeof space[a] !== 'number')) return null;
    if (views.some((v) => linearView(v, space.length)?.rowAxis !== -1)) return null;
    const product = (as: number[]) => as.reduce((n, a) => n * (space[a] as number), 1);
    const first = space[reduced[0]!]!;
    const inner = product(reduced.slice(1));
    const rows: Dim = typeof first === 'number' ? first * inner : first;
    return {
      names: ['i', 'j'],
      sizes: [rows, product(kept)],
      codes: [typeof first === 'number' ? String(rows) : `${dim(first)} * ${inner}`, String(product(kept))],
      original: space,
      axisOf: space.map((_, a) => (reduced.includes(a) ? 0 : kept.includes(a) ? 1 : -1)),
      gatherRow: 'g',
    };
  }

  /**
   * A few fixed passes (a pooling window: 2 x 2) written out one after another in row-major order,
   * each with its indices as constants, instead of loops: the same order, none of the loop cost.
   * Null when there are more than 16 or the sizes are not fixed.
   */
  private unrolled(c: Coords, axes: number[], body: string | (() => string)): string | null {
    const sizes = axes.map((d) => c.sizes[d]);
    if (axes.length === 0 || sizes.some((n) => typeof n !== 'number') || (sizes as number[]).reduce((p, n) => p * n, 1) > 16) return null;
    if (axes.includes(0) && this.usesRowVar) return null;
    const blocks: string[] = [];
    const index = axes.map(() => 0);
    const total = (sizes as number[]).reduce((p, n) => p * n, 1);
    for (let e = 0; e < total; e++) {
      blocks.push(`{\n${axes.map((d, t) => `const ${c.names[d]} = ${index[t]};`).join(' ')}\n${typeof body === 'string' ? body : body()}\n}`);
      for (let t = axes.length - 1; t >= 0; t--) {
        if (++index[t]! < (sizes[t] as number)) break;
        index[t] = 0;
      }
    }
    return blocks.join('\n');
  }

  /** Loops over some axes of the coordinates (in order); a gather row is read inside the row axis's loop. */
  private loopsOver(c: Coords, axes: number[], inner: string): string {
    let code = inner;
    for (let n = axes.length - 1; n >= 0; n--) {
      const d = axes[n]!;
      // the gather row, once per row (the generated body says whether it reads it)
      const gather = d === 0 && this.usesRowVar ? `const ${c.gatherRow} = perm[offset + ${c.names[0]}];\n` : '';
      code = `for (let ${c.names[d]} = 0; ${c.names[d]} < ${extent(c, d)}; ${c.names[d]}++) {\n${gather}${code}\n}`;
    }
    return code;
  }
}

/** An expression with some axes' indices fixed: their terms in views become constants. */
function fixAxes(e: Expr, index: Map<number, number>): Expr {
  if (e.k === 'index') return index.has(e.axis) ? { k: 'num', v: index.get(e.axis)! } : e;
  if (e.k === 'call') return { ...e, args: e.args.map((a) => fixAxes(a, index)) };
  if (e.k !== 'load') return e;
  const coords = e.view.coords.map((c) => ({
    ...c,
    bias: c.bias + c.terms.reduce((b, [axis, coef]) => b + (index.has(axis) ? coef * index.get(axis)! : 0), 0),
    terms: c.terms.filter(([axis]) => !index.has(axis)),
  }));
  return { ...e, view: { ...e.view, coords } };
}

/** Axes to keep apart so that no collapsed axis mixes reduced and kept ones. */
function keepBoundaries(space: Shape, axes: number[], keep: Set<number>): Set<number> {
  const out = new Set(keep);
  for (let a = 0; a + 1 < space.length; a++) if (axes.includes(a) !== axes.includes(a + 1)) out.add(a);
  for (const a of [...out]) out.add(a);
  return out;
}
