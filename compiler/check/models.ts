// Model statements: each layer against the registry, then (once the statements that use the model
// are known) its input size and the shape of every layer, Keras names and parameter counts.
import type { Call, ModelStatement } from '../ast.js';
import type { Activation, Initializer, Layer, Model } from '../program.js';
import { findFunction, layers as layerSpecs, MAX_LAYER_WEIGHTS, modelKinds } from '../registry.js';
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

  let inputLayer: { value: number; span: Span } | null = null;
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
    const layer = readLayer(ctx, names, model, spec.name as LayerDraft['kind'], args, call);
    if (layer) model.layers.push(layer);
    // A layer with a wrong argument may have been meant to give the input size (inptu_dim=8):
    // its model's shapes are not checked, so the one mistake gives one diagnostic.
    if (!args.ok) model.poisoned = true;
  });

  const first = model.layers[0];
  const fromInputLayer = inputLayer as { value: number; span: Span } | null;
  if (fromInputLayer) {
    model.declaredInput = fromInputLayer;
    if (first?.inputDim && first.inputDim.value !== fromInputLayer.value) {
      ctx.report('NNC3016', first.inputDim.span, { layer: `this ${first.kind} layer`, given: first.inputDim.value, actual: fromInputLayer.value });
      model.poisoned = true;
    }
  } else if (first?.inputDim) {
    model.declaredInput = first.inputDim;
  }
  if (model.layers.length === 0 && !model.poisoned) {
    ctx.report('NNC3012', s.name.span, { model: model.name });
    model.poisoned = true;
  }
}

/** One layer (not Input) as a draft; shape-critical mistakes poison the model. */
function readLayer(ctx: CheckContext, names: Names, model: ModelInfo, kind: LayerDraft['kind'], args: Args, call: Call): LayerDraft | null {
  const inputDim = (): { value: number; span: Span } | undefined => {
    if (!args.has('input_dim')) return undefined;
    const value = args.number('input_dim');
    if (value === undefined) {
      model.poisoned = true;
      return undefined;
    }
    return { value, span: args.argSpan('input_dim') };
  };
  switch (kind) {
    case 'Dense': {
      const units = args.number('units');
      if (units === undefined) model.poisoned = true;
      const activationExpr = args.expr('activation');
      const kernel = args.expr('kernel_initializer');
      const bias = args.expr('bias_initializer');
      const draft: LayerDraft = {
        kind: 'Dense',
        call,
        ...(units !== undefined ? { units } : {}),
        activation: activationExpr ? readActivation(ctx, activationExpr, 'activation') : activationOf('linear'),
        activationSpan: args.span('activation'),
        useBias: args.bool('use_bias') ?? true,
        kernelInitializer: kernel ? readInitializer(ctx, kernel, 'kernel_initializer') : { name: 'glorot_uniform' },
        biasInitializer: bias ? readInitializer(ctx, bias, 'bias_initializer') : { name: 'zeros' },
      };
      const dim = inputDim();
      if (dim) draft.inputDim = dim;
      return draft;
    }
    case 'Activation': {
      const e = args.expr('activation');
      return { kind: 'Activation', call, activation: e ? readActivation(ctx, e, 'activation') : null, activationSpan: args.span('activation') };
    }
    case 'Dropout':
      return { kind: 'Dropout', call, rate: args.number('rate') ?? 0 };
    case 'Normalization': {
      const draft: LayerDraft = { kind: 'Normalization', call, adapt: null };
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
      const dim = inputDim();
      if (dim) draft.inputDim = dim;
      return draft;
    }
  }
}

/**
 * Works out the model's input size (declared; else the adapt dataset of a first Normalization;
 * else the first dataset it is fitted, evaluated or predicted on) and every layer's shape.
 */
