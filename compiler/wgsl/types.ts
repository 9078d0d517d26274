// WGSL types as values: what every expression of the builder carries, and the memory layout rules
// (alignment, size, stride) that the host needs to fill uniform and storage buffers byte-exactly.

export type ScalarName = 'f32' | 'i32' | 'u32' | 'bool';

export interface ScalarType {
  readonly kind: 'scalar';
  readonly name: ScalarName;
}
export interface VecType {
  readonly kind: 'vec';
  readonly n: 2 | 3 | 4;
  readonly elem: ScalarType;
}
/** `array<T, N>`; length null is a runtime-sized `array<T>` (storage buffers only). */
export interface ArrayType {
  readonly kind: 'array';
  readonly elem: WgslType;
  readonly length: number | null;
}
export interface StructField {
  readonly name: string;
  readonly type: WgslType;
}
export interface StructType {
  readonly kind: 'struct';
  readonly name: string;
  readonly fields: readonly StructField[];
}
export type WgslType = ScalarType | VecType | ArrayType | StructType;

/** Thrown when the builder is asked for WGSL that would not type-check: a bug in the emitter. */
export class WgslBuildError extends Error {
  constructor(message: string) {
    super(`wgsl: ${message}`);
    this.name = 'WgslBuildError';
  }
}

export function fail(message: string): never {
  throw new WgslBuildError(message);
}

export const f32: ScalarType = Object.freeze({ kind: 'scalar', name: 'f32' });
export const i32: ScalarType = Object.freeze({ kind: 'scalar', name: 'i32' });
export const u32: ScalarType = Object.freeze({ kind: 'scalar', name: 'u32' });
export const bool: ScalarType = Object.freeze({ kind: 'scalar', name: 'bool' });

function vecOf(n: 2 | 3 | 4, elem: WgslType): VecType {
  if (elem.kind !== 'scalar') fail(`vec${n}: the element type must be a scalar, not ${typeName(elem)}`);
  return Object.freeze({ kind: 'vec', n, elem });
}
export const vec2 = (elem: WgslType): VecType => vecOf(2, elem);
export const vec3 = (elem: WgslType): VecType => vecOf(3, elem);
export const vec4 = (elem: WgslType): VecType => vecOf(4, elem);

/** `array<elem, length>`, or the runtime-sized `array<elem>` when length is omitted. */
export function arrayOf(elem: WgslType, length?: number): ArrayType {
  if (isRuntimeSized(elem)) fail(`arrayOf: the element type ${typeName(elem)} is runtime-sized`);
  if (length !== undefined && (!Number.isInteger(length) || length < 1 || length > 0xffffffff)) {
    fail(`arrayOf: the length must be a positive integer, not ${length}`);
  }
  return Object.freeze({ kind: 'array', elem, length: length ?? null });
}

/** A struct; fields keep the order of the object's keys. Only the last field may be runtime-sized. */
export function struct(name: string, fields: Record<string, WgslType>): StructType {
  checkIdentifier(name, 'struct name');
  const list = Object.entries(fields).map(([fieldName, type]) => {
    checkIdentifier(fieldName, `field of struct ${name}`);
    return Object.freeze({ name: fieldName, type });
  });
  if (list.length === 0) fail(`struct ${name}: a struct needs at least one field`);
  list.forEach((f, i) => {
    if (isRuntimeSized(f.type) && i !== list.length - 1) {
      fail(`struct ${name}: runtime-sized field '${f.name}' must be the last field`);
    }
  });
  return Object.freeze({ kind: 'struct', name, fields: Object.freeze(list) });
}

export function typeName(t: WgslType): string {
  switch (t.kind) {
    case 'scalar':
      return t.name;
    case 'vec':
      return `vec${t.n}<${t.elem.name}>`;
    case 'array':
      return t.length === null ? `array<${typeName(t.elem)}>` : `array<${typeName(t.elem)}, ${t.length}>`;
    case 'struct':
      return t.name;
  }
}

