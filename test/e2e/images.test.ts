// Convnets end to end on the CPU: the digits example (CSV rows read as 8x8 images), a short run of
// the Fashion-MNIST convnet (the full 5-epoch run is in the README), and BatchNormalization's
// moving statistics saved with the weights and used by evaluate after loading them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../base/source.js';
import { haveSharedData, inCI, sharedDataset } from '../helpers/shared.js';
import { evaluation, example, fitHistory, runNn } from './helpers.js';

const FASHION = '/usr/share/datasets/fashion-mnist';
const haveFashion = existsSync(join(FASHION, 't10k-images-idx3-ubyte.gz'));
if (!haveFashion && inCI) throw new Error(`CI=true but ${FASHION} is missing (.ci/run installs dataset-fashion-mnist)`);
if (!haveFashion) console.warn(`notice: ${FASHION} not found (apt-get install dataset-fashion-mnist); the Fashion-MNIST test is skipped`);

describe.skipIf(!haveSharedData())('digits.nn', () => {
  it('a small convnet on 8x8 digits read from CSV rows: at least 95% on the held-out split', async () => {
    const ran = await runNn(example('digits.nn'), { data: new Map([['digits', sharedDataset('digits.csv')]]) });
    expect(ran.printed).toContain('(None, 8, 8, 16)');
    expect(fitHistory(ran).epoch).toHaveLength(20);
    expect(evaluation(ran).accuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe.skipIf(!haveFashion)('the Fashion-MNIST convnet, a short run', () => {
  it('trains on 3,000 images for 2 epochs to at least 70% on the 10,000 test images', async () => {
    const source = `
dataset all = idx("${FASHION}/train-images-idx3-ubyte.gz", labels="${FASHION}/train-labels-idx1-ubyte.gz")
dataset rest, train = split(all, test_size=0.05, seed=1)
dataset test = idx("${FASHION}/t10k-images-idx3-ubyte.gz", labels="${FASHION}/t10k-labels-idx1-ubyte.gz")
model convnet = Sequential {
  Input((28, 28, 1)), Rescaling(1/255)
  Conv2D(32, kernel_size=(3, 3), activation="relu"), MaxPooling2D(pool_size=(2, 2))
  Conv2D(64, kernel_size=(3, 3), activation="relu"), MaxPooling2D(pool_size=(2, 2))
  Flatten(), Dropout(0.5), Dense(10, activation="softmax")
}
compile convnet(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
fit convnet(train, epochs=2, batch_size=128)
evaluate convnet(test, batch_size=500)
`;
    const ran = await runNn(new SourceFile('fashion-short.nn', source));
    const h = fitHistory(ran);
    expect(h.history.loss![1]!).toBeLessThan(h.history.loss![0]!);
    expect(evaluation(ran).accuracy).toBeGreaterThanOrEqual(0.7);
  }, 300_000);
});

describe('BatchNormalization in a program', () => {
  it('fit moves the statistics; save writes them; a loaded model evaluates with them', async () => {
    const body = `
dataset d = builtin("classification", rows=64, features=8, classes=2, seed=3)
model m = Sequential { Input(8), Reshape((2, 2, 2)), Conv2D(4, 1), BatchNormalization(momentum=0.5), Activation("relu"), Flatten(), Dense(1, activation="sigmoid") }
compile m(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
`;
    const trained = await runNn(new SourceFile('bn.nn', `${body}fit m(d, epochs=3, batch_size=16)\nevaluate m(d)\nsave m -> "bn.safetensors"\n`));
    const saved = join(trained.outDir, 'bn.safetensors');
    expect(existsSync(saved)).toBe(true);
    const { readSafetensors } = await import('../../runtime/io/safetensors-file.js');
    const file = readSafetensors(saved);
    const names = [...file.tensors.keys()];
    expect(names).toEqual(expect.arrayContaining(['batch_normalization/gamma', 'batch_normalization/beta', 'batch_normalization/moving_mean', 'batch_normalization/moving_variance']));
    const movingVariance = file.tensors.get('batch_normalization/moving_variance')!;
    expect(movingVariance.shape).toEqual([4]);
    expect(Array.from(movingVariance.data).some((v) => Math.abs(v - 1) > 1e-3)).toBe(true); // moved from its start, 1
    const loaded = await runNn(new SourceFile(join(trained.outDir, 'bn2.nn'), `${body}load m <- "${saved}"\nevaluate m(d)\n`));
    expect(evaluation(loaded).loss).toBeCloseTo(evaluation(trained).loss!, 5);
  });
});
