// From a parsed CSV grid to what a table holds: which columns the program's selectors name, whether
// the first row is a header, each feature cell as a finite float32 (or the diagnostic that says why
// not), and the labels as numbers or classes. Shared by the in-memory loader (dataset.ts) and the
// streamed one (csv-stream.ts), so both read a file the same way.
import { fail } from '../diagnostics/diagnostic.js';
import type { Span } from '../source.js';
import { suggest } from '../suggest.js';
import { classifyNonNumber, type CsvRows } from './csv.js';
import type { ColumnSelector, DatasetSource } from './spec.js';

/** Integer labels with more distinct values than this are a regression target, not classes. */
export const MAX_CLASSES = 256;

const isEverythingElse = (s: ColumnSelector) => s.kind === 'list' && s.items.length === 0;

export interface ColumnChoice {
  featureColumns: number[];
  labelColumns: number[];
  /** Whether row 0 is a header (resolved from 'auto'). */
  header: boolean;
}

/** The columns of the source's selectors, resolved against the first rows of the file. */
export function chooseColumns(csv: CsvRows, source: Extract<DatasetSource, { kind: 'csv' }>, span: Span): ColumnChoice {
  const columns = csv.columnCount;
  // Names resolve against the first row, which 'auto' then takes as the header.
  const usesNames = selectsByName(source.features) || selectsByName(source.labels) || (source.text !== undefined && selectsByName(source.text));
  const names = source.header === false ? null : Array.from({ length: columns }, (_, c) => csv.cell(0, c));
  const resolveColumns = (s: ColumnSelector) => resolveSelector(s, columns, names);
  if (source.text) return textColumns(csv, source, resolveColumns, usesNames);

  let featureColumns: number[];
  let labelColumns: number[];
  if (isEverythingElse(source.features)) {
    labelColumns = resolveColumns(source.labels);
    const used = new Set(labelColumns);
    featureColumns = [];
    for (let c = 0; c < columns; c++) if (!used.has(c)) featureColumns.push(c);
    if (featureColumns.length === 0) {
      fail('NNC4012', span, {
        what: 'features (every column not used as a label)',
        help: 'the file has no column left for features; give labels= and features= explicitly',
      });
    }
  } else {
    featureColumns = resolveColumns(source.features);
    labelColumns = resolveColumns(source.labels);
  }
  const header = source.header === 'auto' ? usesNames || looksLikeHeader(csv, featureColumns) : source.header;
  return { featureColumns, labelColumns, header };
}

/**
 * text=: one column of text and the label columns. "auto" takes the first row as a header when a
 * selector names columns by their header, or when the labels are numbers below a first row whose
 * label is not (text cells alone cannot tell a header from a text).
 */
function textColumns(csv: CsvRows, source: Extract<DatasetSource, { kind: 'csv' }>, resolveColumns: (s: ColumnSelector) => number[], usesNames: boolean): ColumnChoice {
  const text = resolveColumns(source.text!);
  if (text.length !== 1) fail('NNC4033', source.text!.span, { column: describeColumns(text, csv), reason: `selects ${text.length} columns, not one` });
  const labelColumns = resolveColumns(source.labels);
  if (labelColumns.includes(text[0]!)) fail('NNC4033', source.text!.span, { column: describeColumns(text, csv), reason: 'is also a label column' });
  const labelIsNumber = (r: number) => labelColumns.length > 0 && labelColumns.every((c) => !Number.isNaN(csv.value(r, c)));
  const header = source.header === 'auto' ? usesNames || (csv.rowCount > 1 && !labelIsNumber(0) && labelIsNumber(1)) : source.header;
  return { featureColumns: text, labelColumns, header };
}

function describeColumns(columns: number[], csv: CsvRows): string {
  return columns.length === 1 ? `${columns[0]} ('${csv.cell(0, columns[0]!)}')` : columns.join(', ');
}

export function selectsByName(s: ColumnSelector): boolean {
  return s.kind === 'name' || (s.kind === 'list' && s.items.some(selectsByName));
}

/** 'auto': the first row is a header when one of its feature cells is written, but not as a number. */
export function looksLikeHeader(csv: CsvRows, featureColumns: number[]): boolean {
  return featureColumns.some((c) => {
    if (!Number.isNaN(csv.value(0, c))) return false;
    return classifyNonNumber(csv.cell(0, c)) === 'text';
  });
}

