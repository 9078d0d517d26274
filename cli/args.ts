// Command-line parsing for nnc commands: options declared per command, unknown ones answered with
// the nearest known one (NNC7001), missing values and arguments with NNC7002.
import { diagnostic, type Diagnostic } from '../base/diagnostics/diagnostic.js';
import { suggest } from '../base/suggest.js';
import { statements } from '../compiler/registry.js';

/** `--epochs 5` for a statement's argument: the --set that does it (with the value when given). */
function setHint(flag: string, value: string | undefined): string | null {
  const arg = flag.replace(/^--?/, '').replace(/-/g, '_');
  const owners = statements.filter((s) => s.args.some((a) => a.name === arg)).map((s) => s.name);
  if (owners.length === 0) return null;
  const uses = owners.map((s) => `--set ${s}.${arg}=${value ?? 'VALUE'}`);
  return `the program's arguments are changed with --set: ${uses.join(' or ')}`;
}

export interface OptionSpec {
  /** `--data`. */
  name: string;
  /** Also accepted: `-h`. */
  short?: string;
  /** Placeholder of its value (`NAME=PATH`); absent for a flag. */
  value?: string;
  /** May be given several times (values are kept in order). */
  repeatable?: boolean;
  help: string;
}

export interface PositionalSpec {
  name: string;
  required: boolean;
  help: string;
}

export interface ParsedArgs {
  positionals: string[];
  /** Option name (`--data`) -> its values in order; a flag has one empty string per use. */
  options: Map<string, string[]>;
}

export const helpOption: OptionSpec = { name: '--help', short: '-h', help: 'show this help' };

/** Parses `argv` (after the command name). Values: `--opt VALUE` or `--opt=VALUE`; `--` ends options. */
export function parseArgs(argv: readonly string[], options: readonly OptionSpec[], positionals: readonly PositionalSpec[], command: string): { args: ParsedArgs; diagnostics: Diagnostic[] } {
  const all = [...options, helpOption];
  const args: ParsedArgs = { positionals: [], options: new Map() };
  const diagnostics: Diagnostic[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (onlyPositionals || !word.startsWith('-') || word === '-') {
      args.positionals.push(word);
      continue;
    }
    if (word === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = word.indexOf('=');
    const flag = word.startsWith('--') && eq > 0 ? word.slice(0, eq) : word;
    const spec = all.find((o) => o.name === flag || o.short === flag);
    if (!spec) {
      const suggestion = suggest(flag, all.map((o) => o.name));
      // An argument of the program's statements (`--epochs 5`): say how to set it, and take its value along.
      const next = flag === word && i + 1 < argv.length && !argv[i + 1]!.startsWith('-') ? argv[i + 1] : undefined;
      const hint = all.some((o) => o.name === '--set') ? setHint(flag, flag !== word ? word.slice(eq + 1) : next) : null;
      if (hint) {
        diagnostics.push(diagnostic('NNC7001', undefined, { flag, help: hint }));
        if (next !== undefined) i++;
        continue;
      }
      diagnostics.push(diagnostic('NNC7001', undefined, suggestion ? { flag, suggestion } : { flag }));
      // A misspelt option that takes a value (`--bakend cpu`) takes it along, rather than leaving it
      // behind as an unexpected argument (one mistake, one message).
      const meant = all.find((o) => o.name === suggestion);
      if (meant?.value !== undefined && flag === word && i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) i++;
      continue;
    }
    let value = '';
    if (spec.value !== undefined) {
      if (flag !== word) value = word.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i]!;
      else {
        diagnostics.push(diagnostic('NNC7002', undefined, { what: `${spec.name} needs a value: ${spec.name} ${spec.value}` }));
        continue;
      }
    } else if (flag !== word) {
      diagnostics.push(diagnostic('NNC7002', undefined, { what: `${spec.name} takes no value` }));
      continue;
    }
    const list = args.options.get(spec.name) ?? [];
    if (list.length > 0 && !spec.repeatable) {
      diagnostics.push(diagnostic('NNC7002', undefined, { what: `${spec.name} is given more than once` }));
      continue;
    }
    list.push(value);
    args.options.set(spec.name, list);
  }
  if (args.options.has('--help')) return { args, diagnostics: [] };
  const required = positionals.filter((p) => p.required).length;
  if (args.positionals.length < required) {
    const missing = positionals[args.positionals.length]!;
    diagnostics.push(diagnostic('NNC7002', undefined, { what: `missing ${missing.name}: nnc ${command} ${positionals.map((p) => (p.required ? p.name : `[${p.name}]`)).join(' ')}` }));
  } else if (args.positionals.length > positionals.length) {
    diagnostics.push(diagnostic('NNC7002', undefined, { what: `unexpected argument '${args.positionals[positionals.length]}'` }));
  }
  return { args, diagnostics };
}

/**
 * NAME=PATH values of a repeatable option (--data, --load-weights ...) as a map; a malformed or
 * repeated one is NNC7002.
 */
export function parseModelPaths(values: readonly string[], flag: string): { map: Map<string, string>; diagnostics: Diagnostic[] } {
  const map = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const value of values) {
    const eq = value.indexOf('=');
    const name = eq > 0 ? value.slice(0, eq) : '';
    const path = eq > 0 ? value.slice(eq + 1) : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || path === '') {
      diagnostics.push(diagnostic('NNC7002', undefined, { what: `${flag} takes NAME=PATH (such as ${flag} name=file), not '${value}'` }));
      continue;
    }
    if (map.has(name)) {
      diagnostics.push(diagnostic('NNC7002', undefined, { what: `${flag} gives '${name}' twice` }));
      continue;
    }
    map.set(name, path);
  }
  return { map, diagnostics };
}

/** --data NAME=PATH values: dataset name -> file. */
export function parseDataOverrides(values: readonly string[]): { overrides: Map<string, string>; diagnostics: Diagnostic[] } {
  const parsed = parseModelPaths(values, '--data');
  return { overrides: parsed.map, diagnostics: parsed.diagnostics };
}

/** The options part of a help text, aligned. */
export function formatOptions(options: readonly OptionSpec[]): string[] {
  const all = [...options, helpOption];
  const left = all.map((o) => `${o.short ? `${o.short}, ` : ''}${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length));
  return all.map((o, i) => `  ${left[i]!.padEnd(width)}  ${o.help}`);
}
