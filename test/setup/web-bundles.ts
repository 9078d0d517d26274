// vitest globalSetup: the browser bundles (dist/browser, scripts/bundle-web.mjs) are rebuilt before
// the tests when a source they are made from is newer, so a test never runs a stale page.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/shared.js';

const SOURCES = ['base', 'grammar', 'compiler', 'runtime', 'web', 'examples', 'scripts'];

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default async function setup(): Promise<void> {
  const built = join(repoRoot, 'dist/browser/playground/playground.js');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((d) => newest(join(repoRoot, d))));
  if (sourcesAt <= builtAt) return;
  const { bundleWeb } = (await import(join(repoRoot, 'scripts/bundle-web.mjs'))) as { bundleWeb(): Promise<unknown> };
  await bundleWeb();
}
