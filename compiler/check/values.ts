// The named things an argument can hold: activations, initializers, losses, optimizers, metrics,
// callbacks. Each is a string from the registry or a call of a registry function; an unknown one
// is one NNC2001 with the nearest known name.
import type { Call, Expression } from '../ast.js';
import type { Activation, ActivationName, Callback, Initializer, Loss, LossName, MetricOptions, Optimizer } from '../program.js';
import {
  activations,
  allSpellings,
  callbacks as callbackSpecs,
  canonicalName,
  findFunction,
  initializerFunctions,
  initializers,
  lossFunctions,
  losses,
  metrics as metricSpecs,
  metricFunctions,
  optimizers,
  type FunctionSpec,
  type NameSpec,
} from '../registry.js';
import type { Span } from '../../base/source.js';
import { suggest } from '../../base/suggest.js';
import { kerasOnly } from '../keras-names.js';
import { Args, checkPath, describeExpr, typeMismatch } from './args.js';
import type { CheckContext } from './context.js';

/** Binds a call's arguments to a registry function. */
export function callArgs(ctx: CheckContext, spec: FunctionSpec, call: Call): Args {
  return new Args(ctx, spec, { callee: spec.name, args: call.args, span: call.argsSpan });
}

/**
 * An unknown name: NNC2020 when it is a Keras one that nnc lacks (saying so, never suggesting a
 * different algorithm spelt alike), else NNC2001 with the nearest known one.
 */
export function unknownName(ctx: CheckContext, what: string, name: string, span: Span, candidates: string[], shown: string[] = candidates): null {
  const keras = kerasOnly(what, name);
  if (keras) {
    ctx.report('NNC2020', span, { what, name, known: [...new Set(shown)].join(', '), ...keras });
    return null;
  }
  const suggestion = suggest(name, candidates);
  ctx.report('NNC2001', span, suggestion ? { what, name, suggestion } : { what, name, known: candidates.join(', ') });
  return null;
}

/** A string naming one of `list`, or a bare name (reported with a hint to quote it). */
function nameIn(ctx: CheckContext, list: readonly NameSpec[], what: string, argName: string, e: Expression): string | null {
  if (e.kind === 'string') {
    const name = canonicalName(list, e.value);
    return name ?? unknownName(ctx, what, e.value, e.span, allSpellings(list), list.map((n) => n.name));
  }
  ctx.report('NNC2010', e.span, typeMismatch(argName, `a string naming ${what === 'activation' ? 'an' : 'a'} ${what}`, e));
  return null;
}

// ---- activations --------------------------------------------------------------------------

export function activationOf(name: ActivationName): Activation {
  return { name, alpha: name === 'leaky_relu' ? 0.2 : name === 'elu' ? 1.0 : 0 };
}

export function readActivation(ctx: CheckContext, e: Expression, argName: string): Activation | null {
  if (e.kind === 'name') {
    // activation=relu: the usual slip is the missing quotes.
    const known = canonicalName(activations, e.name);
    const help = known ? `put it in quotes: ${argName}="${e.name}"` : `activations are strings, such as ${argName}="relu"`;
    ctx.report('NNC2010', e.span, { name: argName, expected: 'a string naming an activation', found: describeExpr(e), help });
    return null;
  }
  const name = nameIn(ctx, activations, 'activation', argName, e);
  return name ? activationOf(name as ActivationName) : null;
}

// ---- initializers -------------------------------------------------------------------------

