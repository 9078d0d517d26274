#!/usr/bin/env node
// The nnc command. All of it lives in the library; this file only loads the bundle that
// scripts/bundle.mjs builds from cli/main.ts (bin/package.json makes this file CommonJS: Node's
// ES module loader would cost every command ~10 ms more).
//
// The bundle is compiled with the V8 code cache the build wrote beside it (dist/nnc-cli.cjs.cache),
// which saves ~30 ms of compiling per process. V8 checks that the cache fits this Node and this
// bundle; when it does not (another Node version), the bundle is compiled as usual. Nothing is
// written here.
'use strict';
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const bundle = join(__dirname, '..', 'dist', 'nnc-cli.cjs');

function load() {
  let cachedData;
  try {
    cachedData = readFileSync(bundle + '.cache');
  } catch {
    return require(bundle);
  }
  const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, dirname(bundle));
  return module.exports;
}

load()
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
