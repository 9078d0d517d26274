// nnc build: compile each model to WGSL; --report tells what was fused and how it is dispatched,
// -o DIR writes every shader and a manifest.
import { buildProgram } from '../compiler/build.js';
import { formatBuildReport } from '../compiler/wgsl/report.js';
import { NncError } from '../base/diagnostics/diagnostic.js';
import { writeBuildOutput } from '../runtime/io/build-output.js';
import { EXIT_OK, EXIT_RUNTIME, fileArgument, loadCheckedProgram, printDiagnostics, dataOption, setOption, type Command } from './command.js';
import { usage } from './options.js';
import { verifyOption } from './command.js';

export const buildCommand: Command = {
  name: 'build',
  summary: 'compile each model to WGSL compute shaders; --report shows the kernels, -o DIR writes them',
  description:
    'Checks FILE and compiles every model (or --model NAME) through the graph, the kernel plan and the fusion\n' +
    'passes to WGSL. --report prints, per step kind, the kernels with what was fused into each and the .nn lines\n' +
    'they come from, and the dispatches per step. -o DIR writes each shader as a .wgsl file and a manifest.json.',
  options: [
    dataOption,
    setOption,
    { name: '--model', value: 'NAME', help: 'only this model' },
    verifyOption,
    { name: '--report', help: 'print the kernels of each step kind and how they are dispatched' },
    { name: '--out', short: '-o', value: 'DIR', help: 'write the shaders and manifest.json into DIR/MODEL/' },
  ],
  positionals: [fileArgument],
  examples: ['nnc build examples/demo.nn --report', 'nnc build examples/demo.nn -o shaders'],
  async run(args, io) {
    const checked = loadCheckedProgram(args, io);
    if (typeof checked === 'number') return checked;
    const { program, source } = checked;
    const model = args.options.get('--model')?.at(-1);
    if (model && !program.models.some((m) => m.name === model)) return usage(io, `the program has no model '${model}'`);
    const builds = buildProgram(program, { ...(model ? { model } : {}), verify: args.options.has('--verify') });
    if (args.options.has('--verify')) io.stderr('verified: the IR is well formed after every pass\n');
    const out = args.options.get('--out')?.at(-1);
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
