// Small sequence models for the gradient, plan and agreement tests, built from .nn source by the
// checker (so the layers are what a program gets): Embedding (with tokens repeated in a batch,
// token 0 and mask_zero), Conv1D with every padding, 1-D pooling, Cropping1D, and every recurrent
// layer forwards, backwards, with all steps or the last, and inside Bidirectional.
import { RandomStream } from '../../base/rng.js';
import type { Table } from '../../base/data/dataset.js';
import { imageCase } from './image-cases.js';
import type { Case } from './cases.js';

export interface SequenceCase extends Case {
  /** Token ids below this (the model begins with an Embedding of this many rows); 0: real values. */
  vocabulary: number;
  /** Checked against finite differences (false for a case as wide as a GPU needs, whose parameters take long). */
  finiteDifferences: boolean;
}

function sequenceCase(name: string, layers: string, vocabulary: number, compile?: string, classes = 3, finiteDifferences = true): SequenceCase {
  return { ...imageCase(name, layers, compile, classes), vocabulary, finiteDifferences };
}

/** Rows of tokens (every token of the vocabulary, 0 included, some rows ending in padding) or of values in [-2, 2). */
export function sequenceTable(c: SequenceCase, rows: number, seed: number): Table {
  const rng = new RandomStream(seed, 4);
  const width = c.model.inputDim;
  const features = new Float32Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const padFrom = c.vocabulary > 0 && r % 3 === 1 ? width - 2 : width;
    for (let j = 0; j < width; j++) features[r * width + j] = c.vocabulary > 0 ? (j >= padFrom ? 0 : rng.int(c.vocabulary)) : rng.range(-2, 2);
  }
  // labels from the values (tokens scaled to [-0.5, 0.5)): classes, or regression targets
  const rowLabels = Array.from({ length: rows }, (_, r) => c.labels(Array.from(features.subarray(r * width, (r + 1) * width), (v) => (c.vocabulary > 0 ? v / c.vocabulary - 0.5 : v))));
  const labelWidth = rowLabels[0]!.length;
  const labels = Float32Array.from(rowLabels.flat());
  return {
    rows,
    featureDim: width,
    featureShape: c.model.inputShape,
    features,
    labelColumns: labelWidth,
    labels,
    classes: labelWidth === 1 ? ['0', '1', '2'] : null,
    stringLabels: false,
    featureNames: null,
    labelNames: null,
  };
}

const softmax = 'Dense(3, activation="softmax")';

export const sequenceCases: SequenceCase[] = [
  sequenceCase('Embedding (tokens repeated, token 0) and an LSTM, last step', `Input((5,)), Embedding(6, 3), LSTM(4), ${softmax}`, 6),
  sequenceCase('Embedding(mask_zero) and GlobalAveragePooling1D over the other steps', `Input((6,)), Embedding(5, 4, mask_zero=true), Dense(3, activation="tanh"), GlobalAveragePooling1D(), ${softmax}`, 5),
  sequenceCase('GRU backwards, all steps, then a Conv1D "causal" and GlobalMaxPooling1D', `Input((5, 2)), GRU(3, return_sequences=true, go_backwards=true), Conv1D(2, 3, padding="causal", activation="relu"), GlobalMaxPooling1D(), ${softmax}`, 0),
  sequenceCase('SimpleRNN (relu) all steps, Conv1D "same" stride 2, MaxPooling1D, AveragePooling1D "same"', `Input((7, 2)), SimpleRNN(3, activation="relu", return_sequences=true), Conv1D(3, 3, strides=2, padding="same"), MaxPooling1D(2, strides=1), AveragePooling1D(2, padding="same"), Flatten(), ${softmax}`, 0),
  sequenceCase('Bidirectional(LSTM) concatenated, all steps, Cropping1D, Bidirectional(GRU) summed', `Input((5, 2)), Bidirectional(LSTM(2, return_sequences=true)), Cropping1D((1, 2)), Bidirectional(GRU(3), merge_mode="sum"), ${softmax}`, 0),
  // 16 units: a GPU runs the loops of its step in workgroups of 4 rows (kernels/loop.ts), so a batch of 6 takes two
  sequenceCase('a wider LSTM backwards, all steps, then GlobalAveragePooling1D', `Input((4, 3)), LSTM(16, go_backwards=true, return_sequences=true), GlobalAveragePooling1D(), ${softmax}`, 0, undefined, 3, false),
  sequenceCase('Conv1D "valid" without bias, SimpleRNN backwards, mse', `Input((6, 3)), Conv1D(4, 2, use_bias=false), SimpleRNN(3, go_backwards=true), Dense(2)`, 0, 'loss="mse", optimizer="sgd"', 2),
];
