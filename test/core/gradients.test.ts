// Every op's, activation's and loss's derivative against central finite differences in float64,
// through one helper (checkGradients) on the graph evaluator.
import { describe, expect, it } from 'vitest';
import { differentiate } from '../../compiler/differentiate.js';
import { evaluateGraph, matrix, tensor, type EvalInputs, type Matrix, type Tensor } from '../../compiler/graph/evaluate.js';
import { GraphBuilder, type Graph } from '../../compiler/graph/ir.js';
import { axisCoord as axis } from '../../compiler/graph/index-map.js';
import { lowerToGraph } from '../../compiler/lower-to-graph.js';
import type { Activation, Layer, Loss } from '../../compiler/program.js';
import { RandomStream } from '../../base/rng.js';
import { dense, loss as lossOf, metric, model, span } from './helpers.js';
import { imageCase } from './image-cases.js';
import { sequenceCases, sequenceTable, type SequenceCase } from './sequence-cases.js';

/** Checks d(loss)/d(param) from `differentiate` against central differences, for every param. */
function checkGradients(graph: Graph, inputs: EvalInputs): void {
  differentiate(graph);
  const lossId = graph.outputs.loss!;
  const lossValue = (values: Map<string, Matrix>) => {
    const v = evaluateGraph(graph, { ...inputs, values });
    const l = v[lossId]!;
    return l.data.reduce((a, b) => a + b, 0) / inputs.features.shape[0]!; // the batch mean
  };
  const values = evaluateGraph(graph, inputs);
  let checked = 0;
  for (const [paramId, gradId] of Object.entries(graph.outputs.gradients)) {
    const op = graph.nodes[Number(paramId)]!.op;
    if (op.kind !== 'param') continue;
    const p = inputs.values.get(op.name)!;
    const analytic = values[gradId]!;
    for (let k = 0; k < p.data.length; k++) {
      const h = 1e-6 * Math.max(1, Math.abs(p.data[k]!));
      const plus = new Map(inputs.values);
      const minus = new Map(inputs.values);
      const up = tensor(p.shape, p.data);
      const down = tensor(p.shape, p.data);
      up.data[k]! += h;
      down.data[k]! -= h;
      plus.set(op.name, up);
      minus.set(op.name, down);
      const numeric = (lossValue(plus) - lossValue(minus)) / (2 * h);
      const a = analytic.data[k]!;
      expect(Math.abs(a - numeric), `${op.name}[${k}]: analytic ${a}, numeric ${numeric}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
}

function randomMatrix(rows: number, cols: number, lo: number, hi: number, seed: number): Matrix {
  return randomTensor([rows, cols], lo, hi, seed);
}

function randomTensor(shape: number[], lo: number, hi: number, seed: number): Tensor {
  const rng = new RandomStream(seed, 9);
  return tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.range(lo, hi)));
}

type Range = [number, number];

/**
 * One op under test: params x0, x1 ... ([3, 4] unless given; any rank) feed `build`; the loss is
 * sum(result * W) with a fixed random W, so every element gets its own upstream gradient.
 */
function checkOp(build: (b: GraphBuilder, x: number[]) => number, ranges: Range[], shapes?: number[][], extra?: (b: GraphBuilder, values: Map<string, Matrix>) => void) {
  const b = GraphBuilder.create('train');
  b.input('features', 1);
  const values = new Map<string, Matrix>();
  const xs = ranges.map(([lo, hi], n) => {
    const shape = shapes?.[n] ?? [3, 4];
    values.set(`x${n}`, randomTensor(shape, lo, hi, 100 + n));
    return b.param(`x${n}`, shape, { name: 'zeros' }, shape[0]!, shape.at(-1)!);
  });
  extra?.(b, values);
  const y = build(b, xs);
  const s = b.node(y).shape as number[];
  values.set('W', randomTensor(s, -1, 1, 7));
  const w = b.state('W', s);
  b.graph.outputs.loss = b.reduce('sum', 'all', b.mul(y, w));
  checkGradients(b.graph, { features: matrix(1, 1, [0]), values });
}

const unary = (fn: Parameters<GraphBuilder['map']>[0], range: Range, alpha = 0) => () => checkOp((b, [x]) => b.map(fn, [x!], alpha), [range]);
const binary = (fn: Parameters<GraphBuilder['map']>[0], ra: Range, rb: Range) => () => checkOp((b, [x, y]) => b.map(fn, [x!, y!]), [ra, rb]);

describe('local derivatives of elementwise ops', () => {
  it('add', binary('add', [-2, 2], [-2, 2]));
  it('sub', binary('sub', [-2, 2], [-2, 2]));
  it('mul', binary('mul', [-2, 2], [-2, 2]));
  it('div', binary('div', [-2, 2], [0.5, 2]));
  it('max', binary('max', [-2, 2], [-2, 2]));
  it('min', binary('min', [-2, 2], [-2, 2]));
  it('pow', binary('pow', [0.5, 2], [-1.5, 1.5]));
  it('neg', unary('neg', [-2, 2]));
  it('abs', unary('abs', [-2, 2]));
  it('square', unary('square', [-2, 2]));
  it('sqrt', unary('sqrt', [0.2, 3]));
  it('exp', unary('exp', [-2, 2]));
  it('log', unary('log', [0.2, 3]));
  it('reciprocal', unary('reciprocal', [0.5, 2]));
  it('clip_prob', unary('clip_prob', [0.05, 0.95], 1e-7));
  it('huber', unary('huber', [-3, 3], 1));
  it('bce_logits', () =>
    checkOp((b, [z]) => b.map('bce_logits', [z!, b.state('y', [3, 4])]), [[-3, 3]], undefined, (_b, v) => v.set('y', randomMatrix(3, 4, 0, 1, 5))));
  it('select', () =>
    checkOp((b, [a, c]) => b.map('select', [b.state('mask', [3, 4]), a!, c!]), [[-2, 2], [-2, 2]], undefined, (_b, v) =>
      v.set('mask', matrix(3, 4, [1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0])),
    ));
  it('broadcasting (row and column vectors, scalars)', () =>
    checkOp((b, [m, row, col, s]) => b.mul(b.add2(b.mul(m!, row!), col!), s!), [[-2, 2], [-2, 2], [-2, 2], [0.5, 2]], [[3, 4], [1, 4], [3, 1], [1, 1]]));
});

describe('local derivatives of activations', () => {
  for (const fn of ['relu', 'sigmoid', 'tanh', 'softplus', 'selu', 'gelu', 'swish'] as const) it(fn, unary(fn, [-3, 3]));
  it('leaky_relu', unary('leaky_relu', [-3, 3], 0.2));
  it('elu', unary('elu', [-3, 3], 1));
  it('softmax', () => checkOp((b, [z]) => b.softmax(z!), [[-3, 3]]));
});

describe('local derivatives of matrix ops', () => {
  for (const [ta, tb] of [[false, false], [false, true], [true, false], [true, true]] as const) {
    it(`matmul${ta ? ' transA' : ''}${tb ? ' transB' : ''}`, () =>
      checkOp((b, [a, c]) => b.matmul(a!, c!, ta, tb), [[-2, 2], [-2, 2]], [ta ? [5, 3] : [3, 5], tb ? [4, 5] : [5, 4]]));
  }
  for (const axis of ['rows', 'cols', 'all'] as const) {
    it(`reduce sum ${axis}`, () => checkOp((b, [x]) => b.reduce('sum', axis, x!), [[-2, 2]]));
    it(`reduce max ${axis}`, () => checkOp((b, [x]) => b.reduce('max', axis, x!), [[-2, 2]]));
  }
  it('broadcast', () => checkOp((b, [x]) => b.broadcast(x!, [3, 4]), [[-2, 2]], [[1, 4]]));
  it('cce_logits', () =>
    checkOp((b, [z]) => b.cceLogits(z!, b.state('y', [3, 4])), [[-3, 3]], undefined, (_b, v) => v.set('y', matrix(3, 4, [0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1]))));
  it('sparse_cce_logits', () =>
    checkOp((b, [z]) => b.sparseCceLogits(z!, b.state('y', [3, 1])), [[-3, 3]], undefined, (_b, v) => v.set('y', matrix(3, 1, [1, 0, 3]))));
});

/** Every non-empty subset of axes 0..rank-1. */
function axisSets(rank: number): number[][] {
  const out: number[][] = [];
  for (let m = 1; m < 1 << rank; m++) out.push(Array.from({ length: rank }, (_, a) => a).filter((a) => m & (1 << a)));
  return out;
}

describe('local derivatives of N-d ops', () => {
  for (const axes of axisSets(3)) {
    it(`reduce sum over axes ${axes.join(',')} of [2, 3, 4]`, () => checkOp((b, [x]) => b.reduce('sum', axes, x!), [[-2, 2]], [[2, 3, 4]]));
    it(`reduce max over axes ${axes.join(',')} of [2, 3, 4]`, () => checkOp((b, [x]) => b.reduce('max', axes, x!), [[-2, 2]], [[2, 3, 4]]));
  }
  for (const axes of [[1, 2], [0, 1, 2], [3], [0, 3]]) {
    it(`reduce sum over axes ${axes.join(',')} of [2, 3, 2, 3]`, () => checkOp((b, [x]) => b.reduce('sum', axes, x!), [[-2, 2]], [[2, 3, 2, 3]]));
  }
  it('broadcasting across ranks ([2, 3, 4] with [3, 1], [4] rows and a scalar)', () =>
    checkOp((b, [m, col, row, k]) => b.mul(b.add2(b.mul(m!, col!), row!), k!), [[-2, 2], [-2, 2], [-2, 2], [0.5, 2]], [[2, 3, 4], [3, 1], [1, 4], [1, 1]]));
  it('reshape [2, 3, 4] to [6, 4] and [4, 6]', () => checkOp((b, [x]) => b.map('tanh', [b.reshape(b.reshape(x!, [6, 4]), [4, 6])]), [[-2, 2]], [[2, 3, 4]]));
  it('transpose of [2, 3, 4] by 2,0,1', () => checkOp((b, [x]) => b.map('square', [b.transpose(x!, [2, 0, 1])]), [[-2, 2]], [[2, 3, 4]]));
  it('softmax along the last axis of [2, 3, 4]', () => checkOp((b, [z]) => b.softmax(z!), [[-3, 3]], [[2, 3, 4]]));
  it('a contraction over rank 3 (a Dense layer applied to every step of a sequence)', () =>
    // out[b, t, u] = sum_f x[b, t, f] w[f, u]
    checkOp((b, [x, w]) => b.contract(x!, w!, [2, 3, 5], [4], [axis(0), axis(1), axis(3)], [axis(3), axis(2)]), [[-2, 2], [-2, 2]], [[2, 3, 4], [4, 5]]));
  for (const [stride, pad] of [[1, 0], [1, 1], [2, 1], [2, 0], [3, 2]] as const) {
    it(`a masked window: a 1-D convolution, stride ${stride}, padding ${pad}`, () => {
      // x [2, 7, 3] (batch, time, channels), w [3, 3, 4] (tap, in, out): out[b, t, o] = sum_{k, c} x[b, s t + k - p, c] w[k, c, o]
      const T = Math.floor((7 + 2 * pad - 3) / stride) + 1;
      checkOp(
        (b, [x, w]) => b.contract(x!, w!, [2, T, 4], [3, 3], [axis(0), { terms: [[1, stride], [3, 1]], bias: -pad, masked: pad > 0 }, axis(4)], [axis(3), axis(4), axis(2)]),
        [[-2, 2], [-2, 2]],
        [[2, 7, 3], [3, 3, 4]],
      );
    });
  }
  it('a 2-D convolution window with padding (Conv2D, "same")', () =>
    // x [1, 4, 5, 2], w [3, 3, 2, 3]: out[b, h, w, o] = sum_{i, j, c} x[b, h + i - 1, w + j - 1, c] k[i, j, c, o]
    checkOp(
      (b, [x, k]) =>
        b.contract(x!, k!, [1, 4, 5, 3], [3, 3, 2], [axis(0), { terms: [[1, 1], [4, 1]], bias: -1, masked: true }, { terms: [[2, 1], [5, 1]], bias: -1, masked: true }, axis(6)], [axis(4), axis(5), axis(6), axis(3)]),
      [[-2, 2], [-2, 2]],
      [[1, 4, 5, 2], [3, 3, 2, 3]],
    ));
  // Views (pooling windows, crops, paddings): each element of x gets the sum of the gradients of what read it.
  const win = (axis: number, stride: number, tap: number, pad = 0, masked = false) => ({ terms: [[axis, stride], [tap, 1]] as Array<[number, number]>, bias: -pad, ...(masked ? { masked } : {}) });
  it('a non-overlapping 2x2 window of [2, 4, 6, 3] (max pooling by view and reduce)', () =>
    // view [2, 2, 2, 3, 2, 3]: x[b, 2 oh + i, 2 ow + j, c]; max over i, j
    checkOp((b, [x]) => b.reduce('max', [2, 4], b.view(x!, [2, 2, 2, 3, 2, 3], [axis(0), win(1, 2, 2), win(3, 2, 4), axis(5)])), [[-2, 2]], [[2, 4, 6, 3]]));
  it('a non-overlapping window that leaves an odd row and column out ([1, 5, 5, 2] pooled 2x2)', () =>
    checkOp((b, [x]) => b.reduce('max', [2, 4], b.view(x!, [1, 2, 2, 2, 2, 2], [axis(0), win(1, 2, 2), win(3, 2, 4), axis(5)])), [[-2, 2]], [[1, 5, 5, 2]]));
  it('overlapping windows (3x3, stride 2) summed (average pooling)', () =>
    checkOp((b, [x]) => b.reduce('sum', [3, 4], b.view(x!, [1, 2, 3, 3, 3, 2], [axis(0), win(1, 2, 3), win(2, 2, 4), axis(5)])), [[-2, 2]], [[1, 5, 7, 2]]));
  it('overlapping windows (2x2, stride 1) with max', () =>
    checkOp((b, [x]) => b.reduce('max', [3, 4], b.view(x!, [1, 3, 4, 2, 2, 1], [axis(0), win(1, 1, 3), win(2, 1, 4), axis(5)])), [[-2, 2]], [[1, 4, 5, 1]]));
  it('padded windows ("same": masked coordinates read 0)', () =>
    checkOp((b, [x]) => b.reduce('sum', [3, 4], b.view(x!, [1, 3, 3, 2, 2, 2], [axis(0), win(1, 2, 3, 1, true), win(2, 2, 4, 1, true), axis(5)])), [[-2, 2]], [[1, 5, 5, 2]]));
  it('a crop and a padding', () =>
    checkOp((b, [x]) => b.map('tanh', [b.view(b.view(x!, [2, 3, 2], [axis(0), axis(1), { ...axis(2), bias: 1 }]), [2, 5, 4], [axis(0), { ...axis(1), bias: -1, masked: true }, { ...axis(2), masked: true }])]), [[-2, 2]], [[2, 3, 4]]));
});

describe('local derivatives of recurrences (backpropagation through time)', () => {
  const cases = [
    { cell: 'simple', activation: 'tanh', recurrentActivation: 'sigmoid' },
    { cell: 'simple', activation: 'relu', recurrentActivation: 'sigmoid' },
    { cell: 'lstm', activation: 'tanh', recurrentActivation: 'sigmoid' },
    { cell: 'gru', activation: 'tanh', recurrentActivation: 'sigmoid' },
  ] as const;
  for (const c of cases) {
    for (const reverse of [false, true]) {
      it(`${c.cell} (${c.activation}/${c.recurrentActivation})${reverse ? ', reverse' : ''}: the input projection, the recurrent kernel${c.cell === 'gru' ? ' and bias' : ''}`, () => {
        const units = 3;
        const gates = { simple: 1, lstm: 4, gru: 3 }[c.cell];
        const spec = { ...c, units, reverse };
        const shapes = [[2, 4, gates * units], [units, gates * units], ...(c.cell === 'gru' ? [[1, gates * units]] : [])];
        checkOp((b, [x, u, bias]) => b.recurrence(spec, x!, u!, bias), shapes.map(() => [-1, 1] as Range), shapes);
      });
    }
  }
  it('slice and pad', () => checkOp((b, [x]) => b.map('square', [b.pad(b.slice(x!, 1, 1, 2), 1, 2, 5)]), [[-2, 2]], [[3, 4]]));
});

/** A whole model's train graph: every layer kind, activation and loss, with its real lowering. */
function checkModel(layers: Layer[], lossName: Loss['name'], labels: (i: number, k: number) => number[]) {
  const m = model('m', layers);
  const graph = lowerToGraph(m, { loss: lossOf(lossName, 0.7), metrics: [metric('mae', 'mae')] }, 'train');
  const rows = 5;
  const features = randomMatrix(rows, m.inputDim, -2, 2, 11);
  const labelRows = Array.from({ length: rows }, (_, i) => labels(i, m.outputDim));
  const values = new Map<string, Matrix>();
  for (const n of graph.nodes) {
    if (n.op.kind === 'param') values.set(n.op.name, randomTensor(n.shape as number[], -0.8, 0.8, n.id + 1));
  }
  // Normalization statistics that are not trivial.
  for (const l of layers) {
    if (l.kind === 'Normalization') {
      values.set(`${l.name}/mean`, randomMatrix(1, l.inputShape[0]!, -0.5, 0.5, 3));
      values.set(`${l.name}/variance`, randomMatrix(1, l.inputShape[0]!, 0.5, 2, 4));
    }
  }
  checkGradients(graph, { features, labels: matrix(rows, labelRows[0]!.length, labelRows.flat()), values, step: 3, seed: 5 });
}

const act = (name: Activation['name']) => name;
const regression = (i: number, k: number) => Array.from({ length: k }, (_, j) => Math.sin(i + j));
const oneHot = (i: number, k: number) => Array.from({ length: k }, (_, j) => (j === i % k ? 1 : 0));

describe('whole models: every activation in a hidden layer, every loss', () => {
  for (const a of ['linear', 'relu', 'sigmoid', 'tanh', 'softmax', 'leaky_relu', 'elu', 'selu', 'softplus', 'gelu', 'swish'] as const) {
    it(`Dense(${act(a)}) -> Dense(linear), mse`, () => checkModel([dense('dense', 3, 4, a), dense('dense_1', 4, 2)], 'mse', regression));
  }
  it('mae', () => checkModel([dense('dense', 3, 4, 'tanh'), dense('dense_1', 4, 2)], 'mae', regression));
  it('huber', () => checkModel([dense('dense', 3, 4, 'tanh'), dense('dense_1', 4, 2)], 'huber', (i, k) => regression(i, k).map((v) => 3 * v)));
  it('binary_crossentropy on sigmoid (logits form)', () =>
    checkModel([dense('dense', 3, 4, 'relu'), dense('dense_1', 4, 1, 'sigmoid')], 'binary_crossentropy', (i) => [i % 2]));
  it('binary_crossentropy on tanh output (probability form, clipped)', () =>
    checkModel([dense('dense', 3, 4, 'relu'), dense('dense_1', 4, 1, 'linear'), { kind: 'Activation', name: 'activation', span, inputShape: [1], outputShape: [1], activation: { name: 'sigmoid', alpha: 0 } }, { kind: 'Dropout', name: 'dropout', span, inputShape: [1], outputShape: [1], rate: 0 }], 'binary_crossentropy', (i) => [i % 2]));
  it('categorical_crossentropy on softmax (logits form)', () =>
    checkModel([dense('dense', 3, 4, 'relu'), dense('dense_1', 4, 3, 'softmax')], 'categorical_crossentropy', oneHot));
  it('categorical_crossentropy on sigmoid outputs (probability form)', () =>
    checkModel([dense('dense', 3, 4, 'relu'), dense('dense_1', 4, 3, 'sigmoid')], 'categorical_crossentropy', oneHot));
  it('sparse_categorical_crossentropy on softmax (logits form)', () =>
    checkModel([dense('dense', 3, 4, 'relu'), dense('dense_1', 4, 3, 'softmax')], 'sparse_categorical_crossentropy', (i) => [i % 3]));
  it('sparse_categorical_crossentropy on sigmoid outputs (probability form)', () =>
    checkModel([dense('dense', 3, 4, 'relu'), dense('dense_1', 4, 3, 'sigmoid')], 'sparse_categorical_crossentropy', (i) => [i % 3]));
  it('Activation layer, Dropout (fixed mask for a given seed and step), Normalization, no bias', () =>
    checkModel(
      [
        { kind: 'Normalization', name: 'normalization', span, inputShape: [3], outputShape: [3], adapt: null },
        dense('dense', 3, 6, 'linear', { useBias: false }),
        { kind: 'Activation', name: 'activation', span, inputShape: [6], outputShape: [6], activation: { name: 'elu', alpha: 1 } },
        { kind: 'Dropout', name: 'dropout', span, inputShape: [6], outputShape: [6], rate: 0.3 },
        dense('dense_1', 6, 2),
      ],
      'mse',
      regression,
    ));
});

/** An image model's train graph (its real lowering) against finite differences, for every parameter. */
function checkImageModel(layers: string, compile?: string, classes = 3) {
  const c = imageCase(layers, layers, compile, classes);
  const graph = lowerToGraph(c.model, c.config, 'train');
  const rows = 3;
  const features = randomTensor([rows, ...c.model.inputShape], -2, 2, 11);
  const perRow = c.model.inputDim;
  const labelRows = Array.from({ length: rows }, (_, i) => c.labels(Array.from(features.data.subarray(i * perRow, (i + 1) * perRow))));
  const values = new Map<string, Matrix>();
  for (const n of graph.nodes) {
    if (n.op.kind === 'param') values.set(n.op.name, randomTensor(n.shape as number[], -0.8, 0.8, n.id + 1));
  }
  const encoded = c.config.loss.name === 'categorical_crossentropy' ? labelRows.map(([k]) => Array.from({ length: classes }, (_, j) => (j === k ? 1 : 0))) : labelRows;
  checkGradients(graph, { features, labels: matrix(rows, encoded[0]!.length, encoded.flat()), values, step: 3, seed: 5 });
}

describe('whole image models: every new layer against finite differences', () => {
  const adam = 'loss="sparse_categorical_crossentropy", optimizer="adam"';
  it('Conv2D "valid", one channel, odd sizes', () => checkImageModel('Input((5, 6, 1)), Conv2D(2, 3, activation="tanh"), Flatten(), Dense(3, activation="softmax")', adam));
  it('Conv2D "same", three channels, stride 2', () => checkImageModel('Input((5, 4, 3)), Conv2D(2, (3, 2), strides=2, padding="same", activation="swish"), Flatten(), Dense(3, activation="softmax")', adam));
  it('Conv2D "valid", strides (2, 1), no bias', () => checkImageModel('Input((7, 5, 2)), Conv2D(3, 3, strides=(2, 1), use_bias=false), Flatten(), Dense(3, activation="softmax")', adam));
  it('MaxPooling2D (tiling, odd size) after a convolution', () => checkImageModel('Input((5, 5, 2)), Conv2D(2, 2, activation="tanh"), MaxPooling2D(2), Flatten(), Dense(3, activation="softmax")', adam));
  it('MaxPooling2D "same", overlapping', () => checkImageModel('Input((5, 4, 2)), Conv2D(2, 2), MaxPooling2D(3, strides=2, padding="same"), Flatten(), Dense(3, activation="softmax")', adam));
  it('AveragePooling2D "valid" and "same"', () => checkImageModel('Input((6, 5, 1)), Conv2D(2, 2), AveragePooling2D(2), AveragePooling2D(2, strides=1, padding="same"), Flatten(), Dense(3, activation="softmax")', adam));
  it('GlobalAveragePooling2D and GlobalMaxPooling2D', () => checkImageModel('Input((4, 4, 3)), Conv2D(3, 2, activation="tanh"), Reshape((3, 3, 3)), GlobalMaxPooling2D(), Reshape((1, 1, 3)), GlobalAveragePooling2D(), Dense(3, activation="softmax")', adam));
  it('BatchNormalization on an image (batch statistics in fit)', () => checkImageModel('Input((3, 4, 2)), Conv2D(3, 2), BatchNormalization(), Activation("tanh"), Flatten(), Dense(3, activation="softmax")', adam));
  it('BatchNormalization without scale or center, on rows', () => checkImageModel('Input(6), Dense(4), BatchNormalization(center=false), Dense(3), BatchNormalization(scale=false), Dense(3, activation="softmax")', adam));
  it('Rescaling, Reshape, Dense on the last axis, Dropout on an image', () =>
    checkImageModel('Input(12), Rescaling(0.5, offset=-0.2), Reshape((2, 3, 2)), Dense(4, activation="elu"), Dropout(0.3), Flatten(), Dense(2)', 'loss="mse"', 2));
});

describe('local derivatives of the gather (an Embedding) and its segment sum', () => {
  it('rows of a [5, 3] table for [2, 4] indices (repeated, 0, one outside the table, a fraction)', () =>
    checkOp(
      (b, [table]) => b.gather(table!, b.state('indices', [2, 4])),
      [[-2, 2]],
      [[5, 3]],
      (_b, values) => values.set('indices', tensor([2, 4], [1, 3, 1, 0, 4, 7, 3, 2.5])),
    ));
  it('a gather inside a model: tanh of the rows, weighted', () =>
    checkOp((b, [table, w]) => b.mul(b.map('tanh', [b.gather(table!, b.state('indices', [3, 2]))]), w!), [[-2, 2], [-1, 1]], [[4, 2], [1, 2]], (_b, values) => values.set('indices', tensor([3, 2], [3, 3, 0, 1, 3, 2]))));
});

/** A sequence model's train graph (its real lowering) against finite differences, for every parameter. */
function checkSequenceModel(c: SequenceCase) {
  const graph = lowerToGraph(c.model, c.config, 'train');
  const data = sequenceTable(c, 3, 11);
  const values = new Map<string, Matrix>();
  for (const n of graph.nodes) {
    if (n.op.kind === 'param') values.set(n.op.name, randomTensor(n.shape as number[], -0.8, 0.8, n.id + 1));
  }
  checkGradients(graph, { features: tensor([data.rows, ...c.model.inputShape], data.features), labels: matrix(data.rows, data.labelColumns, data.labels), values, step: 3, seed: 5 });
}

describe('whole sequence models: every sequence layer against finite differences', () => {
  for (const c of sequenceCases.filter((c) => c.finiteDifferences)) it(c.name, () => checkSequenceModel(c));
});
