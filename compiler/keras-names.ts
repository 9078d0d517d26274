// Names Keras 3 knows that nnc does not implement, by what they name. A name from here is
// answered with "a Keras X that nnc does not have" and the list of what nnc has, never with "did
// you mean" a different algorithm that happens to be spelt alike ("nadam" is not "adam").
// Compared without case and underscores, so Keras' class and function spellings both match.
// Sources: keras/src/{layers,activations,losses,optimizers,metrics,initializers,callbacks}.

const names: Record<string, readonly string[]> = {
  layer: [
    'Conv1D', 'Conv3D', 'Conv1DTranspose', 'Conv2DTranspose', 'Conv3DTranspose', 'SeparableConv1D', 'SeparableConv2D',
    'DepthwiseConv1D', 'DepthwiseConv2D', 'MaxPooling1D', 'MaxPooling3D', 'AveragePooling1D', 'AveragePooling3D', 'GlobalAveragePooling1D', 'GlobalAveragePooling3D', 'GlobalMaxPooling1D',
    'GlobalMaxPooling3D', 'Permute', 'RepeatVector', 'Embedding', 'LSTM', 'GRU',
    'SimpleRNN', 'ConvLSTM1D', 'ConvLSTM2D', 'Bidirectional', 'TimeDistributed', 'RNN', 'LayerNormalization',
    'GroupNormalization', 'UnitNormalization', 'SpectralNormalization', 'MultiHeadAttention', 'GroupedQueryAttention', 'Attention',
    'AdditiveAttention', 'Concatenate', 'Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum', 'Dot', 'LeakyReLU', 'ReLU',
    'PReLU', 'ELU', 'Softmax', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout', 'SpatialDropout1D', 'SpatialDropout2D',
    'SpatialDropout3D', 'ZeroPadding1D', 'ZeroPadding2D', 'ZeroPadding3D', 'Cropping1D', 'Cropping2D', 'Cropping3D', 'UpSampling1D',
    'UpSampling2D', 'UpSampling3D', 'Lambda', 'Masking', 'Identity', 'ActivityRegularization', 'EinsumDense', 'CategoryEncoding',
    'Discretization', 'Hashing', 'HashedCrossing', 'IntegerLookup', 'StringLookup', 'TextVectorization', 'Resizing',
    'CenterCrop', 'RandomFlip', 'RandomRotation', 'RandomZoom', 'RandomTranslation', 'RandomContrast', 'RandomCrop',
  ],
  activation: [
    'relu6', 'softsign', 'exponential', 'log_softmax', 'hard_sigmoid', 'hard_silu', 'hard_swish', 'mish', 'celu', 'glu', 'hard_tanh',
    'log_sigmoid', 'sparse_plus', 'soft_shrink', 'hard_shrink', 'tanh_shrink', 'squareplus', 'sparsemax', 'threshold', 'sparse_sigmoid',
  ],
  loss: [
    'mean_absolute_percentage_error', 'mape', 'mean_squared_logarithmic_error', 'msle', 'cosine_similarity', 'log_cosh', 'logcosh',
    'hinge', 'squared_hinge', 'categorical_hinge', 'kl_divergence', 'kld', 'kullback_leibler_divergence', 'poisson',
    'binary_focal_crossentropy', 'categorical_focal_crossentropy', 'ctc', 'dice', 'tversky', 'circle',
    'categorical_generalized_cross_entropy',
  ],
  optimizer: ['Adafactor', 'Lamb', 'Muon', 'LossScaleOptimizer'],
  metric: [
    'FalseNegatives', 'FalsePositives', 'TrueNegatives', 'TruePositives', 'PrecisionAtRecall', 'RecallAtPrecision',
    'SensitivityAtSpecificity', 'SpecificityAtSensitivity', 'Hinge', 'SquaredHinge', 'CategoricalHinge', 'KLDivergence', 'Poisson',
    'BinaryCrossentropy', 'bce', 'CategoricalCrossentropy', 'SparseCategoricalCrossentropy', 'SparseTopKCategoricalAccuracy',
    'FBetaScore', 'IoU', 'BinaryIoU', 'MeanIoU', 'OneHotIoU', 'OneHotMeanIoU', 'MeanSquaredLogarithmicError', 'msle',
    'CosineSimilarity', 'LogCoshError', 'R2Score', 'Mean', 'Sum', 'MeanMetricWrapper', 'PearsonCorrelation', 'ConcordanceCorrelation',
  ],
  initializer: ['orthogonal', 'identity', 'variance_scaling', 'truncated_normal', 'stft'],
  callback: [
    'ReduceLROnPlateau', 'LearningRateScheduler', 'TensorBoard', 'CSVLogger', 'TerminateOnNaN', 'BackupAndRestore', 'LambdaCallback',
    'RemoteMonitor', 'ProgbarLogger', 'SwapEMAWeights', 'History',
  ],
};

/** What to say instead of "nnc does not have it" where nnc does the job another way. */
const instead: Record<string, string> = {
  terminateonnan: 'nnc always stops training when the loss is not finite (NNC5001): leave it out',
  history: "every fit returns its History (and nnc run writes it as MODEL.history.json): leave it out",
  progbarlogger: 'nnc prints the progress bar itself (verbose=1): leave it out',
};

const normalize = (name: string) => name.toLowerCase().replace(/_/g, '');

/** Whether `name` is a Keras `what` (layer, activation, loss, ...) that nnc lacks; its hint when nnc does the job another way. */
export function kerasOnly(what: string, name: string): { help?: string } | null {
  const n = normalize(name);
  if (!(names[what] ?? []).some((k) => normalize(k) === n)) return null;
  return instead[n] ? { help: instead[n] } : {};
}
