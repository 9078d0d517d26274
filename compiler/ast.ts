// The .nn syntax tree: what was written, with where it was written. Names are not resolved and
// values are not checked here (compiler/check does that). Every node carries its span.
import type { Span } from '../base/source.js';

export interface Identifier {
  kind: 'identifier';
  name: string;
  span: Span;
}

export interface NumberLiteral {
  kind: 'number';
  value: number;
  /** As written: `12`, `1e-3`, `-1`. */
  text: string;
  span: Span;
}

export interface StringLiteral {
  kind: 'string';
  /** With escapes resolved. */
  value: string;
  span: Span;
}

export interface BoolLiteral {
  kind: 'bool';
  value: boolean;
  span: Span;
}

/** A bare name in a value position: a dataset (`pima`) or the word `null`. */
export interface NameRef {
  kind: 'name';
  name: string;
  span: Span;
}

/** `Dense(12, activation="relu")`, `Adam(learning_rate=0.01)`, `csv("file.csv")`. */
export interface Call {
  kind: 'call';
  callee: Identifier;
  args: Argument[];
  /** The parenthesized part, `(...)`. */
  argsSpan: Span;
  span: Span;
}

/** `[1, 2]`, or a tuple `(28, 28, 1)` (the same value; `tuple` says how it was written). */
export interface ListExpr {
  kind: 'list';
  items: Expression[];
  tuple?: boolean;
  span: Span;
}

/** `a:b`, `:b`, `a:`, `:`: a half-open range of column indices. */
export interface SliceExpr {
  kind: 'slice';
  start: Expression | null;
  end: Expression | null;
  span: Span;
}

/** Stands where the parser recovered from a syntax error; the checker never reports on it. */
export interface ErrorExpr {
  kind: 'error';
  span: Span;
}

export type Expression = NumberLiteral | StringLiteral | BoolLiteral | NameRef | Call | ListExpr | SliceExpr | ErrorExpr;

export interface Argument {
  kind: 'argument';
  /** null for a positional argument. */
  name: Identifier | null;
  value: Expression;
  span: Span;
}

interface StatementBase {
  span: Span;
  /**
   * True when the statement had a syntax error: the parser recovered and parts may be missing.
   * The checker declares the names it defines but reports nothing else about it (no cascades).
   */
  recovered: boolean;
}

export interface DatasetStatement extends StatementBase {
  kind: 'dataset';
  names: Identifier[];
  value: Call | null;
}

export interface ModelStatement extends StatementBase {
  kind: 'model';
  name: Identifier | null;
  /** `Sequential`. */
  modelKind: Identifier | null;
  layers: Call[];
}

/** compile, fit, evaluate, predict: MODEL(ARGS), evaluate and predict with an optional `-> "FILE"`. */
export interface CallStatement extends StatementBase {
  kind: 'compile' | 'fit' | 'evaluate' | 'predict';
  model: Identifier | null;
  args: Argument[];
  argsSpan: Span | null;
  output: StringLiteral | null;
}

export interface SaveLoadStatement extends StatementBase {
  kind: 'save' | 'load';
  model: Identifier | null;
  path: StringLiteral | null;
}

export interface SummaryStatement extends StatementBase {
  kind: 'summary';
  model: Identifier | null;
}

export type Statement = DatasetStatement | ModelStatement | CallStatement | SaveLoadStatement | SummaryStatement;

export interface ProgramAst {
  kind: 'program';
  /** Path of the file, as given. */
  file: string;
  statements: Statement[];
  /**
   * Names written in statements that did not parse (or parsed only in part). A reference to one
   * of them that resolves to nothing is not reported: its definition is probably in the broken
   * statement, already reported once.
   */
  unparsedNames: string[];
  span: Span;
}
