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

  // ---- NNC5xxx: running -------------------------------------------------------------------
  NNC5001: error<{ epoch: number; step: number; steps: number; value: string }>((a) => ({
    message: `the loss became ${a.value} at epoch ${a.epoch}, step ${a.step}/${a.steps}; training stopped`,
    help: 'lower the learning rate, standardize the inputs (Normalization()), or check the data for extreme values',
  })),
  NNC5002: error<{ path: string; reason: string }>((a) => ({
    message: `cannot write '${a.path}': ${a.reason}`,
    help: 'check that the folder exists and is writable, or choose another place with --out DIR',
  })),
  NNC5003: error<{ path: string; reason: string }>((a) => ({
    message: `cannot read weights file '${a.path}': ${a.reason}`,
    help: 'weights files are written by `save MODEL -> "FILE"` or --save-weights, in the safetensors format',
  })),
  NNC5004: error<{ path: string; detail: string }>((a) => ({
    message: `weights file '${a.path}' does not fit this model: ${a.detail}`,
    help: 'load weights saved from a model with the same layers and sizes',
  })),
  NNC5005: error<Record<string, never>>(() => ({
    message: 'interrupted; training stopped and nothing was written',
  })),
  NNC5006: error<{ model: string }>((a) => ({
    message: `model '${a.model}' has no weights yet`,
    help: `compile it (and fit or load weights) before this statement`,
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

  // ---- NNC7xxx: command line --------------------------------------------------------------
  NNC7001: error<{ flag: string; suggestion?: string }>((a) => ({
    message: `unknown option '${a.flag}'`,
    help: a.suggestion ? `did you mean '${a.suggestion}'? See nnc --help` : 'see nnc --help',
  })),
  NNC7002: error<{ what: string }>((a) => ({ message: a.what, help: 'see nnc --help' })),
  NNC7003: error<{ path: string; reason: string }>((a) => ({
    message: `cannot read '${a.path}': ${a.reason}`,
    help: 'check the path of the .nn file',
  })),
  NNC7004: error<{ name: string; known: string }>((a) => ({
    message: `--data names a dataset '${a.name}' that the program does not declare`,
    help: a.known ? `the program declares: ${a.known}` : 'the program declares no dataset',
  })),
} as const;

export type DiagnosticCode = keyof typeof catalog;
export type CatalogArgs<C extends DiagnosticCode> = Parameters<(typeof catalog)[C]['text']>[0];

/** Marks a helper as used: keeps `warning` available for entries added later without a lint complaint. */
export const severities = { error, warning };
