// Every shader the examples compile to: the strategy each step uses, each plan kernel alone, and
// the per-kernel strategy's co-dispatched shaders (all compiled by Dawn in test/gpu/shaders.test.ts);
// and, for the golden files, each example's shaders under each strategy, one text per strategy.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildProgram, type ModelBuild } from '../../compiler/build.js';
import { checkSource, readSource } from '../../compiler/frontend.js';
import { emitWgsl, type Strategy } from '../../compiler/wgsl/emit.js';
import { repoRoot } from '../helpers/shared.js';

export interface EmittedShader {
  example: string;
  file: string;
  wgsl: string;
}

function exampleBuilds(): Array<{ example: string; build: ModelBuild }> {
  const dir = join(repoRoot, 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.nn'))
    .sort()
    .flatMap((name) => {
      const { program } = checkSource(readSource(join(dir, name)), { mode: 'check' });
      if (!program) throw new Error(`${name} does not check`);
      return buildProgram(program, { verify: true }).map((build) => ({ example: name.replace(/\.nn$/, ''), build }));
    });
}

export function exampleShaders(): EmittedShader[] {
  const out: EmittedShader[] = [];
  for (const { example, build } of exampleBuilds()) {
    const files = new Map<string, string>();
    for (const s of Object.values(build.gpu.schedules)) for (const k of s.kernels) files.set(`${build.model.name}/${k.name}.wgsl`, k.wgsl);
    for (const coDispatch of [false, true]) {
      const perKernel = emitWgsl(build.plan, { maxRows: build.maxRows, strategy: 'per-kernel', coDispatch });
      for (const s of Object.values(perKernel.schedules)) for (const k of s.kernels) files.set(`${build.model.name}/${k.name}.wgsl`, k.wgsl);
    }
    for (const [file, wgsl] of files) out.push({ example, file, wgsl });
  }
  return out;
}

/** Per example, model and strategy, every shader of the three steps in order, each under its file name. */
export function exampleGoldens(): EmittedShader[] {
  const out: EmittedShader[] = [];
  for (const { example, build } of exampleBuilds()) {
    for (const strategy of ['single-workgroup', 'per-kernel'] as Strategy[]) {
      const program = emitWgsl(build.plan, { maxRows: build.maxRows, strategy });
      const text = Object.values(program.schedules)
        .flatMap((s) => s.kernels.map((k) => `// ==== ${k.name}.wgsl\n${k.wgsl}`))
        .join('\n');
      out.push({ example, file: `${build.model.name}.${strategy}.wgsl`, wgsl: text });
    }
  }
  return out;
}
