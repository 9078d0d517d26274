// nnc run: check the program, pick a backend, run every statement.
import { NncError } from '../compiler/diagnostics/diagnostic.js';
import { closeBackend, selectBackend, type BackendChoice } from '../runtime/backend.js';
import { runProgram } from '../runtime/run-program.js';
import type { Verbosity } from '../runtime/progress.js';
import { parseModelPaths } from './args.js';
import { dataOption, EXIT_ERRORS, EXIT_OK, EXIT_USAGE, exitCodeFor, fileArgument, loadProgram, printDiagnostics, type Command } from './command.js';
import { usage } from './options.js';

export const EXIT_RUNTIME = 3;
export const EXIT_INTERRUPTED = 130;

export const backendOption = { name: '--backend', value: 'auto|webgpu|cpu', help: 'where the plan runs: a GPU through WebGPU, else the CPU interpreter (default auto)' };

export const runCommand: Command = {
  name: 'run',
  summary: 'run every statement: compile, fit, evaluate, predict, save, load, summary',
  description:
    'Checks FILE, then runs its statements in order on the chosen backend. Everything written (predictions,\n' +
    'evaluations, weights, each fit\'s history as JSON and an SVG chart) goes under --out DIR (default nnc-out).',
  options: [
    dataOption,
    backendOption,
    { name: '--seed', value: 'N', help: 'the program seed: initial weights, and shuffling and dropout of fits without seed= (default 0)' },
    { name: '--verbose', value: '0|1|2', help: "progress output for every statement: 0 none, 1 a bar (one line per epoch when not a terminal), 2 one line per epoch" },
    { name: '--out', value: 'DIR', help: 'folder for everything written (default nnc-out)' },
    { name: '--load-weights', value: 'MODEL=PATH', repeatable: true, help: "load MODEL's weights (safetensors) after its first compile" },
    { name: '--save-weights', value: 'MODEL=PATH', repeatable: true, help: "save MODEL's weights (safetensors) after the program ran" },
  ],
  positionals: [fileArgument],
  async run(args, io) {
    const backendChoice = (args.options.get('--backend')?.at(-1) ?? 'auto') as BackendChoice;
    if (!['auto', 'webgpu', 'cpu'].includes(backendChoice)) return usage(io, `--backend must be auto, webgpu or cpu, not '${backendChoice}'`);
    const seedText = args.options.get('--seed')?.at(-1);
    const seed = seedText === undefined ? 0 : Number(seedText);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return usage(io, `--seed must be a whole number from 0 to 4294967295, not '${seedText}'`);
    const verboseText = args.options.get('--verbose')?.at(-1);
    if (verboseText !== undefined && !['0', '1', '2'].includes(verboseText)) return usage(io, `--verbose must be 0, 1 or 2, not '${verboseText}'`);
    const loads = parseModelPaths(args.options.get('--load-weights') ?? [], '--load-weights');
    const saves = parseModelPaths(args.options.get('--save-weights') ?? [], '--save-weights');
    if (loads.diagnostics.length + saves.diagnostics.length > 0) {
      printDiagnostics(io, [...loads.diagnostics, ...saves.diagnostics], null);
      return EXIT_USAGE;
    }

    const loaded = loadProgram(args, io, 'run');
    if (typeof loaded === 'number') return loaded;
    const { result, source } = loaded;
    printDiagnostics(io, result.diagnostics, source);
    const code = exitCodeFor(result.diagnostics);
    if (code !== EXIT_OK || !result.program) return code === EXIT_OK ? EXIT_ERRORS : code;
    const program = result.program;
    for (const [name] of [...loads.map, ...saves.map]) {
      if (!program.models.some((m) => m.name === name)) return usage(io, `the program has no model '${name}' (it has: ${program.models.map((m) => m.name).join(', ')})`);
    }

    const abort = new AbortController();
    const onSignal = () => abort.abort();
    process.once('SIGINT', onSignal);
    let backend: Awaited<ReturnType<typeof selectBackend>> | null = null;
    try {
      backend = await selectBackend(backendChoice);
      io.stdout(`backend: ${backend.description}\n`);
      await runProgram(program, {
        backend,
        seed,
        verbose: verboseText === undefined ? null : (Number(verboseText) as Verbosity),
        outDir: args.options.get('--out')?.at(-1) ?? 'nnc-out',
        data: result.data,
        stdout: { write: (t) => io.stdout(t), isTTY: io.isTTY?.() ?? false },
        signal: abort.signal,
        loadWeights: loads.map,
        saveWeights: saves.map,
      });
      return EXIT_OK;
    } catch (err) {
      if (!(err instanceof NncError)) throw err;
      printDiagnostics(io, err.diagnostics, source);
      return err.diagnostics.some((d) => d.code === 'NNC5005') ? EXIT_INTERRUPTED : err.diagnostics.some((d) => d.code.startsWith('NNC7')) ? EXIT_USAGE : EXIT_RUNTIME;
    } finally {
      process.removeListener('SIGINT', onSignal);
      if (backend) closeBackend(backend);
    }
  },
};
