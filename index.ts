// nnc as a library: check and compile .nn source, then fit, evaluate and predict from TypeScript
// with typed results. A thin layer over the modules the `nnc` command uses (the front end, the
// statement runner, the backends), so the library and the command behave the same.
//
//   import { compile } from 'nnc';
//   const program = compile(source, { file: 'pima.nn', backend: 'cpu' });
//   const model = program.model('diabetes');
//   const history = await model.fit('pima', { epochs: 100, batchSize: 10 });
//   const { loss, accuracy } = await model.evaluate('pima');
//   const predictions = await model.predict({ x: [[6, 148, 72, 35, 0, 33.6, 0.627, 50]] });
//   program.close();
import { resolve } from 'node:path';
import { NncError, type Diagnostic } from './base/diagnostics/diagnostic.js';
import { renderDiagnostics } from './base/diagnostics/render.js';
import type { CompileConfig } from './compiler/driver.js';
import { checkSource, readSource, SourceReadError } from './compiler/frontend.js';
import type { Callback, Model, Program, Statement } from './compiler/program.js';
import { SourceFile } from './base/source.js';
import { formatSummary } from './compiler/summary.js';
import { closeBackend, selectBackend, type Backend, type BackendChoice } from './runtime/backend.js';
import { programWork } from './runtime/backend-cost.js';
import { threadsProblem } from './runtime/cpu/threads.js';
import { sourceForPath, type DataStore, type Table } from './base/data/dataset.js';
import { checkDataForModel, fileShape, ProgramRunner, tableFromArrays, type ArrayData, type StatementResult } from './runtime/run-program.js';
import type { Predictions } from './runtime/predictions.js';
import type { Verbosity } from './runtime/progress.js';
import type { History, Logs } from './runtime/session.js';

export { version } from './base/version.js';

export type { ArrayData, BackendChoice, Diagnostic, History, Model, Predictions, Program, Statement, StatementResult, Verbosity };
export { NncError };
export { formatPredictionsCsv } from './runtime/predictions.js';
export { historyChart, historyJson } from './runtime/history.js';
export { formatLogs } from './runtime/progress.js';
export { formatSummary };

/** evaluate's result: the loss and each metric, by the names the program gives them. */
export type Evaluation = Logs;

/** Where progress goes: process.stdout, or anything with write(). */
export interface OutputSink {
  write(text: string): unknown;
  /** A terminal: the bar is redrawn in place. */
  isTTY?: boolean;
}

export interface CompileOptions {
  /** The program's path: names it in messages; its relative data paths resolve against its folder (default 'program.nn' in the working folder). */
  file?: string;
  /** Dataset name -> CSV path, instead of the path in the program (the command's --data). */
  data?: Record<string, string> | Map<string, string>;
  /** Arguments of the program's statements to change, as the command's --set: ['fit.epochs=5']. */
  set?: readonly string[];
  /**
   * Where the plan runs (default 'auto': the backend that will be faster for the program's statements
   * here, as `nnc run` picks it; work given only in calls, e.g. fit on arrays, is not foreseen).
   */
  backend?: BackendChoice;
  /**
   * Threads of the CPU interpreter's large matrix products (default: the machine's cores, as
   * `os.availableParallelism()` gives them); the results are the same bits whatever the count.
   */
  threads?: number;
  /** Initial weights, and shuffling and dropout of fits without their own seed (default 0). */
  seed?: number;
  /** Progress printed by fit, evaluate and predict: 0 none (the library's default), 1 a bar, 2 a line per epoch. */
  verbose?: Verbosity;
  /** Where progress is written (default process.stdout). */
  stdout?: OutputSink;
  /** run(): the folder for what the program's statements write (default 'nnc-out'). */
  outDir?: string;
  /** Stops a running fit (NNC5005) at its next few steps. */
  signal?: AbortSignal;
  /** Load weights files that hold NaN or infinite values (refused by default, NNC5010). */
  allowNonFiniteWeights?: boolean;
  /**
   * run(): print no line naming a file written (default: true unless `verbose` is given; with
   * verbose 0 given, the files are named as `nnc run --verbose 0` names them).
   */
  quiet?: boolean;
}

/** The program did not check: its diagnostics, rendered with the lines they point at in `message`. */
export class CompileError extends NncError {
  constructor(diagnostics: Diagnostic[], source: SourceFile | null) {
    super(diagnostics);
    this.name = 'CompileError';
    this.message = render(diagnostics, source);
  }
}

export interface CheckReport {
  ok: boolean;
  /** Errors and warnings, in file order. */
  diagnostics: Diagnostic[];
  /** The diagnostics as `nnc check` prints them. */
  text: string;
  /** The checked program; null when there are errors. */
  program: Program | null;
}

