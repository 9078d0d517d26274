// Model statements: each layer against the registry, then (once the statements that use the model
// are known) its input size and the shape of every layer, Keras names and parameter counts.
import type { Call, ModelStatement } from '../ast.js';
import type { Activation, ActivationName, BidirectionalLayer, Initializer, Layer, LayerKind, Model, Padding, Padding1D, RecurrentKind } from '../program.js';
import type { SplitMode, Standardize } from '../../base/data/text.js';
import { CELL_ACTIVATIONS } from '../graph/cells.js';
import { KERAS_NAMES, parameterCounts, shapeText, size } from '../layers.js';
import { sameShape } from '../graph/shape.js';
import { layerOutputShape } from './layer-shapes.js';
import { findFunction, layers as layerSpecs, modelKinds } from '../registry.js';
import type { Span } from '../../base/source.js';
import { suggest } from '../../base/suggest.js';
import { describeExpr, type Args } from './args.js';
import type { CheckContext, DataUse, LayerDraft, ModelInfo } from './context.js';
import type { Names } from './names.js';
import { activationOf, callArgs, readActivation, readInitializer, unknownName } from './values.js';

export function checkModelStatement(ctx: CheckContext, names: Names, s: ModelStatement): void {
  if (!s.name) return;
  const model: ModelInfo = {
    kind: 'model',
    name: s.name.name,
    ident: s.name,
    span: s.span,
    layers: [],
    declaredInput: null,
    poisoned: s.recovered,
    inputShape: null,
    layerShapes: [],
    inputDim: null,
    inputOrigin: null,
    outputDim: null,
  };
  names.declare(model);
  if (s.recovered) return;

  if (s.modelKind && s.modelKind.name !== 'Sequential') {
    const known = modelKinds.map((k) => k.name);
    const suggestion = suggest(s.modelKind.name, known);
    ctx.report('NNC2001', s.modelKind.span, suggestion ? { what: 'model type', name: s.modelKind.name, suggestion } : { what: 'model type', name: s.modelKind.name, known: known.join(', ') });
    model.poisoned = true;
  }

  let inputLayer: { value: number[]; span: Span } | null = null;
  s.layers.forEach((call, index) => {
    const spec = findFunction(layerSpecs, call.callee.name);
    if (!spec) {
      unknownName(ctx, 'layer', call.callee.name, call.callee.span, layerSpecs.map((l) => l.name));
      model.poisoned = true;
      return;
    }
    const args = callArgs(ctx, spec, call);
    if (spec.name === 'Input') {
      const shape = args.shape('shape');
      if (index !== 0) ctx.report('NNC3014', call.span, {});
      if (index !== 0 || shape === undefined) model.poisoned = true;
      else inputLayer = { value: shape, span: args.span('shape') };
      return;
    }
    const layer = readLayer(ctx, names, model, spec.name as LayerKind, args, call);
    if (layer) model.layers.push(layer);
    // A layer with a wrong argument may have been meant to give the input size (inptu_dim=8):
    // its model's shapes are not checked, so the one mistake gives one diagnostic.
    if (!args.ok) model.poisoned = true;
  });

  const first = model.layers[0];
  const fromInputLayer = inputLayer as { value: number[]; span: Span } | null;
  if (fromInputLayer) {
    model.declaredInput = fromInputLayer;
    if (first?.inputShape && !sameShape(first.inputShape.value, fromInputLayer.value)) {
      const actual = first.inputShape.arg === 'input_dim' && fromInputLayer.value.length === 1 ? String(fromInputLayer.value[0]) : shapeText(fromInputLayer.value);
      ctx.report('NNC3016', first.inputShape.span, { layer: `this ${first.kind} layer`, arg: first.inputShape.arg, given: declaredText(first.inputShape), actual });
      model.poisoned = true;
    }
  } else if (first?.inputShape) {
    model.declaredInput = first.inputShape;
  }
  if (model.layers.length === 0 && !model.poisoned) {
    ctx.report('NNC3012', s.name.span, { model: model.name });
    model.poisoned = true;
  }
}

