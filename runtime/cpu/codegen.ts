// Compiles each plan kernel once into a JavaScript function with tight loops: expression trees
// become inline arithmetic, buffer reads become typed-array indexing. No tree is walked per
// element. A matmul's dot products run in WebAssembly SIMD (wasm/gemm.ts) into a scratch area of C
// and its epilogue runs here over that result. The functions are the CPU's meaning of the plan;
// tests hold the GPU to them.
import { elementwise, jsHelpers } from '../../compiler/graph/elementwise.js';
import type { Access, Body, Expr, Kernel, MapSegment, MatmulKernel, MatmulOperand, Plan, ReduceKernel } from '../../compiler/plan/ir.js';
import { mix32, uniform } from '../../base/rng.js';
import { encodeModule, type ModuleFunction } from './wasm/encoder.js';
import { gemmLdc, type GemmFn } from './wasm/gemm.js';
import { compileSimdBody, isInvariant, simdUnsupported, type SimdBody, type SimdSpace } from './wasm/simd-body.js';

/** What a compiled kernel finds besides the buffers: where they live in the WebAssembly memory. */
export interface KernelContext {
  /** The whole memory as f32 (rebuilt whenever the memory grows). */
  f32: Float32Array;
  /** Byte address of each plan buffer, by id. */
  addr: Uint32Array;
  /** Byte addresses of the matmul scratch areas (see wasm/gemm.ts). */
  packA: number;
  packB: number;
  c: number;
  gemm: GemmFn;
  /** The plan's SIMD bodies (wasm/simd-body.ts), by export name. */
  simd: Record<string, (...args: number[]) => void>;
}

/** A compiled kernel: reads and writes `mem` (one typed array per plan buffer, views of ctx's memory). */
export type CompiledKernel = (mem: Array<Float32Array | Uint32Array>, rows: number, offset: number, step: number, seed: number, ctx: KernelContext) => void;

export interface CodegenOptions {
  /**
   * 'wasm' (default): dot products in WebAssembly SIMD. 'js': the same sums (k in order, float32
   * products and sums) in plain JavaScript, kept as the readable reference; both give identical bits.
   */
  matmul?: 'wasm' | 'js';
  /**
   * true (default): elementwise bodies made only of single-rounding float32 operations run as
   * WebAssembly SIMD (wasm/simd-body.ts); false: all in JavaScript. Identical bits either way.
   */
  simd?: boolean;
}

const helpers = { ...jsHelpers, uniform, mix32, fround: Math.fround };

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
    const source = this.source(kernel);
    try {
      const scratch = kernel.kind === 'matmul' && this.options.matmul === 'js' ? `const acc = new Float32Array(${kernel.cols});\n` : '';
      const factory = new Function('h', `"use strict";\nconst {sigmoid, softplus, erf, swishGrad, uniform, mix32, fround} = h;\n${scratch}return function ${safeName(kernel.name)}(mem, rows, offset, step, seed, ctx) {\n${source}\n};`);
      return factory(helpers) as CompiledKernel;
    } catch (e) {
      throw new Error(`cpu: kernel ${kernel.name} did not compile: ${(e as Error).message}\n${source}`);
    }
  }

  /** The JavaScript body of a kernel (registers the SIMD bodies it calls). */
  source(kernel: Kernel): string {
    const simd = this.options.simd === false ? null : (body: SimdBody) => this.addSimd(body);
    const g = new Generator(this.plan, simd);
    switch (kernel.kind) {
      case 'map':
        return kernel.segments.map((s) => g.map(s)).join('\n');
      case 'matmul':
        return this.options.matmul === 'js' ? g.matmulJs(kernel) : g.matmulWasm(kernel);
      case 'reduce':
        return g.reduce(kernel);
    }
  }

  /** The module of every SIMD body registered so far; null when there are none. */
  module(): Uint8Array | null {
    if (this.functions.length === 0) return null;
    return encodeModule({ module: 'env', name: 'memory', minimum: 1 }, this.functions);
  }

  private addSimd(body: SimdBody): string {
    const name = `s${this.functions.length}`;
    this.functions.push({ name, body: body.fn });
    return name;
  }
}