export function resolveModelShapes(ctx: CheckContext, model: ModelInfo, firstUse: DataUse | undefined): void {
  if (model.poisoned) return;
  const first = model.layers[0]!;
  if (model.declaredInput) {
    model.inputDim = model.declaredInput.value;
    model.inputOrigin = { kind: 'declared', span: model.declaredInput.span };
  } else if (first.kind === 'Normalization' && first.adapt) {
    const adapt = first.adapt;
    if (adapt.shape) {
      model.inputDim = adapt.shape.featureDim;
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
    model.inputDim = dataset.shape.featureDim;
    model.inputOrigin = { kind: 'data', span: firstUse.dataSpan, dataset: dataset.name };
  } else {
    ctx.report('NNC3001', first.call.span, { model: model.name });
    return;
  }

  let dim = model.inputDim;
  model.layers.forEach((layer, index) => {
    if (index > 0 && layer.inputDim && layer.inputDim.value !== dim) {
      ctx.report('NNC3016', layer.inputDim.span, { layer: `this ${layer.kind} layer`, given: layer.inputDim.value, actual: dim });
    }
    if (layer.kind === 'Normalization' && layer.adapt?.shape && layer.adapt.shape.featureDim !== dim && index > 0) {
      ctx.report('NNC3002', layer.adaptSpan!, {
        model: model.name,
        expected: dim,
        dataset: layer.adapt.name,
        found: layer.adapt.shape.featureDim,
        help: `this Normalization layer gets ${dim} values from the layer before it; adapt it on data with as many columns`,
      });
    }
    if (layer.kind === 'Dense') {
      const weights = dim * layer.units!;
      if (weights > MAX_LAYER_WEIGHTS) ctx.report('NNC3017', layer.call.span, { inputs: dim, units: layer.units!, weights, limit: MAX_LAYER_WEIGHTS });
      dim = layer.units!;
    }
    if (layer.activation?.name === 'softmax' && dim === 1) ctx.report('NNC3011', layer.activationSpan ?? layer.call.span, { units: 1 });
  });
  model.outputDim = dim;
}

function unknownInput(ctx: CheckContext, model: ModelInfo, dataset: string): void {
  ctx.report('NNC3013', model.layers[0]!.call.span, { model: model.name, dataset });
  ctx.incomplete = true;
}

/** The activation that produces the model's output: the last Dense or Activation, past Dropouts. */
export function finalActivation(model: ModelInfo): Activation | null {
  for (let i = model.layers.length - 1; i >= 0; i--) {
    const layer = model.layers[i]!;
    if (layer.kind === 'Dropout') continue;
    if (layer.kind === 'Normalization') return activationOf('linear');
    return layer.activation ?? null;
  }
  return null;
}

const kerasNames: Record<LayerDraft['kind'], string> = { Dense: 'dense', Activation: 'activation', Dropout: 'dropout', Normalization: 'normalization' };

/** The checked model, or null when something about it is unknown (an error was reported). */
export function buildModel(model: ModelInfo): Model | null {
  if (model.poisoned || model.inputDim === null || model.outputDim === null) return null;
  const counters = new Map<string, number>();
  const layers: Layer[] = [];
  let dim = model.inputDim;
  let trainable = 0;
  let nonTrainable = 0;
  for (const draft of model.layers) {
    const base = kerasNames[draft.kind];
    const count = counters.get(base) ?? 0;
    counters.set(base, count + 1);
    const name = count === 0 ? base : `${base}_${count}`;
    const common = { name, span: draft.call.span, inputDim: dim };
    switch (draft.kind) {
      case 'Dense': {
        if (!draft.activation || !draft.kernelInitializer || !draft.biasInitializer || draft.units === undefined) return null;
        const units = draft.units;
        layers.push({
          kind: 'Dense',
          ...common,
          outputDim: units,
          units,
          activation: draft.activation,
          useBias: draft.useBias ?? true,
          kernelInitializer: draft.kernelInitializer as Initializer,
          biasInitializer: draft.biasInitializer as Initializer,
        });
        trainable += dim * units + (draft.useBias === false ? 0 : units);
        dim = units;
        break;
      }
      case 'Activation':
        if (!draft.activation) return null;
        layers.push({ kind: 'Activation', ...common, outputDim: dim, activation: draft.activation });
        break;
      case 'Dropout':
        layers.push({ kind: 'Dropout', ...common, outputDim: dim, rate: draft.rate ?? 0 });
        break;
      case 'Normalization':
        layers.push({ kind: 'Normalization', ...common, outputDim: dim, adapt: draft.adapt?.name ?? null });
        // Keras keeps mean and variance per feature and a count: 2 * dim + 1 non-trainable weights.
        nonTrainable += 2 * dim + 1;
        break;
    }
  }
  return {
    name: model.name,
    span: model.span,
    inputDim: model.inputDim,
    outputDim: model.outputDim,
    layers,
    trainableParams: trainable,
    nonTrainableParams: nonTrainable,
  };
}
