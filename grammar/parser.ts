// The .nn grammar as a chevrotain CstParser: syntax only, no meaning. Every name (Dense, relu, adam)
// is an Identifier or a string here; the checker gives them meaning.
//
// The parser is run once per statement (see compiler/build-ast.ts, which splits the token stream
// at statement keywords), so an error in one statement never hides the statements after it.
import {
  CstParser,
  tokenLabel,
  type CstNode,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from 'chevrotain';
import {
  allTokens,
  skipGrammarValidations,
  statementKeywords,
  tokenize,
  UnterminatedString,
  type LexError,
  Arrow,
  BackArrow,
  Colon,
  Comma,
  Compile,
  Dataset,
  Equals,
  Evaluate,
  False,
  Fit,
  Identifier,
  LBrace,
  LBracket,
  Load,
  LParen,
  Model,
  NumberLiteral,
  Predict,
  RBrace,
  RBracket,
  RParen,
  Save,
  StringLiteral,
  Slash,
  Summary,
  True,
} from './lexer.js';

// What the parser expected, in words; the AST builder adds what it found and where.
const ruleExpectations: Record<string, string> = {
  statement: 'a statement',
  expression: 'a value',
  value: 'a value',
  argument: 'an argument',
};

function describeExpected(types: TokenType[]): string {
  const labels = [...new Set(types.map((t) => tokenLabel(t)))];
  if (labels.length <= 1) return labels[0] ?? 'more input';
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

const expectationMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => tokenLabel(expected),
  buildNotAllInputParsedMessage: () => 'a new statement',
  buildNoViableAltMessage: ({ expectedPathsPerAlt, ruleName }) =>
    ruleExpectations[ruleName] ?? describeExpected(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0]!)).filter(Boolean)),
  buildEarlyExitMessage: ({ expectedIterationPaths, ruleName }) =>
    ruleExpectations[ruleName] ?? describeExpected(expectedIterationPaths.map((path) => path[0]!).filter(Boolean)),
};

