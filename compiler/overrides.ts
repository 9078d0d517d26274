// --set STATEMENT.ARG=VALUE (or STATEMENT.MODEL.ARG=VALUE): changes an argument of the program's
// statements from the command line, as a Keras user changes a run's hyper-parameters without
// editing the script. VALUE is .nn syntax (5, "adam", Adam(learning_rate=0.01), ["accuracy"]) and
// is put in the statements' calls before the checker runs, so it is checked exactly as if it were
// written there; its diagnostics point into the --set text itself:
//
//   --set:1:12: error NNC2011: 'epochs' must be >= 1, but it is 0
//     |
//   1 | fit.epochs=0
//     |            ^
import type { Argument, CallStatement, Expression, ProgramAst } from './ast.js';
import { statements as statementSpecs, statementSpec } from './registry.js';
import { buildAst } from './build-ast.js';
import { scanProgram } from '../grammar/parser.js';
import { diagnostic, type Diagnostic } from '../base/diagnostics/diagnostic.js';
import { SourceFile, type Span } from '../base/source.js';
import { suggest } from '../base/suggest.js';

type Kind = CallStatement['kind'];
const KINDS = statementSpecs.map((s) => s.name) as Kind[];

export interface ArgumentOverride {
  kind: Kind;
  /** Only the statements of this model (null: every statement of the kind). */
  model: string | null;
  arg: string;
  value: Expression;
  /** The argument as a whole (`epochs=5`), for the argument added when the statement had none. */
  span: Span;
  /** The argument's name, where it is written. */
  nameSpan: Span;
}

/** The name `--set` values are shown under in messages: `--set`, or `--set #2` for the second of several. */
export function overrideSourceName(index: number, count: number): string {
  return count > 1 ? `--set #${index + 1}` : '--set';
}

/**
 * Parses the --set values. Each is one line of its own source (`sources`, for showing diagnostics);
 * a malformed one (no `=`, an unknown statement or argument) is NNC7005.
 */
export function parseOverrides(texts: readonly string[]): { overrides: ArgumentOverride[]; sources: SourceFile[]; diagnostics: Diagnostic[] } {
  const overrides: ArgumentOverride[] = [];
  const sources: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  texts.forEach((text, index) => {
    const source = new SourceFile(overrideSourceName(index, texts.length), text);
    sources.push(source);
    const bad = (what: string, from: number, to: number, help?: string) =>
      diagnostics.push(diagnostic('NNC7005', source.span(from, Math.max(from + 1, to)), { what, ...(help ? { help } : {}) }));
    const eq = text.indexOf('=');
    const target = eq >= 0 ? text.slice(0, eq) : text;
    const parts = target.split('.');
    const example = 'write STATEMENT.ARGUMENT=VALUE, such as fit.epochs=5 (or fit.MODEL.epochs=5 for one model)';
    if (eq < 0 || parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p))) {
      bad(`'${text}' is not STATEMENT.ARGUMENT=VALUE`, 0, text.length, example);
      return;
    }
    const kind = parts[0]!;
    if (!(KINDS as string[]).includes(kind)) {
      const suggestion = suggest(kind, KINDS);
      bad(`'${kind}' is not a statement with arguments`, 0, kind.length, suggestion ? `did you mean '${suggestion}'? The statements are: ${KINDS.join(', ')}` : `the statements are: ${KINDS.join(', ')}`);
      return;
    }
    const arg = parts.at(-1)!;
    const argStart = target.length - arg.length;
    const spec = statementSpec(kind as Kind);
    if (!spec.args.some((a) => a.name === arg)) {
      const known = spec.args.map((a) => a.name);
      const suggestion = suggest(arg, known);
      bad(`${kind} has no argument '${arg}'`, argStart, target.length, suggestion ? `did you mean '${suggestion}'?` : `its arguments are: ${known.join(', ')}`);
      return;
    }
    if (eq === text.length - 1) {
      bad(`--set ${target}= has no value`, eq, eq + 1, `for example --set ${target}=${exampleValue(spec.args.find((a) => a.name === arg)!.type)}`);
      return;
    }
    const value = parseValue(source, eq + 1, diagnostics);
    if (!value) return;
    overrides.push({ kind: kind as Kind, model: parts.length === 3 ? parts[1]! : null, arg, value, span: source.span(argStart, text.length), nameSpan: source.span(argStart, target.length) });
  });
  return { overrides, sources, diagnostics };
}

