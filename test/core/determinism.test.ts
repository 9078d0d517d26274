// A seed reproduces a run bit for bit; another seed gives another run.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import { ModelSession } from '../../runtime/session.js';
import { adam, dense, loss, metric, model, randomTable, span } from './helpers.js';

async function train(seed: number): Promise<Float32Array[]> {
  const m = model('m', [dense('dense', 4, 8, 'relu'), { kind: 'Dropout', name: 'dropout', span, inputShape: [8], outputShape: [8], rate: 0.2 }, dense('dense_1', 8, 1, 'sigmoid')]);
  const { plan } = compileModel(m, { loss: loss('binary_crossentropy'), optimizer: adam, metrics: [metric('accuracy', 'binary_accuracy')] });
  const session = new ModelSession(m, plan, new CpuExecutor(plan));
  session.initialize(seed);
  const data = randomTable(50, 4, 1, (x) => [x[0]! * x[1]! > 0 ? 1 : 0]);
  await session.fit(data, { epochs: 5, batchSize: 8, validationSplit: 0.2, validationData: null, shuffle: true, seed });
  return (await session.weights()).map((w) => w.data);
}

describe('seeded runs', () => {
  it('the same seed twice gives bit-identical weights', async () => {
    const a = await train(7);
    const b = await train(7);
    expect(a.map((w) => Buffer.from(w.buffer).toString('hex'))).toEqual(b.map((w) => Buffer.from(w.buffer).toString('hex')));
  });
  it('another seed gives other weights', async () => {
    const a = await train(7);
    const b = await train(8);
    expect(a[0]).not.toEqual(b[0]);
  });
});