/** One layer (not Input) as a draft; shape-critical mistakes poison the model. */
function readLayer(ctx: CheckContext, names: Names, model: ModelInfo, kind: LayerKind, args: Args, call: Call): LayerDraft | null {
  const draft: LayerDraft = { kind, call };
  /** A value the shapes depend on: when it is wrong (reported), the model's shapes are not worked out. */
  const needed = <T>(value: T | undefined): T | undefined => {
    if (value === undefined) model.poisoned = true;
    return value;
  };
  // Embedding's input_dim is its vocabulary, not the input's size
  if (args.has('input_dim') && kind !== 'Embedding') {
    const value = needed(args.number('input_dim'));
    if (value !== undefined) draft.inputShape = { value: [value], span: args.argSpan('input_dim'), arg: 'input_dim' };
  }
  if (args.has('input_shape')) {
    const value = needed(args.shape('input_shape'));
    if (value !== undefined) draft.inputShape = { value, span: args.argSpan('input_shape'), arg: 'input_shape' };
  }
  switch (kind) {
    case 'Dense': {
      const units = needed(args.number('units'));
      if (units !== undefined) draft.units = units;
      activation(ctx, args, draft);
      weights(ctx, args, draft);
      return draft;
    }
    case 'Activation': {
      const e = args.expr('activation');
      return { ...draft, activation: e ? readActivation(ctx, e, 'activation') : null, activationSpan: args.span('activation') };
    }
    case 'Dropout':
      return { ...draft, rate: args.number('rate') ?? 0 };
    case 'Normalization':
      readAdapt(ctx, names, model, args, draft);
      return draft;
    case 'Conv2D': {
      const filters = needed(args.number('filters'));
      const window = needed(args.size2('kernel_size'));
      const strides = needed(args.size2('strides'));
      const padding = needed(args.string('padding'));
      if (filters !== undefined) draft.filters = filters;
      if (window) draft.window = window;
      if (strides) draft.strides = strides;
      if (padding) draft.padding = padding as Padding;
      activation(ctx, args, draft);
      weights(ctx, args, draft);
      return draft;
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const window = needed(args.size2('pool_size'));
      const strides = needed(args.size2OrNull('strides'));
      const padding = needed(args.string('padding'));
      if (window) draft.window = window;
      if (strides !== undefined) draft.strides = strides;
      if (padding) draft.padding = padding as Padding;
      return draft;
    }
    case 'BatchNormalization':
      return { ...draft, momentum: args.number('momentum') ?? 0.99, epsilon: args.number('epsilon') ?? 0.001, center: args.bool('center') ?? true, scale: args.bool('scale') ?? true };
    case 'Rescaling':
      return { ...draft, factor: args.number('scale') ?? 1, offset: args.number('offset') ?? 0 };
    case 'Reshape': {
      const target = needed(args.shape('target_shape'));
      if (target && target.filter((d) => d === -1).length > 1) {
        ctx.report('NNC2011', args.span('target_shape'), { name: 'target_shape', range: 'sizes >= 1 with at most one -1', value: shapeText(target) });
        model.poisoned = true;
        return null;
      }
      if (target) draft.targetShape = target;
      return draft;
    }
    case 'Flatten':
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
    case 'GlobalAveragePooling1D':
    case 'GlobalMaxPooling1D':
      return draft;
    default:
      return readSequenceLayer(ctx, names, model, kind, args, draft, needed);
  }
}

