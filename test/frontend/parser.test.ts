// Lexer, parser and AST: what each construct of the language parses to, with its span.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CallStatement, DatasetStatement, Expression, ModelStatement } from '../../compiler/ast.js';
import { parseSource } from '../../compiler/frontend.js';
import { SourceFile } from '../../base/source.js';
import { tokenize } from '../../grammar/lexer.js';
import { parseProgram } from '../../grammar/parser.js';
import { buildAst } from '../../compiler/build-ast.js';
import { repoRoot } from '../helpers/shared.js';

function parse(text: string) {
  return parseSource(new SourceFile('t.nn', text));
}

/** An expression as compact text, to compare whole trees at a glance. */
function show(e: Expression): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'bool':
      return String(e.value);
    case 'name':
      return `@${e.name}`;
    case 'call':
      return `${e.callee.name}(${e.args.map((a) => (a.name ? `${a.name.name}=` : '') + show(a.value)).join(', ')})`;
    case 'list':
      return `[${e.items.map(show).join(', ')}]`;
    case 'slice':
      return `${e.start ? show(e.start) : ''}:${e.end ? show(e.end) : ''}`;
    case 'error':
      return '?';
  }
}

function args(text: string): string {
  const { ast, diagnostics } = parse(`fit m(${text})`);
  expect(diagnostics).toEqual([]);
  const s = ast.statements[0] as CallStatement;
  return s.args.map((a) => (a.name ? `${a.name.name}=` : '') + show(a.value)).join(', ');
}

describe('lexer', () => {
  test('tokens, with comments and whitespace skipped', () => {
    const { tokens, errors } = tokenize('fit m(x, epochs=1e-3) # comment\n-> "a" <- \'b\'');
    expect(errors).toEqual([]);
    expect(tokens.map((t) => `${t.tokenType.name}:${t.image}`)).toEqual([
      'Fit:fit',
      'Identifier:m',
      'LParen:(',
      'Identifier:x',
      'Comma:,',
      'Identifier:epochs',
      'Equals:=',
      'NumberLiteral:1e-3',
      'RParen:)',
      'Arrow:->',
      'DoubleQuoted:"a"',
      'BackArrow:<-',
      "SingleQuoted:'b'",
    ]);
  });

  test('keywords are whole words only', () => {
    expect(tokenize('fitness models dataset_1 summary_').tokens.map((t) => t.tokenType.name)).toEqual(['Identifier', 'Identifier', 'Identifier', 'Identifier']);
  });

  test('unknown characters are reported and skipped', () => {
    const { tokens, errors } = tokenize('a @@ b');
    expect(tokens.map((t) => t.image)).toEqual(['a', 'b']);
    expect(errors).toEqual([{ offset: 2, length: 2 }]);
  });
});

describe('values', () => {
  test('numbers', () => {
    expect(args('1, -1, 0.5, .5, 1e-3, 2.5E+4, -0.25, 7.')).toBe('1, -1, 0.5, 0.5, 0.001, 25000, -0.25, 7');
  });

  test('strings and their escapes', () => {
    expect(args(`"a", 'b', "it's", 'say "hi"', "\\"q\\" \\\\ \\n \\t \\'"`)).toBe(`"a", "b", "it's", "say \\"hi\\"", "\\"q\\" \\\\ \\n \\t '"`);
  });

  test('booleans, names, null, calls, lists', () => {
    expect(args('true, false, pima, null, Adam(learning_rate=0.1), [1, "a", [2]], []')).toBe('true, false, @pima, @null, Adam(learning_rate=0.1), [1, "a", [2]], []');
  });

  test('slices', () => {
    expect(args('features=0:8, labels=8, a=:8, b=8:, c=:, d=-3:-1, e=[0:2, 5, "age"]')).toBe(
      'features=0:8, labels=8, a=:8, b=8:, c=:, d=-3:-1, e=[0:2, 5, "age"]',
    );
  });

  test('trailing commas in lists and arguments', () => {
    expect(args('x, metrics=["a", "b",],')).toBe('@x, metrics=["a", "b"]');
  });
});

