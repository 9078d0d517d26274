// nnc run: check the program, pick a backend, run every statement.
import { resolve } from 'node:path';
import { NncError, type Diagnostic } from '../base/diagnostics/diagnostic.js';
import type { Program } from '../compiler/program.js';
import { closeBackend, selectBackend, type BackendChoice } from '../runtime/backend.js';
import { programWork } from '../runtime/backend-cost.js';
import { threadsProblem } from '../runtime/cpu/threads.js';
import { checkRunOutputs, displayPath, readWeightsFile, runProgram } from '../runtime/run-program.js';
import { lockOutputFolder, type FolderLock } from '../runtime/io/lock.js';
import type { Verbosity } from '../runtime/progress.js';
import { parseModelPaths } from './args.js';
import { dataOption, setOption, EXIT_ERRORS, EXIT_INTERRUPTED, EXIT_OK, EXIT_RUNTIME, EXIT_USAGE, exitCodeFor, fileArgument, loadProgram, printDiagnostics, type Command } from './command.js';
import { usage } from './options.js';
import { exitCodeForSignal, watchSignals } from './signals.js';

export { EXIT_INTERRUPTED, EXIT_RUNTIME };

export const backendOption = { name: '--backend', value: 'auto|webgpu|cpu', help: 'where the plan runs: a GPU through WebGPU, or the CPU interpreter; auto: the one that will be faster for this program here (--verbose 2 says why; default auto)' };