/**
 * A matmul operand as gemm reads it (see Operand in wasm/gemm.ts): strides in elements of the
 * stored buffer for its x index (A: the row i; B: the column j) and its y index (k), and which
 * one goes through the permutation.
 */
export function gemmOperand(operand: MatmulOperand, storedCols: number, side: 'a' | 'b'): { sX: number; sY: number; mode: 0 | 1 | 2 } {
  // Stored row-major with `storedCols` columns. A: a[i][k] is stored at (i, k), or (k, i) when
  // transposed. B: b[k][j] is stored at (k, j), or (j, k) when transposed. So x is the stored row
  // exactly when A is not transposed or B is transposed.
  const xIsRow = side === 'a' ? !operand.transpose : operand.transpose;
  const sX = xIsRow ? storedCols : 1;
  const sY = xIsRow ? 1 : storedCols;
  // Gathering maps the stored row through the permutation: x's (mode 1) or y's (mode 2).
  const mode = operand.at === 'gather' ? (xIsRow ? 1 : 2) : 0;
  return { sX, sY, mode };
}

function safeName(name: string): string {
  return 'k_' + name.replace(/[^A-Za-z0-9_]/g, '_');
}

function dim(d: number | 'B' | 'N'): string {
  if (d === 'B') return 'rows';
  if (d === 'N') throw new Error('cpu: a kernel cannot range over N rows');
  return String(d);
}

function literal(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return v < 0 || Object.is(v, -0) ? `(${v})` : String(v);
}

/** Where a kernel's loops are: the element index variables and the index space's columns. */
interface Coords {
  i: string;
  j: string;
  cols: string;
  /** Set when a gather row index `g` is computed for this element. */
  gatherRow: string;
}

class Generator {
  private used = new Set<number>();
  private usesGather = false;
  private usesRand = false;
  /** Loop-invariant values (constants and per-step uniforms only), computed once per call. */
  private hoisted = new Map<string, string>();

  constructor(
    private plan: Plan,
    /** Registers a SIMD body and returns its export name; null: everything in JavaScript. */
    private addSimd: ((body: SimdBody) => string) | null,
  ) {}

  /**
   * The call of `body` as a SIMD function over [M, space.cols], or null when it has no SIMD
   * form. The invariants it needs are hoisted here, exactly as the JavaScript body would compute them.
   */
  private simdCall(body: Body, space: SimdSpace, M: string, c: Coords): string | null {
    if (!this.addSimd || simdUnsupported(this.plan, body, space) !== null) return null;
    const compiled = compileSimdBody(this.plan, body, space);
    const name = this.addSimd(compiled);
    const invariants = compiled.invariants.map((e) => this.expr(e, c));
    const args = [M, 'offset', space.ldc === undefined ? '0' : 'ctx.c', `ctx.addr[${this.plan.io.permutation}]`, 'rows', 'step', ...compiled.buffers.map((id) => `ctx.addr[${id}]`), ...invariants];
    return `ctx.simd.${name}(${args.join(', ')});`;
  }

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

  private index(id: number, at: Access, c: Coords): string {
    const cols = this.plan.buffers[id]!.cols;
    switch (at) {
      case 'elem':
        return c.cols === '1' ? c.i : `${c.i} * ${c.cols} + ${c.j}`;
      case 'row':
        return c.j;
      case 'col':
        return c.i;
      case 'scalar':
        return '0';
      case 'gather':
        this.usesGather = true;
        return cols === 1 ? c.gatherRow : `${c.gatherRow} * ${cols} + ${c.j}`;
      case 'offset':
        return cols === 1 ? `(offset + ${c.i})` : `(offset + ${c.i}) * ${cols} + ${c.j}`;
    }
  }

  expr(e: Expr, c: Coords): string {
    switch (e.k) {
      case 'num':
        return literal(Math.fround(e.v));
      case 'uniform':
        return e.name === 'rows' ? 'rows' : 'step';
      case 'load':
        return `${this.buf(e.buf)}[${this.index(e.buf, e.at, c)}]`;
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
        return `uniform(key, ${e.stream}, ${c.i} * ${c.cols} + ${c.j})`;
      case 'col':
        return c.j;
    }
  }

