// Datasets and models share one set of names, defined in program order. A reference resolves to
// what is defined before it; otherwise it is reported once, with the nearest name or the later line.
import type { Identifier, ProgramAst } from '../ast.js';
import { suggest } from '../../base/suggest.js';
import type { CheckContext, DatasetInfo, ModelInfo, Symbol } from './context.js';

export class Names {
  private readonly symbols = new Map<string, Symbol>();
  /** Every name any dataset or model statement declares, with the line of its first declaration. */
  private readonly declaredAnywhere = new Map<string, { kind: 'dataset' | 'model'; line: number }>();
  private readonly unparsed: Set<string>;

  constructor(
    private readonly ctx: CheckContext,
    ast: ProgramAst,
  ) {
    this.unparsed = new Set(ast.unparsedNames);
    for (const s of ast.statements) {
      const idents = s.kind === 'dataset' ? s.names : s.kind === 'model' && s.name ? [s.name] : [];
      for (const ident of idents) {
        if (!this.declaredAnywhere.has(ident.name)) this.declaredAnywhere.set(ident.name, { kind: s.kind as 'dataset' | 'model', line: ident.span.line });
      }
    }
  }

  /** Adds a dataset or model; a name already taken is NNC2003 (and the new one is not added). */
  declare(symbol: Symbol): boolean {
    const existing = this.symbols.get(symbol.name);
    if (existing) {
      this.ctx.report('NNC2003', symbol.ident.span, { name: symbol.name, firstLine: existing.ident.span.line, firstKind: existing.kind });
      return false;
    }
    this.symbols.set(symbol.name, symbol);
    return true;
  }

  dataset(ident: Identifier): DatasetInfo | undefined {
    return this.lookup(ident, 'dataset') as DatasetInfo | undefined;
  }

  model(ident: Identifier): ModelInfo | undefined {
    return this.lookup(ident, 'model') as ModelInfo | undefined;
  }

  /** A model by name, without reporting anything when there is none. */
  findModel(name: string): ModelInfo | undefined {
    const found = this.symbols.get(name);
    return found?.kind === 'model' ? found : undefined;
  }

  /** Whether a name is declared anywhere (or written in a statement that did not parse). */
  mentioned(name: string): boolean {
    return this.declaredAnywhere.has(name) || this.unparsed.has(name);
  }

  datasets(): DatasetInfo[] {
    return [...this.symbols.values()].filter((s): s is DatasetInfo => s.kind === 'dataset');
  }

  models(): ModelInfo[] {
    return [...this.symbols.values()].filter((s): s is ModelInfo => s.kind === 'model');
  }

  private lookup(ident: Identifier, expected: 'dataset' | 'model'): Symbol | undefined {
    const found = this.symbols.get(ident.name);
    if (found) {
      if (found.kind === expected) return found;
      this.ctx.report('NNC2004', ident.span, { name: ident.name, is: found.kind, expected });
      return undefined;
    }
    if (this.unparsed.has(ident.name)) return undefined;
    const later = this.declaredAnywhere.get(ident.name);
    if (later && later.kind === expected && later.line >= ident.span.line) {
      this.ctx.report('NNC2002', ident.span, { what: expected, name: ident.name, laterLine: later.line });
      return undefined;
    }
    const candidates = [...this.symbols.values()].filter((s) => s.kind === expected).map((s) => s.name);
    const suggestion = suggest(ident.name, candidates);
    this.ctx.report('NNC2002', ident.span, suggestion ? { what: expected, name: ident.name, suggestion } : { what: expected, name: ident.name });
    return undefined;
  }
}
