// The host side of training, the same for every executor: epochs, batches, shuffling, validation,
// reading the epoch sums, TerminateOnNaN. Executors only run the plan's steps.
import { NncError, diagnostic, fail } from '../base/diagnostics/diagnostic.js';
import { splitLeavesBothParts, trainingRows } from '../compiler/validation-split.js';
import type { LabelEncoding } from '../compiler/lower-to-graph.js';
import type { Plan } from '../compiler/plan/ir.js';
import { elementCount, isSymbolic, rowSize } from '../compiler/graph/shape.js';
import type { Metric, Model } from '../compiler/program.js';
import type { Table } from '../base/data/dataset.js';
import type { BoundData, Executor, StepArgs } from './executor.js';
import { initialParameters } from './init.js';
import { permutation, Stream } from '../base/rng.js';
import { finalizeMetric, partKey, stateContents } from '../compiler/metrics.js';
import { streamWindows } from './data-feed.js';
import { nextTask } from './next-task.js';

export type Logs = Record<string, number>;

export interface History {
  /** Epoch numbers, 0-based as Keras' History.epoch. */
  epoch: number[];
  /** One value per epoch per key: loss, metrics, and val_ versions. */
  history: Record<string, number[]>;
  /** What EarlyStopping did (0-based epochs, as `epoch`): where it stopped training, and the best epoch whose weights it restored. */
  earlyStopping?: { stoppedEpoch?: number; restoredEpoch?: number };
}

/** What fit reports as it goes; the CLI prints it Keras-style (runtime/progress.ts). */
export interface FitObserver {
  onTrainBegin?(info: { epochs: number; steps: number; samples: number }): void;
  /** `at`: when the epoch started (ms, on FitOptions.clock); with lookahead this call comes after it did. */
  onEpochBegin?(epoch: number, at: number): void;
  /**
   * After some steps of an epoch ran: `logs` are running means so far (read at most a few times a
   * second); `at` is when those steps were done (ms, on FitOptions.clock), which is earlier than
   * this call: the host shows chunk k once chunk k+1 is on its way.
   */
  onProgress?(epoch: number, step: number, logs: Logs | null, at: number): void;
  /** Returns true to stop training (EarlyStopping). May be async (ModelCheckpoint writes files). */
  onEpochEnd?(epoch: number, logs: Logs, seconds: number): boolean | void | Promise<boolean | void>;
  /**
   * true: onEpochEnd only reports (it never stops training, nor reads or sets the weights), so fit
   * may submit the next epoch before reporting this one and the device need not wait for the host.
   */
  passive?: boolean;
}

export interface FitOptions {
  epochs: number;
  batchSize: number;
  /** Fraction of rows (the last ones, taken before shuffling) held out for validation. */
  validationSplit: number;
  validationData: Table | null;
  shuffle: boolean;
  seed: number;
  observer?: FitObserver;
  /** Steps per executor call; unset: sized by time (see CHUNK_SECONDS). */
  stepsPerCall?: number;
  /** Aborts training (Ctrl-C): fit throws NNC5005 at the next chunk boundary. */
  signal?: AbortSignal;
  /** Milliseconds (default performance.now): when chunks are done, for progress and chunk sizes. */
  clock?: () => number;
}

/** Target wall time of one chunk of steps between host checks. */
const CHUNK_SECONDS = 0.1;

const yieldToEventLoop = nextTask;

/** A compiled model bound to an executor: its weights live in the executor's buffers. */
export class ModelSession {
  /** Optimizer iterations done so far (Keras' optimizer.iterations). */
  iterations = 0;
  /**
   * Epoch shuffles drawn so far: the next epoch's order is shuffle stream number `shuffles`, so a
   * second fit goes on drawing new orders (as Keras' does) instead of repeating the first fit's.
   */
  shuffles = 0;
  /**
   * The class names of string labels, fixed by the first fit: tables with string labels are
   * encoded against them, whatever classes (or order) another file has.
   */
  classNames: string[] | null = null;
  private encoded = new WeakMap<Table, BoundData>();
  private keys = 0;

  constructor(
    readonly model: Model,
    readonly plan: Plan,
    public executor: Executor,
    /** The compiled metrics: how their epoch sums become the logged values (compiler/metrics.ts). */
    readonly metrics: readonly Metric[] = [],
  ) {}