export function readInitializer(ctx: CheckContext, e: Expression, argName: string): Initializer | null {
  if (e.kind === 'call') {
    const spec = findFunction(initializerFunctions, e.callee.name);
    if (!spec) return unknownName(ctx, 'initializer', e.callee.name, e.callee.span, initializerFunctions.map((f) => f.name));
    const args = callArgs(ctx, spec, e);
    switch (spec.name) {
      case 'RandomUniform': {
        const minval = args.number('minval');
        const maxval = args.number('maxval');
        if (minval === undefined || maxval === undefined || !args.ok) return null;
        if (!(maxval > minval)) {
          ctx.report('NNC2011', args.span('maxval'), { name: 'maxval', range: `greater than minval (${minval})`, value: String(maxval) });
          return null;
        }
        return { name: 'random_uniform', minval, maxval };
      }
      case 'RandomNormal': {
        const mean = args.number('mean');
        const stddev = args.number('stddev');
        if (mean === undefined || stddev === undefined || !args.ok) return null;
        return { name: 'random_normal', mean, stddev };
      }
      case 'Orthogonal': {
        const gain = args.number('gain');
        if (gain === undefined || !args.ok) return null;
        return { name: 'orthogonal', gain };
      }
      default: {
        const value = args.number('value');
        if (value === undefined || !args.ok) return null;
        return { name: 'constant', value };
      }
    }
  }
  const name = nameIn(ctx, initializers, 'initializer', argName, e);
  // Keras' names for the defaults of the initializer classes
  if (name === 'orthogonal') return { name: 'orthogonal', gain: 1 };
  if (name === 'uniform') return { name: 'random_uniform', minval: -0.05, maxval: 0.05 };
  return name ? ({ name } as Initializer) : null;
}

// ---- losses -------------------------------------------------------------------------------

export function readLoss(ctx: CheckContext, e: Expression): Loss | null {
  if (e.kind === 'call') {
    const spec = findFunction(lossFunctions, e.callee.name);
    if (!spec) return unknownName(ctx, 'loss', e.callee.name, e.callee.span, [...lossFunctions.map((f) => f.name), ...allSpellings(losses)]);
    const args = callArgs(ctx, spec, e);
    const delta = args.number('delta');
    if (delta === undefined || !args.ok) return null;
    return { name: 'huber', delta, span: e.span };
  }
  const name = nameIn(ctx, losses, 'loss', 'loss', e);
  if (!name) return null;
  return { name: name as LossName, delta: 1.0, span: e.span };
}

// ---- optimizers ---------------------------------------------------------------------------

/** An optimizer from its registry entry and arguments (defaults for the ones not given). */
function buildOptimizer(spec: FunctionSpec, value: (name: string) => number | boolean | undefined): Optimizer | null {
  const n = (name: string) => value(name) as number | undefined;
  const learningRate = n('learning_rate');
  const epsilon = spec.args.some((a) => a.name === 'epsilon') ? n('epsilon') : undefined;
  switch (spec.name) {
    case 'SGD': {
      const momentum = n('momentum');
      const nesterov = value('nesterov') as boolean | undefined;
      if (learningRate === undefined || momentum === undefined || nesterov === undefined) return null;
      return { kind: 'sgd', learningRate, momentum, nesterov };
    }
    case 'Adam':
    case 'AdamW': {
      const beta1 = n('beta_1');
      const beta2 = n('beta_2');
      if (learningRate === undefined || beta1 === undefined || beta2 === undefined || epsilon === undefined) return null;
      if (spec.name === 'Adam') return { kind: 'adam', learningRate, beta1, beta2, epsilon };
      const weightDecay = n('weight_decay');
      if (weightDecay === undefined) return null;
      return { kind: 'adamw', learningRate, beta1, beta2, epsilon, weightDecay };
    }
    case 'RMSprop': {
      const rho = n('rho');
      const momentum = n('momentum');
      if (learningRate === undefined || rho === undefined || momentum === undefined || epsilon === undefined) return null;
      return { kind: 'rmsprop', learningRate, rho, momentum, epsilon };
    }
    case 'Adagrad': {
      const initialAccumulatorValue = n('initial_accumulator_value');
      if (learningRate === undefined || initialAccumulatorValue === undefined || epsilon === undefined) return null;
      return { kind: 'adagrad', learningRate, initialAccumulatorValue, epsilon };
    }
    case 'Nadam':
    case 'Adamax': {
      const beta1 = n('beta_1');
      const beta2 = n('beta_2');
      if (learningRate === undefined || beta1 === undefined || beta2 === undefined || epsilon === undefined) return null;
      return { kind: spec.name === 'Nadam' ? 'nadam' : 'adamax', learningRate, beta1, beta2, epsilon };
    }
    case 'Adadelta': {
      const rho = n('rho');
      if (learningRate === undefined || rho === undefined || epsilon === undefined) return null;
      return { kind: 'adadelta', learningRate, rho, epsilon };
    }
    case 'Lion': {
      const beta1 = n('beta_1');
      const beta2 = n('beta_2');
      if (learningRate === undefined || beta1 === undefined || beta2 === undefined) return null;
      return { kind: 'lion', learningRate, beta1, beta2 };
    }
    case 'Ftrl': {
      const learningRatePower = n('learning_rate_power');
      const initialAccumulatorValue = n('initial_accumulator_value');
      const l1 = n('l1_regularization_strength');
      const l2 = n('l2_regularization_strength');
      const l2Shrinkage = n('l2_shrinkage_regularization_strength');
      const beta = n('beta');
      if (learningRate === undefined || learningRatePower === undefined || initialAccumulatorValue === undefined) return null;
      if (l1 === undefined || l2 === undefined || l2Shrinkage === undefined || beta === undefined) return null;
      return { kind: 'ftrl', learningRate, learningRatePower, initialAccumulatorValue, l1, l2, l2Shrinkage, beta };
    }
    default:
      return null;
  }
}

