// The playground editor's colours: .nn text as HTML, each token in a span of its class (the
// compiler's own lexer finds them, so the colours agree with what the parser sees), comments from
// the gaps between tokens, and the spans of diagnostics underlined. No DOM here: tested in Node.
import type { Diagnostic } from '../../base/diagnostics/diagnostic.js';
import { tokenize } from '../../grammar/lexer.js';

/** CSS class of each token kind (by chevrotain token name); others are punctuation. */
const CLASSES: Record<string, string> = {
  Dataset: 'kw',
  Model: 'kw',
  Compile: 'kw',
  Fit: 'kw',
  Evaluate: 'kw',
  Predict: 'kw',
  Save: 'kw',
  Load: 'kw',
  Summary: 'kw',
  True: 'lit',
  False: 'lit',
  NumberLiteral: 'num',
  DoubleQuoted: 'str',
  SingleQuoted: 'str',
  UnterminatedString: 'str',
  Arrow: 'op',
  BackArrow: 'op',
};

const NONE = 0;
const codes = ['', 'kw', 'lit', 'num', 'str', 'op', 'name', 'call', 'com', 'punct'];
const code = (cls: string) => codes.indexOf(cls);

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The text as HTML: `<span class="kw">model</span> ...`; characters inside an error's span also
 * get `err` (a warning's `warn`). The result has the text's characters exactly (escaped), so it
 * lines up with the textarea it sits under.
 */
export function highlight(text: string, diagnostics: readonly Diagnostic[] = [], file?: string): string {
  const cls = new Uint8Array(text.length);
  const mark = new Uint8Array(text.length); // 1 warning, 2 error
  const { tokens } = tokenize(text);
  let at = 0;
  const gap = (from: number, to: number) => {
    // a comment runs from # to the end of its line
    for (let i = from; i < to; i++) {
      if (text[i] === '#') {
        while (i < to && text[i] !== '\n') cls[i++] = code('com');
      }
    }
  };
  tokens.forEach((t, n) => {
    gap(at, t.startOffset);
    const name = t.tokenType.name;
    let c = CLASSES[name];
    if (!c && name === 'Identifier') c = tokens[n + 1]?.tokenType.name === 'LParen' ? 'call' : /^[A-Z]/.test(t.image) ? 'call' : 'name';
    cls.fill(code(c ?? 'punct'), t.startOffset, t.startOffset + t.image.length);
    at = t.startOffset + t.image.length;
  });
  gap(at, text.length);
  for (const d of diagnostics) {
    if (!d.span || (file !== undefined && d.span.file !== file)) continue;
    // an empty span (the end of the file) marks the character before it
    const start = Math.min(d.span.offset, Math.max(0, text.length - 1));
    const end = Math.max(d.span.endOffset, start + 1);
    const level = d.severity === 'error' ? 2 : 1;
    for (let i = start; i < Math.min(end, text.length); i++) if (text[i] !== '\n') mark[i] = Math.max(mark[i]!, level);
  }
  let html = '';
  let i = 0;
  while (i < text.length) {
    let j = i + 1;
    while (j < text.length && cls[j] === cls[i] && mark[j] === mark[i] && text[j] !== '\n' && text[i] !== '\n') j++;
    const names = [codes[cls[i]!], mark[i] === 2 ? 'err' : mark[i] === 1 ? 'warn' : ''].filter(Boolean).join(' ');
    const chunk = escapeHtml(text.slice(i, j));
    html += cls[i] === NONE && mark[i] === 0 ? chunk : `<span class="${names}">${chunk}</span>`;
    i = j;
  }
  // a final newline needs something after it, or the <pre> is a line shorter than the textarea
  return html + (text.endsWith('\n') || text === '' ? ' ' : '');
}

/** 1-based lines with an error (2) or only warnings (1), for the gutter. */
export function markedLines(diagnostics: readonly Diagnostic[], file?: string): Map<number, number> {
  const lines = new Map<number, number>();
  for (const d of diagnostics) {
    if (!d.span || (file !== undefined && d.span.file !== file)) continue;
    const level = d.severity === 'error' ? 2 : 1;
    lines.set(d.span.line, Math.max(lines.get(d.span.line) ?? 0, level));
  }
  return lines;
}
