// Bundles nnc for web pages (docs/web.md), with esbuild, from the TypeScript sources:
//   dist/browser/nnc.js             the runtime of a web build (web/api.ts; its API is web/nnc.d.ts)
//   dist/browser/nnc-worker.js      the CPU worker it starts where a page has no WebGPU (web/worker.ts)
//   dist/browser/playground/        the playground: index.html, playground.css, playground.js (the
//                                   compiler too), and its own nnc-worker.js
// ES modules for browsers, minified, with no Node polyfills: a module that uses Node has a
// sibling X.browser.ts that takes its place here (base/files.ts: the page's files instead of the
// disk), and any other Node import fails the build, naming the importer.
// Run by `npm run build` (and so by npm install's prepare); the web tests run it through
// test/web/bundle-setup.ts when the sources are newer than the bundles.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** X.js -> X.browser.ts where there is one: the page's version of a module that uses Node. */
export const browserSiblings = {
  name: 'browser-siblings',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const sibling = resolve(args.resolveDir, args.path.replace(/\.js$/, '.browser.ts'));
      return existsSync(sibling) ? { path: sibling } : undefined;
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022', 'chrome113', 'safari17', 'firefox121'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // the playground's examples (examples/*.nn) are bundled as text
  loader: { '.nn': 'text' },
  // grammar/lexer.ts: bundles skip chevrotain's grammar self-checks (the tests run them), as scripts/bundle.mjs's do
  define: { NNC_BUNDLE: 'true' },
  plugins: [browserSiblings],
};

/** Builds the bundles into `out` (default dist/browser); returns each file's size in bytes and, per bundle, the modules in it. */
export async function bundleWeb(out = join(root, 'dist/browser')) {
  const staging = `${out}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'playground'), { recursive: true });
  let results;
  try {
    results = await Promise.all([
      build({ ...common, entryPoints: { nnc: 'web/api.ts', 'nnc-worker': 'web/worker-main.ts' }, outdir: staging }),
      build({ ...common, entryPoints: { playground: 'web/playground/main.ts' }, outdir: join(staging, 'playground') }),
    ]);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  copyFileSync(join(staging, 'nnc-worker.js'), join(staging, 'playground/nnc-worker.js'));
  for (const f of ['index.html', 'playground.css']) copyFileSync(join(root, 'web/playground', f), join(staging, 'playground', f));
  copyFileSync(join(root, 'web/nnc.d.ts'), join(staging, 'nnc.d.ts'));
  const sizes = {};
  for (const r of results) for (const [file, info] of Object.entries(r.metafile.outputs)) sizes[relative(staging, join(root, file))] = info.bytes;
  // Whole or not at all: a test or a server never sees half a bundle.
  rmSync(`${out}.old`, { recursive: true, force: true });
  if (existsSync(out)) renameSync(out, `${out}.old`);
  renameSync(staging, out);
  rmSync(`${out}.old`, { recursive: true, force: true });
  const inputs = Object.fromEntries(results.flatMap((r) => Object.entries(r.metafile.outputs)).map(([file, info]) => [relative(staging, join(root, file)), Object.keys(info.inputs)]));
  return { sizes, inputs };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { sizes } = await bundleWeb(process.argv[2] ? resolve(process.argv[2]) : undefined);
  for (const [file, bytes] of Object.entries(sizes)) console.log(`${file}  ${(bytes / 1024).toFixed(1)} KiB`);
}