function sourceFile(source: string, file: string | undefined): SourceFile {
  return new SourceFile(file ?? 'program.nn', source);
}

function overrides(data: CompileOptions['data']): Map<string, string> {
  if (!data) return new Map();
  return data instanceof Map ? new Map(data) : new Map(Object.entries(data));
}

function render(diagnostics: Diagnostic[], source: SourceFile | null): string {
  return renderDiagnostics(diagnostics, (path) => (source && path === source.path ? source : sourceForPath(path)));
}

/** Checks .nn source as `nnc check` does (reading its data files), without running anything. */
export function check(source: string, options: Pick<CompileOptions, 'file' | 'data' | 'set'> = {}): CheckReport {
  const file = sourceFile(source, options.file);
  const result = checkSource(file, { mode: 'check', dataOverrides: overrides(options.data), set: options.set ?? [] });
  const ok = !result.diagnostics.some((d) => d.severity === 'error');
  return { ok, diagnostics: result.diagnostics, text: render(result.diagnostics, file), program: result.program };
}

/** Checks .nn source for running (its data files must be there) and returns it ready to fit, evaluate and predict. Throws CompileError. */
export function compile(source: string, options: CompileOptions = {}): CompiledProgram {
  return compileSource(sourceFile(source, options.file), options);
}

/** compile() of a .nn file (CompileError NNC7003 when it cannot be read). */
export function compileFile(path: string, options: Omit<CompileOptions, 'file'> = {}): CompiledProgram {
  let source: SourceFile;
  try {
    source = readSource(path);
  } catch (err) {
    if (err instanceof SourceReadError) throw new CompileError(err.diagnostics, err.source);
    throw err;
  }
  return compileSource(source, options);
}

/** Runs every statement of a .nn file, as `nnc run` does; returns what each produced. */
export async function runFile(path: string, options: Omit<CompileOptions, 'file'> = {}): Promise<StatementResult[]> {
  const program = compileFile(path, options);
  try {
    return await program.run();
  } finally {
    program.close();
  }
}

function compileSource(source: SourceFile, options: CompileOptions): CompiledProgram {
  const threadsWrong = options.threads === undefined ? null : threadsProblem(options.threads);
  if (threadsWrong) throw new RangeError(`threads ${threadsWrong}`);
  const result = checkSource(source, { mode: 'run', dataOverrides: overrides(options.data), set: options.set ?? [] });
  if (!result.program) throw new CompileError(result.diagnostics, source);
  return new CompiledProgram(result.program, result.diagnostics, result.data, options);
}

/** A checked program: its models, ready to run on the chosen backend. Call close() when done. */
export class CompiledProgram {
  private backend: Promise<Backend> | null = null;
  private runner: ProgramRunner | null = null;
  private handles = new Map<string, CompiledModel>();
  private closed = false;

  constructor(
    /** The checked program (datasets, models, statements). */
    readonly program: Program,
    /** Warnings found while checking (errors would have thrown). */
    readonly diagnostics: Diagnostic[],
    private data: DataStore,
    readonly options: CompileOptions,
  ) {}

  /** The models' names, in program order. */
  get models(): string[] {
    return this.program.models.map((m) => m.name);
  }

  /** The datasets' names, in program order. */
  get datasets(): string[] {
    return this.program.datasets.map((d) => d.name);
  }

  /** A model of the program; the name may be left out when there is one. */
  model(name?: string): CompiledModel {
    const models = this.program.models;
    const model = name === undefined ? (models.length === 1 ? models[0] : undefined) : models.find((m) => m.name === name);
    if (!model) {
      const known = models.map((m) => m.name).join(', ') || 'none';
      throw new Error(name === undefined ? `the program has ${models.length} models (${known}); name one` : `the program has no model '${name}' (it has: ${known})`);
    }
    let handle = this.handles.get(model.name);
    if (!handle) this.handles.set(model.name, (handle = new CompiledModel(this, model)));
    return handle;
  }

  /** The Keras-style summary table of every model. */
  summary(): string {
    return this.program.models.map(formatSummary).join('\n');
  }

  /** Runs every statement in order, as `nnc run` does (writing under outDir); the models keep their weights afterwards. */
  async run(): Promise<StatementResult[]> {
    const runner = await this.getRunner();
    return runner.run();
  }

  /** Releases the models and the GPU. */
  close(): void {
    this.closed = true;
    this.runner?.dispose();
    this.runner = null;
    const backend = this.backend;
    this.backend = null;
    void backend?.then(closeBackend, () => undefined);
  }

  /** The backend's description ('cpu', 'webgpu: ...'), choosing it if not chosen yet. */
  async backendDescription(): Promise<string> {
    await this.getRunner();
    return (await this.backend!).description;
  }

