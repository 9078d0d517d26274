// What each layer kind is besides its arguments (registry.ts) and its shape rule
// (check/layer-shapes.ts): its Keras name and its weights as Keras counts them.
import type { Layer, LayerKind, Model, RecurrentKind } from './program.js';
import { CELL_GATES, type CellKind } from './graph/cells.js';

/** Keras' base names (the first layer of a kind is `conv2d`, the next `conv2d_1`). */
export const KERAS_NAMES: Record<LayerKind, string> = {
  Dense: 'dense',
  Activation: 'activation',
  Dropout: 'dropout',
  Normalization: 'normalization',
  Conv2D: 'conv2d',
  MaxPooling2D: 'max_pooling2d',
  AveragePooling2D: 'average_pooling2d',
  GlobalAveragePooling2D: 'global_average_pooling2d',
  GlobalMaxPooling2D: 'global_max_pooling2d',
  BatchNormalization: 'batch_normalization',
  Rescaling: 'rescaling',
  Reshape: 'reshape',
  Flatten: 'flatten',
  TextVectorization: 'text_vectorization',
  Embedding: 'embedding',
  Conv1D: 'conv1d',
  MaxPooling1D: 'max_pooling1d',
  AveragePooling1D: 'average_pooling1d',
  GlobalAveragePooling1D: 'global_average_pooling1d',
  GlobalMaxPooling1D: 'global_max_pooling1d',
  Cropping1D: 'cropping1d',
  SimpleRNN: 'simple_rnn',
  LSTM: 'lstm',
  GRU: 'gru',
  Bidirectional: 'bidirectional',
};

/** The cell (compiler/graph/cells.ts) of each recurrent layer. */
export const CELL_OF: Record<RecurrentKind, CellKind> = { SimpleRNN: 'simple', LSTM: 'lstm', GRU: 'gru' };

/** Weights of a recurrent layer as Keras counts them: kernel, recurrent kernel, bias (GRU's is (2, 3 units): reset_after). */
export function recurrentParams(kind: RecurrentKind, inputs: number, units: number, useBias: boolean): number {
  const g = CELL_GATES[CELL_OF[kind]] * units;
  return inputs * g + units * g + (useBias ? (kind === 'GRU' ? 2 * g : g) : 0);
}

/**
 * One sample's shape as the compiled step takes it: the model's input shape, except for a model
 * that begins with TextVectorization, whose texts the host turns into its tokens first.
 */
export function graphInputShape(model: Pick<Model, 'inputShape' | 'layers'>): number[] {
  const first = model.layers[0];
  return first?.kind === 'TextVectorization' ? first.outputShape : model.inputShape;
}

/** Values in a shape. */
export function size(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/** A shape as Keras prints it: `(28, 28, 1)`, `(8,)`; with the batch, `(None, 26, 26, 32)`. */
export function shapeText(shape: readonly number[], batch = false): string {
  const dims = [...(batch ? ['None'] : []), ...shape.map(String)];
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/**
 * A layer's weights: trainable (kernels, biases, BatchNormalization's gamma and beta) and not
 * (Normalization's mean, variance and count; BatchNormalization's moving mean and variance).
 */
export function parameterCounts(layer: Layer): { trainable: number; nonTrainable: number } {
  const inputs = layer.inputShape.at(-1)!;
  switch (layer.kind) {
    case 'Dense':
      return { trainable: inputs * layer.units + (layer.useBias ? layer.units : 0), nonTrainable: 0 };
    case 'Conv2D': {
      const [kh, kw] = layer.kernelSize;
      return { trainable: kh * kw * inputs * layer.filters + (layer.useBias ? layer.filters : 0), nonTrainable: 0 };
    }
    case 'Normalization':
      return { trainable: 0, nonTrainable: 2 * size(layer.inputShape) + 1 };
    case 'Embedding':
      return { trainable: layer.inputDim * layer.outputDim, nonTrainable: 0 };
    case 'Conv1D':
      return { trainable: layer.kernelSize * inputs * layer.filters + (layer.useBias ? layer.filters : 0), nonTrainable: 0 };
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return { trainable: recurrentParams(layer.kind, inputs, layer.units, layer.useBias), nonTrainable: 0 };
    case 'Bidirectional':
      return { trainable: 2 * recurrentParams(layer.forward.kind, inputs, layer.forward.units, layer.forward.useBias), nonTrainable: 0 };
    case 'BatchNormalization':
      return { trainable: ((layer.center ? 1 : 0) + (layer.scale ? 1 : 0)) * inputs, nonTrainable: 2 * inputs };
    default:
      return { trainable: 0, nonTrainable: 0 };
  }
}

/** A window's padding before the first row or column, as TensorFlow pads "same": half of what is missing, the odd one after. */
export function samePadding(size: number, window: number, stride: number): { out: number; before: number } {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + window - size, 0);
  return { out, before: Math.floor(total / 2) };
}

/** Rows (or columns) out of a window over `size` rows; 0 when a "valid" window does not fit. */
export function windowOutput(size: number, window: number, stride: number, padding: 'valid' | 'same'): number {
  if (padding === 'same') return Math.ceil(size / stride);
  return size < window ? 0 : Math.floor((size - window) / stride) + 1;
}
