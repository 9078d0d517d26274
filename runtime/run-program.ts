// Runs a checked program's statements in order: compile, fit, evaluate, predict, save, load,
// summary. Each model gets a session on the chosen executor; what is written goes under the output
// folder, each file whole or not at all (runtime/io/atomic.ts).
//
// Paths, one rule (docs/cli.md): the data a program reads (csv files) is found beside the program;
// what a run makes and uses again — predictions, evaluations, histories, weights (save, load,
// ModelCheckpoint) — is in the output folder (--out, default nnc-out), and a relative path in the
// program names a file there. --load-weights, --save-weights and --data paths are relative to the
// working folder, as any command-line path. Every line that says a file was written or read ends
// with "(under --out)" when this rule put it there. Only the output folder itself is created: a
// missing folder inside a path the user wrote is an error (NNC5002), found before anything runs
// rather than after an hour of training.
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { trainingRows } from '../compiler/validation-split.js';
import { compileModel, type CompileConfig } from '../compiler/driver.js';
import { largestBatch } from '../compiler/build.js';
import { diagnostic, fail, NncError } from '../base/diagnostics/diagnostic.js';
import type { Model, Program, Statement } from '../compiler/program.js';
import type { Span } from '../base/source.js';
import { formatSummary } from '../compiler/summary.js';
import { createExecutor, type Backend } from './backend.js';
import type { DataStore, Table } from '../base/data/dataset.js';
import { adaptText, tokenTable, vectorizerOf, vocabularyFrom, vocabularyKey } from './text-data.js';
import { writeFailureReason, writeFileAtomic } from './io/atomic.js';
import { readRegularFile } from '../base/files.js';
import { lockOutputFolder, type FolderLock } from './io/lock.js';
import { checkWeights, decodeSafetensors, type DecodeOptions, type Safetensors } from './io/safetensors.js';
import { writeSafetensors } from './io/safetensors-file.js';
import { formatLogs, ProgressBar, type ProgressSink, type Verbosity } from './progress.js';
import { formatPredictionsCsv, makePredictions, type Predictions } from './predictions.js';
import { ModelSession, type FitObserver, type History, type Logs } from './session.js';
import { runCallbacks } from './callbacks.js';
import { metricIncreases } from '../compiler/metrics.js';
import { writeHistory } from './history.js';
import { checkOutputCollisions, numberedName } from './outputs.js';
import { classesOf, evaluationJson, fileShape, weightsMetadata } from './weights.js';
import { atStatement } from './at-statement.js';

export { checkDataForModel, tableFromArrays, type ArrayData } from './arrays.js';
export { evaluationJson, fileShape, weightsMetadata };

export interface RunOptions {
  backend: Backend;
  /** The program seed: initial weights, and shuffling/dropout of fits without their own seed. */
  seed: number;
  /** Overrides every statement's verbose (the CLI's --verbose); null: each statement's, else 1. */
  verbose: Verbosity | null;
  /**
   * Print no "written to" / "loaded from" lines (the CLI's --quiet); verbose 0 alone still prints
   * them, as it only silences progress.
   */
  quiet?: boolean;
  /** Where relative output paths go (created when the first file is written). */
  outDir: string;
  data: DataStore;
  stdout: ProgressSink;
  /** Aborts the run (Ctrl-C): training stops at the next chunk of steps with NNC5005. */
  signal?: AbortSignal;
  /** --load-weights MODEL=PATH: loaded right after the model's first compile. */
  loadWeights?: Map<string, string>;
  /** --save-weights MODEL=PATH: saved after the program ran. */
  saveWeights?: Map<string, string>;
  /** Load weights files holding NaN or infinite values (refused by default, NNC5010). */
  allowNonFiniteWeights?: boolean;
  /** Paths in messages are shown relative to this folder when inside it (default: the working folder). */
  displayBase?: string;
  /** The output folder's lock, when the caller took it (the CLI, before the backend starts); else run() takes it. */
  outputLock?: FolderLock;
}

