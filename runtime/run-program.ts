// Runs a checked program's statements in order: compile, fit, evaluate, predict, save, load,
// summary. Each model gets a session on the chosen executor; outputs go under the output folder.
import { isAbsolute, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { compileModel, type CompileConfig } from '../compiler/driver.js';
import { diagnostic, NncError } from '../compiler/diagnostics/diagnostic.js';
import type { Dataset, Model, Program, Statement } from '../compiler/program.js';
import type { Span } from '../compiler/source.js';
import { formatSummary } from '../compiler/summary.js';
import { createExecutor, type Backend } from './backend.js';
import type { DataStore, Table } from './data/dataset.js';
import { writeFileAtomic } from './io/atomic.js';
import { checkWeights, readSafetensors, writeSafetensors } from './io/safetensors.js';
import { formatLogs, ProgressBar, type ProgressSink, type Verbosity } from './progress.js';
import { formatPredictionsCsv, predictedClasses } from './predictions.js';
import { ModelSession, type FitObserver, type History, type Logs } from './session.js';
import { runCallbacks } from './callbacks.js';
import { writeHistory } from './history.js';

export interface RunOptions {
  backend: Backend;
  /** The program seed: initial weights, and shuffling/dropout of fits without their own seed. */
  seed: number;
  /** Overrides every statement's verbose (the CLI's --verbose). */
  verbose: Verbosity | null;
  /** Where relative output paths go. */
  outDir: string;
  data: DataStore;
  stdout: ProgressSink;
  signal?: AbortSignal;
  /** --load-weights MODEL=PATH: loaded right after the model's first compile. */
  loadWeights?: Map<string, string>;
  /** --save-weights MODEL=PATH: saved after the program ran. */
  saveWeights?: Map<string, string>;
}

export interface StatementResult {
  statement: Statement;
  history?: History;
  evaluation?: Logs;
  predictions?: { values: Float32Array; columns: number; classes: Array<string | number> | null; path: string | null };
  path?: string;
}

export interface ModelState {
  model: Model;
  config: CompileConfig | null;
  session: ModelSession;
  /** Classes of the data the model was last fitted on, for predictions of string labels. */
  classes: string[] | null;
  adapted: boolean;
}

/** Runs every statement; returns what each produced. Throws NncError on runtime errors. */
export async function runProgram(program: Program, options: RunOptions): Promise<StatementResult[]> {
  const runner = new ProgramRunner(program, options);
  return runner.run();
}

class ProgramRunner {
  private states = new Map<string, ModelState>();
  private datasets: Map<string, Dataset>;
  private models: Map<string, Model>;
  private results: StatementResult[] = [];

  constructor(
    private program: Program,
    private options: RunOptions,
  ) {
    this.datasets = new Map(program.datasets.map((d) => [d.name, d]));
    this.models = new Map(program.models.map((m) => [m.name, m]));
  }

  async run(): Promise<StatementResult[]> {
    try {
      for (const statement of this.program.statements) {
        if (this.options.signal?.aborted) throw new NncError(diagnostic('NNC5005', undefined, {}));
        await this.execute(statement);
      }
      for (const [model, path] of this.options.saveWeights ?? []) {
        await this.saveWeights(model, this.outputPath(path), undefined);
      }
    } finally {
      for (const s of this.states.values()) s.session.executor.dispose();
    }
    return this.results;
  }

  private print(text: string): void {
    this.options.stdout.write(text);
  }

  private verbosity(v: 0 | 1 | 2 | null): Verbosity {
    return this.options.verbose ?? v ?? 1;
  }

  private table(name: string): Table {
    const t = this.options.data.get(name);
    if (!t) {
      const d = this.datasets.get(name);
      if (!d) throw new Error(`run: unknown dataset ${name}`);
      return this.options.data.load(name, d.source, d.span);
    }
    return t;
  }

  private outputPath(path: string): string {
    return isAbsolute(path) ? path : resolve(this.options.outDir, path);
  }

  private ensureOutDir(path: string): void {
    // Only the output folder itself is created; a missing folder inside a path the user wrote is
    // an error (NNC5002) rather than a surprise.
    if (path.startsWith(resolve(this.options.outDir))) mkdirSync(this.options.outDir, { recursive: true });
  }

  private state(name: string, span: Span): ModelState {
    const s = this.states.get(name);
    if (!s) throw new NncError(diagnostic('NNC5006', span, { model: name }));
    return s;
  }

  private async execute(st: Statement): Promise<void> {
    switch (st.kind) {
      case 'compile':
        await this.compile(st.model, { loss: st.loss, optimizer: st.optimizer, metrics: st.metrics });
        break;
      case 'summary':
        this.print(formatSummary(this.models.get(st.model)!) + '\n');
        break;
      case 'fit':
        await this.fit(st);
        break;
      case 'evaluate':
        await this.evaluate(st);
        break;
      case 'predict':
        await this.predict(st);
        break;
      case 'save':
        await this.saveWeights(st.model, this.outputPath(st.path), st.span);
        this.results.push({ statement: st, path: this.outputPath(st.path) });
        break;
      case 'load':
        await this.loadWeights(st.model, resolve(this.programDir(), st.path), st.span);
        this.results.push({ statement: st, path: resolve(this.programDir(), st.path) });
        break;
    }
  }

  /** The largest batch any statement runs this model with: GPU buffers are sized for it once. */
  private largestBatch(name: string): number {
    let rows = 1;
    for (const st of this.program.statements) {
      if ((st.kind === 'fit' || st.kind === 'evaluate' || st.kind === 'predict') && st.model === name) rows = Math.max(rows, st.batchSize);
    }
    return rows;
  }

  private programDir(): string {
    return resolve(this.program.file, '..');
  }

  /** A new session for the model with these settings; weights carry over from an earlier one. */
  private async compile(name: string, config: CompileConfig | null): Promise<ModelState> {
    const model = this.models.get(name)!;
    const { plan } = compileModel(model, config);
    const session = new ModelSession(model, plan, await createExecutor(plan, this.options.backend, this.largestBatch(name)));
    const previous = this.states.get(name);
    session.initialize(this.options.seed);
    if (previous) {
      session.setWeights(await previous.session.namedValues());
      previous.session.executor.dispose();
    }
    const state: ModelState = { model, config, session, classes: previous?.classes ?? null, adapted: previous?.adapted ?? false };
    this.states.set(name, state);
    const load = this.options.loadWeights?.get(name);
    if (load && !previous) await this.loadWeights(name, resolve(load), undefined);
    return state;
  }

  /** Normalization layers take their statistics before the first fit. */
  private adapt(state: ModelState, train: Table, trainRows: number): void {
    if (state.adapted) return;
    for (const layer of state.model.layers) {
      if (layer.kind !== 'Normalization') continue;
      if (layer.adapt) state.session.adaptNormalization(layer.name, this.table(layer.adapt));
      else state.session.adaptNormalization(layer.name, train, trainRows);
    }
    state.adapted = true;
  }

  private async fit(st: Extract<Statement, { kind: 'fit' }>): Promise<void> {
    const state = this.state(st.model, st.span);
    const data = this.table(st.data);
    const verbose = this.verbosity(st.verbose);
    const trainRows = st.validationSplit > 0 ? Math.floor(data.rows * (1 - st.validationSplit)) : data.rows;
    this.adapt(state, data, trainRows);
    state.classes = data.classes;
    const sink = this.options.stdout;
    let bar: ProgressBar | null = null;
    let epochs = st.epochs;
    let steps = 0;
    const progress: FitObserver = {
      onTrainBegin: (info) => {
        epochs = info.epochs;
        steps = info.steps;
      },
      onEpochBegin: (epoch) => {
        if (verbose > 0 && epochs > 1) this.print(`Epoch ${epoch + 1}/${epochs}\n`);
        bar = new ProgressBar(sink, verbose, steps);
      },
      onProgress: (_epoch, step, logs) => bar?.update(step, logs),
      onEpochEnd: (_epoch, logs) => {
        bar?.finish(logs);
      },
    };
    const callbacks = runCallbacks(st.callbacks, {
      session: state.session,
      outputPath: (p) => this.outputPath(p),
      print: (t) => (verbose > 0 ? this.print(t) : undefined),
      saveWeights: (path, span) => this.saveWeights(st.model, path, span),
    });
    const observer: FitObserver = {
      onTrainBegin: (info) => progress.onTrainBegin!(info),
      onEpochBegin: (epoch) => progress.onEpochBegin!(epoch),
      onProgress: verbose === 1 && sink.isTTY ? progress.onProgress! : undefined,
      onEpochEnd: async (epoch, logs, seconds) => {
        progress.onEpochEnd!(epoch, logs, seconds);
        return callbacks.onEpochEnd(epoch, logs);
      },
    } as FitObserver;
    const history = await state.session.fit(data, {
      epochs: st.epochs,
      batchSize: st.batchSize,
      validationSplit: st.validationSplit,
      validationData: st.validationData ? this.table(st.validationData) : null,
      shuffle: st.shuffle,
      seed: st.seed ?? this.options.seed,
      observer,
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    });
    await callbacks.onTrainEnd();
    const files = writeHistory(history, this.options.outDir, st.model, this.fitIndex(st.model));
    this.results.push({ statement: st, history, path: files.json });
  }

  private fitCounts = new Map<string, number>();
  private fitIndex(model: string): number {
    const n = (this.fitCounts.get(model) ?? 0) + 1;
    this.fitCounts.set(model, n);
    return n;
  }

  private async evaluate(st: Extract<Statement, { kind: 'evaluate' }>): Promise<void> {
    const state = this.state(st.model, st.span);
    if (!state.config) throw new NncError(diagnostic('NNC5006', st.span, { model: st.model }));
    const data = this.table(st.data);
    const verbose = this.verbosity(st.verbose);
    const bar = new ProgressBar(this.options.stdout, verbose, Math.ceil(data.rows / st.batchSize));
    const logs = await state.session.evaluate(data, st.batchSize);
    bar.finish(logs);
    let path: string | null = null;
    if (st.output) {
      path = this.outputPath(st.output);
      this.ensureOutDir(path);
      writeFileAtomic(path, JSON.stringify({ model: st.model, data: st.data, rows: data.rows, ...logs }, null, 2) + '\n', st.span);
      if (verbose > 0) this.print(`evaluation written to ${path}\n`);
    }
    this.results.push({ statement: st, evaluation: logs, ...(path ? { path } : {}) });
  }

  private async predict(st: Extract<Statement, { kind: 'predict' }>): Promise<void> {
    const state = this.states.get(st.model) ?? (await this.compile(st.model, null));
    const data = this.table(st.data);
    const values = await state.session.predict(data, st.batchSize);
    const model = state.model;
    const classes = predictedClasses(model, values, data.classes ?? state.classes);
    let path: string | null = null;
    if (st.output) {
      path = this.outputPath(st.output);
      this.ensureOutDir(path);
      writeFileAtomic(path, formatPredictionsCsv(model, values, classes, data.classes ?? state.classes), st.span);
    }
    const verbose = this.verbosity(st.verbose);
    if (verbose > 0) this.print(`${data.rows} predictions${path ? ` written to ${path}` : ''}\n`);
    if (!path && verbose > 0) this.print(formatPredictionsCsv(model, values.subarray(0, 10 * model.outputDim), classes?.slice(0, 10) ?? null, data.classes ?? state.classes));
    this.results.push({ statement: st, predictions: { values, columns: model.outputDim, classes, path } });
  }

  private async saveWeights(name: string, path: string, span: Span | undefined): Promise<void> {
    const state = this.state(name, span ?? this.models.get(name)!.span);
    this.ensureOutDir(path);
    const tensors = (await state.session.namedTensors()).map((t) => ({ name: t.name, shape: t.shape, data: t.data }));
    writeSafetensors(path, tensors, { format: 'nnc', model: name }, span);
  }

  private async loadWeights(name: string, path: string, span: Span | undefined): Promise<void> {
    const state = this.states.get(name) ?? (await this.compile(name, null));
    const file = readSafetensors(path, span);
    const expected = (await state.session.namedTensors()).map((t) => ({ name: t.name, shape: t.shape }));
    checkWeights(expected, file.tensors, path, span);
    state.session.setWeights(new Map([...file.tensors].map(([k, v]) => [k, v.data])));
    state.adapted = true;
  }
}

export { formatLogs };
