// Bundles what nnc ships, so that a process loads a few files instead of ~700 modules (chevrotain
// and lodash-es alone are most of them; loading them took ~0.4 s of every `nnc` command):
//   dist/nnc-cli.cjs   the command (cli/main.ts), CommonJS: bin/nnc.js requires it (Node's ES module
//                      loader costs ~10 ms more per process than require)
//   dist/nnc.js        the library (index.ts), an ES module: package.json's "exports"
// `webgpu` stays outside both: it is a native addon, loaded lazily (runtime/webgpu/gpu.ts imports it
// only when a GPU is asked for), so CPU runs never load it. Declarations (.d.ts) come from tsc.
// Then the V8 code cache of the command (dist/nnc-cli.cjs.cache, read by bin/nnc.js): the bundle is
// compiled as bin/nnc.js compiles it, runs `nnc check` and a small `nnc run` quietly (so that the
// functions those use are compiled too), and V8 writes out what it compiled.
// Run by `npm run build` (and so by `npm install`'s prepare and `npm test`) after tsc.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['webgpu'],
  // Whitespace and syntax only: identifiers keep their names, so an internal error's stack still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  // grammar/lexer.ts: the bundle skips chevrotain's grammar self-checks (the tests run them on the source).
  define: { NNC_BUNDLE: 'true' },
  legalComments: 'none',
  logLevel: 'warning',
};

// Code compiled from the V8 cache cannot call import() (Node hands the callback only to code it
// compiled itself), so in the command's bundle the one import() there is, of the webgpu addon in
// runtime/webgpu/gpu.ts, goes through dist/nnc-webgpu.cjs, a file Node loads as usual.
const WEBGPU_IMPORT = "import('webgpu')";
const webgpuThroughLoader = {
  name: 'webgpu-through-loader',
  setup(b) {
    b.onLoad({ filter: /runtime[\\/]webgpu[\\/]gpu\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (source.split(WEBGPU_IMPORT).length !== 2) throw new Error(`${args.path}: expected one ${WEBGPU_IMPORT}`);
      return { contents: source.replace(WEBGPU_IMPORT, "require('./nnc-webgpu.cjs')()"), loader: 'ts' };
    });
  },
};
writeFileSync(
  join(root, 'dist/nnc-webgpu.cjs'),
  "// Imports the webgpu addon for dist/nnc-cli.cjs (see scripts/bundle.mjs).\nmodule.exports = () => import('webgpu');\n",
);

await Promise.all([
  // CommonJS has no import.meta: code that finds its own file (web/node/build-web.ts) uses __filename there
  build({ ...common, entryPoints: ['cli/main.ts'], format: 'cjs', outfile: 'dist/nnc-cli.cjs', external: [...common.external, './nnc-webgpu.cjs'], plugins: [webgpuThroughLoader], define: { ...common.define, 'import.meta.url': 'undefined' } }),
  build({ ...common, entryPoints: ['index.ts'], format: 'esm', outfile: 'dist/nnc.js' }),
]);

await writeCodeCache(join(root, 'dist/nnc-cli.cjs'));

async function writeCodeCache(bundle) {
  const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  const quiet = { stdout: () => {}, stderr: () => {}, isTTY: () => false };
  const out = mkdtempSync(join(tmpdir(), 'nnc-bundle-'));
  // V8 accepts a cache only under the flags it was written with, and bin/nnc.js compiles the bundle
  // under Node's own: the runs below must not turn relaxed SIMD on (runtime/cpu/wasm/relaxed.ts
  // does, on Node 20, when the interpreter first runs)
  const relaxed = process.env.NNC_RELAXED_SIMD;
  process.env.NNC_RELAXED_SIMD = '0';
  try {
    await module.exports.main(['check', join(root, 'examples/pima.nn')], quiet);
    await module.exports.main(['run', join(root, 'examples/demo.nn'), '--backend', 'cpu', '--verbose', '0', '--out', out], quiet);
  } finally {
    rmSync(out, { recursive: true, force: true });
    if (relaxed === undefined) delete process.env.NNC_RELAXED_SIMD;
    else process.env.NNC_RELAXED_SIMD = relaxed;
  }
  writeFileSync(bundle + '.cache', script.createCachedData());
}
