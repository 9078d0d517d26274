// The start-up workload: what a user waits for when they type a command, as process times. Each
// command runs as a fresh process (spawnSync), the commands alternating run by run as the harness's
// contenders do, beside `node -e 0` (Node itself: the floor). The figure is wall time; cpu/wall
// comes from the children's CPU time (Linux: /proc/self/stat, 10 ms ticks).
//   node -e 0                      Node's own start-up and exit
//   nnc --version                  loading the command
//   nnc check examples/pima.nn     parsing and checking (with the data read)
//   nnc run examples/pima.nn       a whole run: check, compile, fit 100 epochs, evaluate, predict,
//                                  the history, its chart and the predictions written
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from './data.js';
import { finishWorkload, formatTable, formatValue, type ContenderResult, type RunResult, type WorkloadResult } from './harness.js';

export interface StartupCommand {
  name: string;
  argv: string[];
  /** `node -e 0`: the floor every ratio is taken against. */
  baseline?: boolean;
}

/** The commands, from the repository root, with the Pima CSV at `pimaCsv` and outputs under `out`. */
export function startupCommands(pimaCsv: string, out: string): StartupCommand[] {
  const bin = join(findRepoRoot(), 'bin', 'nnc.js');
  return [
    { name: 'node -e 0', argv: ['-e', '0'], baseline: true },
    { name: 'nnc --version', argv: [bin, '--version'] },
    { name: 'nnc check pima', argv: [bin, 'check', 'examples/pima.nn', '--data', `pima=${pimaCsv}`] },
    { name: 'nnc run pima', argv: [bin, 'run', 'examples/pima.nn', '--data', `pima=${pimaCsv}`, '--out', out] },
  ];
}

/** CPU seconds of this process's waited-for children so far (Linux), else undefined. */
function childrenCpuSeconds(): number | undefined {
  try {
    // after the ')' of the command name: field 3 is the state; cutime and cstime are fields 16 and 17
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** One timed run of a command; throws with its stderr when it fails. */
export function timeCommand(c: StartupCommand, cwd: string): RunResult {
  const cpu0 = childrenCpuSeconds();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, c.argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = childrenCpuSeconds();
  if (r.status !== 0) throw new Error(`${c.name} exited ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  const result: RunResult = { seconds };
  if (cpu0 !== undefined && cpu1 !== undefined) result.cpuSeconds = cpu1 - cpu0;
  return result;
}

/**
 * Runs every command `runs` times (after one untimed run each: the file system cache), alternating,
 * and prints the table: median milliseconds, and each command against `node -e 0` (0.5x = twice
 * Node's own start-up).
 */
export function runStartup(options: { runs: number; pimaCsv: string; log?: (line: string) => void }): WorkloadResult {
  const log = options.log ?? ((line: string) => console.log(line));
  const root = findRepoRoot();
  const out = mkdtempSync(join(tmpdir(), 'nnc-bench-startup-'));
  const description = 'process times: Node alone, then nnc --version, check and a whole run of examples/pima.nn (its 100-epoch fit included); wall ms';
  log('');
  log(`== startup: ${description}`);
  log(`  (load average ${loadavg()[0]!.toFixed(2)} before the first run)`);
  const commands = startupCommands(options.pimaCsv, out);
  const results: ContenderResult[] = commands.map((c) => ({ contender: c.name, baseline: c.baseline === true, values: [], runs: [], cpuSeconds: [] }));
  try {
    if (!existsSync(join(root, 'dist', 'nnc-cli.cjs'))) throw new Error('dist/nnc-cli.cjs is missing: npm run build');
    for (const c of commands) timeCommand(c, root);
    for (let run = 0; run < options.runs; run++) {
      commands.forEach((c, i) => {
        const r = timeCommand(c, root);
        const res = results[i]!;
        res.runs.push(r);
        res.values.push(r.seconds * 1000);
        if (r.cpuSeconds !== undefined) res.cpuSeconds.push(r.cpuSeconds);
        log(`  run ${run + 1}/${options.runs} ${c.name}: ${formatValue('ms', r.seconds * 1000)} ms`);
      });
    }
  } catch (e) {
    for (const r of results) if (r.values.length === 0) r.error = e instanceof Error ? e.message : String(e);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const result = finishWorkload({ name: 'startup', description, unit: 'ms' }, results, [
    'vs node -e 0: Node\'s own start-up over the command\'s (0.50x = twice Node\'s); the target is nnc check at 0.5x or better and the whole run under 250 ms',
  ]);
  for (const line of formatTable(result)) log(line);
  return result;
}
