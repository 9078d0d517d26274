// The one table of everything a .nn program can name: layers, activations, losses, optimizers,
// metrics, initializers, callbacks, dataset functions and the statements' arguments, each with
// its arguments (type, default, range, one line of documentation). The checker validates against
// it, and the reference part of docs/language.md is generated from it (registryMarkdown), so the
// two cannot drift: a test compares them.
import { BUILTIN_DATASETS } from '../base/data/builtin.js';

/** What an argument holds. The checker converts and validates each kind. */
export type ArgType =
  | 'int'
  | 'number'
  | 'bool'
  | 'string'
  /** One of `choices`, as a string. */
  | 'choice'
  /** A dataset name (bare, not quoted). */
  | 'dataset'
  | 'activation'
  | 'initializer'
  | 'loss'
  | 'optimizer'
  | 'metrics'
  | 'callbacks'
  /** Column selector: index, slice, header name or a list of those. */
  | 'columns'
  /** true, false or "auto". */
  | 'header'
  /** A number or `null`. */
  | 'number_or_null'
  /** One of `choices`, or `null`. */
  | 'choice_or_null'
  /** A tuple of positive integers (one sample's shape, without the batch), or one integer: (28, 28, 1), (8,), 8. */
  | 'shape'
  /** An integer, or a tuple of two (height, width): kernel_size=3, kernel_size=(3, 3). */
  | 'size2'
  /** As size2, or `null` (then another argument's value). */
  | 'size2_or_null'
  /** An integer or `null`. */
  | 'int_or_null'
  /** A layer, written as a call: Bidirectional(LSTM(32)). */
  | 'layer';