  /**
   * Moves to another executor of the same plan (a GPU whose buffers hold larger batches): every
   * parameter and state value goes with it, so training goes on where it was.
   */
  async moveTo(executor: Executor): Promise<void> {
    for (const b of this.plan.buffers) {
      if ((b.role === 'param' || b.role === 'state') && !isSymbolic(b.shape[0]!)) executor.write(b.id, await this.executor.read(b.id));
    }
    this.executor.dispose();
    this.executor = executor;
    this.encoded = new WeakMap();
  }

  /** Draws initial weights from the seed and resets optimizer state and normalization statistics. */
  initialize(seed: number): void {
    for (const [id, values] of initialParameters(this.plan, seed)) this.executor.write(id, values);
    for (const b of this.plan.buffers) {
      if (b.role === 'state' && !isSymbolic(b.shape[0]!)) {
        const size = elementCount(b.shape, 0);
        this.executor.write(b.id, stateContents(b.name, size) ?? new Float32Array(size).fill(b.fill ?? 0));
      }
    }
    this.iterations = 0;
    this.shuffles = 0;
  }

  /** Sets the mean and variance of every Normalization layer from the first `rows` of `table`'s features. */
  adaptNormalization(layerName: string, table: Table, rows = table.rows): void {
    const mean = this.plan.buffers.find((b) => b.name === `${layerName}/mean`);
    const variance = this.plan.buffers.find((b) => b.name === `${layerName}/variance`);
    if (!mean || !variance) return;
    const stats = table.stream ? streamedMoments(table, rows) : moments(table.features, table.featureDim, rows);
    this.executor.write(mean.id, Float32Array.from(stats.mean));
    this.executor.write(variance.id, Float32Array.from(stats.m2, (v) => v / rows));
  }

  /**
   * Uploads a table's data now (as a fit, evaluate or predict on it would first do), so that a
   * later call does not count the upload: a benchmark's warm-up. Nothing else changes.
   */
  preload(table: Table): void {
    this.executor.bindData(this.bind(table, 0, table.rows));
  }

