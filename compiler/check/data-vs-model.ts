// The data against the model, before anything runs: feature counts against the input size, the
// loss against the output layer, and the labels (columns, classes, text or numbers) against both.
import type { DataShape } from '../program.js';
import type { Span } from '../../base/source.js';
import type { CheckContext, CompileInfo, DataUse, DatasetInfo, ModelInfo } from './context.js';
import { finalActivation } from './models.js';
import { shapeText } from '../layers.js';

/** Feature dimensions already reported per model: one mismatch is one diagnostic. */
const reported = new WeakMap<ModelInfo, Set<number>>();
/** Dataset and loss pairs whose labels were checked per model. */
const labelsChecked = new WeakMap<ModelInfo, Set<string>>();

/**
 * The dataset's feature count against the model's input size. When the size is declared and this
 * is the model's first data, the declaration is what is pointed at (`input_dim=9`); otherwise the
 * dataset argument of the statement.
 */
export function checkFeatures(ctx: CheckContext, model: ModelInfo, dataset: DatasetInfo | null, span: Span, firstUse: DataUse | undefined): void {
  if (model.poisoned || model.inputDim === null || !model.inputShape || !model.inputOrigin || !dataset?.shape || dataset.poisoned) return;
  if (!checkSequenceData(ctx, model, dataset, span)) return;
  const found = dataset.shape.featureDim;
  const expected = model.inputDim;
  // a sample is read in row-major order: any shape with as many values takes it (64 columns as (8, 8, 1))
  if (found === expected) return;
  let seen = reported.get(model);
  if (!seen) reported.set(model, (seen = new Set()));
  if (seen.has(found)) return;
  seen.add(found);

  const origin = model.inputOrigin;
  const isFirstUse = firstUse !== undefined && firstUse.dataSpan.offset === span.offset;
  const dataShape = dataset.shape.featureShape;
  if (model.inputShape.length > 1 || dataShape.length > 1) {
    const at = origin.kind === 'declared' && isFirstUse ? origin.span : span;
    const help =
      origin.kind === 'declared' && isFirstUse
        ? `dataset '${dataset.name}' (line ${dataset.ident.span.line}) gives samples of ${found} values: declare an input of that size, such as Input(${shapeText(imageGuess(dataShape))}), or use data with ${expected} values per sample`
        : `the model's input shape ${shapeText(model.inputShape)} is ${origin.kind === 'declared' ? `declared at line ${origin.span.line}` : `taken from dataset '${origin.dataset}' at line ${origin.span.line}`}; use data with ${expected} values per sample`;
    ctx.report('NNC3018', at, { model: model.name, expected: shapeText(model.inputShape), expectedSize: expected, dataset: dataset.name, found: shapeText(dataShape), foundSize: found, help });
    return;
  }
  const columns = `${found} feature column${found === 1 ? '' : 's'}`;
  if (origin.kind === 'declared' && isFirstUse) {
    const help = `dataset '${dataset.name}' (line ${dataset.ident.span.line}) has ${columns}: declare input_dim=${found}, or select ${expected} feature columns`;
    ctx.report('NNC3002', origin.span, { model: model.name, expected, dataset: dataset.name, found, help });
    return;
  }
  const from =
    origin.kind === 'declared'
      ? `declared at line ${origin.span.line}`
      : `taken from dataset '${origin.dataset}' at line ${origin.span.line}`;
  const help = `the model's input size ${expected} is ${from}; use data with ${expected} feature columns`;
  ctx.report('NNC3002', span, { model: model.name, expected, dataset: dataset.name, found, help });
}

/** A shape for `shape`'s values: itself when it is an image, else a square one-channel image when the size is a square. */
function imageGuess(shape: number[]): number[] {
  if (shape.length > 1) return shape;
  const side = Math.round(Math.sqrt(shape[0]!));
  return side * side === shape[0] ? [side, side, 1] : shape;
}

/**
 * The loss against the output layer, at compile: binary_crossentropy on a softmax over several
 * units, a categorical loss on one unit. Returns false when it reported an error (the label
 * checks that would follow from it are then skipped).
 */
