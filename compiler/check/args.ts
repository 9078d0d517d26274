// Arguments against their registry entry: positional ones first, no unknown or repeated names,
// required ones present; then each value converted to its type and checked against its range.
// A wrong argument is reported once, at the argument, and the caller gets `undefined` for it.
import type { Argument, Expression } from '../ast.js';
import { describeRange, type ArgSpec, type FunctionSpec, type Range } from '../registry.js';
import type { Span } from '../../base/source.js';
import { suggest } from '../../base/suggest.js';
import type { CheckContext } from './context.js';

/** A call-like thing to bind: a call, or a statement's argument list. */
export interface ArgSite {
  /** How the callee is named in messages: `Dense`, `fit`. */
  callee: string;
  args: Argument[];
  /** Where a missing argument is reported. */
  span: Span;
}

export class Args {
  private readonly given = new Map<string, Argument>();
  /** False once anything about these arguments was reported (or did not parse). */
  ok = true;

  constructor(
    private readonly ctx: CheckContext,
    readonly spec: FunctionSpec,
    private readonly site: ArgSite,
  ) {
    this.bind();
  }

  private bind(): void {
    const { spec, site } = this;
    const positional = spec.args.filter((a) => a.positional);
    const positionalCount = site.args.filter((a) => a.name === null).length;
    let next = 0;
    let seenKeyword = false;
    let reportedExtra = false;
    for (const arg of site.args) {
      if (arg.value.kind === 'error') {
        this.ok = false;
        continue;
      }
      if (arg.name === null) {
        if (seenKeyword) {
          this.ctx.report('NNC2007', arg.span, {});
          this.ok = false;
          continue;
        }
        const target = positional[next++];
        if (!target) {
          if (!reportedExtra) {
            this.ctx.report('NNC2008', arg.span, { callee: site.callee, max: positional.length, given: positionalCount, example: spec.example });
            reportedExtra = true;
          }
          this.ok = false;
          continue;
        }
        this.given.set(target.name, arg);
        continue;
      }
      seenKeyword = true;
      const name = arg.name.name;
      const target = spec.args.find((a) => a.name === name);
      if (!target) {
        const known = spec.args.map((a) => a.name);
        const suggestion = suggest(name, known);
        this.ctx.report('NNC2005', arg.name.span, suggestion ? { callee: site.callee, name, suggestion, known: known.join(', ') } : { callee: site.callee, name, known: known.join(', ') });
        this.ok = false;
        continue;
      }
      if (this.given.has(name)) {
        this.ctx.report('NNC2006', arg.name.span, { name });
        this.ok = false;
        continue;
      }
      this.given.set(name, arg);
    }
    if (!this.ok) return; // a missing argument may just be one that was misspelt or misplaced
    for (const a of spec.args) {
      if (a.required && !this.given.has(a.name)) {
        this.ctx.report('NNC2009', site.span, { callee: site.callee, name: a.name, example: spec.example });
        this.ok = false;
      }
    }
  }

  has(name: string): boolean {
    return this.given.has(name);
  }

  /** The argument's value as written, if given. */
  expr(name: string): Expression | undefined {
    return this.given.get(name)?.value;
  }

  /** The most specific place to point at about an argument: its value, else the whole call. */
  span(name: string): Span {
    return this.given.get(name)?.value.span ?? this.site.span;
  }

  /** The whole `name=value`, for errors about the argument itself. */
  argSpan(name: string): Span {
    return this.given.get(name)?.span ?? this.site.span;
  }

  private specOf(name: string): ArgSpec {
    const s = this.spec.args.find((a) => a.name === name);
    if (!s) throw new Error(`internal: ${this.spec.name} has no argument ${name} in the registry`);
    return s;
  }

  private fail(): undefined {
    this.ok = false;
    return undefined;
  }

  /** An integer or number argument, range-checked; the default when absent. */
  number(name: string): number | undefined {
    const spec = this.specOf(name);
    const e = this.expr(name);
    if (!e) return typeof spec.default === 'number' ? spec.default : undefined;
    const integer = spec.type === 'int' || spec.type === 'shape';
    if (e.kind === 'number' && !Number.isFinite(e.value)) {
      // 1e999: too large for any number (not a fraction to round, as the integer help would say)
      this.ctx.report('NNC2011', e.span, { name, range: describeRange(spec.range) || 'a finite number', value: e.text });
      return this.fail();
    }
    if (e.kind !== 'number' || (integer && !Number.isInteger(e.value))) {
      this.ctx.report('NNC2010', e.span, typeMismatch(name, integer ? 'an integer' : 'a number', e));
      return this.fail();
    }
    if (!inRange(e.value, spec.range)) {
      this.ctx.report('NNC2011', e.span, { name, range: describeRange(spec.range), value: e.text });
      return this.fail();
    }
    return e.value;
  }

