// A streamed dataset (a CSV larger than memory: runtime/data-feed.ts) on the GPU: the session binds
// window after window under one key, so the executor's buffers are replaced while training goes on.
// The run must end where the CPU's does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceFile } from '../../base/source.js';
import { renderDiagnostics } from '../../base/diagnostics/render.js';
import { checkSource } from '../../compiler/frontend.js';
import type { Backend } from '../../runtime/backend.js';
import { runProgram, type StatementResult } from '../../runtime/run-program.js';
import { gpuForTests } from '../helpers/gpu.js';

const gpu = await gpuForTests();
const scratch = mkdtempSync(join(tmpdir(), 'nnc-gpu-stream-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const csv = join(scratch, 'rows.csv');
const lines = ['a,b,c,label'];
for (let r = 0; r < 600; r++) {
  const a = Math.sin(r) * 2;
  const b = Math.cos(r * 1.3);
  lines.push(`${a.toFixed(4)},${b.toFixed(4)},${((r * 5) % 7) / 7},${a - b > 0 ? 1 : 0}`);
}
writeFileSync(csv, lines.join('\n') + '\n');

const program = `dataset d = csv("${csv}", labels=-1)
model m = Sequential {
  Dense(8, input_dim=3, activation="relu")
  Dense(1, activation="sigmoid")
}
compile m(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
fit m(d, epochs=3, batch_size=16, validation_split=0.25)
predict m(d)
`;

async function run(backend: Backend): Promise<StatementResult[]> {
  // streamed whatever the size, in blocks of 300 bytes and windows of 80 rows
  const checked = checkSource(new SourceFile(join(scratch, 'p.nn'), program), { mode: 'run', data: { streamAbove: 0, blockBytes: 300, windowBytes: 80 * 4 * 4 } });
  if (!checked.program) throw new Error(renderDiagnostics(checked.diagnostics));
  return runProgram(checked.program, { backend, seed: 2, verbose: 0, outDir: join(scratch, 'out'), data: checked.data, stdout: { write: () => {}, isTTY: false } });
}

describe.skipIf(!gpu)('a streamed dataset on the GPU', () => {
  it('trains, validates and predicts as on the CPU', async () => {
    const onGpu = await run({ kind: 'webgpu', gpu: gpu!, description: 'webgpu (test)', details: [] });
    const onCpu = await run({ kind: 'cpu', gpu: null, description: 'cpu', details: [] });
    const history = (r: StatementResult[]) => r.find((x) => x.history)!.history!.history;
    const [g, c] = [history(onGpu), history(onCpu)];
    for (const key of ['loss', 'val_loss']) {
      for (let e = 0; e < 3; e++) expect(Math.abs(g[key]![e]! - c[key]![e]!)).toBeLessThan(1e-4);
    }
    const predictions = (r: StatementResult[]) => Array.from(r.find((x) => x.predictions)!.predictions!.values);
    const [pg, pc] = [predictions(onGpu), predictions(onCpu)];
    expect(pg).toHaveLength(600);
    for (let i = 0; i < pg.length; i++) expect(Math.abs(pg[i]! - pc[i]!)).toBeLessThan(1e-4);
  });
});