export function checkLossAgainstModel(ctx: CheckContext, model: ModelInfo, compile: CompileInfo): boolean {
  const loss = compile.loss;
  const units = model.outputDim;
  if (!loss || units === null || model.poisoned) return true;
  const activation = finalActivation(model);
  if (loss.name === 'binary_crossentropy') {
    if (units > 1 && activation?.name === 'softmax') {
      ctx.report('NNC3003', loss.span, {
        loss: 'binary_crossentropy',
        needs: 'one sigmoid unit per label column',
        model: model.name,
        units,
        help: `for ${units} classes use loss="sparse_categorical_crossentropy" (class labels) or "categorical_crossentropy" (one-hot labels)`,
      });
      return false;
    }
    if (activation && activation.name !== 'sigmoid' && activation.name !== 'softmax') {
      ctx.report('NNC3015', loss.span, { loss: 'binary_crossentropy', activation: activation.name, expected: 'sigmoid' });
    }
  }
  if (loss.name === 'categorical_crossentropy' || loss.name === 'sparse_categorical_crossentropy') {
    if (units === 1) {
      ctx.report('NNC3003', loss.span, {
        loss: loss.name,
        needs: 'one output unit per class',
        model: model.name,
        units,
        help: 'for two classes use Dense(1, activation="sigmoid") with loss="binary_crossentropy"; for K classes end in Dense(K, activation="softmax")',
      });
      return false;
    }
    if (activation && activation.name !== 'softmax' && activation.name !== 'sigmoid') {
      ctx.report('NNC3015', loss.span, { loss: loss.name, activation: activation.name, expected: 'softmax' });
    }
  }
  return true;
}

function showClasses(classes: string[], text: boolean): string {
  const shown = classes.slice(0, 5).map((c) => (text ? `'${c}'` : c));
  return shown.join(', ') + (classes.length > 5 ? ', ...' : '');
}

/** The labels of a dataset against the model's output and loss (for fit and evaluate). */
export function checkLabels(ctx: CheckContext, model: ModelInfo, compile: CompileInfo | null, dataset: DatasetInfo | null, span: Span, statement: string): void {
  const loss = compile?.loss;
  const units = model.outputDim;
  if (!loss || units === null || model.poisoned || !dataset?.shape || dataset.poisoned) return;
  const shape: DataShape = dataset.shape;
  const name = dataset.name;
  // The same labels against the same loss and model give the same answer: report it once.
  let checked = labelsChecked.get(model);
  if (!checked) labelsChecked.set(model, (checked = new Set()));
  const key = `${name}\u0000${loss.name}`;
  if (checked.has(key)) return;
  checked.add(key);
  if (shape.labelColumns === 0) {
    ctx.report('NNC3009', span, { dataset: name, statement });
    return;
  }
  const columnsMismatch = (help: string) =>
    ctx.report('NNC3007', span, { dataset: name, columns: shape.labelColumns, model: model.name, units, help });

  switch (loss.name) {
    case 'mse':
    case 'mae':
    case 'huber':
      if (shape.stringLabels) {
        ctx.report('NNC3005', span, { dataset: name, example: shape.classes?.[0] ?? '?', loss: loss.name });
      } else if (shape.labelColumns !== units) {
        const classes = shape.labelColumns === 1 && units > 1 && shape.classes !== null;
        columnsMismatch(
          classes
            ? 'the labels look like classes: use loss="sparse_categorical_crossentropy" with a softmax output'
            : `give the last Dense layer ${shape.labelColumns} unit${shape.labelColumns === 1 ? '' : 's'}, one per label column`,
        );
      }
      return;
    case 'binary_crossentropy': {
      if (shape.labelColumns !== units) {
        columnsMismatch('binary_crossentropy takes one sigmoid unit per label column');
        return;
      }
      const classes = shape.classes;
      if (shape.labelColumns !== 1 || !classes) return;
      const binary = shape.stringLabels ? classes.length === 2 : classes.every((c) => Number(c) === 0 || Number(c) === 1);
      if (!binary) {
        const k = classes.length;
        ctx.report('NNC3004', span, {
          dataset: name,
          classes: showClasses(classes, shape.stringLabels),
          count: k,
          model: model.name,
          loss: loss.name,
          expects: shape.stringLabels ? 'two classes' : 'labels 0 and 1',
          help: `for ${k} classes end the model in Dense(${k}, activation="softmax") and use loss="sparse_categorical_crossentropy"`,
        });
      }
      return;
    }
    case 'categorical_crossentropy':
    case 'sparse_categorical_crossentropy': {
      if (units === 1) return; // reported at compile
      if (loss.name === 'categorical_crossentropy' && shape.labelColumns === units) return; // one-hot
      if (shape.labelColumns !== 1) {
        columnsMismatch(
          loss.name === 'categorical_crossentropy'
            ? `categorical_crossentropy takes one-hot labels (${units} columns) or one class column`
            : 'sparse_categorical_crossentropy takes one column of class labels; for one-hot labels use categorical_crossentropy',
        );
        return;
      }
      const classes = shape.classes;
      if (!classes) {
        ctx.report('NNC3008', span, { dataset: name, loss: loss.name });
        return;
      }
      if (shape.stringLabels) {
        if (classes.length > units) {
          ctx.report('NNC3004', span, {
            dataset: name,
            classes: showClasses(classes, true),
            count: classes.length,
            model: model.name,
            loss: loss.name,
            expects: `${units} classes (one per output unit)`,
            help: `give the last layer one unit per class: Dense(${classes.length}, activation="softmax")`,
          });
        }
        return;
      }
      const outside = classes.find((c) => {
        const v = Number(c);
        return !Number.isInteger(v) || v < 0 || v >= units;
      });
      if (outside !== undefined) ctx.report('NNC3006', span, { dataset: name, label: outside, units });
      return;
    }
  }
}

