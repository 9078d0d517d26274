// Dataset statements: csv(...), builtin(...), split(...). Each becomes a DatasetSource, and is then
// read (through the DataStore) so the checker knows its shape before anything runs.
import { shapeOf } from '../../base/data/dataset.js';
import { absolutePath, fileExists, pathBeside } from '../../base/files.js';
import type { Call, DatasetStatement, Expression, Identifier } from '../ast.js';
import { NncError } from '../../base/diagnostics/diagnostic.js';
import type { ColumnSelector, DatasetSource } from '../program.js';
import { BUILTIN_DATASETS, datasetFunctions, findFunction, type ArgSpec, type FunctionSpec } from '../registry.js';
import { joinSpans, type Span } from '../../base/source.js';
import { suggest } from '../../base/suggest.js';
import { checkPath, describeExpr } from './args.js';
import type { CheckContext, DatasetInfo } from './context.js';
import type { Names } from './names.js';
import { callArgs } from './values.js';

export function checkDatasetStatement(ctx: CheckContext, names: Names, s: DatasetStatement): void {
  const declarePoisoned = () => {
    for (const ident of s.names) names.declare(datasetInfo(ident, s.span, null, true));
  };
  const call = s.value;
  if (s.recovered || !call) return declarePoisoned();

  const spec = findFunction(datasetFunctions, call.callee.name);
  if (!spec) {
    const known = datasetFunctions.map((f) => f.name);
    const suggestion = suggest(call.callee.name, known);
    ctx.report('NNC2001', call.callee.span, suggestion ? { what: 'dataset function', name: call.callee.name, suggestion } : { what: 'dataset function', name: call.callee.name, known: known.join(', ') });
    return declarePoisoned();
  }

  const needed = spec.name === 'split' ? 2 : 1;
  if (s.names.length !== needed) {
    const namesSpan = joinSpans(s.names[0]!.span, s.names[s.names.length - 1]!.span);
    const first = s.names[0]!.name;
    const pair = s.names.length >= 2 ? `${first}, ${s.names[1]!.name}` : `${first}_train, ${first}_test`;
    const example =
      spec.name === 'split' ? `dataset ${pair} = split(${describeSource(call)}, test_size=0.2)` : `dataset ${first} = ${spec.name}(...)`;
    ctx.report('NNC2014', namesSpan, { callee: `${spec.name}(...)`, count: s.names.length, needed, example });
    return declarePoisoned();
  }

  if (spec.name === 'split') return checkSplit(ctx, names, s, spec, call);

  const ident = s.names[0]!;
  const override = ctx.options.dataOverrides?.get(ident.name);
  if (spec.name === 'builtin') {
    if (override !== undefined) ctx.report('NNC2017', ident.span, { name: ident.name, kind: 'builtin(...)' });
    const source = readBuiltin(ctx, call);
    const info = datasetInfo(ident, s.span, source, source === null);
    if (names.declare(info) && source) load(ctx, info, source, call.span);
    return;
  }

  if (spec.name === 'idx' || spec.name === 'images' || spec.name === 'text') return checkImageSource(ctx, names, s, spec, call, ident, override);
  if (spec.name === 'timeseries') return checkTimeseries(ctx, names, s, spec, call, ident, override);

  const args = callArgs(ctx, spec, call);
  const path = args.string('path');
  // A path that --data replaces is never opened.
  if (path !== undefined && override === undefined && !checkPath(ctx, path, args.span('path'), 'data file name', 'data.csv')) args.ok = false;
  const features = args.has('features') ? readColumns(ctx, args.expr('features')!, 'features') : ({ kind: 'list', items: [], span: call.argsSpan } as ColumnSelector);
  const labels = args.has('labels') ? readColumns(ctx, args.expr('labels')!, 'labels') : ({ kind: 'index', index: -1, span: call.argsSpan } as ColumnSelector);
  const text = args.has('text') ? readColumns(ctx, args.expr('text')!, 'text') : undefined;
  if (args.has('text') && !text) args.ok = false;
  if (text && args.has('features')) {
    ctx.report('NNC2010', args.span('features'), { name: 'features', expected: 'nothing with text=', found: describeExpr(args.expr('features')!), help: 'text= names the one column a text model reads; remove features=' });
    args.ok = false;
  }
  const header = args.header('header');
  const delimiter = args.string('delimiter');
  if (delimiter !== undefined && [...delimiter].length !== 1) {
    ctx.report('NNC2010', args.span('delimiter'), { name: 'delimiter', expected: 'a single character', found: `"${delimiter}"`, help: 'for tab-separated files write delimiter="\\t"' });
    args.ok = false;
  }
  let source: DatasetSource | null = null;
  if (args.ok && path !== undefined && features && labels && header !== undefined && delimiter !== undefined) {
    const resolvedPath = override !== undefined ? absolutePath(override) : pathBeside(ctx.file, path);
    source = { kind: 'csv', path, resolvedPath, header, delimiter, features, labels, ...(text ? { text } : {}) };
  }
  const info = datasetInfo(ident, s.span, source, source === null);
  if (!names.declare(info) || !source || source.kind !== 'csv') return;
  // Under `nnc check` a data file that is not there is a warning: the program can still be
  // checked. A path given with --data was asked for explicitly, so it must exist.
  if (ctx.options.mode === 'check' && override === undefined && !fileExists(source.resolvedPath)) {
    ctx.report('NNC3010', args.span('path'), { path: path!, dataset: ident.name });
    info.unread = true;
    return;
  }
  load(ctx, info, source, args.span('path'));
}

