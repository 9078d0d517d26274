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

/** The class of each row, or null for a model that is not a classifier. */
export function predictedClasses(model: Model, values: Float32Array, classes: string[] | null): Array<string | number> | null {
  const act = outputActivation(model);
  const k = model.outputDim;
  const rows = values.length / k;
  const name = (index: number): string | number => (classes && classes[index] !== undefined ? classes[index]! : index);
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

export function predictionColumns(model: Model, classes: string[] | null): string[] {
  const act = outputActivation(model);
  const k = model.outputDim;
  if (act === 'sigmoid' && k === 1) return ['probability', 'class'];
  if (act === 'softmax' && k > 1) return [...Array.from({ length: k }, (_, j) => `p(${classes?.[j] ?? j})`), 'class'];
  return k === 1 ? ['output'] : Array.from({ length: k }, (_, j) => `output_${j}`);
}

export function formatPredictionsCsv(model: Model, values: Float32Array, classes: Array<string | number> | null, classNames: string[] | null): string {
  const k = model.outputDim;
  const rows = values.length / k;
  const lines = [predictionColumns(model, classNames).map(csvCell).join(',')];
  for (let r = 0; r < rows; r++) {
    const cells: Array<string | number> = Array.from(values.subarray(r * k, (r + 1) * k));
    if (classes) cells.push(classes[r]!);
    lines.push(cells.map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}
