// nnc build: compile each model to WGSL; --report tells what was fused and how it is dispatched,
// -o DIR writes every shader and a manifest; --target web -o DIR writes a folder a web page runs the
// models from (web/node/build-web.ts).
import { buildProgram } from '../compiler/build.js';
import { formatBuildReport } from '../compiler/wgsl/report.js';
import { NncError } from '../base/diagnostics/diagnostic.js';
import { writeBuildOutput } from '../runtime/io/build-output.js';
import { writeWebBuild } from '../web/node/build-web.js';
import { weightPaths } from './run.js';
import { EXIT_OK, EXIT_RUNTIME, EXIT_USAGE, fileArgument, loadCheckedProgram, printDiagnostics, dataOption, setOption, type Command } from './command.js';
import { usage } from './options.js';
import { verifyOption } from './command.js';

export const buildCommand: Command = {
  name: 'build',
  summary: 'compile each model to WGSL compute shaders; --report shows the kernels, -o DIR writes them',
  description:
    'Checks FILE and compiles every model (or --model NAME) through the graph, the kernel plan and the fusion\n' +
    'passes to WGSL. --report prints, per step kind, the kernels with what was fused into each and the .nn lines\n' +
    'they come from, and the dispatches per step. -o DIR writes each shader as a .wgsl file and a manifest.json.\n' +
    '--target web -o DIR writes a folder a web page loads the models from, with no build step (docs/web.md):\n' +
    'the runtime (nnc.js and its CPU worker), manifest.json, the shaders for WebGPU\'s default limits, each\n' +
    "model's weights (--load-weights, else the file the program loads or saves, found under nnc-out/ where\n" +
    'nnc run wrote it; without one the page starts from the seed\'s initial weights) and index.html, a page\n' +
    'that predicts with them. Serve DIR over http (nnc serve DIR) and open it.',
  options: [
    dataOption,
    setOption,
    { name: '--model', value: 'NAME', help: 'only this model' },
    verifyOption,
    { name: '--report', help: 'print the kernels of each step kind and how they are dispatched' },
    { name: '--out', short: '-o', value: 'DIR', help: 'write the shaders and manifest.json into DIR/MODEL/ (--target web: the web build into DIR)' },
    { name: '--target', value: 'wgsl|web', help: 'wgsl: the shaders alone (default); web: a folder a web page runs the models from' },
    { name: '--load-weights', value: '[MODEL=]PATH', repeatable: true, help: "--target web: ship these weights (safetensors) with MODEL" },
    { name: '--seed', value: 'N', help: '--target web: the seed of the initial weights, shuffling and dropout in the page (default 0)' },
  ],
  positionals: [fileArgument],
  examples: ['nnc build examples/demo.nn --report', 'nnc build examples/demo.nn -o shaders', 'nnc build examples/pima.nn --target web -o web-pima --load-weights diabetes.safetensors'],
  async run(args, io) {
    const checked = loadCheckedProgram(args, io);
    if (typeof checked === 'number') return checked;
    const { program, source } = checked;
    const model = args.options.get('--model')?.at(-1);
    if (model && !program.models.some((m) => m.name === model)) return usage(io, `the program has no model '${model}'`);
    const out = args.options.get('--out')?.at(-1);
    const target = args.options.get('--target')?.at(-1) ?? 'wgsl';
    if (target !== 'wgsl' && target !== 'web') return usage(io, `--target must be wgsl or web, not '${target}'`);
    if (target === 'web') {
      if (!out) return usage(io, '--target web needs -o DIR: the folder to write');
      const seedText = args.options.get('--seed')?.at(-1);
      const seed = seedText === undefined ? 0 : Number(seedText);
      if (seedText?.trim() === '' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return usage(io, `--seed must be a whole number from 0 to 4294967295, not '${seedText}'`);
      const loads = weightPaths(program, args.options.get('--load-weights') ?? [], '--load-weights');
      if (loads.diagnostics.length > 0) {
        printDiagnostics(io, loads.diagnostics, null);
        return EXIT_USAGE;
      }
      for (const [name] of loads.map) {
        if (!program.models.some((m) => m.name === name)) return usage(io, `the program has no model '${name}' (it has: ${program.models.map((m) => m.name).join(', ')})`);
      }
      try {
        const built = await writeWebBuild(out, program, { ...(model ? { model } : {}), loadWeights: loads.map, seed });
        for (const m of built.models) {
          const weights = m.weights ? `weights from ${m.weights}` : "no weights: the page starts from the seed's initial weights (ship trained ones with --load-weights)";
          io.stdout(`model ${m.name}: ${m.shaders} shader${m.shaders === 1 ? '' : 's'}, ${weights}\n`);
        }
        io.stdout(`web build written to ${out} (${built.files.length} files); serve it with: nnc serve ${out}\n`);
      } catch (err) {
        if (!(err instanceof NncError)) throw err;
        printDiagnostics(io, err.diagnostics, source);
        return EXIT_RUNTIME;
      }
      return EXIT_OK;
    }
    const builds = buildProgram(program, { ...(model ? { model } : {}), verify: args.options.has('--verify') });
    if (args.options.has('--verify')) io.stderr('verified: the IR is well formed after every pass\n');
    if (args.options.has('--report') || !out) io.stdout(builds.map(formatBuildReport).join('\n'));
    if (out) {
      try {
        for (const b of builds) io.stdout(`wrote ${writeBuildOutput(out, b)}\n`);
      } catch (err) {
        if (!(err instanceof NncError)) throw err;
        printDiagnostics(io, err.diagnostics, source);
        return EXIT_RUNTIME;
      }
    }
    return EXIT_OK;
  },
};