export interface Range {
  min?: number;
  max?: number;
  /** The bound itself is not allowed. */
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

export type DefaultValue = number | string | boolean | null | readonly string[];

export interface ArgSpec {
  name: string;
  type: ArgType;
  /** Absent: the argument is required when `required`, else it is simply unset (input_dim, seed ...). */
  default?: DefaultValue;
  /** How the default reads in the docs when it is not a plain value ("every other column"). */
  defaultDoc?: string;
  required?: boolean;
  /** May be given without its name; positional arguments are a prefix of `args`. */
  positional?: boolean;
  range?: Range;
  choices?: readonly string[];
  doc: string;
}

export interface FunctionSpec {
  name: string;
  doc: string;
  args: readonly ArgSpec[];
  /** A typical call, shown in help texts. */
  example: string;
}

export interface NameSpec {
  name: string;
  aliases?: readonly string[];
  doc: string;
}

// ---- helpers ------------------------------------------------------------------------------

const unit: Range = { min: 0, max: 1, maxExclusive: true };
const positive: Range = { min: 0, minExclusive: true };
const nonNegative: Range = { min: 0 };
const atLeastOne: Range = { min: 1 };

/**
 * The largest layer nnc takes: a width up to 2^24 (every index stays exact in float32 and in 32-bit
 * shader arithmetic), and a kernel of at most 2^30 weights (4 GiB of float32: one buffer, one
 * 32-bit byte address range). The checker reports larger ones before anything runs.
 */
export const MAX_UNITS = 2 ** 24;
export const MAX_LAYER_WEIGHTS = 2 ** 30;
const layerSize: Range = { min: 1, max: MAX_UNITS };
const monitorModes = ['auto', 'min', 'max'] as const;
const paddings = ['valid', 'same'] as const;

/** Every layer but Input may declare the model's input shape, as Keras 2 layers did. */
const inputShape: ArgSpec = {
  name: 'input_shape',
  type: 'shape',
  range: layerSize,
  doc: 'one sample\'s shape, such as (28, 28, 1) or (8,); only the first layer needs it, and only when neither Input nor a dataset gives it',
};
const padding: ArgSpec = {
  name: 'padding',
  type: 'choice',
  default: 'valid',
  choices: paddings,
  positional: true,
  doc: '"valid": windows inside the input only; "same": the input padded so that the output has ceil(size / stride) rows and columns',
};
const pooling = (kind: string, what: string): FunctionSpec => ({
  name: kind,
  doc: `the ${what} of each window of each channel`,
  example: `${kind}(pool_size=(2, 2))`,
  args: [
    { name: 'pool_size', type: 'size2', default: 2, defaultDoc: '(2, 2)', positional: true, range: layerSize, doc: 'the window: (height, width), or one number for both' },
    { name: 'strides', type: 'size2_or_null', default: null, defaultDoc: 'null (pool_size)', positional: true, range: layerSize, doc: 'the step between windows' },
    padding,
    inputShape,
  ],
});

const pooling1D = (kind: string, what: string): FunctionSpec => ({
  name: kind,
  doc: `the ${what} of each window of steps, per channel`,
  example: `${kind}(pool_size=2)`,
  args: [
    { name: 'pool_size', type: 'int', default: 2, positional: true, range: layerSize, doc: 'the window, in steps' },
    { name: 'strides', type: 'int_or_null', default: null, defaultDoc: 'null (pool_size)', positional: true, range: layerSize, doc: 'the step between windows' },
    padding,
    inputShape,
  ],
});

/** Keras' recurrent layers share their arguments; LSTM adds unit_forget_bias, GRU reset_after. */
const recurrent = (kind: 'SimpleRNN' | 'LSTM' | 'GRU', doc: string, example: string): FunctionSpec => ({
  name: kind,
  doc: `${doc}; (steps, features) -> (units), or (steps, units) with return_sequences=true. Runs as a loop over the steps (not one copy per step)`,
  example,
  args: [
    { name: 'units', type: 'int', required: true, positional: true, range: layerSize, doc: 'output size (and state size)' },
    { name: 'activation', type: 'activation', default: 'tanh', doc: 'of the candidate state and output' },
    ...(kind === 'SimpleRNN' ? [] : [{ name: 'recurrent_activation', type: 'activation', default: 'sigmoid', doc: 'of the gates' } as ArgSpec]),
    { name: 'use_bias', type: 'bool', default: true, doc: 'add biases' },
    { name: 'kernel_initializer', type: 'initializer', default: 'glorot_uniform', doc: 'initial input kernel W' },
    { name: 'recurrent_initializer', type: 'initializer', default: 'orthogonal', doc: 'initial recurrent kernel U' },
    { name: 'bias_initializer', type: 'initializer', default: 'zeros', doc: 'initial biases' },
    ...(kind === 'LSTM' ? [{ name: 'unit_forget_bias', type: 'bool', default: true, doc: "the forget gate's bias starts at 1" } as ArgSpec] : []),
    { name: 'dropout', type: 'number', default: 0, range: unit, doc: 'dropout of the inputs inside the layer: nnc takes 0 only (put Dropout(rate) before the layer instead)' },
    { name: 'recurrent_dropout', type: 'number', default: 0, range: unit, doc: 'dropout of the state between steps: nnc takes 0 only' },
    { name: 'return_sequences', type: 'bool', default: false, doc: "every step's output, not only the last one's" },
    { name: 'go_backwards', type: 'bool', default: false, doc: 'run over the steps from the last to the first' },
    ...(kind === 'GRU' ? [{ name: 'reset_after', type: 'bool', default: true, doc: 'the reset gate applied after the recurrent product (Keras 3): nnc takes true only' } as ArgSpec] : []),
    inputShape,
  ],
});

const learningRate = (d: number): ArgSpec => ({ name: 'learning_rate', type: 'number', default: d, range: positive, positional: true, doc: 'step size' });
const epsilon: ArgSpec = { name: 'epsilon', type: 'number', default: 1e-7, range: nonNegative, doc: 'added for numerical stability' };
const beta1: ArgSpec = { name: 'beta_1', type: 'number', default: 0.9, range: unit, doc: 'decay rate of the first-moment (mean) estimate' };
const beta2: ArgSpec = { name: 'beta_2', type: 'number', default: 0.999, range: unit, doc: 'decay rate of the second-moment (variance) estimate' };
const batchSize: ArgSpec = { name: 'batch_size', type: 'int', default: 32, range: atLeastOne, doc: 'rows per batch' };
const verbose: ArgSpec = {
  name: 'verbose',
  type: 'int',
  range: { min: 0, max: 2 },
  defaultDoc: '--verbose, else 1 on a terminal and 2 otherwise',
  doc: '0 silent, 1 progress bar, 2 one line per epoch',
};
const dataArg = (doc: string): ArgSpec => ({ name: 'data', type: 'dataset', required: true, positional: true, doc });

// ---- layers -------------------------------------------------------------------------------

export const layers: readonly FunctionSpec[] = [
  {
    name: 'Dense',
    doc: 'fully connected layer: activation(x . kernel + bias)',
    example: 'Dense(12, activation="relu")',
    args: [
      { name: 'units', type: 'int', required: true, positional: true, range: layerSize, doc: 'output size' },
      { name: 'activation', type: 'activation', default: 'linear', positional: true, doc: 'applied to the output' },
      { name: 'input_dim', type: 'int', range: layerSize, doc: 'input size; only the first layer needs it, and only when no dataset gives it' },
      { name: 'use_bias', type: 'bool', default: true, doc: 'add a bias vector' },
      { name: 'kernel_initializer', type: 'initializer', default: 'glorot_uniform', doc: 'initial kernel values' },
      { name: 'bias_initializer', type: 'initializer', default: 'zeros', doc: 'initial bias values' },
      inputShape,
    ],
  },
  {
    name: 'Activation',
    doc: 'applies an activation function',
    example: 'Activation("relu")',
    args: [{ name: 'activation', type: 'activation', required: true, positional: true, doc: 'the function' }, inputShape],
  },
  {
    name: 'Dropout',
    doc: 'in training, zeroes a random fraction `rate` of its inputs (of any shape) and scales the rest by 1/(1-rate); identity otherwise',
    example: 'Dropout(0.2)',
    args: [{ name: 'rate', type: 'number', required: true, positional: true, range: unit, doc: 'fraction of units dropped' }, inputShape],
  },
  {
    name: 'Normalization',
    doc: 'standardizes each feature: (x - mean) / sqrt(variance), mean and variance adapted from data before training',
    example: 'Normalization()',
    args: [
      { name: 'adapt', type: 'dataset', defaultDoc: "the training data of the model's first fit", doc: 'the dataset whose features give mean and variance' },
      { name: 'input_dim', type: 'int', range: layerSize, doc: 'input size, as for Dense' },
    ],
  },
  {
    name: 'Input',
    doc: 'declares the shape of one sample (Keras-style alternative to input_dim); only as the first layer, adds no layer',
    example: 'Input((28, 28, 1))',
    args: [{ name: 'shape', type: 'shape', required: true, positional: true, range: layerSize, doc: 'one sample\'s shape without the batch: (28, 28, 1) for images, (8,) or 8 for rows of 8 features' }],
  },
  {
    name: 'Conv2D',
    doc: '2-D convolution over images (height, width, channels): activation(sum over each window of input x kernel + bias), one output channel per filter',
    example: 'Conv2D(32, kernel_size=(3, 3), activation="relu")',
    args: [
      { name: 'filters', type: 'int', required: true, positional: true, range: layerSize, doc: 'output channels' },
      { name: 'kernel_size', type: 'size2', required: true, positional: true, range: layerSize, doc: 'the window: (height, width), or one number for both' },
      { name: 'strides', type: 'size2', default: 1, defaultDoc: '(1, 1)', positional: true, range: layerSize, doc: 'the step between windows' },
      padding,
      { name: 'activation', type: 'activation', default: 'linear', doc: 'applied to the output' },
      { name: 'use_bias', type: 'bool', default: true, doc: 'add a bias per filter' },
      { name: 'kernel_initializer', type: 'initializer', default: 'glorot_uniform', doc: 'initial kernel values (fans: window x input channels, window x filters)' },
      { name: 'bias_initializer', type: 'initializer', default: 'zeros', doc: 'initial bias values' },
      inputShape,
    ],
  },
  pooling('MaxPooling2D', 'largest value'),
  pooling('AveragePooling2D', 'mean (over the window\'s elements inside the input, with padding="same")'),
  {
    name: 'GlobalAveragePooling2D',
    doc: 'the mean of each channel over the whole image: (height, width, channels) -> (channels)',
    example: 'GlobalAveragePooling2D()',
    args: [inputShape],
  },
  {
    name: 'GlobalMaxPooling2D',
    doc: 'the largest value of each channel over the whole image: (height, width, channels) -> (channels)',
    example: 'GlobalMaxPooling2D()',
    args: [inputShape],
  },
  {
    name: 'BatchNormalization',
    doc: 'normalizes each channel (the last axis): in fit by the batch\'s mean and variance, which also update moving statistics; in evaluate and predict by the moving statistics (saved with the weights, non-trainable)',
    example: 'BatchNormalization()',
    args: [
      { name: 'momentum', type: 'number', default: 0.99, range: { min: 0, max: 1 }, doc: 'moving = moving * momentum + batch * (1 - momentum)' },
      { name: 'epsilon', type: 'number', default: 0.001, range: positive, doc: 'added to the variance before its square root' },
      { name: 'center', type: 'bool', default: true, doc: 'learn an offset beta per channel' },
      { name: 'scale', type: 'bool', default: true, doc: 'learn a factor gamma per channel' },
      inputShape,
    ],
  },
  {
    name: 'Rescaling',
    doc: 'x * scale + offset, such as Rescaling(1/255) for pixels in [0, 1]',
    example: 'Rescaling(1.0 / 255)',
    args: [
      { name: 'scale', type: 'number', required: true, positional: true, doc: 'the factor' },
      { name: 'offset', type: 'number', default: 0, positional: true, doc: 'added after scaling' },
      inputShape,
    ],
  },
  {
    name: 'Reshape',
    doc: 'the same values in the same order, another shape (without the batch; one -1 is inferred)',
    example: 'Reshape((8, 8, 1))',
    args: [
      { name: 'target_shape', type: 'shape', required: true, positional: true, range: { min: -1, max: MAX_UNITS }, doc: 'the new shape of one sample' },
      inputShape,
    ],
  },
  {
    name: 'Flatten',
    doc: 'one sample as one vector: (5, 5, 64) -> (1600)',
    example: 'Flatten()',
    args: [inputShape],
  },  {
    name: 'TextVectorization',
    doc: 'turns each text into output_sequence_length token indices (output_mode="int"), on the host before the model runs: standardized, split, looked up in a vocabulary adapted on text (0 = padding, 1 = out of vocabulary "[UNK]", then by descending count), padded with 0 or cut at the end; the vocabulary is saved with the weights. Only as the first layer, on text data',
    example: 'TextVectorization(max_tokens=10000, output_sequence_length=200)',
    args: [
      { name: 'max_tokens', type: 'int_or_null', default: null, range: { min: 3, max: MAX_UNITS }, positional: true, doc: 'the vocabulary\'s size at most, padding and "[UNK]" included; null: every token of the adapt data' },
      { name: 'standardize', type: 'choice_or_null', default: 'lower_and_strip_punctuation', choices: ['lower_and_strip_punctuation', 'lower', 'strip_punctuation'], doc: 'ASCII letters lowercased and ASCII punctuation removed (or one of them; null: the text as it is)' },
      { name: 'split', type: 'choice_or_null', default: 'whitespace', choices: ['whitespace', 'character'], doc: 'tokens: the runs between whitespace, or each character (null: the whole text is one token)' },
      { name: 'output_mode', type: 'choice', default: 'int', choices: ['int'], doc: 'token indices (the one mode nnc has)' },
      { name: 'output_sequence_length', type: 'int', required: true, range: layerSize, doc: 'tokens per text: shorter texts are padded with 0, longer ones cut (nnc needs a fixed length)' },
      { name: 'adapt', type: 'dataset', defaultDoc: "the training data of the model's first fit", doc: 'the text dataset whose tokens make the vocabulary' },
    ],
  },
  {
    name: 'Embedding',
    doc: 'looks up a trainable vector of output_dim values for each integer token 0 .. input_dim - 1: (steps) -> (steps, output_dim); its gradient adds the rows of each token (in order, no atomics)',
    example: 'Embedding(10000, 16)',
    args: [
      { name: 'input_dim', type: 'int', required: true, positional: true, range: layerSize, doc: 'the number of tokens (rows of the table): the vocabulary size' },
      { name: 'output_dim', type: 'int', required: true, positional: true, range: layerSize, doc: 'values per token' },
      { name: 'embeddings_initializer', type: 'initializer', default: 'uniform', doc: 'initial rows ("uniform": U[-0.05, 0.05])' },
      { name: 'mask_zero', type: 'bool', default: false, doc: 'token 0 is padding: a GlobalAveragePooling1D after it (past Dropout, Activation or Dense layers) averages the other steps only' },
      inputShape,
    ],
  },
  {
    name: 'Conv1D',
    doc: '1-D convolution over sequences (steps, channels): activation(sum over each window of input x kernel + bias), one output channel per filter',
    example: 'Conv1D(32, 5, activation="relu")',
    args: [
      { name: 'filters', type: 'int', required: true, positional: true, range: layerSize, doc: 'output channels' },
      { name: 'kernel_size', type: 'int', required: true, positional: true, range: layerSize, doc: 'the window, in steps' },
      { name: 'strides', type: 'int', default: 1, positional: true, range: layerSize, doc: 'the step between windows' },
      { name: 'padding', type: 'choice', default: 'valid', choices: ['valid', 'same', 'causal'], positional: true, doc: '"valid": windows inside the input; "same": padded to ceil(steps / strides) outputs; "causal": padded before the first step only, so output t sees inputs up to t' },
      { name: 'activation', type: 'activation', default: 'linear', doc: 'applied to the output' },
      { name: 'use_bias', type: 'bool', default: true, doc: 'add a bias per filter' },
      { name: 'kernel_initializer', type: 'initializer', default: 'glorot_uniform', doc: 'initial kernel values (fans: window x input channels, window x filters)' },
      { name: 'bias_initializer', type: 'initializer', default: 'zeros', doc: 'initial bias values' },
      inputShape,
    ],
  },
  pooling1D('MaxPooling1D', 'largest value'),
  pooling1D('AveragePooling1D', 'mean (over the window\'s steps inside the input, with padding="same")'),
  {
    name: 'GlobalAveragePooling1D',
    doc: 'the mean of each channel over the steps: (steps, channels) -> (channels); after Embedding(mask_zero=true), over the unmasked steps only',
    example: 'GlobalAveragePooling1D()',
    args: [inputShape],
  },
  {
    name: 'GlobalMaxPooling1D',
    doc: 'the largest value of each channel over the steps: (steps, channels) -> (channels); as in Keras 3, a mask from Embedding(mask_zero=true) is not used',
    example: 'GlobalMaxPooling1D()',
    args: [inputShape],
  },
  {
    name: 'Cropping1D',
    doc: 'cuts steps at the start and the end of each sequence: (steps, channels) -> (steps - start - end, channels)',
    example: 'Cropping1D((29, 0))',
    args: [
      { name: 'cropping', type: 'size2', default: 1, defaultDoc: '(1, 1)', positional: true, range: { min: 0, max: MAX_UNITS }, doc: '(start, end): steps cut at each end, or one number for both' },
      inputShape,
    ],
  },
  recurrent('SimpleRNN', 'fully connected recurrent layer: h_t = activation(x_t W + h_(t-1) U + b)', 'SimpleRNN(32)'),
  recurrent('LSTM', 'long short-term memory (gates i, f, c, o as Keras 3): c_t = f c_(t-1) + i g, h_t = o activation(c_t)', 'LSTM(32)'),
  recurrent('GRU', 'gated recurrent unit with reset_after=True (Keras 3; gates z, r, h): h_t = z h_(t-1) + (1 - z) hh', 'GRU(32)'),
  {
    name: 'Bidirectional',
    doc: 'runs a recurrent layer forwards and a copy of it backwards over the sequence and merges their outputs (concatenated: 2 x units)',
    example: 'Bidirectional(LSTM(32))',
    args: [
      { name: 'layer', type: 'layer', required: true, positional: true, doc: 'a SimpleRNN, LSTM or GRU call (the forward layer; the backward one is a copy with its own weights)' },
      { name: 'merge_mode', type: 'choice', default: 'concat', choices: ['concat', 'sum', 'ave', 'mul'], positional: true, doc: 'how the two outputs are combined' },
      inputShape,
    ],
  },
];

// ---- activations ----------------------------------------------------------------------------

export const activations: readonly NameSpec[] = [
  { name: 'linear', doc: 'x (no activation)' },
  { name: 'relu', doc: 'max(x, 0)' },
  { name: 'sigmoid', doc: '1 / (1 + exp(-x))' },
  { name: 'tanh', doc: 'hyperbolic tangent' },
  { name: 'softmax', doc: 'exp(x) / sum(exp(x)) over the units' },
  { name: 'leaky_relu', doc: 'x if x > 0, else 0.2 x (negative_slope 0.2, the Keras 3 activation default)' },
  { name: 'elu', doc: 'x if x > 0, else alpha (exp(x) - 1), alpha 1.0' },
  { name: 'selu', doc: 'scale * elu(x, alpha), scale 1.05070098, alpha 1.67326324' },
  { name: 'softplus', doc: 'log(1 + exp(x))' },
  { name: 'gelu', doc: 'x * Phi(x), the exact erf form (Keras 3 default approximate=False)' },
  { name: 'swish', aliases: ['silu'], doc: 'x * sigmoid(x)' },
];

// ---- losses ---------------------------------------------------------------------------------

export const losses: readonly NameSpec[] = [
  { name: 'mse', aliases: ['mean_squared_error'], doc: 'mean of (y - p)^2' },
  { name: 'mae', aliases: ['mean_absolute_error'], doc: 'mean of |y - p|' },
  { name: 'huber', doc: 'quadratic within delta (1.0) of the label, linear beyond' },
  { name: 'binary_crossentropy', doc: 'labels 0/1 against sigmoid outputs, one unit per label column' },
  { name: 'categorical_crossentropy', doc: 'one unit per class with softmax; labels one-hot, or one class column (converted)' },
  { name: 'sparse_categorical_crossentropy', doc: 'one unit per class with softmax; labels are class indices 0..K-1 (or text classes)' },
];

export const lossFunctions: readonly FunctionSpec[] = [
  {
    name: 'Huber',
    doc: 'Huber loss with a chosen delta',
    example: 'Huber(delta=1.0)',
    args: [{ name: 'delta', type: 'number', default: 1.0, range: positive, positional: true, doc: 'where the loss turns from quadratic to linear' }],
  },
];

// ---- optimizers -----------------------------------------------------------------------------

export const optimizers: readonly FunctionSpec[] = [
  {
    name: 'SGD',
    doc: 'stochastic gradient descent, with optional (Nesterov) momentum',
    example: 'SGD(learning_rate=0.01, momentum=0.9)',
    args: [
      learningRate(0.01),
      { name: 'momentum', type: 'number', default: 0.0, range: unit, doc: 'velocity decay' },
      { name: 'nesterov', type: 'bool', default: false, doc: 'use Nesterov momentum' },
    ],
  },
  {
    name: 'Adam',
    doc: 'Adam, in the Keras form (epsilon outside the bias correction)',
    example: 'Adam(learning_rate=0.001)',
    args: [learningRate(0.001), beta1, beta2, epsilon],
  },
  {
    name: 'RMSprop',
    doc: 'RMSprop: divides by a running root mean square of the gradients',
    example: 'RMSprop(learning_rate=0.001)',
    args: [
      learningRate(0.001),
      { name: 'rho', type: 'number', default: 0.9, range: unit, doc: 'decay of the running mean square' },
      { name: 'momentum', type: 'number', default: 0.0, range: unit, doc: 'velocity decay' },
      epsilon,
    ],
  },
  {
    name: 'Adagrad',
    doc: 'Adagrad: divides by the root of the summed squared gradients',
    example: 'Adagrad(learning_rate=0.01)',
    args: [
      learningRate(0.001),
      { name: 'initial_accumulator_value', type: 'number', default: 0.1, range: nonNegative, doc: 'starting value of the sums' },
      epsilon,
    ],
  },
  {
    name: 'AdamW',
    doc: 'Adam with decoupled weight decay',
    example: 'AdamW(learning_rate=0.001, weight_decay=0.004)',
    args: [learningRate(0.001), { name: 'weight_decay', type: 'number', default: 0.004, range: nonNegative, doc: 'decay rate of the weights' }, beta1, beta2, epsilon],
  },
  {
    name: 'Nadam',
    doc: 'Adam with Nesterov momentum, in the Keras form (the momentum schedule beta_1 (1 - 0.5 * 0.96^t))',
    example: 'Nadam(learning_rate=0.001)',
    args: [learningRate(0.001), beta1, beta2, epsilon],
  },
  {
    name: 'Adamax',
    doc: 'Adam with the infinity norm: divides by max(beta_2 u, |g|) instead of a root mean square',
    example: 'Adamax(learning_rate=0.001)',
    args: [learningRate(0.001), beta1, { ...beta2, doc: 'decay rate of the infinity norm' }, epsilon],
  },
  {
    name: 'Adadelta',
    doc: 'Adadelta: steps scaled by running root mean squares of the updates and of the gradients',
    example: 'Adadelta(learning_rate=1.0)',
    args: [learningRate(0.001), { name: 'rho', type: 'number', default: 0.95, range: unit, doc: 'decay rate of both running means' }, epsilon],
  },
  {
    name: 'Lion',
    doc: 'Lion: steps of size learning_rate in the sign of an interpolated momentum',
    example: 'Lion(learning_rate=0.0001)',
    args: [
      learningRate(0.001),
      { name: 'beta_1', type: 'number', default: 0.9, range: { min: 0, max: 1, minExclusive: true }, doc: 'how much of the momentum (against the gradient) the step follows' },
      { name: 'beta_2', type: 'number', default: 0.99, range: unit, doc: 'decay rate of the momentum' },
    ],
  },
  {
    name: 'Ftrl',
    doc: 'FTRL-Proximal ("follow the regularized leader"), with L1, L2 and L2-shrinkage regularization',
    example: 'Ftrl(learning_rate=0.01, l1_regularization_strength=0.001)',
    args: [
      learningRate(0.001),
      { name: 'learning_rate_power', type: 'number', default: -0.5, range: { max: 0 }, doc: 'how the step shrinks with the summed squared gradients (0: it does not)' },
      { name: 'initial_accumulator_value', type: 'number', default: 0.1, range: nonNegative, doc: 'starting value of the summed squared gradients' },
      { name: 'l1_regularization_strength', type: 'number', default: 0.0, range: nonNegative, doc: 'L1 strength (weights below it in the linear term become 0)' },
      { name: 'l2_regularization_strength', type: 'number', default: 0.0, range: nonNegative, doc: 'L2 (stabilization) strength' },
      { name: 'l2_shrinkage_regularization_strength', type: 'number', default: 0.0, range: nonNegative, doc: 'L2 penalty on the weights, added to the gradient' },
      { name: 'beta', type: 'number', default: 0.0, doc: "the paper's beta, added to the L2 strength as beta / (2 learning_rate)" },
    ],
  },
];

// ---- metrics ----------------------------------------------------------------------------------

export const metrics: readonly NameSpec[] = [
  { name: 'accuracy', aliases: ['acc', 'Accuracy'], doc: 'resolved by shapes as Keras 3: binary_accuracy for one output unit; sparse_categorical_accuracy for class-index labels; else categorical_accuracy' },
  { name: 'binary_accuracy', aliases: ['BinaryAccuracy'], doc: 'fraction of values where (p > 0.5) equals the label' },
  { name: 'categorical_accuracy', aliases: ['CategoricalAccuracy'], doc: 'fraction of rows where argmax(p) equals argmax(y) (the class, for class-index labels)' },
  { name: 'sparse_categorical_accuracy', aliases: ['SparseCategoricalAccuracy'], doc: 'fraction of rows where argmax(p) equals the integer label' },
  { name: 'top_k_categorical_accuracy', aliases: ['TopKCategoricalAccuracy'], doc: 'fraction of rows whose class is among the k = 5 highest outputs (TopKCategoricalAccuracy(k=...) for another k)' },
  { name: 'auc', aliases: ['AUC'], doc: "area under the ROC curve, Keras' 200-threshold approximation (AUC(...) for another curve or count)" },
  { name: 'precision', aliases: ['Precision'], doc: 'true positives / predicted positives, every output a prediction (p > 0.5)' },
  { name: 'recall', aliases: ['Recall'], doc: 'true positives / actual positives, every output a prediction (p > 0.5)' },
  { name: 'f1_score', aliases: ['F1Score'], doc: 'F1 of one output unit, positive where p is not 0 (Keras\' default: no threshold); F1Score(average=..., threshold=...) for several' },
  { name: 'mse', aliases: ['mean_squared_error', 'MeanSquaredError', 'MSE'], doc: 'mean squared error' },
  { name: 'root_mean_squared_error', aliases: ['RootMeanSquaredError'], doc: 'square root of the epoch\'s mean squared error' },
  { name: 'mae', aliases: ['mean_absolute_error', 'MeanAbsoluteError', 'MAE'], doc: 'mean absolute error' },
  { name: 'mape', aliases: ['mean_absolute_percentage_error', 'MeanAbsolutePercentageError', 'MAPE'], doc: 'mean of 100 |y - p| / max(|y|, 1e-7)' },
];

const metricName: ArgSpec = { name: 'name', type: 'string', defaultDoc: "the metric's Keras name", doc: 'the log key (a name: letters, digits, _)' };

/** Metrics with arguments, as calls; their log key is Keras' name for them unless `name=` says another. */
export const metricFunctions: readonly FunctionSpec[] = [
  {
    name: 'AUC',
    doc: 'area under the ROC or precision-recall curve, from confusion counts at evenly spaced thresholds (Keras 3: every output unit a prediction, p clipped to [0, 1]); logged as auc',
    example: 'AUC(curve="PR")',
    args: [
      { name: 'num_thresholds', type: 'int', default: 200, range: { min: 2 }, doc: 'thresholds between 0 and 1, the first and last just outside' },
      { name: 'curve', type: 'choice', default: 'ROC', choices: ['ROC', 'PR'], doc: 'the ROC curve, or precision against recall' },
      { name: 'summation_method', type: 'choice', default: 'interpolation', choices: ['interpolation', 'minoring', 'majoring'], doc: 'the Riemann sum: trapezoids (for PR, Davis & Goadrich\'s interpolation), or the lower or upper bound' },
      metricName,
    ],
  },
  {
    name: 'Precision',
    doc: 'true positives / (true + false positives) over every output value; logged as precision',
    example: 'Precision(thresholds=0.7)',
    args: [{ name: 'thresholds', type: 'number', default: 0.5, range: { min: 0, max: 1 }, doc: 'a value counts as positive above it' }, metricName],
  },
  {
    name: 'Recall',
    doc: 'true positives / (true positives + false negatives) over every output value; logged as recall',
    example: 'Recall(thresholds=0.3)',
    args: [{ name: 'thresholds', type: 'number', default: 0.5, range: { min: 0, max: 1 }, doc: 'a value counts as positive above it' }, metricName],
  },
  {
    name: 'F1Score',
    doc: 'the harmonic mean of precision and recall per class, averaged as asked (Keras 3\'s F1Score); logged as f1_score',
    example: 'F1Score(average="macro")',
    args: [
      { name: 'average', type: 'choice_or_null', default: null, choices: ['micro', 'macro', 'weighted'], doc: 'null: per class (one output unit only, as logs are numbers); micro: from the counts of all classes; macro: the mean of the classes\' scores; weighted: weighted by each class\'s count' },
      { name: 'threshold', type: 'number_or_null', default: null, range: { min: 0, max: 1, minExclusive: true }, doc: 'a value counts as positive above it; null: the largest of each row (when not 0)' },
      metricName,
    ],
  },
  {
    name: 'TopKCategoricalAccuracy',
    doc: 'fraction of rows whose class is among the k highest outputs (ties at the k-th place count in); logged as top_k_categorical_accuracy',
    example: 'TopKCategoricalAccuracy(k=3)',
    args: [{ name: 'k', type: 'int', default: 5, range: atLeastOne, doc: 'how many of the highest outputs' }, metricName],
  },
];

// ---- initializers -----------------------------------------------------------------------------

export const initializers: readonly NameSpec[] = [
  { name: 'glorot_uniform', doc: 'U[-l, l], l = sqrt(6 / (fan_in + fan_out))' },
  { name: 'glorot_normal', doc: 'truncated normal, stddev sqrt(2 / (fan_in + fan_out))' },
  { name: 'he_uniform', doc: 'U[-l, l], l = sqrt(6 / fan_in)' },
  { name: 'he_normal', doc: 'truncated normal, stddev sqrt(2 / fan_in)' },
  { name: 'lecun_uniform', doc: 'U[-l, l], l = sqrt(3 / fan_in)' },
  { name: 'lecun_normal', doc: 'truncated normal, stddev sqrt(1 / fan_in)' },
  { name: 'zeros', doc: 'all 0' },
  { name: 'ones', doc: 'all 1' },
  { name: 'orthogonal', doc: 'a random orthogonal matrix (the QR decomposition of a normal one), as Keras\' Orthogonal(gain=1)' },
  { name: 'uniform', doc: 'U[-0.05, 0.05] (Keras\' "uniform": RandomUniform\'s defaults)' },
];

export const initializerFunctions: readonly FunctionSpec[] = [
  {
    name: 'RandomUniform',
    doc: 'uniform in [minval, maxval)',
    example: 'RandomUniform(minval=-0.05, maxval=0.05)',
    args: [
      { name: 'minval', type: 'number', default: -0.05, positional: true, doc: 'lower bound' },
      { name: 'maxval', type: 'number', default: 0.05, positional: true, doc: 'upper bound (greater than minval)' },
    ],
  },
  {
    name: 'RandomNormal',
    doc: 'normal with the given mean and standard deviation',
    example: 'RandomNormal(mean=0, stddev=0.05)',
    args: [
      { name: 'mean', type: 'number', default: 0, positional: true, doc: 'mean' },
      { name: 'stddev', type: 'number', default: 0.05, positional: true, range: nonNegative, doc: 'standard deviation' },
    ],
  },
  {
    name: 'Constant',
    doc: 'every value the same',
    example: 'Constant(0.1)',
    args: [{ name: 'value', type: 'number', default: 0, positional: true, doc: 'the value' }],
  },
  {
    name: 'Orthogonal',
    doc: 'a random orthogonal matrix (rows or columns orthonormal), times gain',
    example: 'Orthogonal(gain=1.0)',
    args: [{ name: 'gain', type: 'number', default: 1, positional: true, doc: 'the factor' }],
  },
];

// ---- callbacks ----------------------------------------------------------------------------------

export const callbacks: readonly FunctionSpec[] = [
  {
    name: 'EarlyStopping',
    doc: 'stops training when the monitored value stops improving',
    example: 'EarlyStopping(monitor="val_loss", patience=5)',
    args: [
      { name: 'monitor', type: 'string', default: 'val_loss', positional: true, doc: 'the logged value to watch (loss, a metric, or val_ of either)' },
      { name: 'min_delta', type: 'number', default: 0, range: nonNegative, doc: 'smallest change that counts as an improvement' },
      { name: 'patience', type: 'int', default: 0, range: nonNegative, doc: 'epochs without improvement before stopping' },
      { name: 'mode', type: 'choice', default: 'auto', choices: monitorModes, doc: 'min, max, or auto (max for accuracies, min otherwise)' },
      { name: 'baseline', type: 'number_or_null', default: null, doc: 'stop unless the value gets better than this' },
      { name: 'restore_best_weights', type: 'bool', default: false, doc: 'put back the weights of the best epoch when stopping' },
      { name: 'start_from_epoch', type: 'int', default: 0, range: nonNegative, doc: 'epochs to wait before watching' },
    ],
  },
  {
    name: 'ModelCheckpoint',
    doc: 'saves the weights (safetensors) after each epoch, or only when the monitored value improves',
    example: 'ModelCheckpoint("best.safetensors", save_best_only=true)',
    args: [
      { name: 'filepath', type: 'string', required: true, positional: true, doc: 'where to save (relative to the output folder)' },
      { name: 'monitor', type: 'string', default: 'val_loss', doc: 'the logged value that decides "best"' },
      { name: 'save_best_only', type: 'bool', default: false, doc: 'save only when the monitored value improves' },
      { name: 'mode', type: 'choice', default: 'auto', choices: monitorModes, doc: 'min, max, or auto' },
    ],
  },
];

// ---- dataset functions --------------------------------------------------------------------------

export const datasetFunctions: readonly FunctionSpec[] = [
  {
    name: 'csv',
    doc: 'reads a CSV file (path relative to the .nn file, or replaced with --data NAME=PATH)',
    example: 'csv("pima-indians-diabetes.csv", features=0:8, labels=8)',
    args: [
      { name: 'path', type: 'string', required: true, positional: true, doc: 'the file' },
      { name: 'features', type: 'columns', defaultDoc: 'every column that is not a label', doc: 'the feature columns' },
      { name: 'labels', type: 'columns', default: -1, doc: 'the label columns ([] for none)' },
      { name: 'header', type: 'header', default: 'auto', doc: '"auto": the first row is a header when a feature cell in it is not a number' },
      { name: 'delimiter', type: 'string', default: ',', doc: 'the one character between values' },
      { name: 'text', type: 'columns', defaultDoc: 'none', doc: 'the one column holding each row\'s text (instead of features=): a model reads it through TextVectorization' },
    ],
  },
  {
    name: 'text',
    doc: "reads a folder with one subfolder of .txt files per class, as Keras' text_dataset_from_directory: each file is a row whose feature is its text, class names are the subfolders' names (sorted)",
    example: 'text("review_polarity/")',
    args: [
      { name: 'path', type: 'string', required: true, positional: true, doc: 'the folder (relative to the .nn file, or replaced with --data NAME=PATH)' },
      { name: 'max_length', type: 'int_or_null', default: null, range: atLeastOne, doc: 'characters kept of each text (null: all)' },
    ],
  },
  {
    name: 'timeseries',
    doc: "windows of a series, as Keras' timeseries_dataset_from_array: each row is `window` consecutive rows of the source dataset (shape (window, features)), its label the source's label (or features, when it has none) `horizon` rows after the window's last",
    example: 'timeseries(temps, window=30, horizon=1)',
    args: [
      { name: 'source', type: 'dataset', required: true, positional: true, doc: 'the series: a dataset whose rows are its steps, in order' },
      { name: 'window', type: 'int', required: true, range: atLeastOne, doc: 'steps per window' },
      { name: 'horizon', type: 'int', default: 1, range: atLeastOne, doc: 'how many rows after the window\'s last one the label is (1: the next row)' },
      { name: 'stride', type: 'int', default: 1, range: atLeastOne, doc: 'rows between the starts of consecutive windows' },
    ],
  },
  {
    name: 'idx',
    doc: 'reads IDX files, the format of MNIST and Fashion-MNIST, gzipped or not (paths as for csv); images of [N, height, width] get one channel',
    example: 'idx("train-images-idx3-ubyte.gz", labels="train-labels-idx1-ubyte.gz")',
    args: [
      { name: 'path', type: 'string', required: true, positional: true, doc: 'the samples (images)' },
      { name: 'labels', type: 'string', defaultDoc: 'none', positional: true, doc: 'the labels file, one label per sample' },
    ],
  },
  {
    name: 'images',
    doc: "reads a folder with one subfolder of PNG and JPEG images per class, as Keras' image_dataset_from_directory: class names are the subfolders' names (sorted), pixels stay 0-255",
    example: 'images("photos/", size=(64, 64), color="rgb")',
    args: [
      { name: 'path', type: 'string', required: true, positional: true, doc: 'the folder' },
      { name: 'size', type: 'size2', default: 256, defaultDoc: '(256, 256)', range: { min: 1, max: 16384 }, doc: '(height, width) every image is resized to (bilinear)' },
      { name: 'color', type: 'choice', default: 'rgb', choices: ['rgb', 'grayscale', 'rgba'], doc: 'the channels: 3, 1 or 4' },
    ],
  },
  {
    name: 'builtin',
    doc: 'a dataset nnc generates itself, offline and seeded; its arguments depend on the dataset (see below)',
    example: 'builtin("moons", rows=1000, noise=0.2, seed=0)',
    args: [{ name: 'name', type: 'string', required: true, positional: true, doc: 'which dataset' }],
  },
  {
    name: 'split',
    doc: 'splits a dataset into a train part and a test part (two names: dataset TRAIN, TEST = split(...))',
    example: 'split(iris, test_size=0.2, seed=0)',
    args: [
      { name: 'source', type: 'dataset', required: true, positional: true, doc: 'the dataset to split' },
      { name: 'test_size', type: 'number', default: 0.2, range: { min: 0, max: 1, minExclusive: true, maxExclusive: true }, doc: 'fraction of rows in the test part (rounded up)' },
      { name: 'seed', type: 'int', default: 0, range: nonNegative, doc: 'seed of the shuffle' },
      { name: 'shuffle', type: 'bool', default: true, doc: 'shuffle before splitting' },
    ],
  },
];

// ---- statements -------------------------------------------------------------------------------

export const statements: readonly FunctionSpec[] = [
  {
    name: 'compile',
    doc: 'compile MODEL(...): chooses the loss, optimizer and metrics, and initializes the weights',
    example: 'compile diabetes(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])',
    args: [
      { name: 'loss', type: 'loss', required: true, doc: 'a loss name, or Huber(delta=...)' },
      { name: 'optimizer', type: 'optimizer', default: 'rmsprop', doc: 'a name (sgd, adam, rmsprop, adagrad, adamw, nadam, adamax, adadelta, lion, ftrl; any case) or a call such as Adam(learning_rate=0.01)' },
      { name: 'metrics', type: 'metrics', default: [], doc: 'a list of metric names and calls, such as ["accuracy", AUC(curve="PR")]' },
    ],
  },
  {
    name: 'fit',
    doc: 'fit MODEL(DATASET, ...): trains the model',
    example: 'fit diabetes(pima, epochs=100, batch_size=10)',
    args: [
      dataArg('training data'),
      { name: 'epochs', type: 'int', default: 1, range: atLeastOne, doc: 'passes over the data' },
      batchSize,
      { name: 'validation_split', type: 'number', default: 0.0, range: unit, doc: 'fraction of rows (the last ones, before shuffling) held out for validation' },
      { name: 'validation_data', type: 'dataset', doc: 'a dataset to validate on after each epoch' },
      { name: 'shuffle', type: 'bool', default: true, doc: 'reshuffle the rows every epoch' },
      verbose,
      { name: 'seed', type: 'int', range: nonNegative, defaultDoc: 'the program seed (--seed, default 0)', doc: 'seed of shuffling and dropout' },
      { name: 'callbacks', type: 'callbacks', default: [], doc: 'a list of EarlyStopping(...) / ModelCheckpoint(...)' },
    ],
  },
  {
    name: 'evaluate',
    doc: 'evaluate MODEL(DATASET, ...) [-> "results.json"]: loss and metrics on a dataset',
    example: 'evaluate diabetes(pima)',
    args: [dataArg('data with labels'), batchSize, verbose],
  },
  {
    name: 'predict',
    doc: 'predict MODEL(DATASET, ...) [-> "predictions.csv"]: the outputs for each row',
    example: 'predict diabetes(pima) -> "predictions.csv"',
    args: [dataArg('input data (labels are not needed)'), batchSize, verbose],
  },
];

export const modelKinds: readonly NameSpec[] = [{ name: 'Sequential', doc: 'a stack of layers, each feeding the next' }];

// ---- lookups ------------------------------------------------------------------------------------

export function findFunction(list: readonly FunctionSpec[], name: string): FunctionSpec | undefined {
  return list.find((f) => f.name === name);
}

/** The canonical name for a name or alias, or undefined. */
export function canonicalName(list: readonly NameSpec[], name: string): string | undefined {
  return list.find((n) => n.name === name || n.aliases?.includes(name))?.name;
}

/** Every spelling (names and aliases), for did-you-mean. */
export function allSpellings(list: readonly NameSpec[]): string[] {
  return list.flatMap((n) => [n.name, ...(n.aliases ?? [])]);
}

export function statementSpec(name: 'compile' | 'fit' | 'evaluate' | 'predict'): FunctionSpec {
  return findFunction(statements, name)!;
}

export { BUILTIN_DATASETS };

// ---- documentation ----------------------------------------------------------------------------

/** A default as it is written in .nn source. */
export function formatDefault(arg: ArgSpec): string {
  if (arg.defaultDoc !== undefined) return arg.defaultDoc;
  const d = arg.default;
  if (d === undefined) return arg.required ? '(required)' : '(unset)';
  if (d === null) return 'null';
  if (typeof d === 'string') return arg.type === 'dataset' ? d : `"${d}"`;
  if (typeof d === 'number' || typeof d === 'boolean') return String(d);
  return `[${d.map((s) => `"${s}"`).join(', ')}]`;
}

const typeNames: Record<ArgType, string> = {
  int: 'integer',
  number: 'number',
  bool: 'true/false',
  string: 'string',
  choice: 'string',
  dataset: 'dataset name',
  activation: 'activation name',
  initializer: 'initializer',
  loss: 'loss',
  optimizer: 'optimizer',
  metrics: 'list of metrics',
  callbacks: 'list of callbacks',
  columns: 'columns',
  header: '"auto", true or false',
  number_or_null: 'number or null',
  choice_or_null: 'string or null',
  shape: 'tuple of integers',
  size2: 'integer or (h, w)',
  size2_or_null: 'integer, (h, w) or null',
  int_or_null: 'integer or null',
  layer: 'layer',
};

export function describeType(arg: ArgSpec): string {
  if ((arg.type === 'choice' || arg.type === 'choice_or_null') && arg.choices) return [...arg.choices.map((c) => `"${c}"`), ...(arg.type === 'choice_or_null' ? ['null'] : [])].join(' / ');
  return typeNames[arg.type];
}

/** A range in words: ">= 0 and < 1". */
export function describeRange(range: Range | undefined): string {
  if (!range) return '';
  const parts: string[] = [];
  if (range.min !== undefined) parts.push(`${range.minExclusive ? '>' : '>='} ${range.min}`);
  if (range.max !== undefined) parts.push(`${range.maxExclusive ? '<' : '<='} ${range.max}`);
  return parts.join(' and ');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function argTable(args: readonly ArgSpec[]): string[] {
  if (args.length === 0) return ['(no arguments)', ''];
  const lines = ['| argument | type | default | range | |', '|---|---|---|---|---|'];
  for (const a of args) {
    const name = a.positional ? `\`${a.name}\` (positional)` : `\`${a.name}\``;
    lines.push(`| ${name} | ${escapeCell(describeType(a))} | ${escapeCell(formatDefault(a))} | ${describeRange(a.range)} | ${escapeCell(a.doc)} |`);
  }
  lines.push('');
  return lines;
}

function functionSection(title: string, list: readonly FunctionSpec[]): string[] {
  const lines = [`### ${title}`, ''];
  for (const f of list) {
    lines.push(`#### \`${f.name}\``, '', `${f.doc}. Example: \`${f.example}\``, '');
    lines.push(...argTable(f.args));
  }
  return lines;
}

function nameSection(title: string, list: readonly NameSpec[], quoted = true): string[] {
  const q = (name: string) => (quoted ? `\`"${name}"\`` : `\`${name}\``);
  const lines = [`### ${title}`, '', '| name | also | |', '|---|---|---|'];
  for (const n of list) lines.push(`| ${q(n.name)} | ${(n.aliases ?? []).map(q).join(', ')} | ${escapeCell(n.doc)} |`);
  lines.push('');
  return lines;
}

/** The reference section of docs/language.md, generated from this registry. */
export function registryMarkdown(): string {
  const lines: string[] = [];
  lines.push(...functionSection('Statements', statements));
  lines.push(...nameSection('Model kinds', modelKinds, false));
  lines.push(...functionSection('Layers', layers));
  lines.push(...nameSection('Activations', activations));
  lines.push(...nameSection('Losses (strings)', losses));
  lines.push(...functionSection('Losses (calls)', lossFunctions));
  lines.push('### Optimizers', '', `As a string (${optimizers.map((o) => `\`"${o.name.toLowerCase()}"\``).join(', ')}, any case) with the defaults below, or as a call. The update rules are Keras 3's (docs/numerics.md).`, '');
  lines.push(...functionSection('Optimizer calls', optimizers).slice(2));
  lines.push(...nameSection('Metrics', metrics));
  lines.push(...functionSection('Metric calls', metricFunctions));
  lines.push(...nameSection('Initializers (strings)', initializers));
  lines.push(...functionSection('Initializers (calls)', initializerFunctions));
  lines.push(...functionSection('Callbacks', callbacks));
  lines.push(...functionSection('Dataset functions', datasetFunctions));
  lines.push('### Builtin datasets', '', 'Arguments of `builtin("NAME", ...)`; every one is optional.', '');
  for (const [name, info] of Object.entries(BUILTIN_DATASETS)) {
    lines.push(`#### \`"${name}"\``, '', `${info.doc}.`, '');
    const args: ArgSpec[] = Object.entries(info.args).map(([argName, a]) => ({
      name: argName,
      type: a.integer ? 'int' : 'number',
      default: a.default,
      range: { ...(a.min !== undefined ? { min: a.min } : {}), ...(a.max !== undefined ? { max: a.max } : {}) },
      doc: a.doc,
    }));
    lines.push(...argTable(args));
  }
  return lines.join('\n');
}
