// The web API (nnc.d.ts): loadModel reads a web build's manifest, opens the page's backend (its
// WebGPU device, else the CPU interpreter in a Web Worker), makes the model's trainer with the
// build's shaders, and gives its weights (the build's file, else the seed's initial ones). The model
// then predicts, fits and evaluates on arrays, with the numbers nnc gives under Node.
import type { Table } from '../base/data/dataset.js';
import { NncError, diagnostic } from '../base/diagnostics/diagnostic.js';
import { checkDataForModel, tableFromArrays, type ArrayData } from '../runtime/arrays.js';
import { checkWeights, decodeSafetensors, encodeSafetensors } from '../runtime/io/safetensors.js';
import { makePredictions } from '../runtime/predictions.js';
import { classesOf, fileShape, weightsMetadata } from '../runtime/weights.js';
import { createTrainer, openBackend, type WebBackend } from './backend.js';
import { loadProgram, manifestProblem, storedProgramFor, type WebManifest, type WebModelEntry } from './manifest.js';
import type { BatchOptions, FitOptions, History, Labels, LoadOptions, Logs, NncModel, Predictions, Rows, Tensor } from './nnc.js';
import type { Trainer } from './trainer.js';

type Fetch = (url: string) => Promise<Response>;

/** The manifest's URL from the URL given: a folder ('./web-pima/' or './web-pima'), or the manifest itself. */
function manifestUrl(url: string | URL, base: string | undefined): URL {
  const text = String(url);
  const absolute = new URL(text, base);
  if (absolute.pathname.endsWith('.json')) return absolute;
  return new URL(absolute.pathname.endsWith('/') ? 'manifest.json' : `${absolute.pathname.split('/').pop()}/manifest.json`, absolute);
}

function pageBase(): string | undefined {
  return (globalThis as { location?: { href: string } }).location?.href;
}

function loadError(url: URL | string, reason: string): NncError {
  return new NncError(diagnostic('NNC5014', undefined, { url: String(url), reason }));
}