/** The sequence layers' arguments (TextVectorization, Embedding, 1-D windows, recurrent layers, Bidirectional). */
function readSequenceLayer(
  ctx: CheckContext,
  names: Names,
  model: ModelInfo,
  kind: LayerKind,
  args: Args,
  draft: LayerDraft,
  needed: <T>(value: T | undefined) => T | undefined,
): LayerDraft | null {
  const call = draft.call;
  switch (kind) {
    case 'TextVectorization': {
      const maxTokens = needed(args.intOrNull('max_tokens'));
      const standardize = needed(args.choiceOrNull('standardize'));
      const split = needed(args.choiceOrNull('split'));
      args.string('output_mode');
      const length = needed(args.number('output_sequence_length'));
      if (maxTokens !== undefined && standardize !== undefined && split !== undefined && length !== undefined) {
        draft.text = { maxTokens, standardize: (standardize ?? 'none') as Standardize, split: (split ?? 'none') as SplitMode, length };
      }
      readAdapt(ctx, names, model, args, draft);
      return draft;
    }
    case 'Embedding': {
      const rows = needed(args.number('input_dim'));
      const width = needed(args.number('output_dim'));
      const e = args.expr('embeddings_initializer');
      const initializer = e ? readInitializer(ctx, e, 'embeddings_initializer') : UNIFORM;
      if (rows !== undefined && width !== undefined) draft.table = { rows, width, initializer, maskZero: args.bool('mask_zero') ?? false };
      return draft;
    }
    case 'Conv1D':
    case 'MaxPooling1D':
    case 'AveragePooling1D': {
      const conv = kind === 'Conv1D';
      if (conv) {
        const filters = needed(args.number('filters'));
        if (filters !== undefined) draft.filters = filters;
        activation(ctx, args, draft);
        weights(ctx, args, draft);
      }
      const window = needed(args.number(conv ? 'kernel_size' : 'pool_size'));
      const strides = needed(conv ? args.number('strides') : args.intOrNull('strides'));
      const padding = needed(args.string('padding'));
      if (window !== undefined && strides !== undefined && padding !== undefined) draft.steps = { window, strides, padding: padding as Padding1D };
      return draft;
    }
    case 'Cropping1D': {
      const cropping = needed(args.size2('cropping'));
      if (cropping) draft.cropping = cropping;
      return draft;
    }
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU': {
      const units = needed(args.number('units'));
      if (units !== undefined) draft.units = units;
      activation(ctx, args, draft);
      weights(ctx, args, draft);
      const e = args.expr('recurrent_initializer');
      const ra = args.has('recurrent_activation') ? readActivation(ctx, args.expr('recurrent_activation')!, 'recurrent_activation') : activationOf('sigmoid');
      draft.recurrent = {
        recurrentActivation: ra,
        recurrentInitializer: e ? readInitializer(ctx, e, 'recurrent_initializer') : { name: 'orthogonal', gain: 1 },
        unitForgetBias: kind === 'LSTM' ? (args.bool('unit_forget_bias') ?? true) : false,
        returnSequences: args.bool('return_sequences') ?? false,
        goBackwards: args.bool('go_backwards') ?? false,
      };
      const unsupported = (what: string, help: string, at: Span) => {
        ctx.report('NNC3030', at, { what, help });
        model.poisoned = true;
      };
      for (const name of ['dropout', 'recurrent_dropout']) {
        const rate = args.number(name);
        if (rate !== undefined && rate !== 0) {
          unsupported(`${name}=${rate} inside a recurrent layer`, name === 'dropout' ? `put Dropout(${rate}) before the ${kind} layer (it drops the same inputs for every step's projection), or leave ${name}=0` : `leave ${name}=0 (put Dropout(${rate}) after the layer to regularize it)`, args.argSpan(name));
        }
      }
      if (kind === 'GRU' && args.bool('reset_after') === false) unsupported('GRU(reset_after=false) (Keras 2\'s default)', 'leave reset_after=true, Keras 3\'s default: its bias has the shape (2, 3 * units)', args.argSpan('reset_after'));
      for (const [name, act] of [['activation', draft.activation], ['recurrent_activation', ra]] as const) {
        if (act && !(CELL_ACTIVATIONS as readonly string[]).includes(act.name)) {
          unsupported(`${name}="${act.name}" inside a recurrent layer`, `use one of ${CELL_ACTIVATIONS.map((a) => `"${a}"`).join(', ')}`, args.span(name));
        }
      }
      return draft;
    }
    case 'Bidirectional': {
      const e = args.expr('layer');
      const mode = args.string('merge_mode');
      if (mode) draft.mergeMode = mode as BidirectionalLayer['mergeMode'];
      if (!e) {
        model.poisoned = true;
        return draft;
      }
      const spec = e.kind === 'call' && (['SimpleRNN', 'LSTM', 'GRU'] as const).includes(e.callee.name as RecurrentKind) ? findFunction(layerSpecs, e.callee.name) : undefined;
      if (!spec || e.kind !== 'call') {
        ctx.report('NNC3032', e.span, { found: e.kind === 'call' ? `${e.callee.name}(...)` : describeExpr(e) });
        model.poisoned = true;
        return null;
      }
      const inner = callArgs(ctx, spec, e);
      const wrapped = readLayer(ctx, names, model, spec.name as LayerKind, inner, e);
      if (!inner.ok || !wrapped) model.poisoned = true;
      if (wrapped) draft.wrapped = wrapped;
      if (wrapped?.inputShape) draft.inputShape = wrapped.inputShape;
      return draft;
    }
    default:
      throw new Error(`check: no reader for layer ${kind} (${call.callee.name})`);
  }
}

