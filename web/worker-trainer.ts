// The page's side of a model trained in the CPU worker (worker.ts): each Trainer call becomes a
// message, its answer a resolved promise. One worker serves every model of a page; tables are sent
// once each. An AbortSignal's abort becomes an 'abort' message (the worker stops at its next chunk
// of steps, NNC5005); onEpochEnd runs here and its answer (stop or not) goes back.
import type { Table } from '../base/data/dataset.js';
import type { NamedTensor } from '../runtime/io/safetensors.js';
import type { History, Logs } from '../runtime/session.js';
import { receiveError, type Call, type FromWorker, type TableRef, type ToWorker } from './protocol.js';
import type { Trainer, TrainerSpec, TrainOptions } from './trainer.js';

/** What the page needs of a Worker (a DOM Worker; a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror?: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onEpochEnd?: TrainOptions['onEpochEnd'];
}

/** One worker and the calls in flight to it. */
export class WorkerHost {
  private calls = 0;
  private sessions = 0;
  private tableIds = new WeakMap<Table, number>();
  private tables = 0;
  private pending = new Map<number, Pending>();
  private broken: Error | null = null;

  constructor(private readonly worker: WorkerLike) {
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => this.fail(new Error(`the CPU worker stopped: ${event.message ?? 'it could not be loaded'}`));
  }

  trainer(spec: TrainerSpec): Trainer {
    const session = ++this.sessions;
    this.worker.postMessage({ kind: 'create', session, spec });
    return new WorkerTrainer(this, session);
  }

  /** The table as the worker knows it: with its data the first time. */
  ref(table: Table): TableRef {
    const known = this.tableIds.get(table);
    if (known !== undefined) return { id: known };
    const id = ++this.tables;
    this.tableIds.set(table, id);
    return { id, table };
  }

  call<T>(session: number, call: Call, extra: { signal?: AbortSignal; onEpochEnd?: TrainOptions['onEpochEnd'] } = {}): Promise<T> {
    if (this.broken) return Promise.reject(this.broken);
    const id = ++this.calls;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => this.worker.postMessage({ kind: 'abort', id });
      extra.signal?.addEventListener('abort', onAbort);
      const done = () => extra.signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (v) => (done(), resolve(v as T)),
        reject: (e) => (done(), reject(e)),
        ...(extra.onEpochEnd ? { onEpochEnd: extra.onEpochEnd } : {}),
      });
      this.worker.postMessage({ kind: 'call', id, session, call });
      if (extra.signal?.aborted) onAbort();
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.fail(new Error('the CPU worker was stopped'));
  }

  private receive(message: FromWorker): void {
    const p = this.pending.get(message.id);
    if (!p) return;
    switch (message.kind) {
      case 'result':
        this.pending.delete(message.id);
        p.resolve(message.value);
        return;
      case 'error':
        this.pending.delete(message.id);
        p.reject(receiveError(message.error));
        return;
      case 'epoch': {
        const reply = (stop: boolean) => this.worker.postMessage({ kind: 'epoch-reply', id: message.id, stop });
        Promise.resolve(p.onEpochEnd?.(message.epoch, message.logs, message.seconds)).then(
          (stop) => reply(stop === true),
          (error: unknown) => {
            // the callback failed: training stops, and the fit rejects with that error
            reply(true);
            this.pending.delete(message.id);
            p.reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }
    }
  }

  private fail(error: Error): void {
    this.broken = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

class WorkerTrainer implements Trainer {
  readonly description = 'cpu (Web Worker)';

  constructor(
    private readonly host: WorkerHost,
    private readonly session: number,
  ) {}

  private call<T>(call: Call, extra?: Parameters<WorkerHost['call']>[2]): Promise<T> {
    return this.host.call<T>(this.session, call, extra);
  }

  initialize(seed: number): Promise<void> {
    return this.call({ method: 'initialize', seed });
  }

  adaptNormalization(layer: string, table: Table, rows?: number): Promise<void> {
    return this.call({ method: 'adaptNormalization', layer, table: this.host.ref(table), ...(rows !== undefined ? { rows } : {}) });
  }

  fit(table: Table, options: TrainOptions): Promise<History> {
    const { onEpochEnd, signal, validationData, ...rest } = options;
    const call: Call = {
      method: 'fit',
      table: this.host.ref(table),
      options: { ...rest, validationData: validationData ? this.host.ref(validationData) : null },
      reportEpochs: onEpochEnd !== undefined,
    };
    return this.call(call, { ...(signal ? { signal } : {}), ...(onEpochEnd ? { onEpochEnd } : {}) });
  }

  evaluate(table: Table, batchSize: number, signal?: AbortSignal): Promise<Logs> {
    return this.call({ method: 'evaluate', table: this.host.ref(table), batchSize }, signal ? { signal } : {});
  }

  predict(table: Table, batchSize: number, signal?: AbortSignal): Promise<Float32Array> {
    return this.call({ method: 'predict', table: this.host.ref(table), batchSize }, signal ? { signal } : {});
  }

  namedTensors(): Promise<NamedTensor[]> {
    return this.call({ method: 'namedTensors' });
  }

  setWeights(values: Map<string, Float32Array>): Promise<void> {
    return this.call({ method: 'setWeights', values });
  }

  classNames(): Promise<string[] | null> {
    return this.call({ method: 'classNames' });
  }

  setClassNames(names: string[] | null): Promise<void> {
    return this.call({ method: 'setClassNames', names });
  }

  dispose(): void {
    void this.call({ method: 'dispose' }).catch(() => undefined);
  }
}