  /** One sample's shape: a tuple (or list) of integers in the argument's range, or one integer: (28, 28, 1), (8,), 8. */
  shape(name: string): number[] | undefined {
    const e = this.expr(name);
    if (!e) return undefined;
    if (e.kind === 'number') {
      const n = this.number(name);
      return n === undefined ? undefined : [n];
    }
    const range = this.specOf(name).range;
    const help = name === 'target_shape' ? 'write the new shape of one sample as a tuple, such as (8, 8, 1)' : 'write one sample\'s shape as a tuple of sizes, such as (28, 28, 1) or (8,)';
    if (e.kind !== 'list' || e.items.length === 0) {
      this.ctx.report('NNC2010', e.span, { name, expected: 'a tuple of sizes', found: describeExpr(e), help });
      return this.fail();
    }
    const out: number[] = [];
    for (const item of e.items) {
      if (item.kind !== 'number' || !Number.isInteger(item.value)) {
        this.ctx.report('NNC2010', item.span, { name, expected: 'a whole number in the shape', found: describeExpr(item), help });
        return this.fail();
      }
      if (!inRange(item.value, range) || item.value === 0) {
        this.ctx.report('NNC2011', item.span, { name, range: range?.min === -1 ? 'a size >= 1, or -1 (inferred)' : `a size ${describeRange(range)}`, value: item.text });
        return this.fail();
      }
      out.push(item.value);
    }
    return out;
  }

  /** A window's or stride's (height, width): one integer for both, or a tuple of two. */
  size2(name: string): [number, number] | undefined {
    const spec = this.specOf(name);
    const e = this.expr(name);
    if (!e) return typeof spec.default === 'number' ? [spec.default, spec.default] : undefined;
    if (e.kind === 'number') {
      const n = this.number(name);
      return n === undefined ? undefined : [n, n];
    }
    if (e.kind !== 'list' || e.items.length !== 2) {
      this.ctx.report('NNC2010', e.span, { name, expected: 'an integer or a tuple of two (height, width)', found: e.kind === 'list' ? `a tuple of ${e.items.length}` : describeExpr(e), help: `write ${name}=(3, 3), or ${name}=3 for both` });
      return this.fail();
    }
    const out: number[] = [];
    for (const item of e.items) {
      if (item.kind !== 'number' || !Number.isInteger(item.value)) {
        this.ctx.report('NNC2010', item.span, typeMismatch(name, 'an integer', item));
        return this.fail();
      }
      if (!inRange(item.value, spec.range)) {
        this.ctx.report('NNC2011', item.span, { name, range: describeRange(spec.range), value: item.text });
        return this.fail();
      }
      out.push(item.value);
    }
    return [out[0]!, out[1]!];
  }

  /** As size2, or `null` (absent: the default, null). */
  size2OrNull(name: string): [number, number] | null | undefined {
    const e = this.expr(name);
    if (!e || (e.kind === 'name' && (e.name === 'null' || e.name === 'None'))) return null;
    return this.size2(name);
  }

  bool(name: string): boolean | undefined {
    const spec = this.specOf(name);
    const e = this.expr(name);
    if (!e) return typeof spec.default === 'boolean' ? spec.default : undefined;
    if (e.kind === 'bool') return e.value;
    this.ctx.report('NNC2010', e.span, typeMismatch(name, 'true or false', e));
    return this.fail();
  }

  string(name: string): string | undefined {
    const spec = this.specOf(name);
    const e = this.expr(name);
    if (!e) return typeof spec.default === 'string' ? spec.default : undefined;
    if (e.kind === 'string') {
      if (spec.choices && !spec.choices.includes(e.value)) {
        const suggestion = suggest(e.value, spec.choices);
        const choices = spec.choices.map((c) => `"${c}"`).join(', ');
        this.ctx.report('NNC2010', e.span, {
          name,
          expected: `one of ${choices}`,
          found: describeExpr(e),
          ...(suggestion ? { help: `did you mean "${suggestion}"?` } : {}),
        });
        return this.fail();
      }
      return e.value;
    }
    this.ctx.report('NNC2010', e.span, typeMismatch(name, 'a string', e));
    return this.fail();
  }

  /** A number or `null`; the default when absent. */
  numberOrNull(name: string): number | null | undefined {
    const spec = this.specOf(name);
    const e = this.expr(name);
    if (!e) return typeof spec.default === 'number' ? spec.default : null;
    if (e.kind === 'name' && e.name === 'null') return null;
    if (e.kind === 'number') {
      if (inRange(e.value, spec.range)) return e.value;
      this.ctx.report('NNC2011', e.span, { name, range: describeRange(spec.range), value: e.text });
      return this.fail();
    }
    this.ctx.report('NNC2010', e.span, typeMismatch(name, 'a number or null', e));
    return this.fail();
  }

