// The playground editor's colours: tokens classed as the lexer sees them, comments, the spans of
// diagnostics marked, and the text itself unchanged (the coloured layer lines up with the textarea).
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../base/source.js';
import { checkSource } from '../../compiler/frontend.js';
import { highlight, markedLines } from '../../web/playground/highlight.js';

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('highlight', () => {
  const program = '# a comment with "quotes" & <tags>\nmodel m = Sequential {\n  Dense(4, input_dim=2, activation="relu")  # trailing\n}\npredict m(d) -> "out.csv"\n';

  it('keeps the text exactly, with one extra space after a final newline', () => {
    expect(text(highlight(program))).toBe(program + ' ');
    expect(text(highlight('dataset d'))).toBe('dataset d');
    expect(highlight('')).toBe(' ');
  });

  it('classes keywords, calls, names, numbers, strings, operators and comments', () => {
    const html = highlight(program);
    expect(html).toContain('<span class="com"># a comment with &quot;quotes&quot; &amp; &lt;tags&gt;</span>'.replace(/&quot;/g, '"'));
    expect(html).toContain('<span class="kw">model</span>');
    expect(html).toContain('<span class="call">Sequential</span>');
    expect(html).toContain('<span class="call">Dense</span>');
    expect(html).toContain('<span class="name">input_dim</span>');
    expect(html).toContain('<span class="num">4</span>');
    expect(html).toContain('<span class="str">"relu"</span>');
    expect(html).toContain('<span class="op">-&gt;</span>');
    expect(html).toContain('<span class="com"># trailing</span>');
  });

  it("marks an error's span and its line; a warning's apart", () => {
    const source = 'model m = Sequential {\n  Dens(4, input_dim=2)\n}\n';
    const { diagnostics } = checkSource(new SourceFile('t.nn', source), { mode: 'check' });
    expect(diagnostics.map((d) => d.code)).toEqual(['NNC2001']);
    expect(highlight(source, diagnostics, 't.nn')).toContain('<span class="call err">Dens</span>');
    expect(markedLines(diagnostics, 't.nn')).toEqual(new Map([[2, 2]]));
    // diagnostics of another file (a CSV row) mark nothing here
    expect(highlight(source, diagnostics, 'other.nn')).not.toContain('err');
  });
});
