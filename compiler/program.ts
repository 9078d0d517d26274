// The checked program: what the front end hands to the rest of the compiler. Every name is
// resolved, every argument has its value or its Keras default, every size is known. Later stages
// never look at the AST and never re-validate what the checker has validated.
import type { Span } from '../base/source.js';
import type { SplitMode, Standardize } from '../base/data/text.js';

// ---- activations, initializers ------------------------------------------------------------

export type ActivationName =
  | 'linear'
  | 'relu'
  | 'sigmoid'
  | 'tanh'
  | 'softmax'
  | 'leaky_relu'
  | 'elu'
  | 'selu'
  | 'softplus'
  | 'gelu'
  | 'swish';

export interface Activation {
  name: ActivationName;
  /** leaky_relu: negative_slope (Keras 3 default 0.2); elu: alpha (default 1.0). Unused otherwise. */
  alpha: number;
}

export type Initializer =
  | { name: 'glorot_uniform' | 'glorot_normal' | 'he_uniform' | 'he_normal' | 'lecun_uniform' | 'lecun_normal' }
  | { name: 'zeros' | 'ones' }
  | { name: 'constant'; value: number }
  | { name: 'random_uniform'; minval: number; maxval: number }
  | { name: 'random_normal'; mean: number; stddev: number }
  /** A random orthogonal matrix (rows or columns orthonormal, as Keras' Orthogonal), times `gain`. */
  | { name: 'orthogonal'; gain: number }
  /** An LSTM's bias with unit_forget_bias: `base` everywhere, then 1 on the forget gate (the second quarter). */
  | { name: 'unit_forget_bias'; base: Initializer };

// ---- layers ------------------------------------------------------------------------------

interface LayerBase {
  /** Keras-style name, unique within the model: dense, dense_1, activation, dropout, ... */
  name: string;
  /** The layer's call in the source: Dense(12, ...). */
  span: Span;
  /** One sample's shape in and out, without the batch: [8], [28, 28, 1] (Keras' shapes without None). */
  inputShape: number[];
  outputShape: number[];
}

export type Padding = 'valid' | 'same';

export interface DenseLayer extends LayerBase {
  kind: 'Dense';
  units: number;
  activation: Activation;
  useBias: boolean;
  kernelInitializer: Initializer;
  biasInitializer: Initializer;
}

export interface ActivationLayer extends LayerBase {
  kind: 'Activation';
  activation: Activation;
}

export interface DropoutLayer extends LayerBase {
  kind: 'Dropout';
  /** Fraction of units dropped in training, 0 <= rate < 1. */
  rate: number;
}

export interface NormalizationLayer extends LayerBase {
  kind: 'Normalization';
  /**
   * Dataset whose features give the mean and variance. null: the training data of the model's
   * first `fit` (after validation_split) adapts it, before the first epoch.
   */
  adapt: string | null;
}

export interface Conv2DLayer extends LayerBase {
  kind: 'Conv2D';
  filters: number;
  /** [height, width] of the window, the step between windows, and the padding (Keras' "valid" or "same"). */
  kernelSize: [number, number];
  strides: [number, number];
  padding: Padding;
  activation: Activation;
  useBias: boolean;
  kernelInitializer: Initializer;
  biasInitializer: Initializer;
}

export interface Pooling2DLayer extends LayerBase {
  kind: 'MaxPooling2D' | 'AveragePooling2D';
  poolSize: [number, number];
  strides: [number, number];
  padding: Padding;
}

export interface GlobalPooling2DLayer extends LayerBase {
  kind: 'GlobalAveragePooling2D' | 'GlobalMaxPooling2D';
}

export interface BatchNormalizationLayer extends LayerBase {
  kind: 'BatchNormalization';
  /** Of the moving statistics: moving = moving * momentum + batch * (1 - momentum). */
  momentum: number;
  epsilon: number;
  /** Learn beta (an offset) and gamma (a scale) per channel. */
  center: boolean;
  scale: boolean;
}

export interface RescalingLayer extends LayerBase {
  kind: 'Rescaling';
  scale: number;
  offset: number;
}

/** Reshape and Flatten: the same values in the same (row-major) order, another shape. */
export interface ReshapeLayer extends LayerBase {
  kind: 'Reshape' | 'Flatten';
}

/** TextVectorization (output_mode="int"): text in, `outputSequenceLength` token indices out, on the host (runtime/text.ts). */
export interface TextVectorizationLayer extends LayerBase {
  kind: 'TextVectorization';
  /** Vocabulary entries at most, padding and "[UNK]" included; null: every token of the adapt data. */
  maxTokens: number | null;
  standardize: Standardize;
  split: SplitMode;
  outputSequenceLength: number;
  /** As Normalization's: a dataset, or null for the training data of the model's first fit. */
  adapt: string | null;
}