describe('statements', () => {
  test('the reference program', () => {
    const text = readFileSync(resolve(repoRoot, 'examples/pima.nn'), 'utf8');
    const { ast, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(ast.statements.map((s) => s.kind)).toEqual(['dataset', 'model', 'compile', 'fit', 'evaluate', 'predict']);
    const dataset = ast.statements[0] as DatasetStatement;
    expect(dataset.names.map((n) => [n.name, n.span.line, n.span.col])).toEqual([['pima', 2, 9]]);
    expect(show(dataset.value!)).toBe('csv("pima-indians-diabetes.csv", features=0:8, labels=8)');
    const model = ast.statements[1] as ModelStatement;
    expect(model.name?.name).toBe('diabetes');
    expect(model.modelKind?.name).toBe('Sequential');
    expect(model.layers.map(show)).toEqual(['Dense(12, input_dim=8, activation="relu")', 'Dense(1, activation="sigmoid")']);
    expect([model.span.line, model.span.col, model.span.endLine, model.span.endCol]).toEqual([5, 1, 8, 2]);
    expect(model.layers[0]!.span).toMatchObject({ line: 6, col: 3, endLine: 6, endCol: 44 });
    const predict = ast.statements[5] as CallStatement;
    expect(predict.output?.value).toBe('predictions.csv');
    expect(predict.output?.span).toMatchObject({ line: 20, col: 27 });
    expect(ast.statements.every((s) => !s.recovered)).toBe(true);
  });

  test('layers separated by commas, newlines or both; statements on one line', () => {
    const { ast, diagnostics } = parse('model m = Sequential { Dense(1), Dense(2)\n Dense(3), } summary m save m -> "w" load m <- \'w\'');
    expect(diagnostics).toEqual([]);
    expect((ast.statements[0] as ModelStatement).layers.map(show)).toEqual(['Dense(1)', 'Dense(2)', 'Dense(3)']);
    expect(ast.statements.map((s) => s.kind)).toEqual(['model', 'summary', 'save', 'load']);
  });

  test('a dataset statement may name several datasets', () => {
    const { ast } = parse('dataset train, test = split(all, test_size=0.25)');
    expect((ast.statements[0] as DatasetStatement).names.map((n) => n.name)).toEqual(['train', 'test']);
  });

  test('a statement may span lines', () => {
    const { ast, diagnostics } = parse('evaluate\n  m(\n    d,\n    batch_size=8\n  )\n  -> "r.json"');
    expect(diagnostics).toEqual([]);
    expect((ast.statements[0] as CallStatement).output?.value).toBe('r.json');
  });

  test('a broken statement is marked recovered; the next one parses', () => {
    const { ast, diagnostics } = parse('fit m(d epochs=1)\nsummary m');
    expect(diagnostics.map((d) => d.code)).toEqual(['NNC1004']);
    expect(ast.statements.map((s) => [s.kind, s.recovered])).toEqual([
      ['fit', true],
      ['summary', false],
    ]);
    expect(ast.unparsedNames).toEqual(expect.arrayContaining(['m', 'd', 'epochs']));
  });

  test('buildAst also takes a fully parsed program', () => {
    const source = new SourceFile('t.nn', 'summary m\nsummary n');
    const { ast, diagnostics } = buildAst(parseProgram(source.text), source);
    expect(diagnostics).toEqual([]);
    expect(ast.statements.map((s) => s.kind)).toEqual(['summary', 'summary']);
  });
});

describe('syntax errors', () => {
  const codes = (text: string) => parse(text).diagnostics.map((d) => `${d.code} ${d.span?.line}:${d.span?.col}`);

  test('each broken statement is reported once', () => {
    expect(codes('fit m(d epochs=1)\nfit m(d,, x)\nsummary m\nmodel m = Sequential { Dense(1) Dense(2 3) }')).toEqual(['NNC1004 1:9', 'NNC1004 2:9', 'NNC1004 4:41']);
  });

  test('a misspelled keyword at the start of a line', () => {
    const { diagnostics } = parse('summary m\nmodle m = Sequential { Dense(1) }\nsummary m');
    expect(diagnostics.map((d) => [d.code, d.span?.line, d.help])).toEqual([['NNC1005', 2, "did you mean 'model'?"]]);
  });

  test('an unclosed bracket does not swallow the statements after it', () => {
    const { ast, diagnostics } = parse('fit m(d, epochs=1\nevaluate m(d)\npredict m(d)');
    expect(diagnostics.map((d) => [d.code, d.message, d.help])).toEqual([['NNC1004', "expected ')', found the end of the line", "the '(' at 1:6 is not closed"]]);
    expect(ast.statements.map((s) => [s.kind, s.recovered])).toEqual([
      ['fit', true],
      ['evaluate', false],
      ['predict', false],
    ]);
  });

  test('reserved words as names', () => {
    expect(codes('dataset model = csv("a.csv")')).toEqual(['NNC1009 1:9']);
    expect(codes('fit m(fit)')).toEqual(['NNC1009 1:7']);
  });

  test('strings: unterminated, bad escapes', () => {
    expect(codes('save m -> "w.safetensors\nsummary m')).toEqual(['NNC1002 1:11']);
    expect(codes("save m -> 'a\\xb'")).toEqual(['NNC1003 1:13']);
  });

  test('a program with classic Mac line endings (CR alone) has lines (issue 16)', () => {
    expect(codes('summary m\rfit m(d epochs=1)\rsummary m')).toEqual(['NNC1004 2:9']);
  });

  test('an unterminated string is reported wherever recovery leaves it (issue 16)', () => {
    // Each of these once checked "ok": the string token never reached the AST.
    expect(codes('model m = Sequential {\n  Dense(12, input_dim=8, activation= relu")\n}')).toEqual(['NNC1002 2:42']);
    expect(codes('compile m(loss="binary_crossentropy, optimizer="adam")\nfit m(d)')).toEqual(['NNC1002 1:53']);
    expect(codes('"abc')).toEqual(['NNC1002 1:1']);
    expect(codes("summary m\n'abc")).toEqual(['NNC1002 2:1']);
  });

  test('stray characters and text before the first statement', () => {
    expect(codes('% summary m')).toEqual(['NNC1001 1:1']);
    expect(codes('hello world\nsummary m')).toEqual(['NNC1005 1:1']);
    expect(codes('summary m )')).toEqual(['NNC1005 1:11']);
  });
});
