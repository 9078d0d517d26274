// Turns on WebAssembly's relaxed SIMD where the engine has it behind a flag (Node 20's V8; it is on
// by default from V8 11.4, Node 22), before anything is compiled. The CPU interpreter's products use
// its multiply-add (runtime/cpu/wasm/relaxed.ts, which would turn it on itself), and V8 accepts the
// command's code cache (dist/nnc-cli.cjs.cache) only under the flags it was written with: so
// bin/nnc.js calls this before it compiles the bundle, and the build (scripts/bundle.mjs) before it
// writes the cache.
'use strict';

// a module whose one function uses f32x4.relaxed_madd (relaxed.ts's probe)
const PROBE = Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 1, 96, 3, 125, 125, 125, 1, 125, 2, 1, 0, 3, 2, 1, 0, 7, 9, 1, 5, 112, 114, 111, 98, 101, 0, 0, 10, 22, 1, 20, 0, 32, 0, 253, 19, 32, 1, 253, 19, 32, 2, 253, 19, 253, 133, 2, 253, 31, 0, 11]);

module.exports = function enableRelaxedSimd() {
  // (node:v8 costs a command about 5 ms of loading; Node's process.binding('v8') would be cheaper
  // but prints a deprecation warning)
  if (!WebAssembly.validate(PROBE)) require('node:v8').setFlagsFromString('--experimental-wasm-relaxed-simd');
};
