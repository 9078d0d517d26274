// nnc build --target web: what the folder holds (runtime, manifest, shaders, weights, page), where
// the weights come from, the errors; and the folder's model loaded over http with loadModel (in
// Node, on the CPU in this thread) giving the numbers of the library on the same weights.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NncError } from '../../base/diagnostics/diagnostic.js';
import { version } from '../../base/version.js';
import { compile } from '../../index.js';
import { encodeSafetensors } from '../../runtime/io/safetensors.js';
import { MANIFEST_FORMAT, MANIFEST_VERSION, type WebManifest } from '../../web/manifest.js';
import { loadModel } from '../../web/model.js';
import { writeWebBuild } from '../../web/node/build-web.js';
import { serve, type Served } from '../../web/node/serve.js';
import { filesUnder, nnc, tempDir } from '../cli/helpers.js';
import { checked } from './helpers.js';

const DEMO = 'examples/demo.nn';

describe('nnc build --target web', () => {
  it('writes the runtime, the manifest, the shaders and a page; the weights the command is given', async () => {
    const trained = compile(readFileSync(DEMO, 'utf8'), { file: DEMO, backend: 'cpu' });
    const out = tempDir();
    const weights = join(out, 'trained.safetensors');
    try {
      await trained.model('classifier').fit('train', { epochs: 2, batchSize: 32 });
      await trained.model('classifier').save(weights);
    } finally {
      trained.close();
    }
    const dir = join(out, 'web');
    const ran = await nnc(['build', DEMO, '--target', 'web', '-o', dir, '--load-weights', weights]);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^model classifier: \d+ shaders?, weights from .*trained\.safetensors\nweb build written to .*web \(\d+ files\); serve it with: nnc serve .*web\n$/);
    const files = filesUnder(dir);
    expect(files.filter((f) => !f.startsWith('shaders/'))).toEqual(['classifier.safetensors', 'index.html', 'manifest.json', 'nnc-worker.js', 'nnc.d.ts', 'nnc.js']);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as WebManifest;
    expect([manifest.format, manifest.version, manifest.nnc]).toEqual([MANIFEST_FORMAT, MANIFEST_VERSION, version]);
    const entry = manifest.models[0]!;
    expect(entry.name).toBe('classifier');
    expect(entry.weights).toBe('classifier.safetensors');
    expect(entry.fit).toEqual({ epochs: 50, batchSize: 32, validationSplit: 0.1, shuffle: true });
    expect(entry.maxRows).toBe(1024);
    // every shader the manifest names is a file of the folder, and each file is named
    const named = new Set(Object.values(entry.shaders).flatMap((p) => Object.values(p.schedules).flatMap((s) => s.kernels.map((k) => k.file))));
    expect([...named].sort()).toEqual(files.filter((f) => f.startsWith('shaders/')));
    for (const f of named) expect(readFileSync(join(dir, f), 'utf8')).toContain('@compute');
    expect(readFileSync(join(dir, 'nnc.js'), 'utf8')).toContain('nnc-worker.js');
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain("import { loadModel } from './nnc.js';");
  });

  it('without weights says so; with the program\'s save under nnc run\'s folder, ships that file', async () => {
    const { program } = checked(DEMO);
    const runOut = tempDir();
    const none = await writeWebBuild(join(runOut, 'a'), program, { runOut });
    expect(none.models).toEqual([{ name: 'classifier', weights: null, shaders: expect.any(Number) }]);
    expect(filesUnder(join(runOut, 'a'))).not.toContain('classifier.safetensors');
    // demo.nn ends with `save classifier -> "classifier.safetensors"`: where nnc run put it
    const trained = compile(readFileSync(DEMO, 'utf8'), { file: DEMO, backend: 'cpu' });
    try {
      await trained.model('classifier').save(join(runOut, 'classifier.safetensors'));
    } finally {
      trained.close();
    }
    const saved = await writeWebBuild(join(runOut, 'b'), program, { runOut });
    expect(saved.models[0]!.weights).toBe(join(runOut, 'classifier.safetensors'));
  });

  it('refuses weights of another model (NNC5004), a bad --target, no -o, a missing runtime', async () => {
    const dir = tempDir();
    const other = join(dir, 'other.safetensors');
    writeFileSync(other, encodeSafetensors([{ name: 'dense/kernel', shape: [3, 16], data: new Float32Array(48) }], { format: 'nnc' }));
    const wrong = await nnc(['build', DEMO, '--target', 'web', '-o', join(dir, 'w'), '--load-weights', other]);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/^error NNC5004: .*dense\/kernel has shape \[3, 16\] in the file but \[2, 16\] in the model/);
    const target = await nnc(['build', DEMO, '--target', 'wasm', '-o', dir]);
    expect([target.code, target.stderr]).toEqual([2, "error NNC7002: --target must be wgsl or web, not 'wasm'\n  = help: see nnc --help\n"]);
    const noOut = await nnc(['build', DEMO, '--target', 'web']);
    expect([noOut.code, noOut.stderr]).toEqual([2, 'error NNC7002: --target web needs -o DIR: the folder to write\n  = help: see nnc --help\n']);
    const { program } = checked(DEMO);
    const error = await writeWebBuild(join(dir, 'x'), program, { runtime: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NncError);
    expect((error as NncError).message).toMatch(/^NNC5002: cannot write '.*nnc\.js': the web runtime is not built: run npm run build/);
  });
});

