// Weights files in the safetensors format (huggingface/safetensors, docs/data.md):
//   8 bytes   N, the header length, unsigned 64-bit little-endian
//   N bytes   a JSON object: {"__metadata__": {string: string}, NAME: {"dtype": "F32", "shape": [..],
//             "data_offsets": [begin, end]}, ...}, padded with spaces so that N is a multiple of 8
//   the rest  the tensors' bytes, little-endian float32, in the order given; offsets count from here
// nnc writes and reads F32 only. Tensor names are the model's: dense/kernel, dense/bias, dense_1/kernel.
// Bytes in, bytes out (no file system: pages use it too); safetensors-file.ts reads and writes files.
import { fail } from '../../base/diagnostics/diagnostic.js';
import type { Span } from '../../base/source.js';

export interface NamedTensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

export interface DecodedTensor {
  shape: number[];
  data: Float32Array;
}

export interface Safetensors {
  /** In the order of the header. */
  tensors: Map<string, DecodedTensor>;
  metadata: Record<string, string>;
}

const METADATA_KEY = '__metadata__';
/** As the reference implementation: a larger header is refused rather than parsed. */
const MAX_HEADER_BYTES = 100_000_000;

const elementCount = (shape: readonly number[]) => shape.reduce((n, d) => n * d, 1);

export function encodeSafetensors(tensors: NamedTensor[], metadata?: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = {};
  if (metadata && Object.keys(metadata).length > 0) header[METADATA_KEY] = metadata;
  let offset = 0;
  for (const t of tensors) {
    if (t.name === METADATA_KEY || Object.hasOwn(header, t.name)) throw new Error(`tensor name '${t.name}' is reserved or repeated`);
    if (elementCount(t.shape) !== t.data.length) {
      throw new Error(`tensor '${t.name}' has shape [${t.shape.join(', ')}] but ${t.data.length} values`);
    }
    const size = t.data.length * 4;
    header[t.name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + size] };
    offset += size;
  }
  const text = new TextEncoder().encode(JSON.stringify(header));
  const json = new Uint8Array(Math.ceil(text.length / 8) * 8).fill(0x20); // padded with spaces
  json.set(text);

  const out = new Uint8Array(8 + json.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const t of tensors) {
    for (let i = 0; i < t.data.length; i++, at += 4) view.setFloat32(at, t.data[i]!, true);
  }
  return out;
}

export interface DecodeOptions {
  /** Accept NaN and infinite weights (refused by default: NNC5010; --allow-nonfinite-weights). */
  allowNonFinite?: boolean;
}

/**
 * Parses a safetensors file's bytes; NNC5003 with the reason when they are not a valid F32 file.
 * As the format requires, the tensors' byte ranges must tile the data exactly: no gaps, no
 * overlaps, no bytes after the last tensor (a header length one byte off shows up here). NaN and
 * infinite values are NNC5010 unless `allowNonFinite`.
 */