  /** Lets, then every store's value, then the stores: a body may overwrite what it reads. */
  body(b: Body, c: Coords): string {
    const lines = b.lets.map((l) => `const ${this.expr({ k: 'let', name: l.name }, c)} = ${this.expr(l.value, c)};`);
    if (b.stores.length === 1) {
      const s = b.stores[0]!;
      lines.push(`${this.buf(s.buf)}[${this.index(s.buf, s.at, c)}] = ${this.expr(s.value, c)};`);
    } else {
      b.stores.forEach((s, n) => lines.push(`const v${n} = ${this.expr(s.value, c)};`));
      b.stores.forEach((s, n) => lines.push(`${this.buf(s.buf)}[${this.index(s.buf, s.at, c)}] = v${n};`));
    }
    return lines.join('\n');
  }

  private gatherLine(c: Coords): string {
    return this.usesGather ? `const ${c.gatherRow} = perm[offset + ${c.i}];` : '';
  }

  map(s: MapSegment): string {
    const c: Coords = { i: 'i', j: 'j', cols: String(s.cols), gatherRow: 'g' };
    const call = this.simdCall(s.body, { cols: s.cols }, 'R', c);
    if (call) return `{\nconst R = ${dim(s.rows)};\n${this.declarations()}\n${call}\n}`;
    const inner = this.body(s.body, c);
    const gather = this.gatherLine(c);
    const loops = `for (let i = 0; i < R; i++) {\n${gather}\nfor (let j = 0; j < ${s.cols}; j++) {\n${inner}\n}\n}`;
    return `{\nconst R = ${dim(s.rows)};\n${this.declarations()}\n${loops}\n}`;
  }

  /** The matmul in WebAssembly (C = A B into scratch), then the epilogue per element of C. */
  matmulWasm(k: MatmulKernel): string {
    const M = dim(k.rows);
    const K = dim(k.inner);
    const N = k.cols;
    const a = gemmOperand(k.a, this.plan.buffers[k.a.buf]!.cols, 'a');
    const b = gemmOperand(k.b, this.plan.buffers[k.b.buf]!.cols, 'b');
    const permutation = this.plan.io.permutation;
    const c: Coords = { i: 'i', j: 'j', cols: String(N), gatherRow: 'g' };
    const ldc = gemmLdc(N);
    const gemm = `ctx.gemm(M, ${N}, K, ctx.addr[${k.a.buf}], ${a.sX}, ${a.sY}, ${a.mode}, ctx.addr[${k.b.buf}], ${b.sX}, ${b.sY}, ${b.mode}, ctx.addr[${permutation}] + offset * 4, ctx.packA, ctx.packB, ctx.c);`;
    const call = this.simdCall(k.epilogue, { cols: N, ldc }, 'M', c);
    if (call) return `const M = ${M}, K = ${K};\n${this.declarations()}\n${gemm}\n${call}`;
    const epilogue = this.body(k.epilogue, c);
    const gather = this.gatherLine(c);
    return `const M = ${M}, K = ${K};
${this.declarations()}
${gemm}
const C = ctx.f32;
for (let i = 0, cRow = ctx.c >>> 2; i < M; i++, cRow += ${ldc}) {
${gather}
for (let j = 0; j < ${N}; j++) {
const acc0 = C[cRow + j];
${epilogue}
}
}`;
  }