  /** @internal */
  async backendKind(): Promise<Backend['kind']> {
    await this.getRunner();
    return (await this.backend!).kind;
  }

  /** @internal */
  async getRunner(): Promise<ProgramRunner> {
    if (this.closed) throw new Error('this program was closed');
    if (this.runner) return this.runner;
    const threads = this.options.threads;
    this.backend ??= selectBackend(this.options.backend ?? 'auto', { work: programWork(this.program, this.data), ...(threads === undefined ? {} : { threads }) });
    const backend = await this.backend;
    if (this.runner) return this.runner;
    const out = this.options.stdout ?? process.stdout;
    this.runner = new ProgramRunner(this.program, {
      backend,
      seed: this.options.seed ?? 0,
      verbose: this.options.verbose ?? null,
      quiet: this.options.quiet ?? this.options.verbose === undefined,
      outDir: this.options.outDir ?? 'nnc-out',
      data: this.data,
      stdout: { write: (t) => void out.write(t), isTTY: out.isTTY === true },
      allowNonFiniteWeights: this.options.allowNonFiniteWeights === true,
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    });
    return this.runner;
  }
}

/** A dataset of the program by name, or arrays. */
export type DataInput = string | ArrayData;

export interface EarlyStoppingOptions {
  monitor?: string;
  minDelta?: number;
  patience?: number;
  mode?: 'auto' | 'min' | 'max';
  baseline?: number | null;
  restoreBestWeights?: boolean;
  startFromEpoch?: number;
}

export interface ModelCheckpointOptions {
  monitor?: string;
  saveBestOnly?: boolean;
  mode?: 'auto' | 'min' | 'max';
}

/** Keras' EarlyStopping, with its defaults: monitor 'val_loss', min_delta 0, patience 0, mode 'auto', no baseline, restore_best_weights false. */
export function EarlyStopping(options: EarlyStoppingOptions = {}): Callback {
  return {
    kind: 'early_stopping',
    monitor: options.monitor ?? 'val_loss',
    minDelta: options.minDelta ?? 0,
    patience: options.patience ?? 0,
    mode: options.mode ?? 'auto',
    baseline: options.baseline ?? null,
    restoreBestWeights: options.restoreBestWeights ?? false,
    startFromEpoch: options.startFromEpoch ?? 0,
    span: noSpan,
  };
}

/** Keras' ModelCheckpoint (weights only, safetensors): `path` may hold `{epoch:02d}` and `{val_loss:.2f}`; defaults monitor 'val_loss', save_best_only false. */
export function ModelCheckpoint(path: string, options: ModelCheckpointOptions = {}): Callback {
  return { kind: 'model_checkpoint', path: resolve(path), monitor: options.monitor ?? 'val_loss', saveBestOnly: options.saveBestOnly ?? false, mode: options.mode ?? 'auto', span: noSpan };
}

const noSpan = new SourceFile('<library>', '').span(0, 0);

export interface FitOptions {
  /** Default 1. */
  epochs?: number;
  /** Default 32. */
  batchSize?: number;
  /** The last fraction of the rows, held out before shuffling (default 0). */
  validationSplit?: number;
  validationData?: DataInput;
  /** Reshuffle the rows every epoch (default true). */
  shuffle?: boolean;
  /** Shuffling and dropout (default: the program seed). */
  seed?: number;
  verbose?: Verbosity;
  callbacks?: Callback[];
}

export interface BatchOptions {
  /** Default 32. */
  batchSize?: number;
  verbose?: Verbosity;
}

/** One model of a compiled program. Its weights live on the backend and carry over from call to call. */
export class CompiledModel {

  constructor(
    private owner: CompiledProgram,
    /** The checked model: layers, sizes, parameter counts. */
    readonly model: Model,
  ) {}

  get name(): string {
    return this.model.name;
  }

  /** The Keras-style summary table. */
  summary(): string {
    return formatSummary(this.model);
  }

  /** Trains the model (compiled as the program's first `compile` of it says); returns Keras' History. */
  async fit(data: DataInput, options: FitOptions = {}): Promise<History> {
    const runner = await this.owner.getRunner();
    await this.compiled();
    const validationData = options.validationData === undefined ? null : await this.dataName(options.validationData, true, 'validation');
    const st: Statement = {
      kind: 'fit',
      span: this.model.span,
      model: this.model.name,
      data: await this.dataName(data, true),
      epochs: positiveInteger(options.epochs ?? 1, 'epochs'),
      batchSize: await this.batchSize(options.batchSize),
      validationSplit: fraction(options.validationSplit ?? 0, 'validationSplit'),
      validationData,
      shuffle: options.shuffle ?? true,
      verbose: null,
      seed: options.seed ?? null,
      callbacks: options.callbacks ?? [],
    };
    if (st.validationSplit > 0 && validationData) throw new RangeError('give validationSplit or validationData, not both');
    const result = await runner.execute(st, { writeHistory: false, verbose: this.verbose(options.verbose) });
    return result.history!;
  }