export function decodeSafetensors(bytes: Uint8Array, path: string, span?: Span, options: DecodeOptions = {}): Safetensors {
  const bad = (reason: string): never => fail('NNC5003', span, { path, reason });
  if (bytes.length < 8) bad(bytes.length === 0 ? 'the file is empty' : `the file is truncated (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = view.getBigUint64(0, true);
  const looksLikeJson = bytes.length > 8 && bytes[8] === 0x7b; // '{'
  if (!looksLikeJson) bad('it is not a safetensors file');
  if (declared > BigInt(MAX_HEADER_BYTES)) bad(`the header length (${declared} bytes) is too large; it is not a safetensors file`);
  const headerLength = Number(declared);
  if (8 + headerLength > bytes.length) bad(`the file is truncated: the header needs ${headerLength} bytes, ${bytes.length - 8} are there`);

  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch {
    bad(`the header is not valid JSON (its length, ${headerLength} bytes, may be wrong)`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) bad('the header is not a JSON object');

  const dataStart = 8 + headerLength;
  const dataLength = bytes.length - dataStart;
  const entries: Array<{ name: string; shape: number[]; begin: number; end: number }> = [];
  let metadata: Record<string, string> = {};
  for (const [name, entry] of Object.entries(header as Record<string, unknown>)) {
    if (name === METADATA_KEY) {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || Object.values(entry).some((v) => typeof v !== 'string')) {
        bad('__metadata__ must map names to strings');
      }
      metadata = { ...(entry as Record<string, string>) };
      continue;
    }
    const info = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown } | null;
    if (typeof info !== 'object' || info === null) bad(`the entry for '${name}' is not an object`);
    const { dtype, shape, data_offsets: offsets } = info!;
    if (typeof dtype !== 'string') bad(`tensor '${name}' has no dtype`);
    if (dtype !== 'F32') bad(`tensor '${name}' has dtype ${dtype}; nnc reads only F32`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) bad(`tensor '${name}' has no valid shape`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isInteger(o) && o >= 0)) {
      bad(`tensor '${name}' has no valid data_offsets`);
    }
    const [begin, end] = offsets as [number, number];
    const dims = shape as number[];
    if (begin > end || end > dataLength) {
      bad(`the data offsets of '${name}' [${begin}, ${end}] are out of range: the data is ${dataLength} bytes (the file may be truncated)`);
    }
    if (end - begin !== elementCount(dims) * 4) {
      bad(`tensor '${name}' has shape [${dims.join(', ')}] but ${end - begin} bytes of data (${elementCount(dims) * 4} expected)`);
    }
    entries.push({ name, shape: [...dims], begin, end });
  }
  checkCoverage(entries, dataLength, bad);

  const tensors = new Map<string, DecodedTensor>();
  for (const { name, shape, begin, end } of entries) {
    const data = new Float32Array((end - begin) / 4);
    for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(dataStart + begin + 4 * i, true);
    if (!options.allowNonFinite) {
      const at = data.findIndex((v) => !Number.isFinite(v));
      if (at >= 0) fail('NNC5010', span, { path, tensor: name, value: String(data[at]), index: at, count: data.length });
    }
    tensors.set(name, { shape, data });
  }
  return { tensors, metadata };
}

/** The tensors' byte ranges, in offset order, must run from 0 to the end of the data with no gap or overlap. */
function checkCoverage(entries: ReadonlyArray<{ name: string; begin: number; end: number }>, dataLength: number, bad: (reason: string) => never): void {
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let covered = 0;
  let previous: string | null = null;
  for (const e of sorted) {
    if (e.begin < covered) bad(`tensors '${previous}' and '${e.name}' share bytes (data offsets overlap at ${e.begin})`);
    if (e.begin > covered) bad(`bytes ${covered} to ${e.begin} of the data belong to no tensor (before '${e.name}')`);
    covered = e.end;
    previous = e.name;
  }
  if (covered < dataLength) {
    bad(`${dataLength - covered} byte${dataLength - covered === 1 ? '' : 's'} after the last tensor belong to no tensor (a wrong header length, or a file with something appended)`);
  }
}

const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;

/**
 * Checks that a file's tensors are exactly the model's: NNC5004 naming the first tensor (in the
 * model's order, then the file's extras) that is missing, unexpected, or of another shape.
 */
export function checkWeights(
  expected: { name: string; shape: number[] }[],
  found: Map<string, { shape: number[] }>,
  path: string,
  span?: Span,
): void {
  const names = new Set<string>();
  for (const e of expected) {
    names.add(e.name);
    const f = found.get(e.name);
    if (!f) fail('NNC5004', span, { path, detail: `${e.name} is missing from the file` });
    if (f.shape.length !== e.shape.length || f.shape.some((d, i) => d !== e.shape[i])) {
      fail('NNC5004', span, { path, detail: `${e.name} has shape ${shapeText(f.shape)} in the file but ${shapeText(e.shape)} in the model` });
    }
  }
  for (const name of found.keys()) {
    if (!names.has(name)) fail('NNC5004', span, { path, detail: `the file has a tensor ${name} that the model does not have` });
  }
}
