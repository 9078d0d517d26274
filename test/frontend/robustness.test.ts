// No input crashes the front end: empty files, junk, bytes that are not UTF-8, a 10 MB program,
// deep nesting, every truncation of the examples, and thousands of seeded mutations of them. Each
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
import { tokenize } from '../../grammar/lexer.js';
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

/** One random edit of a program: delete, duplicate or swap a token or a character, or insert junk. */
function mutate(text: string, rand: () => number): string {
  const pick = (n: number) => Math.floor(rand() * n);
  const tokens = tokenize(text).tokens;
  const kind = pick(7);
  if (kind < 4 && tokens.length > 1) {
    const t = tokens[pick(tokens.length)]!;
    const start = t.startOffset;
    const end = start + t.image.length;
    switch (kind) {
      case 0:
        return text.slice(0, start) + text.slice(end);
      case 1:
        return text.slice(0, end) + ' ' + t.image + text.slice(end);
      case 2: {
        const u = tokens[pick(tokens.length)]!;
        if (u.startOffset <= start) return text.slice(0, start) + text.slice(end);
        return text.slice(0, start) + u.image + text.slice(end, u.startOffset) + t.image + text.slice(u.startOffset + u.image.length);
      }
      default: {
        const u = tokens[pick(tokens.length)]!;
        return text.slice(0, start) + u.image + text.slice(end);
      }
    }
  }
  const i = pick(text.length);
  if (kind === 4) return text.slice(0, i) + text.slice(i + 1);
  if (kind === 5) return text.slice(0, i) + text[i] + text.slice(i);
  const junk = ['(', ')', '[', ']', '{', '}', ',', '=', ':', '"', "'", '\\', '-', '>', '<', '#', '\n', '$', '\u0000', '1e', 'null', 'model', 'x'];
  return text.slice(0, i) + junk[pick(junk.length)] + text.slice(i);
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
    for (const path of [join(tmp, 'nothing.nn'), tmp]) {
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

  test('a 10 MB program finishes in a few seconds', () => {
    const pima = examples[0]!;
    const text = pima.repeat(Math.ceil(10_000_000 / pima.length));
    const started = performance.now();
    const diagnostics = checkText(text, 'big.nn');
    const seconds = (performance.now() - started) / 1000;
    console.log(`10 MB program: ${seconds.toFixed(2)} s`);
    expect(diagnostics.at(-1)!.code).toBe('NNC1008'); // duplicate names, capped
    expect(seconds).toBeLessThan(15);
  }, 60_000);

  test('every truncation of the examples', () => {
    examples.forEach((text, k) => {
      const step = k === 0 ? 1 : 5;
      for (let n = 0; n < text.length; n += step) checkText(text.slice(0, n));
    });
  });

  test('thousands of seeded mutations of the examples', () => {
    const started = performance.now();
    let cases = 0;
    let clean = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const rand = random(seed);
      let text = examples[seed % examples.length]!;
      const edits = 1 + Math.floor(rand() * 3);
      for (let e = 0; e < edits; e++) text = mutate(text, rand);
      try {
        if (checkText(text).every((d) => d.severity !== 'error')) clean++;
      } catch (err) {
        throw new Error(`seed ${seed} failed on:\n${text}\n${(err as Error).stack}`);
      }
      cases++;
    }
    console.log(`${cases} mutations (${clean} still valid) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(cases).toBe(3000);
  }, 60_000);
});
