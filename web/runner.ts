// A checked program run in a page, statement by statement, as `nnc run` runs it (runtime/run-program.ts)
// but with no file system: what a statement writes (predictions, evaluations, weights, checkpoints)
// is kept in `files` for the page to offer as downloads, and `load` reads those or the files the page
// was given. Each model trains on the page's backend (backend.ts); every epoch is reported (the
// playground's live chart), and the signal stops a run within a few steps (NNC5005).
import type { DataStore, Table } from '../base/data/dataset.js';
import { NncError, diagnostic, fail } from '../base/diagnostics/diagnostic.js';
import { readRegularFile } from '../base/files.js';
import type { Span } from '../base/source.js';
import { compileModel, type CompileConfig } from '../compiler/driver.js';
import { metricIncreases } from '../compiler/metrics.js';
import type { Model, Program, Statement } from '../compiler/program.js';
import { formatSummary } from '../compiler/summary.js';
import { trainingRows } from '../compiler/validation-split.js';
import { runCallbacks } from '../runtime/callbacks.js';
import { checkWeights, decodeSafetensors, encodeSafetensors } from '../runtime/io/safetensors.js';
import { formatPredictionsCsv, makePredictions, type Predictions } from '../runtime/predictions.js';
import type { History, Logs } from '../runtime/session.js';
import { classesOf, evaluationJson, fileShape, weightsMetadata } from '../runtime/weights.js';
import { atStatement } from '../runtime/at-statement.js';
import { createTrainer, type WebBackend } from './backend.js';
import type { Trainer } from './trainer.js';

/** A file a statement wrote: its bytes and MIME type, for a download link. */
export interface PageFile {
  bytes: Uint8Array;
  type: string;
}

export interface PageResult {
  statement: Statement;
  history?: History;
  evaluation?: Logs;
  predictions?: Predictions;
  /** The file the statement wrote (under its name in `files`). */
  file?: string;
}

export interface RunHooks {
  /** Text as `nnc run` prints it: summaries, what was written. */
  print?(text: string): void;
  /** A statement is about to run. */
  onStatement?(statement: Statement): void;
  /** An epoch of a fit ended: its logs, and the fit's History so far. */
  onEpochEnd?(model: string, epoch: number, logs: Logs, history: History, epochs: number): void;
}

export interface PageRunOptions {
  backend: WebBackend;
  /** Initial weights, and shuffling and dropout of fits without their own seed (nnc run's --seed). */
  seed: number;
  signal?: AbortSignal;
  hooks?: RunHooks;
}

interface ModelState {
  model: Model;
  config: CompileConfig | null;
  trainer: Trainer;
  adapted: boolean;
  /** Class names of the string labels the model was last fitted on. */
  labels: string[] | null;
}

const CSV = 'text/csv';
const JSON_TYPE = 'application/json';
const SAFETENSORS = 'application/octet-stream';

export class PageRunner {
  /** What the program's statements wrote, by the path written in the program. */
  readonly files = new Map<string, PageFile>();
  private states = new Map<string, ModelState>();
  private models: Map<string, Model>;

  constructor(
    readonly program: Program,
    private readonly data: DataStore,
    private readonly options: PageRunOptions,
  ) {
    this.models = new Map(program.models.map((m) => [m.name, m]));
  }

  /** Every statement in order. */
  async run(): Promise<PageResult[]> {
    const results: PageResult[] = [];
    for (const st of this.program.statements) {
      this.checkAborted();
      this.options.hooks?.onStatement?.(st);
      results.push(await this.execute(st));
    }
    return results;
  }

  dispose(): void {
    for (const s of this.states.values()) s.trainer.dispose();
    this.states.clear();
  }

  /** The models with a trainer (compiled, or loaded for prediction). */
  get trained(): string[] {
    return [...this.states.keys()];
  }

