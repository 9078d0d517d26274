// Part of lowerToGraph: the sequence layers as graph ops, over [B, steps, features] values.
// TextVectorization runs on the host (its output is the graph's input); Embedding is a gather of
// table rows; Conv1D a contraction over a masked window of steps; 1-D pooling a view of windows
// and a reduction; recurrent layers an input projection (a contraction over the last axis), one
// recurrence op (a loop in the plan, not a copy per step) and a slice of its states.
import type { BidirectionalLayer, Conv1DLayer, Cropping1DLayer, EmbeddingLayer, GlobalPooling1DLayer, Layer, Pooling1DLayer, RecurrentLayer } from './program.js';
import { axisCoord, constCoord, type Coord } from './graph/index-map.js';
import { CELL_GATES, type CellActivation } from './graph/cells.js';
import type { GraphBuilder } from './graph/ir.js';
import type { Shape } from './graph/shape.js';
import { CELL_OF, samePadding } from './layers.js';

/** The lowest float32: what steps outside the input are in a max (they never win). */
const F32_MAX = 3.4028234663852886e38;

/** What the sequence layers pass along: the tokens an Embedding(mask_zero=true) read (its mask is tokens > 0). */
export interface SequenceState {
  maskTokens: number | null;
}

export type SequenceLayer = Extract<Layer, { kind: 'TextVectorization' | 'Embedding' | 'MaxPooling1D' | 'AveragePooling1D' | 'GlobalAveragePooling1D' | 'GlobalMaxPooling1D' | 'Cropping1D' | 'SimpleRNN' | 'LSTM' | 'GRU' | 'Bidirectional' }>;

export function isSequenceLayer(layer: Layer): layer is SequenceLayer {
  return ['TextVectorization', 'Embedding', 'MaxPooling1D', 'AveragePooling1D', 'GlobalAveragePooling1D', 'GlobalMaxPooling1D', 'Cropping1D', 'SimpleRNN', 'LSTM', 'GRU', 'Bidirectional'].includes(layer.kind);
}

/** The layer's output; `state` carries the mask from an Embedding to the layers that use it. */
export function lowerSequenceLayer(b: GraphBuilder, layer: SequenceLayer, h: number, state: SequenceState): number {
  switch (layer.kind) {
    case 'TextVectorization':
      // the host turned the texts into these tokens (runtime/text-data.ts)
      return h;
    case 'Embedding':
      state.maskTokens = layer.maskZero ? h : null;
      return lowerEmbedding(b, layer, h);
    case 'MaxPooling1D':
    case 'AveragePooling1D':
      return lowerPooling1D(b, layer, h);
    case 'GlobalAveragePooling1D':
    case 'GlobalMaxPooling1D':
      return lowerGlobalPooling1D(b, layer, h, layer.masked ? state.maskTokens : null);
    case 'Cropping1D':
      return lowerCropping1D(b, layer, h);
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return lowerRecurrent(b, layer, h, layer.name, false);
    case 'Bidirectional':
      return lowerBidirectional(b, layer, h);
  }
}

function lowerEmbedding(b: GraphBuilder, layer: EmbeddingLayer, h: number): number {
  const table = b.param(`${layer.name}/embeddings`, [layer.inputDim, layer.outputDim], layer.embeddingsInitializer, layer.inputDim, layer.outputDim);
  return b.gather(table, h);
}

/** The input step of output step `out` and window tap `tap`: stride * out + tap - padding before, masked where it can leave the input. */
function stepCoord(out: number, tap: number, stride: number, window: number, steps: number, outSteps: number, padding: Conv1DLayer['padding']): Coord {
  const before = padding === 'causal' ? window - 1 : padding === 'same' ? samePadding(steps, window, stride).before : 0;
  const masked = before > 0 || (outSteps - 1) * stride + window - before > steps;
  return { terms: [[out, stride], [tap, 1]], bias: -before, ...(masked ? { masked: true } : {}) };
}

/** out[b, t, f] = sum over (i, c) of x[b, s t + i - pad, c] k[i, c, f]: one contraction, then the bias (the caller applies the activation). */
export function lowerConv1D(b: GraphBuilder, layer: Conv1DLayer, h: number): number {
  const [steps, channels] = layer.inputShape as [number, number];
  const [outSteps, filters] = layer.outputShape as [number, number];
  const k = layer.kernelSize;
  const kernel = b.param(`${layer.name}/kernel`, [k, channels, filters], layer.kernelInitializer, k * channels, k * filters);
  // axes: b, t, f (output), then i, c (inner)
  const window = stepCoord(1, 3, layer.strides, k, steps, outSteps, layer.padding);
  let z = b.contract(h, kernel, ['B', outSteps, filters], [k, channels], [axisCoord(0), window, axisCoord(4)], [axisCoord(3), axisCoord(4), axisCoord(2)]);
  if (layer.useBias) z = b.add2(z, b.param(`${layer.name}/bias`, [1, filters], layer.biasInitializer, k * channels, k * filters));
  return z;
}

/** Windows of steps as a view of the input [b, t, i, c], then a max or a mean over i (cells outside the input never win, and do not count). */
function lowerPooling1D(b: GraphBuilder, layer: Pooling1DLayer, h: number): number {
  const [steps, channels] = layer.inputShape as [number, number];
  const [outSteps] = layer.outputShape as [number, number];
  const p = layer.poolSize;
  const max = layer.kind === 'MaxPooling1D';
  const window = stepCoord(1, 2, layer.strides, p, steps, outSteps, layer.padding);
  const windows = b.view(h, ['B', outSteps, p, channels], [axisCoord(0), window, axisCoord(3)]);
  const out: Shape = ['B', outSteps, channels];
  if (!window.masked) {
    const pooled = b.reshape(b.reduce(max ? 'max' : 'sum', [2], windows), out);
    return max ? pooled : b.scale(pooled, 1 / p);
  }
  const ones = b.broadcast(b.constant(1), [1, steps, 1]);
  const inside = b.view(ones, [1, outSteps, p, 1], [constCoord(0), window, constCoord(0)]);
  if (max) return b.reshape(b.reduce('max', [2], b.map('select', [inside, windows, b.constant(-F32_MAX)])), out);
  return b.reshape(b.div(b.reduce('sum', [2], windows), b.reduce('sum', [2], inside)), out);
}

