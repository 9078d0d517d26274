// One shape rule per layer kind: one sample's output shape from its input shape (without the
// batch, as Keras' shapes without None), or a diagnostic at the layer saying what does not fit
// and what to write instead. Later layer kinds (sequences) add their rule here.
import type { LayerKind } from '../program.js';
import { MAX_LAYER_WEIGHTS } from '../registry.js';
import { shapeText, size, windowOutput } from '../layers.js';
import type { CheckContext, LayerDraft, ModelInfo } from './context.js';

type Rule = (ctx: CheckContext, layer: LayerDraft, input: number[], origin: ModelInfo['inputOrigin']) => number[] | null;

const same: Rule = (_ctx, _layer, input) => input;

/** An image: (height, width, channels). */
function needsImage(ctx: CheckContext, layer: LayerDraft, input: number[], origin: ModelInfo['inputOrigin']): boolean {
  if (input.length === 3) return true;
  const n = size(input);
  const square = Math.round(Math.sqrt(n));
  const guess = square * square === n ? `(${square}, ${square}, 1)` : '(height, width, channels)';
  const help =
    origin?.kind === 'data'
      ? `dataset '${origin.dataset}' gives rows of ${n} values: declare the image shape with Input(${guess}) as the first layer (a row is read row by row, channels last)`
      : origin
        ? `declare the image shape, such as Input(${guess}), or put Reshape(${guess}) before this layer`
        : `put Reshape(${guess}) before this layer, or remove the Flatten or Dense layers before it`;
  ctx.report('NNC3019', layer.call.span, { layer: layer.kind, needs: 'images of shape (height, width, channels)', input: shapeText(input, true), help });
  return false;
}

function windowRule(kind: 'Conv2D' | 'pooling'): Rule {
  return (ctx, layer, input, origin) => {
    if (!needsImage(ctx, layer, input, origin)) return null;
    const [h, w, c] = input as [number, number, number];
    const [kh, kw] = layer.window!;
    const strides = layer.strides ?? layer.window!;
    const padding = layer.padding ?? 'valid';
    const oh = windowOutput(h, kh, strides[0], padding);
    const ow = windowOutput(w, kw, strides[1], padding);
    if (oh === 0 || ow === 0) {
      ctx.report('NNC3020', layer.call.span, {
        layer: layer.kind,
        window: `${kh}x${kw}`,
        input: shapeText(input, true),
        help: `use padding="same", a window of at most ${h}x${w}, or fewer layers that shrink the image before it`,
      });
      return null;
    }
    if (kind === 'Conv2D') {
      const weights = kh * kw * c * layer.filters!;
      if (weights > MAX_LAYER_WEIGHTS) {
        ctx.report('NNC3024', layer.call.span, { layer: layer.kind, weights, limit: MAX_LAYER_WEIGHTS });
        return null;
      }
      return [oh, ow, layer.filters!];
    }
    return [oh, ow, c];
  };
}

/** A sequence: (steps, features). */
function needsSequence(ctx: CheckContext, layer: LayerDraft, input: number[], origin: ModelInfo['inputOrigin']): boolean {
  if (input.length === 2) return true;
  const kind = layer.kind === 'Bidirectional' && layer.wrapped ? `Bidirectional(${layer.wrapped.kind})` : layer.kind;
  const steps = input.length === 1 ? input[0]! : null;
  const help =
    input.length === 1
      ? origin?.kind === 'data'
        ? `dataset '${origin.dataset}' gives rows of ${steps} values: to read each row as ${steps} steps of one value, put Reshape((${steps}, 1)) first (or Input((${steps}, 1))); for token ids, put Embedding(VOCABULARY, 16) first`
        : `to read the ${steps} values as ${steps} steps of one value, put Reshape((${steps}, 1)) before it; for token ids, put an Embedding before it`
      : `put Reshape((steps, features)) before it`;
  ctx.report('NNC3019', layer.call.span, { layer: kind, needs: 'sequences of shape (steps, features)', input: shapeText(input, true), help });
  return false;
}

/** Conv1D, MaxPooling1D, AveragePooling1D: windows along the steps. */
function stepWindowRule(kind: 'Conv1D' | 'pooling'): Rule {
  return (ctx, layer, input, origin) => {
    if (!needsSequence(ctx, layer, input, origin) || !layer.steps) return null;
    const [steps, channels] = input as [number, number];
    const { window, padding } = layer.steps;
    const strides = layer.steps.strides ?? window;
    const out = windowOutput(steps, window, strides, padding === 'causal' ? 'same' : padding);
    const causalOut = padding === 'causal' ? Math.floor((steps - 1) / strides) + 1 : out;
    if (causalOut === 0) {
      ctx.report('NNC3020', layer.call.span, {
        layer: layer.kind,
        window: `${window}-step`,
        input: shapeText(input, true),
        help: `use padding="same", a window of at most ${steps} steps, or fewer layers that shorten the sequence before it`,
      });
      return null;
    }
    if (kind === 'Conv1D') {
      const weights = window * channels * layer.filters!;
      if (weights > MAX_LAYER_WEIGHTS) {
        ctx.report('NNC3024', layer.call.span, { layer: layer.kind, weights, limit: MAX_LAYER_WEIGHTS });
        return null;
      }
      return [causalOut, layer.filters!];
    }
    return [causalOut, channels];
  };
}

