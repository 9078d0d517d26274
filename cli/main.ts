// The nnc command: a table of commands, each a thin layer over the library. Exit codes (cli/command.ts,
// docs/cli.md): 0 ok (warnings allowed), 1 errors in the program or its data, 2 usage errors, 3 errors
// while running, 70 an internal error (a bug), 130 interrupted (Ctrl-C).
import { version } from '../index.js';
import { diagnostic } from '../base/diagnostics/diagnostic.js';
import { formatSummary } from '../compiler/summary.js';
import { suggest } from '../base/suggest.js';
import { formatOptions, parseArgs } from './args.js';
import { buildCommand } from './build.js';
import { graphCommand } from './graph.js';
import { playgroundCommand, serveCommand } from './playground.js';
import { runCommand } from './run.js';
import { EXIT_ERRORS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, dataOption, setOption, exitCodeFor, fileArgument, loadCheckedProgram, loadProgram, printDiagnostics, processIo, type Command, type Io } from './command.js';

// Command modules import these from here or from ./command.js (the same bindings).
export * from './command.js';

function countWord(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// ---- commands ---------------------------------------------------------------------------------

const checkCommand: Command = {
  name: 'check',
  summary: 'check a program (names, arguments, shapes, the data against the model) without running it',
  description:
    'Checks FILE before anything runs: syntax, names, arguments, the shapes through every model, and the data\n' +
    'against the models (data files are read). A data file that is not found is a warning: pass --data NAME=PATH.',
  options: [dataOption, setOption],
  positionals: [fileArgument],
  examples: ['nnc check examples/pima.nn --data pima=../shared/datasets/pima-indians-diabetes.csv', 'nnc check examples/demo.nn --set fit.epochs=0'],
  async run(args, io) {
    const loaded = loadProgram(args, io, 'check');
    if (typeof loaded === 'number') return loaded;
    const { result, source } = loaded;
    printDiagnostics(io, result.diagnostics, source);
    const code = exitCodeFor(result.diagnostics);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.length - errors;
    if (code === EXIT_OK) io.stdout(`${source.path}: ok${warnings > 0 ? ` (${countWord(warnings, 'warning')})` : ''}\n`);
    else io.stderr(`${source.path}: ${countWord(errors, 'error')}${warnings > 0 ? `, ${countWord(warnings, 'warning')}` : ''}\n`);
    return code;
  },
};

const summaryCommand: Command = {
  name: 'summary',
  summary: "print each model's layers, output shapes and parameter counts, as Keras' model.summary()",
  description: "Checks FILE, then prints a table for each model, as Keras 3's model.summary() does.",
  options: [dataOption, setOption],
  positionals: [fileArgument],
  examples: ['nnc summary examples/demo.nn'],
  async run(args, io) {
    const checked = loadCheckedProgram(args, io);
    if (typeof checked === 'number') return checked;
    const { program } = checked;
    io.stdout(program.models.map(formatSummary).join('\n'));
    return EXIT_OK;
  },
};

/** The commands, in the order `nnc --help` lists them. More plug in with registerCommand. */
export const commands: Command[] = [runCommand, checkCommand, summaryCommand, graphCommand, buildCommand, playgroundCommand, serveCommand];

export function registerCommand(command: Command): void {
  const existing = commands.findIndex((c) => c.name === command.name);
  if (existing >= 0) commands[existing] = command;
  else commands.push(command);
}

// ---- help ---------------------------------------------------------------------------------------

function globalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `nnc ${version}: a compiler and runtime for .nn files (the five Keras steps: define, compile, fit, evaluate, predict)`,
    '',
    'Usage: nnc COMMAND [OPTIONS] FILE',
    '       nnc FILE.nn [OPTIONS]        (the same as nnc run FILE.nn)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help; nnc COMMAND --help shows a command\'s options',
    '  -V, --version  print the version',
    '',
    'Exit codes: 0 ok, 1 errors in the program or its data, 2 usage errors, 3 errors while running (files,',
    'weights, training), 70 internal error (a bug in nnc), 130 interrupted (Ctrl-C).',
    '',
    'Try: nnc examples/demo.nn (offline: it trains on data nnc makes itself); change its arguments with',
    '--set, as in nnc examples/demo.nn --set fit.epochs=5. See docs/cli.md.',
    '',
  ].join('\n');
}

function commandHelp(c: Command): string {
  const usage = [`nnc ${c.name}`, ...c.positionals.map((p) => (p.required ? p.name : `[${p.name}]`)), ...c.options.map((o) => `[${o.name}${o.value ? ` ${o.value}` : ''}]${o.repeatable ? '...' : ''}`)];
  const examples = c.examples?.length ? ['', 'Examples:', ...c.examples.map((e) => `  ${e}`)] : [];
  return [`Usage: ${usage.join(' ')}`, '', c.description, '', 'Options:', ...formatOptions(c.options), ...examples, ''].join('\n');
}

// ---- entry ----------------------------------------------------------------------------------------

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const first = argv[0];
    if (first === undefined) {
      io.stderr(globalHelp());
      return EXIT_USAGE;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      const topic = first === 'help' ? commands.find((c) => c.name === argv[1]) : undefined;
      io.stdout(topic ? commandHelp(topic) : globalHelp());
      return EXIT_OK;
    }
    if (first === '--version' || first === '-V') {
      io.stdout(`nnc ${version}\n`);
      return EXIT_OK;
    }
    // `nnc FILE.nn ...` runs it, as `python train.py` would.
    if (!commands.some((c) => c.name === first) && first.endsWith('.nn')) return await main(['run', ...argv], io);
    const command = commands.find((c) => c.name === first);
    if (!command) {
      const names = commands.map((c) => c.name);
      if (first.startsWith('-')) {
        const suggestion = suggest(first, ['--help', '--version']);
        printDiagnostics(io, [diagnostic('NNC7001', undefined, suggestion ? { flag: first, suggestion } : { flag: first })], null);
      } else {
        const suggestion = suggest(first, names);
        const what = `unknown command '${first}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; the commands are: ${names.join(', ')}`;
        printDiagnostics(io, [diagnostic('NNC7002', undefined, { what })], null);
      }
      return EXIT_USAGE;
    }
    const parsed = parseArgs(argv.slice(1), command.options, command.positionals, command.name);
    if (parsed.args.options.has('--help')) {
      io.stdout(commandHelp(command));
      return EXIT_OK;
    }
    if (parsed.diagnostics.length > 0) {
      printDiagnostics(io, parsed.diagnostics, null);
      return EXIT_USAGE;
    }
    return await command.run(parsed.args, io);
  } catch (err) {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    io.stderr(`nnc: internal error (this is a bug in nnc; please report it with the .nn file)\n${detail}\n`);
    return EXIT_INTERNAL;
  }
}