/**
 * The mean or max of each channel over the steps. With a mask (Keras' GlobalAveragePooling1D after
 * Embedding(mask_zero=True)): the sum over the steps whose token is not 0, divided by their count
 * (at least 1: a sequence of padding only averages to 0, where Keras divides by zero).
 */
function lowerGlobalPooling1D(b: GraphBuilder, layer: GlobalPooling1DLayer, h: number, maskTokens: number | null): number {
  const [steps, channels] = layer.inputShape as [number, number];
  const out: Shape = ['B', channels];
  if (layer.kind === 'GlobalMaxPooling1D') return b.reshape(b.reduce('max', [1], h), out);
  if (maskTokens === null) return b.scale(b.reshape(b.reduce('sum', [1], h), out), 1 / steps);
  const mask = b.reshape(b.map('gt', [maskTokens, b.constant(0)]), ['B', steps, 1]);
  const sum = b.reshape(b.reduce('sum', [1], b.mul(h, mask)), out);
  const count = b.map('max', [b.reshape(b.reduce('sum', [1], mask), ['B', 1]), b.constant(1)]);
  return b.div(sum, count);
}

function lowerCropping1D(b: GraphBuilder, layer: Cropping1DLayer, h: number): number {
  const [outSteps] = layer.outputShape as [number, number];
  return b.slice(h, 1, layer.cropping[0], outSteps);
}

/**
 * A recurrent layer: x W + b for every step at once (a contraction over the last axis), the
 * recurrence over the steps (one op: a loop), and h sliced from its states. `prefix` names the
 * weights (the layer's name, or bidirectional/forward_lstm). `keepOrder`: with go_backwards and
 * return_sequences, the steps stay in the input's order (Bidirectional's backward layer) instead
 * of the order they were run in (Keras' go_backwards alone).
 */
function lowerRecurrent(b: GraphBuilder, layer: RecurrentLayer, h: number, prefix: string, keepOrder: boolean): number {
  const [steps, features] = layer.inputShape as [number, number];
  const u = layer.units;
  const cell = CELL_OF[layer.kind];
  const g = CELL_GATES[cell] * u;
  const kernel = b.param(`${prefix}/kernel`, [features, g], layer.kernelInitializer, features, g);
  const recurrentKernel = b.param(`${prefix}/recurrent_kernel`, [u, g], layer.recurrentInitializer, u, g);
  // out[b, t, k] = sum_f x[b, t, f] W[f, k]: the input projection of every step
  let x = b.contract(h, kernel, ['B', steps, g], [features], [axisCoord(0), axisCoord(1), axisCoord(3)], [axisCoord(3), axisCoord(2)]);
  let recurrentBias: number | undefined;
  if (layer.useBias) {
    if (cell === 'gru') {
      // Keras' GRU bias (reset_after): (2, 3 units), the input bias then the recurrent bias
      const bias = b.param(`${prefix}/bias`, [2, g], layer.biasInitializer, features, g);
      x = b.add2(x, b.slice(bias, 0, 0, 1));
      recurrentBias = b.slice(bias, 0, 1, 1);
    } else {
      const init = cell === 'lstm' && layer.unitForgetBias ? { name: 'unit_forget_bias' as const, base: layer.biasInitializer } : layer.biasInitializer;
      x = b.add2(x, b.param(`${prefix}/bias`, [1, g], init, features, g));
    }
  }
  const spec = { cell, units: u, activation: layer.activation.name as CellActivation, recurrentActivation: layer.recurrentActivation.name as CellActivation, reverse: layer.goBackwards };
  const states = b.recurrence(spec, x, recurrentKernel, recurrentBias);
  const hs = b.slice(states, 2, 0, u);
  if (!layer.returnSequences) {
    // the last step run: the first input step when running backwards
    return b.reshape(b.slice(hs, 1, layer.goBackwards ? 0 : steps - 1, 1), ['B', u]);
  }
  if (!layer.goBackwards || keepOrder) return hs;
  // Keras returns a backwards layer's steps in the order it ran them: the last input step first
  return b.view(hs, ['B', steps, u], [axisCoord(0), { terms: [[1, -1]], bias: steps - 1 }, axisCoord(2)]);
}

/** Both directions, their outputs merged: concatenated along the last axis (each padded into its half, added), summed, averaged or multiplied. */
function lowerBidirectional(b: GraphBuilder, layer: BidirectionalLayer, h: number): number {
  const forward = lowerRecurrent(b, { ...layer.forward, inputShape: layer.inputShape }, h, `${layer.name}/${layer.forward.name}`, false);
  const backward = lowerRecurrent(b, { ...layer.backward, inputShape: layer.inputShape }, h, `${layer.name}/${layer.backward.name}`, true);
  const u = layer.forward.units;
  switch (layer.mergeMode) {
    case 'concat': {
      const axis = b.shape(forward).length - 1;
      return b.add2(b.pad(forward, axis, 0, 2 * u), b.pad(backward, axis, u, 2 * u));
    }
    case 'sum':
      return b.add2(forward, backward);
    case 'ave':
      return b.scale(b.add2(forward, backward), 0.5);
    case 'mul':
      return b.mul(forward, backward);
  }
}