export interface StatementResult {
  statement: Statement;
  /** fit: the History (also written as MODEL.history.json and .svg). */
  history?: History;
  /** evaluate: the loss and metrics. */
  evaluation?: Logs;
  /** predict: the outputs and classes, and the CSV file they were written to. */
  predictions?: Predictions & { path: string | null };
  /** The main file the statement wrote or read (fit: the history JSON). */
  path?: string;
  /** Every file the statement wrote. */
  files?: string[];
}

export interface ModelState {
  model: Model;
  config: CompileConfig | null;
  session: ModelSession;
  /** Class names of the string labels the model was last fitted on, for predictions of unlabeled data. */
  labels: string[] | null;
  adapted: boolean;
  /** The TextVectorization's vocabulary (null until adapted or loaded; always null without one). */
  vocabulary: string[] | null;
}

/** Runs every statement; returns what each produced. Throws NncError on runtime errors. */
export async function runProgram(program: Program, options: RunOptions): Promise<StatementResult[]> {
  const runner = new ProgramRunner(program, options);
  try {
    return await runner.run();
  } finally {
    runner.dispose();
  }
}

/** Extra settings of one statement run from the library rather than from the program. */
export interface ExecuteOptions {
  /** fit: write the History files (default true). */
  writeHistory?: boolean;
  /** predict without an output path: write MODEL.predictions.csv (default true). */
  defaultPredictionsFile?: boolean;
  /** Takes precedence over the run's and the statement's verbose. */
  verbose?: Verbosity;
}

export class ProgramRunner {
  private states = new Map<string, ModelState>();
  private models: Map<string, Model>;
  /** Tables that are not the program's datasets (the library's in-memory data), by name. */
  private extraTables = new Map<string, Table>();
  /** --load-weights files, read before anything runs. */
  private preloaded = new Map<string, { path: string; file: Safetensors }>();
  private fileCounts = new Map<string, number>();

  constructor(
    readonly program: Program,
    private options: RunOptions,
  ) {
    this.models = new Map(program.models.map((m) => [m.name, m]));
  }

  /** Runs every statement in order, then --save-weights. */
  async run(): Promise<StatementResult[]> {
    this.checkOutputs();
    const lock = this.options.outputLock ?? lockOutputFolder(resolve(this.options.outDir), (p) => this.display(p));
    try {
      return await this.runStatements();
    } finally {
      if (lock !== this.options.outputLock) lock.release();
    }
  }

  private async runStatements(): Promise<StatementResult[]> {
    const results: StatementResult[] = [];
    for (const statement of this.program.statements) {
      this.checkAborted();
      results.push(await this.execute(statement));
    }
    // A signal that came while the last statement wrote its file (whole) still ends the run so.
    this.checkAborted();
    for (const [model, path] of this.options.saveWeights ?? []) {
      const absolute = resolve(path);
      await this.saveWeights(model, absolute, undefined);
      this.report(`weights of ${model} written to ${this.display(absolute)}\n`);
    }
    return results;
  }

  dispose(): void {
    for (const s of this.states.values()) s.session.executor.dispose();
    this.states.clear();
  }

  /** Makes `table` readable under `name` by statements the library builds. */
  addTable(name: string, table: Table): void {
    this.extraTables.set(name, table);
  }

  /** The model's state, compiled with `config` (its first compile statement's, for the library) if it has none yet. */
  async ensureModel(name: string, config: CompileConfig | null): Promise<ModelState> {
    return this.states.get(name) ?? (await this.compile(name, config));
  }

  /** Runs one statement; returns what it produced. */
  async execute(st: Statement, extra: ExecuteOptions = {}): Promise<StatementResult> {
    let result: StatementResult;
    switch (st.kind) {
      case 'compile':
        await this.compile(st.model, { loss: st.loss, optimizer: st.optimizer, metrics: st.metrics, span: st.span });
        result = { statement: st };
        break;
      case 'summary':
        this.print(formatSummary(this.models.get(st.model)!) + '\n');
        result = { statement: st };
        break;
      case 'fit':
        result = await this.fit(st, extra.writeHistory ?? true, extra.verbose);
        break;
      case 'evaluate':
        result = await this.evaluate(st, extra.verbose);
        break;
      case 'predict':
        result = await this.predict(st, extra.defaultPredictionsFile ?? true, extra.verbose);
        break;
      case 'save': {
        const path = this.outputPath(st.path);
        await this.saveWeights(st.model, path, st.span);
        this.report(`weights of ${st.model} written to ${this.shown(path, st.path)}\n`);
        result = { statement: st, path, files: [path] };
        break;
      }
      case 'load': {
        const path = this.outputPath(st.path);
        await this.loadWeights(st.model, path, st.span, this.besideProgram(st.path));
        this.report(`weights of ${st.model} loaded from ${this.shown(path, st.path)}\n`);
        result = { statement: st, path };
        break;
      }
    }
    return result;
  }

