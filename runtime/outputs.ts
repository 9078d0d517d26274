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
interface PlannedOutput {
  /** Absolute, as written. */
  path: string;
  /** The file, however it is named (fileKey). */
  key: string;
  /** For a path with placeholders: what the filled-in keys look like. */
  pattern: RegExp | null;
  /** One per statement, callback or flag: a writer may write its own file again. */
  writer: string;
  /** Who writes it, as the start of a sentence: "this predict", "--save-weights". */
  who: string;
  /** What the file is, for a message about another writer: "the history of the fit at line 12". */
  what: string;
  span: Span | undefined;
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

function patternOf(key: string): RegExp | null {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let source = '';
  let last = 0;
  for (const m of key.matchAll(new RegExp(CHECKPOINT_PLACEHOLDER, 'g'))) {
    source += `${escape(key.slice(last, m.index))}[^/]*`;
    last = m.index + m[0].length;
  }
  return last === 0 ? null : new RegExp(`^${source}${escape(key.slice(last))}$`);
}

/** The outputs so far, found by file: a map for plain paths, a scan of the (few) checkpoint patterns. */
class Written {
  private readonly byKey = new Map<string, PlannedOutput>();
  private readonly patterns: PlannedOutput[] = [];

  add(o: PlannedOutput): void {
    if (o.pattern) this.patterns.push(o);
    else if (!this.byKey.has(o.key)) this.byKey.set(o.key, o);
  }

  /** An output of another writer that may write the same file as `o`. */
  clash(o: Pick<PlannedOutput, 'key' | 'pattern' | 'writer'>): PlannedOutput | undefined {
    const other = (p: PlannedOutput) => p.writer !== o.writer;
    if (o.pattern) {
      return this.patterns.find((p) => other(p) && p.key === o.key) ?? [...this.byKey.values()].find((p) => other(p) && o.pattern!.test(p.key));
    }
    const same = this.byKey.get(o.key);
    return same && other(same) ? same : this.patterns.find((p) => other(p) && p.pattern!.test(o.key));
  }
}

const lineOf = (span: Span) => `line ${span.line}`;

/**
 * Walks what the run will write and read, in order, and fails with NNC5011 at the first output
 * that would replace an input (the program, a dataset's file, a weights file read) or the output
 * of another writer, saying where the file would have gone. Each path is resolved once and looked
 * up in maps, so a program of thousands of statements checks in linear time.
 */
export function checkOutputCollisions(program: Program, rules: PathRules): void {
  const inputs = new Map<string, string>(); // key -> what the file is
  const read = (path: string, what: string) => {
    const key = fileKey(path);
    if (!inputs.has(key)) inputs.set(key, what);
  };
  read(resolve(program.file), 'the program itself');
  for (const d of program.datasets) if (d.source.kind === 'csv') read(d.source.resolvedPath, `the data file of dataset '${d.name}'`);
  for (const [model, path] of rules.loadWeights ?? []) read(resolve(path), `the weights file --load-weights gives ${model}`);

  const written = new Written();
  const write = (path: string, writer: string, who: string, what: string, span: Span | undefined) => {
    const key = fileKey(path);
    const out: PlannedOutput = { path, key, pattern: patternOf(key), writer, who, what, span };
    const input = out.pattern ? [...inputs].find(([k]) => out.pattern!.test(k))?.[1] : inputs.get(key);
    const other = input ?? written.clash(out)?.what;
    if (other !== undefined) fail('NNC5011', span, { who, path: rules.display(path), other });
    written.add(out);
  };

  const counts = new Map<string, number>();
  const numbered = (model: string, kind: string) => {
    const key = `${model}\u0000${kind}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return numberedName(model, kind, n);
  };
  for (const st of program.statements) {
    const writer = `statement@${st.span.offset}`;
    const at = lineOf(st.span);
    switch (st.kind) {
      case 'fit': {
        const base = numbered(st.model, 'history');
        for (const ext of ['json', 'svg']) write(rules.outputPath(`${base}.${ext}`), writer, 'this fit', `the history of the fit at ${at}`, st.span);
        for (const c of st.callbacks) {
          if (c.kind === 'model_checkpoint') write(rules.outputPath(c.path), `checkpoint@${c.span.offset}`, 'this ModelCheckpoint', `a checkpoint of the fit at ${at}`, c.span);
        }
        break;
      }
      case 'evaluate':
        if (st.output) write(rules.outputPath(st.output), writer, 'this evaluate', `the evaluation written at ${at}`, st.span);
        break;
      case 'predict':
        write(rules.outputPath(st.output ?? numbered(st.model, 'predictions.csv')), writer, 'this predict', `the predictions written at ${at}`, st.span);
        break;
      case 'save':
        write(rules.outputPath(st.path), writer, 'this save', `the weights saved at ${at}`, st.span);
        break;
      case 'load':
        // Reading back what an earlier statement wrote is a round trip, not an input to protect.
        if (!written.clash({ key: fileKey(rules.outputPath(st.path)), pattern: null, writer: 'load' })) read(rules.loadPath(st.path), `the weights file the load at ${at} reads`);
        break;
      default:
        break;
    }
  }
  for (const [model, path] of rules.saveWeights ?? []) write(resolve(path), `--save-weights@${model}`, '--save-weights', `the weights --save-weights writes for ${model}`, undefined);
}
