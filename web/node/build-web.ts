// `nnc build FILE --target web -o DIR` (docs/web.md): a folder a web page loads a program's models
// from, with no build step: the runtime (nnc.js, its CPU worker nnc-worker.js, its types nnc.d.ts),
// manifest.json (web/manifest.ts: each model's plan and settings), the WGSL shaders emitted for
// WebGPU's default limits (shaders/MODEL/*.wgsl), each model's weights when there are some
// (MODEL.safetensors), and index.html, a page that predicts with the model. Every file is written
// whole or not at all.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, NncError, diagnostic } from '../../base/diagnostics/diagnostic.js';
import { version } from '../../base/version.js';
import { modelConfigs } from '../../compiler/build.js';
import { compileModel } from '../../compiler/driver.js';
import type { Program } from '../../compiler/program.js';
import { formatSummary } from '../../compiler/summary.js';
import { emitWgsl, EmitLimitError, type GpuProgram } from '../../compiler/wgsl/emit.js';
import { writeFailureReason, writeFileAtomic } from '../../runtime/io/atomic.js';
import { checkWeights, encodeSafetensors } from '../../runtime/io/safetensors.js';
import { ModelSession } from '../../runtime/session.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import { displayPath, readWeightsFile } from '../../runtime/run-program.js';
import { classesOf, fileShape } from '../../runtime/weights.js';
import { MANIFEST_FORMAT, MANIFEST_VERSION, STORED_DEVICES, type FitDefaults, type StoredKernel, type StoredProgram, type WebManifest, type WebModelEntry } from '../manifest.js';
import { demoPage } from './demo-page.js';

/** Rows the GPU buffers of a web build hold at least (as the library's): model.fit and predict in a page pick their batch. */
const WEB_BATCH_CAPACITY = 1024;

/** Files of the web runtime, made by scripts/bundle-web.mjs (npm run build) into dist/browser/. */
export const RUNTIME_FILES = ['nnc.js', 'nnc-worker.js', 'nnc.d.ts'] as const;

