// CST -> AST, and syntax errors -> diagnostics. One diagnostic per broken statement at most from
// the parser (its recovery guesses; a second error in the same statement is usually a follow-on),
// none when the lexer already reported something inside that statement.
import type { CstElement, CstNode, IRecognitionException, IToken } from 'chevrotain';
import { EOF } from 'chevrotain';
import { reservedWords, statementKeywords, UnterminatedString } from '../grammar/lexer.js';
import { parseStatementCst, type ProgramCst, type StatementCst } from '../grammar/parser.js';
import type {
  Argument,
  Call,
  CallStatement,
  DatasetStatement,
  Expression,
  Identifier,
  ModelStatement,
  ProgramAst,
  SaveLoadStatement,
  Statement,
  StringLiteral,
  SummaryStatement,
} from './ast.js';
import { diagnostic, type Diagnostic } from '../base/diagnostics/diagnostic.js';
import type { SourceFile, Span } from '../base/source.js';
import { suggest } from '../base/suggest.js';

export interface AstResult {
  ast: ProgramAst;
  diagnostics: Diagnostic[];
}

const statementWords = statementKeywords.map((t) => String(t.PATTERN).replace(/\//g, ''));
const escapes: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', n: '\n', t: '\t' };

/**
 * Builds the AST of a parsed (or only scanned) program. Statements not parsed yet are parsed
 * here, and their CST is dropped once their AST is built.
 */
export function buildAst(cst: ProgramCst, source: SourceFile): AstResult {
  return new AstBuilder(source).build(cst);
}

class AstBuilder {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly unparsedNames = new Set<string>();

  constructor(private readonly source: SourceFile) {}

  build(cst: ProgramCst): AstResult {
    const statements: Statement[] = [];
    for (const s of cst.statements) {
      const parsedHere = !s.parsed;
      parseStatementCst(s);
      const statement = this.statement(s);
      if (statement) statements.push(statement);
      if (parsedHere) {
        // Done with this statement's CST and tokens: let them go before the next one is parsed.
        s.cst = null;
        s.tokens = [];
      }
    }
    if (cst.statements.length === 0 && this.diagnostics.length === 0) {
      this.diagnostics.push(diagnostic('NNC1010', this.span(0, 0), {}));
    }
    this.diagnostics.sort((a, b) => (a.span?.offset ?? 0) - (b.span?.offset ?? 0));
    const ast: ProgramAst = {
      kind: 'program',
      file: this.source.path,
      statements,
      unparsedNames: [...this.unparsedNames],
      span: this.span(0, this.source.text.length) };
    return { ast, diagnostics: this.diagnostics };
  }

  // ---- errors -------------------------------------------------------------------------------

  private statement(s: StatementCst): Statement | null {
    for (const e of s.lexErrors) {
      const text = [...this.source.text.slice(e.offset, e.offset + e.length)];
      const shown = text.length > 20 ? `${text.slice(0, 20).join('')}...` : text.join('');
      this.diagnostics.push(diagnostic('NNC1001', this.span(e.offset, e.offset + e.length), { text: shown }));
    }
    // Reported here, not where the AST takes the string: parser recovery may drop the token.
    for (const t of s.unterminatedStrings) this.diagnostics.push(diagnostic('NNC1002', this.tokenSpan(t), {}));
    if (s.tooDeep) this.diagnostics.push(diagnostic('NNC1006', this.tokenSpan(s.tooDeep), { limit: 64 }));
    const lexicallyBroken = s.lexErrors.length > 0 || s.unterminatedStrings.length > 0 || s.tooDeep !== null;
    if (!s.cst || s.errors.length > 0 || lexicallyBroken) {
      for (const t of s.tokens) if (t.tokenType.name === 'Identifier') this.unparsedNames.add(t.image);
    }

    if (!s.cst) {
      const first = s.tokens[0];
      if (first && !lexicallyBroken) {
        const suggestion = first.tokenType.name === 'Identifier' ? suggest(first.image, statementWords) : undefined;
        this.diagnostics.push(diagnostic('NNC1005', this.tokenSpan(first), suggestion ? { found: describe(first), suggestion } : { found: describe(first) }));
      }
      return null;
    }
    const firstError = s.errors[0];
    if (firstError && !lexicallyBroken) this.reportParseError(firstError, s);
    const recovered = s.errors.length > 0 || lexicallyBroken;
    return this.statementNode(s.cst, recovered);
  }

  private reportParseError(e: IRecognitionException, s: StatementCst): void {
    const token = e.token;
    const atEnd = token.tokenType === EOF || Number.isNaN(token.startOffset) || token.isInsertedInRecovery === true;
    if (!atEnd && e.name === 'NotAllInputParsedException') {
      const suggestion = token.tokenType.name === 'Identifier' ? suggest(token.image, statementWords) : undefined;
      this.diagnostics.push(diagnostic('NNC1005', this.tokenSpan(token), suggestion ? { found: describe(token), suggestion } : { found: describe(token) }));
      return;
    }
    const expected = e.message;
    if (!atEnd && statementWords.includes(token.image) && token !== s.tokens[0]) {
      this.diagnostics.push(diagnostic('NNC1009', this.tokenSpan(token), { word: token.image }));
      return;
    }
    let span: Span;
    let found: string;
    if (atEnd) {
      const last = s.tokens[s.tokens.length - 1]!;
      const end = last.startOffset + last.image.length;
      span = this.span(end, end);
      if (!s.next) found = 'the end of the file';
      else if (this.source.position(s.next.startOffset).line > span.line) found = 'the end of the line';
      else found = `'${s.next.image}', which begins a new statement`;
    } else {
      span = this.tokenSpan(token);
      found = describe(token);
    }
    const help = this.syntaxHelp(expected, s, atEnd ? null : token);
    this.diagnostics.push(diagnostic('NNC1004', span, help ? { expected, found, help } : { expected, found }));
  }

  /** A hint for the common syntax mistakes: a missing comma, an unclosed bracket. */
  private syntaxHelp(expected: string, s: StatementCst, at: IToken | null): string | undefined {
    const closing = expected === "')'" || expected === "']'" || expected === "'}'";
    const before = at ? s.tokens[s.tokens.indexOf(at) - 1] : undefined;
    const sameLine = at && before ? this.source.position(before.startOffset).line === this.source.position(at.startOffset).line : false;
    if (closing && at && isValueStart(at) && sameLine) {
      if (expected === "')'") return 'put a comma between arguments';
      if (expected === "']'") return 'put a comma between list items';
      return 'layers are calls such as Dense(12), one after another';
    }
    if (closing) {
      const open = unclosedBracket(s.tokens, at);
      if (open) {
        const { line, col } = this.source.position(open.startOffset);
        return `the '${open.image}' at ${line}:${col} is not closed`;
      }
    }
    const keyword = s.tokens[0]?.image;
    if (expected === "'='" && keyword === 'dataset') return 'write dataset NAME = csv("FILE.csv", ...)';
    if (keyword === 'model' && (expected === "'='" || expected === "'{'")) return 'write model NAME = Sequential { LAYERS }';
    if (keyword === 'model' && expected === "'('") return 'layers are calls, such as Dense(12) or Dropout(0.2)';
    if (keyword === 'save' && expected === "'->'") return 'write save MODEL -> "FILE.safetensors"';
    if (keyword === 'load' && expected === "'<-'") return 'write load MODEL <- "FILE.safetensors"';
    if (expected === "'('" && (keyword === 'compile' || keyword === 'fit' || keyword === 'evaluate' || keyword === 'predict')) {
      return `write ${keyword} MODEL(...)`;
    }
    return undefined;
  }

  // ---- statements ---------------------------------------------------------------------------

  private statementNode(node: CstNode, recovered: boolean): Statement | null {
    const inner = firstNode(node);
    if (!inner) return null;
    const span = this.nodeSpan(inner);
    switch (inner.name) {
      case 'datasetStatement': {
        const names = tokens(inner, 'names').map((t) => this.identifier(t));
        const callNode = child(inner, 'call');
        const statement: DatasetStatement = { kind: 'dataset', names, value: callNode ? this.call(callNode) : null, span, recovered };
        return statement;
      }
      case 'modelStatement': {
        const layers: Call[] = [];
        for (const layer of children(inner, 'layers')) {
          const call = this.call(layer);
          if (call) layers.push(call);
        }
        const statement: ModelStatement = {
          kind: 'model',
          name: this.optionalIdentifier(token(inner, 'name')),
          modelKind: this.optionalIdentifier(token(inner, 'kind')),
          layers,
          span,
          recovered,
        };
        return statement;
      }
      case 'compileStatement':
      case 'fitStatement':
      case 'evaluateStatement':
      case 'predictStatement': {
        const list = child(inner, 'argumentList');
        const output = token(inner, 'output');
        const statement: CallStatement = {
          kind: inner.name.replace('Statement', '') as CallStatement['kind'],
          model: this.optionalIdentifier(token(inner, 'model')),
          args: list ? this.argumentList(list) : [],
          argsSpan: list ? this.nodeSpan(list) : null,
          output: output ? this.stringLiteral(output) : null,
          span,
          recovered,
        };
        return statement;
      }
      case 'saveStatement':
      case 'loadStatement': {
        const path = token(inner, 'path');
        const statement: SaveLoadStatement = {
          kind: inner.name === 'saveStatement' ? 'save' : 'load',
          model: this.optionalIdentifier(token(inner, 'model')),
          path: path ? this.stringLiteral(path) : null,
          span,
          recovered,
        };
        return statement;
      }
      case 'summaryStatement': {
        const statement: SummaryStatement = { kind: 'summary', model: this.optionalIdentifier(token(inner, 'model')), span, recovered };
        return statement;
      }
      default:
        return null;
    }
  }

  // ---- expressions --------------------------------------------------------------------------

  private call(node: CstNode): Call | null {
    const callee = token(node, 'callee') ?? token(node, 'name');
    const list = child(node, 'argumentList');
    if (!callee) return null;
    const args = list ? this.argumentList(list) : [];
    const argsSpan = list ? this.nodeSpan(list) : this.tokenSpan(callee);
    return { kind: 'call', callee: this.identifier(callee), args, argsSpan, span: this.nodeSpan(node) };
  }

  private argumentList(node: CstNode): Argument[] {
    const out: Argument[] = [];
    for (const arg of children(node, 'arguments')) {
      const nameToken = token(arg, 'name');
      const hasEquals = token(arg, 'Equals') !== undefined;
      const expression = child(arg, 'expression');
      const span = this.nodeSpan(arg);
      out.push({
        kind: 'argument',
        name: nameToken && hasEquals ? this.identifier(nameToken) : null,
        value: expression ? this.expression(expression) : { kind: 'error', span },
        span,
      });
    }
    return out;
  }

  private expression(node: CstNode): Expression {
    const span = this.nodeSpan(node);
    const start = child(node, 'start');
    const end = child(node, 'end');
    if (token(node, 'Colon')) {
      return { kind: 'slice', start: start ? this.value(start) : null, end: end ? this.value(end) : null, span };
    }
    return start ? this.value(start) : { kind: 'error', span };
  }

  private value(node: CstNode): Expression {
    const span = this.nodeSpan(node);
    const number = token(node, 'NumberLiteral');
    const divisor = token(node, 'divisor');
    if (number && divisor) return { kind: 'number', value: Number(number.image) / Number(divisor.image), text: `${number.image}/${divisor.image}`, span };
    if (number) return { kind: 'number', value: Number(number.image), text: number.image, span: this.tokenSpan(number) };
    const string = token(node, 'StringLiteral');
    if (string) return this.stringLiteral(string);
    if (token(node, 'True')) return { kind: 'bool', value: true, span };
    if (token(node, 'False')) return { kind: 'bool', value: false, span };
    const nameOrCall = child(node, 'nameOrCall');
    if (nameOrCall) {
      const name = token(nameOrCall, 'name');
      if (!name) return { kind: 'error', span };
      if (child(nameOrCall, 'argumentList')) return this.call(nameOrCall) ?? { kind: 'error', span };
      return { kind: 'name', name: name.image, span: this.tokenSpan(name) };
    }
    const list = child(node, 'list');
    if (list) return { kind: 'list', items: children(list, 'items').map((item) => this.expression(item)), span: this.nodeSpan(list) };
    const tuple = child(node, 'tuple');
    if (tuple) {
      const items = children(tuple, 'items').map((item) => this.expression(item));
      // (3) is the number 3, as in Python; (3,) and (28, 28, 1) are tuples
      if (items.length === 1 && !token(tuple, 'trailingComma')) return items[0]!;
      return { kind: 'list', items, tuple: true, span: this.nodeSpan(tuple) };
    }
    return { kind: 'error', span };
  }

  /** A string's value with escapes resolved; bad escapes are reported here (a missing closing quote in statement()). */
  private stringLiteral(t: IToken): StringLiteral {
    const unterminated = t.tokenType === UnterminatedString;
    const body = unterminated ? t.image.slice(1) : t.image.slice(1, -1);
    let value = '';
    for (let i = 0; i < body.length; i++) {
      const c = body[i]!;
      if (c !== '\\' || i + 1 >= body.length) {
        value += c;
        continue;
      }
      const next = body[i + 1]!;
      const resolved = escapes[next];
      if (resolved === undefined) {
        const at = t.startOffset + 1 + i;
        this.diagnostics.push(diagnostic('NNC1003', this.span(at, at + 2), { escape: `\\${next}` }));
        value += next;
      } else {
        value += resolved;
      }
      i++;
    }
    return { kind: 'string', value, span: this.tokenSpan(t) };
  }

  private identifier(t: IToken): Identifier {
    return { kind: 'identifier', name: t.image, span: this.tokenSpan(t) };
  }

  private optionalIdentifier(t: IToken | undefined): Identifier | null {
    return t ? this.identifier(t) : null;
  }

  // ---- spans --------------------------------------------------------------------------------

  private tokenSpan(t: IToken): Span {
    return this.span(t.startOffset, t.startOffset + t.image.length);
  }

  /** source.span without its temporary objects: a big program makes millions of spans. */
  private span(offset: number, endOffset: number): Span {
    const starts = this.source.lineStarts;
    const line = lineIndex(starts, offset, this.lastLine);
    this.lastLine = line;
    const endLine = endOffset <= offset ? line : lineIndex(starts, endOffset, line);
    return {
      file: this.source.path,
      line: line + 1,
      col: offset - starts[line]! + 1,
      endLine: endLine + 1,
      endCol: Math.max(offset, endOffset) - starts[endLine]! + 1,
      offset,
      endOffset,
    };
  }

  /** The line of the last span made: spans come in file order, so the search starts there. */
  private lastLine = 0;

  /** A node's span: from its first token to the end of its last (tokens inserted by recovery do not count). */
  private nodeSpan(node: CstNode): Span {
    const [start, end] = this.extent(node);
    return Number.isFinite(start) ? this.span(start, end) : this.span(node.location?.startOffset ?? 0, node.location?.startOffset ?? 0);
  }

  /** [start, end) offsets of a node's tokens, memoized so building the whole AST stays linear. */
  private extent(node: CstNode): [number, number] {
    const known = (node as ExtentMemo)[extentKey];
    if (known) return known;
    let start = Infinity;
    let end = -Infinity;
    for (const key in node.children) {
      for (const el of node.children[key]!) {
        if (isToken(el)) {
          if (el.isInsertedInRecovery || !Number.isFinite(el.startOffset)) continue;
          if (el.startOffset < start) start = el.startOffset;
          const e = el.startOffset + el.image.length;
          if (e > end) end = e;
        } else {
          const [s, e] = this.extent(el);
          if (s < start) start = s;
          if (e > end) end = e;
        }
      }
    }
    const result: [number, number] = [start, end];
    (node as ExtentMemo)[extentKey] = result;
    return result;
  }
}

/** A node's token extent, memoized on the node itself (a Map keyed by nodes costs more than the parse). */
const extentKey = Symbol('extent');
type ExtentMemo = CstNode & { [extentKey]?: [number, number] };

/** Index of the line holding `offset`: a gallop from `hint`, then binary search. */
function lineIndex(starts: number[], offset: number, hint: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (hint < starts.length && starts[hint]! <= offset) {
    lo = hint;
    if (hint + 1 > hi || starts[hint + 1]! > offset) return hint;
  }
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---- CST access, tolerant of what recovery left out -----------------------------------------------

function isToken(el: CstElement): el is IToken {
  return (el as IToken).tokenType !== undefined;
}

function token(node: CstNode, key: string): IToken | undefined {
  const el = node.children[key]?.[0];
  if (!el || !isToken(el) || el.isInsertedInRecovery || !Number.isFinite(el.startOffset)) return undefined;
  return el;
}

function tokens(node: CstNode, key: string): IToken[] {
  return (node.children[key] ?? []).filter((el): el is IToken => isToken(el) && !el.isInsertedInRecovery && Number.isFinite(el.startOffset));
}

function child(node: CstNode, key: string): CstNode | undefined {
  const el = node.children[key]?.[0];
  return el && !isToken(el) ? el : undefined;
}

function children(node: CstNode, key: string): CstNode[] {
  return (node.children[key] ?? []).filter((el): el is CstNode => !isToken(el));
}

function firstNode(node: CstNode): CstNode | undefined {
  for (const key in node.children) for (const el of node.children[key]!) if (!isToken(el)) return el;
  return undefined;
}

// ---- words for tokens ---------------------------------------------------------------------------

function describe(t: IToken): string {
  const shown = t.image.length > 30 ? `${t.image.slice(0, 30)}...` : t.image;
  switch (t.tokenType.name) {
    case 'NumberLiteral':
      return `the number ${shown}`;
    case 'DoubleQuoted':
    case 'SingleQuoted':
    case 'UnterminatedString':
      return `the string ${shown}`;
    case 'Identifier':
      return `'${shown}'`;
    default:
      return reservedWords.includes(t.image) ? `the keyword '${t.image}'` : `'${shown}'`;
  }
}

function isValueStart(t: IToken): boolean {
  const name = t.tokenType.name;
  return (
    name === 'Identifier' ||
    name === 'NumberLiteral' ||
    name === 'DoubleQuoted' ||
    name === 'SingleQuoted' ||
    name === 'True' ||
    name === 'False' ||
    name === 'LBracket'
  );
}

/** The innermost bracket opened before `at` (or before the end) and not closed. */
function unclosedBracket(list: IToken[], at: IToken | null): IToken | undefined {
  const stack: IToken[] = [];
  for (const t of list) {
    if (at && t.startOffset >= at.startOffset) break;
    const name = t.tokenType.name;
    if (name === 'LParen' || name === 'LBracket' || name === 'LBrace') stack.push(t);
    else if (name === 'RParen' || name === 'RBracket' || name === 'RBrace') stack.pop();
  }
  return stack[stack.length - 1];
}
