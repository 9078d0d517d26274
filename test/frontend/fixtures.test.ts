// Golden tests of the front end: each fixtures/NAME.nn is checked, its rendered diagnostics are
// compared with NAME.diagnostics and its models' summaries with NAME.summary. The fixture also
// states what it expects, jlox-style, in comments that this test checks independently:
//   # expect: NNC2001 at 6:3          a diagnostic at line:col of the fixture
//   # expect: NNC4004 at FILE:2:3     ... at a place in another file (a CSV)
//   # expect: NNC7004                 ... with no place
//   # data: NAME=PATH                 --data NAME=PATH (PATH relative to the fixture)
//   # mode: run                       check as `nnc run` does (default: as `nnc check`)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalog } from '../../base/diagnostics/catalog.js';
import type { Diagnostic } from '../../base/diagnostics/diagnostic.js';
import { renderDiagnostics } from '../../base/diagnostics/render.js';
import { checkSource, readSource, SourceReadError } from '../../compiler/frontend.js';
import type { Program } from '../../compiler/program.js';
import { formatSummary } from '../../compiler/summary.js';
import { sourceForPath } from '../../base/data/dataset.js';
import { expectGolden } from '../helpers/golden.js';
import { repoRoot } from '../helpers/shared.js';

const fixturesDir = resolve(repoRoot, 'test/frontend/fixtures');
const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.nn'))
  .map((f) => f.slice(0, -3))
  .sort();

interface Directives {
  expected: string[];
  overrides: Map<string, string>;
  mode: 'check' | 'run';
}

function directives(text: string, display: string): Directives {
  const expected: string[] = [];
  for (const m of text.matchAll(/#\s*expect:\s*(NNC\d{4})(?:\s+at\s+(?:(\S+):)?(\d+):(\d+))?/g)) {
    const [, code, file, line, col] = m;
    expected.push(line ? `${code} at ${file && file !== display ? `${file}:` : ''}${line}:${col}` : code!);
  }
  const overrides = new Map<string, string>();
  for (const m of text.matchAll(/#\s*data:\s*(\w+)=(\S+)/g)) overrides.set(m[1]!, join(relative(process.cwd(), fixturesDir), m[2]!));
  const mode = /#\s*mode:\s*run/.test(text) ? 'run' : 'check';
  return { expected: expected.sort(), overrides, mode };
}

function describeDiagnostic(d: Diagnostic, display: string): string {
  if (!d.span) return d.code;
  const where = d.span.file === display ? '' : `${d.span.file}:`;
  return `${d.code} at ${where}${d.span.line}:${d.span.col}`;
}

interface FixtureRun {
  display: string;
  text: string;
  diagnostics: Diagnostic[];
  program: Program | null;
  rendered: string;
}

function runFixture(name: string): FixtureRun {
  const abs = join(fixturesDir, `${name}.nn`);
  const display = relative(process.cwd(), abs);
  const text = new TextDecoder().decode(readFileSync(abs));
  const { overrides, mode } = directives(text, display);
  let diagnostics: Diagnostic[];
  let program: Program | null = null;
  let source;
  try {
    source = readSource(display);
    const result = checkSource(source, { mode, dataOverrides: overrides });
    diagnostics = result.diagnostics;
    program = result.program;
  } catch (err) {
    if (!(err instanceof SourceReadError)) throw err;
    diagnostics = err.diagnostics;
    source = err.source;
  }
  const rendered = renderDiagnostics(diagnostics, (path) => (path === display && source ? source : sourceForPath(path)));
  return { display, text, diagnostics, program, rendered };
}

describe('front-end fixtures', () => {
  for (const name of fixtures) {
    test(name, () => {
      const run = runFixture(name);
      const actual = run.diagnostics.map((d) => describeDiagnostic(d, run.display)).sort();
      expect(actual).toEqual(directives(run.text, run.display).expected);
      expectGolden(run.rendered === '' ? '' : `${run.rendered}\n`, join(fixturesDir, `${name}.diagnostics`));
      if (run.program && run.program.models.length > 0) {
        expectGolden(run.program.models.map(formatSummary).join('\n'), join(fixturesDir, `${name}.summary`));
      } else {
        expect(existsSync(join(fixturesDir, `${name}.summary`)), `${name}.summary exists but the fixture has no checked models`).toBe(false);
      }
      for (const d of run.diagnostics) {
        expect(Object.keys(catalog)).toContain(d.code);
        if (d.span && d.span.file === run.display) {
          expect(d.span.offset).toBeGreaterThanOrEqual(0);
          expect(d.span.endOffset).toBeLessThanOrEqual(run.text.length);
        }
      }
    });
  }

  test('every NNC1xxx-NNC3xxx code in the catalog is expected by some fixture', () => {
    const expected = new Set<string>();
    for (const name of fixtures) {
      const text = readFileSync(join(fixturesDir, `${name}.nn`), 'latin1');
      for (const m of text.matchAll(/#\s*expect:\s*(NNC\d{4})/g)) expected.add(m[1]!);
    }
    const mine = Object.keys(catalog).filter((c) => /^NNC[123]/.test(c));
    expect(mine.filter((c) => !expected.has(c))).toEqual([]);
  });

  test('fixtures without errors give a program', () => {
    for (const name of ['pima-ok', 'all-layers']) {
      const run = runFixture(name);
      expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(run.program).not.toBeNull();
    }
  });
});
