// What every nnc command shares: the Command shape, output, exit codes, the --data option and
// FILE argument, and reading + checking the program. Kept apart from main.ts so that command
// modules can import it while main.ts imports them (no import cycle at start-up).
import { renderDiagnostics, type SourceLookup } from '../base/diagnostics/render.js';
import type { Diagnostic } from '../base/diagnostics/diagnostic.js';
import { checkSource, readSource, SourceReadError, type CheckResult } from '../compiler/frontend.js';
import type { Program } from '../compiler/program.js';
import type { SourceFile } from '../base/source.js';
import { sourceForPath } from '../base/data/dataset.js';
import { parseDataOverrides, type OptionSpec, type ParsedArgs, type PositionalSpec } from './args.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (progress bars redraw only there). Absent: not a terminal. */
  isTTY?(): boolean;
}

export interface Command {
  name: string;
  /** One line for `nnc --help`. */
  summary: string;
  /** A paragraph for `nnc COMMAND --help`. */
  description: string;
  options: OptionSpec[];
  positionals: PositionalSpec[];
  /** Command lines shown under `Examples:` in the command's help. */
  examples?: string[];
  run(args: ParsedArgs, io: Io): Promise<number>;
}

/** Exit codes (docs/cli.md): */
export const EXIT_OK = 0;
/** Errors in the program or its data, found before anything runs. */
export const EXIT_ERRORS = 1;
/** Usage: an unknown command or option, a bad option value, a .nn file that cannot be read. */
export const EXIT_USAGE = 2;
/** While running: a file that cannot be written, weights that do not fit, the loss became NaN, the GPU. */
export const EXIT_RUNTIME = 3;
/** A bug in nnc (an unexpected exception). */
export const EXIT_INTERNAL = 70;
/** Interrupted (Ctrl-C), as shells report SIGINT: 128 + 2. */
export const EXIT_INTERRUPTED = 130;

/** Set when stdout fails (its reader went away: `nnc run x.nn | head`): further output is dropped, not a crash. */
let stdoutClosed = false;
let stdoutWatched = false;

function writeStdout(text: string): void {
  if (!stdoutWatched) {
    stdoutWatched = true;
    process.stdout.on('error', () => {
      stdoutClosed = true;
    });
  }
  if (!stdoutClosed) process.stdout.write(text);
}

export const processIo: Io = {
  stdout: writeStdout,
  stderr: (text) => process.stderr.write(text),
  isTTY: () => process.stdout.isTTY === true,
};

// ---- shared by the commands -------------------------------------------------------------------

export const dataOption: OptionSpec = {
  name: '--data',
  value: 'NAME=PATH',
  repeatable: true,
  help: 'read dataset NAME from PATH instead of the file the program names (repeatable)',
};

/** `--verify`: the graph and plan verifiers after every pass (a problem is an internal error). */
export const verifyOption: OptionSpec = { name: '--verify', help: 'check the IR after every pass (shapes, views, definitions, races)' };

export const setOption: OptionSpec = {
  name: '--set',
  value: 'STATEMENT.ARG=VALUE',
  repeatable: true,
  help: "change an argument of the program's statements, checked as if written there: fit.epochs=5, compile.optimizer='Adam(learning_rate=0.01)', fit.MODEL.batch_size=64 (repeatable)",
};

export const fileArgument: PositionalSpec = { name: 'FILE', required: true, help: 'the .nn program' };

/** Exit code for a list of diagnostics: usage errors (NNC7xxx) 2, other errors 1, else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): number {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return EXIT_OK;
  return errors.some((d) => d.code.startsWith('NNC7')) ? EXIT_USAGE : EXIT_ERRORS;
}

/** Prints diagnostics to stderr, showing the lines they point at (in the program or a data file). */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], source: SourceFile | null): void {
  if (diagnostics.length === 0) return;
  const lookup: SourceLookup = (path) => (source && path === source.path ? source : sourceForPath(path));
  io.stderr(`${renderDiagnostics(diagnostics, lookup)}\n`);
}

/**
 * Reads and checks the program named by a command's FILE and --data arguments. Returns the check
 * result, or the exit code when it could not get that far (the diagnostics are printed).
 */
export function loadProgram(args: ParsedArgs, io: Io, mode: 'check' | 'run'): { result: CheckResult; source: SourceFile } | number {
  const data = parseDataOverrides(args.options.get('--data') ?? []);
  if (data.diagnostics.length > 0) {
    printDiagnostics(io, data.diagnostics, null);
    return EXIT_USAGE;
  }
  let source: SourceFile;
  try {
    source = readSource(args.positionals[0]!);
  } catch (err) {
    if (!(err instanceof SourceReadError)) throw err;
    printDiagnostics(io, err.diagnostics, err.source);
    return exitCodeFor(err.diagnostics);
  }
  // Models --load-weights gives weights to may predict without being compiled.
  const loadedModels = new Set((args.options.get('--load-weights') ?? []).map((v) => (v.includes('=') ? v.slice(0, v.indexOf('=')) : '*')));
  const result = checkSource(source, { mode, dataOverrides: data.overrides, loadedModels, set: args.options.get('--set') ?? [] });
  return { result, source };
}

/**
 * loadProgram, then the diagnostics printed and the checked program returned, or the exit code
 * when it has errors (the common start of check-only commands: summary, graph, build).
 */
export function loadCheckedProgram(args: ParsedArgs, io: Io): { program: Program; source: SourceFile } | number {
  const loaded = loadProgram(args, io, 'check');
  if (typeof loaded === 'number') return loaded;
  const { result, source } = loaded;
  printDiagnostics(io, result.diagnostics, source);
  const code = exitCodeFor(result.diagnostics);
  if (code !== EXIT_OK) return code;
  if (!result.program) {
    io.stderr(`${source.path}: the models' sizes depend on data that was not read; pass --data NAME=PATH\n`);
    return EXIT_ERRORS;
  }
  return { program: result.program, source };
}