  async execute(st: Statement): Promise<PageResult> {
    switch (st.kind) {
      case 'compile':
        await this.compile(st.model, { loss: st.loss, optimizer: st.optimizer, metrics: st.metrics, span: st.span });
        return { statement: st };
      case 'summary':
        this.print(formatSummary(this.models.get(st.model)!) + '\n');
        return { statement: st };
      case 'fit':
        return { statement: st, history: await this.fit(st) };
      case 'evaluate': {
        const evaluation = await this.evaluate(st.model, st.data, st.batchSize, st.span);
        if (!st.output) return { statement: st, evaluation };
        this.write(st.output, new TextEncoder().encode(evaluationJson(st.model, st.data, this.table(st.data).rows, evaluation)), JSON_TYPE, 'evaluation');
        return { statement: st, evaluation, file: st.output };
      }
      case 'predict': {
        const predictions = await this.predict(st.model, st.data, st.batchSize, st.span);
        const file = st.output ?? `${st.model}.predictions.csv`;
        this.write(file, new TextEncoder().encode(formatPredictionsCsv(predictions)), CSV, `${predictions.rows} prediction${predictions.rows === 1 ? '' : 's'}`);
        return { statement: st, predictions, file };
      }
      case 'save':
        this.write(st.path, await this.weightsFile(st.model, st.span), SAFETENSORS, `weights of ${st.model}`);
        return { statement: st, file: st.path };
      case 'load':
        await this.loadWeights(st.model, st.path, st.span);
        this.print(`weights of ${st.model} loaded from ${st.path}\n`);
        return { statement: st };
    }
  }

  /** The loss and metrics of a compiled model on a dataset of the program. `signal`: default the run's. */
  async evaluate(name: string, dataset: string, batchSize: number, span?: Span, signal = this.options.signal): Promise<Logs> {
    const state = this.trainable(name, span, 'evaluate');
    await this.ensureAdapted(state, span);
    const table = this.table(dataset);
    return state.trainer.evaluate(table, batchSize, signal);
  }

  /** The model's predictions for a dataset of the program. `signal`: default the run's. */
  async predict(name: string, dataset: string, batchSize: number, span?: Span, signal = this.options.signal): Promise<Predictions> {
    const state = this.states.get(name) ?? (await this.compile(name, null));
    await this.ensureAdapted(state, span);
    const table = this.table(dataset);
    const values = await state.trainer.predict(table, batchSize, signal);
    const classNames = await state.trainer.classNames();
    return makePredictions(state.model, values, classNames ?? (table.stringLabels ? table.classes : state.labels));
  }

  /** The model's weights as a safetensors file (what `save` writes). */
  async weightsFile(name: string, span?: Span): Promise<Uint8Array> {
    const state = this.state(name, span);
    const tensors = (await state.trainer.namedTensors()).map((t) => ({ ...t, shape: fileShape(t.name, t.shape) }));
    return encodeSafetensors(tensors, weightsMetadata(name, (await state.trainer.classNames()) ?? state.labels));
  }

  // ---- statements -------------------------------------------------------------------------------

  private print(text: string): void {
    this.options.hooks?.print?.(text);
  }

  private write(path: string, bytes: Uint8Array, type: string, what: string): void {
    this.files.set(path, { bytes, type });
    this.print(`${what} written to ${path}\n`);
  }

  private checkAborted(): void {
    if (this.options.signal?.aborted) throw new NncError(diagnostic('NNC5005', undefined, {}));
  }

  private table(name: string): Table {
    const t = this.data.get(name);
    if (t) return t;
    const d = this.program.datasets.find((x) => x.name === name);
    if (!d) throw new Error(`run: unknown dataset ${name}`);
    return this.data.load(name, d.source, d.span);
  }

  private state(name: string, span: Span | undefined): ModelState {
    const s = this.states.get(name);
    if (!s) throw new NncError(diagnostic('NNC5006', span, { model: name }));
    return s;
  }

  private trainable(name: string, span: Span | undefined, statement: string): ModelState {
    const s = this.state(name, span);
    if (!s.config) throw new NncError(diagnostic('NNC5007', span, { model: name, statement }));
    return s;
  }

  /** The largest batch any statement runs the model with: GPU buffers are sized for it once. */
  private largestBatch(name: string): number {
    let rows = 1;
    for (const st of this.program.statements) {
      if ((st.kind === 'fit' || st.kind === 'evaluate' || st.kind === 'predict') && st.model === name) rows = Math.max(rows, st.batchSize);
    }
    return rows;
  }

  /** A new trainer for the model with these settings; weights carry over from an earlier one. */
  private async compile(name: string, config: CompileConfig | null): Promise<ModelState> {
    const model = this.models.get(name)!;
    const { plan } = compileModel(model, config);
    const trainer = await createTrainer(this.options.backend, { model, plan, metrics: config?.metrics ?? [] }, this.largestBatch(name));
    await trainer.initialize(this.options.seed);
    const previous = this.states.get(name);
    if (previous) {
      await trainer.setWeights(new Map((await previous.trainer.namedTensors()).map((t) => [t.name, t.data])));
      await trainer.setClassNames(await previous.trainer.classNames());
      previous.trainer.dispose();
    }
    const state: ModelState = { model, config, trainer, labels: previous?.labels ?? null, adapted: previous?.adapted ?? false };
    this.states.set(name, state);
    return state;
  }

