// The cnn or lstm workload compiled for the CPU interpreter's tuning tools (cpu-kernels.ts,
// split-choice.ts): its model, plan and table, `batches` batches of data.
import { checkSource } from '../compiler/frontend.js';
import { compileModel } from '../compiler/driver.js';
import type { Statement } from '../compiler/program.js';
import { SourceFile } from '../base/source.js';
import { CpuExecutor, type CpuExecutorOptions } from '../runtime/cpu/executor.js';
import { ModelSession, type FitOptions } from '../runtime/session.js';
import { cnnWorkload } from './cnn.js';
import { lstmWorkload } from './lstm.js';
import { tableFrom } from './nnc.js';

export function cpuWorkload(kind: string, batches = 4) {
  const w = kind === 'lstm' ? lstmWorkload(batches, {}, 1, '') : cnnWorkload(batches, {}, 1, '');
  const checked = checkSource(new SourceFile(`${w.kind}.nn`, w.source), { mode: 'check' });
  if (!checked.program) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
  const model = checked.program.models[0]!;
  const st = checked.program.statements[0] as Extract<Statement, { kind: 'compile' }>;
  const { plan } = compileModel(model, { loss: st.loss, optimizer: st.optimizer, metrics: st.metrics });
  const table = { ...tableFrom(w.data, w.data.rows), featureShape: w.sampleShape };
  const fitOptions: FitOptions = { epochs: 1, batchSize: w.batchSize, validationSplit: 0, validationData: null, shuffle: false, seed: w.seed };
  /** A session on a new CPU executor, initialized and one epoch in (compiled, data bound, memory laid out). */
  const session = async (options: CpuExecutorOptions) => {
    const executor = new CpuExecutor(plan, options);
    const s = new ModelSession(model, plan, executor);
    s.initialize(w.seed);
    await s.fit(table, fitOptions);
    return { session: s, executor };
  };
  return { w, plan, table, fitOptions, session };
}