  /** The same sums in plain JavaScript, row by row: acc[j] = f32(acc[j] + f32(a[i][k] b[k][j])), k in order. */
  matmulJs(k: MatmulKernel): string {
    const M = dim(k.rows);
    const K = dim(k.inner);
    const N = k.cols;
    const A = this.buf(k.a.buf);
    const B = this.buf(k.b.buf);
    const aCols = this.plan.buffers[k.a.buf]!.cols;
    const bCols = this.plan.buffers[k.b.buf]!.cols;
    // a[i][kk]: row-major [M, K], or transposed storage [K, M], or gathered dataset rows.
    let aRow = '';
    let aIndex: string;
    if (k.a.at === 'gather') {
      this.usesGather = true;
      if (k.a.transpose) {
        aIndex = `perm[offset + kk] * ${aCols} + i`;
      } else {
        aRow = `const aBase = perm[offset + i] * ${aCols};`;
        aIndex = 'aBase + kk';
      }
    } else if (k.a.transpose) {
      aIndex = `kk * ${aCols} + i`;
    } else {
      aRow = `const aBase = i * ${aCols};`;
      aIndex = 'aBase + kk';
    }
    const c: Coords = { i: 'i', j: 'j', cols: String(N), gatherRow: 'g' };
    const epilogue = this.body(k.epilogue, c);
    const gather = this.gatherLine(c);
    let inner: string;
    if (k.b.at === 'gather') {
      this.usesGather = true;
      inner = k.b.transpose
        ? `for (let j = 0; j < ${N}; j++) acc[j] += fround(a * ${B}[perm[offset + j] * ${bCols} + kk]);`
        : `const bBase = perm[offset + kk] * ${bCols};\nfor (let j = 0; j < ${N}; j++) acc[j] += fround(a * ${B}[bBase + j]);`;
    } else if (k.b.transpose) {
      inner = `for (let j = 0; j < ${N}; j++) acc[j] += fround(a * ${B}[j * ${bCols} + kk]);`;
    } else {
      inner = `const bBase = kk * ${bCols};\nfor (let j = 0; j < ${N}; j++) acc[j] += fround(a * ${B}[bBase + j]);`;
    }
    // The whole C is computed before any epilogue runs, as on the GPU and in matmulWasm.
    return `const M = ${M}, K = ${K};
${this.declarations()}
const C = new Float32Array(M * ${N});
for (let i = 0; i < M; i++) {
${aRow}
acc.fill(0);
for (let kk = 0; kk < K; kk++) {
const a = ${A}[${aIndex}];
${inner}
}
C.set(acc, i * ${N});
}
for (let i = 0; i < M; i++) {
${gather}
for (let j = 0; j < ${N}; j++) {
const acc0 = C[i * ${N} + j];
${epilogue}
}
}`;
  }

  reduce(k: ReduceKernel): string {
    const R = dim(k.rows);
    const C = k.cols;
    const inCoords: Coords = { i: 'i', j: 'j', cols: String(C), gatherRow: 'g' };
    const prologue = k.prologue.map((l) => `const ${this.expr({ k: 'let', name: l.name }, inCoords)} = ${this.expr(l.value, inCoords)};`).join('\n');
    const init = k.reductions
      .map((r, n) => (r.op === 'sum' ? `let acc${n} = 0;` : r.op === 'max' ? `let acc${n} = -Infinity;` : `let acc${n} = 0, best${n} = -Infinity;`))
      .join('\n');
    const update = k.reductions
      .map((r, n) => {
        const v = this.expr(r.value, inCoords);
        if (r.op === 'sum') return `acc${n} = fround(acc${n} + ${v});`;
        if (r.op === 'max') return `{ const v = ${v}; if (v > acc${n}) acc${n} = v; }`;
        return `{ const v = ${v}; if (v > best${n}) { best${n} = v; acc${n} = j; } }`;
      })
      .join('\n');
    const gather = this.gatherLine(inCoords);
    const elementWork = `${prologue}\n${update}`;
    if (k.axis === 'cols') {
      const out: Coords = { i: 'i', j: '0', cols: '1', gatherRow: 'g' };
      const epilogue = this.body(k.epilogue, out);
      return `const R = ${R};\n${this.declarations()}\nfor (let i = 0; i < R; i++) {\n${gather}\n${init}\nfor (let j = 0; j < ${C}; j++) {\n${elementWork}\n}\n${epilogue}\n}`;
    }
    if (k.axis === 'rows') {
      const out: Coords = { i: '0', j: 'j', cols: String(C), gatherRow: 'g' };
      const epilogue = this.body(k.epilogue, out);
      return `const R = ${R};\n${this.declarations()}\nfor (let j = 0; j < ${C}; j++) {\n${init}\nfor (let i = 0; i < R; i++) {\n${gather}\n${elementWork}\n}\n${epilogue}\n}`;
    }
    const out: Coords = { i: '0', j: '0', cols: '1', gatherRow: 'g' };
    const epilogue = this.body(k.epilogue, out);
    return `const R = ${R};\n${this.declarations()}\n${init}\nfor (let i = 0; i < R; i++) {\n${gather}\nfor (let j = 0; j < ${C}; j++) {\n${elementWork}\n}\n}\n${epilogue}`;
  }
}