/** Keras' "uniform" initializer: RandomUniform's defaults. */
const UNIFORM: Initializer = { name: 'random_uniform', minval: -0.05, maxval: 0.05 };

function readAdapt(ctx: CheckContext, names: Names, model: ModelInfo, args: Args, draft: LayerDraft): void {
  draft.adapt = null;
  const e = args.expr('adapt');
  if (e?.kind === 'name') {
    draft.adapt = names.dataset({ kind: 'identifier', name: e.name, span: e.span }) ?? null;
    draft.adaptSpan = e.span;
    if (!draft.adapt) model.poisoned = true;
  } else if (e) {
    const help = e.kind === 'string' ? `write the dataset name without quotes: adapt=${e.value}` : 'write adapt=DATASET';
    ctx.report('NNC2010', e.span, { name: 'adapt', expected: 'a dataset name', found: describeExpr(e), help });
    model.poisoned = true;
  }
}

function activation(ctx: CheckContext, args: Args, draft: LayerDraft): void {
  const e = args.expr('activation');
  const spec = args.spec.args.find((a) => a.name === 'activation');
  draft.activation = e ? readActivation(ctx, e, 'activation') : activationOf((spec?.default as ActivationName | undefined) ?? 'linear');
  draft.activationSpan = args.span('activation');
}

function weights(ctx: CheckContext, args: Args, draft: LayerDraft): void {
  const kernel = args.expr('kernel_initializer');
  const bias = args.expr('bias_initializer');
  draft.useBias = args.bool('use_bias') ?? true;
  draft.kernelInitializer = kernel ? readInitializer(ctx, kernel, 'kernel_initializer') : { name: 'glorot_uniform' };
  draft.biasInitializer = bias ? readInitializer(ctx, bias, 'bias_initializer') : { name: 'zeros' };
}

/**
 * Works out the model's input shape (declared; else the adapt dataset of a first Normalization;
 * else the first dataset it is fitted, evaluated or predicted on) and every layer's shape, each by
 * its layer's shape rule (layer-shapes.ts). A layer whose input does not fit is reported, and the
 * shapes after it are not worked out.
 */
export function resolveModelShapes(ctx: CheckContext, model: ModelInfo, firstUse: DataUse | undefined): void {
  if (model.poisoned || !checkSequenceLayers(ctx, model)) return;
  const first = model.layers[0]!;
  if (model.declaredInput) {
    model.inputShape = model.declaredInput.value;
    model.inputOrigin = { kind: 'declared', span: model.declaredInput.span };
  } else if (first.kind === 'TextVectorization') {
    // a text model takes one text per sample, whatever its data
    model.inputShape = [1];
    model.inputOrigin = { kind: 'declared', span: first.call.span };
  } else if (first.kind === 'Normalization' && first.adapt) {
    const adapt = first.adapt;
    if (adapt.shape) {
      model.inputShape = adapt.shape.featureShape;
      model.inputOrigin = { kind: 'adapt', span: first.adaptSpan!, dataset: adapt.name };
    } else {
      if (adapt.unread) unknownInput(ctx, model, adapt.name);
      return;
    }
  } else if (firstUse) {
    const dataset = firstUse.dataset;
    if (!dataset?.shape) {
      if (dataset?.unread) unknownInput(ctx, model, dataset.name);
      return;
    }
    model.inputShape = dataset.shape.featureShape;
    model.inputOrigin = { kind: 'data', span: firstUse.dataSpan, dataset: dataset.name };
  } else {
    ctx.report('NNC3001', first.call.span, { model: model.name });
    return;
  }
  model.inputDim = size(model.inputShape);

  let shape: number[] = model.inputShape;
  const shapes: number[][] = [shape];
  for (const [index, layer] of model.layers.entries()) {
    if (index > 0 && layer.inputShape && !sameShape(layer.inputShape.value, shape)) {
      const actual = layer.inputShape.arg === 'input_dim' && shape.length === 1 ? String(shape[0]) : shapeText(shape);
      ctx.report('NNC3016', layer.inputShape.span, { layer: `this ${layer.kind} layer`, arg: layer.inputShape.arg, given: declaredText(layer.inputShape), actual });
    }
    if (layer.kind === 'Normalization' && layer.adapt?.shape && size(layer.adapt.shape.featureShape) !== size(shape) && index > 0) {
      const dim = size(shape);
      ctx.report('NNC3002', layer.adaptSpan!, {
        model: model.name,
        expected: dim,
        dataset: layer.adapt.name,
        found: layer.adapt.shape.featureDim,
        help: `this Normalization layer gets ${dim} values from the layer before it; adapt it on data with as many columns`,
      });
    }
    const next = layerOutputShape(ctx, layer, shape, index === 0 ? model.inputOrigin : null);
    if (!next) return;
    shape = next;
    shapes.push(shape);
    if (layer.activation?.name === 'softmax' && shape.at(-1) === 1) ctx.report('NNC3011', layer.activationSpan ?? layer.call.span, { units: 1 });
  }
  if (shape.length !== 1) {
    reportUnflatOutput(ctx, model, shapes);
    return;
  }
  model.layerShapes = shapes;
  model.outputDim = shape[0]!;
}