  // ---- paths and output ------------------------------------------------------------------------

  private print(text: string): void {
    this.options.stdout.write(text);
  }

  /** Where a file went or came from, unless --quiet (whatever the verbosity). */
  private report(text: string): void {
    if (!this.options.quiet) this.print(text);
  }

  /** A path for a message, saying "(under --out)" when the program's relative `written` put it in the output folder. */
  private shown(path: string, written: string): string {
    return `${this.display(path)}${isAbsolute(written) ? '' : ' (under --out)'}`;
  }

  private verbosity(v: Verbosity | null, override?: Verbosity): Verbosity {
    return override ?? this.options.verbose ?? v ?? 1;
  }

  private checkAborted(): void {
    if (this.options.signal?.aborted) throw new NncError(diagnostic('NNC5005', undefined, {}));
  }

  /** A path as the user is shown it: relative to the working folder when inside it. */
  display(path: string): string {
    return displayPath(path, this.options.displayBase);
  }

  private outputPath(path: string): string {
    return outputPath(path, this.options.outDir);
  }

  /** A relative path of the program as a file beside the program (for a hint when `load` finds nothing in the output folder). */
  private besideProgram(path: string): string | null {
    if (isAbsolute(path)) return null;
    const beside = resolve(dirname(resolve(this.program.file)), path);
    return existsSync(beside) && beside !== resolve(this.options.outDir, path) ? beside : null;
  }

  /** Creates the output folder when a file is about to be written into it. */
  private prepareFolder(path: string, span: Span | undefined): void {
    const folder = dirname(path);
    if (resolve(folder) !== resolve(this.options.outDir)) return;
    try {
      mkdirSync(folder, { recursive: true });
    } catch (err) {
      fail('NNC5002', span, { path: this.display(path), reason: `cannot create the folder ${this.display(folder)}: ${writeFailureReason(err)}` });
    }
  }

  /** Before anything runs: see checkRunOutputs. Keeps the --load-weights files for the models' first compile. */
  checkOutputs(): void {
    checkRunOutputs(this.program, this.options);
    for (const [name, path] of this.options.loadWeights ?? []) {
      const absolute = resolve(path);
      if (!this.preloaded.has(name)) this.preloaded.set(name, { path: absolute, file: this.readWeights(absolute, undefined) });
    }
  }

  private table(name: string): Table {
    const extra = this.extraTables.get(name);
    if (extra) return extra;
    const t = this.options.data.get(name);
    if (t) return t;
    const d = this.program.datasets.find((x) => x.name === name);
    if (!d) throw new Error(`run: unknown dataset ${name}`);
    return this.options.data.load(name, d.source, d.span);
  }

  private state(name: string, span: Span): ModelState {
    const s = this.states.get(name);
    if (!s) throw new NncError(diagnostic('NNC5006', span, { model: name }));
    return s;
  }

  private trainable(name: string, span: Span, statement: string): ModelState {
    const s = this.state(name, span);
    if (!s.config) throw new NncError(diagnostic('NNC5007', span, { model: name, statement }));
    return s;
  }

  /** Batches larger than the program's that a caller asked to run (the library), by model. */
  private reserved = new Map<string, number>();

  /** The largest batch this model runs: GPU buffers are sized for it once (as `nnc build` sizes them). */
  private largestBatch(name: string): number {
    return Math.max(largestBatch(this.program, name), this.reserved.get(name) ?? 1);
  }

