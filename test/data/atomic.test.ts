import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../runtime/io/atomic.js';
import { expectCode } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'nnc-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const freshFolder = () => {
  const dir = join(root, `d${folders++}`);
  mkdirSync(dir);
  return dir;
};

describe('writeFileAtomic', () => {
  it('writes text and bytes, leaving nothing else in the folder', () => {
    const dir = freshFolder();
    writeFileAtomic(join(dir, 'a.txt'), 'héllo\n');
    writeFileAtomic(join(dir, 'b.bin'), new Uint8Array([0, 1, 255]));
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('héllo\n');
    expect(Array.from(readFileSync(join(dir, 'b.bin')))).toEqual([0, 1, 255]);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.bin']);
  });

  it('replaces an existing file by renaming a new one over it', () => {
    const dir = freshFolder();
    const path = join(dir, 'p.csv');
    writeFileSync(path, 'old contents that are longer than the new ones\n');
    const before = statSync(path).ino;
    writeFileAtomic(path, 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    // A new inode: the old file was never truncated and rewritten in place.
    expect(statSync(path).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual(['p.csv']);
  });

  it('fails with NNC5002 when the folder does not exist, writing nothing', () => {
    const path = join(root, 'missing-folder', 'out.csv');
    const err = expectCode(() => writeFileAtomic(path, 'x'), 'NNC5002');
    expect(err.diagnostics[0]!.message).toBe(`cannot write '${path}': no such folder`);
    expect(err.diagnostics[0]!.span).toBeUndefined();
  });

  it('fails with NNC5002 when the target is a folder, and removes its temporary file', () => {
    const dir = freshFolder();
    mkdirSync(join(dir, 'taken'));
    const err = expectCode(() => writeFileAtomic(join(dir, 'taken'), 'x'), 'NNC5002');
    expect(err.diagnostics[0]!.message).toMatch(/: it is a folder$/);
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readdirSync(join(dir, 'taken'))).toEqual([]);
  });

  it('passes the statement span on to the diagnostic', () => {
    const span = { file: 'p.nn', line: 3, col: 1, endLine: 3, endCol: 5, offset: 20, endOffset: 24 };
    const err = expectCode(() => writeFileAtomic(join(root, 'nope', 'x'), 'x', span), 'NNC5002');
    expect(err.diagnostics[0]!.span).toEqual(span);
  });

  it.skipIf(process.getuid?.() === 0)('fails with NNC5002 "permission denied" in a read-only folder', () => {
    const dir = freshFolder();
    chmodSync(dir, 0o500);
    try {
      const err = expectCode(() => writeFileAtomic(join(dir, 'x'), 'x'), 'NNC5002');
      expect(err.diagnostics[0]!.message).toMatch(/permission denied$/);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});
