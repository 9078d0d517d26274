// The TF.js contenders, the baselines of every ratio: TF.js 4.22 with its `cpu` backend (plain JS)
// and with `@tensorflow/tfjs-backend-wasm` (XNNPACK, SIMD where Node has it). Each builds the same
// Keras model with tf.layers and runs model.fit / model.predict as a Keras user would; tensors and
// models are built before the clock starts, so only fit / predict (and reading the predictions back)
// are timed.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Tf from '@tensorflow/tfjs';
import type * as TfWasm from '@tensorflow/tfjs-backend-wasm';
import { findRepoRoot } from './data.js';
import {
  sampleFor,
  type Contender,
  type Dataset,
  type SourceWorkload,
  type FitWorkload,
  type LayerWeights,
  type ModelSpec,
  type PredictWorkload,
  type RunResult,
  type Workload,
} from './harness.js';
import { fitSampleNote } from './harness.js';
import { LSTM_EMBEDDING, LSTM_UNITS, LSTM_VOCABULARY } from './lstm.js';

/**
 * TF.js is the benchmarks' own dependency, installed in bench/node_modules by `npm run bench`
 * (bench/package.json), not one of nnc's: it is loaded from there, whether this file runs as
 * bench/tfjs.ts or as dist/bench/tfjs.js.
 */
const benchRequire = createRequire(join(findRepoRoot(), 'bench', 'package.json'));
function loadBenchPackage<T>(name: string): T {
  try {
    return benchRequire(name) as T;
  } catch (e) {
    throw new Error(`${name} is not installed in bench/: run \`npm run bench\` (or \`npm install --prefix bench\`) first (${(e as Error).message.split('\n')[0]})`);
  }
}
const tf = loadBenchPackage<typeof Tf>('@tensorflow/tfjs');
const { setWasmPaths } = loadBenchPackage<typeof TfWasm>('@tensorflow/tfjs-backend-wasm');

export type TfjsBackend = 'cpu' | 'wasm';

/** Both TF.js contenders, cpu first. */
export function tfjsContenders(): Contender[] {
  return [new TfjsContender('cpu'), new TfjsContender('wasm')];
}

let wasmPathSet = false;

/** In Node the wasm backend loads its .wasm files from a path; point it at the installed package. */
function useInstalledWasmFiles(): void {
  if (wasmPathSet) return;
  const entry = benchRequire.resolve('@tensorflow/tfjs-backend-wasm');
  setWasmPaths(dirname(entry) + '/');
  wasmPathSet = true;
}

/**
 * The cpu backend prints a suggestion to install tfjs-node on its first tensor; it is noise in a
 * benchmark table, so that one message (and only it) is dropped.
 */
function withoutNodeBackendHint<T>(f: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!args.some((a) => typeof a === 'string' && a.includes('tfjs-node'))) warn(...args);
  };
  try {
    return f();
  } finally {
    console.warn = warn;
  }
}

interface Prepared {
  x: Tf.Tensor;
  y?: Tf.Tensor;
  rows: number;
  epochs: number;
  note?: string;
}

class TfjsContender implements Contender {
  readonly name: string;
  readonly baseline = true;
  private prepared?: Prepared;
  private backendNote = '';

  constructor(readonly backend: TfjsBackend) {
    this.name = `tfjs-${backend}`;
  }

