import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // the browser tests' pages (dist/browser) rebuilt when their sources changed
    globalSetup: ['test/setup/web-bundles.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The GPU tests share one software adapter; running files in parallel on 2 cores only slows them.
    fileParallelism: true,
    projects: [
      { extends: true, test: { name: 'nnc', include: ['test/**/*.test.ts'] } },
      {
        // The CPU interpreter's products as engines without relaxed SIMD run them (a multiply, then
        // an add; runtime/cpu/wasm/relaxed.ts): still the bits of the JavaScript reference.
        extends: true,
        test: {
          name: 'no-relaxed-simd',
          include: ['test/cpu/{gemm,interpreter,conv,threads,relaxed}.test.ts'],
          env: { NNC_RELAXED_SIMD: '0' },
        },
      },
    ],
  },
});