/** The columns a selector names, in order. */
export function resolveSelector(s: ColumnSelector, columns: number, header: string[] | null): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const add = (c: number, where: Span) => {
    if (seen.has(c)) fail('NNC4011', where, { column: c });
    seen.add(c);
    out.push(c);
  };
  const visit = (sel: ColumnSelector) => {
    switch (sel.kind) {
      case 'index': {
        if (sel.index >= columns || sel.index < -columns) fail('NNC4006', sel.span, { index: sel.index, columns });
        add(sel.index < 0 ? sel.index + columns : sel.index, sel.span);
        break;
      }
      case 'slice': {
        for (const bound of [sel.start, sel.end]) {
          if (bound !== null && (bound > columns || bound < -columns)) fail('NNC4006', sel.span, { index: bound, columns });
        }
        const start = sel.start === null ? 0 : sel.start < 0 ? sel.start + columns : sel.start;
        const end = sel.end === null ? columns : sel.end < 0 ? sel.end + columns : sel.end;
        if (start >= end) {
          fail('NNC4012', sel.span, {
            what: `the slice ${sliceText(sel.start, sel.end)}`,
            help: 'a slice start:end takes the columns from start up to end-1, so start must come before end',
          });
        }
        for (let c = start; c < end; c++) add(c, sel.span);
        break;
      }
      case 'name': {
        if (header === null) fail('NNC4013', sel.span, { name: sel.name });
        const c = header.indexOf(sel.name);
        if (c < 0) {
          const suggestion = suggest(sel.name, header);
          fail('NNC4007', sel.span, suggestion ? { name: sel.name, suggestion } : { name: sel.name });
        }
        add(c, sel.span);
        break;
      }
      case 'list':
        for (const item of sel.items) visit(item);
        break;
    }
  };
  visit(s);
  return out;
}

function sliceText(start: number | null, end: number | null): string {
  return `${start ?? ''}:${end ?? ''}`;
}

/** A cell that is not a finite float32: NNC4008 empty, NNC4005 NaN/infinite, NNC4004 text. */
export function failCell(csv: CsvRows, r: number, c: number, value: number): never {
  const span = csv.cellSpan(r, c);
  const text = csv.cell(r, c);
  if (!Number.isNaN(value)) fail('NNC4005', span, { value: text, column: c }); // a number beyond float32
  switch (classifyNonNumber(text)) {
    case 'empty':
      fail('NNC4008', span, { value: text, column: c });
    case 'non-finite':
      fail('NNC4005', span, { value: text, column: c });
    case 'text':
      fail('NNC4004', span, { value: text, column: c });
  }
}

export function readFeatures(csv: CsvRows, first: number, columns: number[]): Float32Array {
  const dim = columns.length;
  const width = csv.columnCount;
  const values = csv.values;
  const out = new Float32Array((csv.rowCount - first) * dim);
  let k = 0;
  for (let r = first; r < csv.rowCount; r++) {
    const base = r * width;
    for (let j = 0; j < dim; j++) {
      const v = values[base + columns[j]!]!;
      if (v - v !== 0) failCell(csv, r, columns[j]!, v); // NaN (not a number) or infinite
      out[k++] = v;
    }
  }
  return out;
}

export interface Labels {
  values: Float32Array;
  classes: string[] | null;
  stringLabels: boolean;
}

export function readLabels(csv: CsvRows, first: number, columns: number[]): Labels {
  const rows = csv.rowCount - first;
  if (columns.length !== 1) {
    // No labels, or several numeric columns (one-hot or multi-output regression targets).
    return { values: readFeatures(csv, first, columns), classes: null, stringLabels: false };
  }
  const c = columns[0]!;
  const numbers = new Float64Array(rows);
  let strings = false;
  for (let r = first; r < csv.rowCount; r++) {
    const v = csv.value(r, c);
    if (v - v === 0) {
      numbers[r - first] = v;
      continue;
    }
    if (!Number.isNaN(v)) failCell(csv, r, c, v);
    const kind = classifyNonNumber(csv.cell(r, c));
    if (kind !== 'text') failCell(csv, r, c, v); // empty, or NaN/inf: a missing label, not a class
    strings = true;
  }

  if (strings) return { ...stringClasses(Array.from({ length: rows }, (_, i) => csv.cell(i + first, c))), stringLabels: true };
  return { values: Float32Array.from(numbers), classes: numericClasses(numbers), stringLabels: false };
}

/** Class names sorted by code point (as numpy.unique / sklearn's LabelEncoder); each label is its index. */
export function stringClasses(cells: readonly string[]): { values: Float32Array; classes: string[] } {
  const classes = [...new Set(cells)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(classes.map((name, i) => [name, i]));
  return { values: Float32Array.from(cells, (name) => index.get(name)!), classes };
}

/**
 * Numeric labels keep their values (Keras takes integer labels as class indices as they are);
 * few distinct integers also give a class list, sorted by value.
 */
export function numericClasses(numbers: ArrayLike<number>): string[] | null {
  const distinct = new Set<number>();
  for (let i = 0; i < numbers.length; i++) {
    const v = numbers[i]!;
    if (!Number.isInteger(v)) return null;
    distinct.add(v);
    if (distinct.size > MAX_CLASSES) return null;
  }
  return [...distinct].sort((a, b) => a - b).map((v) => String(v));
}
