// What the web runtime asks of a model being trained, wherever it runs: in the page (a ModelSession
// on the page's WebGPU device, or on the CPU interpreter where there is no page: Node, tests), or in
// a Web Worker (the CPU interpreter off the page's thread, worker-trainer.ts). Every method is async,
// so the two look the same to the API (model.ts) and the playground's runner (runner.ts).
import type { Table } from '../base/data/dataset.js';
import type { Plan } from '../compiler/plan/ir.js';
import type { Metric, Model } from '../compiler/program.js';
import type { Executor } from '../runtime/executor.js';
import type { NamedTensor } from '../runtime/io/safetensors.js';
import { ModelSession, type History, type Logs } from '../runtime/session.js';

/** A model to train: the checked model, its plan, and the metrics the plan's sums become. */
export interface TrainerSpec {
  model: Model;
  plan: Plan;
  metrics: readonly Metric[];
}

export interface TrainOptions {
  epochs: number;
  batchSize: number;
  validationSplit: number;
  validationData: Table | null;
  shuffle: boolean;
  seed: number;
  /** After each epoch; true stops training (EarlyStopping). */
  onEpochEnd?(epoch: number, logs: Logs, seconds: number): boolean | void | Promise<boolean | void>;
  /** Stops training at the next chunk of steps (NNC5005). */
  signal?: AbortSignal;
}

export interface Trainer {
  /** 'cpu', 'cpu (Web Worker)' or 'webgpu: ADAPTER': what runs the plan. */
  readonly description: string;
  /** Initial weights from the seed; optimizer state and statistics reset. */
  initialize(seed: number): Promise<void>;
  adaptNormalization(layer: string, table: Table, rows?: number): Promise<void>;
  fit(table: Table, options: TrainOptions): Promise<History>;
  evaluate(table: Table, batchSize: number, signal?: AbortSignal): Promise<Logs>;
  /** rows x outputs, row-major. */
  predict(table: Table, batchSize: number, signal?: AbortSignal): Promise<Float32Array>;
  /** Parameters and Normalization statistics by name (what a weights file holds). */
  namedTensors(): Promise<NamedTensor[]>;
  setWeights(values: Map<string, Float32Array>): Promise<void>;
  /** The class names string labels were numbered by (fixed by the first fit), or null. */
  classNames(): Promise<string[] | null>;
  setClassNames(names: string[] | null): Promise<void>;
  dispose(): void;
}

/** A ModelSession in this thread, on any executor. */
export class LocalTrainer implements Trainer {
  readonly session: ModelSession;

  constructor(
    spec: TrainerSpec,
    executor: Executor,
    readonly description: string,
  ) {
    this.session = new ModelSession(spec.model, spec.plan, executor, spec.metrics);
  }

  async initialize(seed: number): Promise<void> {
    this.session.initialize(seed);
  }

  async adaptNormalization(layer: string, table: Table, rows?: number): Promise<void> {
    this.session.adaptNormalization(layer, table, rows);
  }

  fit(table: Table, options: TrainOptions): Promise<History> {
    const { onEpochEnd, signal, ...rest } = options;
    return this.session.fit(table, {
      ...rest,
      ...(onEpochEnd ? { observer: { onEpochEnd } } : {}),
      ...(signal ? { signal } : {}),
    });
  }

  evaluate(table: Table, batchSize: number, signal?: AbortSignal): Promise<Logs> {
    return this.session.evaluate(table, batchSize, signal);
  }

  predict(table: Table, batchSize: number, signal?: AbortSignal): Promise<Float32Array> {
    return this.session.predict(table, batchSize, signal);
  }

  namedTensors(): Promise<NamedTensor[]> {
    return this.session.namedTensors();
  }

  async setWeights(values: Map<string, Float32Array>): Promise<void> {
    this.session.setWeights(values);
  }

  async classNames(): Promise<string[] | null> {
    return this.session.classNames;
  }

  async setClassNames(names: string[] | null): Promise<void> {
    this.session.classNames = names;
  }

  dispose(): void {
    this.session.executor.dispose();
  }
}