  /**
   * Makes room for batches of `rows` rows: a GPU executor sized for fewer is replaced by one sized
   * for these, and the model's weights and optimizer state move to it.
   */
  async reserveBatch(name: string, rows: number): Promise<void> {
    if (rows <= this.largestBatch(name)) return;
    this.reserved.set(name, rows);
    const state = this.states.get(name);
    if (!state || state.session.executor.batchCapacity >= rows) return;
    await state.session.moveTo(await createExecutor(state.session.plan, this.options.backend, rows));
  }

  /** `MODEL.history`, then `MODEL-2.history` for the model's second fit, and so on. */
  private numbered(model: string, kind: string): string {
    const key = `${model}\u0000${kind}`;
    const n = (this.fileCounts.get(key) ?? 0) + 1;
    this.fileCounts.set(key, n);
    return numberedName(model, kind, n);
  }

  // ---- statements ---------------------------------------------------------------------------------

  /** A new session for the model with these settings; weights carry over from an earlier one. */
  private async compile(name: string, config: CompileConfig | null): Promise<ModelState> {
    const model = this.models.get(name)!;
    const { plan } = compileModel(model, config);
    const session = new ModelSession(model, plan, await createExecutor(plan, this.options.backend, this.largestBatch(name)), config?.metrics ?? []);
    const previous = this.states.get(name);
    session.initialize(this.options.seed);
    if (previous) {
      session.setWeights(await previous.session.namedValues());
      session.classNames = previous.session.classNames;
      // A new compile keeps the weights and where the shuffles got to, as Keras' model.compile does.
      session.shuffles = previous.session.shuffles;
      previous.session.executor.dispose();
    }
    const state: ModelState = { model, config, session, labels: previous?.labels ?? null, adapted: previous?.adapted ?? false, vocabulary: previous?.vocabulary ?? null };
    this.states.set(name, state);
    const preloaded = this.preloaded.get(name);
    if (preloaded && !previous) {
      await this.applyWeights(state, preloaded.file, preloaded.path, undefined);
      this.report(`weights of ${name} loaded from ${this.display(preloaded.path)}\n`);
    }
    return state;
  }

  /** Normalization layers take their statistics, and TextVectorization its vocabulary, before the first fit. */
  private adapt(state: ModelState, train: Table, trainRows: number): void {
    if (state.adapted) return;
    const vectorizer = vectorizerOf(state.model);
    if (vectorizer) state.vocabulary = vectorizer.adapt ? adaptText(state.model, vectorizer, this.table(vectorizer.adapt)) : adaptText(state.model, vectorizer, train, trainRows);
    for (const layer of state.model.layers) {
      if (layer.kind !== 'Normalization') continue;
      if (layer.adapt) state.session.adaptNormalization(layer.name, this.table(layer.adapt));
      else state.session.adaptNormalization(layer.name, train, trainRows);
    }
    state.adapted = true;
  }

  /**
   * Before evaluate or predict: Normalization layers with adapt=DATASET adapt now; one that adapts
   * to the training data cannot run before a fit or loaded weights gave it statistics (Keras
   * refuses an unadapted Normalization too).
   */
  private ensureAdapted(state: ModelState, span: Span): void {
    if (state.adapted) return;
    const vectorizer = vectorizerOf(state.model);
    if (vectorizer && !vectorizer.adapt) fail('NNC5030', span, { model: state.model.name, layer: vectorizer.name });
    if (vectorizer?.adapt) state.vocabulary = adaptText(state.model, vectorizer, this.table(vectorizer.adapt));
    const layers = state.model.layers.filter((l) => l.kind === 'Normalization');
    const unadapted = layers.find((l) => l.kind === 'Normalization' && !l.adapt);
    if (unadapted) fail('NNC5009', span, { model: state.model.name, layer: unadapted.name });
    for (const layer of layers) if (layer.kind === 'Normalization' && layer.adapt) state.session.adaptNormalization(layer.name, this.table(layer.adapt));
    state.adapted = true;
  }

  /** A table as the model's step reads it: texts as the tokens of the model's vocabulary. */
  private input(state: ModelState, table: Table): Table {
    const vectorizer = vectorizerOf(state.model);
    return vectorizer && state.vocabulary ? tokenTable(vectorizer, state.vocabulary, table) : table;
  }

