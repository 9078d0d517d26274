// GPU buffers are sized for the program's largest batch, by one rule for `nnc build`, `nnc run`
// and the library; a library call with a larger batch moves the model to an executor sized for it,
// weights and optimizer state included.
import { describe, expect, it } from 'vitest';
import { largestBatch } from '../../compiler/build.js';
import { checkSource } from '../../compiler/frontend.js';
import { SourceFile } from '../../base/source.js';
import { selectBackend } from '../../runtime/backend.js';
import { ProgramRunner } from '../../runtime/run-program.js';
import { gpuForTests } from '../helpers/gpu.js';

const gpu = await gpuForTests();

const source = `dataset d = builtin("moons", rows=64)
model m = Sequential {
  Dense(8, input_dim=2, activation="relu")
  Dense(1, activation="sigmoid")
}
compile m(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
fit m(d, epochs=1, batch_size=10)
evaluate m(d, batch_size=12)
`;

describe.skipIf(!gpu)('batch capacity on the GPU', () => {
  it("is the program's largest batch, and grows for a larger one with the weights and optimizer state", async () => {
    const { program, data } = checkSource(new SourceFile('capacity.nn', source), { mode: 'check' });
    expect(largestBatch(program!, 'm')).toBe(12);
    const backend = await selectBackend('webgpu');
    const runner = new ProgramRunner(program!, { backend, seed: 0, verbose: 0, quiet: true, outDir: '/tmp/nnc-capacity', data, stdout: { write: () => {}, isTTY: false } });
    for (const st of program!.statements) await runner.execute(st);
    const state = await runner.ensureModel('m', null);
    const before = state.session.executor;
    expect(before.batchCapacity).toBe(12);
    const values = async () => Promise.all(state.session.plan.buffers.filter((b) => b.role === 'param' || b.role === 'state').map((b) => state.session.executor.read(b.id)));
    const kept = await values();
    await runner.reserveBatch('m', 300);
    expect(state.session.executor).not.toBe(before);
    expect(state.session.executor.batchCapacity).toBe(300);
    expect(await values()).toEqual(kept);
    await runner.reserveBatch('m', 100); // fits already: nothing moves
    expect(state.session.executor.batchCapacity).toBe(300);
    runner.dispose();
  });
});
