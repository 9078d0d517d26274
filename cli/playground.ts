// nnc playground and nnc serve: a local web server for the playground (web/playground/) and for a
// web build (nnc build --target web). Both print the URL and serve until Ctrl-C.
import { existsSync, statSync } from 'node:fs';
import { NncError } from '../base/diagnostics/diagnostic.js';
import { programFiles, startPlayground, type PlaygroundOptions } from '../web/node/playground.js';
import { serve, type Served } from '../web/node/serve.js';
import { dataOption, EXIT_OK, EXIT_RUNTIME, exitCodeFor, loadProgram, printDiagnostics, type Command, type Io } from './command.js';
import { usage } from './options.js';

const portOption = { name: '--port', value: 'N', help: 'the port on 127.0.0.1 (default: any free one)' };

function parsePort(text: string | undefined, io: Io): number | null | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    usage(io, `--port must be a whole number from 0 to 65535, not '${text}'`);
    return null;
  }
  return port;
}

/** Serves until SIGINT or SIGTERM, then closes the server. */
async function untilStopped(served: Served): Promise<number> {
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await served.close();
  return EXIT_OK;
}

/** A port in use (EADDRINUSE) or refused: one line, exit 3. */
function listenFailed(io: Io, err: unknown, port: number | undefined): number {
  const code = (err as { code?: string }).code;
  io.stderr(`nnc: cannot serve on 127.0.0.1:${port ?? 0}: ${code === 'EADDRINUSE' ? 'the port is in use; give another with --port, or --port 0 for any free one' : err instanceof Error ? err.message : String(err)}\n`);
  return EXIT_RUNTIME;
}

export const playgroundCommand: Command = {
  name: 'playground',
  summary: 'serve the playground on 127.0.0.1: write a program, see its diagnostics, train it in the browser',
  description:
    'Serves the playground (docs/web.md) on 127.0.0.1 and prints its URL: an editor with the compiler\'s\n' +
    'diagnostics as you type, the model summary, data (builtin, or a CSV dropped on the page), Train and Stop\n' +
    'with a live chart of the loss and metrics, evaluate and predict, and downloads of the weights and\n' +
    'predictions. It runs on the page\'s WebGPU device, or on the CPU in a Web Worker. With FILE it opens\n' +
    'with that program and the data files it reads (beside it, or --data NAME=PATH). Ctrl-C stops the server.',
  options: [dataOption, portOption],
  positionals: [{ name: 'FILE', required: false, help: 'a .nn program to open with (default: the examples)' }],
  examples: ['nnc playground', 'nnc playground examples/pima.nn --data pima=../shared/datasets/pima-indians-diabetes.csv'],
  async run(args, io) {
    const port = parsePort(args.options.get('--port')?.at(-1), io);
    if (port === null) return 2;
    let program: PlaygroundOptions['program'];
    if (args.positionals[0] !== undefined) {
      const loaded = loadProgram(args, io, 'check');
      if (typeof loaded === 'number') return loaded;
      // the page shows the program's diagnostics itself; here only what stops it from opening
      if (exitCodeFor(loaded.result.diagnostics.filter((d) => d.code.startsWith('NNC7'))) !== EXIT_OK) {
        printDiagnostics(io, loaded.result.diagnostics, loaded.source);
        return exitCodeFor(loaded.result.diagnostics);
      }
      program = { source: loaded.source, checked: loaded.result.program, files: loaded.result.program ? programFiles(loaded.result.program) : [] };
    }
    let served: Served;
    try {
      served = await startPlayground({ ...(program ? { program } : {}), ...(port !== undefined ? { port } : {}) });
    } catch (err) {
      if (err instanceof NncError) {
        printDiagnostics(io, err.diagnostics, null);
        return EXIT_RUNTIME;
      }
      return listenFailed(io, err, port);
    }
    io.stdout(`nnc playground: ${served.url}\n(open it in a browser with WebGPU; Ctrl-C stops the server)\n`);
    return untilStopped(served);
  },
};

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve a web build (nnc build --target web -o DIR) on 127.0.0.1',
  description:
    'Serves the folder DIR on 127.0.0.1 and prints its URL: a web build (nnc build FILE --target web -o DIR)\n' +
    'opens at its index.html, a page that predicts with its models. Pages need http: opened as file:// they\n' +
    'cannot load their modules. Ctrl-C stops the server.',
  options: [portOption],
  positionals: [{ name: 'DIR', required: true, help: 'the folder to serve' }],
  examples: ['nnc serve web-pima'],
  async run(args, io) {
    const port = parsePort(args.options.get('--port')?.at(-1), io);
    if (port === null) return 2;
    const dir = args.positionals[0]!;
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return usage(io, `'${dir}' is not a folder: give the folder nnc build --target web -o wrote`);
    let served: Served;
    try {
      served = await serve({ root: dir, ...(port !== undefined ? { port } : {}) });
    } catch (err) {
      return listenFailed(io, err, port);
    }
    io.stdout(`nnc serve: ${served.url} (${dir}; Ctrl-C stops the server)\n`);
    return untilStopped(served);
  },
};
