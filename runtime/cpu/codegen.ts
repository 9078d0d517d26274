// Compiles each plan kernel once into a JavaScript function with tight loops: expression trees
// become inline arithmetic, buffer reads become typed-array indexing. No tree is walked per
// element. The functions are the CPU's meaning of the plan; tests hold the GPU to them.
import { elementwise, jsHelpers } from '../../compiler/graph/elementwise.js';
import type { Access, Body, Expr, Kernel, MapSegment, MatmulKernel, Plan, ReduceKernel } from '../../compiler/plan/ir.js';
import { mix32, uniform } from '../rng.js';

/** A compiled kernel: reads and writes `mem` (one typed array per plan buffer). */
export type CompiledKernel = (mem: Array<Float32Array | Uint32Array>, rows: number, offset: number, step: number, seed: number) => void;

const helpers = { ...jsHelpers, uniform, mix32, fround: Math.fround };

export function compileKernel(plan: Plan, kernel: Kernel): CompiledKernel {
  const source = kernelSource(plan, kernel);
  try {
    const scratch = kernel.kind === 'matmul' ? `const acc = new Float32Array(${kernel.cols});\n` : '';
    const factory = new Function('h', `"use strict";\nconst {sigmoid, softplus, erf, swishGrad, uniform, mix32, fround} = h;\n${scratch}return function ${safeName(kernel.name)}(mem, rows, offset, step, seed) {\n${source}\n};`);
    return factory(helpers) as CompiledKernel;
  } catch (e) {
    throw new Error(`cpu: kernel ${kernel.name} did not compile: ${(e as Error).message}\n${source}`);
  }
}

/** The JavaScript body of a kernel (exported for tests and `--emit js`). */
export function kernelSource(plan: Plan, kernel: Kernel): string {
  const g = new Generator(plan);
  switch (kernel.kind) {
    case 'map':
      return kernel.segments.map((s) => g.map(s)).join('\n');
    case 'matmul':
      return g.matmul(kernel);
    case 'reduce':
      return g.reduce(kernel);
  }
}

/** True for values that are the same for every element: built from constants and uniforms only. */
function invariant(e: Expr): boolean {
  if (e.k === 'num' || e.k === 'uniform') return true;
  if (e.k === 'call') return e.args.every(invariant);
  return false;
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

  constructor(private plan: Plan) {}

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
        if (!invariant(e)) return code;
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
    const inner = this.body(s.body, c);
    const gather = this.gatherLine(c);
    const loops = `for (let i = 0; i < R; i++) {\n${gather}\nfor (let j = 0; j < ${s.cols}; j++) {\n${inner}\n}\n}`;
    return `{\nconst R = ${dim(s.rows)};\n${this.declarations()}\n${loops}\n}`;
  }

  matmul(k: MatmulKernel): string {
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
        ? `for (let j = 0; j < ${N}; j++) acc[j] += a * ${B}[perm[offset + j] * ${bCols} + kk];`
        : `const bBase = perm[offset + kk] * ${bCols};\nfor (let j = 0; j < ${N}; j++) acc[j] += a * ${B}[bBase + j];`;
    } else if (k.b.transpose) {
      inner = `for (let j = 0; j < ${N}; j++) acc[j] += a * ${B}[j * ${bCols} + kk];`;
    } else {
      inner = `const bBase = kk * ${N};\nfor (let j = 0; j < ${N}; j++) acc[j] += a * ${B}[bBase + j];`;
    }
    return `const M = ${M}, K = ${K};
${this.declarations()}
for (let i = 0; i < M; i++) {
${aRow}
acc.fill(0);
for (let kk = 0; kk < K; kk++) {
const a = ${A}[${aIndex}];
if (a === 0) continue;
${inner}
}
${gather}
for (let j = 0; j < ${N}; j++) {
const acc0 = acc[j];
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
