// The checker: AST -> Program, or diagnostics. Three passes over the statements:
//   1. names, arguments and order rules, statement by statement; datasets are read here;
//   2. each model's input size (declared, or from the first data it meets) and layer shapes;
//   3. the loss against the output layer, the data against the model, metrics resolved.
// A part that is wrong is reported once and "poisoned": later checks that depend on it stay
// silent, so one mistake gives one diagnostic.
import { DataStore } from '../../base/data/dataset.js';
import type { ProgramAst } from '../ast.js';
import type { Diagnostic } from '../../base/diagnostics/diagnostic.js';
import type { Dataset, Metric, MetricKind, Model, Program, Statement } from '../program.js';
import { splitLeavesBothParts, trainingRows } from '../validation-split.js';
import { labelColumns, labelEncoding } from '../lower-to-graph.js';
import { CheckContext, type CheckOptions, type DataUse, type ModelInfo, type StatementDraft } from './context.js';
import { checkFeatures, checkLabels, checkLossAgainstModel } from './data-vs-model.js';
import { checkDatasetStatement } from './datasets.js';
import { buildModel, checkModelStatement, resolveModelShapes } from './models.js';
import { Names } from './names.js';
import { StatementChecker } from './statements.js';

export type { CheckMode, CheckOptions } from './context.js';

export interface CheckProgramResult {
  /** null when there are errors, or (under `nnc check`) a model's size depends on data not read. */
  program: Program | null;
  diagnostics: Diagnostic[];
}

export function checkProgram(ast: ProgramAst, options: CheckOptions): CheckProgramResult {
  const ctx = new CheckContext(ast.file, { ...options, store: options.store ?? new DataStore() });
  const names = new Names(ctx, ast);
  const statementChecker = new StatementChecker(ctx, names);
  const drafts: StatementDraft[] = [];

  // Pass 1.
  for (const s of ast.statements) {
    ctx.anchor = s.span.offset;
    if (s.kind === 'dataset') checkDatasetStatement(ctx, names, s);
    else if (s.kind === 'model') checkModelStatement(ctx, names, s);
    else {
      const draft = statementChecker.check(s);
      if (draft) drafts.push(draft);
    }
  }
  checkDataOverrides(ctx, names);

  // Pass 2.
  const firstUses = new Map<ModelInfo, DataUse>();
  for (const d of drafts) {
    if ((d.kind === 'fit' || d.kind === 'evaluate' || d.kind === 'predict') && d.use.model && !firstUses.has(d.use.model)) {
      firstUses.set(d.use.model, d.use);
    }
  }
  for (const model of names.models()) resolveModelShapes(ctx, model, firstUses.get(model));

  // Pass 3.
  const statements: Statement[] = [];
  let complete = true;
  const lossChecked = new Set<object>();
  for (const d of drafts) {
    const statement = finishStatement(ctx, d, firstUses, lossChecked);
    if (statement) statements.push(statement);
    else complete = false;
  }

  const diagnostics = ctx.sortedDiagnostics();
  if (ctx.hasErrors || ctx.incomplete || !complete) return { program: null, diagnostics };
  const models: Model[] = [];
  for (const info of names.models()) {
    const model = buildModel(info);
    if (!model) return { program: null, diagnostics };
    models.push(model);
  }
  const datasets: Dataset[] = [];
  for (const info of names.datasets()) {
    if (!info.source) return { program: null, diagnostics };
    datasets.push({ name: info.name, span: info.span, source: info.source, shape: info.shape });
  }
  return { program: { file: ast.file, datasets, models, statements }, diagnostics };
}

/** --data NAME=PATH for a name the program does not declare: NNC7004. */
function checkDataOverrides(ctx: CheckContext, names: Names): void {
  const overrides = ctx.options.dataOverrides;
  if (!overrides) return;
  const declared = names.datasets().map((d) => d.name);
  for (const name of overrides.keys()) {
    if (declared.includes(name) || (names.mentioned(name) && !names.findModel(name))) continue;
    ctx.report('NNC7004', undefined, { name, known: declared.join(', ') });
  }
}