  async available(): Promise<boolean | string> {
    if (this.backend === 'wasm') useInstalledWasmFiles();
    try {
      if (!(await tf.setBackend(this.backend))) return `tf.setBackend('${this.backend}') failed`;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    if (this.backend === 'wasm') {
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
      this.backendNote = `wasm ${simd ? 'simd' : 'no simd'}, ${threads ? 'threads' : 'single thread'}`;
    }
    return true;
  }

  supports(w: Workload): boolean | string {
    if (w.kind === 'cnn' && this.backend === 'wasm') return "TF.js's wasm backend cannot train a convnet (Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm')";
    return w.kind === 'compile' ? 'no TF.js peer (nnc only)' : true;
  }

  private async use(): Promise<void> {
    if (tf.getBackend() !== this.backend) await tf.setBackend(this.backend);
  }

  async prepare(w: Workload): Promise<void> {
    await this.use();
    if (w.kind === 'cnn' || w.kind === 'lstm') {
      const batches = sampleFor(w, this.name).batches ?? w.batches;
      const rows = Math.min(w.data.rows, batches * w.batchSize);
      const p: Prepared = withoutNodeBackendHint(() => ({
        x: tf.tensor(w.data.features.subarray(0, rows * w.data.featureCount), [rows, ...w.sampleShape]),
        y: tf.tensor2d(w.data.labels.subarray(0, rows * w.data.labelWidth), [rows, w.data.labelWidth]),
        rows,
        epochs: 1,
      }));
      if (batches < w.batches) p.note = `sample: ${batches} of ${w.batches} batches`;
      this.prepared = p;
      const { model, optimizer } = w.kind === 'cnn' ? convnet(w) : lstmNet(w);
      const xb = p.x.slice(0, Math.min(rows, w.batchSize));
      const yb = p.y!.slice(0, Math.min(rows, w.batchSize));
      await model.trainOnBatch(xb, yb);
      tf.dispose([xb, yb]);
      model.dispose();
      optimizer.dispose();
    } else if (w.kind === 'fit') {
      const s = sampleFor(w, this.name);
      const rows = Math.min(w.data.rows, s.batches !== undefined ? s.batches * w.batchSize : w.data.rows);
      const epochs = s.epochs ?? (s.batches !== undefined ? 1 : w.epochs);
      const p: Prepared = withoutNodeBackendHint(() => ({
        x: tf.tensor2d(w.data.features.subarray(0, rows * w.data.featureCount), [rows, w.data.featureCount]),
        y: tf.tensor2d(w.data.labels.subarray(0, rows * w.data.labelWidth), [rows, w.data.labelWidth]),
        rows,
        epochs,
      }));
      const sampled = rows < w.data.rows || epochs < w.epochs;
      if (sampled) p.note = fitSampleNote(w, rows, epochs);
      this.prepared = p;
      await this.warmUp(w);
    } else if (w.kind === 'predict') {
      const rows = Math.min(w.rows, sampleFor(w, this.name).rows ?? w.rows);
      const n = w.model.inputDim;
      const p: Prepared = withoutNodeBackendHint(() => ({
        x: tf.tensor2d(w.features.subarray(0, rows * n), [rows, n]),
        rows,
        epochs: 0,
      }));
      if (rows < w.rows) p.note = `sample: ${rows.toLocaleString('en-US')} of ${w.rows.toLocaleString('en-US')} rows`;
      this.prepared = p;
      const model = buildModel(w.model, 0, w.weights);
      tf.tidy(() => void model.predict(p.x.slice(0, Math.min(rows, w.batchSize)), { batchSize: w.batchSize }));
      model.dispose();
    }
  }

  /** One untimed training step, so that kernel setup and JIT warm-up fall outside the timed runs. */
  private async warmUp(w: FitWorkload): Promise<void> {
    const p = this.prepared!;
    const { model, optimizer } = compiledModel(w);
    const n = Math.min(p.rows, w.batchSize);
    const xb = p.x.slice(0, n);
    const yb = p.y!.slice(0, n);
    await model.trainOnBatch(xb, yb);
    tf.dispose([xb, yb]);
    model.dispose();
    optimizer.dispose();
  }

  async run(w: Workload): Promise<RunResult> {
    await this.use();
    const p = this.prepared;
    if (!p) throw new Error(`${this.name}: run before prepare`);
    if (w.kind === 'compile') throw new Error(`${this.name} does not run compile workloads`);
    const tensorsBefore = tf.memory().numTensors;
    const result = w.kind === 'fit' || w.kind === 'cnn' || w.kind === 'lstm' ? await this.fit(w, p) : await this.predict(w, p);
    // A leak would slow later runs and skew the comparison; say so rather than hide it.
    const leaked = tf.memory().numTensors - tensorsBefore;
    if (leaked !== 0) result.note = [result.note, `${leaked} tensors leaked per run`].filter(Boolean).join('; ');
    return result;
  }

  private async fit(w: FitWorkload | SourceWorkload, p: Prepared): Promise<RunResult> {
    const { model, optimizer } = w.kind === 'cnn' ? convnet(w) : w.kind === 'lstm' ? lstmNet(w) : compiledModel(w);
    const start = performance.now();
    const history = await model.fit(p.x, p.y!, {
      epochs: p.epochs,
      batchSize: w.batchSize,
      shuffle: w.kind === 'fit' ? w.shuffle : true,
      verbose: 0,
    });
    const seconds = (performance.now() - start) / 1000;
    model.dispose();
    optimizer.dispose();
    const result: RunResult = {
      seconds,
      items: p.rows * p.epochs,
      fraction: w.kind === 'fit' ? (p.rows * p.epochs) / (w.data.rows * w.epochs) : p.rows / (w.batches * w.batchSize),
      loss: lastOf(history.history['loss']),
      accuracy: lastOf(history.history['acc'] ?? history.history['accuracy']),
    };
    const note = [p.note, this.backendNote].filter(Boolean).join('; ');
    if (note) result.note = note;
    return result;
  }

  private async predict(w: PredictWorkload, p: Prepared): Promise<RunResult> {
    const model = buildModel(w.model, 0, w.weights);
    let values: Float32Array | undefined;
    const start = performance.now();
    for (let i = 0; i < w.repeat; i++) {
      const y = model.predict(p.x, { batchSize: w.batchSize }) as Tf.Tensor;
      values = (await y.data()) as Float32Array;
      y.dispose();
    }
    const seconds = (performance.now() - start) / 1000;
    model.dispose();
    let sum = 0;
    for (let i = 0; i < values!.length; i++) sum += values![i]!;
    const result: RunResult = { seconds, items: p.rows * w.repeat, meanPrediction: sum / values!.length };
    const note = [p.note, this.backendNote].filter(Boolean).join('; ');
    if (note) result.note = note;
    return result;
  }

  async facts(w: Workload): Promise<string[]> {
    if (w.kind !== 'fit') return [];
    await this.use();
    const p = this.prepared!;
    const { model, optimizer } = compiledModel(w);
    const n = Math.min(p.rows, w.batchSize);
    const xb = p.x.slice(0, n);
    const yb = p.y!.slice(0, n);
    await model.trainOnBatch(xb, yb);
    const profile = await tf.profile(async () => {
      await model.trainOnBatch(xb, yb);
    });
    tf.dispose([xb, yb]);
    model.dispose();
    optimizer.dispose();
    return [
      `one training step (trainOnBatch, batch ${n}) runs ${profile.kernels.length} kernels ` +
        `(${profile.kernelNames.length} distinct)`,
    ];
  }

  async release(): Promise<void> {
    if (this.prepared) tf.dispose([this.prepared.x, ...(this.prepared.y ? [this.prepared.y] : [])]);
    delete this.prepared;
  }

  async dispose(): Promise<void> {
    await this.release();
  }
}

function lastOf(values: Array<number | Tf.Tensor> | undefined): number | undefined {
  const v = values?.[values.length - 1];
  if (v === undefined) return undefined;
  return typeof v === 'number' ? v : v.dataSync()[0];
}

const activationName = {
  relu: 'relu',
  sigmoid: 'sigmoid',
  softmax: 'softmax',
  linear: 'linear',
} as const;

/** The Keras model of a spec: Dense layers, glorot_uniform kernels (seeded), zero biases. */
function buildModel(spec: ModelSpec, seed: number, weights?: readonly LayerWeights[]): Tf.Sequential {
  const model = tf.sequential();
  spec.layers.forEach((layer, i) => {
    model.add(
      tf.layers.dense({
        units: layer.units,
        activation: activationName[layer.activation],
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }),
        biasInitializer: 'zeros',
        ...(i === 0 ? { inputShape: [spec.inputDim] } : {}),
      }),
    );
  });
  if (weights) {
    const tensors: Tf.Tensor[] = [];
    let fanIn = spec.inputDim;
    spec.layers.forEach((layer, i) => {
      tensors.push(tf.tensor2d(weights[i]!.kernel, [fanIn, layer.units]), tf.tensor1d(weights[i]!.bias));
      fanIn = layer.units;
    });
    model.setWeights(tensors);
    tf.dispose(tensors);
  }
  return model;
}