/** Datasets already held against each model's text input and Embedding: one problem, one diagnostic. */
const sequenceChecked = new WeakMap<ModelInfo, Set<string>>();

/**
 * Text data goes to a model that begins with TextVectorization, and only there; the tokens a
 * model's first Embedding reads directly from the data are whole numbers with a row in its table.
 * False when the data cannot be used (reported).
 */
function checkSequenceData(ctx: CheckContext, model: ModelInfo, dataset: DatasetInfo, span: Span): boolean {
  let seen = sequenceChecked.get(model);
  if (!seen) sequenceChecked.set(model, (seen = new Set()));
  const first = model.layers[0];
  const textModel = first?.kind === 'TextVectorization';
  const textData = dataset.shape?.text === true;
  if (textModel !== textData) {
    if (!seen.has(dataset.name)) {
      seen.add(dataset.name);
      ctx.report(
        'NNC3031',
        span,
        textData
          ? { message: `dataset '${dataset.name}' holds texts, but model '${model.name}' does not begin with TextVectorization`, help: 'begin the model with TextVectorization(max_tokens=10000, output_sequence_length=200) and an Embedding, which turn each text into numbers' }
          : { message: `model '${model.name}' begins with TextVectorization, which reads texts, but dataset '${dataset.name}' holds numbers`, help: 'give it text data (text("folder/"), or csv(..., text=COLUMN)), or remove the TextVectorization layer' },
      );
    }
    return false;
  }
  if (first?.kind !== 'Embedding' || !first.table || seen.has(dataset.name)) return true;
  const table = ctx.options.store?.get(dataset.name);
  if (!table || table.stream) return true;
  const rows = first.table.rows;
  const x = table.features;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (Number.isInteger(v) && v >= 0 && v < rows) continue;
    seen.add(dataset.name);
    let largest = -Infinity;
    for (let k = 0; k < x.length; k++) largest = Math.max(largest, x[k]!);
    const whole = Number.isInteger(largest) && x.every((t) => Number.isInteger(t) && t >= 0);
    ctx.report('NNC3034', span, { dataset: dataset.name, token: String(v), row: Math.floor(i / table.featureDim) + 1, rows, model: model.name, largest: whole ? largest : null });
    return false;
  }
  return true;
}
