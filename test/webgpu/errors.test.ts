// What goes wrong on the GPU surfaces as an NncError with a code, promptly: never a hang, never a
// raw Dawn message on stdout.
import { describe, expect, it } from 'vitest';
import { NncError } from '../../base/diagnostics/diagnostic.js';
import {
  BufferUsage,
  acquireGpu,
  compileShader,
  createBuffer,
  createComputePipeline,
  readback,
  submitAndWait,
  withErrorScope,
} from '../../runtime/webgpu/gpu.js';
import { gpuForTests, within } from '../helpers/gpu.js';

const gpu = await gpuForTests();

/** The NncError a promise rejects with (failing the test if it resolves, or takes over 5 s). */
async function rejection(p: Promise<unknown>): Promise<NncError> {
  const e = await within(p.then(() => null, (error: unknown) => error), 5000, 'the GPU call');
  if (!(e instanceof NncError)) throw new Error(`expected an NncError, got ${e === null ? 'success' : String(e)}`);
  return e;
}

const simpleShader = '@group(0) @binding(0) var<storage, read_write> out: array<f32>;\n@compute @workgroup_size(1) fn main() { out[0] = 1.0; }\n';

describe.skipIf(!gpu)('GPU errors', () => {
  const ctx = gpu!;

  it('reports a shader that does not compile as NNC6003 with line, column and source', async () => {
    const e = await rejection(compileShader(ctx, '@compute @workgroup_size(1)\nfn main() {\n  let x: f32 = 1u;\n}\n', 'broken'));
    expect(e.diagnostics[0]!.code).toBe('NNC6003');
    expect(e.message).toMatch(/shader 'broken' does not compile:\nbroken:3:7: error: cannot initialize 'let' of type 'f32' with value of type 'u32'\n {4}let x: f32 = 1u;/);
    // the error was the shader's alone: the device is fine
    await submitAndWait(ctx, [], 'an empty submit', 5000);
  });

  it('collects shader warnings', async () => {
    const before = ctx.shaderWarnings.length;
    await compileShader(ctx, '@compute @workgroup_size(1)\nfn main() {\n  return;\n  let x = 1;\n}\n', 'unreachable');
    expect(ctx.shaderWarnings.slice(before)).toEqual([expect.stringMatching(/^unreachable:4:3: warning: code is unreachable/)]);
    ctx.shaderWarnings.length = before;
  });

  it('surfaces a validation error (a bind group missing its buffer) to the next wait, once', async () => {
    const module = await compileShader(ctx, simpleShader, 'simple');
    const pipeline = await createComputePipeline(ctx, module, 'main', 'simple');
    ctx.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [], label: 'empty' });
    const e = await rejection(submitAndWait(ctx, [], 'a submit', 5000));
    expect(e.diagnostics[0]!.code).toBe('NNC6003');
    expect(e.message).toMatch(/the GPU rejected a command: Number of entries \(0\) did not match the expected number of entries \(1\)/);
    await submitAndWait(ctx, [], 'the next submit', 5000); // reported once, not forever
  });

  it('names the operation when an error scope catches it', async () => {
    const e = await rejection(
      withErrorScope(ctx, 'creating a mappable storage buffer', () =>
        ctx.device.createBuffer({ size: 16, usage: BufferUsage.MAP_READ | BufferUsage.STORAGE }),
      ),
    );
    expect(e.message).toMatch(/NNC6003: the GPU rejected a command: creating a mappable storage buffer: Buffer usages .* is invalid/);
  });

  it('reports a pipeline for a missing entry point as NNC6003', async () => {
    const module = await compileShader(ctx, simpleShader, 'simple');
    const e = await rejection(createComputePipeline(ctx, module, 'nope', 'no entry'));
    expect(e.message).toMatch(/NNC6003: .*pipeline 'no entry'/);
  });

  it('times out a wait that never ends as NNC6005', async () => {
    const e = await rejection(ctx.wait(new Promise<never>(() => {}), 'an endless task', 50));
    expect(e.message).toBe('NNC6005: the GPU did not finish an endless task within 0.05 s');
    await submitAndWait(ctx, [], 'a submit after the timeout', 5000);
  });

  it('rejects pending and later waits with NNC6002 when the device is lost', async () => {
    const lost = (await acquireGpu('webgpu'))!;
    try {
      const buffer = createBuffer(lost, 16, BufferUsage.STORAGE | BufferUsage.COPY_SRC, 'doomed');
      const pending = readback(lost, buffer, 16); // mapAsync in flight
      lost.device.destroy(); // as if the driver had lost it
      const e = await rejection(pending);
      expect(e.diagnostics[0]!.code).toBe('NNC6002');
      expect(e.message).toMatch(/NNC6002: the GPU device was lost: destroyed/);
      expect(lost.closed).toBe(true);
      expect((await rejection(lost.wait(lost.device.queue.onSubmittedWorkDone(), 'work'))).diagnostics[0]!.code).toBe('NNC6002');
      expect(() => lost.check()).toThrow(/NNC6002/);
    } finally {
      lost.close();
      lost.close(); // twice is fine
    }
  });

  it('refuses work after close()', async () => {
    const closing = (await acquireGpu('webgpu'))!;
    closing.close();
    const e = await rejection(closing.wait(Promise.resolve(1), 'work'));
    expect(e.message).toBe('NNC6002: the GPU device was lost: the device was closed');
  });

  it("says NNC6001 when 'webgpu' is demanded and no such adapter exists", async () => {
    if (ctx.featureLevel !== 'compatibility') return; // a real GPU is here: nothing to refuse
    const e = await rejection(acquireGpu('webgpu', { only: 'core' }));
    expect(e.diagnostics[0]!.code).toBe('NNC6001');
    expect(await acquireGpu('auto', { only: 'core' })).toBeNull();
  });
});
