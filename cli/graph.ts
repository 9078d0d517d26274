// nnc graph: the IR of a model after any pass, in its one text form.
import { passNames } from '../compiler/driver.js';
import { buildProgram } from '../compiler/build.js';
import { EXIT_OK, fileArgument, loadCheckedProgram, dataOption, setOption, type Command } from './command.js';
import { usage } from './options.js';
import { verifyOption } from './command.js';

export const graphCommand: Command = {
  name: 'graph',
  summary: 'print the computation graph (or, --after a plan pass, the kernel plan) of each model',
  description:
    'Checks FILE and prints the IR of each model (or --model NAME): by default the graph after autodiff and the\n' +
    'optimizer update. --after PASS prints it after that pass instead; the passes, in order: ' +
    passNames().join(', ') +
    '.',
  options: [
    dataOption,
    setOption,
    { name: '--model', value: 'NAME', help: 'only this model' },
    verifyOption,
    { name: '--after', value: 'PASS', help: 'print the IR after this pass (default applyOptimizer)' },
  ],
  positionals: [fileArgument],
  examples: ['nnc graph examples/demo.nn', 'nnc graph examples/demo.nn --after lowerToPlan'],
  async run(args, io) {
    const after = args.options.get('--after')?.at(-1) ?? 'applyOptimizer';
    if (!passNames().includes(after)) return usage(io, `--after takes a pass name: ${passNames().join(', ')}`);
    const checked = loadCheckedProgram(args, io);
    if (typeof checked === 'number') return checked;
    const { program, source } = checked;
    const model = args.options.get('--model')?.at(-1);
    if (model && !program.models.some((m) => m.name === model)) return usage(io, `the program has no model '${model}'`);
    const texts: string[] = [];
    buildProgram(program, {
      ...(model ? { model } : {}),
      verify: args.options.has('--verify'),
      dump: (pass, text) => {
        if (pass === after) texts.push(text);
      },
    });
    io.stdout(texts.join('\n'));
    if (args.options.has('--verify')) io.stderr('verified: the IR is well formed after every pass\n');
    return EXIT_OK;
  },
};
