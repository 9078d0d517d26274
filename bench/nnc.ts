import { basename } from 'node:path';
// The nnc contenders: the CPU interpreter ('nnc-cpu') and the WebGPU backend ('nnc-webgpu', when
// an adapter exists), running the same workloads as TF.js through the library: the model is built
// as the checked program's Model, compiled to a plan, and run by a ModelSession.
import { buildProgram } from '../compiler/build.js';
import { compileModel } from '../compiler/driver.js';
import { checkSource, readSource } from '../compiler/frontend.js';
import type { Plan } from '../compiler/plan/ir.js';
import type { DenseLayer, Model } from '../compiler/program.js';
import type { Span } from '../base/source.js';
import { CpuExecutor } from '../runtime/cpu/executor.js';
import { defaultThreads } from '../runtime/cpu/threads.js';
import type { Table } from '../base/data/dataset.js';
import type { Executor } from '../runtime/executor.js';
import { ModelSession } from '../runtime/session.js';
import { WebGpuExecutor } from '../runtime/webgpu/executor.js';
import { acquireGpu, describeGpu, whyNoGpu, type GpuContext } from '../runtime/webgpu/gpu.js';
import { fitSampleNote, sampleFor, type Contender, type Dataset, type ModelSpec, type RunResult, type SourceWorkload, type Workload } from './harness.js';
import { SourceFile } from '../base/source.js';
import type { Statement } from '../compiler/program.js';

const span: Span = { file: 'bench', line: 1, col: 1, endLine: 1, endCol: 1, offset: 0, endOffset: 0 };

/** The bench's model description as nnc's checked Model (the same layers a .nn file would give). */
export function modelFromSpec(spec: ModelSpec): Model {
  let inputDim = spec.inputDim;
  const layers: DenseLayer[] = spec.layers.map((l, i) => {
    const layer: DenseLayer = {
      kind: 'Dense',
      name: i === 0 ? 'dense' : `dense_${i}`,
      span,
      inputShape: [inputDim],
      outputShape: [l.units],
      units: l.units,
      activation: { name: l.activation, alpha: 0 },
      useBias: true,
      kernelInitializer: { name: 'glorot_uniform' },
      biasInitializer: { name: 'zeros' },
    };
    inputDim = l.units;
    return layer;
  });
  const params = layers.reduce((n, l) => n + l.inputShape[0]! * l.units + l.units, 0);
  return { name: 'bench', span, inputShape: [spec.inputDim], outputShape: [inputDim], inputDim: spec.inputDim, outputDim: inputDim, layers, trainableParams: params, nonTrainableParams: 0 };
}

/** A bench dataset as a Table; one-hot labels become class indices (the session one-hots them for the loss). */
export function tableFrom(data: Dataset, rows = data.rows): Table {
  const oneHot = data.labelWidth > 1;
  const labels = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    if (!oneHot) labels[r] = data.labels[r]!;
    else {
      let best = 0;
      for (let j = 1; j < data.labelWidth; j++) if (data.labels[r * data.labelWidth + j]! > data.labels[r * data.labelWidth + best]!) best = j;
      labels[r] = best;
    }
  }
  return {
    rows,
    featureDim: data.featureCount,
    features: data.features.subarray(0, rows * data.featureCount),
    labelColumns: 1,
    labels,
    classes: null,
    stringLabels: false,
    featureNames: null,
    labelNames: null,
  };
}

