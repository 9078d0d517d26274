// How much work a program is, for `--backend auto` (runtime/backend.ts): the training steps and
// predicted rows of each model, their floating-point operations, and what the CPU interpreter
// would take for them. A program whose CPU time is below what any GPU costs before its first step
// (loading Dawn, opening the device, compiling the pipelines) runs on the CPU without the GPU stack
// ever being loaded; a bigger one is measured on both (see probe in backend.ts).
import { CELL_GATES } from '../compiler/graph/cells.js';
import { CELL_OF } from '../compiler/layers.js';
import type { DataStore } from '../base/data/dataset.js';
import type { CompileConfig } from '../compiler/driver.js';
import type { Layer, Model, Program, RecurrentLayer } from '../compiler/program.js';
import { trainingRows } from '../compiler/validation-split.js';

/**
 * The CPU interpreter on one core of the development machine (docs/benchmarks.md: 5.5 us per Pima
 * step, 25-35 GFLOP/s in the MLP's matrix products), rounded towards slower so that a program near
 * the line is measured rather than sent to the CPU unseen.
 */
export const CPU_STEP_SECONDS = 10e-6;
export const CPU_FLOPS_PER_SECOND = 15e9;

/**
 * The least a GPU run costs that a CPU run does not, before its first step: loading the addon and
 * Dawn, an adapter and a device (~45 ms here on llvmpipe, ~0.1 s and more on Vulkan), compiling
 * the step's pipelines, and reading back once per epoch. On the lent H100 the Pima fit alone took
 * 0.133 s on the GPU against 0.069 s on the CPU (docs/benchmarks.md); on an H200 on 2026-11-30
 * 0.033 s against 0.053 s, a difference smaller than the costs above, which that figure leaves out.
 */
export const GPU_FIXED_SECONDS = 0.15;

export interface ModelWork {
  model: Model;
  config: CompileConfig | null;
  /** Training steps over all fits, and their batch size (the largest one, when fits differ). */
  trainSteps: number;
  trainBatch: number;
  /** Rows run forward only: validation, evaluate, predict. */
  forwardRows: number;
  forwardBatches: number;
  /** Forward floating-point operations per row. */
  flopsPerRow: number;
  /** Estimated seconds on the CPU interpreter. */
  cpuSeconds: number;
}

export interface ProgramWork {
  models: ModelWork[];
  cpuSeconds: number;
}

/**
 * Forward flops per row of one layer: Dense 2 * in * out per position (a multiply and an add),
 * Conv2D 2 * window * in * filters per output pixel, others per element.
 */
function layerFlops(layer: Layer): number {
  const out = layer.outputShape.reduce((n, d) => n * d, 1);
  const inputs = layer.inputShape.at(-1)!;
  if (layer.kind === 'Dense') return 2 * inputs * out + 2 * out;
  if (layer.kind === 'Conv2D') return 2 * layer.kernelSize[0] * layer.kernelSize[1] * inputs * out + 2 * out;
  if (layer.kind === 'Conv1D') return 2 * layer.kernelSize * inputs * out + 2 * out;
  if (layer.kind === 'SimpleRNN' || layer.kind === 'LSTM' || layer.kind === 'GRU') return recurrentFlops(layer, layer.inputShape);
  if (layer.kind === 'Bidirectional') return 2 * recurrentFlops(layer.forward, layer.inputShape);
  return 4 * out;
}

/** Per step: the input and recurrent products (gates x units wide) and the cell's ~10 operations per gate value. */
function recurrentFlops(layer: RecurrentLayer, inputShape: number[]): number {
  const [steps, inputs] = inputShape as [number, number];
  const g = CELL_GATES[CELL_OF[layer.kind]] * layer.units;
  return steps * (2 * inputs * g + 2 * layer.units * g + 10 * g);
}

export function modelFlopsPerRow(model: Model): number {
  return model.layers.reduce((n, l) => n + layerFlops(l), 0);
}

/**
 * A training step: forward, the two products of the backward pass (input and weight gradients),
 * so about three forwards per row, plus the optimizer's update of every parameter (~10 flops each).
 */
export function trainStepFlops(model: Model, batch: number): number {
  return 3 * modelFlopsPerRow(model) * batch + 10 * model.trainableParams;
}

export function cpuSecondsFor(steps: number, flopsPerStep: number): number {
  return steps * (CPU_STEP_SECONDS + flopsPerStep / CPU_FLOPS_PER_SECOND);
}

/**
 * The work of every model of the program. `rowsOf` gives a dataset's rows (undefined when not
 * known: counted as none, so an unknown size never makes a program look big).
 */
export function estimateWork(program: Program, rowsOf: (dataset: string) => number | undefined): ProgramWork {
  const byName = new Map<string, ModelWork>();
  for (const model of program.models) {
    byName.set(model.name, { model, config: null, trainSteps: 0, trainBatch: 0, forwardRows: 0, forwardBatches: 0, flopsPerRow: modelFlopsPerRow(model), cpuSeconds: 0 });
  }
  for (const st of program.statements) {
    const w = st.kind === 'summary' ? undefined : byName.get(st.model);
    if (!w) continue;
    if (st.kind === 'compile') {
      w.config ??= { loss: st.loss, optimizer: st.optimizer, metrics: st.metrics, span: st.span };
    } else if (st.kind === 'fit') {
      const rows = rowsOf(st.data) ?? 0;
      const train = st.validationSplit > 0 ? trainingRows(rows, st.validationSplit) : rows;
      const validation = st.validationData ? (rowsOf(st.validationData) ?? 0) : rows - train;
      w.trainSteps += st.epochs * Math.ceil(train / st.batchSize);
      w.trainBatch = Math.max(w.trainBatch, st.batchSize);
      w.forwardRows += st.epochs * validation;
      w.forwardBatches += st.epochs * Math.ceil(validation / st.batchSize);
    } else if (st.kind === 'evaluate' || st.kind === 'predict') {
      const rows = rowsOf(st.data) ?? 0;
      w.forwardRows += rows;
      w.forwardBatches += Math.ceil(rows / st.batchSize);
    }
  }
  let total = 0;
  for (const w of byName.values()) {
    w.cpuSeconds = cpuSecondsFor(w.trainSteps, trainStepFlops(w.model, w.trainBatch)) + w.forwardBatches * CPU_STEP_SECONDS + (w.forwardRows * w.flopsPerRow) / CPU_FLOPS_PER_SECOND;
    total += w.cpuSeconds;
  }
  return { models: [...byName.values()], cpuSeconds: total };
}

/** The work of a checked program, its datasets' rows from the tables the checker loaded. */
export function programWork(program: Program, data: DataStore): ProgramWork {
  return estimateWork(program, (name) => data.get(name)?.rows);
}

/** The model with the most work: the one a measured probe runs. */
export function heaviest(work: ProgramWork): ModelWork | undefined {
  return work.models.filter((m) => m.trainSteps > 0 && m.config).sort((a, b) => b.cpuSeconds - a.cpuSeconds)[0];
}

/** 12.34 -> '12.3 s', 0.0123 -> '12 ms', 0.00123 -> '1.2 ms', 3.4e-5 -> '34 us'. */
export function formatSeconds(s: number): string {
  if (s >= 1) return `${s.toFixed(1)} s`;
  if (s >= 0.01) return `${Math.round(s * 1e3)} ms`;
  if (s >= 1e-3) return `${(s * 1e3).toFixed(1)} ms`;
  return s >= 1e-5 ? `${Math.round(s * 1e6)} us` : `${(s * 1e6).toFixed(1)} us`;
}
