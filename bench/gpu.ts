// The GPU variant of the benchmark, for the lent GPU machine (no TF.js there): nnc's WebGPU backend
// (and its CPU interpreter, for scale) on the GPU workloads and the lstm workload, beside PyTorch eager on CUDA
// measured in the same run (bench/torch.ts) when python3 with torch and a CUDA device are there.
//   node dist/bench/gpu.js [--runs N] [--datasets DIR] [--out FILE] [--quick] [--torch-device cuda|cpu] [--workloads pima,cnn,...]
// --torch-device cpu runs the PyTorch contender on the CPU instead (a check of the script's path on
// a machine without CUDA). bench/device.md says how to run it on the device machine.
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { runBenchmarks, type Dataset, type FitWorkload, type Workload } from './harness.js';
import { BENCH_SEED, defaultDatasetsDir, loadPima, mlpModel, pimaModel, syntheticClassification } from './data.js';
import { compileSpec, nncContenders } from './nnc.js';
import { torchCpuContenders, torchCudaContender } from './torch.js';
import { cnnWorkload } from './cnn.js';
import { lstmWorkload } from './lstm.js';

/** The targets for nnc on the GPU. */
const TARGETS: Record<string, string> = {
  pima: 'target: under 0.05 s',
  'mlp-128': 'target: over 1,000,000 samples/s',
  'mlp-1024': 'target: over 2,000,000 samples/s',
};

/** The lstm workload (bench/lstm.ts): 64 batches (4,096 sequences) here, where the CPU would be the slow one. */
const GPU_LSTM_BATCHES = 64;

function fit(name: string, description: string, model: FitWorkload['model'], data: Dataset, epochs: number, batchSize: number, unit: FitWorkload['unit']): FitWorkload {
  return { kind: 'fit', name, description, unit, samples: {}, model, data, epochs, batchSize, shuffle: true, seed: BENCH_SEED, facts: [TARGETS[name]!, planFacts(model)] };
}

/** What the compiler makes of the model: kernels in the plan of a training step (dispatches: see each GPU contender's line). */
function planFacts(spec: FitWorkload['model']): string {
  const { plan } = compileSpec(spec);
  return `nnc: ${plan.schedules.train.kernels.length} fused kernels per training step in the plan`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string' }, datasets: { type: 'string' }, out: { type: 'string' }, quick: { type: 'boolean', default: false }, 'torch-device': { type: 'string' }, workloads: { type: 'string' } },
  });
  const torchDevice = values['torch-device'] ?? 'cuda';
  if (torchDevice !== 'cuda' && torchDevice !== 'cpu') throw new Error(`--torch-device must be cuda or cpu, not '${torchDevice}'`);
  const quick = values.quick ?? false;
  const runs = Number(values.runs ?? (quick ? 1 : 3));
  // (The adapter is printed under each table by the nnc-webgpu contender: one Dawn instance per process.)
  console.log(`nnc GPU benchmark, ${new Date().toISOString()}, node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}`);
  const pima = loadPima(values.datasets ?? defaultDatasetsDir());
  const rows = quick ? 6_400 : 60_000;
  const cnnBatches = quick ? 2 : 200;
  const all: Array<[string, () => Workload]> = [
    ['pima', () => fit('pima', `fit the Pima model, 768x8, ${quick ? 2 : 100} epochs, batch 10, Adam, binary cross-entropy; time of fit`, pimaModel, pima, quick ? 2 : 100, 10, 'seconds')],
    ['mlp-128', () => fit('mlp-128', `fit 784-256-128-10, synthetic ${rows}x784, 1 epoch, batch 128, Adam; samples/s`, mlpModel, syntheticClassification({ rows, featureCount: 784, classes: 10 }), 1, 128, 'samples/s')],
    ['mlp-1024', () => fit('mlp-1024', `fit 784-256-128-10, synthetic ${rows}x784, 1 epoch, batch 1024, Adam; samples/s`, mlpModel, syntheticClassification({ rows, featureCount: 784, classes: 10 }), 1, 1024, 'samples/s')],
    // Keras' MNIST convnet (issue 11), the CPU interpreter on a sample: it trains at hundreds of images a second
    ['cnn', () => cnnWorkload(cnnBatches, { 'nnc-cpu': { batches: quick ? 1 : 10 } }, BENCH_SEED, '')],
    ['lstm', () => lstmWorkload(quick ? 2 : GPU_LSTM_BATCHES, {}, BENCH_SEED, '')],
  ];
  const chosen = values.workloads?.split(',');
  const unknown = chosen?.filter((w) => !all.some(([name]) => name === w)) ?? [];
  if (unknown.length) throw new Error(`--workloads: no workload ${unknown.join(', ')} (there are ${all.map(([name]) => name).join(', ')})`);
  const workloads = all.filter(([name]) => !chosen || chosen.includes(name)).map(([, make]) => make);
  // PyTorch on the same machine in the same run: CUDA (warmed before each timed run, as nnc-webgpu-warm is), or
  // with --torch-device cpu on every core.
  const torch = torchDevice === 'cuda' ? torchCudaContender() : torchCpuContenders(cpus().length)[0]!;
  await runBenchmarks(workloads, [...nncContenders({ warmGpu: true }), torch], { runs, out: values.out ?? 'bench-gpu-results.json' });
}

await main();
