// The .nn tokens. Whitespace, newlines and `#` comments are skipped: statements are found by
// their leading keyword, so line breaks carry no meaning (the parser's recovery still uses them).
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n]*/, group: Lexer.SKIPPED });

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'a name' });

function keyword(word: string): TokenType {
  return createToken({ name: word[0]!.toUpperCase() + word.slice(1), pattern: new RegExp(word), longer_alt: Identifier, label: `'${word}'` });
}

export const Dataset = keyword('dataset');
export const Model = keyword('model');
export const Compile = keyword('compile');
export const Fit = keyword('fit');
export const Evaluate = keyword('evaluate');
export const Predict = keyword('predict');
export const Save = keyword('save');
export const Load = keyword('load');
export const Summary = keyword('summary');
export const True = keyword('true');
export const False = keyword('false');

/** The keywords that begin a statement, in the order the docs list them. */
export const statementKeywords: readonly TokenType[] = [Dataset, Model, Compile, Fit, Evaluate, Predict, Save, Load, Summary];
export const reservedWords: readonly string[] = ['dataset', 'model', 'compile', 'fit', 'evaluate', 'predict', 'save', 'load', 'summary', 'true', 'false'];

// A leading '-' belongs to the number: `labels=-1`, `features=0:-1`. '->' cannot start a number.
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/, label: 'a number' });

// Strings: both quote styles. An unterminated string (up to the end of its line) is still a string
// token, so the parser goes on and the AST builder reports it once, without a cascade.
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA, label: 'a string' });
export const DoubleQuoted = createToken({ name: 'DoubleQuoted', pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"/, categories: [StringLiteral], label: 'a string' });
export const SingleQuoted = createToken({ name: 'SingleQuoted', pattern: /'(?:[^'\\\n\r]|\\[^\n\r])*'/, categories: [StringLiteral], label: 'a string' });
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /["'](?:[^\\\n\r]|\\[^\n\r])*\\?/,
  categories: [StringLiteral],
  label: 'a string',
});

export const Arrow = createToken({ name: 'Arrow', pattern: /->/, label: "'->'" });
export const BackArrow = createToken({ name: 'BackArrow', pattern: /<-/, label: "'<-'" });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: "'='" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const Colon = createToken({ name: 'Colon', pattern: /:/, label: "':'" });
export const Slash = createToken({ name: 'Slash', pattern: /\//, label: "'/'" });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'" });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: "'['" });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/, label: "']'" });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/, label: "'{'" });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/, label: "'}'" });

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  Dataset,
  Model,
  Compile,
  Fit,
  Evaluate,
  Predict,
  Save,
  Load,
  Summary,
  True,
  False,
  Identifier,
  Arrow,
  NumberLiteral,
  StringLiteral,
  DoubleQuoted,
  SingleQuoted,
  UnterminatedString,
  BackArrow,
  Equals,
  Comma,
  Colon,
  Slash,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
];

/** Set to true by the shipped bundle (scripts/bundle.mjs); undefined when running from source. */
declare const NNC_BUNDLE: boolean | undefined;

/**
 * Chevrotain's self-checks of the grammar (ambiguities, unreachable alternatives, token conflicts)
 * cost about 15 ms in every process. The tests run them on the source; the bundle, built from the
 * same grammar, skips them so that `nnc check` starts fast.
 */
export const skipGrammarValidations: boolean = typeof NNC_BUNDLE !== 'undefined' && NNC_BUNDLE;

/** Built on first use, not at import: `nnc --version` and the library's runtime never lex. */
let lexer: Lexer | undefined;

export function nnLexer(): Lexer {
  lexer ??= new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: skipGrammarValidations });
  return lexer;
}

export interface LexError {
  offset: number;
  length: number;
}

export interface LexResult {
  tokens: IToken[];
  errors: LexError[];
}

/** Splits source text into tokens. Characters that start no token are reported and skipped. */
export function tokenize(text: string): LexResult {
  const result = nnLexer().tokenize(text);
  return { tokens: result.tokens, errors: result.errors.map((e) => ({ offset: e.offset, length: e.length })) };
}
