import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the browser tests' pages (dist/browser) rebuilt when their sources changed
    globalSetup: ['test/setup/web-bundles.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The GPU tests share one software adapter; running files in parallel on 2 cores only slows them.
    fileParallelism: true,
  },
});
