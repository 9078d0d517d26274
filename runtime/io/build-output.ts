// `nnc build -o DIR`: every shader of a model as its own .wgsl file, named after the step, the
// layer and the .nn line it comes from, and manifest.json (buffers, bindings, dispatch order).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../../base/diagnostics/diagnostic.js';
import type { ModelBuild } from '../../compiler/build.js';
import { emitWgsl, STEP_FIELDS, STEP_RECORD_BYTES } from '../../compiler/wgsl/emit.js';
import { buildManifest } from '../../compiler/wgsl/report.js';
import { writeFileAtomic, writeFailureReason } from './atomic.js';

/** Writes DIR/MODEL/*.wgsl and manifest.json; returns the folder. */
export function writeBuildOutput(dir: string, build: ModelBuild): string {
  const folder = join(dir, build.model.name);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (err) {
    fail('NNC5002', undefined, { path: folder, reason: writeFailureReason(err) });
  }
  const files = new Map<string, string>();
  for (const step of ['train', 'evaluate', 'predict'] as const) {
    for (const k of build.gpu.schedules[step].kernels) files.set(`${k.name}.wgsl`, k.wgsl);
  }
  // Each plan kernel on its own too, and the per-kernel strategy's shaders (some co-dispatched),
  // whichever strategy runs.
  for (const coDispatch of [false, true]) {
    const perKernel = emitWgsl(build.plan, { maxRows: build.maxRows, strategy: 'per-kernel', coDispatch });
    for (const step of ['train', 'evaluate', 'predict'] as const) {
      for (const k of perKernel.schedules[step].kernels) files.set(`${k.name}.wgsl`, k.wgsl);
    }
  }
  for (const [name, text] of files) writeFileAtomic(join(folder, name), text);
  writeFileAtomic(join(folder, 'manifest.json'), JSON.stringify(buildManifest(build, STEP_FIELDS, STEP_RECORD_BYTES), null, 2) + '\n');
  return folder;
}
