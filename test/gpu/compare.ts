// One or more training steps from the same start on the CPU interpreter and on the GPU; every
// parameter and state buffer compared.
import { expect } from 'vitest';
import { compileModel, type CompileConfig } from '../../compiler/driver.js';
import type { Model } from '../../compiler/program.js';
import type { MatmulTile, Strategy } from '../../compiler/wgsl/emit.js';
import { CpuExecutor } from '../../runtime/cpu/executor.js';
import type { Table } from '../../base/data/dataset.js';
import type { Executor } from '../../runtime/executor.js';
import { RandomStream } from '../../base/rng.js';
import { encodeLabels } from '../../runtime/session.js';
import { WebGpuExecutor } from '../../runtime/webgpu/executor.js';
import type { GpuContext } from '../../runtime/webgpu/gpu.js';

export async function compareSteps(gpu: GpuContext, model: Model, config: CompileConfig, data: Table, strategy: Strategy, steps: number, name: string, batch = 8, matmulTile?: MatmulTile): Promise<void> {
  const { plan } = compileModel(model, config);
  const cpu = new CpuExecutor(plan);
  const wg = await WebGpuExecutor.create(plan, gpu, batch, { strategy, ...(matmulTile ? { matmulTile } : {}) });
  const rng = new RandomStream(42, 5);
  for (const b of plan.buffers) {
    if (b.role !== 'param' && b.role !== 'state') continue;
    const n = (b.shape as number[]).reduce((x, y) => x * y, 1);
    const v = b.role === 'param' ? Float32Array.from({ length: n }, () => rng.range(-0.7, 0.7)) : new Float32Array(n).fill(b.fill ?? 0);
    for (const e of [cpu, wg] as Executor[]) e.write(b.id, v);
  }
  const labels = encodeLabels(data, plan.io.labelEncoding);
  const perm = Uint32Array.from({ length: data.rows }, (_, i) => (i * 5) % data.rows);
  const args = Array.from({ length: steps }, (_, k) => ({ offset: k * batch, rows: Math.min(batch, data.rows - k * batch), step: k + 1 }));
  for (const e of [cpu, wg] as Executor[]) {
    e.bindData({ key: 'd', rows: data.rows, features: data.features, labels });
    e.setPermutation(perm);
    e.run('train', args, 9);
  }
  // Relative error of the step's result as one vector (max norm over all parameters, as
  // numpy.testing's allclose on the concatenated weights): Adam's m / sqrt(v) turns a last-bit
  // difference in a near-zero gradient into a visible one for that element alone, while the
  // weights as a whole agree. Parameters must agree to 1e-5; optimizer moments square the
  // gradient (v ~ g^2), doubling its relative difference, and get 1e-4.
  let compared = 0;
  for (const role of ['param', 'state'] as const) {
    const buffers = plan.buffers.filter((b) => b.role === role);
    const pairs = await Promise.all(buffers.map(async (b) => ({ b, want: await cpu.read(b.id), got: await wg.read(b.id) })));
    let scale = 1e-6;
    for (const { want } of pairs) for (const v of want) scale = Math.max(scale, Math.abs(v));
    const tolerance = (role === 'param' ? 1e-5 : 1e-4) * scale;
    for (const { b, want, got } of pairs) {
      for (let k = 0; k < want.length; k++) {
        expect(Math.abs(got[k]! - want[k]!), `${name} [${strategy}]: ${b.name}[${k}] gpu ${got[k]} cpu ${want[k]} (scale ${scale})`).toBeLessThanOrEqual(tolerance);
        compared++;
      }
    }
  }
  expect(compared).toBeGreaterThan(0);
  wg.dispose();
}