/**
 * What the sequence layers need of the layers around them: TextVectorization first (it runs on
 * the host, before the model), an Embedding after it with a row for each of its tokens, and no
 * mask reaching a layer that would have to skip masked steps. False when one was reported.
 */
function checkSequenceLayers(ctx: CheckContext, model: ModelInfo): boolean {
  let ok = true;
  model.layers.forEach((layer, i) => {
    if (layer.kind === 'TextVectorization' && i > 0) {
      ctx.report('NNC3031', layer.call.span, {
        message: 'TextVectorization can only be the first layer: it turns the texts into tokens before the model runs',
        help: 'move it to the top of the Sequential, with the text dataset as the model\'s data',
      });
      ok = false;
    }
    const previous = model.layers[i - 1];
    const tokens = previous?.kind === 'TextVectorization' ? previous.text?.maxTokens : null;
    if (layer.kind === 'Embedding' && layer.table && tokens != null && tokens > layer.table.rows) {
      ctx.report('NNC3033', layer.call.span, { rows: layer.table.rows, tokens, vectorizer: 'the TextVectorization before it' });
      ok = false;
    }
    const recurrent = layer.kind === 'SimpleRNN' || layer.kind === 'LSTM' || layer.kind === 'GRU' || layer.kind === 'Bidirectional';
    if (recurrent && maskReaches(model.layers, i)) {
      const kind = layer.kind === 'Bidirectional' ? `Bidirectional(${layer.wrapped?.kind ?? 'LSTM'})` : layer.kind;
      ctx.report('NNC3030', layer.call.span, {
        what: `skipping the padding steps of Embedding(mask_zero=true) in ${kind}`,
        help: 'write mask_zero=false (the padding steps are then read as steps: TextVectorization pads at the end, so use go_backwards=true or Bidirectional to read the text last), or pool with GlobalAveragePooling1D, which skips them',
      });
      ok = false;
    }
  });
  if (!ok) model.poisoned = true;
  return ok;
}

/** The model's output is not one vector per sample: NNC3021 at the Dense that kept the image's axes, else the last layer. */
function reportUnflatOutput(ctx: CheckContext, model: ModelInfo, shapes: number[][]): void {
  const out = shapes.at(-1)!;
  const denseAt = model.layers.findIndex((l, i) => l.kind === 'Dense' && shapes[i]!.length > 1 && !model.layers.slice(0, i).some((p) => p.kind === 'Flatten'));
  if (denseAt >= 0) {
    const layer = model.layers[denseAt]!;
    ctx.report('NNC3021', layer.call.span, {
      model: model.name,
      output: shapeText(out, true),
      cause: `this Dense layer gets ${shapeText(shapes[denseAt]!, true)} and acts on its last axis alone`,
      help: `put Flatten() before it, to give it the ${size(shapes[denseAt]!)} values of each sample as one vector`,
    });
    return;
  }
  const last = model.layers.at(-1)!;
  ctx.report('NNC3021', last.call.span, {
    model: model.name,
    output: shapeText(out, true),
    cause: 'its last layer keeps several axes',
    help: 'end the model with Flatten() (or GlobalAveragePooling2D()) and a Dense layer with one unit per output',
  });
}

/** A declared input shape as it was written: input_dim=8, input_shape=(8, 8, 1). */
function declaredText(d: { value: number[]; arg: 'input_dim' | 'input_shape' }): string {
  return d.arg === 'input_dim' ? String(d.value[0]) : shapeText(d.value);
}