/** The package's dist/browser/ (the bundles), from here (web/node/ in the sources, dist/web/node/ once compiled). */
export function webDist(): string {
  // __filename in the command's CommonJS bundle (dist/nnc-cli.cjs), import.meta.url in ES modules
  let dir = dirname(typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return join(dir, 'dist', 'browser');
}

export interface WebBuildOptions {
  /** Only this model (default every model). */
  model?: string;
  /** MODEL -> a weights file to ship (as nnc run's --load-weights). */
  loadWeights?: Map<string, string>;
  /** Where the program's own save and load paths are looked for (nnc run's output folder, default nnc-out). */
  runOut?: string;
  /** The program seed (initial weights when there is no weights file). */
  seed?: number;
  /** Where the runtime files are (default dist/browser). */
  runtime?: string;
}

/** What was written, for the command to tell. */
export interface WebBuildResult {
  folder: string;
  models: Array<{ name: string; weights: string | null; shaders: number }>;
  files: string[];
}

export async function writeWebBuild(dir: string, program: Program, options: WebBuildOptions = {}): Promise<WebBuildResult> {
  const runtime = options.runtime ?? webDist();
  const missing = RUNTIME_FILES.filter((f) => !existsSync(join(runtime, f)));
  if (missing.length > 0) {
    fail('NNC5002', undefined, { path: join(runtime, missing[0]!), reason: 'the web runtime is not built: run npm run build (npm install does) in the nnc package' });
  }
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    fail('NNC5002', undefined, { path: dir, reason: writeFailureReason(err) });
  }
  const files: string[] = [];
  const write = (name: string, data: string | Uint8Array) => {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, data);
    files.push(name);
  };
  const seed = options.seed ?? 0;
  const entries: WebModelEntry[] = [];
  const told: WebBuildResult['models'] = [];
  for (const { model, config, maxRows: programRows } of modelConfigs(program)) {
    if (options.model && model.name !== options.model) continue;
    const { plan } = compileModel(model, config);
    const maxRows = Math.max(programRows, WEB_BATCH_CAPACITY);
    const shaderFiles = new Map<string, string>();
    const store = (kind: keyof typeof STORED_DEVICES): StoredProgram => {
      let gpu: GpuProgram;
      try {
        gpu = emitWgsl(plan, { maxRows, ...STORED_DEVICES[kind] });
      } catch (e) {
        if (e instanceof EmitLimitError) throw new NncError(diagnostic('NNC6004', model.span, { layer: e.layer, limit: `${e.limit} (WebGPU's default limits, which a web build plans for)`, needed: e.needed, available: e.available }));
        throw e;
      }
      const schedules = {} as StoredProgram['schedules'];
      for (const [step, schedule] of Object.entries(gpu.schedules) as Array<[keyof GpuProgram['schedules'], GpuProgram['schedules']['train']]>) {
        const kernels: StoredKernel[] = schedule.kernels.map(({ wgsl, origins: _origins, ...k }) => {
          // the same text is one file (the two kinds of device mostly get the same shaders)
          let file = [...shaderFiles].find(([, text]) => text === wgsl)?.[0];
          if (!file) {
            const base = `shaders/${model.name}/${k.name.replace(/[^A-Za-z0-9_.@-]+/g, '_')}`;
            file = shaderFiles.has(`${base}.wgsl`) ? `${base}.${kind}.wgsl` : `${base}.wgsl`;
            shaderFiles.set(file, wgsl);
          }
          return { ...k, file };
        });
        schedules[step] = { step: schedule.step, strategy: schedule.strategy, kernels };
      }
      return { memory: gpu.memory, schedules };
    };
    const shaders = { hardware: store('hardware'), software: store('software') };
    for (const [file, text] of shaderFiles) write(file, text);

    const weights = weightsFor(program, model.name, options);
    let classes: string[] | null = null;
    let weightsFile: string | null = null;
    if (weights) {
      // The file must be this model's: checked against a session of the plan, as nnc run's load does.
      const session = new ModelSession(model, plan, new CpuExecutor(plan));
      const expected = (await session.namedTensors()).map((t) => ({ name: t.name, shape: fileShape(t.name, t.shape) }));
      session.executor.dispose();
      const shown = displayPath(weights.path);
      checkWeights(expected, weights.file.tensors, shown);
      classes = classesOf(weights.file.metadata, model, shown, undefined);
      weightsFile = `${model.name}.safetensors`;
      const tensors = [...weights.file.tensors].map(([name, t]) => ({ name, shape: t.shape, data: t.data }));
      write(weightsFile, encodeSafetensors(tensors, weights.file.metadata));
    }
    entries.push({
      name: model.name,
      summary: formatSummary(model),
      model,
      config,
      plan,
      maxRows,
      seed,
      fit: fitDefaults(program, model.name),
      classes,
      weights: weightsFile,
      shaders,
    });
    told.push({ name: model.name, weights: weights ? displayPath(weights.path) : null, shaders: shaderFiles.size });
  }
  const manifest: WebManifest = { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, nnc: version, models: entries };
  write('manifest.json', JSON.stringify(manifest) + '\n');
  for (const f of RUNTIME_FILES) write(f, readFileSync(join(runtime, f)));
  write('index.html', demoPage(entries));
  return { folder: dir, models: told, files };
}

/**
 * The weights a model ships with: --load-weights, else the file the program loads, else the one it
 * saves, each under nnc run's output folder (where an earlier `nnc run` put it); null for none.
 */
function weightsFor(program: Program, name: string, options: WebBuildOptions) {
  const given = options.loadWeights?.get(name);
  if (given !== undefined) return { path: resolve(given), file: readWeightsFile(resolve(given), undefined) };
  const runOut = options.runOut ?? 'nnc-out';
  for (const kind of ['load', 'save'] as const) {
    const st = program.statements.find((s) => s.kind === kind && s.model === name);
    if (!st || (st.kind !== 'load' && st.kind !== 'save')) continue;
    const path = resolve(runOut, st.path);
    if (existsSync(path)) return { path, file: readWeightsFile(path, st.span) };
  }
  return null;
}

/** The settings of the model's first fit in the program: model.fit's defaults in the page. */
function fitDefaults(program: Program, name: string): FitDefaults {
  const fit = program.statements.find((s) => s.kind === 'fit' && s.model === name);
  if (fit && fit.kind === 'fit') return { epochs: fit.epochs, batchSize: fit.batchSize, validationSplit: fit.validationSplit, shuffle: fit.shuffle };
  return { epochs: 1, batchSize: 32, validationSplit: 0, shuffle: true };
}
