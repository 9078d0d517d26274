// The PyTorch contenders: PyTorch eager on the CPU ('torch-cpu', the thread count nnc's CPU
// interpreter uses) and on CUDA ('torch-cuda', bench/gpu.ts), the tool a user would pick instead of
// nnc. A Python worker (bench/torch_worker.py) runs the workloads as a PyTorch user writes them and
// times them itself; data go over as raw float32 files. Skipped, with the reason, where python3 has
// no torch (Debian: apt-get install python3-torch libopenblas0-pthread).
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { findRepoRoot } from './data.js';
import { fitSampleNote, sampleFor, type Contender, type RunResult, type Workload } from './harness.js';
import { LSTM_EMBEDDING, LSTM_UNITS, LSTM_VOCABULARY } from './lstm.js';

export type TorchDevice = 'cpu' | 'cuda';

/** The cnn workload's model for the worker: Keras' MNIST convnet (torch_worker.py builds it). */
const CONVNET = { kind: 'convnet', loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.001 } };

/** The lstm workload's model for the worker (bench/lstm.ts; torch_worker.py's Reader). */
const READER = { kind: 'reader', vocabulary: LSTM_VOCABULARY, width: LSTM_EMBEDDING, units: LSTM_UNITS, loss: 'binary_crossentropy', optimizer: { name: 'adam', learningRate: 0.001 } };

/** How long the CUDA contender keeps the GPU busy before each timed run (as bench/nnc.ts's warm contender). */
const WARM_SECONDS = 0.3;

/** Where python3 is: NNC_BENCH_PYTHON, else Debian's (its python3-torch), else the one on PATH. */
function pythonCandidates(): string[] {
  return process.env.NNC_BENCH_PYTHON ? [process.env.NNC_BENCH_PYTHON] : ['/usr/bin/python3', 'python3'];
}

/**
 * The worker's environment: OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (a value set for another
 * tool would pick OpenBLAS's kernels for a different CPU), and OpenBLAS's and OpenMP's thread pools
 * at the contender's thread count, as torch.set_num_threads sets its own.
 */
function workerEnv(threads: number, device: TorchDevice): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NNC_TORCH_THREADS: String(threads), NNC_TORCH_DEVICE: device, OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads) };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

interface Info {
  torch: string;
  python: string;
  threads: number;
  device: string;
  blas: string;
  gpu?: string;
  cuda?: string;
}

type Reply = Record<string, unknown> & { ok: boolean; error?: string };

/** One worker process: requests in order, one reply line each. */
class Worker {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: Interface;
  private readonly pending: Array<(line: string) => void> = [];
  private stderr = '';
  private exited: string | null = null;

  constructor(python: string, env: NodeJS.ProcessEnv) {
    this.child = spawn(python, [join(findRepoRoot(), 'bench', 'torch_worker.py')], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-2000)));
    this.lines = createInterface({ input: this.child.stdout });
    this.lines.on('line', (line) => this.pending.shift()?.(line));
    this.child.on('exit', (code, signal) => {
      this.exited = `the PyTorch worker exited (${signal ?? code}): ${this.stderr.trim().split('\n').at(-1) ?? ''}`;
      for (const p of this.pending.splice(0)) p(JSON.stringify({ ok: false, error: this.exited }));
    });
  }

  request(req: Record<string, unknown>): Promise<Reply> {
    if (this.exited) return Promise.reject(new Error(this.exited));
    return new Promise((resolve, reject) => {
      this.pending.push((line) => {
        const reply = JSON.parse(line) as Reply;
        if (reply.ok) resolve(reply);
        else reject(new Error(`PyTorch: ${reply.error ?? 'failed'}`));
      });
      this.child.stdin.write(JSON.stringify(req) + '\n');
    });
  }

  close(): void {
    this.child.stdin.end();
    this.lines.close();
  }
}

class TorchContender implements Contender {
  readonly name: string;
  readonly baseline = true;
  private python: string | null = null;
  private worker: Worker | null = null;
  private info: Info | null = null;
  private dir: string | null = null;
  private loaded = new Set<string>();
  private weightFiles = new Map<string, Array<{ kernel: string; bias: string }>>();

