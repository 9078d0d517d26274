// The one catalog of diagnostics. Every message a user can see is written here, with a stable code.
//
// Code ranges: NNC1xxx syntax, NNC2xxx names and arguments, NNC3xxx shapes and the data against the
// model, NNC4xxx data files, NNC5xxx running (training, files written), NNC6xxx GPU, NNC7xxx CLI usage.
// Codes are never reused or renumbered: tests and users refer to them.

type Text = { message: string; help?: string };
type Entry<A> = { severity: 'error' | 'warning'; text: (args: A) => Text };

function error<A = Record<string, never>>(text: (args: A) => Text): Entry<A> {
  return { severity: 'error', text };
}
function warning<A = Record<string, never>>(text: (args: A) => Text): Entry<A> {
  return { severity: 'warning', text };
}

export const catalog = {
  // ---- NNC1xxx: syntax --------------------------------------------------------------------
  NNC1001: error<{ text: string }>((a) => ({
    message: `unexpected character${[...a.text].length === 1 ? '' : 's'} '${a.text}'`,
    help: 'remove it: a .nn file holds names, numbers, strings in quotes, = , ( ) [ ] { } : -> <- and # comments',
  })),
  NNC1002: error((): Text => ({
    message: 'unterminated string',
    help: 'close the string with the same quote it starts with, on the same line',
  })),
  NNC1003: error<{ escape: string }>((a) => ({
    message: `unknown escape '${a.escape}' in a string`,
    help: 'the escapes are \\" \\\' \\\\ \\n and \\t; write \\\\ for a backslash',
  })),
  NNC1004: error<{ expected: string; found: string; help?: string }>((a) => ({
    message: `expected ${a.expected}, found ${a.found}`,
    ...(a.help ? { help: a.help } : {}),
  })),
  NNC1005: error<{ found: string; suggestion?: string }>((a) => ({
    message: `expected a statement, found ${a.found}`,
    help: a.suggestion
      ? `did you mean '${a.suggestion}'?`
      : 'a statement begins with dataset, model, compile, fit, evaluate, predict, save, load or summary',
  })),
  NNC1006: error<{ limit: number }>((a) => ({
    message: `brackets are nested more than ${a.limit} deep`,
    help: 'nothing in the .nn language needs deeper nesting; look for an unclosed ( [ or {',
  })),
  NNC1007: error<{ byte: string; offset: number }>((a) => ({
    message: `the file is not valid UTF-8: byte 0x${a.byte} at byte offset ${a.offset} cannot be decoded`,
    help: 'save the .nn file as UTF-8 text',
  })),
  NNC1008: error<{ shown: number; more: number }>((a) => ({
    message: `too many errors: ${a.more} more after the first ${a.shown} are not shown`,
    help: 'fix the errors above and run again',
  })),
  NNC1009: error<{ word: string }>((a) => ({
    message: `'${a.word}' is a reserved word and cannot be used as a name here`,
    help: 'reserved words: dataset model compile fit evaluate predict save load summary true false; choose another name',
  })),
  NNC1010: warning((): Text => ({
    message: 'the file has no statements',
    help: 'a program needs at least a dataset, a model, compile and fit; see examples/pima.nn',
  })),

  // ---- NNC2xxx: names and arguments -------------------------------------------------------
  NNC2001: error<{ what: string; name: string; suggestion?: string; known?: string }>((a) => ({
    message: `unknown ${a.what} '${a.name}'`,
    ...(a.suggestion ? { help: `did you mean '${a.suggestion}'?` } : a.known ? { help: `known ${a.what}s: ${a.known}` } : {}),
  })),
  NNC2002: error<{ what: string; name: string; suggestion?: string; laterLine?: number }>((a) => ({
    message: `there is no ${a.what} named '${a.name}'`,
    help: a.laterLine
      ? `'${a.name}' is defined later, at line ${a.laterLine}; statements run in order, so define it before this line`
      : a.suggestion
        ? `did you mean '${a.suggestion}'?`
        : a.what === 'model'
          ? `define it first: model ${a.name} = Sequential { ... }`
          : `define it first: dataset ${a.name} = csv("FILE.csv")`,
  })),
  NNC2003: error<{ name: string; firstLine: number; firstKind: string }>((a) => ({
    message: `'${a.name}' is already defined`,
    help: `it is defined as a ${a.firstKind} at line ${a.firstLine}; datasets and models share one set of names, so choose another`,
  })),
  NNC2004: error<{ name: string; is: string; expected: string }>((a) => ({
    message: `'${a.name}' is a ${a.is}, not a ${a.expected}`,
    help: a.expected === 'model' ? `the statement names a model first: fit MODEL(${a.name}, ...)` : `pass a ${a.expected} here`,
  })),
  NNC2005: error<{ callee: string; name: string; suggestion?: string; known: string }>((a) => ({
    message: `${a.callee} has no argument '${a.name}'`,
    help: a.suggestion ? `did you mean '${a.suggestion}'?` : a.known ? `its arguments are: ${a.known}` : `${a.callee} takes no arguments`,
  })),
  NNC2006: error<{ name: string }>((a) => ({
    message: `argument '${a.name}' is given twice`,
    help: 'remove one of them',
  })),
  NNC2007: error((): Text => ({
    message: 'a positional argument follows a keyword argument',
    help: 'put positional arguments first, then NAME=VALUE arguments',
  })),
  NNC2008: error<{ callee: string; max: number; given: number; example: string }>((a) => ({
    message: `${a.callee} takes ${a.max === 0 ? 'no' : `at most ${a.max}`} positional argument${a.max === 1 ? '' : 's'}, but ${a.given} ${a.given === 1 ? 'is' : 'are'} given`,
    help: `name the others, as in ${a.example}`,
  })),
  NNC2009: error<{ callee: string; name: string; example: string }>((a) => ({
    message: `${a.callee} needs the argument '${a.name}'`,
    help: `for example: ${a.example}`,
  })),
  NNC2010: error<{ name: string; expected: string; found: string; help?: string }>((a) => ({
    message: `'${a.name}' must be ${a.expected}, but this is ${a.found}`,
    ...(a.help ? { help: a.help } : {}),
  })),
  NNC2011: error<{ name: string; range: string; value: string; help?: string }>((a) => ({
    message: `'${a.name}' must be ${a.range}, but it is ${a.value}`,
    ...(a.help ? { help: a.help } : {}),
  })),
  NNC2012: error((): Text => ({
    message: 'validation_split and validation_data are given together',
    help: 'use one: validation_split takes the last fraction of the training rows, validation_data names another dataset',
  })),
  NNC2013: error<{ monitor: string; defaulted?: boolean }>((a) => ({
    message: `'${a.monitor}' is computed on validation data, but this fit has none`,
    help: `${a.defaulted ? `the callback watches '${a.monitor}' unless monitor= says otherwise; ` : ''}add validation_split=0.2 or validation_data=DATASET to the fit, or monitor '${a.monitor.slice(4)}'`,
  })),
  NNC2014: error<{ callee: string; count: number; needed: number; example: string }>((a) => ({
    message: `${a.callee} makes ${a.needed === 1 ? 'one dataset' : `${a.needed} datasets`}, but ${a.count} name${a.count === 1 ? ' is' : 's are'} given`,
    help: `write ${a.example}`,
  })),
  NNC2015: error<{ model: string; statement: string }>((a) => ({
    message: `model '${a.model}' must be compiled before ${a.statement}`,
    help: `add compile ${a.model}(loss="...", optimizer="...") before this line`,
  })),
  NNC2016: error<{ model: string; statement: string }>((a) => ({
    message: `model '${a.model}' has no weights before ${a.statement}`,
    help: `compile it first (its weights are initialized then), or load weights with load ${a.model} <- "FILE.safetensors"`,
  })),
  NNC2017: error<{ name: string; kind: string }>((a) => ({
    message: `--data ${a.name}=PATH names a dataset made by ${a.kind}, not read from a CSV file`,
    help: '--data replaces the file of a csv(...) dataset',
  })),
  NNC2018: error<{ monitor: string; suggestion?: string; known: string }>((a) => ({
    message: `'${a.monitor}' is not a value this fit logs`,
    help: a.suggestion ? `did you mean '${a.suggestion}'? It logs: ${a.known}` : `it logs: ${a.known}`,
  })),
  NNC2019: error<{ what: string; problem: string; help: string }>((a) => ({
    message: `the ${a.what} ${a.problem}`,
    help: a.help,
  })),

  NNC2020: error<{ what: string; name: string; known: string; help?: string }>((a) => ({
    message: `'${a.name}' is a Keras ${a.what} that nnc does not have`,
    help: a.help ?? `the ${a.what.endsWith('s') ? `${a.what}es` : `${a.what}s`} nnc has: ${a.known}`,
  })),
  NNC2021: error<{ units: number }>((a) => ({
    message: `F1Score without an average gives one value per class (Keras' average=None), but this model has ${a.units} outputs and a log holds one number`,
    help: 'average the classes: F1Score(average="macro"), "micro" or "weighted"',
  })),

  // ---- NNC3xxx: shapes, and the data against the model ------------------------------------
  NNC3001: error<{ model: string }>((a) => ({
    message: `model '${a.model}' does not know its input size`,
    help: 'give the first layer input_dim=N, start the model with Input(N), or fit, evaluate or predict it on a dataset',
  })),
  NNC3002: error<{ model: string; expected: number; dataset: string; found: number; help: string }>((a) => ({
    message: `model '${a.model}' takes ${a.expected} input feature${a.expected === 1 ? '' : 's'}, but dataset '${a.dataset}' has ${a.found}`,
    help: a.help,
  })),
  NNC3003: error<{ loss: string; needs: string; model: string; units: number; help: string }>((a) => ({
    message: `${a.loss} needs ${a.needs}, but model '${a.model}' ends in ${a.units} unit${a.units === 1 ? '' : 's'}`,
    help: a.help,
  })),
  NNC3004: error<{ dataset: string; classes: string; count: number; model: string; loss: string; expects: string; help: string }>((a) => ({
    message: `dataset '${a.dataset}' has ${a.count} classes (${a.classes}), but model '${a.model}' with ${a.loss} takes ${a.expects}`,
    help: a.help,
  })),
  NNC3005: error<{ dataset: string; example: string; loss: string }>((a) => ({
    message: `dataset '${a.dataset}' has text labels ('${a.example}', ...), but ${a.loss} is a regression loss that needs numbers`,
    help: 'for classes use sparse_categorical_crossentropy (or binary_crossentropy for two classes) and a softmax (sigmoid) output',
  })),
  NNC3006: error<{ dataset: string; label: string; units: number }>((a) => ({
    message: `dataset '${a.dataset}' has the label ${a.label}, out of range for ${a.units} output unit${a.units === 1 ? '' : 's'} (classes 0 to ${a.units - 1})`,
    help: 'class labels must be integers from 0 to units-1: give the last Dense layer one unit per class',
  })),
  NNC3007: error<{ dataset: string; columns: number; model: string; units: number; help: string }>((a) => ({
    message: `dataset '${a.dataset}' has ${a.columns} label column${a.columns === 1 ? '' : 's'}, but model '${a.model}' outputs ${a.units} value${a.units === 1 ? '' : 's'}`,
    help: a.help,
  })),
  NNC3008: error<{ dataset: string; loss: string }>((a) => ({
    message: `${a.loss} needs class labels, but the labels of dataset '${a.dataset}' are not a small set of classes`,
    help: 'classification labels are integers 0..K-1 or text; for a continuous target use loss="mse"',
  })),
  NNC3009: error<{ dataset: string; statement: string }>((a) => ({
    message: `dataset '${a.dataset}' has no label columns, but ${a.statement} needs labels`,
    help: 'select the label columns with labels=... in csv(...)',
  })),
  NNC3010: warning<{ path: string; dataset: string }>((a) => ({
    message: `the data file '${a.path}' was not found, so dataset '${a.dataset}' was not checked against the model`,
    help: `pass --data ${a.dataset}=PATH to check it`,
  })),
  NNC3011: warning<{ units: number }>((a) => ({
    message: `softmax over ${a.units} unit${a.units === 1 ? '' : 's'} always outputs 1`,
    help: 'for two classes use Dense(1, activation="sigmoid") with binary_crossentropy, or give the layer one unit per class',
  })),
  NNC3012: error<{ model: string }>((a) => ({
    message: `model '${a.model}' has no layers`,
    help: 'add layers inside the braces, e.g. Dense(1, input_dim=8)',
  })),
  NNC3013: warning<{ model: string; dataset: string }>((a) => ({
    message: `the input size of model '${a.model}' comes from dataset '${a.dataset}', which was not read, so its shapes were not checked`,
    help: `give the first layer input_dim=N, or pass --data ${a.dataset}=PATH`,
  })),
  NNC3014: error((): Text => ({
    message: 'Input(...) can only be the first layer',
    help: 'move it to the top of the Sequential, or give its size to the first layer as input_dim=N',
  })),
  NNC3015: warning<{ loss: string; activation: string; expected: string }>((a) => ({
    message: `${a.loss} expects probabilities, but the last layer's activation is '${a.activation}'`,
    help: `use activation="${a.expected}" on the last layer`,
  })),
  NNC3016: error<{ layer: string; arg: string; given: string; actual: string }>((a) => ({
    message: `${a.layer} says ${a.arg}=${a.given}, but the layer before it outputs ${a.actual}`,
    help: `only the first layer needs ${a.arg}; remove it here`,
  })),
  NNC3017: error<{ inputs: number; units: number; weights: number; limit: number }>((a) => ({
    message: `this Dense layer would hold ${a.weights.toLocaleString('en-US')} weights (${a.inputs} inputs x ${a.units} units), more than the ${a.limit.toLocaleString('en-US')} a layer can hold`,
    help: 'use fewer units here or in the layer before it (or fewer input features); a kernel must fit in 4 GiB of float32',
  })),
  NNC3018: error<{ model: string; expected: string; expectedSize: number; dataset: string; found: string; foundSize: number; help: string }>((a) => ({
    message: `model '${a.model}' takes samples of shape ${a.expected} (${a.expectedSize} values), but a sample of dataset '${a.dataset}' is ${a.found} (${a.foundSize} values)`,
    help: a.help,
  })),
  NNC3019: error<{ layer: string; needs: string; input: string; help: string }>((a) => ({
    message: `${a.layer} takes ${a.needs}, but its input is ${a.input}`,
    help: a.help,
  })),
  NNC3020: error<{ layer: string; window: string; input: string; help: string }>((a) => ({
    message: `the ${a.window} window of this ${a.layer} layer does not fit its input ${a.input}: the output would have no rows or columns`,
    help: a.help,
  })),
  NNC3021: error<{ model: string; output: string; cause: string; help: string }>((a) => ({
    message: `model '${a.model}' would output ${a.output}, not one vector per sample: ${a.cause}`,
    help: a.help,
  })),
  NNC3022: error<{ target: string; targetSize: string; input: string; inputSize: number }>((a) => ({
    message: `Reshape to ${a.target} needs ${a.targetSize}, but its input ${a.input} has ${a.inputSize} values per sample`,
    help: `give a shape of ${a.inputSize} values (one size may be -1: it is worked out), or change the layers before it`,
  })),
  NNC3023: error<{ layer: string; input: string; help: string }>((a) => ({
    message: `${a.layer} takes one vector of features per sample, but its input is ${a.input}`,
    help: a.help,
  })),
  NNC3024: error<{ layer: string; weights: number; limit: number }>((a) => ({
    message: `this ${a.layer} layer would hold ${a.weights.toLocaleString('en-US')} weights, more than the ${a.limit.toLocaleString('en-US')} a layer can hold`,
    help: 'use fewer filters or a smaller window; a kernel must fit in 4 GiB of float32',
  })),

  NNC3030: error<{ what: string; help: string }>((a) => ({
    message: `${a.what} is not implemented by nnc`,
    help: a.help,
  })),
  NNC3031: error<{ message: string; help: string }>((a) => ({
    message: a.message,
    help: a.help,
  })),
  NNC3032: error<{ found: string }>((a) => ({
    message: `Bidirectional wraps a recurrent layer, not ${a.found}`,
    help: 'write Bidirectional(LSTM(32)), Bidirectional(GRU(32)) or Bidirectional(SimpleRNN(32))',
  })),
  NNC3033: error<{ rows: number; tokens: number; vectorizer: string }>((a) => ({
    message: `this Embedding has ${a.rows} rows (tokens 0 to ${a.rows - 1}), but ${a.vectorizer} gives tokens up to ${a.tokens - 1} (max_tokens=${a.tokens})`,
    help: `write Embedding(${a.tokens}, ...) (input_dim = max_tokens), or lower max_tokens to ${a.rows}`,
  })),
  NNC3034: error<{ dataset: string; token: string; row: number; rows: number; model: string; largest: number | null }>((a) => ({
    message: `dataset '${a.dataset}' holds the token ${a.token} (row ${a.row}), but the Embedding of model '${a.model}' has rows for tokens 0 to ${a.rows - 1} only`,
    help:
      a.largest !== null && a.largest >= a.rows
        ? `give the Embedding input_dim=${a.largest + 1} (the largest token is ${a.largest}) or more`
        : `tokens are whole numbers from 0 to ${a.rows - 1}: map the data's values to them`,
  })),

  // ---- NNC4xxx: data files ----------------------------------------------------------------
  NNC4001: error<{ path: string; reason: string }>((a) => ({
    message: `cannot read data file '${a.path}': ${a.reason}`,
    help: 'check the path (it is relative to the .nn file), or point the dataset elsewhere with --data NAME=PATH',
  })),
  NNC4002: error<{ path: string }>((a) => ({
    message: `data file '${a.path}' has no rows`,
    help: 'a CSV needs at least one row of values',
  })),
  NNC4003: error<{ expected: number; found: number }>((a) => ({
    message: `this row has ${a.found} column${a.found === 1 ? '' : 's'}, but the first row has ${a.expected}`,
    help: 'every row of a CSV must have the same number of values; look for a missing or extra comma',
  })),
  NNC4004: error<{ value: string; column: number }>((a) => ({
    message: `'${a.value}' in column ${a.column} is not a number`,
    help: 'feature columns must be numeric; string values are allowed only in the label column',
  })),
  NNC4005: error<{ value: string; column: number }>((a) => ({
    message: `'${a.value}' in column ${a.column} is not a finite number`,
    help: 'remove or impute NaN and infinite values before training',
  })),
  NNC4006: error<{ index: number; columns: number }>((a) => ({
    message: `column ${a.index} is out of range: the file has ${a.columns} column${a.columns === 1 ? '' : 's'} (0 to ${a.columns - 1})`,
    help: 'columns are counted from 0; a slice like 0:8 takes columns 0 to 7',
  })),
  NNC4007: error<{ name: string; suggestion?: string }>((a) => ({
    message: `there is no column named '${a.name}' in the header`,
    ...(a.suggestion ? { help: `did you mean '${a.suggestion}'?` } : { help: 'column names come from the first row of the file' }),
  })),
  NNC4008: error<{ value: string; column: number }>((a) => ({
    message: `empty value in column ${a.column}`,
    help: 'fill in or drop rows with missing values before training',
  })),
  NNC4009: error<{ path: string; reason: string }>((a) => ({
    message: `cannot read data file '${a.path}': ${a.reason}`,
    help: 'data files must be UTF-8 text (CSV)',
  })),
  NNC4010: error<{ reason: string }>((a) => ({
    message: `malformed quoted value: ${a.reason}`,
    help: 'a quoted value starts and ends with ", and a " inside it is written twice ("")',
  })),
  NNC4011: error<{ column: number }>((a) => ({
    message: `column ${a.column} is selected twice`,
    help: 'each column may appear only once in a list of columns',
  })),
  NNC4012: error<{ what: string; help: string }>((a) => ({
    message: `${a.what} selects no columns`,
    help: a.help,
  })),
  NNC4013: error<{ name: string }>((a) => ({
    message: `column '${a.name}' is selected by name, but the file is read without a header`,
    help: 'remove header=false (a first row of names is detected), or select the column by its index',
  })),
  NNC4014: error<{ rows: number; testRows: number }>((a) => ({
    message: `a test part of ${a.testRows} of ${a.rows} row${a.rows === 1 ? '' : 's'} leaves no rows for training`,
    help: 'use a smaller test_size, or more data',
  })),
  NNC4015: error<{ split: number; rows: number; train: number }>((a) => ({
    message: `validation_split=${a.split} of ${a.rows} row${a.rows === 1 ? '' : 's'} leaves ${a.train} for training and ${a.rows - a.train} for validation`,
    help: 'each part needs at least one row: choose a split that keeps rows on both sides, or give validation_data',
  })),
  NNC4016: error<{ model: string; label: string; classes: string }>((a) => ({
    message: `the label '${a.label}' is not one of the classes model '${a.model}' was fitted on (${a.classes})`,
    help: 'evaluate and predict with labels from the classes the model learned; class indices follow the fitted data',
  })),
  NNC4017: error<{ dataset: string; file: string }>((a) => ({
    message: `dataset '${a.dataset}' is streamed from ${a.file} (too large to hold in memory), so split() cannot shuffle it into parts`,
    help: 'split the file into two CSV files and declare a dataset for each, or use validation_split= (it holds out the last rows)',
  })),
  NNC4018: error<{ path: string; reason: string }>((a) => ({
    message: `cannot read IDX file '${a.path}': ${a.reason}`,
    help: 'idx(...) reads the IDX files of MNIST and Fashion-MNIST (train-images-idx3-ubyte, gzipped or not); check the path',
  })),
  NNC4019: error<{ images: number; labels: number; path: string }>((a) => ({
    message: `the IDX labels file '${a.path}' has ${a.labels} label${a.labels === 1 ? '' : 's'}, but the images file has ${a.images} image${a.images === 1 ? '' : 's'}`,
    help: 'give the labels file that belongs to these images (t10k-labels for t10k-images)',
  })),
  NNC4020: error<{ path: string; reason: string }>((a) => ({
    message: `cannot read image folder '${a.path}': ${a.reason}`,
    help: 'images("DIR/") reads DIR/CLASS/*.png and *.jpg: one subfolder per class, as Keras\' image_dataset_from_directory',
  })),
  NNC4021: error<{ file: string; reason: string }>((a) => ({
    message: `cannot read image '${a.file}': ${a.reason}`,
    help: 'remove or replace the file (PNG and JPEG are read)',
  })),

  NNC4030: error<{ window: number; horizon: number; rows: number; dataset: string }>((a) => ({
    message: `a window of ${a.window} step${a.window === 1 ? '' : 's'} with a horizon of ${a.horizon} needs at least ${a.window + a.horizon} rows, but dataset '${a.dataset}' has ${a.rows}`,
    help: `use window=${Math.max(1, a.rows - a.horizon)} or less (or a shorter horizon), or a longer series`,
  })),
  NNC4031: error<{ path: string; reason: string }>((a) => ({
    message: `cannot read text folder '${a.path}': ${a.reason}`,
    help: 'text("DIR/") reads DIR/CLASS/*.txt: one subfolder per class, as Keras\' text_dataset_from_directory',
  })),
  NNC4032: error<{ dataset: string; reason: string; help: string }>((a) => ({
    message: `timeseries() cannot window dataset '${a.dataset}': ${a.reason}`,
    help: a.help,
  })),
  NNC4033: error<{ column: string; reason: string }>((a) => ({
    message: `the text column ${a.column} ${a.reason}`,
    help: 'text= names one column of the file (a header name or an index) that is not a label column',
  })),

  // ---- NNC5xxx: running -------------------------------------------------------------------
  NNC5001: error<{ epoch: number; step: number; steps: number }>((a) => ({
    message: `the loss is not finite (NaN or infinite) at epoch ${a.epoch}, step ${a.step}/${a.steps}; training stopped`,
    help: 'lower the learning rate, standardize the inputs (Normalization()), or check the data for extreme values',
  })),
  NNC5002: error<{ path: string; reason: string }>((a) => ({
    message: `cannot write '${a.path}': ${a.reason}`,
    help: 'check that the folder exists and is writable, or choose another place with --out DIR',
  })),
  NNC5003: error<{ path: string; reason: string; help?: string }>((a) => ({
    message: `cannot read weights file '${a.path}': ${a.reason}`,
    help: a.help ?? 'weights files are written by `save MODEL -> "FILE"` or --save-weights, in the safetensors format; `load` reads from the output folder (--out), where save writes',
  })),
  NNC5004: error<{ path: string; detail: string }>((a) => ({
    message: `weights file '${a.path}' does not fit this model: ${a.detail}`,
    help: 'load weights saved from a model with the same layers and sizes',
  })),
  NNC5005: error<Record<string, never>>(() => ({
    message: 'interrupted; the run stopped and left no half-written file',
  })),
  NNC5006: error<{ model: string }>((a) => ({
    message: `model '${a.model}' has no weights yet`,
    help: `compile it (and fit or load weights) before this statement`,
  })),
  NNC5007: error<{ model: string; statement: string }>((a) => ({
    message: `model '${a.model}' is not compiled with a loss and an optimizer, which ${a.statement} needs`,
    help: `add \`compile ${a.model}(loss=..., optimizer=...)\` to the program before it`,
  })),
  NNC5009: error<{ model: string; layer: string }>((a) => ({
    message: `layer '${a.layer}' (Normalization) of model '${a.model}' has no mean and variance yet: it adapts to the training data of the first fit`,
    help: 'fit the model first, load its weights, or give the layer a dataset to adapt to: Normalization(adapt=DATASET)',
  })),
  NNC5010: error<{ path: string; tensor: string; value: string; index: number; count: number }>((a) => ({
    message: `weights file '${a.path}' holds ${a.value} in tensor ${a.tensor} (value ${a.index} of ${a.count}); non-finite weights make every output NaN`,
    help: 'the run that saved it likely diverged: train again with a lower learning rate. To load it anyway, pass --allow-nonfinite-weights (nnc run) or allowNonFiniteWeights: true (the library)',
  })),
  NNC5011: error<{ who: string; path: string; other: string }>((a) => ({
    message: `${a.who} would write '${a.path}', which is ${a.other}`,
    help: 'give the output another file name: a run never writes over its own inputs or over another of its outputs',
  })),
  NNC5012: error<{ model: string; mib: number; reason: string; layer: string }>((a) => ({
    message: `the CPU interpreter cannot allocate ${a.mib} MiB for model '${a.model}': ${a.reason}; its largest layer is ${a.layer}`,
    help: 'make the largest layer or the batch smaller, or use --backend webgpu. Under a memory limit (ulimit -v) raise it, or run with NODE_OPTIONS=--disable-wasm-trap-handler: WebAssembly then reserves only the memory it uses',
  })),
  NNC5013: error<{ folder: string; owner: string; lock: string }>((a) => ({
    message: `the output folder '${a.folder}' is in use by another nnc run (${a.owner})`,
    help: `two runs in one folder would mix their files: wait for it to finish, or write elsewhere with --out DIR. If no nnc run is going on, remove ${a.lock}`,
  })),
  NNC5014: error<{ url: string; reason: string }>((a) => ({
    message: `cannot load the web model '${a.url}': ${a.reason}`,
    help: 'nnc build FILE --target web -o DIR writes one; serve DIR over http (nnc serve DIR): a page opened as a file:// cannot fetch it',
  })),
  NNC5008: error<{ model: string; detail: string }>((a) => ({
    message: `the data does not fit model '${a.model}': ${a.detail}`,
    help: 'give one row of features per sample, as many as the model has inputs, and labels as its loss expects',
  })),

  NNC5030: error<{ model: string; layer: string }>((a) => ({
    message: `layer '${a.layer}' (TextVectorization) of model '${a.model}' has no vocabulary yet: it adapts to the training data of the first fit`,
    help: 'fit the model first, load its weights (the vocabulary is saved with them), or give the layer a dataset to adapt to: TextVectorization(..., adapt=DATASET)',
  })),
  NNC5031: error<{ layer: string; tokens: number; rows: number }>((a) => ({
    message: `the vocabulary adapted by '${a.layer}' has ${a.tokens} tokens, more than the ${a.rows} rows of the Embedding after it`,
    help: `give the TextVectorization max_tokens=${a.rows}, or the Embedding input_dim=${a.tokens}`,
  })),

  // ---- NNC6xxx: GPU -----------------------------------------------------------------------
  NNC6001: error<{ reason: string }>((a) => ({
    message: `no WebGPU adapter: ${a.reason}`,
    help: 'use --backend cpu, or --backend auto to fall back to the CPU interpreter',
  })),
  NNC6002: error<{ reason: string }>((a) => ({
    message: `the GPU device was lost: ${a.reason}`,
    help: 'run again, or use --backend cpu',
  })),
  NNC6003: error<{ message: string }>((a) => ({
    message: `the GPU rejected a command: ${a.message}`,
    help: 'this is a bug in nnc; please report it with the .nn file. --backend cpu runs the same plan',
  })),
  NNC6004: error<{ layer: string; limit: string; needed: number; available: number }>((a) => ({
    message: `${a.layer} needs ${a.needed} for ${a.limit}, but this GPU offers ${a.available}`,
    help: 'make the layer smaller or the batch smaller, or use --backend cpu',
  })),
  NNC6005: error<{ what: string; seconds: number }>((a) => ({
    message: `the GPU did not finish ${a.what} within ${a.seconds} s`,
    help: 'the GPU may be hung or far slower than expected; run again, or use --backend cpu',
  })),

  NNC6006: error<{ reason: string }>((a) => ({
    message: `no WebGPU in this page: ${a.reason}`,
    help: "open it in a browser with WebGPU (Chrome or Edge 113 and later, Safari 26, Firefox 141 on Windows), or load with backend: 'auto' to run on the CPU in a Web Worker",
  })),

  // ---- NNC7xxx: command line --------------------------------------------------------------
  NNC7001: error<{ flag: string; suggestion?: string; help?: string }>((a) => ({
    message: `unknown option '${a.flag}'`,
    help: a.help ?? (a.suggestion ? `did you mean '${a.suggestion}'? See nnc --help` : 'see nnc --help'),
  })),
  NNC7002: error<{ what: string }>((a) => ({ message: a.what, help: 'see nnc --help' })),
  NNC7003: error<{ path: string; reason: string }>((a) => ({
    message: `cannot read '${a.path}': ${a.reason}`,
    help: 'check the path of the .nn file',
  })),
  NNC7005: error<{ what: string; help?: string }>((a) => ({
    message: a.what,
    help: a.help ?? 'write --set STATEMENT.ARGUMENT=VALUE, such as --set fit.epochs=5',
  })),
  NNC7004: error<{ name: string; known: string }>((a) => ({
    message: `--data names a dataset '${a.name}' that the program does not declare`,
    help: a.known ? `the program declares: ${a.known}` : 'the program declares no dataset',
  })),
} as const;

export type DiagnosticCode = keyof typeof catalog;
export type CatalogArgs<C extends DiagnosticCode> = Parameters<(typeof catalog)[C]['text']>[0];