/** The dataset a `source` argument names (declared before), or undefined with NNC2010 where it is not a name. */
function sourceDataset(ctx: CheckContext, names: Names, expr: Expression | undefined, help: string): DatasetInfo | undefined {
  if (expr?.kind === 'name') return names.dataset({ kind: 'identifier', name: expr.name, span: expr.span });
  if (expr) ctx.report('NNC2010', expr.span, { name: 'source', expected: 'a dataset name', found: describeExpr(expr), help });
  return undefined;
}

/** timeseries(SOURCE, window=, horizon=, stride=): windows of a dataset declared before it. */
function checkTimeseries(ctx: CheckContext, names: Names, s: DatasetStatement, spec: FunctionSpec, call: Call, ident: Identifier, override: string | undefined): void {
  if (override !== undefined) ctx.report('NNC2017', ident.span, { name: ident.name, kind: 'timeseries(...)' });
  const args = callArgs(ctx, spec, call);
  const parent = sourceDataset(ctx, names, args.expr('source'), 'declare the series first (dataset temps = csv(...)), then write timeseries(temps, window=30)');
  const window = args.number('window');
  const horizon = args.number('horizon');
  const stride = args.number('stride');
  const valid = args.ok && parent !== undefined && window !== undefined && horizon !== undefined && stride !== undefined;
  const source: DatasetSource | null = valid ? { kind: 'timeseries', source: parent!.name, window: window!, horizon: horizon!, stride: stride! } : null;
  const info = datasetInfo(ident, s.span, source, !valid || parent!.poisoned);
  if (!names.declare(info) || !source || info.poisoned) return;
  if (parent!.unread) {
    info.unread = true;
    return;
  }
  load(ctx, info, source, args.has('window') ? args.span('window') : call.span);
}

