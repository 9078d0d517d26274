// The whole compiler after the front end, per model: graph, plan, fused plan, WGSL. What
// `nnc graph` and `nnc build` show, and what the bench's `compile` workload times.
import { compileModel, type CompileConfig, type CompiledModel, type PipelineOptions } from './driver.js';
import type { Model, Program } from './program.js';
import { emitWgsl, type EmitLimits, type GpuProgram, type Strategy } from './wgsl/emit.js';

export interface ModelBuild extends CompiledModel {
  model: Model;
  config: CompileConfig | null;
  /** Largest batch the program runs the model with (what GPU buffers are sized for). */
  maxRows: number;
  gpu: GpuProgram;
}

export interface BuildOptions extends PipelineOptions {
  /** Only this model (default: every model of the program). */
  model?: string;
  limits?: EmitLimits;
  strategy?: Strategy;
}

/** The largest batch any statement of the program runs a model with: what GPU buffers are sized for (the one rule, for `nnc build`, `nnc run` and the library). */
export function largestBatch(program: Program, model: string): number {
  let rows = 1;
  for (const s of program.statements) {
    if ((s.kind === 'fit' || s.kind === 'evaluate' || s.kind === 'predict') && s.model === model) rows = Math.max(rows, s.batchSize);
  }
  return rows;
}

/** Each model with the settings of its first `compile` statement (none: a predict-only plan). */
export function modelConfigs(program: Program): Array<{ model: Model; config: CompileConfig | null; maxRows: number }> {
  return program.models.map((model) => {
    const compile = program.statements.find((s) => s.kind === 'compile' && s.model === model.name);
    const config = compile && compile.kind === 'compile' ? { loss: compile.loss, optimizer: compile.optimizer, metrics: compile.metrics, span: compile.span } : null;
    return { model, config, maxRows: largestBatch(program, model.name) };
  });
}

export function buildProgram(program: Program, options: BuildOptions = {}): ModelBuild[] {
  return modelConfigs(program)
    .filter(({ model }) => !options.model || model.name === options.model)
    .map(({ model, config, maxRows }) => {
      const compiled = compileModel(model, config, options);
      const gpu = emitWgsl(compiled.plan, { maxRows, ...(options.limits ? { limits: options.limits } : {}), ...(options.strategy ? { strategy: options.strategy } : {}) });
      return { ...compiled, model, config, maxRows, gpu };
    });
}