  constructor(
    readonly device: TorchDevice,
    readonly threads: number,
    name?: string,
  ) {
    this.name = name ?? (device === 'cuda' ? 'torch-cuda' : 'torch-cpu');
  }

  async available(): Promise<boolean | string> {
    const probe = `import torch, sys; print(torch.__version__); sys.exit(0 if '${this.device}' == 'cpu' or torch.cuda.is_available() else 3)`;
    const reasons: string[] = [];
    for (const python of pythonCandidates()) {
      const r = spawnSync(python, ['-c', probe], { env: workerEnv(this.threads, this.device), encoding: 'utf8', timeout: 60_000 });
      if (r.status === 0) {
        this.python = python;
        break;
      }
      reasons.push(r.error ? `${python}: not found` : r.status === 3 ? `${python}: torch ${r.stdout.trim()} sees no CUDA device` : `${python}: no torch module`);
    }
    if (!this.python) return `${reasons.join('; ')} (Debian: apt-get install python3-torch libopenblas0-pthread)`;
    this.worker = new Worker(this.python, workerEnv(this.threads, this.device));
    this.info = (await this.worker.request({ cmd: 'info' })) as unknown as Info;
    this.dir = mkdtempSync(join(tmpdir(), `nnc-bench-${this.name}-`));
    return true;
  }

  supports(w: Workload): boolean | string {
    return w.kind === 'compile' ? 'no PyTorch peer (nnc only)' : true;
  }

