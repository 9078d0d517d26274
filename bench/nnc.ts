// The nnc contenders: the CPU interpreter, and the WebGPU backend when an adapter exists.
// Placeholder: the lead fills this in once the nnc library API exists. Each contender implements
// harness.ts's `Contender` (name 'nnc-cpu' / 'nnc-webgpu', no `baseline`), runs the same workloads
// (bench/data.ts: same data, model, hyperparameters, steps; `sampleFor(w, name)` for its sample),
// reports loss/accuracy (fit) and meanPrediction (predict, with the workload's fixed weights), and
// handles the `compile` workload (source to WGSL for every example, unit ms), which TF.js skips.
import type { Contender } from './harness.js';

export function nncContenders(): Contender[] {
  return [];
}