/** The cnn workload's convnet (bench/cnn.ts) in tf.layers, compiled as Keras' example compiles it. */
function convnet(w: SourceWorkload): { model: Tf.Sequential; optimizer: Tf.Optimizer } {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: w.sampleShape, kernelInitializer: tf.initializers.glorotUniform({ seed: w.seed }) }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: w.seed + 1 }) }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dropout({ rate: 0.5 }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: w.seed + 2 }) }));
  const optimizer = tf.train.adam(0.001);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return { model, optimizer };
}

/** The lstm workload's model (bench/lstm.ts) in tf.layers: Embedding, LSTM (Keras' initializers), Dense sigmoid. */
function lstmNet(w: SourceWorkload): { model: Tf.Sequential; optimizer: Tf.Optimizer } {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: LSTM_VOCABULARY, outputDim: LSTM_EMBEDDING, inputLength: w.sampleShape[0]!, embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: w.seed }) }));
  model.add(tf.layers.lstm({ units: LSTM_UNITS, kernelInitializer: tf.initializers.glorotUniform({ seed: w.seed + 1 }), recurrentInitializer: tf.initializers.orthogonal({ seed: w.seed + 2 }) }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: w.seed + 3 }) }));
  const optimizer = tf.train.adam(0.001);
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return { model, optimizer };
}

function compiledModel(w: FitWorkload): { model: Tf.Sequential; optimizer: Tf.Optimizer } {
  const model = buildModel(w.model, w.seed);
  const optimizer = tf.train.adam(w.model.optimizer.learningRate);
  model.compile({
    optimizer,
    loss: w.model.loss === 'binary_crossentropy' ? 'binaryCrossentropy' : 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return { model, optimizer };
}

/** TF.js's predictions for fixed weights: for tests and the lead's cross-checks (nnc's predictions against TF.js's). */
export async function tfjsPredict(
  spec: ModelSpec,
  weights: readonly LayerWeights[],
  data: Pick<Dataset, 'features' | 'rows'>,
  backend: TfjsBackend = 'cpu',
): Promise<Float32Array> {
  if (backend === 'wasm') useInstalledWasmFiles();
  await tf.setBackend(backend);
  const model = withoutNodeBackendHint(() => buildModel(spec, 0, weights));
  const x = tf.tensor2d(data.features.subarray(0, data.rows * spec.inputDim), [data.rows, spec.inputDim]);
  const y = model.predict(x) as Tf.Tensor;
  const out = Float32Array.from(await y.data());
  tf.dispose([x, y]);
  model.dispose();
  return out;
}