/** An optimizer by its string name (any case), with every argument at its default. */
export function defaultOptimizer(name: string): Optimizer | null {
  const spec = optimizers.find((o) => o.name.toLowerCase() === name.toLowerCase());
  if (!spec) return null;
  return buildOptimizer(spec, (arg) => spec.args.find((a) => a.name === arg)?.default as number | boolean | undefined);
}

export function readOptimizer(ctx: CheckContext, e: Expression): Optimizer | null {
  if (e.kind === 'call') {
    const spec = findFunction(optimizers, e.callee.name);
    if (!spec) return unknownName(ctx, 'optimizer', e.callee.name, e.callee.span, optimizers.map((o) => o.name));
    const args = callArgs(ctx, spec, e);
    const optimizer = buildOptimizer(spec, (name) => {
      const type = spec.args.find((a) => a.name === name)?.type;
      return type === 'bool' ? args.bool(name) : args.number(name);
    });
    return args.ok ? optimizer : null;
  }
  if (e.kind === 'string') {
    const optimizer = defaultOptimizer(e.value);
    return optimizer ?? unknownName(ctx, 'optimizer', e.value, e.span, optimizers.map((o) => o.name.toLowerCase()));
  }
  ctx.report('NNC2010', e.span, typeMismatch('optimizer', 'an optimizer name or call, such as "adam" or Adam(learning_rate=0.01)', e));
  return null;
}

// ---- metrics ------------------------------------------------------------------------------

export interface MetricDraft {
  /** As written (a call: its name=, else Keras' name for it): the log key. */
  key: string;
  /** Canonical registry name (`accuracy` before it is resolved by the output shape). */
  name: string;
  span: Span;
  options?: MetricOptions;
}

/** A metric call: AUC(curve="PR"), F1Score(average="macro"), TopKCategoricalAccuracy(k=3), ... */
function readMetricCall(ctx: CheckContext, call: Call): MetricDraft | null {
  const spec = findFunction(metricFunctions, call.callee.name);
  if (!spec) {
    const known = [...metricFunctions.map((f) => f.name), ...allSpellings(metricSpecs)];
    return unknownName(ctx, 'metric', call.callee.name, call.callee.span, known, [...metricSpecs.map((n) => n.name), ...metricFunctions.map((f) => `${f.name}(...)`)]);
  }
  const args = callArgs(ctx, spec, call);
  const name = canonicalName(metricSpecs, spec.name)!;
  let options: MetricOptions;
  switch (spec.name) {
    case 'AUC':
      options = { numThresholds: args.number('num_thresholds'), curve: args.string('curve') as 'ROC' | 'PR', summationMethod: args.string('summation_method') as MetricOptions['summationMethod'] };
      break;
    case 'Precision':
    case 'Recall':
      options = { threshold: args.number('thresholds') };
      break;
    case 'F1Score':
      options = { average: args.choiceOrNull('average') as MetricOptions['average'], threshold: args.numberOrNull('threshold') };
      break;
    default:
      options = { k: args.number('k') };
  }
  const key = args.string('name') ?? name;
  if (args.has('name') && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
    ctx.report('NNC2011', args.span('name'), { name: 'name', range: 'a name of letters, digits and _', value: JSON.stringify(key) });
    return null;
  }
  if (!args.ok || Object.values(options).some((v) => v === undefined)) return null;
  return { key, name, span: call.span, options };
}

