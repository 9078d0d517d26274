// Data larger than memory, measured: generates a CSV of --gb gigabytes (28 numeric features and a
// 0/1 label, as the HIGGS dataset has; seeded, so the same file every time), then runs a whole
// `nnc run` on it as a separate process and reports its peak resident memory (Linux: VmHWM, polled)
// and the rows per second of the checker's pass and of training.
//   node dist/bench/stream.js [--gb 2] [--epochs 1] [--batch 256] [--dir DIR] [--keep]
// The file is written to DIR (default the system's temp folder) and removed afterwards unless --keep.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RandomStream, Stream } from '../base/rng.js';
import { findRepoRoot } from './data.js';

const FEATURES = 28;

/** Writes rows until the file has `bytes` bytes: features N(0, 1) to 4 decimals, label from a fixed linear rule with noise. */
async function generate(path: string, bytes: number): Promise<number> {
  const rng = new RandomStream(20261129, Stream.data + 7);
  const weights = Array.from({ length: FEATURES }, () => rng.normal());
  const out = createWriteStream(path);
  let written = 0;
  let rows = 0;
  const header = Array.from({ length: FEATURES }, (_, i) => `f${i}`).join(',') + ',label\n';
  out.write(header);
  written += header.length;
  while (written < bytes) {
    let chunk = '';
    for (let k = 0; k < 10_000; k++) {
      let z = 0.5 * rng.normal();
      const cells: string[] = [];
      for (let j = 0; j < FEATURES; j++) {
        const x = rng.normal();
        z += weights[j]! * x * 0.3;
        cells.push(x.toFixed(4));
      }
      chunk += `${cells.join(',')},${z > 0 ? 1 : 0}\n`;
      rows++;
    }
    written += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return rows;
}

/** Peak resident memory of a process so far, in bytes (Linux), or undefined. */
function peakRss(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { gb: { type: 'string' }, epochs: { type: 'string' }, batch: { type: 'string' }, dir: { type: 'string' }, keep: { type: 'boolean', default: false } } });
  const gb = Number(values.gb ?? 2);
  const epochs = Number(values.epochs ?? 1);
  const batch = Number(values.batch ?? 256);
  const dir = values.dir ?? tmpdir();
  const csv = join(dir, `nnc-stream-${gb}gb.csv`);
  const out = join(dir, 'nnc-stream-out');
  const program = join(dir, 'nnc-stream.nn');
  console.log(`nnc streamed-data benchmark ${new Date().toISOString()}, node ${process.version}`);
  const rowsFile = `${csv}.rows`;
  if (!existsSync(csv) || !existsSync(rowsFile) || statSync(csv).size < gb * 1e9) {
    const t0 = performance.now();
    const rows = await generate(csv, gb * 1e9);
    writeFileSync(rowsFile, String(rows));
    console.log(`generated ${csv}: ${rows.toLocaleString('en-US')} rows, ${(statSync(csv).size / 1e9).toFixed(2)} GB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else console.log(`using ${csv} (${(statSync(csv).size / 1e9).toFixed(2)} GB)`);
  const fileRows = Number(readFileSync(rowsFile, 'utf8'));
  writeFileSync(
    program,
    `dataset big = csv("${csv}", labels=-1)
model m = Sequential {
  Dense(64, input_dim=${FEATURES}, activation="relu")
  Dense(1, activation="sigmoid")
}
compile m(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
fit m(big, epochs=${epochs}, batch_size=${batch})
`,
  );
  const bin = join(findRepoRoot(), 'bin', 'nnc.js');
  const argv = [bin, 'run', program, '--backend', 'cpu', '--verbose', '2', '--out', out];
  console.log(`$ node ${argv.join(' ')}`);
  const t0 = performance.now();
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
  let peak = 0;
  let fitStarted = 0;
  let text = '';
  const poll = setInterval(() => (peak = Math.max(peak, peakRss(child.pid!) ?? 0)), 50);
  child.stdout.on('data', (d: Buffer) => {
    const s = d.toString();
    text += s;
    process.stdout.write(s);
    if (!fitStarted && /^backend: /m.test(text)) fitStarted = performance.now();
  });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  clearInterval(poll);
  const total = (performance.now() - t0) / 1000;
  const checkSeconds = (fitStarted - t0) / 1000;
  const fitSeconds = total - checkSeconds;
  console.log('');
  console.log(`exit ${code}; file ${(statSync(csv).size / 1e9).toFixed(2)} GB, ${fileRows.toLocaleString('en-US')} rows of ${FEATURES} features and a label; batch ${batch}`);
  console.log(`peak resident memory of the nnc process: ${(peak / 2 ** 20).toFixed(0)} MiB${peak === 0 ? ' (not measured: no /proc)' : ''}`);
  console.log(`start and checker's pass (reading and checking every row): ${checkSeconds.toFixed(1)} s, ${Math.round(fileRows / checkSeconds).toLocaleString('en-US')} rows/s`);
  console.log(`training (${epochs} epoch${epochs === 1 ? '' : 's'}, streamed): ${fitSeconds.toFixed(1)} s, ${Math.round((fileRows * epochs) / fitSeconds).toLocaleString('en-US')} rows/s`);
  rmSync(out, { recursive: true, force: true });
  rmSync(program, { force: true });
  if (!values.keep) rmSync(csv, { force: true }), rmSync(rowsFile, { force: true });
  process.exitCode = code;
}

await main();
