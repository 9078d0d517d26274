// Node's side of relaxed SIMD (relaxed.ts): V8 ships WebAssembly's relaxed SIMD from 11.4 (Node 22,
// Chrome 114); Node 20's V8 has it behind a flag, which may be set while the process runs as long as
// it is set before the module that uses it is compiled. Browsers take relaxed-flag.browser.ts.
import { createRequire } from 'node:module';

/** Turns relaxed SIMD on in this process's V8 (a no-op where it is already on). */
export function enableRelaxedSimd(): void {
  // node:v8 loaded only here (a few milliseconds of start-up otherwise; a builtin resolves from anywhere)
  const v8 = createRequire('/')('node:v8') as { setFlagsFromString(flags: string): void };
  v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
}