function unknownInput(ctx: CheckContext, model: ModelInfo, dataset: string): void {
  ctx.report('NNC3013', model.layers[0]!.call.span, { model: model.name, dataset });
  ctx.incomplete = true;
}

/** The activation that produces the model's output: the last Dense or Activation, past Dropouts. */
export function finalActivation(model: ModelInfo): Activation | null {
  for (let i = model.layers.length - 1; i >= 0; i--) {
    const layer = model.layers[i]!;
    if (layer.kind === 'Dropout' || layer.kind === 'Flatten' || layer.kind === 'Reshape') continue;
    if (layer.kind !== 'Dense' && layer.kind !== 'Activation' && layer.kind !== 'Conv2D') return activationOf('linear');
    return layer.activation ?? null;
  }
  return null;
}

/** The checked model, or null when something about it is unknown (an error was reported). */
export function buildModel(model: ModelInfo): Model | null {
  if (model.poisoned || model.inputShape === null || model.outputDim === null || model.layerShapes.length !== model.layers.length + 1) return null;
  const counters = new Map<string, number>();
  const layers: Layer[] = [];
  let trainable = 0;
  let nonTrainable = 0;
  for (const [i, draft] of model.layers.entries()) {
    const base = KERAS_NAMES[draft.kind];
    const count = counters.get(base) ?? 0;
    counters.set(base, count + 1);
    const name = count === 0 ? base : `${base}_${count}`;
    const common = { name, span: draft.call.span, inputShape: model.layerShapes[i]!, outputShape: model.layerShapes[i + 1]! };
    const layer = draft.kind === 'Bidirectional' ? completeBidirectional(draft, common, counters) : completeLayer(draft, common, maskReaches(model.layers, i));
    if (!layer) return null;
    layers.push(layer);
    const params = parameterCounts(layer);
    trainable += params.trainable;
    nonTrainable += params.nonTrainable;
  }
  return {
    name: model.name,
    span: model.span,
    inputShape: model.inputShape,
    outputShape: model.layerShapes.at(-1)!,
    inputDim: size(model.inputShape),
    outputDim: model.outputDim,
    layers,
    trainableParams: trainable,
    nonTrainableParams: nonTrainable,
  };
}

type Common = { name: string; span: Span; inputShape: number[]; outputShape: number[] };

/**
 * Whether the mask of an Embedding(mask_zero=true) reaches layer `i`: Keras passes it on through
 * the layers that support masking and keep the steps (Dropout, Activation, Dense).
 */
function maskReaches(layers: LayerDraft[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const l = layers[k]!;
    if (l.kind === 'Embedding') return l.table?.maskZero ?? false;
    if (l.kind !== 'Dropout' && l.kind !== 'Activation' && l.kind !== 'Dense') return false;
  }
  return false;
}

/** Bidirectional: the wrapped layer forwards and a copy backwards, named as Keras names them (forward_lstm, backward_lstm). */
function completeBidirectional(draft: LayerDraft, common: Common, counters: Map<string, number>): Layer | null {
  const inner = draft.wrapped;
  if (!inner) return null;
  const base = KERAS_NAMES[inner.kind];
  const count = counters.get(base) ?? 0;
  counters.set(base, count + 1);
  const innerName = count === 0 ? base : `${base}_${count}`;
  const units = inner.units!;
  const outputShape = inner.recurrent?.returnSequences ? [common.inputShape[0]!, units] : [units];
  const forward = completeLayer(inner, { ...common, name: `forward_${innerName}`, span: inner.call.span, outputShape }, false);
  if (!forward || (forward.kind !== 'SimpleRNN' && forward.kind !== 'LSTM' && forward.kind !== 'GRU')) return null;
  const backward = { ...forward, name: `backward_${innerName}`, goBackwards: !forward.goBackwards };
  return { kind: 'Bidirectional', ...common, forward, backward, mergeMode: draft.mergeMode ?? 'concat' };
}

