// compile, fit, evaluate, predict, save, load, summary: their model and dataset names, their
// arguments, and the order rules (compile before fit and evaluate; weights before predict and save).
import type { CallStatement, SaveLoadStatement, SummaryStatement } from '../ast.js';
import type { Callback } from '../program.js';
import { statementSpec } from '../registry.js';
import { suggest } from '../../base/suggest.js';
import { Args, checkPath, describeExpr } from './args.js';
import type { CheckContext, CompileInfo, DatasetInfo, ModelInfo, StatementDraft } from './context.js';
import type { Names } from './names.js';
import { defaultOptimizer, readCallbacks, readLoss, readMetrics, readOptimizer } from './values.js';

interface ModelState {
  compiled: CompileInfo | null;
  hasWeights: boolean;
}

/** Walks the statements in order, remembering which models are compiled and have weights. */
export class StatementChecker {
  private readonly states = new Map<ModelInfo, ModelState>();

  constructor(
    private readonly ctx: CheckContext,
    private readonly names: Names,
  ) {}

  private state(model: ModelInfo): ModelState {
    let s = this.states.get(model);
    if (!s) {
      const loaded = this.ctx.options.loadedModels;
      s = { compiled: null, hasWeights: !!loaded && (loaded.has(model.name) || loaded.has('*')) };
      this.states.set(model, s);
    }
    return s;
  }

  check(s: CallStatement | SaveLoadStatement | SummaryStatement): StatementDraft | null {
    if (s.recovered) {
      this.recovered(s);
      return null;
    }
    const model = s.model ? this.names.model(s.model) : undefined;
    switch (s.kind) {
      case 'compile':
        return this.compile(s, model ?? null);
      case 'fit':
      case 'evaluate':
      case 'predict':
        return this.dataStatement(s, model ?? null);
      case 'save':
      case 'load': {
        if (model && s.kind === 'save') this.requireWeights(model, s, 'save');
        if (model && s.kind === 'load') this.state(model).hasWeights = true;
        const pathOk = s.path !== null && checkPath(this.ctx, s.path.value, s.path.span, 'weights file name', 'model.safetensors');
        return { kind: s.kind, span: s.span, model: model ?? null, path: s.path?.value ?? '', valid: model !== undefined && pathOk };
      }
      case 'summary':
        return { kind: 'summary', span: s.span, model: model ?? null, valid: model !== undefined };
    }
  }

  /**
   * A statement with a syntax error: nothing is reported about it, but what it would have done is
   * assumed done (a compile compiles), so the statements after it get no follow-on errors.
   */
  private recovered(s: CallStatement | SaveLoadStatement | SummaryStatement): void {
    const model = s.model ? this.names.findModel(s.model.name) : undefined;
    if (!model) return;
    const state = this.state(model);
    if (s.kind === 'compile') state.compiled = { loss: null, lossSpan: null, optimizer: null, metrics: null };
    if (s.kind === 'compile' || s.kind === 'fit' || s.kind === 'load') state.hasWeights = true;
    // Its data argument might have been the one the model's input size comes from.
    if (s.kind === 'fit' || s.kind === 'evaluate' || s.kind === 'predict') model.poisoned = true;
  }

  private compile(s: CallStatement, model: ModelInfo | null): StatementDraft {
    const args = this.args(s, 'compile');
    const lossExpr = args.expr('loss');
    const loss = lossExpr ? readLoss(this.ctx, lossExpr) : null;
    const optimizerExpr = args.expr('optimizer');
    const optimizer = optimizerExpr ? readOptimizer(this.ctx, optimizerExpr) : defaultOptimizer('rmsprop');
    const metricsExpr = args.expr('metrics');
    const metrics = metricsExpr ? readMetrics(this.ctx, metricsExpr) : [];
    const info: CompileInfo = { loss, lossSpan: lossExpr ? lossExpr.span : null, optimizer, metrics };
    if (model) {
      const state = this.state(model);
      state.compiled = info;
      state.hasWeights = true;
    }
    return { kind: 'compile', span: s.span, model, info, valid: args.ok && model !== null && loss !== null && optimizer !== null && metrics !== null };
  }

