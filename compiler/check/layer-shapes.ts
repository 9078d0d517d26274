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