  private async adapt(state: ModelState, train: Table, rows: number): Promise<void> {
    if (state.adapted) return;
    for (const layer of state.model.layers) {
      if (layer.kind !== 'Normalization') continue;
      await state.trainer.adaptNormalization(layer.name, layer.adapt ? this.table(layer.adapt) : train, layer.adapt ? undefined : rows);
    }
    state.adapted = true;
  }

  private async ensureAdapted(state: ModelState, span: Span | undefined): Promise<void> {
    if (state.adapted) return;
    const layers = state.model.layers.filter((l) => l.kind === 'Normalization');
    const unadapted = layers.find((l) => l.kind === 'Normalization' && !l.adapt);
    if (unadapted) fail('NNC5009', span, { model: state.model.name, layer: unadapted.name });
    for (const layer of layers) if (layer.kind === 'Normalization' && layer.adapt) await state.trainer.adaptNormalization(layer.name, this.table(layer.adapt));
    state.adapted = true;
  }

  private async fit(st: Extract<Statement, { kind: 'fit' }>): Promise<History> {
    const state = this.trainable(st.model, st.span, 'fit');
    const data = this.table(st.data);
    await this.adapt(state, data, trainingRows(data.rows, st.validationSplit));
    state.labels = data.stringLabels ? data.classes : null;
    const trainer = state.trainer;
    const callbacks = runCallbacks(st.callbacks, {
      getWeights: async () => new Map((await trainer.namedTensors()).map((t) => [t.name, t.data])),
      setWeights: (values) => void trainer.setWeights(values),
      outputPath: (p) => p,
      print: (t) => this.print(t),
      saveWeights: async (path, span) => this.write(path, await this.weightsFile(st.model, span), SAFETENSORS, `weights of ${st.model}`),
      increases: (key) => {
        const metric = state.config?.metrics.find((m) => m.key === key);
        return metric ? metricIncreases(metric.kind) : key === 'loss' ? false : undefined;
      },
    });
    const sofar: History = { epoch: [], history: {} };
    let history: History;
    try {
      history = await trainer.fit(data, {
        epochs: st.epochs,
        batchSize: st.batchSize,
        validationSplit: st.validationSplit,
        validationData: st.validationData ? this.table(st.validationData) : null,
        shuffle: st.shuffle,
        seed: st.seed ?? this.options.seed,
        onEpochEnd: async (epoch, logs) => {
          sofar.epoch.push(epoch);
          for (const [k, v] of Object.entries(logs)) (sofar.history[k] ??= []).push(v);
          this.options.hooks?.onEpochEnd?.(st.model, epoch, logs, sofar, st.epochs);
          return callbacks.onEpochEnd(epoch, logs);
        },
        ...(this.options.signal ? { signal: this.options.signal } : {}),
      });
    } catch (err) {
      throw atStatement(err, st.span);
    }
    await callbacks.onTrainEnd();
    const marks = callbacks.marks?.() ?? {};
    if (Object.keys(marks).length > 0) history.earlyStopping = marks;
    return history;
  }

  private async loadWeights(name: string, path: string, span: Span): Promise<void> {
    const state = this.states.get(name) ?? (await this.compile(name, null));
    let bytes = this.files.get(path)?.bytes;
    if (!bytes) {
      try {
        bytes = readRegularFile(path);
      } catch {
        fail('NNC5003', span, { path, reason: 'no such file', help: 'drop the weights file on the page, or save the model before loading it' });
      }
    }
    const file = decodeSafetensors(bytes, path, span);
    const expected = (await state.trainer.namedTensors()).map((t) => ({ name: t.name, shape: fileShape(t.name, t.shape) }));
    checkWeights(expected, file.tensors, path, span);
    const classes = classesOf(file.metadata, state.model, path, span);
    await state.trainer.setWeights(new Map([...file.tensors].map(([k, v]) => [k, v.data])));
    state.adapted = true;
    if (classes) {
      await state.trainer.setClassNames(classes);
      state.labels = classes;
    }
  }
}