export function sameType(a: WgslType, b: WgslType): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'scalar':
      return a.name === (b as ScalarType).name;
    case 'vec':
      return a.n === (b as VecType).n && a.elem.name === (b as VecType).elem.name;
    case 'array':
      return a.length === (b as ArrayType).length && sameType(a.elem, (b as ArrayType).elem);
    case 'struct': {
      const s = b as StructType;
      return (
        a.name === s.name &&
        a.fields.length === s.fields.length &&
        a.fields.every((f, i) => f.name === s.fields[i]!.name && sameType(f.type, s.fields[i]!.type))
      );
    }
  }
}

/** The scalar of a scalar or vector type; null for arrays and structs. */
export function scalarOf(t: WgslType): ScalarType | null {
  return t.kind === 'scalar' ? t : t.kind === 'vec' ? t.elem : null;
}
export function isNumeric(t: WgslType): boolean {
  const s = scalarOf(t);
  return s !== null && s.name !== 'bool';
}
export function isFloat(t: WgslType): boolean {
  return scalarOf(t)?.name === 'f32';
}
export function isInteger(t: WgslType): boolean {
  const s = scalarOf(t);
  return s !== null && (s.name === 'i32' || s.name === 'u32');
}
export function isBool(t: WgslType): boolean {
  return scalarOf(t)?.name === 'bool';
}
export function isRuntimeSized(t: WgslType): boolean {
  if (t.kind === 'array') return t.length === null;
  if (t.kind === 'struct') return isRuntimeSized(t.fields[t.fields.length - 1]!.type);
  return false;
}

// ---- memory layout (WGSL "alignment and size") ---------------------------------------------

export function alignOf(t: WgslType): number {
  switch (t.kind) {
    case 'scalar':
      return 4;
    case 'vec':
      return t.n === 2 ? 8 : 16;
    case 'array':
      return alignOf(t.elem);
    case 'struct':
      return Math.max(...t.fields.map((f) => alignOf(f.type)));
  }
}

/** Byte size; for a runtime-sized array, the size of one element's stride (the minimum binding). */
export function sizeOf(t: WgslType): number {
  switch (t.kind) {
    case 'scalar':
      return 4;
    case 'vec':
      return t.n * 4;
    case 'array':
      return arrayStride(t) * (t.length ?? 1);
    case 'struct':
      return structLayout(t).size;
  }
}

export function arrayStride(t: ArrayType): number {
  return roundUp(sizeOf(t.elem), alignOf(t.elem));
}

export interface FieldLayout {
  name: string;
  type: WgslType;
  offset: number;
  size: number;
}
export interface StructLayout {
  size: number;
  align: number;
  fields: FieldLayout[];
}

/** Byte offsets of a struct's fields, as the host must write them into a buffer. */
export function structLayout(t: StructType): StructLayout {
  let offset = 0;
  const fields: FieldLayout[] = [];
  for (const f of t.fields) {
    offset = roundUp(offset, alignOf(f.type));
    const size = sizeOf(f.type);
    fields.push({ name: f.name, type: f.type, offset, size });
    offset += size;
  }
  const align = alignOf(t);
  return { size: roundUp(offset, align), align, fields };
}

/** Throws unless the type may live in the uniform address space (16-byte array strides, no runtime arrays). */
export function checkUniformLayout(t: WgslType, where: string): void {
  if (isRuntimeSized(t)) fail(`${where}: a uniform cannot hold the runtime-sized ${typeName(t)}`);
  if (t.kind === 'scalar' && t.name === 'bool') fail(`${where}: bool cannot be in a uniform buffer; use u32`);
  if (t.kind === 'vec' && t.elem.name === 'bool') fail(`${where}: ${typeName(t)} cannot be in a uniform buffer`);
  if (t.kind === 'array') {
    if (arrayStride(t) % 16 !== 0) {
      fail(`${where}: ${typeName(t)} has a ${arrayStride(t)}-byte stride, but uniform arrays need a multiple of 16 (use vec4 elements)`);
    }
    checkUniformLayout(t.elem, where);
  }
  if (t.kind === 'struct') {
    for (const f of structLayout(t).fields) {
      if (f.type.kind === 'struct' && f.offset % 16 !== 0) fail(`${where}: struct field '${f.name}' must start at a multiple of 16 in a uniform`);
      checkUniformLayout(f.type, `${where}.${f.name}`);
    }
  }
}

