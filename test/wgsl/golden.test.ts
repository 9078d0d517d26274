// The WGSL of every example is pinned, one file per model and strategy (single-workgroup, and
// per-kernel with co-dispatch): a change to code generation shows up as a reviewed diff
// (NNC_UPDATE_GOLDEN=1 rewrites test/wgsl/golden/, and removes files no longer emitted). Other
// tests hold targeted expectations of the emitter; test/gpu/shaders.test.ts compiles every shader.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { exampleGoldens } from './emitted.js';

const goldenDir = join(import.meta.dirname, 'golden');

describe('WGSL of the examples', () => {
  const shaders = exampleGoldens();
  for (const s of shaders) {
    it(`${s.example}: ${s.file}`, () => expectGolden(s.wgsl, join(goldenDir, s.example, s.file)));
  }

  it('keeps no golden file for a shader that is no longer emitted', () => {
    const wanted = new Set(shaders.map((s) => join(goldenDir, s.example, s.file)));
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
    const stale = walk(goldenDir).filter((f) => !wanted.has(f));
    if (process.env.NNC_UPDATE_GOLDEN) for (const f of stale) rmSync(f);
    else expect(stale).toEqual([]);
  });
});