  async fit(table: Table, options: FitOptions): Promise<History> {
    const { epochs, batchSize, seed, observer } = options;
    // validation_split holds out the last rows, before any shuffling (as Keras does).
    if (!splitLeavesBothParts(table.rows, options.validationSplit)) {
      fail('NNC4015', undefined, { split: options.validationSplit, rows: table.rows, train: trainingRows(table.rows, options.validationSplit) });
    }
    const trainRows = trainingRows(table.rows, options.validationSplit);
    // String labels: the classes of the first data the model is fitted on number them for good.
    if (this.classNames === null && table.stringLabels && table.classes) this.classNames = table.classes;
    // A table in memory is bound once; a streamed one a window at a time (segments, below).
    const train = table.stream ? null : this.bind(table, 0, trainRows);
    const validation: RowRange | null = options.validationData
      ? { table: options.validationData, from: 0, to: options.validationData.rows }
      : options.validationSplit > 0
        ? { table, from: trainRows, to: table.rows }
        : null;
    const steps = Math.ceil(trainRows / batchSize);
    const history: History = { epoch: [], history: {} };
    observer?.onTrainBegin?.({ epochs, steps, samples: trainRows });
    const { sums, nonFiniteStep } = this.plan.io;
    // Steps run in chunks sized to about CHUNK_SECONDS, so progress is shown and Ctrl-C is
    // noticed a few times a second; chunking changes when the host looks, never the numbers.
    // The first chunk is one step, so the time per step can leave it out (it includes warm-up), as
    // Keras does; the size found carries over to the next epochs (a small epoch is then one call).
    // The host encodes chunk k+1 while the device runs chunk k, and waits for chunk k before
    // encoding k+2: the device never idles for the host's encoding, and stays at most two chunks
    // ahead. Progress is read the same way: the sums after chunk k are copied when it is submitted
    // and shown once chunk k+1 is on its way.
    let chunk = options.stepsPerCall && options.stepsPerCall > 0 ? options.stepsPerCall : 1;
    const adaptive = !(options.stepsPerCall && options.stepsPerCall > 0);
    interface InFlight {
      done: Promise<void>;
      /** When the chunk was seen done: right after it ran on the CPU, when the GPU reports it done. */
      doneAt: Promise<number>;
      steps: number;
      /** Progress after this chunk: the steps done and the means then (when there is an observer). */
      progress: { at: number; logs: Promise<Logs> } | null;
    }
    let inFlight: InFlight | null = null;
    const clock = options.clock ?? (() => performance.now());
    let seen = clock(); // when the last chunk was done
    const settle = async (c: InFlight, epoch: number) => {
      await c.done;
      // Timed by when the chunk was done, not when it is looked at (after the next one is on its
      // way): the time per step and the chunk sizes measure this chunk's steps alone.
      const at = await c.doneAt;
      if (adaptive) {
        const msPerStep = Math.max(1e-6, (at - seen) / c.steps);
        chunk = Math.max(1, Math.min(steps, chunk * 4, Math.round((CHUNK_SECONDS * 1000) / msPerStep)));
      }
      seen = at;
      if (c.progress) observer!.onProgress!(epoch, c.progress.at, await c.progress.logs, at);
    };
    // awaited later; never an unhandled rejection if a throw comes first
    const later = <T>(p: Promise<T>): Promise<T> => (p.catch(() => undefined), p);

    // Lookahead: where nothing happens between epochs (an observer that only reports, no
    // validation to run) and the table is in memory, the next epoch is submitted
    // before this one's sums are looked at, so the device does not idle for the host's readback
    // (the sums are copied, in queue order, before the next epoch zeroes them). The observer still
    // hears epoch e's end before epoch e + 1 begins.
    const lookahead = (!observer?.onEpochEnd || observer.passive === true) && !validation && train !== null;
    let pendingEnd: (() => Promise<boolean>) | null = null;

    for (let epoch = 0; epoch < epochs; epoch++) {
      const started = clock();
      if (!pendingEnd) observer?.onEpochBegin?.(epoch, started);
      // The epoch's rows, in segments the executor binds one at a time: the whole table with the
      // epoch's permutation, or a streamed table's windows, each with its own (runtime/data-feed.ts).
      const shuffle = options.shuffle ? this.shuffles++ : -1;
      const segments = train
        ? [{ data: train, order: shuffle >= 0 ? permutation(train.rows, seed, Stream.shuffle + shuffle) : identity(train.rows), rows: train.rows }][Symbol.iterator]()
        : this.windows(table, 0, trainRows, { batchSize, shuffle: shuffle >= 0, seed, epoch: Math.max(0, shuffle) }, 'train');
      let segment = bindNext(this.executor, segments);
      let segmentFirst = 0; // the epoch's step that the segment's first batch is
      this.zero(Object.values(sums.train));
      const first = this.iterations;
      seen = clock();
      for (let s = 0; s < steps; ) {
        if (s >= segmentFirst + Math.ceil(segment.rows / batchSize)) {
          // Other rows are bound only once the device is done with these.
          if (inFlight) await settle(inFlight, epoch);
          inFlight = null;
          await this.executor.flush();
          segmentFirst = s;
          segment = bindNext(this.executor, segments);
        }
        const end = Math.min(steps, s + chunk, segmentFirst + Math.ceil(segment.rows / batchSize));
        const batch: StepArgs[] = [];
        for (let k = s; k < end; k++) {
          const offset = (k - segmentFirst) * batchSize;
          batch.push({ offset, rows: Math.min(batchSize, segment.rows - offset), step: first + k + 1 });
        }
        this.executor.run('train', batch, seed);
        if (pendingEnd) {
          // the previous epoch ends (as the observer hears it) now that this one is on its way
          const finishPrevious: () => Promise<boolean> = pendingEnd;
          pendingEnd = null;
          await finishPrevious();
          observer?.onEpochBegin?.(epoch, started);
        }
        s = end;
        const progress = observer?.onProgress && s < steps ? { at: s, logs: later(this.readMeans(sums.train, Math.min(trainRows, s * batchSize))) } : null;
        const done = later(this.executor.flush());
        const current: InFlight = { done, doneAt: later(done.then(() => clock())), steps: batch.length, progress };
        if (inFlight) await settle(inFlight, epoch);
        // The fit's first chunk (one step) sizes the next before it is encoded.
        if (!inFlight && epoch === 0 && end === batch.length) await settle(current, epoch);
        else inFlight = current;
        if (s < steps) {
          if (options.signal || observer?.onProgress) await yieldToEventLoop();
          if (options.signal?.aborted) throw new NncError(diagnostic('NNC5005', undefined, {}));
        }
      }
      this.iterations = first + steps;

      // One read per epoch: the sums and the non-finite flag together (it waits for the device),
      // copied now, in queue order.
      const reading = later(this.readMeans(sums.train, trainRows, nonFiniteStep >= 0 ? [nonFiniteStep] : []));
      const lastChunk = inFlight;
      inFlight = null;
      const endEpoch = async (): Promise<boolean> => {
        const read = await reading;
        if (lastChunk) await settle({ ...lastChunk, progress: null }, epoch); // the epoch's own line follows
        const flag = read.extra?.[0] ?? 0;
        const logs: Logs = { ...read };
        if (flag !== 0) {
          // The optimizer's count ends with this epoch. Steps submitted after it (lookahead) change
          // nothing on the CPU, which stops at the flag; on a GPU the steps after the flag run on
          // to the end of what was submitted, as the rest of the epoch always has.
          this.iterations = first + steps;
          throw new NncError(diagnostic('NNC5001', undefined, { epoch: epoch + 1, step: flag - first, steps }));
        }
        if (validation) {
          const val = await this.evaluateRange(validation, batchSize, options.signal);
          for (const [k, v] of Object.entries(val)) logs[`val_${k}`] = v;
        }
        history.epoch.push(epoch);
        for (const [k, v] of Object.entries(logs)) (history.history[k] ??= []).push(v);
        // with lookahead the epoch's time ends when its last chunk was done, not when it is reported
        const ended = lookahead ? seen : clock();
        return Boolean(await observer?.onEpochEnd?.(epoch, logs, (ended - started) / 1000));
      };
      if (lookahead && epoch + 1 < epochs) pendingEnd = endEpoch;
      else if (await endEpoch()) break;
      if (options.signal) {
        await yieldToEventLoop();
        if (options.signal.aborted) throw new NncError(diagnostic('NNC5005', undefined, {}));
      }
    }
    if (pendingEnd) await pendingEnd();
    return history;
  }