/** Storage buffers and workgroup memory cannot hold bool. */
export function checkHostShareable(t: WgslType, where: string): void {
  if (isBool(t)) fail(`${where}: bool cannot be in a buffer; use u32`);
  if (t.kind === 'array') checkHostShareable(t.elem, where);
  if (t.kind === 'struct') t.fields.forEach((f) => checkHostShareable(f.type, `${where}.${f.name}`));
}

function roundUp(n: number, k: number): number {
  return Math.ceil(n / k) * k;
}

// ---- identifiers ---------------------------------------------------------------------------

// Keywords, reserved words and the predeclared names the builder prints (a local named `exp` would
// shadow the builtin it may call later). From the WGSL spec, sections "Keywords" and "Reserved Words".
const RESERVED = new Set(
  (
    'alias break case const const_assert continue continuing default diagnostic discard else enable false fn for if ' +
    'let loop override requires return struct switch true var while ' +
    'NULL Self abstract active alignas alignof as asm asm_fragment async attribute auto await become cast catch class ' +
    'co_await co_return co_yield coherent column_major common compile compile_fragment concept const_cast consteval ' +
    'constexpr constinit crate debugger decltype delete demote demote_to_helper do dynamic_cast enum explicit export ' +
    'extends extern external fallthrough filter final finally friend from fxgroup get goto groupshared highp impl ' +
    'implements import inline instanceof interface layout lowp macro macro_rules match mediump meta mod module move mut ' +
    'mutable namespace new nil noexcept noinline nointerpolation non_coherent noncoherent noperspective null nullptr of ' +
    'operator package packoffset partition pass patch pixelfragment precise precision premerge priv protected pub ' +
    'public readonly ref regardless register reinterpret_cast require resource restrict self set shared sizeof smooth ' +
    'snorm static static_assert static_cast std subroutine super target template this thread_local throw trait try ' +
    'type typedef typeid typename typeof union unless unorm unsafe unsized use using varying virtual volatile wgsl ' +
    'where with writeonly yield ' +
    // predeclared names the printer emits
    'f32 i32 u32 f16 bool vec2 vec3 vec4 array atomic ptr mat2x2 mat3x3 mat4x4 bitcast arrayLength abs exp exp2 log ' +
    'log2 sqrt inverseSqrt pow tanh sin cos fract min max clamp select floor ceil round trunc sign fma mix dot ' +
    'workgroupBarrier storageBarrier read read_write write storage uniform workgroup private function'
  ).split(' '),
);

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isReserved(name: string): boolean {
  return RESERVED.has(name);
}

/** Throws unless name is a plain identifier WGSL accepts and that shadows nothing the builder uses. */
export function checkIdentifier(name: string, what: string): void {
  if (!IDENT.test(name) || name === '_' || name.startsWith('__')) fail(`${what} '${name}' is not a valid WGSL identifier`);
  if (RESERVED.has(name)) fail(`${what} '${name}' is a reserved word in WGSL`);
}

/** Turns a hint (a layer name, say) into a valid identifier stem. */
export function sanitizeIdentifier(hint: string): string {
  let s = hint.replace(/[^A-Za-z0-9_]/g, '_').replace(/^__+/, '_');
  if (!/^[A-Za-z_]/.test(s)) s = `v${s}`;
  if (s === '_' || s === '') s = 'v';
  return s;
}
