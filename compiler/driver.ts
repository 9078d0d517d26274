// The compiler's pass pipeline after the front end, in order. Each pass is a function from IR to
// IR in its own file; the driver runs them and can hand the IR after any pass to a printer
// (`nnc graph --after PASS`, `nnc build --emit ...`).
import { applyOptimizer } from './apply-optimizer.js';
import { differentiate } from './differentiate.js';
import type { Graph, StepKind } from './graph/ir.js';
import { printGraph } from './graph/print.js';
import { labelEncoding, lowerToGraph } from './lower-to-graph.js';
import { lowerToPlan, type GraphSet } from './lower-to-plan.js';
import type { Plan } from './plan/ir.js';
import { printPlan } from './plan/print.js';
import type { Loss, Metric, Model, Optimizer } from './program.js';
import type { Span } from '../base/source.js';
import { planPasses } from './plan-passes.js';

export interface CompileConfig {
  loss: Loss;
  optimizer: Optimizer;
  metrics: Metric[];
  /** The compile statement: where optimizer and accumulation kernels say they come from. */
  span?: Span;
}

/** Graph passes, in order. */
export const graphPassNames = ['lowerToGraph', 'differentiate', 'applyOptimizer'] as const;

/** Every pass name `--after` accepts, in pipeline order. */
export function passNames(): string[] {
  return [...graphPassNames, 'lowerToPlan', ...planPasses.map((p) => p.name)];
}

export interface PipelineOptions {
  /** Called with the IR text after each pass (for --after / --print-ir). */
  dump?: (pass: string, text: string) => void;
  /** Stop applying plan passes after this one (inclusive); default: run them all. */
  stopAfter?: string;
  /** Run the fusion passes (default true). */
  fuse?: boolean;
}

export interface CompiledModel {
  graphs: GraphSet;
  plan: Plan;
}

/** Lowers a model (and its compile settings, when compiled) to a kernel plan. */
export function compileModel(model: Model, config: CompileConfig | null, options: PipelineOptions = {}): CompiledModel {
  const dump = options.dump;
  const graphOf = (step: StepKind): Graph | null => {
    if (step !== 'predict' && !config) return null;
    return lowerToGraph(model, config, step);
  };
  const graphs: GraphSet = { train: graphOf('train'), evaluate: graphOf('evaluate'), predict: graphOf('predict')! };
  const dumpGraphs = (pass: string) => {
    if (!dump) return;
    dump(pass, [graphs.train, graphs.evaluate, graphs.predict].filter((g): g is Graph => g !== null).map(printGraph).join('\n'));
  };
  dumpGraphs('lowerToGraph');
  if (graphs.train && config) {
    differentiate(graphs.train);
    dumpGraphs('differentiate');
    applyOptimizer(graphs.train, config.optimizer, config.span);
    dumpGraphs('applyOptimizer');
  }
  const encoding = config ? labelEncoding(model, config.loss) : { kind: 'raw' as const, cols: model.outputDim };
  let plan = lowerToPlan(model.name, graphs, encoding);
  dump?.('lowerToPlan', printPlan(plan));
  if (options.fuse !== false && options.stopAfter !== 'lowerToPlan') {
    for (const pass of planPasses) {
      plan = pass.run(plan);
      dump?.(pass.name, printPlan(plan));
      if (options.stopAfter === pass.name) break;
    }
  }
  return { graphs, plan };
}
