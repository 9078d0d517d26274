// Metrics checked end to end (program -> checker -> graph -> executor) on outputs chosen by hand.
import { join } from 'node:path';
import { compile, type BackendChoice } from '../../index.js';
import { tempDir } from '../cli/helpers.js';
import { writeSafetensors } from '../../runtime/io/safetensors-file.js';

/**
 * The metrics of a one-layer model whose outputs are activation(x): its kernel is the identity,
 * so `x` holds the logits (or, for a linear output, the outputs themselves).
 */
export async function evaluateOutputs(opts: { activation: string; loss: string; metrics: string[]; x: number[][]; y: Array<number | number[]>; backend?: BackendChoice; batchSize?: number }): Promise<Record<string, number>> {
  const units = opts.x[0]!.length;
  const source = [
    `model m = Sequential { Dense(${units}, input_dim=${units}, activation="${opts.activation}", use_bias=false) }`,
    `compile m(loss="${opts.loss}", optimizer="sgd", metrics=[${opts.metrics.map((m) => (m.includes('(') ? m : `"${m}"`)).join(', ')}])`,
  ].join('\n');
  const identity = new Float32Array(units * units);
  for (let i = 0; i < units; i++) identity[i * units + i] = 1;
  const weights = join(tempDir(), 'identity.safetensors');
  writeSafetensors(weights, [{ name: 'dense/kernel', shape: [units, units], data: identity }]);
  const program = compile(source, { backend: opts.backend ?? 'cpu' });
  try {
    const model = program.model('m');
    await model.load(weights);
    return await model.evaluate({ x: opts.x, y: opts.y as number[] }, { batchSize: opts.batchSize ?? 2 });
  } finally {
    program.close();
  }
}

