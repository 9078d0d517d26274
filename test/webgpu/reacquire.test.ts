// A GPU can be acquired again after one was closed and collected (Dawn aborts the process if a new
// instance is made after an old one was garbage-collected; nnc keeps one instance per kind).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gpuForTests } from '../helpers/gpu.js';
import { repoRoot } from '../helpers/shared.js';

const gpu = await gpuForTests();

describe.skipIf(!gpu)('acquiring a GPU again', () => {
  it('works after the first was closed and garbage-collected', () => {
    const module = join(repoRoot, 'dist/runtime/webgpu/gpu.js');
    const script = `
      const { acquireGpu } = await import(${JSON.stringify(module)});
      const a = await acquireGpu('auto');
      a.close();
      globalThis.gc(); await new Promise((r) => setTimeout(r, 50));
      const b = await acquireGpu('auto');
      b.device.createBuffer({ size: 16, usage: 0x88 });
      await b.device.queue.onSubmittedWorkDone();
      globalThis.gc(); await new Promise((r) => setTimeout(r, 50));
      b.close();
      console.log('reacquired');`;
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stdout).toContain('reacquired');
    expect(run.status).toBe(0);
  });
});
