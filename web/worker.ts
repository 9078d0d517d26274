// The CPU worker: where a page without WebGPU runs the CPU interpreter, so that training never
// freezes the page. It holds the sessions (one per model) and the tables the page sent, and answers
// the page's calls (protocol.ts); fit reports each epoch and waits for the page's word on stopping.
// worker-main.ts starts it in a Web Worker (bundled as nnc-worker.js); tests serve it in-process.
import type { Table } from '../base/data/dataset.js';
import { CpuExecutor } from '../runtime/cpu/executor.js';
import { sendError, type Call, type FromWorker, type TableRef, type ToWorker } from './protocol.js';
import { LocalTrainer } from './trainer.js';

export interface WorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

/** Answers the page's messages arriving at `scope` (a worker's global scope). */
export function serveTrainers(scope: WorkerScope): void {
  const sessions = new Map<number, LocalTrainer>();
  /** Sessions that could not be made: the error, for their first call. */
  const failed = new Map<number, unknown>();
  const tables = new Map<number, Table>();
  const aborts = new Map<number, AbortController>();
  const epochReplies = new Map<number, (stop: boolean) => void>();

  function table(ref: TableRef): Table {
    if (ref.table) tables.set(ref.id, ref.table);
    const t = tables.get(ref.id);
    if (!t) throw new Error(`nnc worker: table ${ref.id} was never sent`);
    return t;
  }

  async function run(id: number, trainer: LocalTrainer, call: Call): Promise<unknown> {
    const signal = () => {
      const controller = new AbortController();
      aborts.set(id, controller);
      return controller.signal;
    };
    switch (call.method) {
      case 'initialize':
        return trainer.initialize(call.seed);
      case 'adaptNormalization':
        return trainer.adaptNormalization(call.layer, table(call.table), call.rows);
      case 'fit': {
        const o = call.options;
        return trainer.fit(table(call.table), {
          ...o,
          validationData: o.validationData ? table(o.validationData) : null,
          signal: signal(),
          ...(call.reportEpochs
            ? {
                onEpochEnd: (epoch, logs, seconds) =>
                  new Promise<boolean>((resolve) => {
                    epochReplies.set(id, resolve);
                    scope.postMessage({ kind: 'epoch', id, epoch, logs: { ...logs }, seconds });
                  }),
              }
            : {}),
        });
      }
      case 'evaluate':
        return trainer.evaluate(table(call.table), call.batchSize, signal());
      case 'predict':
        return trainer.predict(table(call.table), call.batchSize, signal());
      case 'namedTensors':
        return trainer.namedTensors();
      case 'setWeights':
        return trainer.setWeights(call.values);
      case 'classNames':
        return trainer.classNames();
      case 'setClassNames':
        return trainer.setClassNames(call.names);
      case 'dispose':
        trainer.dispose();
        return undefined;
    }
  }

  scope.onmessage = (event) => {
    const message = event.data;
    switch (message.kind) {
      case 'create':
        try {
          sessions.set(message.session, new LocalTrainer(message.spec, new CpuExecutor(message.spec.plan), 'cpu (Web Worker)'));
        } catch (e) {
          failed.set(message.session, e);
        }
        return;
      case 'abort':
        aborts.get(message.id)?.abort();
        return;
      case 'epoch-reply':
        epochReplies.get(message.id)?.(message.stop);
        epochReplies.delete(message.id);
        return;
      case 'call': {
        const { id, session, call } = message;
        // Tables are kept as they arrive, whatever becomes of the call that brought them.
        if ('table' in call) table(call.table);
        if (call.method === 'fit' && call.options.validationData) table(call.options.validationData);
        const trainer = sessions.get(session);
        const work = trainer ? run(id, trainer, call) : Promise.reject(failed.get(session) ?? new Error(`nnc worker: no session ${session}`));
        work.then(
          (value) => {
            if (call.method === 'dispose') sessions.delete(session);
            scope.postMessage({ kind: 'result', id, value });
          },
          (error: unknown) => scope.postMessage({ kind: 'error', id, error: sendError(error) }),
        ).finally(() => aborts.delete(id));
      }
    }
  };
}