  /** The loss and metrics on `data` (rows weighted equally). */
  async evaluate(data: DataInput, options: BatchOptions = {}): Promise<Evaluation> {
    const runner = await this.owner.getRunner();
    await this.compiled();
    const st: Statement = { kind: 'evaluate', span: this.model.span, model: this.model.name, data: await this.dataName(data, true), batchSize: await this.batchSize(options.batchSize), verbose: null, output: null };
    const result = await runner.execute(st, { verbose: this.verbose(options.verbose) });
    return result.evaluation!;
  }

  /** The outputs for every row of `data`, with the predicted class of a classifier. */
  async predict(data: DataInput, options: BatchOptions = {}): Promise<Predictions> {
    const runner = await this.owner.getRunner();
    await this.compiled();
    const st: Statement = { kind: 'predict', span: this.model.span, model: this.model.name, data: await this.dataName(data, false), batchSize: await this.batchSize(options.batchSize), verbose: null, output: null };
    const result = await runner.execute(st, { defaultPredictionsFile: false, verbose: this.verbose(options.verbose) });
    const { path: _path, ...predictions } = result.predictions!;
    return predictions;
  }

  /** Writes the weights as safetensors (atomically); `path` is relative to the working folder. */
  async save(path: string): Promise<void> {
    const runner = await this.owner.getRunner();
    await this.compiled();
    await runner.saveWeights(this.model.name, resolve(path), undefined);
  }

  /** Reads weights saved from a model with the same layers (NNC5004 names a tensor that does not fit). */
  async load(path: string): Promise<void> {
    const runner = await this.owner.getRunner();
    await this.compiled();
    await runner.loadWeights(this.model.name, resolve(path), undefined);
  }

  /** The current weights by name (dense/kernel [inputs, units], dense/bias [units], ...), as save writes them. */
  async getWeights(): Promise<Array<{ name: string; shape: number[]; data: Float32Array }>> {
    const state = await this.compiled();
    return (await state.session.namedTensors()).map((t) => ({ ...t, shape: fileShape(t.name, t.shape) }));
  }

  private compileConfig(): CompileConfig | null {
    const st = this.owner.program.statements.find((s) => s.kind === 'compile' && s.model === this.model.name);
    return st && st.kind === 'compile' ? { loss: st.loss, optimizer: st.optimizer, metrics: st.metrics, span: st.span } : null;
  }

  private async compiled() {
    const runner = await this.owner.getRunner();
    return runner.ensureModel(this.model.name, this.compileConfig());
  }

  private verbose(v: Verbosity | undefined): Verbosity {
    return v ?? this.owner.options.verbose ?? 0;
  }

  /**
   * A batch size, with room made for it: GPU buffers are sized for the program's largest batch (as
   * `nnc run` sizes them, so both run the same shaders), and made again for a larger one.
   */
  private async batchSize(value: number | undefined): Promise<number> {
    const size = positiveInteger(value ?? 32, 'batchSize');
    await (await this.owner.getRunner()).reserveBatch(this.model.name, size);
    return size;
  }

  /** The name the runner reads the data by, after checking it against the model. */
  private async dataName(data: DataInput, needsLabels: boolean, role: 'data' | 'validation' = 'data'): Promise<string> {
    const runner = await this.owner.getRunner();
    let name: string;
    let table: Table;
    if (typeof data === 'string') {
      if (!this.owner.program.datasets.some((d) => d.name === data)) {
        throw new Error(`the program has no dataset '${data}' (it has: ${this.owner.datasets.join(', ') || 'none'})`);
      }
      name = data;
      table = runner.dataTable(name);
    } else {
      table = tableFromArrays(data, this.model.inputDim, this.model.name);
      // One name per model and role: the next call's arrays replace these, so nothing piles up.
      name = `<${this.model.name} ${role}>`;
      runner.addTable(name, table);
    }
    checkDataForModel(table, this.model, this.compileConfig(), needsLabels);
    return name;
  }
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be a whole number of at least 1, not ${value}`);
  return value;
}

function fraction(value: number, what: string): number {
  if (!(value >= 0 && value < 1)) throw new RangeError(`${what} must be at least 0 and below 1, not ${value}`);
  return value;
}

/** Renders diagnostics (from CheckReport, CompileError or NncError) as the command prints them. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return renderDiagnostics(diagnostics, (path) => sourceForPath(path));
}