describe('loadModel over http (Node, CPU in this thread)', () => {
  let served: Served;
  let site: string;
  const rows = [
    [0.5, 0.25],
    [-1, 0.5],
    [2, -0.3],
  ];

  beforeAll(async () => {
    site = tempDir();
    const trained = compile(readFileSync(DEMO, 'utf8'), { file: DEMO, backend: 'cpu' });
    try {
      await trained.model('classifier').fit('train', { epochs: 3, batchSize: 32 });
      await trained.model('classifier').save(join(site, 'w.safetensors'));
    } finally {
      trained.close();
    }
    await writeWebBuild(join(site, 'model'), checked(DEMO).program, { loadWeights: new Map([['classifier', join(site, 'w.safetensors')]]) });
    served = await serve({ root: site });
  });
  afterAll(() => served?.close());

  it("predicts and fits with the library's numbers on the same weights", async () => {
    const model = await loadModel(`${served.url}model/`, { backend: 'cpu' });
    const library = compile(readFileSync(DEMO, 'utf8'), { file: DEMO, backend: 'cpu' });
    try {
      expect(model.backend).toBe('cpu');
      expect([model.name, model.inputs, model.outputs, model.classes]).toEqual(['classifier', 2, 1, null]);
      expect(model.summary).toContain('Total params: 337');
      const reference = library.model('classifier');
      await reference.load(join(site, 'w.safetensors'));
      const got = await model.predict(rows);
      const want = await reference.predict({ x: rows });
      expect(got.values).toEqual(want.values);
      expect(got.classes).toEqual(want.classes);
      const x = Array.from({ length: 40 }, (_, i) => [Math.sin(i), Math.cos(3 * i)]);
      const y = x.map(([a, b]) => (a! * b! > 0 ? 1 : 0));
      const epochs: number[] = [];
      const history = await model.fit(x, y, { epochs: 3, batchSize: 8, onEpochEnd: (e) => void epochs.push(e) });
      expect(epochs).toEqual([0, 1, 2]);
      // the program's fit gives the defaults: validation_split=0.1
      expect(history).toEqual(await reference.fit({ x, y }, { epochs: 3, batchSize: 8, validationSplit: 0.1 }));
      expect(await model.evaluate(x, y)).toEqual(await reference.evaluate({ x, y }));
      // the weights it saves are the library's, and load back
      const bytes = await model.saveWeights();
      expect((await model.getWeights()).map((t) => [t.name, t.shape])).toEqual((await reference.getWeights()).map((t) => [t.name, t.shape]));
      await model.loadWeights(bytes);
      expect((await model.predict(rows)).values).toEqual((await reference.predict({ x: rows })).values);
    } finally {
      model.dispose();
      library.close();
    }
  });

  it('says what is wrong: no build there (NNC5014), a bad row (NNC5008), no WebGPU asked for (NNC6006)', async () => {
    const missing = await loadModel(`${served.url}nothing/`, { backend: 'cpu' }).catch((e: unknown) => e);
    expect((missing as NncError).message).toMatch(/^NNC5014: cannot load the web model 'http:\/\/127\.0\.0\.1:\d+\/nothing\/manifest\.json': fetching the manifest gave HTTP 404/);
    const model = await loadModel(`${served.url}model`, { backend: 'cpu' });
    try {
      const bad = await model.predict([[1, 2, 3]]).catch((e: unknown) => e);
      expect((bad as NncError).message).toBe("NNC5008: the data does not fit model 'classifier': it has 3 features per row; the model takes 2");
    } finally {
      model.dispose();
    }
    const gpu = await loadModel(`${served.url}model/manifest.json`, { backend: 'webgpu' }).catch((e: unknown) => e);
    expect((gpu as NncError).message).toBe('NNC6006: no WebGPU in this page: this browser has no WebGPU (navigator.gpu is missing)');
  });
});

describe('which shaders a device runs', () => {
  it("the build's, on a device with at least WebGPU's default limits and no loop count; else emitted again", async () => {
    const { storedProgramFor } = await import('../../web/manifest.js');
    const { DEFAULT_LIMITS } = await import('../../compiler/wgsl/limits.js');
    const entry = { shaders: { hardware: 'H', software: 'S' } } as unknown as Parameters<typeof storedProgramFor>[1];
    const device = (kind: 'hardware' | 'software', limits: Partial<typeof DEFAULT_LIMITS> = {}) => ({ kind, limits: { ...DEFAULT_LIMITS, ...limits } as never });
    expect(storedProgramFor(device('software'), entry)).toBe('S');
    expect(storedProgramFor(device('hardware', { maxComputeWorkgroupStorageSize: 32768 }), entry)).toBe('H');
    // llvmpipe ends loops at 65,535 passes; a compatibility device has fewer storage buffers
    expect(storedProgramFor(device('software', { maxLoopPasses: 65535 }), entry)).toBeNull();
    expect(storedProgramFor(device('software', { maxStorageBuffersPerShaderStage: 4 }), entry)).toBeNull();
  });
});
