// Data handed over as arrays (the library's and the web API's x and y): made into a table, and
// checked against the model as `nnc check` checks a data file.
import type { CompileConfig } from '../compiler/driver.js';
import { fail } from '../base/diagnostics/diagnostic.js';
import type { Model } from '../compiler/program.js';
import { numericClasses, stringClasses, type Table } from '../base/data/dataset.js';
import { vectorizerOf } from './text-data.js';

/** Data given from TypeScript: one row of features per sample, and the labels when there are any. */
export interface ArrayData {
  /** Rows of features: number[][], or one flat array of rows x inputs values. */
  x: ArrayLike<number>[] | Float32Array | number[];
  /** One label per row (numbers, or strings: classes numbered in sorted order), or rows of label values. */
  y?: ArrayLike<number | string> | ArrayLike<number>[];
}

/** A table from arrays. `inputs`: features per row, for a flat `x`. */
export function tableFromArrays(data: ArrayData, inputs: number, model: string): Table {
  const bad = (detail: string): never => fail('NNC5008', undefined, { model, detail });
  let rows: number;
  let featureDim: number;
  let features: Float32Array;
  const x = data.x;
  if (x.length > 0 && typeof x[0] !== 'number') {
    const nested = x as ArrayLike<number>[];
    rows = nested.length;
    featureDim = nested[0]!.length;
    features = new Float32Array(rows * featureDim);
    for (let r = 0; r < rows; r++) {
      const row = nested[r]!;
      if (row.length !== featureDim) bad(`row ${r} of x has ${row.length} values, row 0 has ${featureDim}`);
      for (let c = 0; c < featureDim; c++) features[r * featureDim + c] = Number(row[c]);
    }
  } else {
    const flat = x as ArrayLike<number>;
    if (flat.length % inputs !== 0) bad(`a flat x of ${flat.length} values is not a whole number of rows of ${inputs}`);
    rows = flat.length / inputs;
    featureDim = inputs;
    features = Float32Array.from(flat);
  }
  if (rows === 0) bad('x has no rows');
  if (features.some((v) => !Number.isFinite(v))) bad('x holds a value that is not a finite number');
  const table: Table = { rows, featureDim, features, labelColumns: 0, labels: new Float32Array(0), classes: null, stringLabels: false, featureNames: null, labelNames: null };
  const y = data.y;
  if (y === undefined) return table;
  if (y.length !== rows) bad(`x has ${rows} rows but y has ${y.length}`);
  const first = y[0];
  if (typeof first === 'string') {
    const { values, classes } = stringClasses(Array.from(y as ArrayLike<string>, (v) => String(v)));
    return { ...table, labelColumns: 1, labels: values, classes, stringLabels: true };
  }
  if (typeof first === 'number') {
    const labels = Float32Array.from(y as ArrayLike<number>);
    if (labels.some((v) => !Number.isFinite(v))) bad('y holds a value that is not a finite number');
    return { ...table, labelColumns: 1, labels, classes: numericClasses(labels) };
  }
  const nested = y as ArrayLike<number>[];
  const cols = nested[0]!.length;
  const labels = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    if (nested[r]!.length !== cols) bad(`row ${r} of y has ${nested[r]!.length} values, row 0 has ${cols}`);
    for (let c = 0; c < cols; c++) labels[r * cols + c] = Number(nested[r]![c]);
  }
  return { ...table, labelColumns: cols, labels };
}

/**
 * The checks `nnc check` makes of a dataset against a model, for data the library is given:
 * features against the inputs, and (for fit and evaluate) labels against the output and the loss.
 */
export function checkDataForModel(table: Table, model: Model, config: CompileConfig | null, needsLabels: boolean): void {
  const bad = (detail: string): never => fail('NNC5008', undefined, { model: model.name, detail });
  if (vectorizerOf(model) && !table.texts) bad('it begins with TextVectorization, which reads texts; from TypeScript, declare a text dataset in the program (text("folder/") or csv(..., text=COLUMN)) and fit on it');
  if (table.featureDim !== model.inputDim) bad(`it has ${table.featureDim} feature${table.featureDim === 1 ? '' : 's'} per row; the model takes ${model.inputDim}`);
  if (!needsLabels || !config) return;
  if (table.labelColumns === 0) bad('there are no labels (y), which fit and evaluate need');
  // A streamed file's labels were checked by the checker's pass (classes); its values are not held here.
  const values: Iterable<number> = table.stream ? [] : table.labels;
  const units = model.outputDim;
  const loss = config.loss.name;
  const classIndices = () => {
    if (table.labelColumns !== 1) bad(`${loss} takes one column of class labels, not ${table.labelColumns}`);
    if (table.stringLabels) {
      if ((table.classes?.length ?? 0) > units) bad(`the labels have ${table.classes!.length} classes; the model has ${units} outputs`);
      return;
    }
    for (const v of values) if (!Number.isInteger(v) || v < 0 || v >= units) bad(`label ${v} is not a class from 0 to ${units - 1}`);
  };
  switch (loss) {
    case 'sparse_categorical_crossentropy':
      return classIndices();
    case 'categorical_crossentropy':
      if (table.labelColumns === units && units > 1) return;
      return classIndices();
    case 'binary_crossentropy':
      if (table.labelColumns !== units) bad(`binary_crossentropy takes ${units} label column${units === 1 ? '' : 's'} (one per output), not ${table.labelColumns}`);
      if (table.stringLabels && (table.classes?.length ?? 0) > 2) bad(`binary_crossentropy takes two classes; the labels have ${table.classes!.length}`);
      // targets are probabilities: 0 and 1 (or values between), as the checker's NNC3004 requires of files
      for (const v of values) if (!(v >= 0 && v <= 1)) bad(`binary_crossentropy takes labels from 0 to 1, not ${v}`);
      return;
    default:
      if (table.stringLabels) bad(`${loss} needs numbers as labels, not text such as '${table.classes?.[0]}'`);
      if (table.labelColumns !== units) bad(`it has ${table.labelColumns} label column${table.labelColumns === 1 ? '' : 's'}; the model has ${units} output${units === 1 ? '' : 's'}`);
  }
}