  /** `signal` (Ctrl-C) stops it with NNC5005 within about CHUNK_SECONDS. */
  async evaluate(table: Table, batchSize: number, signal?: AbortSignal): Promise<Logs> {
    return this.evaluateRange({ table, from: 0, to: table.rows }, batchSize, signal);
  }

  /** The model's output for every row of `table`, [rows, outputDim] row-major. `signal` as for evaluate. */
  async predict(table: Table, batchSize: number, signal?: AbortSignal): Promise<Float32Array> {
    if (!table.stream) {
      const data = this.bind(table, 0, table.rows, false);
      this.executor.bindData(data);
      this.executor.setPermutation(identity(data.rows));
      await this.runBatches('predict', batches(data.rows, batchSize), signal);
      return this.executor.read(this.plan.io.output);
    }
    const cols = rowSize(this.plan.buffers[this.plan.io.output]!.shape);
    const out = new Float32Array(table.rows * cols);
    let at = 0;
    for (const window of streamWindows(table, 0, table.rows, { batchSize, shuffle: false, seed: 0, epoch: 0 })) {
      // in file order: the window's first `rows` rows are this window's predictions
      this.executor.bindData(this.bindWindow(window.table, 'predict', false));
      this.executor.setPermutation(identity(window.table.rows));
      await this.runBatches('predict', batches(window.rows, batchSize), signal);
      await this.executor.flush();
      out.set((await this.executor.read(this.plan.io.output)).subarray(0, window.rows * cols), at * cols);
      at += window.rows;
    }
    return out;
  }

