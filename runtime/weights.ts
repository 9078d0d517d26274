// What a run writes besides the tensors' bytes, in the formats docs/data.md gives: a weights file's
// tensor shapes (as Keras shapes them) and metadata (the format, the model, the class names of text
// labels), and evaluate's JSON. No file system here: the web runtime uses these too.
import { fail } from '../base/diagnostics/diagnostic.js';
import type { Span } from '../base/source.js';
import type { Model } from '../compiler/program.js';

/**
 * A tensor's shape in a weights file, as Keras shapes it (docs/data.md): kernels [inputs, units],
 * vectors (biases, Normalization's mean and variance) one-dimensional, [units].
 */
export function fileShape(name: string, shape: number[]): number[] {
  return shape.length === 2 && shape[0] === 1 && !name.endsWith('/kernel') ? [shape[1]!] : shape;
}

/**
 * The metadata of a weights file (docs/data.md): `format`, the model's name, and what the model
 * learned from its data besides the tensors: `classes`, the class names of text labels as a JSON
 * list, so that a program that loads the weights names its predictions as the trained one did.
 * (Normalization's mean and variance are tensors of the file.)
 */
export function weightsMetadata(model: string, classes: string[] | null): Record<string, string> {
  return { format: 'nnc', model, ...(classes ? { classes: JSON.stringify(classes) } : {}) };
}

/** The class names a weights file records (null when none); NNC5004 when they cannot be this model's. */
export function classesOf(metadata: Record<string, string>, model: Model, path: string, span: Span | undefined): string[] | null {
  const text = metadata.classes;
  if (text === undefined) return null;
  let classes: unknown;
  try {
    classes = JSON.parse(text);
  } catch {
    classes = null;
  }
  if (!Array.isArray(classes) || classes.length === 0 || !classes.every((c) => typeof c === 'string')) {
    return fail('NNC5004', span, { path, detail: 'its metadata "classes" is not a list of class names' });
  }
  const most = model.outputDim === 1 ? 2 : model.outputDim;
  if (classes.length > most) fail('NNC5004', span, { path, detail: `it names ${classes.length} classes, but the model has ${model.outputDim} output${model.outputDim === 1 ? '' : 's'}` });
  return classes as string[];
}


/** evaluate's JSON: what was evaluated on how many rows, then the loss and metrics. */
export function evaluationJson(model: string, data: string, rows: number, logs: Record<string, number>): string {
  const sorted = Object.fromEntries(Object.keys(logs).sort().map((k) => [k, logs[k]]));
  return JSON.stringify({ model, data, rows, ...sorted }, null, 2) + '\n';
}