export interface EmbeddingLayer extends LayerBase {
  kind: 'Embedding';
  /** Rows of the table: tokens 0 .. inputDim - 1. */
  inputDim: number;
  outputDim: number;
  embeddingsInitializer: Initializer;
  /** Token 0 is padding: later layers that take a mask skip it (GlobalAveragePooling1D, GlobalMaxPooling1D). */
  maskZero: boolean;
}

export type Padding1D = Padding | 'causal';

export interface Conv1DLayer extends LayerBase {
  kind: 'Conv1D';
  filters: number;
  kernelSize: number;
  strides: number;
  /** "causal": the input padded before its first step only, so step t sees steps up to t. */
  padding: Padding1D;
  activation: Activation;
  useBias: boolean;
  kernelInitializer: Initializer;
  biasInitializer: Initializer;
}

export interface Pooling1DLayer extends LayerBase {
  kind: 'MaxPooling1D' | 'AveragePooling1D';
  poolSize: number;
  strides: number;
  padding: Padding;
}

export interface GlobalPooling1DLayer extends LayerBase {
  kind: 'GlobalAveragePooling1D' | 'GlobalMaxPooling1D';
  /** The steps to leave out: those where the Embedding before it (mask_zero=True) read token 0. */
  masked: boolean;
}

export interface Cropping1DLayer extends LayerBase {
  kind: 'Cropping1D';
  /** Steps cut at the start and at the end. */
  cropping: [number, number];
}

export type RecurrentKind = 'SimpleRNN' | 'LSTM' | 'GRU';

/** SimpleRNN, LSTM and GRU (reset_after=True), as Keras 3 defines them (compiler/graph/cells.ts). */
export interface RecurrentLayer extends LayerBase {
  kind: RecurrentKind;
  units: number;
  activation: Activation;
  /** LSTM and GRU: the gates' activation (sigmoid by default); SimpleRNN: unused. */
  recurrentActivation: Activation;
  useBias: boolean;
  kernelInitializer: Initializer;
  recurrentInitializer: Initializer;
  biasInitializer: Initializer;
  /** LSTM: the forget gate's bias starts at 1. */
  unitForgetBias: boolean;
  /** Every step's output [steps, units], or the last step's [units]. */
  returnSequences: boolean;
  /** The steps are run from the last to the first (the output's steps stay in that order, as Keras). */
  goBackwards: boolean;
}

/** Two recurrent layers over the sequence, forwards and backwards, their outputs merged. */
export interface BidirectionalLayer extends LayerBase {
  kind: 'Bidirectional';
  /** Named forward_NAME and backward_NAME inside the wrapper, as Keras names them. */
  forward: RecurrentLayer;
  backward: RecurrentLayer;
  mergeMode: 'concat' | 'sum' | 'ave' | 'mul';
}

export type Layer =
  | DenseLayer
  | ActivationLayer
  | DropoutLayer
  | NormalizationLayer
  | Conv2DLayer
  | Pooling2DLayer
  | GlobalPooling2DLayer
  | BatchNormalizationLayer
  | RescalingLayer
  | ReshapeLayer
  | TextVectorizationLayer
  | EmbeddingLayer
  | Conv1DLayer
  | Pooling1DLayer
  | GlobalPooling1DLayer
  | Cropping1DLayer
  | RecurrentLayer
  | BidirectionalLayer;

export type LayerKind = Layer['kind'];

export interface Model {
  name: string;
  span: Span;
  /** One sample's input and output shapes (the output is one vector: [units]). */
  inputShape: number[];
  outputShape: number[];
  /** Their sizes: values per input row (a dataset's feature columns) and output values per row. */
  inputDim: number;
  outputDim: number;
  layers: Layer[];
  /** Trainable parameter count (kernels, biases, BatchNormalization's gamma and beta). */
  trainableParams: number;
  /** Non-trainable count (Normalization's mean, variance and count; BatchNormalization's moving statistics), as Keras reports them. */
  nonTrainableParams: number;
}

// ---- compile: loss, optimizer, metrics ----------------------------------------------------

export type LossName =
  | 'mse'
  | 'mae'
  | 'huber'
  | 'binary_crossentropy'
  | 'categorical_crossentropy'
  | 'sparse_categorical_crossentropy';

export interface Loss {
  name: LossName;
  /** huber: the delta (Keras default 1.0). Unused otherwise. */
  delta: number;
  span: Span;
}

