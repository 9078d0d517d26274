// A web build (`nnc build FILE --target web -o DIR`, docs/web.md): DIR/manifest.json says, per
// model, everything the page needs to run it without the compiler: the checked model and its
// compile settings, the fused kernel plan (which the CPU interpreter runs), the WGSL shaders the
// plan was emitted as for WebGPU's default limits (one set for real GPUs, one for software adapters,
// in DIR/shaders/), the weights file and the defaults of the program's fit. Pure data and checks:
// the build (web/node/build-web.ts) writes it, the page (model.ts) reads it.
import type { CompileConfig } from '../compiler/driver.js';
import type { Plan } from '../compiler/plan/ir.js';
import type { Model } from '../compiler/program.js';
import type { EmittedKernel, GpuProgram } from '../compiler/wgsl/emit.js';
import { DEFAULT_LIMITS, type EmitLimits } from '../compiler/wgsl/limits.js';
import type { GpuContext } from '../runtime/webgpu/device.js';
import { minWorkgroupsFor } from '../runtime/webgpu/executor.js';

export const MANIFEST_FORMAT = 'nnc-web';
export const MANIFEST_VERSION = 1;

/**
 * A shader as the manifest names it: the emitted kernel, its WGSL in a file beside the manifest,
 * less the .nn origins of its operations (for reports; the runtime does not read them).
 */
export type StoredKernel = Omit<EmittedKernel, 'wgsl' | 'origins'> & { file: string };
export interface StoredProgram {
  memory: GpuProgram['memory'];
  schedules: Record<keyof GpuProgram['schedules'], { step: string; strategy: string; kernels: StoredKernel[] }>;
}

/** What a model's fit in the program said: the defaults of model.fit in the page. */
export interface FitDefaults {
  epochs: number;
  batchSize: number;
  validationSplit: number;
  shuffle: boolean;
}

export interface WebModelEntry {
  name: string;
  /** Keras' model.summary() table. */
  summary: string;
  model: Model;
  /** null: the program never compiles the model (it can only predict). */
  config: CompileConfig | null;
  plan: Plan;
  /** The largest batch the GPU buffers hold. */
  maxRows: number;
  /** The program seed: initial weights when there is no weights file, and shuffling. */
  seed: number;
  fit: FitDefaults;
  /** Class names of text labels the weights were trained on (from the weights file), else null. */
  classes: string[] | null;
  /** The weights file (safetensors), relative to the manifest; null: initial weights from the seed. */
  weights: string | null;
  /** The shaders, emitted for WebGPU's default limits: for a real GPU and for a software adapter. */
  shaders: { hardware: StoredProgram; software: StoredProgram };
}

export interface WebManifest {
  format: typeof MANIFEST_FORMAT;
  version: number;
  /** The nnc that built it. */
  nnc: string;
  models: WebModelEntry[];
}

/** The manifest's problems in words (null when it is one this runtime reads). */
export function manifestProblem(value: unknown): string | null {
  const m = value as Partial<WebManifest> | null;
  if (!m || typeof m !== 'object' || m.format !== MANIFEST_FORMAT) return `it is not an nnc web build's manifest.json (no "format": "${MANIFEST_FORMAT}")`;
  if (m.version !== MANIFEST_VERSION) return `it is version ${String(m.version)} of the format; this runtime reads version ${MANIFEST_VERSION}: build it again with this nnc`;
  if (!Array.isArray(m.models) || m.models.length === 0) return 'it holds no model';
  return null;
}

/**
 * The manifest's program for this device, or null when its shaders do not suit it (the runtime
 * emits them again): they were planned for WebGPU's default limits, so they run on any device that
 * offers at least those (every core device does; a page asks for no more) and counts no loop passes.
 */
export function storedProgramFor(gpu: Pick<GpuContext, 'kind' | 'limits'>, entry: WebModelEntry): StoredProgram | null {
  const fits = (Object.keys(DEFAULT_LIMITS) as Array<keyof EmitLimits>).every((k) => gpu.limits[k] >= DEFAULT_LIMITS[k]);
  return fits ? entry.shaders[gpu.kind] : null;
}

/** Both programs a build stores: minWorkgroups as a real GPU's and a software adapter's device asks. */
export const STORED_DEVICES = {
  hardware: { limits: DEFAULT_LIMITS, minWorkgroups: minWorkgroupsFor({ kind: 'hardware' }) },
  software: { limits: DEFAULT_LIMITS, minWorkgroups: minWorkgroupsFor({ kind: 'software' }) },
} as const;

/** A stored program with its shaders' text put back (`text(file)` gives a file's). */
export async function loadProgram(stored: StoredProgram, text: (file: string) => Promise<string>): Promise<GpuProgram> {
  const schedules = {} as GpuProgram['schedules'];
  for (const [step, schedule] of Object.entries(stored.schedules) as Array<[keyof GpuProgram['schedules'], StoredProgram['schedules']['train']]>) {
    const kernels = await Promise.all(
      schedule.kernels.map(async ({ file, ...k }) => ({ ...k, origins: [], wgsl: await text(file) }) as EmittedKernel),
    );
    schedules[step] = { ...schedule, kernels } as GpuProgram['schedules'][typeof step];
  }
  return { memory: stored.memory, schedules };
}
