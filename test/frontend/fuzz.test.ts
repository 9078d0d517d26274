// Seeded mutations of every example through the front end, in one process: no input crashes it,
// no program with a lexical error checks "ok", and every diagnostic has a catalog code and a place
// in the file. A failure prints its seed and the mutated text, so it can be replayed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalog } from '../../base/diagnostics/catalog.js';
import type { Diagnostic } from '../../base/diagnostics/diagnostic.js';
import { renderDiagnostics } from '../../base/diagnostics/render.js';
import { checkSource, MAX_DIAGNOSTICS } from '../../compiler/frontend.js';
import { SourceFile } from '../../base/source.js';
import { tokenize, UnterminatedString } from '../../grammar/lexer.js';
import { repoRoot } from '../helpers/shared.js';

const codes = new Set(Object.keys(catalog));
const exampleNames = ['pima', 'tutorial', 'iris', 'housing', 'demo', 'digits'];
const examples = [
  ...exampleNames.map((name) => ({ name, text: readFileSync(resolve(repoRoot, `examples/${name}.nn`), 'utf8') })),
  // every image layer, tuples and quotients (fashion.nn reads 50 MB per check: its model is here)
  { name: 'convnet', text: readFileSync(resolve(repoRoot, 'test/frontend/fixtures/convnet.nn'), 'utf8') },
];
const MUTATIONS_PER_EXAMPLE = 800;

/** Diagnostics that belong to no place in the program (a count of those not shown). */
const placeless = new Set(['NNC1008']);

/** mulberry32: a small seeded generator, so every failing case can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const junk = ['(', ')', '[', ']', '{', '}', ',', '=', ':', '"', "'", '\\', '-', '>', '<', '#', '\n', '\r', '$', '\u0000', '1e', '1e999', 'null', 'model', 'x', '"abc', "'"];

/**
 * One random edit: delete, duplicate, move or replace a token; delete or duplicate a character;
 * drop a quote or a bracket (the edits that break strings and nesting); or insert junk.
 */
export function mutate(text: string, rand: () => number): string {
  const pick = (n: number) => Math.floor(rand() * n);
  const tokens = tokenize(text).tokens;
  const kind = pick(8);
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
  if (kind === 7) {
    const places = [...text.matchAll(/["'()[\]{}]/g)].map((m) => m.index);
    if (places.length > 0) {
      const i = places[pick(places.length)]!;
      return text.slice(0, i) + text.slice(i + 1);
    }
  }
  const i = pick(text.length);
  if (kind === 4) return text.slice(0, i) + text.slice(i + 1);
  if (kind === 5) return text.slice(0, i) + text[i] + text.slice(i);
  return text.slice(0, i) + junk[pick(junk.length)] + text.slice(i);
}

/** Whether the lexer finds something it cannot read, or a string without its closing quote. */
function hasLexicalError(text: string): boolean {
  const lexed = tokenize(text);
  return lexed.errors.length > 0 || lexed.tokens.some((t) => t.tokenType === UnterminatedString);
}

/** Checks text as a program and asserts the result is well-formed; returns the diagnostics. */
function checkMutant(text: string, path: string): Diagnostic[] {
  const source = new SourceFile(path, text);
  const result = checkSource(source, { mode: 'check' });
  for (const d of result.diagnostics) {
    expect(codes.has(d.code), `unknown code ${d.code}`).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
    if (placeless.has(d.code)) continue;
    expect(d.span, `${d.code} has no place: ${d.message}`).toBeDefined();
    if (d.span!.file !== path) continue; // a data file's row
    expect(d.span!.offset).toBeGreaterThanOrEqual(0);
    expect(d.span!.endOffset).toBeGreaterThanOrEqual(d.span!.offset);
    expect(d.span!.endOffset).toBeLessThanOrEqual(text.length);
    expect(source.position(d.span!.offset)).toEqual({ line: d.span!.line, col: d.span!.col });
  }
  expect(result.diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS + 1);
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  if (failed) expect(result.program).toBeNull();
  if (hasLexicalError(text)) expect(failed, 'a program with a lexical error checked ok').toBe(true);
  renderDiagnostics(result.diagnostics, (p) => (p === path ? source : undefined));
  return result.diagnostics;
}

describe('fuzz: seeded mutations of every example', () => {
  for (const [k, example] of examples.entries()) {
    test(`${MUTATIONS_PER_EXAMPLE} mutations of ${example.name}.nn`, () => {
      let lexical = 0;
      let clean = 0;
      for (let n = 0; n < MUTATIONS_PER_EXAMPLE; n++) {
        const seed = k * 100_000 + n + 1;
        const rand = random(seed);
        let text = example.text;
        const edits = 1 + Math.floor(rand() * 3);
        for (let e = 0; e < edits; e++) text = mutate(text, rand);
        try {
          const diagnostics = checkMutant(text, `${example.name}-fuzz.nn`);
          if (diagnostics.every((d) => d.severity !== 'error')) clean++;
          if (hasLexicalError(text)) lexical++;
        } catch (err) {
          throw new Error(`seed ${seed} (${example.name}.nn) failed on:\n${text}\n${(err as Error).stack}`);
        }
      }
      // The mutations reach both sides: some programs stay valid, some break a string or a character.
      expect(clean).toBeGreaterThan(0);
      expect(lexical).toBeGreaterThan(MUTATIONS_PER_EXAMPLE / 50);
    });
  }
});