/** idx(...), images(...) and text(...): paths resolved as csv's (beside the program, or --data), then read. */
function checkImageSource(ctx: CheckContext, names: Names, s: DatasetStatement, spec: FunctionSpec, call: Call, ident: Identifier, override: string | undefined): void {
  const args = callArgs(ctx, spec, call);
  const path = args.string('path');
  if (path !== undefined && override === undefined && !checkPath(ctx, path, args.span('path'), spec.name === 'idx' ? 'IDX file name' : spec.name === 'text' ? 'text folder' : 'image folder', spec.name === 'idx' ? 'train-images-idx3-ubyte.gz' : spec.name === 'text' ? 'reviews/' : 'photos/')) args.ok = false;
  const beside = (p: string) => pathBeside(ctx.file, p);
  let source: DatasetSource | null = null;
  if (spec.name === 'idx') {
    const labels = args.has('labels') ? args.string('labels') : undefined;
    if (labels !== undefined && !checkPath(ctx, labels, args.span('labels'), 'IDX labels file name', 'train-labels-idx1-ubyte.gz')) args.ok = false;
    if (args.ok && path !== undefined) {
      source = { kind: 'idx', path, resolvedPath: override !== undefined ? absolutePath(override) : beside(path), labels: labels !== undefined ? { path: labels, resolvedPath: beside(labels) } : null };
    }
  } else if (spec.name === 'text') {
    const maxLength = args.intOrNull('max_length');
    if (args.ok && path !== undefined && maxLength !== undefined) source = { kind: 'text', path, resolvedPath: override !== undefined ? absolutePath(override) : beside(path), maxLength };
  } else {
    const size = args.size2('size');
    const color = args.string('color');
    if (args.ok && path !== undefined && size && color) {
      source = { kind: 'images', path, resolvedPath: override !== undefined ? absolutePath(override) : beside(path), size, color: color as 'rgb' | 'grayscale' | 'rgba' };
    }
  }
  const info = datasetInfo(ident, s.span, source, source === null);
  if (!names.declare(info) || !source || (source.kind !== 'idx' && source.kind !== 'images' && source.kind !== 'text')) return;
  if (ctx.options.mode === 'check' && override === undefined && !fileExists(source.resolvedPath)) {
    ctx.report('NNC3010', args.span('path'), { path: path!, dataset: ident.name });
    info.unread = true;
    return;
  }
  load(ctx, info, source, args.span('path'));
}

function checkSplit(ctx: CheckContext, names: Names, s: DatasetStatement, spec: FunctionSpec, call: Call): void {
  const args = callArgs(ctx, spec, call);
  const parent = sourceDataset(ctx, names, args.expr('source'), 'write split(NAME, test_size=0.2), NAME without quotes');
  const testSize = args.number('test_size');
  const seed = args.number('seed');
  const shuffle = args.bool('shuffle');
  const valid = args.ok && parent !== undefined && testSize !== undefined && seed !== undefined && shuffle !== undefined;
  const parts: ('train' | 'test')[] = ['train', 'test'];
  let failed = false;
  s.names.forEach((ident, i) => {
    const override = ctx.options.dataOverrides?.get(ident.name);
    if (override !== undefined) ctx.report('NNC2017', ident.span, { name: ident.name, kind: 'split(...)' });
    const source: DatasetSource | null = valid ? { kind: 'split', source: parent!.name, part: parts[i]!, testSize: testSize!, seed: seed!, shuffle: shuffle! } : null;
    const info = datasetInfo(ident, s.span, source, !valid || parent!.poisoned);
    if (!names.declare(info) || !source || info.poisoned) return;
    if (parent!.unread) {
      info.unread = true;
      return;
    }
    // Both parts come from one split: when the first cannot be made, the second is not tried (one diagnostic).
    if (failed) {
      info.poisoned = true;
      return;
    }
    const errors = ctx.errorCount;
    load(ctx, info, source, args.has('test_size') ? args.span('test_size') : call.span);
    failed = ctx.errorCount > errors;
  });
}

function datasetInfo(ident: Identifier, span: Span, source: DatasetSource | null, poisoned: boolean): DatasetInfo {
  return { kind: 'dataset', name: ident.name, ident, span, source, shape: null, unread: false, poisoned };
}

/** Reads the dataset into the store; data errors (NNC4xxx) are collected and poison the dataset. */
function load(ctx: CheckContext, info: DatasetInfo, source: DatasetSource, span: Span): void {
  const store = ctx.options.store;
  if (!store) return;
  try {
    info.shape = shapeOf(store.load(info.name, source, span));
  } catch (err) {
    if (!(err instanceof NncError)) throw err;
    for (const d of err.diagnostics) ctx.push(d);
    info.poisoned = true;
  }
}

function describeSource(call: Call): string {
  const first = call.args[0]?.value;
  return first?.kind === 'name' ? first.name : 'DATASET';
}

// ---- builtin(...) ---------------------------------------------------------------------------

