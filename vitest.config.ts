import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The GPU tests share one software adapter; running files in parallel on 2 cores only slows them.
    fileParallelism: true,
  },
});
