// What a run will write and read, known before anything runs, and the rule that follows: no file
// is written by two writers, and nothing is written over a file the program reads (its data, its
// weights, the program itself). `predict m(d) -> "data.csv"` with --out . would replace the CSV
// that d reads; it is refused (NNC5011) naming where the file would have gone.
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fail } from '../base/diagnostics/diagnostic.js';
import type { Program } from '../compiler/program.js';
import type { Span } from '../base/source.js';
import { CHECKPOINT_PLACEHOLDER } from './callbacks.js';

/** `MODEL.history`, then `MODEL-2.history` for the model's second fit, and so on. */
export function numberedName(model: string, kind: string, n: number): string {
  return `${model}${n > 1 ? `-${n}` : ''}.${kind}`;
}

/** A file the run writes (or a family of them: a ModelCheckpoint path with {epoch}). */
export interface PlannedOutput {
  /** Absolute. */
  path: string;
  /** For a path with placeholders: what the filled-in paths look like. */
  pattern: RegExp | null;
  /** One per statement, callback or flag: a writer may write its own file again. */
  writer: string;
  /** Who writes it, as the start of a sentence: "this statement", "--save-weights". */
  who: string;
  /** What the file is, for a message about another writer: "the history of the fit at line 12". */
  what: string;
  span: Span | undefined;
}

export interface PlannedInput {
  path: string;
  what: string;
}

export interface PathRules {
  /** Where a statement's output path goes (relative: under the output folder). */
  outputPath(path: string): string;
  /** Where `load` reads a path from. */
  loadPath(path: string): string;
  /** The path as the user is shown it. */
  display(path: string): string;
  saveWeights?: Map<string, string>;
  loadWeights?: Map<string, string>;
}

/** The same file however it is named: symlinks and `..` resolved where the file or its folder exists. */
function fileKey(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    try {
      return join(realpathSync.native(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

function patternOf(path: string): RegExp | null {
  const key = fileKey(path);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let source = '';
  let last = 0;
  for (const m of key.matchAll(new RegExp(CHECKPOINT_PLACEHOLDER, 'g'))) {
    source += `${escape(key.slice(last, m.index))}[^/]*`;
    last = m.index + m[0].length;
  }
  return last === 0 ? null : new RegExp(`^${source}${escape(key.slice(last))}$`);
}

/** Whether two outputs may write the same file. */
function overlaps(a: PlannedOutput, b: PlannedOutput): boolean {
  if (a.pattern && b.pattern) return fileKey(a.path) === fileKey(b.path);
  if (a.pattern) return a.pattern.test(fileKey(b.path));
  if (b.pattern) return b.pattern.test(fileKey(a.path));
  return fileKey(a.path) === fileKey(b.path);
}

const lineOf = (span: Span) => `line ${span.line}`;

/** Every file the program's statements and the weights flags will write, and every file they read, in order. */
export function plannedFiles(program: Program, rules: PathRules): { outputs: PlannedOutput[]; inputs: PlannedInput[] } {
  const outputs: PlannedOutput[] = [];
  const inputs: PlannedInput[] = [{ path: resolve(program.file), what: 'the program itself' }];
  for (const d of program.datasets) {
    if (d.source.kind === 'csv') inputs.push({ path: d.source.resolvedPath, what: `the data file of dataset '${d.name}'` });
  }
  for (const [model, path] of rules.loadWeights ?? []) inputs.push({ path: resolve(path), what: `the weights file --load-weights gives ${model}` });

  const counts = new Map<string, number>();
  const numbered = (model: string, kind: string) => {
    const key = `${model}\u0000${kind}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return numberedName(model, kind, n);
  };
  const add = (path: string, writer: string, who: string, what: string, span: Span | undefined) =>
    outputs.push({ path, pattern: patternOf(path), writer, who, what, span });

  for (const st of program.statements) {
    const writer = `statement@${st.span.offset}`;
    const at = lineOf(st.span);
    switch (st.kind) {
      case 'fit': {
        const base = numbered(st.model, 'history');
        for (const ext of ['json', 'svg']) add(rules.outputPath(`${base}.${ext}`), writer, 'this fit', `the history of the fit at ${at}`, st.span);
        for (const c of st.callbacks) {
          if (c.kind === 'model_checkpoint') add(rules.outputPath(c.path), `checkpoint@${c.span.offset}`, 'this ModelCheckpoint', `a checkpoint of the fit at ${at}`, c.span);
        }
        break;
      }
      case 'evaluate':
        if (st.output) add(rules.outputPath(st.output), writer, 'this evaluate', `the evaluation written at ${at}`, st.span);
        break;
      case 'predict':
        add(rules.outputPath(st.output ?? numbered(st.model, 'predictions.csv')), writer, 'this predict', `the predictions written at ${at}`, st.span);
        break;
      case 'save':
        add(rules.outputPath(st.path), writer, 'this save', `the weights saved at ${at}`, st.span);
        break;
      case 'load': {
        // Reading back what an earlier statement wrote is a round trip, not an input to protect.
        const written = { path: rules.outputPath(st.path), pattern: null, writer: '', who: '', what: '', span: undefined };
        if (!outputs.some((o) => overlaps(o, written))) inputs.push({ path: rules.loadPath(st.path), what: `the weights file the load at ${at} reads` });
        break;
      }
      default:
        break;
    }
  }
  for (const [model, path] of rules.saveWeights ?? []) add(resolve(path), `--save-weights@${model}`, '--save-weights', `the weights --save-weights writes for ${model}`, undefined);
  return { outputs, inputs };
}

/**
 * NNC5011 for the first output that would replace an input or another writer's output, at the
 * statement that would write it, saying where the file would have gone.
 */
export function checkOutputCollisions(program: Program, rules: PathRules): void {
  const { outputs, inputs } = plannedFiles(program, rules);
  for (const [i, out] of outputs.entries()) {
    const input = inputs.find((f) => (out.pattern ? out.pattern.test(fileKey(f.path)) : fileKey(f.path) === fileKey(out.path)));
    if (input) fail('NNC5011', out.span, { who: out.who, path: rules.display(out.path), other: input.what });
    const earlier = outputs.slice(0, i).find((o) => o.writer !== out.writer && overlaps(o, out));
    if (earlier) fail('NNC5011', out.span, { who: out.who, path: rules.display(out.path), other: earlier.what });
  }
}
