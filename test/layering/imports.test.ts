// The folders are layers: base/ imports none of the others, grammar/ only base/, compiler/ no
// runtime/ or cli/, runtime/ no cli/ or web/, web/ (the browser runtime and playground) no cli/.
// A stray import fails here with the file and the line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';

const allowed: Record<string, string[]> = {
  base: ['base'],
  grammar: ['base', 'grammar'],
  compiler: ['base', 'grammar', 'compiler'],
  runtime: ['base', 'compiler', 'runtime'],
  web: ['base', 'grammar', 'compiler', 'runtime', 'web', 'examples'],
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : f.endsWith('.ts') ? [p] : [];
  });
}

/** `file:line -> target layer` for every relative import that leaves the allowed layers. */
export function strayImports(layer: string): string[] {
  const out: string[] = [];
  for (const file of tsFiles(join(repoRoot, layer))) {
    readFileSync(file, 'utf8').split('\n').forEach((line, n) => {
      const m = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/.exec(line);
      if (!m) return;
      const target = relative(repoRoot, resolve(dirname(file), m[1]!)).split('/')[0]!;
      if (!allowed[layer]!.includes(target)) out.push(`${relative(repoRoot, file)}:${n + 1} -> ${target}/`);
    });
  }
  return out;
}

describe('layers', () => {
  for (const layer of Object.keys(allowed)) {
    it(`${layer}/ imports only ${allowed[layer]!.join(', ')}`, () => {
      expect(strayImports(layer)).toEqual([]);
    });
  }
});