export type Optimizer =
  | { kind: 'sgd'; learningRate: number; momentum: number; nesterov: boolean }
  | { kind: 'adam'; learningRate: number; beta1: number; beta2: number; epsilon: number }
  | { kind: 'adamw'; learningRate: number; beta1: number; beta2: number; epsilon: number; weightDecay: number }
  | { kind: 'rmsprop'; learningRate: number; rho: number; momentum: number; epsilon: number }
  | { kind: 'adagrad'; learningRate: number; initialAccumulatorValue: number; epsilon: number }
  | { kind: 'nadam'; learningRate: number; beta1: number; beta2: number; epsilon: number }
  | { kind: 'adamax'; learningRate: number; beta1: number; beta2: number; epsilon: number }
  | { kind: 'adadelta'; learningRate: number; rho: number; epsilon: number }
  | { kind: 'lion'; learningRate: number; beta1: number; beta2: number }
  | {
      kind: 'ftrl';
      learningRate: number;
      learningRatePower: number;
      initialAccumulatorValue: number;
      l1: number;
      l2: number;
      l2Shrinkage: number;
      beta: number;
    };

export type MetricKind =
  | 'binary_accuracy'
  | 'categorical_accuracy'
  | 'sparse_categorical_accuracy'
  | 'mse'
  | 'mae'
  | 'root_mean_squared_error'
  | 'mape'
  | 'top_k_categorical_accuracy'
  | 'precision'
  | 'recall'
  | 'f1_score'
  | 'auc';

/** The arguments of a metric given as a call (AUC(curve="PR"), F1Score(average="macro"), ...). */
export interface MetricOptions {
  /** precision, recall: Keras' `thresholds` (one value, default 0.5); f1_score: `threshold` (null: the row's argmax). */
  threshold?: number | null;
  /** top_k_categorical_accuracy: k (default 5). */
  k?: number;
  /** auc: the number of thresholds (default 200). */
  numThresholds?: number;
  /** auc: the curve (default ROC). */
  curve?: 'ROC' | 'PR';
  /** auc: the Riemann sum (default interpolation). */
  summationMethod?: 'interpolation' | 'minoring' | 'majoring';
  /** f1_score: null (one value per class; allowed for one output unit only), micro, macro or weighted. */
  average?: 'micro' | 'macro' | 'weighted' | null;
}

export interface Metric {
  /** The name as written (or a call's `name=`, else Keras' name for it), which is also the log key (`accuracy` stays `accuracy`). */
  key: string;
  /** What it computes, with `accuracy` already resolved by shapes, as Keras does. */
  kind: MetricKind;
  span: Span;
  options?: MetricOptions;
}

// ---- data ---------------------------------------------------------------------------------

export type { ColumnSelector, DatasetSource, DataShape } from '../base/data/spec.js';
import type { DatasetSource, DataShape } from '../base/data/spec.js';

export interface Dataset {
  name: string;
  span: Span;
  source: DatasetSource;
  /** null only under `nnc check` when the file could not be read (a warning, not an error). */
  shape: DataShape | null;
}

// ---- statements ---------------------------------------------------------------------------

export type Callback =
  | {
      kind: 'early_stopping';
      monitor: string;
      minDelta: number;
      patience: number;
      mode: 'auto' | 'min' | 'max';
      baseline: number | null;
      restoreBestWeights: boolean;
      startFromEpoch: number;
      span: Span;
    }
  | {
      kind: 'model_checkpoint';
      /** Relative to the output folder unless absolute. */
      path: string;
      monitor: string;
      saveBestOnly: boolean;
      mode: 'auto' | 'min' | 'max';
      span: Span;
    };

export type Statement =
  | { kind: 'compile'; span: Span; model: string; loss: Loss; optimizer: Optimizer; metrics: Metric[] }
  | {
      kind: 'fit';
      span: Span;
      model: string;
      data: string;
      epochs: number;
      batchSize: number;
      validationSplit: number;
      validationData: string | null;
      shuffle: boolean;
      /** null: the CLI's --verbose, else Keras' default (1 on a terminal, 2 otherwise). */
      verbose: 0 | 1 | 2 | null;
      /** null: the program seed (--seed, default 0). */
      seed: number | null;
      callbacks: Callback[];
    }
  | { kind: 'evaluate'; span: Span; model: string; data: string; batchSize: number; verbose: 0 | 1 | 2 | null; output: string | null }
  | { kind: 'predict'; span: Span; model: string; data: string; batchSize: number; verbose: 0 | 1 | 2 | null; output: string | null }
  | { kind: 'save'; span: Span; model: string; path: string }
  | { kind: 'load'; span: Span; model: string; path: string }
  | { kind: 'summary'; span: Span; model: string };

export interface Program {
  /** Path of the .nn file as given. */
  file: string;
  datasets: Dataset[];
  models: Model[];
  /** In source order; the runner executes them one after another. */
  statements: Statement[];
}
