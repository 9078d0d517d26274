// predict's output as a user gets it: the output values and, for classifiers, the predicted class
// (p > 0.5 for a sigmoid unit, the argmax for softmax), named by the original label when the
// labels were strings.
import type { Activation, Model } from '../compiler/program.js';

/** The activation the model's output passes through last (Dropout and Normalization pass values on). */
export function outputActivation(model: Model): Activation['name'] {
  for (let i = model.layers.length - 1; i >= 0; i--) {
    const l = model.layers[i]!;
    if (l.kind === 'Dense' || l.kind === 'Activation') {
      if (l.activation.name !== 'linear' || l.kind === 'Dense') return l.activation.name;
    }
  }
  return 'linear';
}

/** What predict gives back: the output values and, for a classifier, the class of each row. */
export interface Predictions {
  rows: number;
  /** Output units per row (the model's last layer). */
  units: number;
  /** rows x units, row-major. */
  values: Float32Array;
  /** The CSV's columns: `probability,class`, `p(LABEL)...,class`, `output` or `output_0...`. */
  columns: string[];
  /**
   * The predicted class of each row: 0/1 for one sigmoid unit (p > 0.5), the argmax for softmax,
   * the original label when the labels were strings; null when the model is not a classifier.
   */
  classes: Array<string | number> | null;
}

/** The class of each row, or null for a model that is not a classifier. */
export function predictedClasses(model: Model, values: Float32Array, labels: string[] | null): Array<string | number> | null {
  const act = outputActivation(model);
  const k = model.outputDim;
  const rows = values.length / k;
  const name = (index: number): string | number => (labels && labels[index] !== undefined ? labels[index]! : index);
  if (act === 'sigmoid' && k === 1) return Array.from({ length: rows }, (_, r) => name(values[r]! > 0.5 ? 1 : 0));
  if (act === 'softmax' && k > 1) {
    return Array.from({ length: rows }, (_, r) => {
      let best = 0;
      for (let j = 1; j < k; j++) if (values[r * k + j]! > values[r * k + best]!) best = j;
      return name(best);
    });
  }
  return null;
}

/** `labels`: the class names when the labels were strings (iris), else null (classes are numbers). */
export function makePredictions(model: Model, values: Float32Array, labels: string[] | null): Predictions {
  const units = model.outputDim;
  return { rows: values.length / units, units, values, columns: predictionColumns(model, labels), classes: predictedClasses(model, values, labels) };
}

function csvCell(v: string | number): string {
  const s = typeof v === 'number' ? formatNumber(v) : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Shortest text that reads back as the same float32. */
function formatNumber(v: number): string {
  for (let p = 6; p <= 9; p++) {
    const s = Number(v.toPrecision(p)).toString();
    if (Math.fround(Number(s)) === v) return s;
  }
  return String(v);
}

export function predictionColumns(model: Model, labels: string[] | null): string[] {
  const act = outputActivation(model);
  const k = model.outputDim;
  if (act === 'sigmoid' && k === 1) return ['probability', 'class'];
  if (act === 'softmax' && k > 1) return [...Array.from({ length: k }, (_, j) => `p(${labels?.[j] ?? j})`), 'class'];
  return k === 1 ? ['output'] : Array.from({ length: k }, (_, j) => `output_${j}`);
}

/** The predictions as CSV: a header row, then one row per input row (at most `limit` rows). */
export function formatPredictionsCsv(p: Predictions, limit = p.rows): string {
  const k = p.units;
  const lines = [p.columns.map(csvCell).join(',')];
  for (let r = 0; r < Math.min(limit, p.rows); r++) {
    const cells: Array<string | number> = Array.from(p.values.subarray(r * k, (r + 1) * k));
    if (p.classes) cells.push(p.classes[r]!);
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}
