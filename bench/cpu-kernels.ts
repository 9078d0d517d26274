// Where a training step's time goes on the CPU interpreter: each kernel of the step run alone
// (CpuExecutor.timeKernels, best of N), for the cnn and lstm workloads. A tool for tuning the
// interpreter, not a benchmark of record: `npm run bench` is that.
//   node dist/bench/cpu-kernels.js [--workload cnn|lstm] [--threads N] [--split] [--repeat N] [--top N]
// --split: every large product split across the threads (else each shape as the interpreter picks).
import { parseArgs } from 'node:util';
import { cpuWorkload } from './cpu-workload.js';

const { values } = parseArgs({
  options: {
    workload: { type: 'string', default: 'cnn' },
    threads: { type: 'string', default: '1' },
    split: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '7' },
    top: { type: 'string', default: '20' },
  },
});
const { w, plan, session } = cpuWorkload(values.workload!);
const threads = Number(values.threads);
// a whole epoch first: the kernels compiled and warm, the data bound, the memory laid out
const { executor } = await session({ threads, alwaysSplit: values.split });
const times = executor.timeKernels('train', { offset: 0, rows: w.batchSize, step: 2 }, w.seed, Number(values.repeat));
const kernels = plan.schedules.train.kernels;
const total = times.reduce((a, b) => a + b, 0);
console.log(`${w.kind}: ${kernels.length} kernels, batch ${w.batchSize}, ${threads} thread(s)${values.split ? ', every product split' : ''}, best of ${values.repeat} each: ${total.toFixed(1)} ms a step (${Math.round((w.batchSize * 1000) / total)} samples/s)`);
const order = [...times.keys()].sort((a, b) => times[b]! - times[a]!);
for (const i of order.slice(0, Number(values.top))) console.log(`${times[i]!.toFixed(2).padStart(8)} ms  ${String(i).padStart(3)}  ${kernels[i]!.kind.padEnd(8)} ${kernels[i]!.name}`);