  private async fit(st: Extract<Statement, { kind: 'fit' }>, historyFiles: boolean, override: Verbosity | undefined): Promise<StatementResult> {
    const state = this.trainable(st.model, st.span, 'fit');
    const raw = this.table(st.data);
    const verbose = this.verbosity(st.verbose, override);
    const trainRows = trainingRows(raw.rows, st.validationSplit);
    this.adapt(state, raw, trainRows);
    const data = this.input(state, raw);
    state.labels = data.stringLabels ? data.classes : null;
    const sink = this.options.stdout;
    let bar: ProgressBar | null = null;
    let steps = 0;
    let epochStarted = 0; // when the epoch being shown began (fit reports an epoch's end after the next began)
    const callbacks = runCallbacks(st.callbacks, {
      getWeights: () => state.session.namedValues(),
      setWeights: (values) => state.session.setWeights(values),
      outputPath: (p) => this.outputPath(p),
      print: (t) => (verbose > 0 ? this.print(t) : undefined),
      saveWeights: async (path, span) => {
        await this.saveWeights(st.model, path, span);
      },
      increases: (key) => {
        const metric = state.config?.metrics.find((m) => m.key === key);
        return metric ? metricIncreases(metric.kind) : key === 'loss' ? false : undefined;
      },
    });
    const observer: FitObserver = {
      onTrainBegin: (info) => {
        steps = info.steps;
      },
      onEpochBegin: (epoch, at) => {
        epochStarted = at;
        if (verbose > 0 && st.epochs > 1) this.print(`Epoch ${epoch + 1}/${st.epochs}\n`);
        bar = new ProgressBar(sink, verbose, steps, undefined, at);
      },
      onEpochEnd: async (epoch, logs, seconds) => {
        bar?.finish(logs, epochStarted + seconds * 1000);
        bar = null;
        return callbacks.onEpochEnd(epoch, logs);
      },
      // without callbacks an epoch's end is only printed: the next epoch need not wait for it
      passive: st.callbacks.length === 0,
    };
    // The bar's time per step leaves out the first chunk of steps (warm-up), so it needs to hear
    // about progress even when it does not redraw.
    if (verbose > 0) observer.onProgress = (_epoch, step, logs, at) => (bar as ProgressBar | null)?.update(step, logs, at);
    let history: History;
    try {
      history = await state.session.fit(data, {
        epochs: st.epochs,
        batchSize: st.batchSize,
        validationSplit: st.validationSplit,
        validationData: st.validationData ? this.input(state, this.table(st.validationData)) : null,
        shuffle: st.shuffle,
        seed: st.seed ?? this.options.seed,
        observer,
        ...(this.options.signal ? { signal: this.options.signal } : {}),
      });
    } catch (err) {
      (bar as ProgressBar | null)?.abandon();
      throw atStatement(err, st.span);
    }
    await callbacks.onTrainEnd();
    const marks = callbacks.marks?.() ?? {};
    if (Object.keys(marks).length > 0) history.earlyStopping = marks;
    if (!historyFiles) return { statement: st, history };
    const base = this.numbered(st.model, 'history');
    this.prepareFolder(resolve(this.options.outDir, `${base}.json`), st.span);
    const files = writeHistory(history, this.options.outDir, base, st.model);
    this.report(`history written to ${this.display(files.json)}, chart ${this.shown(files.svg, base)}\n`);
    return { statement: st, history, path: files.json, files: [files.json, files.svg] };
  }

  private async evaluate(st: Extract<Statement, { kind: 'evaluate' }>, override: Verbosity | undefined): Promise<StatementResult> {
    const state = this.trainable(st.model, st.span, 'evaluate');
    this.ensureAdapted(state, st.span);
    const data = this.input(state, this.table(st.data));
    const verbose = this.verbosity(st.verbose, override);
    const bar = new ProgressBar(this.options.stdout, verbose, Math.ceil(data.rows / st.batchSize));
    const logs = await state.session.evaluate(data, st.batchSize, this.options.signal);
    bar.finish(logs);
    if (!st.output) return { statement: st, evaluation: logs };
    const path = this.outputPath(st.output);
    this.prepareFolder(path, st.span);
    writeFileAtomic(path, evaluationJson(st.model, st.data, data.rows, logs), st.span);
    this.report(`evaluation written to ${this.shown(path, st.output)}\n`);
    return { statement: st, evaluation: logs, path, files: [path] };
  }