function recurrentRule(ctx: CheckContext, layer: LayerDraft, input: number[], origin: ModelInfo['inputOrigin']): number[] | null {
  if (!needsSequence(ctx, layer, input, origin)) return null;
  const cell = layer.kind === 'Bidirectional' ? layer.wrapped : layer;
  if (!cell || cell.units === undefined || !cell.recurrent) return null;
  const units = layer.kind === 'Bidirectional' && (layer.mergeMode ?? 'concat') === 'concat' ? 2 * cell.units : cell.units;
  return cell.recurrent.returnSequences ? [input[0]!, units] : [units];
}

const rules: Record<LayerKind, Rule> = {
  Dense: (ctx, layer, input) => {
    // Keras' Dense acts on the last axis: (T, F) -> (T, units)
    const inputs = input.at(-1)!;
    const weights = inputs * layer.units!;
    if (weights > MAX_LAYER_WEIGHTS) {
      ctx.report('NNC3017', layer.call.span, { inputs, units: layer.units!, weights, limit: MAX_LAYER_WEIGHTS });
      return null;
    }
    return [...input.slice(0, -1), layer.units!];
  },
  Activation: same,
  Dropout: same,
  Rescaling: same,
  BatchNormalization: same,
  Normalization: (ctx, layer, input) => {
    if (input.length === 1) return input;
    ctx.report('NNC3023', layer.call.span, {
      layer: 'Normalization',
      input: shapeText(input, true),
      help: 'for images use Rescaling(1/255) or BatchNormalization(), or put Flatten() before it',
    });
    return null;
  },
  Conv2D: windowRule('Conv2D'),
  MaxPooling2D: windowRule('pooling'),
  AveragePooling2D: windowRule('pooling'),
  GlobalAveragePooling2D: (ctx, layer, input, origin) => (needsImage(ctx, layer, input, origin) ? [input[2]!] : null),
  GlobalMaxPooling2D: (ctx, layer, input, origin) => (needsImage(ctx, layer, input, origin) ? [input[2]!] : null),
  Flatten: (_ctx, _layer, input) => [size(input)],
  // one text per sample in (the data-vs-model check holds the data to being text), tokens out
  TextVectorization: (_ctx, layer) => (layer.text ? [layer.text.length] : null),
  Embedding: (_ctx, layer, input) => (layer.table ? [...input, layer.table.width] : null),
  Conv1D: stepWindowRule('Conv1D'),
  MaxPooling1D: stepWindowRule('pooling'),
  AveragePooling1D: stepWindowRule('pooling'),
  GlobalAveragePooling1D: (ctx, layer, input, origin) => (needsSequence(ctx, layer, input, origin) ? [input[1]!] : null),
  GlobalMaxPooling1D: (ctx, layer, input, origin) => (needsSequence(ctx, layer, input, origin) ? [input[1]!] : null),
  Cropping1D: (ctx, layer, input, origin) => {
    if (!needsSequence(ctx, layer, input, origin) || !layer.cropping) return null;
    const [start, end] = layer.cropping;
    const steps = input[0]!;
    if (start + end >= steps) {
      ctx.report('NNC3020', layer.call.span, { layer: 'Cropping1D', window: `(${start}, ${end}) cropping`, input: shapeText(input, true), help: `cut fewer than ${steps} steps in all` });
      return null;
    }
    return [steps - start - end, input[1]!];
  },
  SimpleRNN: recurrentRule,
  LSTM: recurrentRule,
  GRU: recurrentRule,
  Bidirectional: recurrentRule,
  Reshape: (ctx, layer, input) => {
    const target = layer.targetShape!;
    const n = size(input);
    const known = size(target.filter((d) => d !== -1));
    const free = target.indexOf(-1);
    if (free >= 0 ? n % known !== 0 : known !== n) {
      ctx.report('NNC3022', layer.call.span, {
        target: shapeText(target),
        targetSize: free >= 0 ? `a multiple of ${known} values` : `${known} values`,
        input: shapeText(input, true),
        inputSize: n,
      });
      return null;
    }
    return free >= 0 ? target.map((d) => (d === -1 ? n / known : d)) : target;
  },
};

/** The layer's output shape for this input, or null when it does not fit (reported). */
export function layerOutputShape(ctx: CheckContext, layer: LayerDraft, input: number[], origin: ModelInfo['inputOrigin']): number[] | null {
  return rules[layer.kind](ctx, layer, input, origin);
}
