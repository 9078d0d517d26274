// `nnc playground [FILE]`: serves the playground (dist/browser/playground, built by npm run build) on
// 127.0.0.1, with the program FILE and the data files it reads (beside it, or --data NAME=PATH), so
// the page opens with them; without FILE it opens with the examples.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fail } from '../../base/diagnostics/diagnostic.js';
import type { Program } from '../../compiler/program.js';
import type { SourceFile } from '../../base/source.js';
import { webDist } from './build-web.js';
import { serve, type Route, type Served } from './serve.js';

export interface PlaygroundOptions {
  /** The program to open with, and its checked form (which names its data files), when one is given. */
  program?: { source: SourceFile; checked: Program | null; files: Array<{ name: string; path: string }> };
  port?: number;
  /** The built playground (default dist/browser/playground). */
  root?: string;
}

/** The CSV files a program reads: as written in it (the name the page looks for) and where they are. */
export function programFiles(program: Program): Array<{ name: string; path: string }> {
  const files: Array<{ name: string; path: string }> = [];
  for (const d of program.datasets) {
    if (d.source.kind === 'csv' && existsSync(d.source.resolvedPath)) files.push({ name: d.source.path, path: d.source.resolvedPath });
  }
  return files;
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Served> {
  const root = options.root ?? join(webDist(), 'playground');
  if (!existsSync(join(root, 'playground.js'))) {
    fail('NNC5002', undefined, { path: join(root, 'playground.js'), reason: 'the playground is not built: run npm run build (npm install does) in the nnc package' });
  }
  const routes = new Map<string, Route>();
  const given = options.program;
  const files = given?.files ?? [];
  const session = {
    program: given ? { name: basename(given.source.path), text: given.source.text } : null,
    files: files.map((f, i) => ({ name: f.name, url: `files/${i}/${encodeURIComponent(basename(f.name))}` })),
  };
  routes.set('/session.json', { body: JSON.stringify(session), type: 'application/json; charset=utf-8' });
  files.forEach((f, i) => routes.set(`/files/${i}/${encodeURIComponent(basename(f.name))}`, { file: f.path }));
  // the page fetches what it needs when it starts; reading the files now finds a missing one early
  for (const f of files) readFileSync(f.path);
  return serve({ root, routes, ...(options.port !== undefined ? { port: options.port } : {}) });
}