  private async predict(st: Extract<Statement, { kind: 'predict' }>, defaultFile: boolean, override: Verbosity | undefined): Promise<StatementResult> {
    const state = this.states.get(st.model) ?? (await this.compile(st.model, null));
    this.ensureAdapted(state, st.span);
    const data = this.input(state, this.table(st.data));
    const verbose = this.verbosity(st.verbose, override);
    const bar = new ProgressBar(this.options.stdout, verbose, Math.ceil(data.rows / st.batchSize));
    const values = await state.session.predict(data, st.batchSize, this.options.signal);
    bar.finish(null);
    // classes named as the model learned them (its first fit), else as this data names them
    const predictions = makePredictions(state.model, values, state.session.classNames ?? (data.stringLabels ? data.classes : state.labels));
    const path = st.output ? this.outputPath(st.output) : defaultFile ? this.outputPath(this.numbered(st.model, 'predictions.csv')) : null;
    if (!path) return { statement: st, predictions: { ...predictions, path: null } };
    this.prepareFolder(path, st.span);
    writeFileAtomic(path, formatPredictionsCsv(predictions), st.span);
    this.report(`${predictions.rows} prediction${predictions.rows === 1 ? '' : 's'} written to ${this.shown(path, st.output ?? '')}\n`);
    return { statement: st, predictions: { ...predictions, path }, path, files: [path] };
  }

  /** Writes the model's weights (safetensors, atomically) to an absolute path. */
  async saveWeights(name: string, path: string, span: Span | undefined): Promise<void> {
    const state = this.state(name, span ?? this.models.get(name)!.span);
    this.prepareFolder(path, span);
    const tensors = (await state.session.namedTensors()).map((t) => ({ ...t, shape: fileShape(t.name, t.shape) }));
    const vectorizer = vectorizerOf(state.model);
    const vocabulary = vectorizer && state.vocabulary ? { [vocabularyKey(vectorizer.name)]: JSON.stringify(state.vocabulary) } : {};
    writeSafetensors(path, tensors, { ...weightsMetadata(name, state.session.classNames ?? state.labels), ...vocabulary }, span);
  }

  /**
   * Reads weights from an absolute path into the model (compiled for prediction when it was not
   * yet). `beside`: a file of the same name beside the program, named in the hint when `path` is missing.
   */
  async loadWeights(name: string, path: string, span: Span | undefined, beside: string | null = null): Promise<void> {
    const state = this.states.get(name) ?? (await this.compile(name, null));
    const help = beside && !existsSync(path) ? `load reads from the output folder (--out), where save writes; there is a file of that name beside the program: load it with --load-weights ${this.display(beside)}, or give its full path` : undefined;
    await this.applyWeights(state, this.readWeights(path, span, help), path, span);
  }

  private readWeights(path: string, span: Span | undefined, help?: string): Safetensors {
    return readWeightsFile(path, span, (p) => this.display(p), { allowNonFinite: this.options.allowNonFiniteWeights === true }, help);
  }

  private async applyWeights(state: ModelState, file: Safetensors, path: string, span: Span | undefined): Promise<void> {
    const expected = (await state.session.namedTensors()).map((t) => ({ name: t.name, shape: fileShape(t.name, t.shape) }));
    checkWeights(expected, file.tensors, this.display(path), span);
    const classes = classesOf(file.metadata, state.model, this.display(path), span);
    const vectorizer = vectorizerOf(state.model);
    if (vectorizer) state.vocabulary = vocabularyFrom(file.metadata, vectorizer, this.display(path), span);
    state.session.setWeights(new Map([...file.tensors].map(([k, v]) => [k, v.data])));
    state.adapted = true;
    if (classes) {
      state.session.classNames = classes;
      state.labels = classes;
    }
  }

  /** The state of a model that has one (for the library). */
  modelState(name: string): ModelState | undefined {
    return this.states.get(name);
  }

  /** A dataset of the program (loaded when needed) or a table added with addTable. */
  dataTable(name: string): Table {
    return this.table(name);
  }
}