  private dataStatement(s: CallStatement, model: ModelInfo | null): StatementDraft {
    const kind = s.kind as 'fit' | 'evaluate' | 'predict';
    const args = this.args(s, kind);
    const dataset = this.datasetArg(args, 'data');
    const use = { model, dataset: dataset ?? null, dataSpan: args.span('data') };
    const state = model ? this.state(model) : null;
    if (model && kind !== 'predict' && !state!.compiled) this.ctx.report('NNC2015', s.model!.span, { model: model.name, statement: kind });
    if (model && kind === 'predict') this.requireWeights(model, s, 'predict');
    const compile = state?.compiled ?? null;
    const batchSize = args.number('batch_size');
    const verbose = args.has('verbose') ? args.number('verbose') : null;
    let valid = args.ok && model !== null && dataset !== undefined && dataset !== null && batchSize !== undefined && verbose !== undefined;
    if (s.output && !checkPath(this.ctx, s.output.value, s.output.span, 'output file name', kind === 'predict' ? 'predictions.csv' : 'evaluation.json')) valid = false;

    if (kind !== 'fit') {
      return {
        kind,
        span: s.span,
        use,
        compile,
        batchSize: batchSize ?? 32,
        verbose: (verbose ?? null) as 0 | 1 | 2 | null,
        output: s.output?.value ?? null,
        valid,
      };
    }

    const epochs = args.number('epochs');
    const validationSplit = args.number('validation_split');
    const validation = args.has('validation_data') ? this.datasetArg(args, 'validation_data') : undefined;
    const shuffle = args.bool('shuffle');
    const seed = args.has('seed') ? args.number('seed') : null;
    const callbackExpr = args.expr('callbacks');
    const callbackDrafts = callbackExpr ? readCallbacks(this.ctx, callbackExpr) : [];
    valid &&= epochs !== undefined && validationSplit !== undefined && validation !== null && shuffle !== undefined && seed !== undefined && callbackDrafts !== null;

    if (args.has('validation_data') && validationSplit !== undefined && validationSplit > 0) {
      this.ctx.report('NNC2012', args.argSpan('validation_data'), {});
      valid = false;
    }
    const hasValidation = (validationSplit ?? 0) > 0 || args.has('validation_data');
    const callbacks: Callback[] = [];
    for (const draft of callbackDrafts ?? []) {
      callbacks.push(draft.callback);
      if (!draft.monitorUsed) continue;
      const monitor = draft.callback.monitor;
      if (monitor.startsWith('val_') && !hasValidation) {
        this.ctx.report('NNC2013', draft.monitorSpan, draft.monitorDefaulted ? { monitor, defaulted: true } : { monitor });
        valid = false;
        continue;
      }
      const keys = compile?.metrics ? ['loss', ...compile.metrics.map((m) => m.key)] : null;
      if (!keys) continue;
      const logged = hasValidation ? [...keys, ...keys.map((k) => `val_${k}`)] : keys;
      if (!logged.includes(monitor)) {
        const suggestion = suggest(monitor, logged);
        this.ctx.report('NNC2018', draft.monitorSpan, suggestion ? { monitor, suggestion, known: logged.join(', ') } : { monitor, known: logged.join(', ') });
        valid = false;
      }
    }
    if (state) state.hasWeights = true;
    return {
      kind: 'fit',
      span: s.span,
      use,
      compile,
      epochs: epochs ?? 1,
      batchSize: batchSize ?? 32,
      validationSplit: validationSplit ?? 0,
      validation: validation ?? null,
      validationSpan: validation ? args.span('validation_data') : null,
      shuffle: shuffle ?? true,
      verbose: (verbose ?? null) as 0 | 1 | 2 | null,
      seed: seed ?? null,
      callbacks,
      valid,
    };
  }

  private requireWeights(model: ModelInfo, s: CallStatement | SaveLoadStatement, statement: string): void {
    if (!this.state(model).hasWeights) this.ctx.report('NNC2016', s.model!.span, { model: model.name, statement });
  }

  private args(s: CallStatement, kind: 'compile' | 'fit' | 'evaluate' | 'predict'): Args {
    return new Args(this.ctx, statementSpec(kind), { callee: kind, args: s.args, span: s.argsSpan ?? s.span });
  }

  /** A dataset argument: a bare dataset name. undefined when absent, null when wrong (reported). */
  private datasetArg(args: Args, name: string): DatasetInfo | null | undefined {
    const e = args.expr(name);
    if (!e) return undefined;
    if (e.kind === 'name') return this.names.dataset({ kind: 'identifier', name: e.name, span: e.span }) ?? null;
    if (e.kind === 'error') return null;
    const help = e.kind === 'string' ? `write the dataset name without quotes: ${e.value}` : undefined;
    this.ctx.report('NNC2010', e.span, { name, expected: 'a dataset name', found: describeExpr(e), ...(help ? { help } : {}) });
    args.ok = false;
    return null;
  }
}
