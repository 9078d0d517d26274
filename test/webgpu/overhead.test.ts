// Measures what the fusion design depends on (dispatch, barrier, submit and readback costs), on
// whatever adapter is here. Slow, so it runs only with NNC_MEASURE=1:
//   NNC_MEASURE=1 npx vitest run test/webgpu/overhead.test.ts
// Each measurement also checks its kernel's result, so a number never comes from a broken kernel.
import { describe, expect, it } from 'vitest';
import {
  type Block,
  type Expr,
  WgslModule,
  add,
  arrayOf,
  bitAnd,
  f32,
  lit,
  lt,
  mod,
  mul,
  struct,
  sub,
  u32,
} from '../../compiler/wgsl/builder.js';
import {
  BufferUsage,
  type GpuContext,
  compileShader,
  createBuffer,
  createBufferWith,
  createComputePipeline,
  describeGpu,
  readback,
  submitAndWait,
} from '../../runtime/webgpu/gpu.js';
import { gpuForTests } from '../helpers/gpu.js';

const measuring = process.env.NNC_MEASURE === '1';
const gpu = measuring ? await gpuForTests() : null;
const IO = BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeIt(reps: number, run: () => Promise<void>): Promise<number> {
  await run(); // warm-up
  const ms: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

async function pipelineFor(ctx: GpuContext, m: WgslModule, label: string, buffers: GPUBuffer[]) {
  const module = await compileShader(ctx, m.print(), label);
  const pipeline = await createComputePipeline(ctx, module, 'main', label);
  const bindGroup = ctx.device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: m.bindings('main').map((b, k) => ({ binding: b.binding, resource: { buffer: buffers[k]! } })),
  });
  return { pipeline, bindGroup };
}

const results: string[] = [];
function report(line: string): void {
  results.push(line);
  console.log(line);
}

