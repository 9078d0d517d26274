// Dawn compiles every shader the examples produce, with no error and no warning.
import { describe, expect, it } from 'vitest';
import { compileShader } from '../../runtime/webgpu/gpu.js';
import { gpuForTests } from '../helpers/gpu.js';
import { exampleShaders } from '../wgsl/emitted.js';

const gpu = await gpuForTests();

describe.skipIf(!gpu)('every emitted shader compiles', () => {
  const shaders = exampleShaders();
  it(`${shaders.length} shaders of the examples`, async () => {
    expect(shaders.length).toBeGreaterThan(20);
    for (const s of shaders) {
      const before = gpu!.shaderWarnings.length;
      await compileShader(gpu!, s.wgsl, `${s.example}/${s.file}`);
      expect(gpu!.shaderWarnings.slice(before), `${s.example}/${s.file}`).toEqual([]);
    }
  }, 120_000);
});