export class NnParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: 'onlyOffset', errorMessageProvider: expectationMessages, skipValidations: skipGrammarValidations });
    this.performSelfAnalysis();
  }

  statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.datasetStatement) },
      { ALT: () => this.SUBRULE(this.modelStatement) },
      { ALT: () => this.SUBRULE(this.compileStatement) },
      { ALT: () => this.SUBRULE(this.fitStatement) },
      { ALT: () => this.SUBRULE(this.evaluateStatement) },
      { ALT: () => this.SUBRULE(this.predictStatement) },
      { ALT: () => this.SUBRULE(this.saveStatement) },
      { ALT: () => this.SUBRULE(this.loadStatement) },
      { ALT: () => this.SUBRULE(this.summaryStatement) },
    ]);
  });

  // dataset NAME (, NAME)* = CALL
  datasetStatement = this.RULE('datasetStatement', () => {
    this.CONSUME(Dataset);
    this.CONSUME(Identifier, { LABEL: 'names' });
    this.MANY(() => {
      this.CONSUME(Comma);
      this.CONSUME2(Identifier, { LABEL: 'names' });
    });
    this.CONSUME(Equals);
    this.SUBRULE(this.call);
  });

  // model NAME = Sequential { LAYER ((,)? LAYER)* }
  modelStatement = this.RULE('modelStatement', () => {
    this.CONSUME(Model);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Equals);
    this.CONSUME2(Identifier, { LABEL: 'kind' });
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.SUBRULE(this.call, { LABEL: 'layers' });
      this.OPTION(() => this.CONSUME(Comma));
    });
    this.CONSUME(RBrace);
  });

  compileStatement = this.RULE('compileStatement', () => {
    this.CONSUME(Compile);
    this.CONSUME(Identifier, { LABEL: 'model' });
    this.SUBRULE(this.argumentList);
  });

  fitStatement = this.RULE('fitStatement', () => {
    this.CONSUME(Fit);
    this.CONSUME(Identifier, { LABEL: 'model' });
    this.SUBRULE(this.argumentList);
  });

  // evaluate MODEL(ARGS) (-> "FILE")?
  evaluateStatement = this.RULE('evaluateStatement', () => {
    this.CONSUME(Evaluate);
    this.CONSUME(Identifier, { LABEL: 'model' });
    this.SUBRULE(this.argumentList);
    this.OPTION(() => {
      this.CONSUME(Arrow);
      this.CONSUME(StringLiteral, { LABEL: 'output' });
    });
  });

  predictStatement = this.RULE('predictStatement', () => {
    this.CONSUME(Predict);
    this.CONSUME(Identifier, { LABEL: 'model' });
    this.SUBRULE(this.argumentList);
    this.OPTION(() => {
      this.CONSUME(Arrow);
      this.CONSUME(StringLiteral, { LABEL: 'output' });
    });
  });

  saveStatement = this.RULE('saveStatement', () => {
    this.CONSUME(Save);
    this.CONSUME(Identifier, { LABEL: 'model' });
    this.CONSUME(Arrow);
    this.CONSUME(StringLiteral, { LABEL: 'path' });
  });

  loadStatement = this.RULE('loadStatement', () => {
    this.CONSUME(Load);
    this.CONSUME(Identifier, { LABEL: 'model' });
    this.CONSUME(BackArrow);
    this.CONSUME(StringLiteral, { LABEL: 'path' });
  });

  summaryStatement = this.RULE('summaryStatement', () => {
    this.CONSUME(Summary);
    this.CONSUME(Identifier, { LABEL: 'model' });
  });

  // NAME(ARGS)
  call = this.RULE('call', () => {
    this.CONSUME(Identifier, { LABEL: 'callee' });
    this.SUBRULE(this.argumentList);
  });

  // ( ARG (, ARG)* ,? )
  argumentList = this.RULE('argumentList', () => {
    this.CONSUME(LParen);
    this.OPTION(() => {
      this.SUBRULE(this.argument, { LABEL: 'arguments' });
      this.MANY({
        GATE: () => this.LA(2).tokenType !== RParen,
        DEF: () => {
          this.CONSUME(Comma);
          this.SUBRULE2(this.argument, { LABEL: 'arguments' });
        },
      });
      this.OPTION2(() => this.CONSUME2(Comma, { LABEL: 'trailingComma' }));
    });
    this.CONSUME(RParen);
  });

  // (NAME =)? EXPRESSION
  argument = this.RULE('argument', () => {
    this.OPTION(() => {
      this.CONSUME(Identifier, { LABEL: 'name' });
      this.CONSUME(Equals);
    });
    this.SUBRULE(this.expression);
  });

  // A value, or a slice of column indices: a:b, :b, a:, :
  expression = this.RULE('expression', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Colon);
          this.OPTION(() => this.SUBRULE(this.value, { LABEL: 'end' }));
        },
      },
      {
        ALT: () => {
          this.SUBRULE2(this.value, { LABEL: 'start' });
          this.OPTION2(() => {
            this.CONSUME2(Colon);
            this.OPTION3(() => this.SUBRULE3(this.value, { LABEL: 'end' }));
          });
        },
      },
    ]);
  });

  value = this.RULE('value', () => {
    this.OR([
      {
        // a number, or a quotient of two (Rescaling(1/255))
        ALT: () => {
          this.CONSUME(NumberLiteral);
          this.OPTION4(() => {
            this.CONSUME(Slash);
            this.CONSUME2(NumberLiteral, { LABEL: 'divisor' });
          });
        },
      },
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(True) },
      { ALT: () => this.CONSUME(False) },
      { ALT: () => this.SUBRULE(this.nameOrCall) },
      { ALT: () => this.SUBRULE(this.list) },
      { ALT: () => this.SUBRULE(this.tuple) },
    ]);
  });

  // NAME or NAME(ARGS)
  nameOrCall = this.RULE('nameOrCall', () => {
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.OPTION(() => this.SUBRULE(this.argumentList));
  });

  // [ EXPRESSION (, EXPRESSION)* ,? ]
  list = this.RULE('list', () => {
    this.CONSUME(LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression, { LABEL: 'items' });
      this.MANY({
        GATE: () => this.LA(2).tokenType !== RBracket,
        DEF: () => {
          this.CONSUME(Comma);
          this.SUBRULE2(this.expression, { LABEL: 'items' });
        },
      });
      this.OPTION2(() => this.CONSUME2(Comma, { LABEL: 'trailingComma' }));
    });
    this.CONSUME(RBracket);
  });

  // ( EXPRESSION (, EXPRESSION)* ,? ): a tuple as Python writes it, (28, 28, 1) or (8,); (3) is 3
  tuple = this.RULE('tuple', () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.expression, { LABEL: 'items' });
    this.MANY({
      GATE: () => this.LA(2).tokenType !== RParen,
      DEF: () => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.expression, { LABEL: 'items' });
      },
    });
    this.OPTION(() => this.CONSUME2(Comma, { LABEL: 'trailingComma' }));
    this.CONSUME(RParen);
  });
}

/** One parser, reused: chevrotain parsers are built once and fed new input. */
let shared: NnParser | undefined;

export function nnParser(): NnParser {
  shared ??= new NnParser();
  return shared;
}

// ---- the whole file: statements found by their keywords ------------------------------------

/** Brackets nested deeper than this are cut off (a diagnostic) so no input overflows the stack. */
export const MAX_NESTING = 64;

/** One statement's tokens and what went wrong while reading them. */
export interface StatementCst {
  /** Null when the tokens do not begin with a statement keyword (junk between statements). */
  cst: CstNode | null;
  tokens: IToken[];
  /** Parse errors, first one first (the parser recovers, so later ones may be follow-ons). */
  errors: IRecognitionException[];
  /** Characters the lexer could not read, between the previous statement's end and this one's. */
  lexErrors: LexError[];
  /** Strings that run to the end of their line (each is reported, wherever recovery left it). */
  unterminatedStrings: IToken[];
  /** The first opening bracket beyond MAX_NESTING, whose contents were dropped. */
  tooDeep: IToken | null;
  /** The first token of the statement after this one, if any (what an EOF error really found). */
  next: IToken | null;
  /** Whether the parser has run on it (see scanProgram). */
  parsed: boolean;
}