  /**
   * Runs evaluate's or predict's batches. Without a signal, in one call; with one, in chunks sized
   * to about CHUNK_SECONDS (one batch first), looking at the signal between them, with the next
   * chunk encoded while the device runs the one before (as fit does). Chunking never changes the
   * numbers: each batch reads and writes its own rows, and the sums only accumulate.
   */
  private async runBatches(kind: 'evaluate' | 'predict', steps: StepArgs[], signal: AbortSignal | undefined): Promise<void> {
    if (!signal) {
      this.executor.run(kind, steps, 0);
      return;
    }
    let chunk = 1;
    let inFlight: { done: Promise<void>; steps: number } | null = null;
    let seen = performance.now(); // when the last chunk was seen done
    const settle = async (c: { done: Promise<void>; steps: number }) => {
      await c.done;
      const now = performance.now();
      chunk = Math.max(1, Math.min(chunk * 4, Math.round((CHUNK_SECONDS * 1000) / Math.max(1e-6, (now - seen) / c.steps))));
      seen = now;
    };
    for (let s = 0; s < steps.length; ) {
      const end = Math.min(steps.length, s + chunk);
      this.executor.run(kind, steps.slice(s, end), 0);
      const current = { done: this.executor.flush(), steps: end - s };
      current.done.catch(() => undefined); // awaited later; never an unhandled rejection
      if (inFlight) await settle(inFlight);
      if (s === 0) await settle(current); // the first chunk (one batch) sizes the next
      else inFlight = current;
      s = end;
      if (s < steps.length) {
        await yieldToEventLoop();
        if (signal.aborted) {
          await inFlight?.done.catch(() => undefined);
          throw new NncError(diagnostic('NNC5005', undefined, {}));
        }
      }
    }
    if (inFlight) await inFlight.done;
  }

  /** Current values of every parameter, by name, in plan order. */
  async weights(): Promise<Array<{ name: string; shape: number[]; data: Float32Array }>> {
    const out = [];
    for (const id of this.plan.io.params) {
      const b = this.plan.buffers[id]!;
      out.push({ name: b.name, shape: b.shape as number[], data: await this.executor.read(id) });
    }
    return out;
  }

  /** Buffers that make up the model's weights as saved: parameters and layer statistics. */
  private savedBuffers(): number[] {
    return this.plan.buffers.filter((b) => b.role === 'param' || (b.role === 'state' && /\/(mean|variance|moving_mean|moving_variance)$/.test(b.name) && !b.name.startsWith('optimizer/'))).map((b) => b.id);
  }

  /** Parameters and Normalization statistics, by name, with their shapes (what save writes). */
  async namedTensors(): Promise<Array<{ name: string; shape: number[]; data: Float32Array }>> {
    const out = [];
    for (const id of this.savedBuffers()) {
      const b = this.plan.buffers[id]!;
      out.push({ name: b.name, shape: b.shape as number[], data: await this.executor.read(id) });
    }
    return out;
  }

  async namedValues(): Promise<Map<string, Float32Array>> {
    return new Map((await this.namedTensors()).map((t) => [t.name, t.data]));
  }

  /** Sets parameters (and layer statistics) by name; names not in the model are ignored. */
  setWeights(values: Map<string, Float32Array>): void {
    for (const id of this.savedBuffers()) {
      const b = this.plan.buffers[id]!;
      const v = values.get(b.name);
      if (v) this.executor.write(id, v);
    }
  }

  /** The loss and metrics over rows [from, to) of a table, in memory or streamed (window by window, the sums carried over). */
  private async evaluateRange(range: RowRange, batchSize: number, signal?: AbortSignal): Promise<Logs> {
    const sums = this.plan.io.sums.evaluate;
    this.zero(Object.values(sums));
    const { table, from, to } = range;
    const parts = table.stream ? this.windows(table, from, to, { batchSize, shuffle: false, seed: 0, epoch: 0 }, 'evaluate') : [{ data: this.bind(table, from, to), order: identity(to - from), rows: to - from }];
    for (const part of parts) {
      this.executor.bindData(part.data);
      this.executor.setPermutation(part.order);
      await this.runBatches('evaluate', batches(part.rows, batchSize), signal);
      if (table.stream) await this.executor.flush(); // before the next window replaces these rows
    }
    return this.readMeans(sums, to - from);
  }

