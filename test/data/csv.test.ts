import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../base/source.js';
import { classifyNonNumber, parseCsv, parseDecimalText } from '../../base/data/csv.js';
import { expectCode } from './helpers.js';

const parse = (text: string, delimiter = ',') => parseCsv(new SourceFile('t.csv', text), { delimiter });

function cells(text: string, delimiter = ','): string[][] {
  const csv = parse(text, delimiter);
  return Array.from({ length: csv.rowCount }, (_, r) => Array.from({ length: csv.columnCount }, (_, c) => csv.cell(r, c)));
}

describe('parseCsv', () => {
  it('splits rows and cells, LF and CRLF alike', () => {
    expect(cells('1,2,3\n4,5,6\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(cells('1,2,3\r\n4,5,6\r\n')).toEqual(cells('1,2,3\n4,5,6\n'));
    expect(cells('1,2,3\r\n4,5,6')).toEqual(cells('1,2,3\n4,5,6\n')); // no final line break
    const crlf = parse('1,2,3\r\n4,5,6\r\n');
    expect(Array.from(crlf.values)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('skips a byte order mark, and empty or blank lines anywhere', () => {
    const csv = parse('\ufeff\n  \n1,2\n\n \t \r\n3,4\n\n');
    expect(csv.rowCount).toBe(2);
    expect(csv.cell(0, 0)).toBe('1');
    expect(Array.from(csv.values)).toEqual([1, 2, 3, 4]);
    expect(csv.rowSpan(1)).toMatchObject({ line: 6, col: 1, endLine: 6, endCol: 4 });
  });

  it('trims cells, but not of the delimiter itself', () => {
    expect(cells('  1 ,\t2\t, x y \n')).toEqual([['1', '2', 'x y']]);
    expect(cells('1\t\t3\n', '\t')).toEqual([['1', '', '3']]);
    expect(cells(' a ; b \n', ';')).toEqual([['a', 'b']]);
  });

  it('reads quoted cells: delimiters, doubled quotes and line breaks inside, spaces outside', () => {
    const text = '"a,b", "say ""hi""" ,"3"\n"two\nlines",x,"4.5"\n';
    expect(cells(text)).toEqual([
      ['a,b', 'say "hi"', '3'],
      ['two\nlines', 'x', '4.5'],
    ]);
    const csv = parse(text);
    expect(csv.rowCount).toBe(2);
    expect(csv.value(0, 2)).toBe(3); // a quoted number is a number
    expect(csv.value(1, 2)).toBe(4.5);
    expect(Number.isNaN(csv.value(0, 0))).toBe(true);
    // Spans of quoted cells include the quotes; the second row starts on line 2.
    expect(csv.cellSpan(0, 1)).toMatchObject({ line: 1, col: 8, endCol: 20 });
    expect(csv.cellSpan(1, 1)).toMatchObject({ line: 3, col: 8, endCol: 9 });
  });

  it('keeps a quote that does not start a cell as an ordinary character', () => {
    expect(cells('5" pipe,2\n')).toEqual([['5" pipe', '2']]);
  });

  it('reads numbers into a float32 grid: NaN for non-numbers, infinity beyond float32', () => {
    const csv = parse('1.5,-2,+3,.5,7.,1e3,-2.5E-2, 42 ,x,,nan,1e39,0x10\n');
    const v = Array.from(csv.values);
    expect(v.slice(0, 8)).toEqual([1.5, -2, 3, 0.5, 7, 1000, Math.fround(-0.025), 42]);
    expect(v.slice(8, 11).every(Number.isNaN)).toBe(true);
    expect(v[11]).toBe(Infinity);
    expect(Number.isNaN(v[12])).toBe(true);
  });

  it('rounds long and tiny decimals exactly as Number() then float32 does', () => {
    const samples = ['0.1', '0.2', '0.30000000000000004', '123456789012345678', '3.4028235e38', '1.17549435e-38', '-0.000001234567890123', '9007199254740993', '2.2250738585072014e-308', '4.9e-324', '1e-45'];
    for (let i = 0; i < 2000; i++) {
      // Random decimals with 1 to 20 digits and a point somewhere.
      const digits = 1 + (i % 20);
      let s = '';
      for (let k = 0; k < digits; k++) s += String((i * 7919 + k * 104729) % 10);
      const point = (i * 31) % (digits + 1);
      samples.push((i % 3 === 0 ? '-' : '') + s.slice(0, point) + '.' + s.slice(point) + (i % 5 === 0 ? `e${(i % 40) - 20}` : ''));
    }
    const csv = parse(samples.join(',') + '\n');
    samples.forEach((s, c) => expect(csv.value(0, c), s).toBe(Math.fround(Number(s))));
  });

  it('rejects a row with a different number of cells (NNC4003), pointing at the row', () => {
    const err = expectCode(() => parse('a,b,c\n1,2,3\n\n4,5\n'), 'NNC4003');
    expect(err.diagnostics[0]!.message).toBe('this row has 2 columns, but the first row has 3');
    expect(err.diagnostics[0]!.span).toMatchObject({ file: 't.csv', line: 4, col: 1, endLine: 4, endCol: 4 });
    expectCode(() => parse('1,2\n3,4,\n'), 'NNC4003'); // a trailing comma is one more (empty) cell
  });

  it('rejects a missing closing quote and text after one (NNC4010)', () => {
    const missing = expectCode(() => parse('1,2\n3,"4\n5,6\n'), 'NNC4010');
    expect(missing.diagnostics[0]!.message).toBe('malformed quoted value: the closing quote is missing');
    expect(missing.diagnostics[0]!.span).toMatchObject({ line: 2, col: 3, endLine: 2, endCol: 5 });
    const after = expectCode(() => parse('"3"x,1\n'), 'NNC4010');
    expect(after.diagnostics[0]!.span).toMatchObject({ line: 1, col: 4, endCol: 5 });
  });

  it('handles an empty file and a file of blank lines', () => {
    expect(parse('').rowCount).toBe(0);
    expect(parse('\n \n\r\n').rowCount).toBe(0);
  });

  it('parses non-ASCII text with the right columns', () => {
    const csv = parse('é,ü,1\nß,"ø,å",2\n');
    expect(csv.cell(1, 1)).toBe('ø,å');
    expect(csv.value(1, 2)).toBe(2);
    expect(csv.cellSpan(1, 2)).toMatchObject({ line: 2, col: 9 });
  });
});

describe('parseDecimalText and classifyNonNumber', () => {
  it('accept exactly the decimal grammar', () => {
    for (const ok of ['0', '-0', '+1', '1.', '.5', '1e5', '1E+5', '1e-5', '00012', '-.5e1']) {
      expect(parseDecimalText(ok), ok).toBe(Number(ok));
    }
    for (const bad of ['', '-', '+', '.', '1e', 'e5', '1e+', '0x10', 'nan', 'inf', 'Infinity', '1,0', '1 2', '--1', '+-1', '1.2.3', '1_000']) {
      expect(Number.isNaN(parseDecimalText(bad)), bad).toBe(true);
    }
  });

  it('tell missing, non-finite and text cells apart', () => {
    expect(classifyNonNumber('')).toBe('empty');
    expect(classifyNonNumber('  ')).toBe('empty');
    for (const s of ['nan', 'NaN', 'NAN', 'inf', '-inf', '+Inf', 'Infinity', '-Infinity']) expect(classifyNonNumber(s), s).toBe('non-finite');
    for (const s of ['abc', 'Iris-setosa', 'infinite', 'nana']) expect(classifyNonNumber(s), s).toBe('text');
  });
});
