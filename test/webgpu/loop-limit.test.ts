// Mesa's llvmpipe (the software adapter) counts the passes of every loop of a shader invocation on one
// counter and ends all of them, without an error, at 65,535. compiler/wgsl/emit.ts keeps every shader
// under it by counting passes as LoopNest says; these shaders check that count against the driver:
// loops whose trip counts come from a buffer (so nothing is unrolled) run first, then a "meter" loop
// that would run a million passes counts how many the driver still allows.
import { describe, expect, it } from 'vitest';
import { loopPasses, zeroInitPasses, type LoopNest } from '../../compiler/wgsl/emit.js';
import { BufferUsage, compileShader, createBuffer, createComputePipeline, readback, upload } from '../../runtime/webgpu/gpu.js';
import { gpuForTests } from '../helpers/gpu.js';

const gpu = await gpuForTests();
const limited = gpu !== null && Number.isFinite(gpu.limits.maxLoopPasses);

/** Runs `body` (WGSL reading trip counts from p[0..3]), then the meter loop; returns the meter's passes. */
async function meterAfter(body: string, trips: number[], workgroupSize = 1, declarations = ''): Promise<number> {
  const ctx = gpu!;
  const code = `@group(0) @binding(0) var<storage, read_write> out: array<u32>;
@group(0) @binding(1) var<storage, read> p: array<u32>;
${declarations}
@compute @workgroup_size(${workgroupSize}) fn main(@builtin(local_invocation_id) lid: vec3<u32>) {
  var sink: u32 = p[3];
  ${body}
  var meter: u32 = 0u;
  for (var k: u32 = 0u; k < 1000000u; k++) { meter += 1u; }
  if (lid.x == 0u) { out[0] = meter; out[1] = sink; }
}`;
  const module = await compileShader(ctx, code, 'loop meter');
  const pipeline = await createComputePipeline(ctx, module, 'main', 'loop meter');
  const out = createBuffer(ctx, 16, BufferUsage.STORAGE | BufferUsage.COPY_SRC, 'meter out');
  const p = createBuffer(ctx, 16, BufferUsage.STORAGE | BufferUsage.COPY_DST, 'meter trips');
  upload(ctx, p, Uint32Array.from([...trips, 0, 0, 0, 0].slice(0, 4)));
  const group = ctx.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: out } }, { binding: 1, resource: { buffer: p } }] });
  const encoder = ctx.device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, group);
  pass.dispatchWorkgroups(1);
  pass.end();
  ctx.device.queue.submit([encoder.finish()]);
  const [meter] = await readback(ctx, out, 8, 'u32');
  out.destroy();
  p.destroy();
  return meter!;
}

const loop = (passes: number, inner: LoopNest[] = []): LoopNest => ({ perRow: 0, fixed: passes, per: 1, inner });

describe.skipIf(!limited)("llvmpipe's loop counter, as LoopNest counts it", () => {
  it('is 65,535 passes here', async () => {
    expect(gpu!.limits.maxLoopPasses).toBe(65535);
    expect(await meterAfter('', [])).toBe(65535);
  });

  it('takes n + 1 for a loop of n passes, its inner loops on every pass, and one masked pass of them on the last', async () => {
    const nested = 'for (var i: u32 = 0u; i < p[0]; i++) { for (var j: u32 = 0u; j < p[1]; j++) { for (var q: u32 = 0u; q < p[2]; q++) { sink += 1u; } } }';
    for (const [n, m, r] of [[0, 5, 2], [1, 0, 0], [3, 5, 0], [5, 7, 3], [10, 10, 10], [40, 300, 1]] as const) {
      expect(65535 - (await meterAfter(nested, [n, m, r])), `${n} x ${m} x ${r}`).toBe(loopPasses([loop(n, [loop(m, [loop(r)])])], 0));
    }
    // loops one after another add up
    const sequence = 'for (var i: u32 = 0u; i < p[0]; i++) { sink += 1u; } for (var j: u32 = 0u; j < p[1]; j++) { sink += 2u; }';
    expect(65535 - (await meterAfter(sequence, [5, 7]))).toBe(loopPasses([loop(5), loop(7)], 0));
    // a strided loop takes as many passes as its busiest invocation: ceil(300 / 64) for lid.x = 0
    const strided = 'for (var i: u32 = lid.x; i < p[0]; i += 64u) { for (var j: u32 = 0u; j < p[1]; j++) { sink += 1u; } }';
    expect(65535 - (await meterAfter(strided, [300, 7], 64))).toBe(loopPasses([{ perRow: 3, fixed: 0, per: 64, inner: [loop(7)] }], 100));
  });

  it('also counts the zero-initialization of workgroup memory, at most as emit.ts reckons it', async () => {
    const declarations = 'var<workgroup> big: array<f32, 4096>;\nvar<workgroup> small: array<f32, 7>;';
    const use = 'big[lid.x] = 1.0; small[0] = 2.0; workgroupBarrier(); sink = u32(big[3] + small[1]);';
    for (const size of [1, 64, 256]) {
      const taken = 65535 - (await meterAfter(use, [], size, declarations));
      const reckoned = zeroInitPasses([4096 * 4, 7 * 4], size);
      expect(taken, `workgroup of ${size}`).toBeGreaterThan(0);
      expect(taken, `workgroup of ${size}`).toBeLessThanOrEqual(reckoned);
    }
  });
});
