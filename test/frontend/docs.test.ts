// docs/language.md against compiler/registry.ts: the reference section is generated from the
// registry (regenerated with NNC_UPDATE_GOLDEN=1), and every name in the registry, every argument
// and every NNC1xxx-NNC3xxx code appears in the document, so the two cannot drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalog } from '../../base/diagnostics/catalog.js';
import {
  activations,
  BUILTIN_DATASETS,
  callbacks,
  datasetFunctions,
  initializerFunctions,
  initializers,
  layers,
  lossFunctions,
  losses,
  metrics,
  modelKinds,
  optimizers,
  registryMarkdown,
  statements,
} from '../../compiler/registry.js';
import { updatingGolden } from '../helpers/golden.js';
import { repoRoot } from '../helpers/shared.js';

const docsPath = resolve(repoRoot, 'docs/language.md');
const BEGIN = '<!-- registry:begin -->';
const END = '<!-- registry:end -->';

describe('docs/language.md', () => {
  test('its reference section is the registry, generated', () => {
    const text = readFileSync(docsPath, 'utf8');
    const begin = text.indexOf(BEGIN);
    const end = text.indexOf(END);
    expect(begin).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(begin);
    const generated = `\n${registryMarkdown().trim()}\n`;
    if (updatingGolden) {
      writeFileSync(docsPath, text.slice(0, begin + BEGIN.length) + generated + text.slice(end));
      return;
    }
    expect(text.slice(begin + BEGIN.length, end)).toBe(generated);
  });

  test('mentions every registry entry and every argument', () => {
    const text = readFileSync(docsPath, 'utf8');
    const functions = [...statements, ...layers, ...lossFunctions, ...optimizers, ...initializerFunctions, ...callbacks, ...datasetFunctions];
    const missing: string[] = [];
    for (const f of functions) {
      if (!text.includes(`\`${f.name}\``)) missing.push(f.name);
      for (const a of f.args) if (!text.includes(`\`${a.name}\``)) missing.push(`${f.name}.${a.name}`);
    }
    for (const n of [...activations, ...losses, ...metrics, ...initializers]) {
      for (const name of [n.name, ...(n.aliases ?? [])]) if (!text.includes(`\`"${name}"\``)) missing.push(name);
    }
    for (const k of modelKinds) if (!text.includes(`\`${k.name}\``)) missing.push(k.name);
    for (const [name, info] of Object.entries(BUILTIN_DATASETS)) {
      if (!text.includes(`\`"${name}"\``)) missing.push(`builtin ${name}`);
      for (const arg of Object.keys(info.args)) if (!text.includes(`\`${arg}\``)) missing.push(`builtin ${name}.${arg}`);
    }
    expect(missing).toEqual([]);
  });

  test('documents every front-end diagnostic code', () => {
    const text = readFileSync(docsPath, 'utf8');
    const undocumented = Object.keys(catalog).filter((code) => /^NNC[123]/.test(code) && !text.includes(`| ${code} |`));
    expect(undocumented).toEqual([]);
  });
});