/** The bench's model compiled as `compile m(loss=..., optimizer="adam", metrics=["accuracy"])` would. */
export function compileSpec(spec: ModelSpec): { model: Model; plan: Plan } {
  const model = modelFromSpec(spec);
  const { plan } = compileModel(model, {
    loss: { name: spec.loss, delta: 1, span },
    optimizer: { kind: 'adam', learningRate: spec.optimizer.learningRate, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
    metrics: [{ key: 'accuracy', kind: spec.loss === 'binary_crossentropy' ? 'binary_accuracy' : 'categorical_accuracy', span }],
  });
  return { model, plan };
}

interface Prepared {
  session: ModelSession;
  table: Table;
}

class NncContender implements Contender {
  private gpu: GpuContext | null = null;
  private prepared = new Map<string, Prepared>();

  /**
   * warm: before each timed run, keep the GPU busy with the same workload for WARM_SECONDS (untimed),
   * so the run is measured at the clocks a GPU reaches under load, as a PyTorch benchmark's warm-up
   * iterations do; without it, a run of a few tens of milliseconds after seconds of idling starts at
   * idle clocks.
   */
  constructor(
    readonly name: string,
    private readonly warm = false,
    /** The CPU interpreter's threads (nnc-cpu contenders only; default: the machine's cores). */
    private readonly threads = defaultThreads(),
  ) {}

  private get cpu(): boolean {
    return this.name.startsWith('nnc-cpu');
  }

  /** What the note says of a CPU contender's threads. */
  private threadNote(): string | undefined {
    return this.cpu ? `${this.threads} thread${this.threads === 1 ? '' : 's'}` : undefined;
  }

  async beforeRun(w: Workload): Promise<void> {
    if (!this.warm || w.kind !== 'fit') return;
    const p = this.prepared.get(w.name)!;
    const t0 = performance.now();
    while (performance.now() - t0 < WARM_SECONDS * 1000) {
      p.session.initialize(w.seed);
      await p.session.fit(p.table, { epochs: 1, batchSize: w.batchSize, validationSplit: 0, validationData: null, shuffle: w.shuffle, seed: w.seed });
    }
  }

  async available(): Promise<boolean | string> {
    if (this.cpu) return true;
    this.gpu ??= await acquireGpu('auto');
    return this.gpu ? true : `no WebGPU adapter: ${whyNoGpu()}`;
  }

  private async executorFor(plan: Plan, maxRows: number): Promise<Executor> {
    return this.cpu ? new CpuExecutor(plan, { threads: this.threads }) : WebGpuExecutor.create(plan, this.gpu!, maxRows);
  }

  async prepare(w: Workload): Promise<void> {
    if (w.kind === 'compile') return;
    if (w.kind === 'cnn' || w.kind === 'lstm') return this.prepareSource(w);
    const { model, plan } = compileSpec(w.model);
    const batch = w.batchSize;
    const session = new ModelSession(model, plan, await this.executorFor(plan, batch));
    let table: Table;
    if (w.kind === 'fit') {
      const sample = sampleFor(w, this.name);
      table = tableFrom(w.data, sample.batches ? Math.min(w.data.rows, sample.batches * batch) : w.data.rows);
    } else {
      const rows = sampleFor(w, this.name).rows ?? w.rows;
      table = { rows, featureDim: w.model.inputDim, features: w.features.subarray(0, rows * w.model.inputDim), labelColumns: 0, labels: new Float32Array(0), classes: null, stringLabels: false, featureNames: null, labelNames: null };
      const names = model.layers.flatMap((l, i) => [`${l.name}/kernel`, `${l.name}/bias`].map((n, k) => [n, k === 0 ? w.weights[i]!.kernel : w.weights[i]!.bias] as const));
      session.initialize(0);
      session.setWeights(new Map(names));
    }
    // One untimed step warms the compiled kernels and the data is uploaded, as TF.js's prepare does.
    if (w.kind === 'fit') {
      session.initialize(w.seed);
      await session.fit(tableFrom(w.data, batch), { epochs: 1, batchSize: batch, validationSplit: 0, validationData: null, shuffle: false, seed: w.seed });
      session.preload(table);
    } else {
      await session.predict(table, batch);
    }
    this.prepared.set(w.name, { session, table });
  }

  /** The model from its .nn source (as a program compiles it), on the workload's samples. */
  private async prepareSource(w: SourceWorkload): Promise<void> {
    const checked = checkSource(new SourceFile(`${w.kind}.nn`, w.source), { mode: 'check' });
    if (!checked.program) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
    const model = checked.program.models[0]!;
    const st = checked.program.statements[0] as Extract<Statement, { kind: 'compile' }>;
    const { plan } = compileModel(model, { loss: st.loss, optimizer: st.optimizer, metrics: st.metrics });
    const rows = (sampleFor(w, this.name).batches ?? w.batches) * w.batchSize;
    const session = new ModelSession(model, plan, await this.executorFor(plan, w.batchSize));
    const table = { ...tableFrom(w.data, Math.min(rows, w.data.rows)), featureShape: w.sampleShape };
    session.initialize(w.seed);
    await session.fit({ ...tableFrom(w.data, w.batchSize), featureShape: w.sampleShape }, { epochs: 1, batchSize: w.batchSize, validationSplit: 0, validationData: null, shuffle: false, seed: w.seed });
    session.preload(table);
    this.prepared.set(w.name, { session, table });
  }

  async run(w: Workload): Promise<RunResult> {
    if (w.kind === 'compile') return this.compile(w.sources);
    const p = this.prepared.get(w.name)!;
    if (w.kind === 'cnn' || w.kind === 'lstm') {
      p.session.initialize(w.seed);
      const t0 = performance.now();
      const history = await p.session.fit(p.table, { epochs: 1, batchSize: w.batchSize, validationSplit: 0, validationData: null, shuffle: true, seed: w.seed });
      const seconds = (performance.now() - t0) / 1000;
      const result: RunResult = { seconds, items: p.table.rows, loss: history.history.loss!.at(-1)!, accuracy: history.history.accuracy!.at(-1)! };
      if (p.table.rows < w.batches * w.batchSize) result.note = `sample: ${p.table.rows / w.batchSize} of ${w.batches} batches`;
      const threads = this.threadNote();
      if (threads) result.note = result.note ? `${result.note}; ${threads}` : threads;
      return result;
    }
    if (w.kind === 'fit') {
      const sample = sampleFor(w, this.name);
      const epochs = sample.epochs ?? w.epochs;
      p.session.initialize(w.seed);
      const t0 = performance.now();
      const history = await p.session.fit(p.table, { epochs, batchSize: w.batchSize, validationSplit: 0, validationData: null, shuffle: w.shuffle, seed: w.seed });
      const seconds = (performance.now() - t0) / 1000;
      const result: RunResult = { seconds, items: p.table.rows * epochs, loss: history.history.loss!.at(-1)!, accuracy: history.history.accuracy!.at(-1)! };
      if (p.table.rows < w.data.rows || epochs < w.epochs) {
        result.fraction = (p.table.rows * epochs) / (w.data.rows * w.epochs);
        result.note = fitSampleNote(w, p.table.rows, epochs);
      }
      const threads = this.threadNote();
      if (threads) result.note = result.note ? `${result.note}; ${threads}` : threads;
      return result;
    }
    let sum = 0;
    const t0 = performance.now();
    let values: Float32Array = new Float32Array(0);
    for (let r = 0; r < w.repeat; r++) values = await p.session.predict(p.table, w.batchSize);
    const seconds = (performance.now() - t0) / 1000;
    for (const v of values) sum += v;
    const threads = this.threadNote();
    return { seconds, items: p.table.rows * w.repeat, meanPrediction: sum / values.length, ...(threads ? { note: threads } : {}) };
  }

  /** Source to WGSL for every example: read, parse, check, lower, fuse, emit. */
  private compile(sources: string[]): RunResult {
    const t0 = performance.now();
    let shaders = 0;
    const each: string[] = [];
    for (const path of sources) {
      const t = performance.now();
      const { program } = checkSource(readSource(path), { mode: 'check' });
      if (!program) continue;
      for (const b of buildProgram(program)) shaders += Object.values(b.gpu.schedules).reduce((n, s) => n + s.kernels.length, 0);
      each.push(`${basename(path, '.nn')} ${(performance.now() - t).toFixed(0)} ms`);
    }
    const detail = sources.length <= 5 ? `; ${each.join(', ')}` : '';
    return { seconds: (performance.now() - t0) / 1000, note: `${sources.length} files, ${shaders} shaders${detail}` };
  }

  async facts(w: Workload): Promise<string[]> {
    if (!this.gpu) return [];
    // what this device's program does per training step (the emitter plans against the device's limits)
    const executor = this.prepared.get(w.name)?.session.executor;
    const train = executor instanceof WebGpuExecutor && (w.kind === 'fit' || w.kind === 'cnn' || w.kind === 'lstm') ? executor.program.schedules.train : null;
    const dispatches = !train ? '' : train.strategy === 'single-workgroup' ? ': one dispatch per epoch (one workgroup loops over the steps)' : `: ${train.kernels.length} dispatches per training step, in one compute pass`;
    return [`ran on ${describeGpu(this.gpu)}${dispatches}`];
  }

  async release(w: Workload): Promise<void> {
    this.prepared.get(w.name)?.session.executor.dispose();
    this.prepared.delete(w.name);
  }

  async dispose(): Promise<void> {
    this.gpu?.close();
    this.gpu = null;
  }
}

/**
 * nnc-cpu (on `cpuThreads[0]` threads, default the machine's cores), nnc-cpu-Nt for each further
 * count, nnc-webgpu, and nnc-webgpu-warm with `warmGpu`.
 */
export function nncContenders(options: { warmGpu?: boolean; cpuThreads?: number[] } = {}): Contender[] {
  const [main = defaultThreads(), ...extra] = options.cpuThreads ?? [];
  return [
    new NncContender('nnc-cpu', false, main),
    ...extra.filter((t) => t !== main).map((t) => new NncContender(`nnc-cpu-${t}t`, false, t)),
    new NncContender('nnc-webgpu'),
    ...(options.warmGpu ? [new NncContender('nnc-webgpu-warm', true)] : []),
  ];
}

/** How long the warm contender keeps the GPU busy before each timed run. */
const WARM_SECONDS = 0.3;
