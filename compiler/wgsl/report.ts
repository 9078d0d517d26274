// What `nnc build` tells and writes: per step kind, the kernels in order with what was fused into
// each and the .nn lines they come from, the dispatches per step; and a JSON manifest of buffers,
// bindings and dispatch order beside the .wgsl files.
import type { ModelBuild } from '../build.js';
import type { Origin } from '../graph/ir.js';
import type { StepKind } from '../plan/ir.js';
import { kernelKind, type EmittedKernel } from './emit.js';

function where(origins: Origin[]): string {
  const seen = new Map<string, Set<number>>();
  for (const o of origins) {
    const what = o.what.replace(/ \(gradient\)$/, '');
    if (!seen.has(what)) seen.set(what, new Set());
    if (o.span) seen.get(what)!.add(o.span.line);
  }
  return [...seen].map(([what, lines]) => (lines.size ? `${what} (line ${[...lines].sort((a, b) => a - b).join(', ')})` : what)).join(', ');
}

/** The ops fused into a kernel, grouped by where they come from: `dense: matmul, add, relu`. */
function fusedOps(origins: Origin[]): string {
  const groups = new Map<string, string[]>();
  for (const o of origins) {
    const key = o.what;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(o.op ?? '?');
  }
  return [...groups].map(([what, ops]) => `${what}: ${ops.join(', ')}`).join('; ');
}

export function formatBuildReport(build: ModelBuild): string {
  const lines: string[] = [];
  const { plan, gpu } = build;
  lines.push(`model ${build.model.name}: ${plan.buffers.length} buffers, arena ${gpu.memory.arenaSize} floats (batches up to ${gpu.memory.maxRows} rows)`);
  for (const step of ['train', 'evaluate', 'predict'] as const) {
    const kernels = plan.schedules[step].kernels;
    if (kernels.length === 0) continue;
    const schedule = gpu.schedules[step];
    const dispatches = schedule.strategy === 'single-workgroup' ? '1 dispatch per chunk of steps (an epoch: the shader loops over the steps)' : `${schedule.kernels.length} dispatches per step, in one compute pass`;
    lines.push('');
    lines.push(`${step}: ${kernels.length} kernel${kernels.length === 1 ? '' : 's'}, ${schedule.strategy}: ${dispatches}`);
    kernels.forEach((k, i) => {
      lines.push(`  ${i + 1}. ${k.name} (${kernelKind(k)}) from ${where(k.origins)}`);
      lines.push(`     ${k.origins.length} op${k.origins.length === 1 ? '' : 's'}: ${fusedOps(k.origins)}`);
    });
    for (const e of schedule.kernels) lines.push(`  shader ${e.name}.wgsl: workgroup ${e.workgroupSize.join('x')}, ${e.workgroupBytes} bytes of workgroup memory${e.arenaInWorkgroup ? ' (the steps run on a copy of the arena there)' : ''}, binds ${e.bindings.map((b) => b.name).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

export interface ManifestKernel {
  file: string;
  entryPoint: 'main';
  workgroupSize: [number, number, number];
  dispatch: EmittedKernel['dispatch'];
  bindings: EmittedKernel['bindings'];
  kernels: string[];
  from: string;
}

export interface Manifest {
  model: string;
  arena: { floats: number; maxRows: number };
  buffers: Array<{ name: string; role: string; shape: Array<string | number>; arenaOffset: number | null }>;
  stepUniform: { recordBytes: number; fields: readonly string[] };
  steps: Record<StepKind, { strategy: string; dispatchOrder: ManifestKernel[] }>;
}

export function buildManifest(build: ModelBuild, stepFields: readonly string[], recordBytes: number): Manifest {
  const { plan, gpu } = build;
  const steps = {} as Manifest['steps'];
  for (const step of ['train', 'evaluate', 'predict'] as const) {
    const s = gpu.schedules[step];
    steps[step] = {
      strategy: s.strategy,
      dispatchOrder: s.kernels.map((e) => ({
        file: `${e.name}.wgsl`,
        entryPoint: 'main',
        workgroupSize: e.workgroupSize,
        dispatch: e.dispatch,
        bindings: e.bindings,
        kernels: e.kernels,
        from: where(e.origins),
      })),
    };
  }
  return {
    model: build.model.name,
    arena: { floats: gpu.memory.arenaSize, maxRows: gpu.memory.maxRows },
    buffers: plan.buffers.map((b) => ({ name: b.name, role: b.role, shape: b.shape, arenaOffset: gpu.memory.offsets[b.id]! >= 0 ? gpu.memory.offsets[b.id]! : null })),
    stepUniform: { recordBytes, fields: stepFields },
    steps,
  };
}