  /** A streamed table's rows [from, to) as segments to bind: windows in the epoch's order. */
  private *windows(table: Table, from: number, to: number, options: WindowOptions, role: string): Generator<Segment> {
    for (const w of streamWindows(table, from, to, options)) yield { data: this.bindWindow(w.table, role, true), order: w.order ?? identity(w.table.rows), rows: w.rows };
  }

  /** A window of a streamed table as the plan reads it; one key per role, so an executor reuses its buffers. */
  private bindWindow(window: Table, role: string, withLabels: boolean): BoundData {
    const indexed = this.inModelClasses(window);
    const labels = withLabels || indexed.labelColumns > 0 ? encodeLabels(indexed, this.plan.io.labelEncoding) : new Float32Array(0);
    return { key: `streamed ${role}`, rows: window.rows, features: window.features, labels };
  }

  /**
   * The logs from the epoch sums after `rows` rows: the loss and mean metrics are their sums over
   * the rows; the other metrics are computed from their parts (compiler/metrics.ts). `extra`:
   * scalar buffers read along (the non-finite flag), as logs.extra.
   */
  private async readMeans(sums: Record<string, number>, rows: number, extra: number[] = []): Promise<Logs & { extra?: number[] }> {
    const keys = Object.keys(sums);
    // Sums of one number are read together (one GPU readback); counts per class or threshold alone.
    const isScalar = (k: string) => elementCount(this.plan.buffers[sums[k]!]!.shape, 0) === 1;
    const scalarKeys = keys.filter(isScalar);
    const ids = [...scalarKeys.map((k) => sums[k]!), ...extra];
    const [values, vectors] = await Promise.all([
      this.executor.readScalars ? this.executor.readScalars(ids) : Promise.all(ids.map(async (id) => (await this.executor.read(id))[0]!)),
      Promise.all(keys.filter((k) => !isScalar(k)).map(async (k) => [k, await this.executor.read(sums[k]!)] as const)),
    ]);
    const read = new Map<string, Float32Array>(vectors);
    scalarKeys.forEach((k, n) => read.set(k, Float32Array.of(values[n]!)));
    const unsorted: Logs = {};
    const covered = new Set<string>();
    for (const m of this.metrics) {
      unsorted[m.key] = finalizeMetric(m, (part) => {
        const key = partKey(m.key, part);
        covered.add(key);
        return read.get(key) ?? new Float32Array(1);
      }, rows);
    }
    for (const k of keys) if (!covered.has(k)) unsorted[k] = read.get(k)![0]! / rows;
    // Keras prints logs in sorted key order (accuracy before loss).
    const logs: Logs = {};
    for (const k of Object.keys(unsorted).sort()) logs[k] = unsorted[k]!;
    if (extra.length) Object.defineProperty(logs, 'extra', { value: values.slice(scalarKeys.length), enumerable: false });
    return logs;
  }

  private zero(ids: number[]): void {
    for (const id of ids) {
      this.executor.write(id, new Float32Array(elementCount(this.plan.buffers[id]!.shape, 0)));
    }
  }

  /** The table with string labels numbered as the model knows its classes. */
  private inModelClasses(table: Table): Table {
    if (!table.stringLabels || !table.classes || !this.classNames || table.labelColumns !== 1) return table;
    return renumberClasses(table, this.classNames, this.model.name);
  }

  /** The rows [from, to) of a table, with labels encoded as the loss needs, as the plan reads them. */
  private bind(table: Table, from: number, to: number, withLabels = true): BoundData {
    let whole = this.encoded.get(table);
    if (!whole) {
      const indexed = this.inModelClasses(table);
      const labels = withLabels || indexed.labelColumns > 0 ? encodeLabels(indexed, this.plan.io.labelEncoding) : new Float32Array(0);
      whole = { key: `data${this.keys++}`, rows: table.rows, features: table.features, labels };
      this.encoded.set(table, whole);
    }
    if (from === 0 && to === table.rows) return whole;
    const f = table.featureDim;
    const l = whole.labels.length / Math.max(1, table.rows);
    return {
      key: `${whole.key}[${from}:${to}]`,
      rows: to - from,
      features: whole.features.subarray(from * f, to * f),
      labels: whole.labels.subarray(from * l, to * l),
    };
  }
}

