// A web build of the Pima model (nnc build --target web) used from a plain page (examples/web/)
// in headless Chromium: on the page's WebGPU its predictions match Node's (1e-5), and a few steps
// of fit in the page match Node's; in a Chromium without WebGPU the model runs on the CPU worker,
// with Node's numbers, and so does the playground (whose Stop still answers while the worker trains).
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceFile } from '../../base/source.js';
import { compile } from '../../index.js';
import { writeWebBuild } from '../../web/node/build-web.js';
import { startPlayground } from '../../web/node/playground.js';
import { serve, type Served } from '../../web/node/serve.js';
import { fitHistory, runNn } from '../e2e/helpers.js';
import { haveSharedData, repoRoot, sharedDataset } from '../helpers/shared.js';
import { haveChromium, launch, openPage, screenshot, SMALL } from './chromium.js';

// Callbacks of page.evaluate and page.waitForFunction run in the page: the globals they use.
declare const window: unknown;
declare const document: { getElementById(id: string): { textContent: string | null } | null };

const PIMA = join(repoRoot, 'examples/pima.nn');
const haveAll = haveChromium() && haveSharedData();

interface Reference {
  rows: number[][];
  labels: number[];
  predictions: Float32Array;
  /** Losses of 2 epochs of fit on the first 40 rows (batch 10: 8 steps), from the shipped weights. */
  fitLosses: number[];
}

/** Node: Pima trained for its 100 epochs on the CPU, saved, and what the page should reproduce. */
async function reference(dir: string): Promise<Reference & { weights: string; program: ReturnType<typeof compile>['program'] }> {
  const csv = sharedDataset('pima-indians-diabetes.csv');
  const source = readFileSync(PIMA, 'utf8');
  const trained = compile(source, { file: PIMA, data: { pima: csv }, backend: 'cpu' });
  const weights = join(dir, 'diabetes.safetensors');
  try {
    await trained.run();
    await trained.model('diabetes').save(weights);
  } finally {
    trained.close();
  }
  const lines = readFileSync(csv, 'utf8').trim().split('\n').map((l) => l.split(',').map(Number));
  const rows = lines.map((r) => r.slice(0, 8));
  const labels = lines.map((r) => r[8]!);
  // a fresh model with the shipped weights, as the page loads it: predictions, then a short fit
  const fresh = compile(source, { file: PIMA, data: { pima: csv }, backend: 'cpu' });
  try {
    const model = fresh.model('diabetes');
    await model.load(weights);
    const predictions = (await model.predict({ x: rows })).values;
    const history = await model.fit({ x: rows.slice(0, 40), y: labels.slice(0, 40) }, { epochs: 2, batchSize: 10 });
    return { rows, labels, predictions, fitLosses: history.history.loss!, weights, program: fresh.program };
  } finally {
    fresh.close();
  }
}

/** The example page's model: predictions of every row, then 2 epochs of fit on the first 40. */
async function inPage(page: Page, ref: Reference): Promise<{ backend: string; predictions: number[]; fitLosses: number[] }> {
  await page.waitForSelector('body[data-ready=true]');
  return page.evaluate(
    async ({ rows, labels }) => {
      const model = (window as unknown as { nncExample: { model: { backend: string; predict(x: number[][]): Promise<{ values: Float32Array }>; fit(x: number[][], y: number[], o: object): Promise<{ history: { loss: number[] } }> } } }).nncExample.model;
      const predictions = Array.from((await model.predict(rows)).values);
      const history = await model.fit(rows.slice(0, 40), labels.slice(0, 40), { epochs: 2, batchSize: 10 });
      return { backend: model.backend, predictions, fitLosses: history.history.loss };
    },
    { rows: ref.rows, labels: ref.labels },
  );
}

function worstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

