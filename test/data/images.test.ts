// Image data: IDX files (gzipped or not, streamed in chunks), folders of PNG and JPEG files,
// checked through the same front end a program goes through, with the diagnostics a user sees.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encode as encodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import { readIdx } from '../../base/data/idx.js';
import { convertChannels, resizeBilinear } from '../../base/data/image-decode.js';
import { SourceFile } from '../../base/source.js';
import { checkSource } from '../../compiler/frontend.js';

const dir = mkdtempSync(join(tmpdir(), 'nnc-images-'));

/** An IDX file of unsigned bytes with these dimensions and values. */
function idxBytes(dims: number[], values: ArrayLike<number>, type = 0x08): Uint8Array {
  const header = [0, 0, type, dims.length];
  for (const d of dims) header.push((d >>> 24) & 255, (d >>> 16) & 255, (d >>> 8) & 255, d & 255);
  const size = type === 0x0b ? 2 : 1;
  const body = new Uint8Array(values.length * size);
  const view = new DataView(body.buffer);
  for (let i = 0; i < values.length; i++) {
    if (size === 2) view.setInt16(i * 2, values[i]!);
    else body[i] = values[i]!;
  }
  return new Uint8Array([...header, ...body]);
}

function check(source: string) {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.nn`);
  writeFileSync(file, source);
  return checkSource(new SourceFile(file, source), { mode: 'run' });
}

describe('IDX files', () => {
  const pixels = Array.from({ length: 3 * 4 * 5 }, (_, i) => (i * 37) % 256);
  it('reads unsigned bytes, gzipped or not, across chunk boundaries', () => {
    writeFileSync(join(dir, 'images.idx'), idxBytes([3, 4, 5], pixels));
    writeFileSync(join(dir, 'images.idx.gz'), gzipSync(idxBytes([3, 4, 5], pixels)));
    for (const name of ['images.idx', 'images.idx.gz']) {
      const read = readIdx(join(dir, name));
      expect(read.dims).toEqual([3, 4, 5]);
      expect(Array.from(read.values)).toEqual(pixels);
    }
    // a file larger than one chunk, gzipped: every element where it belongs
    const big = Array.from({ length: 3_000_000 }, (_, i) => (i * 7) % 251);
    writeFileSync(join(dir, 'big.idx.gz'), gzipSync(idxBytes([3000, 1000], big)));
    const read = readIdx(join(dir, 'big.idx.gz'));
    expect(read.values.length).toBe(3_000_000);
    expect(read.values[2_999_999]).toBe(big[2_999_999]);
    expect(read.values[1_048_577]).toBe(big[1_048_577]);
  });

  it('reads big-endian shorts', () => {
    writeFileSync(join(dir, 'short.idx'), idxBytes([2, 2], [-300, 5, 1000, -1], 0x0b));
    expect(Array.from(readIdx(join(dir, 'short.idx')).values)).toEqual([-300, 5, 1000, -1]);
  });

  it('is a dataset of (h, w, 1) images with class labels', () => {
    writeFileSync(join(dir, 'labels.idx.gz'), gzipSync(idxBytes([3], [2, 0, 1])));
    const r = check(`dataset d = idx("images.idx.gz", labels="labels.idx.gz")\nmodel m = Sequential { Conv2D(2, 3), Flatten(), Dense(3, activation="softmax") }\ncompile m(loss="sparse_categorical_crossentropy")\nfit m(d)`);
    expect(r.diagnostics.map((d) => d.message)).toEqual([]);
    const d = r.program!.datasets[0]!;
    expect(d.shape).toMatchObject({ rows: 3, featureDim: 20, featureShape: [4, 5, 1], labelColumns: 1, classes: ['0', '1', '2'] });
    expect(r.program!.models[0]!.inputShape).toEqual([4, 5, 1]);
  });

  it('says what is wrong, at the dataset: not IDX, cut short, labels that do not match, a missing file', () => {
    writeFileSync(join(dir, 'text.idx'), 'hello, this is not IDX');
    writeFileSync(join(dir, 'short.idx.gz'), gzipSync(idxBytes([3, 4, 5], pixels).subarray(0, 30)));
    writeFileSync(join(dir, 'two.idx'), idxBytes([2], [0, 1]));
    const cases: Array<[string, string, RegExp]> = [
      ['idx("text.idx")', 'NNC4018', /not an IDX file/],
      ['idx("short.idx.gz")', 'NNC4018', /ends after 14 of the 60 elements its header \(3 x 4 x 5\) announces/],
      ['idx("images.idx", labels="two.idx")', 'NNC4019', /has 2 labels, but the images file has 3 images/],
      ['idx("nowhere.idx")', 'NNC4018', /no such file/],
    ];
    for (const [call, code, message] of cases) {
      const r = check(`dataset d = ${call}`);
      expect(r.diagnostics.map((d) => d.code), call).toEqual([code]);
      expect(r.diagnostics[0]!.message).toMatch(message);
      expect(r.diagnostics[0]!.span?.line).toBe(1);
    }
  });
});

describe('image folders', () => {
  const root = join(dir, 'photos');
  const write = (cls: string, name: string, bytes: Uint8Array) => {
    mkdirSync(join(root, cls), { recursive: true });
    writeFileSync(join(root, cls, name), bytes);
  };
  // 4x2 RGB images: each a known colour
  const rgb = (r: number, g: number, b: number) => Uint8Array.from({ length: 4 * 2 * 3 }, (_, i) => [r, g, b][i % 3]!);
  write('cats', 'b.png', encodePng({ width: 4, height: 2, data: rgb(200, 100, 50), channels: 3, depth: 8 }));
  write('cats', 'a.png', encodePng({ width: 4, height: 2, data: Uint8Array.from({ length: 8 }, (_, i) => i * 30), channels: 1, depth: 8 }));
  write('dogs', 'c.jpg', jpeg.encode({ width: 4, height: 2, data: Uint8Array.from({ length: 32 }, (_, i) => (i % 4 === 3 ? 255 : 120)) }, 100).data);
  write('dogs', 'notes.txt', new TextEncoder().encode('not an image'));

  it('reads one class per subfolder (sorted), the images in name order, resized, 0-255', () => {
    const r = check(`dataset d = images("photos/", size=(2, 4), color="rgb")`);
    expect(r.diagnostics).toEqual([]);
    expect(r.program!.datasets[0]!.shape).toMatchObject({ rows: 3, featureShape: [2, 4, 3], classes: ['cats', 'dogs'], stringLabels: true });
    const gray = check(`dataset d = images("photos/", size=(1, 2), color="grayscale")`);
    expect(gray.program!.datasets[0]!.shape).toMatchObject({ featureShape: [1, 2, 1] });
  });

  it('converts channels as luma and resizes as tf.image.resize (half-pixel centers)', () => {
    const p = { width: 1, height: 1, channels: 3, data: Uint8Array.from([200, 100, 50]) };
    expect(convertChannels(p, 1).data[0]).toBe(Math.round(0.2989 * 200 + 0.587 * 100 + 0.114 * 50));
    // 2x1 -> 4x1: output x samples input (x + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25 (clamped)
    const out = new Float32Array(4);
    resizeBilinear({ width: 2, height: 1, channels: 1, data: Uint8Array.from([0, 100]) }, 1, 4, out, 0);
    expect(Array.from(out)).toEqual([0, 25, 75, 100]);
  });

  it('says which image cannot be read, and what is wrong with a folder', () => {
    write('dogs', 'broken.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    const broken = check(`dataset d = images("photos/", size=(2, 2))`);
    expect(broken.diagnostics.map((d) => d.code)).toEqual(['NNC4021']);
    expect(broken.diagnostics[0]!.message).toMatch(/broken\.png/);
    mkdirSync(join(dir, 'empty'), { recursive: true });
    expect(check(`dataset d = images("empty/")`).diagnostics[0]!.message).toMatch(/no subfolders/);
    expect(check(`dataset d = images("missing/")`).diagnostics[0]!.code).toBe('NNC4020');
  });
});