export function readMetrics(ctx: CheckContext, e: Expression): MetricDraft[] | null {
  if (e.kind !== 'list') {
    const help = e.kind === 'string' ? `metrics are a list: metrics=["${e.value}"]` : 'write metrics=["accuracy"]';
    ctx.report('NNC2010', e.span, { name: 'metrics', expected: 'a list of metric names', found: describeExpr(e), help });
    return null;
  }
  const out: MetricDraft[] = [];
  let ok = true;
  for (const item of e.items) {
    if (item.kind === 'error') {
      ok = false;
      continue;
    }
    if (item.kind === 'call') {
      const draft = readMetricCall(ctx, item);
      if (draft) out.push(draft);
      else ok = false;
      continue;
    }
    const name = nameIn(ctx, metricSpecs, 'metric', 'metrics', item);
    if (!name || item.kind !== 'string') {
      ok = false;
      continue;
    }
    out.push({ key: item.value, name, span: item.span });
  }
  return ok ? out : null;
}

// ---- callbacks ----------------------------------------------------------------------------

export interface CallbackDraft {
  callback: Callback;
  /** Where its monitor is written (or the call, for the default). */
  monitorSpan: Span;
  /** Whether the monitor matters: EarlyStopping always, ModelCheckpoint only with save_best_only. */
  monitorUsed: boolean;
  /** The monitor was not written (its default applies). */
  monitorDefaulted: boolean;
}

export function readCallbacks(ctx: CheckContext, e: Expression): CallbackDraft[] | null {
  if (e.kind !== 'list') {
    ctx.report('NNC2010', e.span, { name: 'callbacks', expected: 'a list of callbacks', found: describeExpr(e), help: 'write callbacks=[EarlyStopping(patience=5)]' });
    return null;
  }
  const out: CallbackDraft[] = [];
  let ok = true;
  for (const item of e.items) {
    if (item.kind === 'error') {
      ok = false;
      continue;
    }
    if (item.kind !== 'call') {
      ctx.report('NNC2010', item.span, { name: 'callbacks', expected: 'a callback such as EarlyStopping(...)', found: describeExpr(item) });
      ok = false;
      continue;
    }
    const spec = findFunction(callbackSpecs, item.callee.name);
    if (!spec) {
      unknownName(ctx, 'callback', item.callee.name, item.callee.span, callbackSpecs.map((c) => c.name));
      ok = false;
      continue;
    }
    const draft = readCallback(ctx, spec, item);
    if (draft) out.push(draft);
    else ok = false;
  }
  return ok ? out : null;
}

function readCallback(ctx: CheckContext, spec: FunctionSpec, call: Call): CallbackDraft | null {
  const args = callArgs(ctx, spec, call);
  const monitor = args.string('monitor');
  const mode = args.string('mode') as 'auto' | 'min' | 'max' | undefined;
  if (spec.name === 'EarlyStopping') {
    const minDelta = args.number('min_delta');
    const patience = args.number('patience');
    const baseline = args.numberOrNull('baseline');
    const restoreBestWeights = args.bool('restore_best_weights');
    const startFromEpoch = args.number('start_from_epoch');
    if (!args.ok || monitor === undefined || mode === undefined || minDelta === undefined || patience === undefined) return null;
    if (baseline === undefined || restoreBestWeights === undefined || startFromEpoch === undefined) return null;
    return {
      callback: { kind: 'early_stopping', monitor, minDelta, patience, mode, baseline, restoreBestWeights, startFromEpoch, span: call.span },
      monitorSpan: args.span('monitor'),
      monitorUsed: true,
      monitorDefaulted: !args.has('monitor'),
    };
  }
  const path = args.string('filepath');
  const saveBestOnly = args.bool('save_best_only');
  if (path !== undefined && !checkPath(ctx, path, args.span('filepath'), 'file name of ModelCheckpoint', 'best.safetensors')) return null;
  if (!args.ok || path === undefined || monitor === undefined || mode === undefined || saveBestOnly === undefined) return null;
  return {
    callback: { kind: 'model_checkpoint', path, monitor, saveBestOnly, mode, span: call.span },
    monitorSpan: args.span('monitor'),
    monitorUsed: saveBestOnly,
    monitorDefaulted: !args.has('monitor'),
  };
}