describe.skipIf(!haveAll)('a web build of the Pima model in a plain page', () => {
  let ref: Reference;
  let served: Served;
  let gpuBrowser: Browser;
  let cpuBrowser: Browser;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nnc-web-build-'));
    [gpuBrowser, cpuBrowser] = await Promise.all([launch(true), launch(false)]);
    const r = await reference(dir);
    ref = r;
    // the site: examples/web/index.html as it is, and the build in ./model/ beside it
    const site = join(dir, 'site');
    await writeWebBuild(join(site, 'model'), r.program, { loadWeights: new Map([['diabetes', r.weights]]) });
    copyFileSync(join(repoRoot, 'examples/web/index.html'), join(site, 'index.html'));
    served = await serve({ root: site });
  });
  afterAll(async () => {
    await Promise.all([gpuBrowser?.close(), cpuBrowser?.close(), served?.close()]);
  });

  it("predicts on the page's WebGPU with Node's predictions (1e-5), and fits 8 steps with Node's losses (1e-5)", async () => {
    const { page, errors, requests } = await openPage(gpuBrowser, served.url);
    const got = await inPage(page, ref);
    const shaders = requests.filter((u) => u.endsWith('.wgsl')).map((u) => u.replace(served.url, ''));
    expect(got.backend).toBe('webgpu: google swiftshader [software, core]');
    // the build's shaders run, not shaders emitted again in the page
    expect(shaders.sort()).toEqual(['model/shaders/diabetes/evaluate.step.wgsl', 'model/shaders/diabetes/predict.step.wgsl', 'model/shaders/diabetes/train.step.wgsl']);
    expect(worstDifference(got.predictions, ref.predictions)).toBeLessThanOrEqual(1e-5);
    expect(worstDifference(got.fitLosses, ref.fitLosses)).toBeLessThanOrEqual(1e-5);
    await page.click('#predict');
    await page.waitForFunction(() => document.getElementById('result')!.textContent !== '');
    expect(await page.textContent('#result')).toMatch(/^probability 0\.\d{3}: class [01]$/);
    console.log(`screenshot: ${await screenshot(page, 'web-build-pima-webgpu')}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without WebGPU the same page runs the model on the CPU worker, with Node\'s numbers', async () => {
    const { page, errors, requests } = await openPage(cpuBrowser, served.url);
    const got = await inPage(page, ref);
    expect(got.backend).toMatch(/^cpu \(Web Worker\): /);
    expect(requests.filter((u) => u.endsWith('.wgsl'))).toEqual([]);
    expect(requests).toContain(`${served.url}model/nnc-worker.js`);
    // the same interpreter as Node's: the same numbers, up to the last bits of exp and log
    expect(worstDifference(got.predictions, ref.predictions)).toBeLessThanOrEqual(1e-6);
    expect(worstDifference(got.fitLosses, ref.fitLosses)).toBeLessThanOrEqual(1e-6);
    await page.click('#predict');
    await page.waitForFunction(() => document.getElementById('result')!.textContent !== '');
    console.log(`screenshot: ${await screenshot(page, 'web-build-pima-cpu-worker')}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!haveChromium())('the playground without WebGPU', () => {
  let browser: Browser;
  let served: Served;

  beforeAll(async () => {
    [browser, served] = await Promise.all([launch(false), startPlayground()]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), served?.close()]);
  });

  it('falls back to the CPU worker: trains with the Node CPU run\'s numbers, and Stop answers while it trains', async () => {
    const node = fitHistory(await runNn(new SourceFile('small.nn', SMALL)));
    const { page, errors } = await openPage(browser, served.url);
    await page.waitForSelector('body[data-ready=true]');
    expect(await page.textContent('#backend')).toMatch(/^cpu \(Web Worker\): /);
    await page.fill('#source', SMALL);
    await page.waitForFunction(() => document.getElementById('check')!.textContent === 'ok');
    await page.click('#train');
    await page.waitForFunction(() => (window as unknown as { nncPlayground: { phase: string } }).nncPlayground.phase !== 'training');
    const history = await page.evaluate(() => (window as unknown as { nncPlayground: { histories: Map<string, { history: Record<string, number[]> }> } }).nncPlayground.histories.get('m')!.history);
    expect(worstDifference(history.loss!, node.history.loss!)).toBeLessThanOrEqual(1e-6);
    expect(worstDifference(history.accuracy!, node.history.accuracy!)).toBeLessThanOrEqual(1e-6);
    console.log(`screenshot: ${await screenshot(page, 'playground-cpu-worker')}`);

    // a long fit in the worker: the page still answers clicks, and Stop stops it
    await page.fill('#source', SMALL.replace('epochs=3', 'epochs=1000000'));
    await page.waitForFunction(() => document.getElementById('check')!.textContent === 'ok');
    await page.click('#train');
    await page.waitForFunction(() => ((window as unknown as { nncPlayground: { histories: Map<string, { epoch: number[] }> } }).nncPlayground.histories.get('m')?.epoch.length ?? 0) >= 3);
    await page.click('#stop');
    await page.waitForFunction(() => (window as unknown as { nncPlayground: { phase: string } }).nncPlayground.phase === 'stopped');
    expect(await page.textContent('#status')).toBe('stopped');
    expect(errors).toEqual([]);
    await page.close();
  });
});
