// How the CPU interpreter's split-or-not choice (runtime/cpu/thread-options.ts, Chooser) does in a
// fit: sessions of the cnn (or lstm) workload on executors that differ only in that choice, their
// fits of 8 steps alternating in one process (so that the machine's changes hit all alike), R
// rounds; each one's median and least milliseconds a step. A tool for tuning, not a benchmark
// of record.
//   node dist/bench/split-choice.js [--workload cnn|lstm] [--rounds R] [--ways adaptive,split,one]
// adaptive: the Chooser on 2 threads; split: every large product split over 2; one: 1 thread.
import { parseArgs } from 'node:util';
import type { CpuExecutorOptions } from '../runtime/cpu/executor.js';
import { cpuWorkload } from './cpu-workload.js';

const { values } = parseArgs({
  options: {
    workload: { type: 'string', default: 'cnn' },
    rounds: { type: 'string', default: '10' },
    ways: { type: 'string', default: 'adaptive,split' },
  },
});
const WAYS: Record<string, CpuExecutorOptions> = { adaptive: { threads: 2 }, split: { threads: 2, alwaysSplit: true }, one: { threads: 1 } };
const ways = values.ways!.split(',');
for (const way of ways) if (!WAYS[way]) throw new Error(`--ways: ${way} is not one of ${Object.keys(WAYS).join(', ')}`);
const STEPS = 8;
const { fitOptions, session, table, w } = cpuWorkload(values.workload!, STEPS);
const sessions = [];
for (const way of ways) sessions.push((await session(WAYS[way]!)).session);
const times: number[][] = ways.map(() => []);
for (let r = 0; r < Number(values.rounds); r++) {
  for (const [i, s] of sessions.entries()) {
    const t0 = performance.now();
    await s.fit(table, fitOptions);
    times[i]!.push((performance.now() - t0) / STEPS);
  }
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
console.log(`${w.kind}: fits of ${STEPS} steps at batch ${w.batchSize}, alternating, ${values.rounds} rounds; ms a step`);
for (const [i, way] of ways.entries()) {
  const t = times[i]!;
  console.log(`${way.padEnd(9)} median ${median(t).toFixed(1)}  least ${Math.min(...t).toFixed(1)}  [${t.map((x) => x.toFixed(0)).join(' ')}]`);
}
