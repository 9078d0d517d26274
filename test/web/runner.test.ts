// The page's program runner against `nnc run`: the same program on the same CPU interpreter gives
// the same numbers, in this thread and through the CPU worker's messages; Stop stops a fit in the
// worker (NNC5005); EarlyStopping, evaluate, predict and save behave as nnc run's.
import { describe, expect, it } from 'vitest';
import { NncError } from '../../base/diagnostics/diagnostic.js';
import { SourceFile } from '../../base/source.js';
import { decodeSafetensors } from '../../runtime/io/safetensors.js';
import { openBackend } from '../../web/backend.js';
import { PageRunner, type PageResult } from '../../web/runner.js';
import { evaluation, example, fitHistory, runNn } from '../e2e/helpers.js';
import { checked, inProcessWorker } from './helpers.js';

async function runInPage(path: string, worker: boolean) {
  const { program, data } = checked(path);
  const w = worker ? inProcessWorker() : null;
  const backend = await openBackend({ backend: 'cpu', worker: w ? () => w : null });
  const epochs: number[] = [];
  const runner = new PageRunner(program, data, { backend, seed: 0, hooks: { onEpochEnd: (_m, epoch) => epochs.push(epoch) } });
  try {
    const results = await runner.run();
    return { results, files: runner.files, epochs, description: backend.description, worker: w };
  } finally {
    runner.dispose();
    backend.close();
  }
}

const pick = (results: PageResult[], kind: string) => results.find((r) => r.statement.kind === kind)!;

describe('the page runner runs a program as nnc run does', () => {
  for (const worker of [false, true]) {
    it(`demo.nn ${worker ? 'in the CPU worker' : 'in this thread'}: the same history, evaluation, predictions and weights`, async () => {
      const node = await runNn(example('demo.nn'));
      const page = await runInPage(example('demo.nn'), worker);
      expect(page.description).toBe(worker ? 'cpu (Web Worker)' : 'cpu');
      const history = pick(page.results, 'fit').history!;
      // EarlyStopping stopped both at the same epoch and restored the same one
      expect(history).toEqual(fitHistory(node));
      expect(history.earlyStopping?.stoppedEpoch).toBeGreaterThan(0);
      expect(page.epochs).toEqual(history.epoch);
      expect(pick(page.results, 'evaluate').evaluation).toEqual(evaluation(node));
      const predictions = pick(page.results, 'predict').predictions!;
      const nodePredictions = node.results.find((r) => r.predictions)!.predictions!;
      expect(predictions.values).toEqual(nodePredictions.values);
      expect(new TextDecoder().decode(page.files.get('moons-predictions.csv')!.bytes)).toContain('probability,class\n');
      const saved = decodeSafetensors(page.files.get('classifier.safetensors')!.bytes, 'saved');
      expect(saved.metadata).toEqual({ format: 'nnc', model: 'classifier' });
      expect([...saved.tensors.keys()]).toEqual(['dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias', 'dense_2/kernel', 'dense_2/bias']);
      if (worker) expect(page.worker!.sent.get('call')).toBeGreaterThan(5);
    });
  }

  it('an aborted signal stops a fit in the worker with NNC5005, and the worker goes on serving', async () => {
    const source = new SourceFile(
      'long.nn',
      'dataset d = builtin("moons", rows=2000)\nmodel m = Sequential {\n  Dense(32, input_dim=2, activation="relu")\n  Dense(1, activation="sigmoid")\n}\ncompile m(loss="binary_crossentropy", optimizer="adam")\nfit m(d, epochs=100000, batch_size=1)\npredict m(d)\n',
    );
    const { program, data } = checked(source);
    const w = inProcessWorker();
    const backend = await openBackend({ backend: 'cpu', worker: () => w });
    const controller = new AbortController();
    const runner = new PageRunner(program, data, { backend, seed: 0, signal: controller.signal, hooks: { onEpochEnd: () => controller.abort() } });
    try {
      const error = await runner.run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NncError);
      expect((error as NncError).diagnostics[0]!.code).toBe('NNC5005');
      expect(w.sent.get('abort')).toBe(1);
      // the worker still serves: another run on the same backend
      const again = new PageRunner(program, data, { backend, seed: 0 });
      expect((await again.predict('m', 'd', 256)).rows).toBe(2000);
      again.dispose();
    } finally {
      runner.dispose();
      backend.close();
    }
  });

  it("a diverging fit's NNC5001 points at the fit, from the worker too", async () => {
    const source = new SourceFile(
      'diverge.nn',
      'dataset d = builtin("blobs", rows=64)\nmodel m = Sequential {\n  Dense(1, input_dim=2)\n}\ncompile m(loss="mse", optimizer=SGD(learning_rate=1e30))\nfit m(d, epochs=5, batch_size=8)\n',
    );
    const { program, data } = checked(source);
    const w = inProcessWorker();
    const backend = await openBackend({ backend: 'cpu', worker: () => w });
    const runner = new PageRunner(program, data, { backend, seed: 0 });
    try {
      const error = (await runner.run().catch((e: unknown) => e)) as NncError;
      expect(error.diagnostics[0]!.code).toBe('NNC5001');
      expect(error.diagnostics[0]!.span?.line).toBe(6);
    } finally {
      runner.dispose();
      backend.close();
    }
  });
});