function readBuiltin(ctx: CheckContext, call: Call): DatasetSource | null {
  const first = call.args[0];
  const nameExpr = first && first.name === null ? first.value : call.args.find((a) => a.name?.name === 'name')?.value;
  const known = Object.keys(BUILTIN_DATASETS);
  if (!nameExpr || nameExpr.kind === 'error') {
    if (!nameExpr) ctx.report('NNC2009', call.argsSpan, { callee: 'builtin', name: 'name', example: 'builtin("moons", rows=1000)' });
    return null;
  }
  if (nameExpr.kind !== 'string') {
    const help = nameExpr.kind === 'name' ? `put it in quotes: builtin("${nameExpr.name}")` : `the builtin datasets are: ${known.join(', ')}`;
    ctx.report('NNC2010', nameExpr.span, { name: 'name', expected: 'a string naming a builtin dataset', found: describeExpr(nameExpr), help });
    return null;
  }
  const which = nameExpr.value;
  const info = BUILTIN_DATASETS[which];
  if (!info) {
    const suggestion = suggest(which, known);
    ctx.report('NNC2001', nameExpr.span, suggestion ? { what: 'builtin dataset', name: which, suggestion } : { what: 'builtin dataset', name: which, known: known.join(', ') });
    return null;
  }
  const argSpecs: ArgSpec[] = [
    { name: 'name', type: 'string', required: true, positional: true, doc: 'which dataset' },
    ...Object.entries(info.args).map(
      ([name, a]): ArgSpec => ({
        name,
        type: a.integer ? 'int' : 'number',
        default: a.default,
        range: { ...(a.min !== undefined ? { min: a.min } : {}), ...(a.max !== undefined ? { max: a.max } : {}) },
        doc: a.doc,
      }),
    ),
  ];
  const example = `builtin("${which}"${Object.entries(info.args)
    .map(([n, a]) => `, ${n}=${a.default}`)
    .join('')})`;
  const spec: FunctionSpec = { name: `builtin("${which}")`, doc: info.doc, example, args: argSpecs };
  const args = callArgs(ctx, spec, call);
  const options: Record<string, number> = {};
  for (const name of Object.keys(info.args)) {
    const value = args.number(name);
    if (value !== undefined) options[name] = value;
  }
  return args.ok ? { kind: 'builtin', which, options } : null;
}

// ---- column selectors -----------------------------------------------------------------------

const columnsHelp = 'columns are an index (8, -1), a slice (0:8), a header name ("age") or a list of those';

export function readColumns(ctx: CheckContext, e: Expression, argName: string, nested = false): ColumnSelector | undefined {
  switch (e.kind) {
    case 'number':
      if (Number.isInteger(e.value)) return { kind: 'index', index: e.value, span: e.span };
      ctx.report('NNC2010', e.span, { name: argName, expected: 'a whole column index', found: describeExpr(e), help: columnsHelp });
      return undefined;
    case 'string':
      return { kind: 'name', name: e.value, span: e.span };
    case 'slice': {
      const bound = (b: Expression | null): number | null | undefined => {
        if (b === null) return null;
        if (b.kind === 'number' && Number.isInteger(b.value)) return b.value;
        ctx.report('NNC2010', b.span, { name: argName, expected: 'a whole column index as a slice bound', found: describeExpr(b), help: columnsHelp });
        return undefined;
      };
      const start = bound(e.start);
      const end = bound(e.end);
      if (start === undefined || end === undefined) return undefined;
      return { kind: 'slice', start, end, span: e.span };
    }
    case 'list': {
      if (nested) {
        ctx.report('NNC2010', e.span, { name: argName, expected: 'a column index, slice or name', found: 'a list inside a list', help: columnsHelp });
        return undefined;
      }
      const items: ColumnSelector[] = [];
      let ok = true;
      for (const item of e.items) {
        const selector = item.kind === 'error' ? undefined : readColumns(ctx, item, argName, true);
        if (selector) items.push(selector);
        else ok = false;
      }
      return ok ? { kind: 'list', items, span: e.span } : undefined;
    }
    case 'error':
      return undefined;
    default:
      ctx.report('NNC2010', e.span, { name: argName, expected: 'columns', found: describeExpr(e), help: columnsHelp });
      return undefined;
  }
}
