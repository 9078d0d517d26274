// What every part of the checker shares: the options, the diagnostics so far, and the facts it
// has gathered about datasets, models and statements (drafts, completed into the Program at the end).
import type { DataStore } from '../../base/data/dataset.js';
import type { Call, Identifier } from '../ast.js';
import type { CatalogArgs, DiagnosticCode } from '../../base/diagnostics/catalog.js';
import { diagnostic, type Diagnostic } from '../../base/diagnostics/diagnostic.js';
import type { Activation, BidirectionalLayer, Callback, DataShape, DatasetSource, Initializer, LayerKind, Loss, MetricOptions, Optimizer, Padding, Padding1D } from '../program.js';
import type { SplitMode, Standardize } from '../../base/data/text.js';
import type { Span } from '../../base/source.js';

export type CheckMode = 'check' | 'run';

export interface CheckOptions {
  /** 'check': a missing data file is a warning (NNC3010); 'run': it is an error. */
  mode: CheckMode;
  /** --data NAME=PATH: dataset name -> file path (relative to the working folder). */
  dataOverrides?: Map<string, string>;
  /** Where datasets are loaded; the caller keeps it to reuse the tables. A new one by default. */
  store?: DataStore;
  /** Models whose weights come from --load-weights ('*': the program's only model): they may predict without compile. */
  loadedModels?: ReadonlySet<string>;
}

export interface DatasetInfo {
  kind: 'dataset';
  name: string;
  /** The name where it is declared. */
  ident: Identifier;
  /** The whole dataset statement. */
  span: Span;
  source: DatasetSource | null;
  shape: DataShape | null;
  /** In check mode, the file was not found (a warning was given); the shape is unknown. */
  unread: boolean;
  /** Something about it was wrong (reported): later checks that need it stay silent. */
  poisoned: boolean;
}

export interface LayerDraft {
  kind: LayerKind;
  call: Call;
  units?: number;
  /** null when the activation was invalid (reported). */
  activation?: Activation | null;
  activationSpan?: Span;
  useBias?: boolean;
  kernelInitializer?: Initializer | null;
  biasInitializer?: Initializer | null;
  rate?: number;
  adapt?: DatasetInfo | null;
  adaptSpan?: Span;
  /** input_dim or input_shape as written on this layer (input_dim=8 is the shape [8]). */
  inputShape?: { value: number[]; span: Span; arg: 'input_dim' | 'input_shape' };
  filters?: number;
  /** Conv2D's kernel_size, pooling's pool_size. */
  window?: [number, number];
  /** null: pooling's default (the pool size). */
  strides?: [number, number] | null;
  padding?: Padding;
  momentum?: number;
  epsilon?: number;
  center?: boolean;
  scale?: boolean;
  /** Rescaling's arguments. */
  factor?: number;
  offset?: number;
  /** Reshape's target shape, as written (one entry may be -1). */
  targetShape?: number[];
  /** TextVectorization's arguments. */
  text?: { maxTokens: number | null; standardize: Standardize; split: SplitMode; length: number };
  /** Embedding's table: input_dim rows of output_dim values. */
  table?: { rows: number; width: number; initializer: Initializer | null; maskZero: boolean };
  /** Conv1D's and 1-D pooling's window along the steps (strides null: the window). */
  steps?: { window: number; strides: number | null; padding: Padding1D };
  cropping?: [number, number];
  /** The recurrent layers' own arguments. */
  recurrent?: {
    recurrentActivation: Activation | null;
    recurrentInitializer: Initializer | null;
    unitForgetBias: boolean;
    returnSequences: boolean;
    goBackwards: boolean;
  };
  /** Bidirectional's layer and merge mode. */
  wrapped?: LayerDraft;
  mergeMode?: BidirectionalLayer['mergeMode'];
}

export interface CompileInfo {
  /** null when invalid (reported) or the statement did not parse. */
  loss: Loss | null;
  lossSpan: Span | null;
  optimizer: Optimizer | null;
  /** As written (name, canonical kind-name, span); null when invalid. */
  metrics: { key: string; name: string; span: Span; options?: MetricOptions }[] | null;
}

export interface ModelInfo {
  kind: 'model';
  name: string;
  ident: Identifier;
  span: Span;
  layers: LayerDraft[];
  /** One sample's input shape as declared: Input(shape), or input_dim / input_shape on the first layer. */
  declaredInput: { value: number[]; span: Span } | null;
  /** Shapes cannot be worked out (unknown layer, bad units, syntax error): stay silent about them. */
  poisoned: boolean;
  /** Resolved in the shape pass: one sample's shape in, and after each layer (the last is the output). */
  inputShape: number[] | null;
  layerShapes: number[][];
  /** Values per sample in and out (the sizes of the shapes). */
  inputDim: number | null;
  /** Where the input size came from, for messages: a declaration, an adapt dataset or a first use. */
  inputOrigin: { kind: 'declared' | 'adapt' | 'data'; span: Span; dataset?: string } | null;
  outputDim: number | null;
}

export type Symbol = DatasetInfo | ModelInfo;

/** A fit/evaluate/predict as far as the first pass gets; the data checks complete it. */
export interface DataUse {
  model: ModelInfo | null;
  dataset: DatasetInfo | null;
  dataSpan: Span;
}

export type StatementDraft =
  | { kind: 'compile'; span: Span; model: ModelInfo | null; info: CompileInfo; valid: boolean }
  | {
      kind: 'fit';
      span: Span;
      use: DataUse;
      compile: CompileInfo | null;
      epochs: number;
      batchSize: number;
      validationSplit: number;
      validation: DatasetInfo | null;
      validationSpan: Span | null;
      shuffle: boolean;
      verbose: 0 | 1 | 2 | null;
      seed: number | null;
      callbacks: Callback[];
      valid: boolean;
    }
  | {
      kind: 'evaluate' | 'predict';
      span: Span;
      use: DataUse;
      compile: CompileInfo | null;
      batchSize: number;
      verbose: 0 | 1 | 2 | null;
      output: string | null;
      valid: boolean;
    }
  | { kind: 'save' | 'load'; span: Span; model: ModelInfo | null; path: string; valid: boolean }
  | { kind: 'summary'; span: Span; model: ModelInfo | null; valid: boolean };

export class CheckContext {
  private readonly found: { key: number; d: Diagnostic }[] = [];
  /** A model's input size depends on data that was not read (check mode): no Program, no error. */
  incomplete = false;
  /**
   * Offset of the statement being checked: diagnostics that point into another file (a CSV row)
   * are listed with that statement, so the output follows the program's order.
   */
  anchor = 0;

  constructor(
    readonly file: string,
    readonly options: CheckOptions,
  ) {}

  report<C extends DiagnosticCode>(code: C, span: Span | undefined, args: CatalogArgs<C>): void {
    this.push(diagnostic(code, span, args));
  }

  push(d: Diagnostic): void {
    const key = !d.span ? -1 : d.span.file === this.file ? d.span.offset : this.anchor;
    this.found.push({ key, d });
  }

  get hasErrors(): boolean {
    return this.found.some((f) => f.d.severity === 'error');
  }

  /** Errors reported so far (a pass compares before and after a step to know whether it failed). */
  get errorCount(): number {
    return this.found.filter((f) => f.d.severity === 'error').length;
  }

  /** In program order (stable: diagnostics at one place keep the order they were found in). */
  sortedDiagnostics(): Diagnostic[] {
    return this.found
      .map((f, i) => ({ ...f, i }))
      .sort((a, b) => a.key - b.key || a.i - b.i)
      .map((f) => f.d);
  }
}