async function fetchOk(fetcher: Fetch, url: URL, what: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetcher(url.href);
  } catch (e) {
    throw loadError(url, `fetching ${what} failed (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!response.ok) throw loadError(url, `fetching ${what} gave HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  return response;
}

export async function loadModel(url: string | URL, options: LoadOptions = {}): Promise<NncModel> {
  const fetcher: Fetch = options.fetch ?? ((u) => fetch(u));
  const where = manifestUrl(url, pageBase());
  let manifest: WebManifest;
  try {
    manifest = (await (await fetchOk(fetcher, where, 'the manifest')).json()) as WebManifest;
  } catch (e) {
    if (e instanceof NncError) throw e;
    throw loadError(where, 'manifest.json is not JSON');
  }
  const problem = manifestProblem(manifest);
  if (problem) throw loadError(where, problem);
  const entry = options.model === undefined ? manifest.models[0]! : manifest.models.find((m) => m.name === options.model);
  if (!entry) throw loadError(where, `it has no model '${options.model}' (it has: ${manifest.models.map((m) => m.name).join(', ')})`);

  const backend = await openBackend({
    ...options,
    worker: options.worker === undefined ? defaultWorker() : options.worker,
  });
  try {
    const stored = backend.gpu ? storedProgramFor(backend.gpu, entry) : null;
    const program = stored ? await loadProgram(stored, async (file) => (await fetchOk(fetcher, new URL(file, where), `shader ${file}`)).text()) : undefined;
    const trainer = await createTrainer(backend, { model: entry.model, plan: entry.plan, metrics: entry.config?.metrics ?? [] }, entry.maxRows, program);
    const model = new WebModel(entry, trainer, backend);
    await trainer.initialize(entry.seed);
    if (entry.weights) {
      const file = new URL(entry.weights, where);
      await model.loadWeights(new Uint8Array(await (await fetchOk(fetcher, file, `the weights ${entry.weights}`)).arrayBuffer()), file.href);
    }
    return model;
  } catch (e) {
    backend.close();
    throw e;
  }
}

/** nnc-worker.js beside this module (the bundle's nnc.js), where a page can start workers. */
function defaultWorker(): URL | null {
  if (typeof (globalThis as { Worker?: unknown }).Worker !== 'function') return null;
  return new URL('./nnc-worker.js', import.meta.url);
}

/** A model of a web build on a backend; its weights live there. */
export class WebModel implements NncModel {
  readonly name: string;
  readonly summary: string;
  readonly inputs: number;
  readonly outputs: number;
  classes: string[] | null;
  /** Normalization statistics are set (from the weights, or the first fit's data). */
  private adapted: boolean;

  constructor(
    private readonly entry: WebModelEntry,
    private readonly trainer: Trainer,
    private readonly owned: WebBackend | null,
  ) {
    this.name = entry.name;
    this.summary = entry.summary;
    this.inputs = entry.model.inputDim;
    this.outputs = entry.model.outputDim;
    this.classes = entry.classes;
    this.adapted = !entry.model.layers.some((l) => l.kind === 'Normalization');
  }

  /** The backend's description, with why there is no WebGPU when the CPU runs it. */
  get backend(): string {
    return this.owned?.description ?? this.trainer.description;
  }

  private table(x: Rows, y: Labels | undefined): Table {
    const data: ArrayData = { x: x as ArrayData['x'], ...(y !== undefined ? { y: y as ArrayData['y'] } : {}) };
    return tableFromArrays(data, this.inputs, this.name);
  }

  private batch(size: number | undefined): number {
    const b = size ?? this.entry.fit.batchSize;
    if (!Number.isInteger(b) || b < 1) throw new RangeError(`batchSize must be a positive integer, not ${b}`);
    if (b > this.entry.maxRows && this.trainer.description.startsWith('webgpu')) {
      throw new RangeError(`batchSize ${b} is more than the ${this.entry.maxRows} rows this build's GPU buffers hold`);
    }
    return b;
  }

  private needsCompile(what: string): void {
    if (!this.entry.config) throw new NncError(diagnostic('NNC5007', undefined, { model: this.name, statement: what }));
  }

  async predict(x: Rows, options: BatchOptions = {}): Promise<Predictions> {
    const table = this.table(x, undefined);
    checkDataForModel(table, this.entry.model, this.entry.config, false);
    if (!this.adapted) {
      const layer = this.entry.model.layers.find((l) => l.kind === 'Normalization')!;
      throw new NncError(diagnostic('NNC5009', undefined, { model: this.name, layer: layer.name }));
    }
    const values = await this.trainer.predict(table, this.batch(options.batchSize), options.signal);
    return makePredictions(this.entry.model, values, this.classes);
  }

  async fit(x: Rows, y: Labels, options: FitOptions = {}): Promise<History> {
    this.needsCompile('fit');
    const table = this.table(x, y);
    checkDataForModel(table, this.entry.model, this.entry.config, true);
    const defaults = this.entry.fit;
    const validationSplit = options.validationSplit ?? defaults.validationSplit;
    if (!this.adapted) {
      const rows = table.rows - Math.floor(table.rows * validationSplit);
      for (const l of this.entry.model.layers) if (l.kind === 'Normalization') await this.trainer.adaptNormalization(l.name, table, rows);
      this.adapted = true;
    }
    if (this.classes) await this.trainer.setClassNames(this.classes);
    const onEpochEnd = options.onEpochEnd;
    const history = await this.trainer.fit(table, {
      epochs: options.epochs ?? defaults.epochs,
      batchSize: this.batch(options.batchSize),
      validationSplit,
      validationData: null,
      shuffle: options.shuffle ?? defaults.shuffle,
      seed: options.seed ?? this.entry.seed,
      ...(onEpochEnd ? { onEpochEnd: (epoch: number, logs: Logs) => onEpochEnd(epoch, { ...logs }) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    this.classes = await this.trainer.classNames();
    return { epoch: history.epoch, history: history.history };
  }

  async evaluate(x: Rows, y: Labels, options: BatchOptions = {}): Promise<Logs> {
    this.needsCompile('evaluate');
    const table = this.table(x, y);
    checkDataForModel(table, this.entry.model, this.entry.config, true);
    if (this.classes) await this.trainer.setClassNames(this.classes);
    return this.trainer.evaluate(table, this.batch(options.batchSize), options.signal);
  }

  async getWeights(): Promise<Tensor[]> {
    return (await this.trainer.namedTensors()).map((t) => ({ ...t, shape: fileShape(t.name, t.shape) }));
  }

  async saveWeights(): Promise<Uint8Array> {
    return encodeSafetensors(await this.getWeights(), weightsMetadata(this.name, this.classes));
  }

  async loadWeights(bytes: ArrayBuffer | Uint8Array, name = 'the weights'): Promise<void> {
    const file = decodeSafetensors(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), name);
    const expected = (await this.trainer.namedTensors()).map((t) => ({ name: t.name, shape: fileShape(t.name, t.shape) }));
    checkWeights(expected, file.tensors, name);
    const classes = classesOf(file.metadata, this.entry.model, name, undefined);
    await this.trainer.setWeights(new Map([...file.tensors].map(([k, v]) => [k, v.data])));
    this.adapted = true;
    if (classes) {
      this.classes = classes;
      await this.trainer.setClassNames(classes);
    }
  }

  dispose(): void {
    this.trainer.dispose();
    this.owned?.close();
  }
}