function exampleValue(type: string): string {
  return type === 'int' ? '5' : type === 'number' ? '0.2' : type === 'bool' ? 'true' : type === 'metrics' ? '\'["accuracy"]\'' : '...';
}

/**
 * The expression written from `from` to the end of `source`, parsed as the value of an argument
 * (so exactly as in a program), with its spans, and any syntax error, pointing into `source`.
 */
function parseValue(source: SourceFile, from: number, diagnostics: Diagnostic[]): Expression | null {
  const prefix = 'fit m(x=';
  const text = `${prefix}${source.text.slice(from)})`;
  const parsed = buildAst(scanProgram(text), new SourceFile(source.path, text));
  const shift = (span: Span): Span => source.span(clamp(span.offset - prefix.length + from), clamp(span.endOffset - prefix.length + from));
  const clamp = (offset: number) => Math.min(Math.max(offset, from), source.text.length);
  if (parsed.diagnostics.length > 0) {
    for (const d of parsed.diagnostics) diagnostics.push(d.span ? { ...d, span: shift(d.span) } : d);
    return null;
  }
  const statement = parsed.ast.statements[0];
  const value = statement?.kind === 'fit' && statement.args.length === 1 ? statement.args[0]!.value : null;
  if (!value || parsed.ast.statements.length !== 1) {
    diagnostics.push(diagnostic('NNC7005', source.span(from, source.text.length), { what: `'${source.text.slice(from)}' is not one value`, help: 'give one value: a number, a "string", a name, a call such as Adam(learning_rate=0.01), or a [list]' }));
    return null;
  }
  return moveSpans(value, shift);
}

/** A copy of an AST value with every span passed through `shift`. */
function moveSpans<T>(node: T, shift: (span: Span) => Span): T {
  if (Array.isArray(node)) return node.map((n) => moveSpans(n, shift)) as T;
  if (node === null || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  if (typeof o.offset === 'number' && typeof o.endOffset === 'number' && typeof o.file === 'string') return shift(o as unknown as Span) as T;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, moveSpans(v, shift)])) as T;
}

/**
 * Puts each override into the statements it names: the argument's value is replaced where it is
 * written (by name, or by position), or the argument is added. An override that matches no
 * statement is NNC7005.
 */
export function applyOverrides(ast: ProgramAst, overrides: readonly ArgumentOverride[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const o of overrides) {
    const targets = ast.statements.filter((s): s is CallStatement => s.kind === o.kind && (o.model === null || s.model?.name === o.model));
    if (targets.length === 0) {
      const what = o.model ? `the program has no ${o.kind} statement of model '${o.model}'` : `the program has no ${o.kind} statement`;
      diagnostics.push(diagnostic('NNC7005', o.span, { what, help: 'check the statement name (and the model), or drop this --set' }));
      continue;
    }
    for (const s of targets) setArgument(s, o);
  }
  return diagnostics;
}

function setArgument(s: CallStatement, o: ArgumentOverride): void {
  const positional = statementSpec(s.kind).args.filter((a) => a.positional);
  let position = 0;
  for (const a of s.args) {
    const name = a.name ? a.name.name : positional[position++]?.name;
    if (name === o.arg) {
      a.value = o.value;
      return;
    }
  }
  const added: Argument = { kind: 'argument', name: { kind: 'identifier', name: o.arg, span: o.nameSpan }, value: o.value, span: o.span };
  s.args.push(added);
}