  private file(name: string, values: Float32Array): string {
    const path = join(this.dir!, name);
    writeFileSync(path, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    return path;
  }

  async prepare(w: Workload): Promise<void> {
    if (w.kind === 'compile') return;
    const worker = this.worker!;
    if (w.kind === 'cnn' || w.kind === 'lstm') {
      // the convnet (bench/cnn.ts) in torch.nn, channels first; the LSTM reader (bench/lstm.ts)
      await worker.request({ cmd: 'load', name: w.name, rows: w.data.rows, featureCount: w.data.featureCount, labelWidth: w.data.labelWidth, features: this.file(`${w.name}.x`, w.data.features), labels: this.file(`${w.name}.y`, w.data.labels) });
      await worker.request({ cmd: 'fit', name: w.name, model: w.kind === 'cnn' ? CONVNET : READER, rows: w.batchSize * 2, epochs: 1, batchSize: w.batchSize, shuffle: true, seed: w.seed });
    } else if (w.kind === 'fit') {
      await worker.request({ cmd: 'load', name: w.name, rows: w.data.rows, featureCount: w.data.featureCount, labelWidth: w.data.labelWidth, features: this.file(`${w.name}.x`, w.data.features), labels: this.file(`${w.name}.y`, w.data.labels) });
      // one untimed short fit: allocations, the BLAS's threads, CUDA's kernels and context
      await worker.request({ cmd: 'fit', name: w.name, model: w.model, rows: Math.min(w.data.rows, w.batchSize * 2), epochs: 1, batchSize: w.batchSize, shuffle: w.shuffle, seed: w.seed });
    } else {
      await worker.request({ cmd: 'load', name: w.name, rows: w.rows, featureCount: w.model.inputDim, labelWidth: 0, features: this.file(`${w.name}.x`, w.features), labels: null });
      const weights = w.weights.map((l, i) => ({ kernel: this.file(`${w.name}.k${i}`, l.kernel), bias: this.file(`${w.name}.b${i}`, l.bias) }));
      this.weightFiles.set(w.name, weights);
      await worker.request({ cmd: 'predict', name: w.name, model: w.model, weights, rows: Math.min(w.rows, w.batchSize), batchSize: w.batchSize, repeat: 1 });
    }
    this.loaded.add(w.name);
  }

  /**
   * On CUDA, before each timed run: the same fit, again and again for WARM_SECONDS (untimed), so the
   * run is measured at the clocks a GPU reaches under load, as nnc-webgpu-warm is.
   */
  async beforeRun(w: Workload): Promise<void> {
    if (this.device !== 'cuda' || w.kind !== 'fit') return;
    await this.worker!.request({ cmd: 'warm', name: w.name, model: w.model, rows: Math.min(w.data.rows, w.batchSize * 50), epochs: 1, batchSize: w.batchSize, shuffle: w.shuffle, seed: w.seed, seconds: WARM_SECONDS });
  }

  async run(w: Workload): Promise<RunResult> {
    if (w.kind === 'compile') throw new Error(`${this.name} does not run compile workloads`);
    const worker = this.worker!;
    const note = this.note();
    if (w.kind === 'cnn' || w.kind === 'lstm') {
      const rows = Math.min(w.data.rows, (sampleFor(w, this.name).batches ?? w.batches) * w.batchSize);
      const r = await worker.request({ cmd: 'fit', name: w.name, model: w.kind === 'cnn' ? CONVNET : READER, rows, epochs: 1, batchSize: w.batchSize, shuffle: true, seed: w.seed });
      return { seconds: r.seconds as number, cpuSeconds: r.cpuSeconds as number, items: rows, loss: r.loss as number, accuracy: r.accuracy as number, note };
    }
    if (w.kind === 'fit') {
      const sample = sampleFor(w, this.name);
      const rows = Math.min(w.data.rows, sample.batches !== undefined ? sample.batches * w.batchSize : w.data.rows);
      const epochs = sample.epochs ?? (sample.batches !== undefined ? 1 : w.epochs);
      const r = await worker.request({ cmd: 'fit', name: w.name, model: w.model, rows, epochs, batchSize: w.batchSize, shuffle: w.shuffle, seed: w.seed });
      const result: RunResult = { seconds: r.seconds as number, cpuSeconds: r.cpuSeconds as number, items: rows * epochs, loss: r.loss as number, accuracy: r.accuracy as number, note };
      if (rows < w.data.rows || epochs < w.epochs) {
        result.fraction = (rows * epochs) / (w.data.rows * w.epochs);
        result.note = `${fitSampleNote(w, rows, epochs)}; ${note}`;
      }
      return result;
    }
    const rows = Math.min(w.rows, sampleFor(w, this.name).rows ?? w.rows);
    const r = await worker.request({ cmd: 'predict', name: w.name, model: w.model, weights: this.weightFiles.get(w.name), rows, batchSize: w.batchSize, repeat: w.repeat });
    return { seconds: r.seconds as number, cpuSeconds: r.cpuSeconds as number, items: rows * w.repeat, meanPrediction: r.meanPrediction as number, note };
  }

  private note(): string {
    const i = this.info!;
    return this.device === 'cuda' ? `torch ${i.torch} eager, CUDA ${i.cuda ?? '?'}, warmed ${WARM_SECONDS} s before each run` : `torch ${i.torch} eager, ${i.threads} thread${i.threads === 1 ? '' : 's'}`;
  }

  async facts(w: Workload): Promise<string[]> {
    if (w.kind === 'compile' || !this.info) return [];
    const i = this.info;
    return [this.device === 'cuda' ? `PyTorch ${i.torch} (Python ${i.python}) on ${i.gpu ?? 'CUDA'}` : `PyTorch ${i.torch} (Python ${i.python}), ${i.threads} thread(s), BLAS: ${i.blas}`];
  }

  async release(w: Workload): Promise<void> {
    if (!this.loaded.delete(w.name)) return;
    await this.worker!.request({ cmd: 'release', name: w.name });
    for (const f of [`${w.name}.x`, `${w.name}.y`]) rmSync(join(this.dir!, f), { force: true });
  }

  async dispose(): Promise<void> {
    this.worker?.close();
    this.worker = null;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

/**
 * PyTorch on the CPU with `threads` threads (nnc's CPU interpreter's count, for a like-for-like
 * ratio), and one more contender per extra thread count (`torch-cpu-2t`: PyTorch at another count,
 * e.g. its best on this machine).
 */
export function torchCpuContenders(threads: number, extraThreads: number[] = []): Contender[] {
  return [new TorchContender('cpu', threads), ...extraThreads.filter((t) => t !== threads).map((t) => new TorchContender('cpu', t, `torch-cpu-${t}t`))];
}

export function torchCudaContender(): Contender {
  return new TorchContender('cuda', 1);
}