/** A draft with every argument known, as the checked layer; null when one is unknown (reported). */
function completeLayer(draft: LayerDraft, common: Common, masked: boolean): Layer | null {
  switch (draft.kind) {
    case 'Dense':
      if (!draft.activation || !draft.kernelInitializer || !draft.biasInitializer || draft.units === undefined) return null;
      return { kind: 'Dense', ...common, units: draft.units, activation: draft.activation, useBias: draft.useBias ?? true, kernelInitializer: draft.kernelInitializer, biasInitializer: draft.biasInitializer };
    case 'Activation':
      return draft.activation ? { kind: 'Activation', ...common, activation: draft.activation } : null;
    case 'Dropout':
      return { kind: 'Dropout', ...common, rate: draft.rate ?? 0 };
    case 'Normalization':
      return { kind: 'Normalization', ...common, adapt: draft.adapt?.name ?? null };
    case 'Conv2D':
      if (!draft.activation || !draft.kernelInitializer || !draft.biasInitializer || draft.filters === undefined || !draft.window || !draft.strides || !draft.padding) return null;
      return {
        kind: 'Conv2D',
        ...common,
        filters: draft.filters,
        kernelSize: draft.window,
        strides: draft.strides,
        padding: draft.padding,
        activation: draft.activation,
        useBias: draft.useBias ?? true,
        kernelInitializer: draft.kernelInitializer,
        biasInitializer: draft.biasInitializer,
      };
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      if (!draft.window || draft.strides === undefined || !draft.padding) return null;
      return { kind: draft.kind, ...common, poolSize: draft.window, strides: draft.strides ?? draft.window, padding: draft.padding };
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
      return { kind: draft.kind, ...common };
    case 'BatchNormalization':
      return { kind: 'BatchNormalization', ...common, momentum: draft.momentum ?? 0.99, epsilon: draft.epsilon ?? 0.001, center: draft.center ?? true, scale: draft.scale ?? true };
    case 'Rescaling':
      return { kind: 'Rescaling', ...common, scale: draft.factor ?? 1, offset: draft.offset ?? 0 };
    case 'Reshape':
    case 'Flatten':
      return { kind: draft.kind, ...common };
    case 'TextVectorization':
      if (!draft.text) return null;
      return { kind: 'TextVectorization', ...common, maxTokens: draft.text.maxTokens, standardize: draft.text.standardize, split: draft.text.split, outputSequenceLength: draft.text.length, adapt: draft.adapt?.name ?? null };
    case 'Embedding':
      if (!draft.table?.initializer) return null;
      return { kind: 'Embedding', ...common, inputDim: draft.table.rows, outputDim: draft.table.width, embeddingsInitializer: draft.table.initializer, maskZero: draft.table.maskZero };
    case 'Conv1D':
      if (!draft.steps || !draft.activation || !draft.kernelInitializer || !draft.biasInitializer || draft.filters === undefined) return null;
      return {
        kind: 'Conv1D',
        ...common,
        filters: draft.filters,
        kernelSize: draft.steps.window,
        strides: draft.steps.strides ?? 1,
        padding: draft.steps.padding,
        activation: draft.activation,
        useBias: draft.useBias ?? true,
        kernelInitializer: draft.kernelInitializer,
        biasInitializer: draft.biasInitializer,
      };
    case 'MaxPooling1D':
    case 'AveragePooling1D':
      if (!draft.steps || draft.steps.padding === 'causal') return null;
      return { kind: draft.kind, ...common, poolSize: draft.steps.window, strides: draft.steps.strides ?? draft.steps.window, padding: draft.steps.padding };
    case 'GlobalAveragePooling1D':
      return { kind: draft.kind, ...common, masked };
    case 'GlobalMaxPooling1D':
      return { kind: draft.kind, ...common, masked: false };
    case 'Cropping1D':
      return draft.cropping ? { kind: 'Cropping1D', ...common, cropping: draft.cropping } : null;
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU': {
      const r = draft.recurrent;
      if (!r || !r.recurrentActivation || !r.recurrentInitializer || !draft.activation || !draft.kernelInitializer || !draft.biasInitializer || draft.units === undefined) return null;
      return {
        kind: draft.kind,
        ...common,
        units: draft.units,
        activation: draft.activation,
        recurrentActivation: r.recurrentActivation,
        useBias: draft.useBias ?? true,
        kernelInitializer: draft.kernelInitializer,
        recurrentInitializer: r.recurrentInitializer,
        biasInitializer: draft.biasInitializer,
        unitForgetBias: r.unitForgetBias,
        returnSequences: r.returnSequences,
        goBackwards: r.goBackwards,
      };
    }
    case 'Bidirectional':
      return null;
  }
}