export interface ProgramCst {
  statements: StatementCst[];
}

const openers = new Set<TokenType>([LParen, LBracket, LBrace]);
const closers = new Set<TokenType>([RParen, RBracket, RBrace]);
const startsStatement = new Set<TokenType>(statementKeywords);
/** After these a name comes, so a keyword there is a misused name, not a new statement. */
const beforeName = new Set<TokenType>([...statementKeywords, Comma, Equals, Arrow, BackArrow]);

/**
 * Splits the tokens into statements. A new statement begins at
 * - a statement keyword first on its line, or outside brackets where no name is expected;
 * - a name first on its line outside brackets (a missing or misspelled keyword: `pima = csv(...)`);
 * - a name first on its line followed by another name on that line, even inside an unclosed
 *   bracket (`fitt model(...)`): two names in a row never continue an expression.
 * So an unclosed bracket or a misspelled keyword costs one diagnostic, not the rest of the file.
 * Brackets nested deeper than MAX_NESTING are dropped here, before the (recursive) parser runs.
 */
function splitStatements(text: string, tokens: IToken[], lexErrors: LexError[]): StatementCst[] {
  const out: StatementCst[] = [];
  let current: StatementCst | null = null;
  let depth = 0;
  let lexIndex = 0;
  let previous: IToken | null = null;
  const fresh = (): StatementCst => ({ cst: null, tokens: [], errors: [], lexErrors: [], unterminatedStrings: [], tooDeep: null, next: null, parsed: false });

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.tokenType;
    const lineStart = previous === null || hasNewline(text, previous.startOffset + previous.image.length, token.startOffset);
    const prevType = previous?.tokenType;
    const boundary =
      current === null ||
      (startsStatement.has(type) && (lineStart || (depth === 0 && !(prevType && beforeName.has(prevType))))) ||
      (type === Identifier && lineStart && depth === 0 && !(prevType && beforeName.has(prevType))) ||
      (type === Identifier && lineStart && namesFollow(text, token, tokens[i + 1]) && !(prevType && beforeName.has(prevType)));
    if (boundary) {
      if (current) {
        current.next = token;
        out.push(current);
      }
      current = fresh();
      depth = 0;
    }
    const statement = current!;
    while (lexIndex < lexErrors.length && lexErrors[lexIndex]!.offset < token.startOffset) statement.lexErrors.push(lexErrors[lexIndex++]!);
    previous = token;

    if (openers.has(type)) {
      depth++;
      if (depth > MAX_NESTING) {
        statement.tooDeep ??= token;
        continue;
      }
    } else if (closers.has(type)) {
      const wasDeep = depth > MAX_NESTING;
      depth = Math.max(0, depth - 1);
      if (wasDeep) continue;
    } else if (depth > MAX_NESTING) {
      continue;
    }
    if (type === UnterminatedString) statement.unterminatedStrings.push(token);
    statement.tokens.push(token);
  }
  if (current) out.push(current);
  if (lexIndex < lexErrors.length) {
    const last = out[out.length - 1] ?? fresh();
    if (out.length === 0) out.push(last);
    while (lexIndex < lexErrors.length) last.lexErrors.push(lexErrors[lexIndex++]!);
  }
  return out;
}

/** `fitt model`: a name followed, on the same line, by another name. */
function namesFollow(text: string, token: IToken, next: IToken | undefined): boolean {
  return next?.tokenType === Identifier && !hasNewline(text, token.startOffset + token.image.length, next.startOffset);
}

/** Whether text[from, to) holds a line break: only the gap between two tokens is scanned. */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/**
 * Lexes a file and splits it into statements, without parsing them yet: parseStatementCst parses
 * one. (Building each statement's AST right after parsing it, and dropping its CST, keeps a 10 MB
 * program from filling the heap with CST nodes.)
 */
export function scanProgram(text: string): ProgramCst {
  const lexed = tokenize(text);
  return { statements: splitStatements(text, lexed.tokens, lexed.errors) };
}

/** Parses one statement's tokens (once); statements that begin with no keyword get no CST. */
export function parseStatementCst(statement: StatementCst): void {
  if (statement.parsed) return;
  statement.parsed = true;
  const first = statement.tokens[0];
  if (!first || !startsStatement.has(first.tokenType)) return;
  const parser = nnParser();
  parser.input = statement.tokens;
  statement.cst = parser.statement();
  statement.errors = parser.errors;
}

/** Lexes and parses a whole file, one statement at a time. */
export function parseProgram(text: string): ProgramCst {
  const program = scanProgram(text);
  for (const statement of program.statements) parseStatementCst(statement);
  return program;
}