/** A path as the user is shown it: relative to `base` (default the working folder) when inside it. */
export function displayPath(path: string, base?: string): string {
  const rel = relative(resolve(base ?? process.cwd()), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function outputPath(path: string, outDir: string): string {
  return isAbsolute(path) ? path : resolve(outDir, path);
}

/** Where `load` reads a path of the program: the output folder, where save writes (docs/cli.md, Paths). */
function loadPath(path: string, outDir: string): string {
  return outputPath(path, outDir);
}

/** A safetensors file (NNC5003 when it cannot be read or is not one), named in messages as the user sees it. */
export function readWeightsFile(
  path: string,
  span: Span | undefined,
  show: (path: string) => string = (p) => displayPath(p),
  options: DecodeOptions = {},
  /** The help of NNC5003 when the file cannot be read (default: the catalog's). */
  help?: string,
): Safetensors {
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(path);
  } catch (err) {
    if (err instanceof NncError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' ? 'a part of the path is not a folder' : writeFailureReason(err);
    return fail('NNC5003', span, { path: show(path), reason, ...(help ? { help } : {}) });
  }
  return decodeSafetensors(bytes, show(path), span, options);
}

/**
 * Before anything runs: the output folder can be made, and every file a statement or
 * --save-weights will write has a folder to go to. Finds a bad --out or `-> "missing/x.csv"`
 * before training rather than after (NNC5002).
 */
export function checkRunOutputs(program: Program, options: Pick<RunOptions, 'outDir' | 'saveWeights' | 'loadWeights' | 'displayBase'>): void {
  const show = (p: string) => displayPath(p, options.displayBase);
  const outDir = resolve(options.outDir);
  const problem = folderProblem(outDir, true, show);
  if (problem) fail('NNC5002', undefined, { path: show(outDir), reason: problem });
  const targets: Array<{ path: string; span: Span | undefined }> = [];
  for (const st of program.statements) {
    if ((st.kind === 'evaluate' || st.kind === 'predict') && st.output) targets.push({ path: outputPath(st.output, outDir), span: st.span });
    if (st.kind === 'save') targets.push({ path: outputPath(st.path, outDir), span: st.span });
    if (st.kind === 'fit') {
      for (const c of st.callbacks) if (c.kind === 'model_checkpoint') targets.push({ path: outputPath(c.path, outDir), span: c.span });
    }
  }
  for (const [, path] of options.saveWeights ?? []) targets.push({ path: resolve(path), span: undefined });
  for (const { path, span } of targets) {
    if (existsSync(path) && statSync(path).isDirectory()) fail('NNC5002', span, { path: show(path), reason: 'it is a folder' });
    const folder = dirname(path);
    if (resolve(folder) === outDir) continue;
    const why = folderProblem(folder, false, show);
    if (why) fail('NNC5002', span, { path: show(path), reason: why });
  }
  checkOutputCollisions(program, {
    outputPath: (p) => outputPath(p, outDir),
    loadPath: (p) => loadPath(p, outDir),
    display: show,
    ...(options.saveWeights ? { saveWeights: options.saveWeights } : {}),
    ...(options.loadWeights ? { loadWeights: options.loadWeights } : {}),
  });
}

/**
 * Why nothing can be written into `folder` (null when it can). `creatable`: the folder may not
 * exist yet if a parent can hold it (the output folder is created when needed).
 */
function folderProblem(folder: string, creatable: boolean, show: (path: string) => string): string | null {
  // The nearest part of the path that exists.
  let at = folder;
  let isDirectory: boolean;
  for (;;) {
    try {
      isDirectory = statSync(at).isDirectory();
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return writeFailureReason(err);
      const parent = dirname(at);
      if (parent === at) return `the folder ${show(folder)} cannot be created`;
      at = parent;
    }
  }
  if (!isDirectory) return `${show(at)} is a file, not a folder`;
  if (at !== folder && !creatable) return `there is no folder ${show(folder)}`;
  try {
    accessSync(at, constants.W_OK);
  } catch {
    return `the folder ${show(at)} is not writable`;
  }
  return null;
}

export { formatLogs };