export const runCommand: Command = {
  name: 'run',
  summary: 'run every statement: compile, fit, evaluate, predict, save, load, summary',
  description:
    'Checks FILE, then runs its statements in order on the chosen backend. Paths: the data a program reads\n' +
    '(csv) is found beside the program; what a run writes and loads again goes under --out DIR (default\n' +
    'nnc-out), where the program\'s paths name files: each fit\'s History as MODEL.history.json and a chart\n' +
    'MODEL.history.svg, evaluations (evaluate ... -> "FILE.json"), predictions as CSV (predict ... ->\n' +
    '"FILE.csv", else MODEL.predictions.csv), weights (save MODEL -> "FILE", load MODEL <- "FILE",\n' +
    'ModelCheckpoint). Each file written is named in one line, "(under --out)" when that rule put it there.\n' +
    'Files appear whole or not at all; Ctrl-C stops at the next few steps and leaves no half-written file.\n' +
    'Command-line paths (--data, --out, --load-weights, --save-weights) are relative to the working\n' +
    'folder; MODEL= may be left out when the program has one model.',
  options: [
    dataOption,
    setOption,
    backendOption,
    { name: '--threads', value: 'N', help: "threads of the CPU interpreter's large matrix products (default: the machine's cores); the results are the same whatever N" },
    { name: '--seed', value: 'N', help: 'the program seed: initial weights, and shuffling and dropout of fits without seed= (default 0)' },
    { name: '--verbose', value: '0|1|2', help: 'progress for every statement: 0 none (files written are still named; --quiet for nothing), 1 a bar (one line per epoch when not a terminal), 2 one line per epoch (default: each statement\'s verbose=, else 1)' },
    { name: '--quiet', short: '-q', help: 'print no progress and no "written to" lines: only errors, warnings and summary tables' },
    { name: '--out', value: 'DIR', help: 'folder for everything written, where the program\'s save, load, predict -> and evaluate -> paths point (default nnc-out)' },
    { name: '--load-weights', value: '[MODEL=]PATH', repeatable: true, help: "load MODEL's weights (safetensors) after its first compile, before it fits, evaluates or predicts" },
    { name: '--save-weights', value: '[MODEL=]PATH', repeatable: true, help: "save MODEL's weights (safetensors) after the program ran" },
    { name: '--allow-nonfinite-weights', help: 'load weights files that hold NaN or infinite values (refused by default)' },
  ],
  positionals: [fileArgument],
  examples: ['nnc run examples/demo.nn', 'nnc run examples/demo.nn --set fit.epochs=5 --set compile.optimizer=\'Adam(learning_rate=0.01)\'', 'nnc run examples/pima.nn --data pima=../shared/datasets/pima-indians-diabetes.csv --out results', 'nnc run examples/demo.nn --backend cpu --seed 7 --verbose 2 --save-weights classifier.safetensors'],
  async run(args, io) {
    const backendChoice = (args.options.get('--backend')?.at(-1) ?? 'auto') as BackendChoice;
    if (!['auto', 'webgpu', 'cpu'].includes(backendChoice)) return usage(io, `--backend must be auto, webgpu or cpu, not '${backendChoice}'`);
    const seedText = args.options.get('--seed')?.at(-1);
    const seed = seedText === undefined ? 0 : Number(seedText);
    if (seedText?.trim() === '' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return usage(io, `--seed must be a whole number from 0 to 4294967295, not '${seedText}'`);
    const threadsText = args.options.get('--threads')?.at(-1);
    const threads = threadsText === undefined ? undefined : threadsText.trim() === '' ? NaN : Number(threadsText);
    const threadsWrong = threads === undefined ? null : threadsProblem(threads, `'${threadsText}'`);
    if (threadsWrong) return usage(io, `--threads ${threadsWrong}`);
    const verboseText = args.options.get('--verbose')?.at(-1);
    if (verboseText !== undefined && !['0', '1', '2'].includes(verboseText)) return usage(io, `--verbose must be 0, 1 or 2, not '${verboseText}'`);
    const quiet = args.options.has('--quiet');
    const verbose = quiet ? 0 : verboseText === undefined ? null : (Number(verboseText) as Verbosity);
    const outDir = args.options.get('--out')?.at(-1) ?? 'nnc-out';
    const allowNonFinite = args.options.has('--allow-nonfinite-weights');
    if (outDir === '') return usage(io, '--out needs a folder');

    const loaded = loadProgram(args, io, 'run');
    if (typeof loaded === 'number') return loaded;
    const { result, source } = loaded;
    printDiagnostics(io, result.diagnostics, source);
    const code = exitCodeFor(result.diagnostics);
    if (code !== EXIT_OK || !result.program) return code === EXIT_OK ? EXIT_ERRORS : code;
    const program = result.program;
    const loads = weightPaths(program, args.options.get('--load-weights') ?? [], '--load-weights');
    const saves = weightPaths(program, args.options.get('--save-weights') ?? [], '--save-weights');
    if (loads.diagnostics.length + saves.diagnostics.length > 0) {
      printDiagnostics(io, [...loads.diagnostics, ...saves.diagnostics], null);
      return EXIT_USAGE;
    }
    for (const [name] of [...loads.map, ...saves.map]) {
      if (!program.models.some((m) => m.name === name)) return usage(io, `the program has no model '${name}' (it has: ${program.models.map((m) => m.name).join(', ')})`);
    }

    // Before the backend starts: a bad --out, a missing folder of an output, an unreadable weights
    // file, another run writing into --out.
    let outputLock: FolderLock;
    try {
      checkRunOutputs(program, { outDir, saveWeights: saves.map, loadWeights: loads.map });
      for (const [, path] of loads.map) readWeightsFile(resolve(path), undefined, undefined, { allowNonFinite });
      outputLock = lockOutputFolder(resolve(outDir), (p) => displayPath(p));
    } catch (err) {
      if (!(err instanceof NncError)) throw err;
      printDiagnostics(io, err.diagnostics, source);
      return EXIT_RUNTIME;
    }

    const signals = watchSignals();
    let backend: Awaited<ReturnType<typeof selectBackend>> | null = null;
    try {
      backend = await selectBackend(backendChoice, { work: programWork(program, result.data), ...(threads === undefined ? {} : { threads }) });
      if (verbose !== 0) io.stdout(`backend: ${backend.description}\n`);
      if (verbose === 2) for (const line of backend.details) io.stdout(`  ${line}\n`);
      await runProgram(program, {
        backend,
        seed,
        verbose,
        quiet,
        outDir,
        data: result.data,
        stdout: { write: (t) => io.stdout(t), isTTY: io.isTTY?.() ?? false },
        signal: signals.signal,
        loadWeights: loads.map,
        saveWeights: saves.map,
        allowNonFiniteWeights: allowNonFinite,
        outputLock,
      });
      return EXIT_OK;
    } catch (err) {
      if (!(err instanceof NncError)) throw err;
      printDiagnostics(io, err.diagnostics, source);
      const received = signals.received();
      return received && err.diagnostics.some((d) => d.code === 'NNC5005') ? exitCodeForSignal(received) : exitCodeForRuntime(err.diagnostics);
    } finally {
      signals.stop();
      outputLock.release();
      if (backend) closeBackend(backend);
    }
  },
};

/** Ctrl-C 130, a usage error found late 2, anything else that stopped the run 3. */
function exitCodeForRuntime(diagnostics: readonly Diagnostic[]): number {
  if (diagnostics.some((d) => d.code === 'NNC5005')) return EXIT_INTERRUPTED;
  if (diagnostics.some((d) => d.code.startsWith('NNC7'))) return EXIT_USAGE;
  return EXIT_RUNTIME;
}

/** --load-weights / --save-weights values: MODEL=PATH, or a bare PATH when the program has one model. */
export function weightPaths(program: Program, values: readonly string[], flag: string): ReturnType<typeof parseModelPaths> {
  const only = program.models.length === 1 ? program.models[0]!.name : null;
  const named = values.map((v) => {
    const eq = v.indexOf('=');
    const isNamed = eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v.slice(0, eq));
    return isNamed || only === null ? v : `${only}=${v}`;
  });
  return parseModelPaths(named, flag);
}

