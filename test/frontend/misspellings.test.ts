// One misspelled name in the reference program gives exactly one diagnostic, at the name, with
// the right suggestion, and nothing that follows from it (no shape or "no input size" errors).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkSource } from '../../compiler/frontend.js';
import { SourceFile } from '../../base/source.js';
import { haveSharedData, repoRoot, sharedDataset } from '../helpers/shared.js';

const pima = readFileSync(resolve(repoRoot, 'examples/pima.nn'), 'utf8');
const smallPima = resolve(repoRoot, 'test/frontend/fixtures/data/pima-small.csv');

const cases = [
  { from: 'Dense(12', to: 'Dens(12', line: 6, col: 3, what: 'layer', suggestion: 'Dense' },
  { from: '"relu"', to: '"rleu"', line: 6, col: 37, what: 'activation', suggestion: 'relu' },
  { from: '"adam"', to: '"adm"', line: 11, col: 56, what: 'optimizer', suggestion: 'adam' },
  { from: '"binary_crossentropy"', to: '"binary_crossentropi"', line: 11, col: 23, what: 'loss', suggestion: 'binary_crossentropy' },
  { from: 'input_dim=8', to: 'inptu_dim=8', line: 6, col: 13, what: 'argument', suggestion: 'input_dim' },
  { from: 'fit diabetes(pima,', to: 'fit diabetes(pmia,', line: 14, col: 14, what: 'dataset', suggestion: 'pima' },
  { from: 'evaluate diabetes', to: 'evaluate diabetis', line: 17, col: 10, what: 'model', suggestion: 'diabetes' },
  { from: 'Sequential', to: 'Sequental', line: 5, col: 18, what: 'model type', suggestion: 'Sequential' },
  { from: '"accuracy"', to: '"acuracy"', line: 11, col: 73, what: 'metric', suggestion: 'accuracy' },
  { from: 'fit diabetes', to: 'fti diabetes', line: 14, col: 1, what: 'statement', suggestion: 'fit' },
];

function check(text: string, data: string) {
  return checkSource(new SourceFile('examples/pima.nn', text), { mode: 'check', dataOverrides: new Map([['pima', data]]) });
}

describe('a misspelling in the reference program gives one diagnostic', () => {
  test('the program itself is clean', () => {
    const result = check(pima, smallPima);
    expect(result.diagnostics).toEqual([]);
    expect(result.program).not.toBeNull();
  });

  for (const c of cases) {
    test(`${c.what}: ${c.to}`, () => {
      expect(pima).toContain(c.from);
      const result = check(pima.replace(c.from, c.to), smallPima);
      expect(result.diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.col}`)).toHaveLength(1);
      const d = result.diagnostics[0]!;
      expect(d.severity).toBe('error');
      expect([d.span?.line, d.span?.col]).toEqual([c.line, c.col]);
      expect(d.help).toContain(`did you mean '${c.suggestion}'?`);
      expect(result.program).toBeNull();
    });
  }

  test.runIf(haveSharedData())('the same with the real Pima data', () => {
    const real = sharedDataset('pima-indians-diabetes.csv');
    expect(check(pima, real).diagnostics).toEqual([]);
    for (const c of cases) {
      const result = check(pima.replace(c.from, c.to), real);
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0]!.help).toContain(`'${c.suggestion}'`);
    }
  });

  test('a far-off name gets no suggestion, but the list of known ones', () => {
    const result = check(pima.replace('"relu"', '"banana"'), smallPima);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.message).toBe("unknown activation 'banana'");
    expect(result.diagnostics[0]!.help).toMatch(/^known activations: linear, relu, sigmoid/);
  });
});