/** Labels renumbered to `classes` (the model's), by name; a name the model never saw is NNC4016. */
function renumberClasses(table: Table, classes: string[], model: string): Table {
  const given = table.classes!;
  if (given.length === classes.length && given.every((c, i) => c === classes[i])) return table;
  const index = new Map(classes.map((c, i) => [c, i]));
  const map = given.map((c) => index.get(c) ?? -1);
  const labels = new Float32Array(table.labels.length);
  for (let r = 0; r < labels.length; r++) {
    const to = map[table.labels[r]!]!;
    if (to < 0) fail('NNC4016', undefined, { model, label: given[table.labels[r]!]!, classes: classes.join(', ') });
    labels[r] = to;
  }
  return { ...table, labels, classes };
}

/** Rows [from, to) of a table: what validation and evaluate run over. */
interface RowRange {
  table: Table;
  from: number;
  to: number;
}

/** Rows bound to the executor together, the order its steps read them in, and how many they step over. */
interface Segment {
  data: BoundData;
  order: Uint32Array;
  rows: number;
}

type WindowOptions = Parameters<typeof streamWindows>[3];

/** Binds the next segment (its data, then its order) and returns it. */
function bindNext(executor: Executor, segments: Iterator<Segment>): Segment {
  const next = segments.next();
  if (next.done) throw new Error('fit: the epoch ran out of rows before its steps');
  executor.bindData(next.value.data);
  executor.setPermutation(next.value.order);
  return next.value;
}

/** Per feature: the mean, and the sum of squared deviations from it (float64), of the first `rows` rows. */
function moments(features: Float32Array, f: number, rows: number): { mean: Float64Array; m2: Float64Array } {
  const mean = new Float64Array(f);
  const m2 = new Float64Array(f);
  for (let r = 0; r < rows; r++) for (let c = 0; c < f; c++) mean[c]! += features[r * f + c]!;
  for (let c = 0; c < f; c++) mean[c]! /= rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < f; c++) {
      const d = features[r * f + c]! - mean[c]!;
      m2[c]! += d * d;
    }
  }
  return { mean, m2 };
}

/** moments() of a streamed table, block by block, the blocks' moments combined (Chan et al.'s pairwise update). */
function streamedMoments(table: Table, rows: number): { mean: Float64Array; m2: Float64Array } {
  const f = table.featureDim;
  const mean = new Float64Array(f);
  const m2 = new Float64Array(f);
  let n = 0;
  const blocks = table.stream!.blocks;
  for (let i = 0; i < blocks.length && blocks[i]!.firstRow < rows; i++) {
    const take = Math.min(blocks[i]!.rows, rows - blocks[i]!.firstRow);
    const part = moments(table.stream!.readBlock(i).features, f, take);
    const total = n + take;
    for (let c = 0; c < f; c++) {
      const delta = part.mean[c]! - mean[c]!;
      mean[c]! += (delta * take) / total;
      m2[c]! += part.m2[c]! + (delta * delta * n * take) / total;
    }
    n = total;
  }
  return { mean, m2 };
}

function batches(rows: number, batchSize: number): StepArgs[] {
  const out: StepArgs[] = [];
  for (let offset = 0; offset < rows; offset += batchSize) out.push({ offset, rows: Math.min(batchSize, rows - offset), step: 0 });
  return out;
}

/** The identity permutation of n rows (the last one made is kept: evaluate and predict reuse it). */
let lastIdentity = new Uint32Array(0);
function identity(n: number): Uint32Array {
  if (lastIdentity.length !== n) {
    lastIdentity = new Uint32Array(n);
    for (let i = 0; i < n; i++) lastIdentity[i] = i;
  }
  return lastIdentity;
}

/** Labels as the plan's `labels` buffer holds them: one-hot, class index, or as stored. */
export function encodeLabels(table: Table, encoding: LabelEncoding): Float32Array {
  // Labels already one-hot (one column per class) are used as they are.
  if (encoding.kind !== 'one_hot' || table.labelColumns === encoding.classes) return table.labels;
  const k = encoding.classes;
  const out = new Float32Array(table.rows * k);
  for (let r = 0; r < table.rows; r++) {
    const c = table.labels[r * table.labelColumns]!;
    if (c >= 0 && c < k) out[r * k + c] = 1;
  }
  return out;
}
