// The compiler's pass pipeline after the front end, in order. Each pass is a function from IR to
// IR in its own file; the driver runs them and can hand the IR after any pass to a printer
// (`nnc graph --after PASS`, `nnc build --emit ...`).
import { applyOptimizer } from './apply-optimizer.js';
import { differentiate } from './differentiate.js';
import type { Graph, StepKind } from './graph/ir.js';
import { printGraph } from './graph/print.js';
import { labelEncoding, lowerToGraph, type LabelEncoding } from './lower-to-graph.js';
import { lowerToPlan, type GraphSet } from './lower-to-plan.js';
import type { Plan } from './plan/ir.js';
import { printPlan } from './plan/print.js';
import type { Loss, Metric, Model, Optimizer } from './program.js';
import type { Span } from '../base/source.js';
import { planPasses } from './plan-passes.js';
import { verifyGraph } from './graph/verify.js';
import { verifyPlan } from './plan/verify.js';

function check(pass: string, problems: string[]): void {
  if (problems.length) throw new VerifyError(pass, problems);
}

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
  /** Check the IR after every pass (graph/verify.ts, plan/verify.ts); a problem throws a VerifyError. */
  verify?: boolean;
}

/** The IR after a pass broke a rule: the pass and every problem found. */
export class VerifyError extends Error {
  constructor(
    readonly pass: string,
    readonly problems: string[],
  ) {
    super(`the IR after ${pass} is not well formed:\n  ${problems.join('\n  ')}`);
  }
}

export interface CompiledModel {
  graphs: GraphSet;
  plan: Plan;
}

/** Lowers a model (and its compile settings, when compiled) to a kernel plan. */
export function compileModel(model: Model, config: CompileConfig | null, options: PipelineOptions = {}): CompiledModel {
  const graphOf = (step: StepKind): Graph | null => {
    if (step !== 'predict' && !config) return null;
    return lowerToGraph(model, config, step);
  };
  const graphs: GraphSet = { train: graphOf('train'), evaluate: graphOf('evaluate'), predict: graphOf('predict')! };
  const encoding = config ? labelEncoding(model, config.loss) : { kind: 'raw' as const, cols: model.outputDim };
  return compileGraphs(model.name, graphs, config, encoding, options);
}

/**
 * The passes after lowerToGraph, on graphs made by it or by hand (tests build N-d programs this
 * way): autodiff and the optimizer on the train graph (when there are compile settings), the plan,
 * the fusion passes.
 */
export function compileGraphs(name: string, graphs: GraphSet, config: Pick<CompileConfig, 'optimizer' | 'span'> | null, encoding: LabelEncoding, options: PipelineOptions = {}): CompiledModel {
  const dump = options.dump;
  const dumpGraphs = (pass: string) => {
    const list = [graphs.train, graphs.evaluate, graphs.predict].filter((g): g is Graph => g !== null);
    if (options.verify) check(pass, list.flatMap((g) => verifyGraph(g).map((p) => `${g.step}: ${p}`)));
    if (!dump) return;
    dump(pass, list.map(printGraph).join('\n'));
  };
  const dumpPlan = (pass: string, plan: Plan) => {
    if (options.verify) check(pass, verifyPlan(plan));
    dump?.(pass, printPlan(plan));
  };
  dumpGraphs('lowerToGraph');
  if (graphs.train && config) {
    differentiate(graphs.train);
    dumpGraphs('differentiate');
    applyOptimizer(graphs.train, config.optimizer, config.span);
    dumpGraphs('applyOptimizer');
  }
  let plan = lowerToPlan(name, graphs, encoding);
  dumpPlan('lowerToPlan', plan);
  if (options.fuse !== false && options.stopAfter !== 'lowerToPlan') {
    for (const pass of planPasses) {
      plan = pass.run(plan);
      dumpPlan(pass.name, plan);
      if (options.stopAfter === pass.name) break;
    }
  }
  return { graphs, plan };
}
