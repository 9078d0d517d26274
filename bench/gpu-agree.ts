// The convnet of issue 11 trained from the same start on the GPU and on the CPU interpreter, epoch by
// epoch, for the lent GPU machine: `node dist/bench/gpu-agree.js IMAGES LABELS [epochs] [batch]` (IDX files,
// gzipped or not). Prints each epoch's loss and accuracy on both, and how far the weights drifted.
import { compile } from '../index.js';
import { CNN_SOURCE } from './cnn.js';

async function main(): Promise<void> {
  const [images, labels, epochArg, batchArg] = process.argv.slice(2);
  if (!images || !labels) throw new Error('usage: node dist/bench/gpu-agree.js IMAGES LABELS [epochs] [batch]');
  const epochs = Number(epochArg ?? 2);
  const batchSize = Number(batchArg ?? 128);
  // the cnn workload's model (bench/cnn.ts) on raw IDX pixels: scaled in the model
  const source = `dataset d = idx(${JSON.stringify(images)}, labels=${JSON.stringify(labels)})\n${CNN_SOURCE.replace('Input((28, 28, 1))\n', 'Input((28, 28, 1))\n  Rescaling(1/255)\n')}`;
  const results: Record<string, { history: Record<string, number[]>; seconds: number; weights: Float32Array[] }> = {};
  for (const backend of ['webgpu', 'cpu'] as const) {
    const program = compile(source, { file: 'agree.nn', backend });
    const model = program.model('convnet');
    const t = performance.now();
    const h = await model.fit('d', { epochs, batchSize, verbose: 0 });
    const seconds = (performance.now() - t) / 1000;
    const weights = (await model.getWeights()).map((w) => w.data);
    results[backend] = { history: h.history as Record<string, number[]>, seconds, weights };
    console.log(`${backend}: ${epochs} epochs in ${seconds.toFixed(1)} s`);
    for (let e = 0; e < epochs; e++) console.log(`  epoch ${e + 1}: loss ${h.history.loss![e]!.toFixed(6)} accuracy ${h.history.accuracy![e]!.toFixed(6)}`);
    program.close();
  }
  let worst = 0;
  let scale = 0;
  const gpu = results.webgpu!.weights;
  results.cpu!.weights.forEach((w, n) => {
    for (let k = 0; k < w.length; k++) {
      worst = Math.max(worst, Math.abs(w[k]! - gpu[n]![k]!));
      scale = Math.max(scale, Math.abs(w[k]!));
    }
  });
  console.log(`weights after ${epochs} epochs: largest difference ${worst.toExponential(3)} against largest weight ${scale.toFixed(4)} (${(worst / scale).toExponential(3)} relative)`);
}

await main();
