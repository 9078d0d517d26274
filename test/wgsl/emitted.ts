// Every shader the examples compile to: the strategy each step uses, each plan kernel alone, and
// the per-kernel strategy's co-dispatched shaders.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildProgram } from '../../compiler/build.js';
import { checkSource, readSource } from '../../compiler/frontend.js';
import { emitWgsl } from '../../compiler/wgsl/emit.js';
import { repoRoot } from '../helpers/shared.js';

export interface EmittedShader {
  example: string;
  file: string;
  wgsl: string;
}

export function exampleShaders(): EmittedShader[] {
  const out: EmittedShader[] = [];
  const dir = join(repoRoot, 'examples');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.nn')).sort()) {
    const { program } = checkSource(readSource(join(dir, name)), { mode: 'check' });
    if (!program) throw new Error(`${name} does not check`);
    for (const build of buildProgram(program)) {
      const files = new Map<string, string>();
      for (const s of Object.values(build.gpu.schedules)) for (const k of s.kernels) files.set(`${build.model.name}/${k.name}.wgsl`, k.wgsl);
      for (const coDispatch of [false, true]) {
        const perKernel = emitWgsl(build.plan, { maxRows: build.maxRows, strategy: 'per-kernel', coDispatch });
        for (const s of Object.values(perKernel.schedules)) for (const k of s.kernels) files.set(`${build.model.name}/${k.name}.wgsl`, k.wgsl);
      }
      for (const [file, wgsl] of files) out.push({ example: name.replace(/\.nn$/, ''), file, wgsl });
    }
  }
  return out;
}
