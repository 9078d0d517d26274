// Where a training step's time goes on the CPU interpreter: each kernel of the step run alone
// (CpuExecutor.timeKernels, best of N), for the cnn and lstm workloads. A tool for tuning the
// interpreter, not a benchmark of record: `npm run bench` is that.
//   node dist/bench/cpu-kernels.js [--workload cnn|lstm] [--threads N] [--split] [--repeat N] [--top N]
// --split: every large product split across the threads (else each shape as the interpreter picks).
import { parseArgs } from 'node:util';
import { checkSource } from '../compiler/frontend.js';
import { compileModel } from '../compiler/driver.js';
import type { Statement } from '../compiler/program.js';
import { SourceFile } from '../base/source.js';
import { CpuExecutor } from '../runtime/cpu/executor.js';
import { ModelSession } from '../runtime/session.js';
import { cnnWorkload } from './cnn.js';
import { lstmWorkload } from './lstm.js';
import { tableFrom } from './nnc.js';

const { values } = parseArgs({
  options: {
    workload: { type: 'string', default: 'cnn' },
    threads: { type: 'string', default: '1' },
    split: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '7' },
    top: { type: 'string', default: '20' },
  },
});
const w = values.workload === 'lstm' ? lstmWorkload(4, {}, 1, '') : cnnWorkload(4, {}, 1, '');
const checked = checkSource(new SourceFile(`${w.kind}.nn`, w.source), { mode: 'check' });
if (!checked.program) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
const model = checked.program.models[0]!;
const st = checked.program.statements[0] as Extract<Statement, { kind: 'compile' }>;
const { plan } = compileModel(model, { loss: st.loss, optimizer: st.optimizer, metrics: st.metrics });
const threads = Number(values.threads);
const executor = new CpuExecutor(plan, { threads, alwaysSplit: values.split });
const session = new ModelSession(model, plan, executor);
const table = { ...tableFrom(w.data, w.data.rows), featureShape: w.sampleShape };
session.initialize(w.seed);
// a whole epoch first: the kernels compiled and warm, the data bound, the memory laid out
await session.fit(table, { epochs: 1, batchSize: w.batchSize, validationSplit: 0, validationData: null, shuffle: false, seed: w.seed });
const times = executor.timeKernels('train', { offset: 0, rows: w.batchSize, step: 2 }, w.seed, Number(values.repeat));
const kernels = plan.schedules.train.kernels;
const total = times.reduce((a, b) => a + b, 0);
console.log(`${w.kind}: ${kernels.length} kernels, batch ${w.batchSize}, ${threads} thread(s)${values.split ? ', every product split' : ''}, best of ${values.repeat} each: ${total.toFixed(1)} ms a step (${Math.round((w.batchSize * 1000) / total)} samples/s)`);
const order = [...times.keys()].sort((a, b) => times[b]! - times[a]!);
for (const i of order.slice(0, Number(values.top))) console.log(`${times[i]!.toFixed(2).padStart(8)} ms  ${String(i).padStart(3)}  ${kernels[i]!.kind.padEnd(8)} ${kernels[i]!.name}`);
