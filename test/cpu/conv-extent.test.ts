// A "valid" Conv2D or pooling whose last rows or columns the "valid" windows after it leave unread
// computes only the rows and columns read, back through a chain of them (lower-to-graph.ts,
// extentsRead). That must change nothing a user sees: the same model with layers between
// (Rescaling(1) reads everything, so nothing is cropped) trains to the same bits, and the summary
// keeps Keras' shapes.
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../compiler/driver.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import { encodeLabels } from '../../runtime/session.js';
import { randomTable } from '../core/helpers.js';
import { RandomStream } from '../../base/rng.js';
import { imageCase } from '../core/image-cases.js';
import type { Case } from '../core/cases.js';

const layers = (between: string) =>
  `Input((11, 9, 2)), Conv2D(8, 3, activation="relu"), ${between}MaxPooling2D(2), Conv2D(4, (2, 3), padding="same", activation="relu"), AveragePooling2D((2, 3), strides=(2, 1)), Flatten(), Dense(3, activation="softmax")`;
const cropped = imageCase('cropped', layers(''));
const whole = imageCase('whole', layers('Rescaling(1), '));
// a chain: the average pooling reads 3x2 of the second Conv2D's 4x2, which then reads 5x5 of the
// max pooling's 6x5, which reads 10x10 of the first Conv2D's 12x11
const chain = (between: string) =>
  `Input((14, 13, 2)), Conv2D(4, 3, activation="relu"), ${between}MaxPooling2D(2), ${between}Conv2D(3, 3, strides=(1, 2)), ${between}AveragePooling2D((3, 2)), Flatten(), Dense(3, activation="softmax")`;
const chained = imageCase('chained', chain(''));
const unchained = imageCase('unchained', chain('Rescaling(1), '));

function train(c: Case, threads: number): Uint32Array[] {
  const { plan } = compileModel(c.model, c.config);
  const data = randomTable(13, c.model.inputDim, 3, c.labels, ['0', '1', '2']);
  const exec = new CpuExecutor(plan, { threads });
  const rng = new RandomStream(7, 3);
  const params = plan.buffers.filter((b) => b.role === 'param').sort((a, b) => a.name.localeCompare(b.name));
  const size = (b: (typeof plan.buffers)[number]) => b.shape.reduce<number>((p, d) => p * (d as number), 1);
  for (const b of plan.buffers) if (b.role === 'state') exec.write(b.id, new Float32Array(size(b)).fill(b.fill ?? 0));
  for (const b of params) exec.write(b.id, Float32Array.from({ length: size(b) }, () => rng.range(-0.6, 0.6)));
  exec.bindData({ key: 'd', rows: data.rows, features: data.features, labels: encodeLabels(data, plan.io.labelEncoding) });
  exec.setPermutation(Uint32Array.from({ length: data.rows }, (_, i) => (i * 5 + 3) % data.rows));
  exec.run('train', [{ offset: 0, rows: 6, step: 1 }, { offset: 6, rows: 7, step: 2 }], 3);
  const out = params.map((b) => exec.view(b.id).slice());
  exec.dispose();
  return out.map((p) => new Uint32Array(p.buffer));
}

const space = (c: Case, name: string) => {
  const k = compileModel(c.model, c.config).plan.schedules.train.kernels.find((k) => k.name === name)!;
  return k.kind === 'contract' ? k.space : null;
};

describe('a Conv2D or pooling computes only what the windows after it read', () => {
  it('the plan holds the rows read (the first convolution 9x7 -> 8x6; the second, under "same" with odd pooling, as is)', () => {
    const { plan } = compileModel(cropped.model, cropped.config);
    const conv = plan.schedules.train.kernels.find((k) => k.name === 'conv2d.contract')!;
    expect(conv.kind === 'contract' && conv.space).toEqual(['B', 8, 6, 8]);
    const second = plan.schedules.train.kernels.find((k) => k.name === 'conv2d_1.contract')!;
    expect(second.kind === 'contract' && second.space).toEqual(['B', 4, 3, 4]);
    expect(cropped.model.layers.find((l) => l.kind === 'Conv2D')!.outputShape).toEqual([9, 7, 8]);
    const { plan: full } = compileModel(whole.model, whole.config);
    const uncropped = full.schedules.train.kernels.find((k) => k.name === 'conv2d.contract')!;
    expect(uncropped.kind === 'contract' && uncropped.space).toEqual(['B', 9, 7, 8]);
  });

  it('trains to the bits of the same model with nothing cropped, on 1 and 2 threads', () => {
    const want = train(whole, 1);
    expect(train(cropped, 1)).toEqual(want);
    expect(train(cropped, 2)).toEqual(want);
  });

  it('the crop travels back through a chain of "valid" windows (12x11 -> 10x10, 6x5 -> 5x5, 4x2 -> 3x2)', () => {
    expect(space(chained, 'conv2d.contract')).toEqual(['B', 10, 10, 4]);
    expect(space(chained, 'conv2d_1.contract')).toEqual(['B', 3, 2, 3]);
    expect(space(unchained, 'conv2d.contract')).toEqual(['B', 12, 11, 4]);
    expect(space(unchained, 'conv2d_1.contract')).toEqual(['B', 4, 2, 3]);
    expect(chained.model.layers.map((l) => l.outputShape.join('x'))).toEqual(['12x11x4', '6x5x4', '4x2x3', '1x1x3', '3', '3']);
    const want = train(unchained, 1);
    expect(train(chained, 1)).toEqual(want);
    expect(train(chained, 2)).toEqual(want);
  });
});
