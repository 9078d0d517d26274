// No input crashes the front end: empty files, junk, bytes that are not UTF-8, a 10 MB program,
// deep nesting, every truncation of the examples (seeded mutations are in fuzz.test.ts). Each
// ends in diagnostics or a program; every diagnostic has a catalog code and a span in the file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { catalog } from '../../base/diagnostics/catalog.js';
import type { Diagnostic } from '../../base/diagnostics/diagnostic.js';
import { renderDiagnostics } from '../../base/diagnostics/render.js';
import { checkSource, firstInvalidUtf8, MAX_DIAGNOSTICS, readSource, SourceReadError } from '../../compiler/frontend.js';
import { SourceFile } from '../../base/source.js';
import { repoRoot } from '../helpers/shared.js';

const codes = new Set(Object.keys(catalog));
const exampleNames = ['pima', 'tutorial', 'iris', 'housing', 'demo'];
const examples = exampleNames.map((name) => readFileSync(resolve(repoRoot, `examples/${name}.nn`), 'utf8'));

/** Checks text as a program and asserts the result is well-formed; returns the diagnostics. */
function checkText(text: string, path = 'fuzz.nn'): Diagnostic[] {
  const source = new SourceFile(path, text);
  const result = checkSource(source, { mode: 'check' });
  for (const d of result.diagnostics) {
    expect(codes.has(d.code), `unknown code ${d.code}`).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
    if (!d.span || d.span.file !== path) continue;
    expect(d.span.offset).toBeGreaterThanOrEqual(0);
    expect(d.span.endOffset).toBeGreaterThanOrEqual(d.span.offset);
    expect(d.span.endOffset).toBeLessThanOrEqual(text.length);
    expect(source.position(d.span.offset)).toEqual({ line: d.span.line, col: d.span.col });
  }
  expect(result.diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS + 1);
  if (result.diagnostics.some((d) => d.severity === 'error')) expect(result.program).toBeNull();
  renderDiagnostics(result.diagnostics, (p) => (p === path ? source : undefined));
  return result.diagnostics;
}

/** mulberry32: a small seeded generator, so every failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('robustness', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'nnc-frontend-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('empty and blank files', () => {
    expect(checkText('').map((d) => d.code)).toEqual(['NNC1010']);
    expect(checkText('   \n\t\n').map((d) => d.code)).toEqual(['NNC1010']);
    expect(checkText('# only a comment').map((d) => d.code)).toEqual(['NNC1010']);
  });

  test('junk: random bytes and random punctuation', () => {
    const rand = random(42);
    for (let k = 0; k < 50; k++) {
      const length = 1 + Math.floor(rand() * 400);
      const bytes = Uint8Array.from({ length }, () => Math.floor(rand() * 256));
      const diagnostics = checkText(new TextDecoder().decode(bytes));
      expect(diagnostics.length).toBeGreaterThan(0);
    }
    checkText('(((((((((((('.repeat(10));
    checkText(')]}'.repeat(100));
    checkText('"'.repeat(99));
    checkText('\\\\\\"\'\n'.repeat(30));
  });

  test('a file that is not UTF-8: NNC1007 at the first bad byte', () => {
    const path = join(tmp, 'latin1.nn');
    writeFileSync(path, Buffer.concat([Buffer.from('dataset d = builtin("xor")\n# caf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]));
    try {
      readSource(path);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SourceReadError);
      const e = err as SourceReadError;
      expect(e.diagnostics.map((d) => [d.code, d.span?.line, d.span?.col])).toEqual([['NNC1007', 2, 6]]);
      expect(e.diagnostics[0]!.message).toContain('byte 0xE9 at byte offset 32');
      expect(e.source?.lineText(2)).toBe('# caf\ufffd au lait');
    }
    expect(firstInvalidUtf8(Buffer.from('ok \u00e9\u4e2d\ud83d\ude00', 'utf8'))).toBe(Buffer.byteLength('ok \u00e9\u4e2d\ud83d\ude00'));
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(firstInvalidUtf8(Uint8Array.from([0x61, 0xe4, 0xb8]))).toBe(1); // cut off
  });

  test('a missing file or a folder: NNC7003', () => {
    for (const path of [join(tmp, 'nothing.nn'), tmp, ...(process.platform === 'win32' ? [] : ['/dev/zero'])]) {
      try {
        readSource(path);
        expect.unreachable();
      } catch (err) {
        expect((err as SourceReadError).diagnostics.map((d) => d.code)).toEqual(['NNC7003']);
      }
    }
  });

  test('deep nesting is cut off with one diagnostic, not a stack overflow', () => {
    expect(checkText(`fit m(${'['.repeat(100_000)}${']'.repeat(100_000)})`).map((d) => d.code)).toEqual(['NNC1006']);
    expect(checkText(`fit m(${'['.repeat(100_000)}`).map((d) => d.code)).toEqual(['NNC1006']);
    expect(checkText(`compile m(loss=${'Huber('.repeat(50_000)}`).map((d) => d.code)).toEqual(['NNC1006']);
  });

  // Its speed is measured in bench/ (parse-1mb), not here.
  test('a 10 MB program ends in capped diagnostics', () => {
    const pima = examples[0]!;
    const text = pima.repeat(Math.ceil(10_000_000 / pima.length));
    const diagnostics = checkText(text, 'big.nn');
    expect(diagnostics.at(-1)!.code).toBe('NNC1008'); // duplicate names, capped
    expect(diagnostics.slice(0, -1).every((d) => d.code === 'NNC2003' || d.code === 'NNC3010')).toBe(true);
  }, 60_000);

  test('every truncation of the examples', () => {
    examples.forEach((text, k) => {
      const step = k === 0 ? 1 : 5;
      for (let n = 0; n < text.length; n += step) checkText(text.slice(0, n));
    });
  });
});
