// The `cnn` workload: Keras' "simple MNIST convnet" (34,826 parameters: Conv2D 32 3x3 relu,
// MaxPooling2D 2, Conv2D 64 3x3 relu, MaxPooling2D 2, Flatten, Dropout 0.5, Dense 10 softmax),
// Adam, categorical cross-entropy, batch 128, on Fashion-MNIST's first training images when
// `apt-get install dataset-fashion-mnist` has put them in /usr/share/datasets/fashion-mnist (else
// synthetic images of the same shape); samples per second of training. nnc compiles it from .nn
// source; TF.js builds it with tf.layers; PyTorch (pytorch.ts) with torch.nn, channels first.
import { existsSync } from 'node:fs';
import { readIdx } from '../base/data/idx.js';
import { RandomStream } from '../base/rng.js';
import type { CnnWorkload, Dataset } from './harness.js';

export const FASHION_DIR = '/usr/share/datasets/fashion-mnist';

export const CNN_SOURCE = `model convnet = Sequential {
  Input((28, 28, 1))
  Conv2D(32, kernel_size=(3, 3), activation="relu")
  MaxPooling2D(pool_size=(2, 2))
  Conv2D(64, kernel_size=(3, 3), activation="relu")
  MaxPooling2D(pool_size=(2, 2))
  Flatten()
  Dropout(0.5)
  Dense(10, activation="softmax")
}
compile convnet(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
`;

/** `rows` images scaled to [0, 1] with one-hot labels: Fashion-MNIST's first, or synthetic. */
export function cnnData(rows: number, seed: number): Dataset {
  const images = `${FASHION_DIR}/train-images-idx3-ubyte.gz`;
  const labels = `${FASHION_DIR}/train-labels-idx1-ubyte.gz`;
  const oneHot = new Float32Array(rows * 10);
  if (existsSync(images) && existsSync(labels)) {
    const x = readIdx(images).values.subarray(0, rows * 784).map((v) => v / 255);
    const y = readIdx(labels).values;
    for (let r = 0; r < rows; r++) oneHot[r * 10 + y[r]!] = 1;
    return { name: 'fashion-mnist', rows, featureCount: 784, features: x, labelWidth: 10, labels: oneHot };
  }
  const rng = new RandomStream(seed, 3);
  const features = Float32Array.from({ length: rows * 784 }, () => rng.next());
  for (let r = 0; r < rows; r++) oneHot[r * 10 + rng.int(10)] = 1;
  return { name: 'synthetic 28x28', rows, featureCount: 784, features, labelWidth: 10, labels: oneHot };
}

export function cnnWorkload(batches: number, samples: CnnWorkload['samples'], seed: number, tag: string): CnnWorkload {
  const batchSize = 128;
  const data = cnnData(batches * batchSize, seed);
  return {
    kind: 'cnn',
    name: 'cnn',
    description: `fit Keras' MNIST convnet (Conv2D 32 3x3 relu, MaxPooling2D 2, Conv2D 64 3x3 relu, MaxPooling2D 2, Flatten, Dropout 0.5, Dense 10 softmax; 34,826 params), Adam 0.001, categorical cross-entropy, ${data.name}, ${batches} batches of ${batchSize}, shuffled; samples per second${tag}`,
    unit: 'samples/s',
    samples,
    source: CNN_SOURCE,
    data,
    sampleShape: [28, 28, 1],
    batchSize,
    batches,
    seed,
  };
}