/** Pass 3 for one statement: the checks that need shapes, then the checked statement (or null). */
function finishStatement(ctx: CheckContext, d: StatementDraft, firstUses: Map<ModelInfo, DataUse>, lossChecked: Set<object>): Statement | null {
  ctx.anchor = d.span.offset;
  switch (d.kind) {
    case 'compile': {
      const model = d.model;
      if (!model) return null;
      if (!lossChecked.has(d.info) && !checkLossAgainstModel(ctx, model, d.info)) d.info.loss = null;
      lossChecked.add(d.info);
      if (!d.valid || !d.info.loss || !d.info.optimizer || !d.info.metrics || model.outputDim === null) return null;
      const units = model.outputDim;
      const labels = labelColumns(labelEncoding({ outputDim: units }, d.info.loss));
      const metrics: Metric[] = d.info.metrics.map((m) => ({ key: m.key, kind: resolveMetric(m.name, units, labels), span: m.span, ...(m.options ? { options: m.options } : {}) }));
      // F1Score's per-class result (no average) is a number only for one output unit.
      const perClass = metrics.find((m) => m.kind === 'f1_score' && (m.options?.average ?? null) === null && units > 1);
      if (perClass) {
        ctx.report('NNC2021', perClass.span, { units });
        return null;
      }
      return { kind: 'compile', span: d.span, model: model.name, loss: d.info.loss, optimizer: d.info.optimizer, metrics };
    }
    case 'fit':
    case 'evaluate':
    case 'predict': {
      const model = d.use.model;
      if (!model) return null;
      const firstUse = firstUses.get(model);
      checkFeatures(ctx, model, d.use.dataset, d.use.dataSpan, firstUse);
      if (d.kind !== 'predict') checkLabels(ctx, model, d.compile, d.use.dataset, d.use.dataSpan, d.kind);
      if (d.kind === 'fit' && d.validation && d.validationSpan) {
        checkFeatures(ctx, model, d.validation, d.validationSpan, firstUse);
        checkLabels(ctx, model, d.compile, d.validation, d.validationSpan, 'validation');
      }
      if (d.kind === 'fit' && d.use.dataset?.shape && !splitLeavesBothParts(d.use.dataset.shape.rows, d.validationSplit)) {
        const rows = d.use.dataset.shape.rows;
        ctx.report('NNC4015', d.span, { split: d.validationSplit, rows, train: trainingRows(rows, d.validationSplit) });
        return null;
      }
      if (!d.valid || !d.use.dataset) return null;
      if (d.kind === 'fit') {
        return {
          kind: 'fit',
          span: d.span,
          model: model.name,
          data: d.use.dataset.name,
          epochs: d.epochs,
          batchSize: d.batchSize,
          validationSplit: d.validationSplit,
          validationData: d.validation?.name ?? null,
          shuffle: d.shuffle,
          verbose: d.verbose,
          seed: d.seed,
          callbacks: d.callbacks,
        };
      }
      return { kind: d.kind, span: d.span, model: model.name, data: d.use.dataset.name, batchSize: d.batchSize, verbose: d.verbose, output: d.output };
    }
    case 'save':
    case 'load':
      return d.valid && d.model ? { kind: d.kind, span: d.span, model: d.model.name, path: d.path } : null;
    case 'summary':
      return d.valid && d.model ? { kind: 'summary', span: d.span, model: d.model.name } : null;
  }
}

/**
 * `accuracy` as Keras 3 resolves it, by shapes whatever the loss (trainers/compile_utils.py,
 * is_binary_or_sparse_categorical): one output unit -> binary_accuracy; labels of one column
 * (class indices) with several units -> sparse_categorical_accuracy; otherwise
 * categorical_accuracy (the argmax of the labels against the argmax of the outputs).
 * `labelColumns`: the columns of the labels as the loss takes them (lower-to-graph.ts).
 */
export function resolveMetric(name: string, units: number, labelColumns: number): MetricKind {
  if (name === 'accuracy') {
    if (units === 1) return 'binary_accuracy';
    if (labelColumns === 1) return 'sparse_categorical_accuracy';
    return 'categorical_accuracy';
  }
  return name as MetricKind;
}