describe.skipIf(!gpu)('overhead measurements', () => {
  const ctx = gpu!;

  it('(c) submit + onSubmittedWorkDone round trip, (d) 16-byte readback', async () => {
    report(`adapter: ${describeGpu(ctx)}`);
    const empty = await timeIt(50, () => submitAndWait(ctx, [], 'empty submit'));
    report(`(c) empty submit + onSubmittedWorkDone: ${(empty * 1000).toFixed(0)} us`);
    const buffer = createBufferWith(ctx, new Float32Array([1, 2, 3, 4]), IO, 'small');
    const fresh = await timeIt(50, async () => {
      const got = await readback(ctx, buffer, 16);
      expect(got[3]).toBe(4);
    });
    report(`(d) copy 16 bytes + mapAsync readback (new staging buffer each time): ${(fresh * 1000).toFixed(0)} us`);
    const staging = ctx.device.createBuffer({ size: 16, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST });
    const reused = await timeIt(50, async () => {
      const encoder = ctx.device.createCommandEncoder();
      encoder.copyBufferToBuffer(buffer, 0, staging, 0, 16);
      ctx.device.queue.submit([encoder.finish()]);
      await ctx.wait(staging.mapAsync(1), 'readback');
      expect(new Float32Array(staging.getMappedRange())[3]).toBe(4);
      staging.unmap();
    });
    report(`(d) copy 16 bytes + mapAsync readback (staging buffer reused): ${(reused * 1000).toFixed(0)} us`);
    buffer.destroy();
    staging.destroy();
  });

  it('(a) dispatches in one compute pass vs one pass per dispatch', async () => {
    const m = new WgslModule();
    const y = m.storage('y', arrayOf(f32), 'read_write');
    m.compute('main', 64, (b, { gid }) => b.update(y.at(gid.x), '+=', 1));
    const yBuffer = createBuffer(ctx, 64 * 4, IO, 'y');
    const { pipeline, bindGroup } = await pipelineFor(ctx, m, 'increment', [yBuffer]);
    let total = 0;
    const run = (n: number, passPerDispatch: boolean) => async () => {
      const encoder = ctx.device.createCommandEncoder();
      let pass = encoder.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, bindGroup);
      for (let i = 0; i < n; i++) {
        if (passPerDispatch && i > 0) {
          pass.end();
          pass = encoder.beginComputePass();
          pass.setPipeline(pipeline);
          pass.setBindGroup(0, bindGroup);
        }
        pass.dispatchWorkgroups(1);
      }
      pass.end();
      await submitAndWait(ctx, [encoder.finish()], 'dispatches');
      total += n;
    };
    for (const passPerDispatch of [false, true]) {
      const t1 = await timeIt(9, run(1, passPerDispatch));
      const tN = await timeIt(9, run(401, passPerDispatch));
      report(
        `(a) ${passPerDispatch ? 'one pass per dispatch' : 'dispatches in one pass'}: ${(((tN - t1) / 400) * 1000).toFixed(1)} us per dispatch ` +
          `(1 dispatch + submit + wait: ${(t1 * 1000).toFixed(0)} us; 401: ${tN.toFixed(1)} ms)`,
      );
    }
    // encoding alone, CPU side
    const t0 = performance.now();
    const encoder = ctx.device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    for (let i = 0; i < 1000; i++) pass.dispatchWorkgroups(1);
    pass.end();
    const commands = encoder.finish();
    report(`(a) encoding alone: ${(performance.now() - t0).toFixed(2)} us per dispatch (1000 dispatches, CPU side)`);
    await submitAndWait(ctx, [commands], 'dispatches');
    total += 1000;
    const y0 = await readback(ctx, yBuffer, 64 * 4);
    expect([...y0]).toEqual(new Array(64).fill(total)); // every dispatch ran, in order, and saw the last one's writes
    yBuffer.destroy();
  });

  it('(b) barrier-separated stages inside one workgroup of 256', async () => {
    const width = 120;
    const start = Float32Array.from({ length: 2 * width }, (_, i) => (i < width ? Math.fround(Math.sin(i) * 10) : 0));
    /** One stage: dst[i] = 0.5 * (src[i] + src[(i + 1) % width]) + 0.25, ping-pong between two halves. */
    const reference = (stages: number) => {
      let cur = Float32Array.from(start.subarray(0, width));
      for (let k = 0; k < stages; k++) {
        const next = new Float32Array(width);
        for (let i = 0; i < width; i++) next[i] = Math.fround(Math.fround(0.5 * Math.fround(cur[i]! + cur[(i + 1) % width]!)) + 0.25);
        cur = next;
      }
      return cur;
    };
    const stage = (b: Block, k: Expr, lindex: Expr, cells: Expr) => {
      const src = b.let('src', mul(bitAnd(k, 1), width));
      const dst = b.let('dst', sub(lit.u32(width), src));
      b.if(lt(lindex, width), (b) => {
        const next = add(mul(add(cells.at(add(src, lindex)), cells.at(add(src, mod(add(lindex, 1), width)))), 0.5), 0.25);
        b.assign(cells.at(add(dst, lindex)), next);
      });
    };
    for (const memory of ['storage', 'workgroup'] as const) {
      const m = new WgslModule();
      const buf = m.storage('buf', arrayOf(f32), 'read_write');
      const params = m.uniform('params', struct('Stages', { stages: u32, a: u32, b: u32, c: u32 }));
      const tile = memory === 'workgroup' ? m.workgroupVar('tile', arrayOf(f32, 2 * width)) : null;
      m.compute('main', 256, (b, { lindex }) => {
        if (tile) {
          b.if(lt(lindex, 2 * width), (b) => b.assign(tile.at(lindex), buf.at(lindex)));
          b.workgroupBarrier();
        }
        b.for('k', 0, params.field('stages'), (b, k) => {
          stage(b, k, lindex, tile ?? buf);
          b.workgroupBarrier();
          if (!tile) b.storageBarrier();
        });
        if (tile) b.if(lt(lindex, 2 * width), (b) => b.assign(buf.at(lindex), tile.at(lindex)));
      });
      const bufBuffer = createBuffer(ctx, start.byteLength, IO, 'buf');
      const paramBuffer = createBuffer(ctx, 16, BufferUsage.UNIFORM | BufferUsage.COPY_DST, 'stages');
      const { pipeline, bindGroup } = await pipelineFor(ctx, m, `stages-${memory}`, [bufBuffer, paramBuffer]);
      const run = (stages: number) => async () => {
        ctx.device.queue.writeBuffer(bufBuffer, 0, start);
        ctx.device.queue.writeBuffer(paramBuffer, 0, new Uint32Array([stages, 0, 0, 0]));
        const encoder = ctx.device.createCommandEncoder();
        const pass = encoder.beginComputePass();
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bindGroup);
        pass.dispatchWorkgroups(1);
        pass.end();
        await submitAndWait(ctx, [encoder.finish()], 'stages');
      };
      const few = 10;
      const many = 1010;
      const tFew = await timeIt(5, run(few));
      const tMany = await timeIt(5, run(many));
      const got = await readback(ctx, bufBuffer, start.byteLength);
      const want = reference(many);
      const half = (many & 1) * width;
      let worst = 0;
      for (let i = 0; i < width; i++) worst = Math.max(worst, Math.abs(got[half + i]! - want[i]!));
      expect(worst).toBeLessThan(1e-5);
      report(
        `(b) ${memory} memory, ${memory === 'storage' ? 'workgroupBarrier + storageBarrier' : 'workgroupBarrier'}: ` +
          `${(((tMany - tFew) / (many - few)) * 1000).toFixed(2)} us per stage (${few} stages: ${tFew.toFixed(2)} ms, ${many}: ${tMany.toFixed(1)} ms)`,
      );
      bufBuffer.destroy();
      paramBuffer.destroy();
    }
  });

  it('summary', () => {
    expect(results.length).toBeGreaterThan(0);
    console.log(`\n${results.join('\n')}`);
  });
});
