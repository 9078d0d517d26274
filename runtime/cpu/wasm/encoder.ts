// A tiny WebAssembly binary encoder: just what the CPU interpreter's generated kernels need (i32,
// f32 and v128 locals, memory loads and stores, structured loops, SIMD arithmetic), no
// dependencies. A module imports one memory (`env.memory`) and exports functions; a function body
// is written with FunctionBuilder, whose methods append instructions in stack-machine order.

export type ValType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128';

const VALTYPE: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };

/** Unsigned LEB128. */
export function uleb(value: number): number[] {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new Error(`wasm: uleb of ${value}`);
  const out: number[] = [];
  let v = value;
  do {
    let byte = v & 0x7f;
    v = Math.floor(v / 128);
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 (i32 range). */
export function sleb(value: number): number[] {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0xffffffff) throw new Error(`wasm: sleb of ${value}`);
  // Constants above 2^31 are written as the i32 with the same bits.
  let v = value | 0;
  const out: number[] = [];
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

function utf8(s: string): number[] {
  const bytes = [...new TextEncoder().encode(s)];
  return [...uleb(bytes.length), ...bytes];
}

function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

/** Opcodes used by the kernels (one byte), by name. */
export const Op = {
  unreachable: 0x00,
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  call: 0x10,
  drop: 0x1a,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  f32Load: 0x2a,
  i32Store: 0x36,
  f32Store: 0x38,
  i32Const: 0x41,
  f32Const: 0x43,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32Ne: 0x47,
  i32LtS: 0x48,
  i32LtU: 0x49,
  i32GtS: 0x4a,
  i32GtU: 0x4b,
  i32LeS: 0x4c,
  i32GeS: 0x4e,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32DivU: 0x6e,
  i32RemU: 0x70,
  i32And: 0x71,
  i32Or: 0x72,
  i32Xor: 0x73,
  i32Shl: 0x74,
  i32ShrU: 0x76,
  f32Add: 0x92,
  f32Sub: 0x93,
  f32Mul: 0x94,
} as const;

/** SIMD opcodes (after the 0xfd prefix). */
export const Simd = {
  v128Load: 0x00,
  v128Load32Splat: 0x09,
  v128Store: 0x0b,
  v128Const: 0x0c,
  f32x4Splat: 0x13,
  f32x4ExtractLane: 0x1f,
  v128Store32Lane: 0x5a,
  f32x4Add: 0xe4,
  f32x4Sub: 0xe5,
  f32x4Mul: 0xe6,
  f32x4Div: 0xe7,
  f32x4Min: 0xe8,
  f32x4Max: 0xe9,
  /** relaxed SIMD: a b + c, rounded once or twice as the core does (relaxed.ts) */
  f32x4RelaxedMadd: 0x105,
} as const;

/** Memory instructions take an alignment (log2 bytes) and a constant byte offset. */
const NATURAL_ALIGN: Record<number, number> = {
  [Op.i32Load]: 2,
  [Op.f32Load]: 2,
  [Op.i32Store]: 2,
  [Op.f32Store]: 2,
};

const SIMD_ALIGN: Record<number, number> = {
  [Simd.v128Load]: 4,
  [Simd.v128Store]: 4,
  [Simd.v128Load32Splat]: 2,
};

export class FunctionBuilder {
  readonly code: number[] = [];
  private locals: ValType[] = [];

  constructor(
    readonly params: ValType[],
    readonly results: ValType[] = [],
  ) {}

  /** A fresh local of `type`; returns its index (after the parameters). */
  local(type: ValType): number {
    this.locals.push(type);
    return this.params.length + this.locals.length - 1;
  }

  emit(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }

  get(local: number): this {
    return this.emit(Op.localGet, ...uleb(local));
  }

  set(local: number): this {
    return this.emit(Op.localSet, ...uleb(local));
  }

  tee(local: number): this {
    return this.emit(Op.localTee, ...uleb(local));
  }

  i32(value: number): this {
    return this.emit(Op.i32Const, ...sleb(value));
  }

  f32(value: number): this {
    const bytes = new Uint8Array(new Float32Array([value]).buffer);
    return this.emit(Op.f32Const, ...bytes);
  }

  /** A scalar load or store (address on the stack, then the value for stores). */
  mem(op: number, offset = 0): this {
    const align = NATURAL_ALIGN[op];
    if (align === undefined) throw new Error(`wasm: ${op} is not a memory instruction`);
    return this.emit(op, ...uleb(align), ...uleb(offset));
  }

  simd(op: number): this {
    return this.emit(0xfd, ...uleb(op));
  }

  /** A SIMD load or store with its memory argument. Alignment is a hint: unaligned is allowed. */
  simdMem(op: number, offset = 0): this {
    const align = SIMD_ALIGN[op];
    if (align === undefined) throw new Error(`wasm: simd ${op} is not a memory instruction`);
    return this.emit(0xfd, ...uleb(op), ...uleb(align), ...uleb(offset));
  }

  /** v128.store32_lane: stores one f32 lane of the vector on the stack. */
  storeLane32(lane: number, offset = 0): this {
    return this.emit(0xfd, ...uleb(Simd.v128Store32Lane), ...uleb(2), ...uleb(offset), lane);
  }

  /** i32 = local + constant, the common address computation. */
  addConst(local: number, value: number): this {
    this.get(local);
    if (value !== 0) this.i32(value).emit(Op.i32Add);
    return this;
  }

  /** `local += value` (i32). */
  increment(local: number, value: number | { local: number }): this {
    this.get(local);
    if (typeof value === 'number') this.i32(value);
    else this.get(value.local);
    return this.emit(Op.i32Add).set(local);
  }

  /** `for (counter = from; counter < limit; counter += step) body` over i32 (signed compare). */
  forRange(counter: number, from: number | { local: number }, limit: { local: number } | number, body: () => void, step = 1): this {
    if (typeof from === 'number') this.i32(from);
    else this.get(from.local);
    this.set(counter);
    this.emit(Op.block, 0x40, Op.loop, 0x40);
    this.get(counter);
    if (typeof limit === 'number') this.i32(limit);
    else this.get(limit.local);
    this.emit(Op.i32GeS, Op.brIf, 1);
    body();
    this.increment(counter, step);
    this.emit(Op.br, 0, Op.end, Op.end);
    return this;
  }

  /** `if (condition on the stack) then() else otherwise()`, no result. */
  ifElse(then: () => void, otherwise?: () => void): this {
    this.emit(Op.if, 0x40);
    then();
    if (otherwise) {
      this.emit(Op.else);
      otherwise();
    }
    return this.emit(Op.end);
  }

  /** The body as the code section holds it: locals (run-length) and instructions. */
  encodeBody(): number[] {
    const groups: Array<[number, ValType]> = [];
    for (const t of this.locals) {
      const last = groups[groups.length - 1];
      if (last && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    const body = [...vector(groups.map(([n, t]) => [...uleb(n), VALTYPE[t]])), ...this.code, Op.end];
    return [...uleb(body.length), ...body];
  }
}

export interface MemoryImport {
  module: string;
  name: string;
  /** Pages of 64 KiB. */
  minimum: number;
  maximum?: number;
  shared?: boolean;
}

export interface ModuleFunction {
  /** Exported under this name; unexported functions can still be called by index. */
  name?: string;
  body: FunctionBuilder;
}

/** A module that imports one memory (or none: `null`) and defines `functions` (function i has index i). */
export function encodeModule(memory: MemoryImport | null, functions: ModuleFunction[]): Uint8Array {
  // One type per function (duplicates are allowed and keep indices simple).
  const types = functions.map((f) => [0x60, ...vector(f.body.params.map((p) => [VALTYPE[p]])), ...vector(f.body.results.map((r) => [VALTYPE[r]]))]);
  const limits = (m: MemoryImport) => (m.maximum === undefined ? [0x00, ...uleb(m.minimum)] : [m.shared ? 0x03 : 0x01, ...uleb(m.minimum), ...uleb(m.maximum)]);
  const imports = memory ? [[...utf8(memory.module), ...utf8(memory.name), 0x02, ...limits(memory)]] : [];
  const exports = functions.flatMap((f, i) => (f.name ? [[...utf8(f.name), 0x00, ...uleb(i)]] : []));
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector(types)),
    ...section(2, vector(imports)),
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...section(7, vector(exports)),
    ...section(10, vector(functions.map((f) => f.body.encodeBody()))),
  ];
  return Uint8Array.from(bytes);
}
