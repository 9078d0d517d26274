// The web runtime in Node: the CPU worker served in-process (messages structured-cloned and
// delivered on a later turn, as a real worker's are), and programs checked for the page's runner.
import { checkSource, readSource } from '../../compiler/frontend.js';
import { renderDiagnostics } from '../../base/diagnostics/render.js';
import { SourceFile } from '../../base/source.js';
import type { FromWorker, ToWorker } from '../../web/protocol.js';
import type { WorkerLike } from '../../web/worker-trainer.js';
import { serveTrainers, type WorkerScope } from '../../web/worker.js';

/** A worker's two ends in this process. `sent` counts the messages to the worker, by kind. */
export function inProcessWorker(): WorkerLike & { sent: Map<string, number>; terminated: boolean } {
  const scope: WorkerScope = {
    onmessage: null,
    postMessage: (message: FromWorker) => setImmediate(() => page.onmessage?.({ data: structuredClone(message) })),
  };
  serveTrainers(scope);
  const page = {
    sent: new Map<string, number>(),
    terminated: false,
    onmessage: null as WorkerLike['onmessage'],
    onerror: null as WorkerLike['onerror'],
    postMessage(message: ToWorker) {
      page.sent.set(message.kind, (page.sent.get(message.kind) ?? 0) + 1);
      const copy = structuredClone(message);
      setImmediate(() => scope.onmessage?.({ data: copy }));
    },
    terminate() {
      page.terminated = true;
    },
  };
  return page;
}

/** A program checked for running, with the datasets it read. */
export function checked(pathOrSource: string | SourceFile, data = new Map<string, string>()) {
  const source = typeof pathOrSource === 'string' ? readSource(pathOrSource) : pathOrSource;
  const result = checkSource(source, { mode: 'run', dataOverrides: data });
  if (!result.program) throw new Error(renderDiagnostics(result.diagnostics));
  return { program: result.program, data: result.data };
}
