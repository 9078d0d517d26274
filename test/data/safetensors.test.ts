import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWeights, decodeSafetensors, encodeSafetensors } from '../../runtime/io/safetensors.js';
import { readSafetensors, writeSafetensors } from '../../runtime/io/safetensors-file.js';
import { expectCode } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'nnc-safetensors-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const tiny = [
  { name: 'a', shape: [2], data: new Float32Array([1, -2]) },
  { name: 'b', shape: [1, 1], data: new Float32Array([0.5]) },
];

/** Builds a file from a header written by hand and raw data bytes. */
function file(header: string, data: number[] = [], declaredLength?: number): Uint8Array {
  const json = Buffer.from(header, 'utf8');
  const out = Buffer.alloc(8 + json.length + data.length);
  out.writeBigUInt64LE(BigInt(declaredLength ?? json.length), 0);
  json.copy(out, 8);
  Buffer.from(data).copy(out, 8 + json.length);
  return new Uint8Array(out);
}

describe('safetensors', () => {
  it('writes the documented layout, byte for byte', () => {
    const header = '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1,1],"data_offsets":[8,12]}}';
    expect(header.length).toBe(110); // counted by hand; padded with two spaces to 112, a multiple of 8
    const expected = [
      ...[0x70, 0, 0, 0, 0, 0, 0, 0], // 112, u64 little-endian
      ...Buffer.from(header + '  ', 'ascii'),
      ...[0x00, 0x00, 0x80, 0x3f], // 1.0f
      ...[0x00, 0x00, 0x00, 0xc0], // -2.0f
      ...[0x00, 0x00, 0x00, 0x3f], // 0.5f
    ];
    expect(Array.from(encodeSafetensors(tiny))).toEqual(expected);
  });

  it('puts __metadata__ first in the header', () => {
    const bytes = encodeSafetensors(tiny.slice(0, 1), { format: 'nnc', model: 'm' });
    const headerLength = Number(Buffer.from(bytes).readBigUInt64LE(0));
    expect(headerLength % 8).toBe(0);
    const header = Buffer.from(bytes.subarray(8, 8 + headerLength)).toString('utf8');
    expect(header.trimEnd()).toBe('{"__metadata__":{"format":"nnc","model":"m"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}');
  });

  it('round-trips names, order, shapes, exact values and metadata', () => {
    const weird = new Float32Array([0, -0, 1e-45, 3.4028234663852886e38, -Infinity, NaN, Math.PI]);
    const tensors = [
      { name: 'dense/kernel', shape: [7, 1], data: weird },
      { name: 'dense/bias', shape: [1], data: new Float32Array([0.25]) },
      { name: 'dense_1/kernel', shape: [0, 3], data: new Float32Array(0) },
      { name: 'scalar', shape: [], data: new Float32Array([42]) },
    ];
    const decoded = decodeSafetensors(encodeSafetensors(tensors, { epoch: '3' }), 'w.safetensors', undefined, { allowNonFinite: true });
    expect([...decoded.tensors.keys()]).toEqual(['dense/kernel', 'dense/bias', 'dense_1/kernel', 'scalar']);
    expect(decoded.metadata).toEqual({ epoch: '3' });
    for (const t of tensors) {
      const d = decoded.tensors.get(t.name)!;
      expect(d.shape).toEqual(t.shape);
      expect(Buffer.from(d.data.buffer, d.data.byteOffset, d.data.byteLength)).toEqual(Buffer.from(t.data.buffer));
    }
  });

  it('reads a file whose data is not 4-byte aligned in memory', () => {
    const bytes = encodeSafetensors(tiny);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(Array.from(decodeSafetensors(shifted.subarray(1), 'x').tensors.get('a')!.data)).toEqual([1, -2]);
  });

  it('writes through writeFileAtomic and reads back from disk', () => {
    const path = join(root, 'model.safetensors');
    writeSafetensors(path, tiny, { format: 'nnc' });
    expect(readFileSync(path)).toEqual(Buffer.from(encodeSafetensors(tiny, { format: 'nnc' })));
    const read = readSafetensors(path);
    expect(Array.from(read.tensors.get('b')!.data)).toEqual([0.5]);
    expectCode(() => writeSafetensors(join(root, 'no', 'm.safetensors'), tiny), 'NNC5002');
  });

  it('explains every way a file can be unreadable (NNC5003)', () => {
    const reason = (bytes: Uint8Array) => expectCode(() => decodeSafetensors(bytes, 'w.safetensors'), 'NNC5003').diagnostics[0]!.message;
    const good = encodeSafetensors(tiny);
    expect(reason(new Uint8Array(0))).toBe("cannot read weights file 'w.safetensors': the file is empty");
    expect(reason(good.subarray(0, 5))).toMatch(/truncated \(5 bytes\)$/);
    expect(reason(new Uint8Array(Buffer.from('dense/kernel,0.5\n1,2,3\n')))).toMatch(/it is not a safetensors file$/);
    expect(reason(good.subarray(0, 60))).toMatch(/truncated: the header needs 112 bytes, 52 are there$/);
    expect(reason(good.subarray(0, good.length - 2))).toMatch(/data offsets of 'b' \[8, 12\] are out of range: the data is 10 bytes/);
    expect(reason(file('{"a": {"dtype": "F32",'))).toMatch(/the header is not valid JSON \(its length, 22 bytes, may be wrong\)$/);
    expect(reason(file('{"a":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}', [0, 0, 0, 0]))).toMatch(/tensor 'a' has dtype F16; nnc reads only F32$/);
    expect(reason(file('{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}', new Array(8).fill(0)))).toMatch(/'a' has shape \[3\] but 8 bytes of data \(12 expected\)$/);
    expect(reason(file('{"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}', new Array(8).fill(0)))).toMatch(/out of range/);
    expect(reason(file('{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}'))).toMatch(/has no valid shape$/);
    expect(reason(file('{"a":{"dtype":"F32","shape":[1]}}'))).toMatch(/has no valid data_offsets$/);
    expect(reason(file('{"__metadata__":{"n":1}}'))).toMatch(/__metadata__ must map names to strings$/);
    expect(reason(file('{"a":3}'))).toMatch(/the entry for 'a' is not an object$/);
    expect(reason(file('{}', [], 1e12))).toMatch(/too large/);
  });

  it('refuses byte ranges that do not tile the data exactly, as the format requires (issue 16)', () => {
    const reason = (bytes: Uint8Array) => expectCode(() => decodeSafetensors(bytes, 'w.safetensors'), 'NNC5003').diagnostics[0]!.message;
    const good = Buffer.from(encodeSafetensors(tiny));
    const withLength = (n: number) => {
      const copy = Buffer.from(good);
      copy.writeBigUInt64LE(BigInt(n), 0);
      return new Uint8Array(copy);
    };
    // One byte short: the JSON still parses (padding), and every weight would be read one byte off.
    expect(reason(withLength(111))).toMatch(/1 byte after the last tensor belong to no tensor/);
    expect(reason(withLength(113))).toMatch(/not valid JSON \(its length, 113 bytes, may be wrong\)$/);
    expect(reason(new Uint8Array(Buffer.concat([good, Buffer.alloc(4)])))).toMatch(/4 bytes after the last tensor belong to no tensor/);
    const entry = (name: string, begin: number, end: number) => `"${name}":{"dtype":"F32","shape":[${(end - begin) / 4}],"data_offsets":[${begin},${end}]}`;
    expect(reason(file(`{${entry('a', 0, 4)},${entry('b', 0, 4)}}`, new Array(4).fill(0)))).toMatch(/tensors 'a' and 'b' share bytes \(data offsets overlap at 0\)$/);
    expect(reason(file(`{${entry('a', 0, 4)},${entry('b', 2, 6)}}`, new Array(6).fill(0)))).toMatch(/share bytes/);
    expect(reason(file(`{${entry('a', 4, 8)}}`, new Array(8).fill(0)))).toMatch(/bytes 0 to 4 of the data belong to no tensor \(before 'a'\)$/);
    expect(reason(file(`{${entry('a', 0, 4)},${entry('b', 8, 12)}}`, new Array(12).fill(0)))).toMatch(/bytes 4 to 8 of the data belong to no tensor \(before 'b'\)$/);
    // Tensors may come in any order in the header, and empty ones take no bytes.
    const ok = decodeSafetensors(file(`{${entry('b', 4, 8)},${entry('e', 4, 4)},${entry('a', 0, 4)}}`, [0, 0, 0x80, 0x3f, 0, 0, 0, 0x40]), 'w');
    expect([...ok.tensors].map(([k, v]) => [k, Array.from(v.data)])).toEqual([['b', [2]], ['e', []], ['a', [1]]]);
  });

  it('refuses NaN and infinite weights unless asked (NNC5010)', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const bytes = encodeSafetensors([tiny[0]!, { name: 'dense/bias', shape: [3], data: new Float32Array([0, 1, bad]) }]);
      const err = expectCode(() => decodeSafetensors(bytes, 'w.safetensors'), 'NNC5010');
      expect(err.diagnostics[0]!.message).toBe(
        `weights file 'w.safetensors' holds ${bad} in tensor dense/bias (value 2 of 3); non-finite weights make every output NaN`,
      );
      expect(err.diagnostics[0]!.help).toContain('--allow-nonfinite-weights');
      expect(decodeSafetensors(bytes, 'w', undefined, { allowNonFinite: true }).tensors.get('dense/bias')!.data[2]).toBe(bad);
    }
  });

  it('reports a missing file as NNC5003 naming the path', () => {
    const path = join(root, 'nothing.safetensors');
    const span = { file: 'p.nn', line: 2, col: 1, endLine: 2, endCol: 9, offset: 10, endOffset: 18 };
    const err = expectCode(() => readSafetensors(path, span), 'NNC5003');
    expect(err.diagnostics[0]!.message).toBe(`cannot read weights file '${path}': no such file`);
    expect(err.diagnostics[0]!.span).toEqual(span);
    writeFileSync(join(root, 'text.safetensors'), 'hello');
    expect(expectCode(() => readSafetensors(join(root, 'text.safetensors')), 'NNC5003').diagnostics[0]!.message).toMatch(/truncated/);
  });

  it.runIf(process.platform !== 'win32')('refuses what is not a regular file: a device, a FIFO, a symlink to a device (issue 16)', () => {
    const fifo = join(root, 'pipe.safetensors');
    execFileSync('mkfifo', [fifo]);
    const link = join(root, 'zero.safetensors');
    symlinkSync('/dev/zero', link);
    const reason = (path: string) => expectCode(() => readSafetensors(path), 'NNC5003').diagnostics[0]!.message;
    expect(reason('/dev/zero')).toBe("cannot read weights file '/dev/zero': it is a device, not a regular file");
    expect(reason(link)).toMatch(/: it is a device, not a regular file$/);
    expect(reason(fifo)).toMatch(/: it is a named pipe \(FIFO\), not a regular file$/);
    expect(reason(root)).toMatch(/: it is a folder, not a file$/);
  });

  it('checks a file against the model (NNC5004), naming the first tensor that differs', () => {
    const model = [
      { name: 'dense/kernel', shape: [8, 12] },
      { name: 'dense/bias', shape: [12] },
      { name: 'dense_1/kernel', shape: [8, 1] },
      { name: 'dense_1/bias', shape: [1] },
    ];
    const found = (entries: [string, number[]][]) => new Map(entries.map(([name, shape]) => [name, { shape }]));
    const all: [string, number[]][] = model.map((m) => [m.name, m.shape]);
    expect(() => checkWeights(model, found(all), 'w')).not.toThrow();
    const detail = (entries: [string, number[]][]) => expectCode(() => checkWeights(model, found(entries), 'w.safetensors'), 'NNC5004').diagnostics[0]!.message;
    expect(detail([...all.slice(0, 2), ['dense_1/kernel', [12, 1]], all[3]!])).toBe(
      "weights file 'w.safetensors' does not fit this model: dense_1/kernel has shape [12, 1] in the file but [8, 1] in the model",
    );
    expect(detail(all.slice(1))).toMatch(/: dense\/kernel is missing from the file$/);
    expect(detail([...all, ['dense_2/kernel', [1, 1]]])).toMatch(/: the file has a tensor dense_2\/kernel that the model does not have$/);
    expect(detail([...all.slice(0, 3), ['dense_1/bias', [1, 1]]])).toMatch(/dense_1\/bias has shape \[1, 1\] in the file but \[1\] in the model$/);
  });
});
