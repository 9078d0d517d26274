// nnc in a web page: the API of nnc.js, the runtime `nnc build FILE --target web -o DIR` writes
// (docs/web.md). Shipped as DIR/nnc.d.ts; web/model.ts implements it.
//
//   import { loadModel } from './web-pima/nnc.js';
//   const model = await loadModel('./web-pima/');
//   const { values, classes } = await model.predict([[6, 148, 72, 35, 0, 33.6, 0.627, 50]]);
/// <reference types="@webgpu/types" />

/** Where the model runs: 'auto' (WebGPU when the page has it, else the CPU in a Web Worker), 'webgpu' or 'cpu'. */
export type Backend = 'auto' | 'webgpu' | 'cpu';

export interface LoadOptions {
  /** Default 'auto'. */
  backend?: Backend;
  /** Run on this device (the page's own) instead of asking navigator.gpu for one. */
  device?: GPUDevice;
  /** Which model of the build (default: its first). */
  model?: string;
  /** How files are fetched (default: the page's fetch). */
  fetch?: (url: string) => Promise<Response>;
  /**
   * The CPU worker's script (default: nnc-worker.js beside nnc.js); null runs the CPU interpreter on
   * the page's thread.
   */
  worker?: string | URL | null;
}

/** Rows of features: one array per row, or all rows in one flat array. */
export type Rows = ArrayLike<number>[] | Float32Array | number[];
/** One label per row (numbers, or class names), or rows of label values (one-hot, several outputs). */
export type Labels = ArrayLike<number> | ArrayLike<string> | ArrayLike<number>[];

/** The loss and each metric, by the names the program gives them (Keras' logs). */
export type Logs = Record<string, number>;

/** Keras' History: the epochs (0-based) and each logged value per epoch. */
export interface History {
  epoch: number[];
  history: Record<string, number[]>;
}

export interface FitOptions {
  /** Default: the program's fit, else 1. */
  epochs?: number;
  /** Default: the program's fit, else 32. */
  batchSize?: number;
  /** The last fraction of the rows, held out before shuffling (default: the program's, else 0). */
  validationSplit?: number;
  /** Reshuffle the rows every epoch (default true). */
  shuffle?: boolean;
  /** Shuffling and dropout (default: the program seed). */
  seed?: number;
  /** After each epoch, with its logs; return true to stop training. */
  onEpochEnd?(epoch: number, logs: Logs): boolean | void | Promise<boolean | void>;
  /** Stops training within a few steps: fit then rejects with an NncError (NNC5005). */
  signal?: AbortSignal;
}

export interface BatchOptions {
  /** Default: the program's fit, else 32. */
  batchSize?: number;
  signal?: AbortSignal;
}

/** What predict gives back. */
export interface Predictions {
  rows: number;
  /** Outputs per row. */
  units: number;
  /** rows x units, row-major. */
  values: Float32Array;
  /** As nnc run's predictions CSV names them: probability,class / p(A),p(B),class / output. */
  columns: string[];
  /** A classifier's class of each row (named when the labels were text); null for a regression. */
  classes: Array<string | number> | null;
}

export interface Tensor {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** What went wrong, as nnc's diagnostics (code, message, help); the error's message lists them. */
export interface Diagnostic {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  help?: string;
}

export declare class NncError extends Error {
  readonly diagnostics: Diagnostic[];
}

export interface NncModel {
  readonly name: string;
  /** What runs it: 'webgpu: ADAPTER [kind, level]', or 'cpu (Web Worker): why not WebGPU'. */
  readonly backend: string;
  /** Features per row. */
  readonly inputs: number;
  readonly outputs: number;
  /** Class names of text labels, when it was trained on them. */
  readonly classes: string[] | null;
  /** Keras' model.summary() table. */
  readonly summary: string;
  predict(x: Rows, options?: BatchOptions): Promise<Predictions>;
  fit(x: Rows, y: Labels, options?: FitOptions): Promise<History>;
  evaluate(x: Rows, y: Labels, options?: BatchOptions): Promise<Logs>;
  getWeights(): Promise<Tensor[]>;
  /** The weights as a safetensors file, as nnc run's save writes it. */
  saveWeights(): Promise<Uint8Array>;
  /** Weights saved by nnc (save, --save-weights, saveWeights()) from a model with the same layers. */
  loadWeights(bytes: ArrayBuffer | Uint8Array): Promise<void>;
  /** Releases the GPU buffers (or the worker). */
  dispose(): void;
}

/** Loads a web build: the folder's URL ('./web-pima/') or its manifest.json's. */
export declare function loadModel(url: string | URL, options?: LoadOptions): Promise<NncModel>;

export declare const version: string;