  /** An integer or `null`; the default when absent. */
  intOrNull(name: string): number | null | undefined {
    const e = this.expr(name);
    if (e && e.kind === 'number' && !Number.isInteger(e.value)) {
      this.ctx.report('NNC2010', e.span, typeMismatch(name, 'an integer or null', e));
      return this.fail();
    }
    return this.numberOrNull(name);
  }

  /** One of the argument's choices, or `null`; the default when absent. */
  choiceOrNull(name: string): string | null | undefined {
    const e = this.expr(name);
    if (!e) return (this.specOf(name).default as string | null | undefined) ?? null;
    if (e.kind === 'name' && e.name === 'null') return null;
    return this.string(name);
  }

  /** csv's header: true, false or "auto". */
  header(name: string): boolean | 'auto' | undefined {
    const e = this.expr(name);
    if (!e) return 'auto';
    if (e.kind === 'bool') return e.value;
    if (e.kind === 'string' && e.value === 'auto') return 'auto';
    const help = e.kind === 'name' && e.name === 'auto' ? 'write it in quotes: header="auto"' : undefined;
    this.ctx.report('NNC2010', e.span, { name, expected: 'true, false or "auto"', found: describeExpr(e), ...(help ? { help } : {}) });
    return this.fail();
  }
}

export function inRange(value: number, range: Range | undefined): boolean {
  if (!range) return true;
  if (range.min !== undefined && (range.minExclusive ? value <= range.min : value < range.min)) return false;
  if (range.max !== undefined && (range.maxExclusive ? value >= range.max : value > range.max)) return false;
  return true;
}

/** An expression in words, for "but this is ...". */
export function describeExpr(e: Expression): string {
  switch (e.kind) {
    case 'number':
      return `the number ${e.text}`;
    case 'string':
      return `the string "${e.value.length > 40 ? `${e.value.slice(0, 40)}...` : e.value}"`;
    case 'bool':
      return String(e.value);
    case 'name':
      return e.name === 'null' ? 'null' : `the name '${e.name}'`;
    case 'call':
      return `a call to ${e.callee.name}(...)`;
    case 'list':
      return e.tuple ? 'a tuple' : 'a list';
    case 'slice':
      return 'a slice';
    case 'error':
      return 'not readable';
  }
}

/** NNC2010's arguments, with a help for the usual slips (quotes around a number, a bare name). */
/**
 * A file path written in the program: NNC2019 when it is empty (once a predict's output silently
 * went to the default name) or holds a NUL character (no file system takes it; once found only
 * when the file was written, after training). Returns whether the path is usable.
 */
export function checkPath(ctx: CheckContext, value: string, span: Span, what: string, example: string): boolean {
  if (value.trim() === '') {
    ctx.report('NNC2019', span, { what, problem: value === '' ? 'is empty' : 'is only spaces', help: `write a file name, such as "${example}"` });
    return false;
  }
  const nul = value.indexOf('\0');
  if (nul >= 0) {
    ctx.report('NNC2019', span, { what, problem: `holds a NUL character (at ${nul + 1}), which no file name may hold`, help: 'remove it from the path' });
    return false;
  }
  return true;
}

export function typeMismatch(name: string, expected: string, e: Expression): { name: string; expected: string; found: string; help?: string } {
  const found = describeExpr(e);
  let help: string | undefined;
  if (e.kind === 'string' && (expected === 'an integer' || expected === 'a number') && e.value.trim() !== '' && !Number.isNaN(Number(e.value))) {
    help = `remove the quotes: ${name}=${e.value}`;
  } else if (e.kind === 'string' && expected === 'true or false' && (e.value === 'true' || e.value === 'false')) {
    help = `remove the quotes: ${name}=${e.value}`;
  } else if (e.kind === 'string' && expected === 'true or false' && (e.value === 'True' || e.value === 'False')) {
    help = `write ${name}=${e.value.toLowerCase()}`;
  } else if (e.kind === 'name' && expected === 'a string') {
    help = `put it in quotes: ${name}="${e.name}"`;
  } else if (e.kind === 'name' && expected === 'true or false' && (e.name === 'True' || e.name === 'False')) {
    help = `write ${name}=${e.name.toLowerCase()}`;
  } else if (e.kind === 'number' && expected === 'an integer') {
    help = `use a whole number, such as ${name}=${Math.max(1, Math.round(e.value))}`;
  }
  return help ? { name, expected, found, help } : { name, expected, found };
}
