// The `lstm` workload: a recurrent model on the order task (is token 2 before token 3? base/data/
// builtin.ts): sequences of 32 tokens, Embedding(10, 16), LSTM(64), Dense(1, sigmoid), Adam,
// binary cross-entropy, batch 64; samples per second of training. nnc compiles it from .nn source;
// TF.js builds it with tf.layers, PyTorch (torch.ts) with nn.Embedding and nn.LSTM, each with
// Keras' initializers.
import { makeBuiltin } from '../base/data/builtin.js';
import type { Dataset, LstmWorkload } from './harness.js';

export const LSTM_STEPS = 32;
export const LSTM_VOCABULARY = 10;
export const LSTM_EMBEDDING = 16;
export const LSTM_UNITS = 64;

export const LSTM_SOURCE = `model reader = Sequential {
  Input((${LSTM_STEPS},))
  Embedding(${LSTM_VOCABULARY}, ${LSTM_EMBEDDING})
  LSTM(${LSTM_UNITS})
  Dense(1, activation="sigmoid")
}
compile reader(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
`;

/** `rows` sequences of the order task: token ids as float32 [rows, steps], labels 0/1 [rows, 1]. */
export function lstmData(rows: number, seed: number): Dataset {
  const t = makeBuiltin('order', { rows, length: LSTM_STEPS, vocabulary: LSTM_VOCABULARY, seed });
  return { name: 'the order task', rows, featureCount: LSTM_STEPS, features: t.features, labelWidth: 1, labels: t.labels };
}

export function lstmWorkload(batches: number, samples: LstmWorkload['samples'], seed: number, tag: string): LstmWorkload {
  const batchSize = 64;
  return {
    kind: 'lstm',
    name: 'lstm',
    description: `fit Embedding(${LSTM_VOCABULARY}, ${LSTM_EMBEDDING}), LSTM(${LSTM_UNITS}), Dense(1 sigmoid) on ${LSTM_STEPS}-token sequences of the order task, Adam 0.001, binary cross-entropy, ${batches} batches of ${batchSize}, shuffled; samples per second${tag}`,
    unit: 'samples/s',
    samples,
    source: LSTM_SOURCE,
    data: lstmData(batches * batchSize, seed),
    sampleShape: [LSTM_STEPS],
    batchSize,
    batches,
    seed,
  };
}
