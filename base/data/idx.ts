// IDX files (MNIST, Fashion-MNIST): a magic number (two zero bytes, the element type, the number of
// dimensions), the dimensions as big-endian 32-bit counts, then the elements in row-major order,
// big-endian. Gzipped or not (gzip's magic bytes decide). Streamed: the file is read in chunks, each
// inflated (fflate, synchronously) and converted straight into the table's float32 array, so
// 60,000 images take the table's memory and a chunk, not the file's bytes too.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Gunzip } from 'fflate';

const CHUNK = 1 << 20;

/** IDX element types: name, bytes, reader at a byte offset (big-endian). */
const TYPES: Record<number, { name: string; bytes: number; read: (v: DataView, at: number) => number }> = {
  0x08: { name: 'unsigned byte', bytes: 1, read: (v, at) => v.getUint8(at) },
  0x09: { name: 'signed byte', bytes: 1, read: (v, at) => v.getInt8(at) },
  0x0b: { name: 'short', bytes: 2, read: (v, at) => v.getInt16(at) },
  0x0c: { name: 'int', bytes: 4, read: (v, at) => v.getInt32(at) },
  0x0d: { name: 'float', bytes: 4, read: (v, at) => v.getFloat32(at) },
  0x0e: { name: 'double', bytes: 8, read: (v, at) => v.getFloat64(at) },
};

/** What is wrong with an IDX file, in words (the caller makes it a located diagnostic). */
export class IdxError extends Error {}

export interface IdxArray {
  /** Dimensions, the first the number of items: [60000, 28, 28], [60000]. */
  dims: number[];
  /** Every element as float32, row-major. */
  values: Float32Array;
}

/**
 * Reads an IDX file (path of a regular file: see base/files.ts for why the caller checks that).
 * Throws IdxError for a file that is not IDX or is cut short, or the OS error.
 */
export function readIdx(path: string): IdxArray {
  const fd = openSync(path, 'r');
  try {
    const total = fstatSync(fd).size;
    const chunk = new Uint8Array(CHUNK);
    const first = readSync(fd, chunk, 0, Math.min(CHUNK, total), 0);
    const gzipped = first >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b;
    const parser = new IdxParser();
    if (!gzipped) {
      parser.push(chunk.subarray(0, first));
      for (let at = first; at < total; ) {
        const n = readSync(fd, chunk, 0, Math.min(CHUNK, total - at), at);
        if (n === 0) break;
        parser.push(chunk.subarray(0, n));
        at += n;
      }
      return parser.finish();
    }
    const gunzip = new Gunzip((data) => parser.push(data));
    let at = 0;
    let n = first;
    try {
      while (n > 0) {
        at += n;
        gunzip.push(chunk.slice(0, n), at >= total);
        if (at >= total) break;
        n = readSync(fd, chunk, 0, Math.min(CHUNK, total - at), at);
      }
    } catch (err) {
      if (err instanceof IdxError) throw err;
      throw new IdxError(`it is gzipped but does not inflate (${(err as Error).message})`);
    }
    return parser.finish();
  } finally {
    closeSync(fd);
  }
}

/** Takes the bytes as they come: the header first, then elements into the preallocated array. */
class IdxParser {
  private header: number[] = [];
  private type: (typeof TYPES)[number] | null = null;
  private dims: number[] | null = null;
  private values: Float32Array | null = null;
  private filled = 0;
  /** Bytes of an element split between two chunks. */
  private carry = new Uint8Array(8);
  private carried = 0;

  push(bytes: Uint8Array): void {
    let at = 0;
    while (!this.values && at < bytes.length) {
      this.header.push(bytes[at++]!);
      this.readHeader();
    }
    if (!this.values || at >= bytes.length) return;
    const size = this.type!.bytes;
    if (this.carried > 0) {
      while (this.carried < size && at < bytes.length) this.carry[this.carried++] = bytes[at++]!;
      if (this.carried < size) return;
      this.store(new DataView(this.carry.buffer), 0, 1);
      this.carried = 0;
    }
    const whole = Math.floor((bytes.length - at) / size);
    this.store(new DataView(bytes.buffer, bytes.byteOffset + at), 0, whole);
    at += whole * size;
    while (at < bytes.length) this.carry[this.carried++] = bytes[at++]!;
  }

  private store(view: DataView, from: number, count: number): void {
    const values = this.values!;
    const room = values.length - this.filled;
    if (count > room) throw new IdxError(`it holds more elements than its header's ${this.dims!.join(' x ')}`);
    const type = this.type!;
    if (type.bytes === 1 && type.name === 'unsigned byte') {
      const bytes = new Uint8Array(view.buffer, view.byteOffset + from, count);
      values.set(bytes, this.filled);
    } else {
      for (let i = 0; i < count; i++) values[this.filled + i] = type.read(view, from + i * type.bytes);
    }
    this.filled += count;
  }

  private readHeader(): void {
    const h = this.header;
    if (h.length === 4) {
      if (h[0] !== 0 || h[1] !== 0 || !TYPES[h[2]!] || h[3] === 0) throw new IdxError('it is not an IDX file (its first bytes are not an IDX magic number)');
      this.type = TYPES[h[2]!]!;
    }
    if (h.length < 4 || h.length !== 4 + 4 * h[3]!) return;
    const dims: number[] = [];
    for (let d = 0; d < h[3]!; d++) dims.push(((h[4 + 4 * d]! << 24) | (h[5 + 4 * d]! << 16) | (h[6 + 4 * d]! << 8) | h[7 + 4 * d]!) >>> 0);
    const count = dims.reduce((n, d) => n * d, 1);
    if (count > 2 ** 31) throw new IdxError(`its header says ${dims.join(' x ')} elements, more than nnc can hold`);
    this.dims = dims;
    this.values = new Float32Array(count);
  }

  finish(): IdxArray {
    if (!this.values || !this.dims) throw new IdxError('it ends before its header does');
    if (this.filled < this.values.length || this.carried > 0) {
      throw new IdxError(`it ends after ${this.filled} of the ${this.values.length} elements its header (${this.dims.join(' x ')}) announces`);
    }
    return { dims: this.dims, values: this.values };
  }
}
