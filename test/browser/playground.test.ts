// The playground in headless Chromium with WebGPU (SwiftShader): it loads and says which backend it
// got; a typo shows its diagnostic at the right line as you type; a small program trains a few
// epochs on the page's WebGPU with the numbers of the Node CPU run; Stop stops a long fit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceFile } from '../../base/source.js';
import { decodeSafetensors } from '../../runtime/io/safetensors.js';
import { startPlayground } from '../../web/node/playground.js';
import type { Served } from '../../web/node/serve.js';
import { evaluation, example, fitHistory, runNn, sharedData } from '../e2e/helpers.js';
import { haveSharedData, sharedDataset } from '../helpers/shared.js';
import { haveChromium, launch, openPage, screenshot, SMALL } from './chromium.js';

// Callbacks of page.evaluate and page.waitForFunction run in the page: the globals they use.
declare const window: unknown;
declare const document: { getElementById(id: string): { textContent: string | null } | null };

interface PageState {
  phase: string;
  error: string | null;
  histories: Map<string, { epoch: number[]; history: Record<string, number[]> }>;
}

/** Replaces the editor's text as typing would (an input event). */
async function type(page: Page, text: string): Promise<void> {
  await page.fill('#source', text);
}

async function phase(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { nncPlayground: PageState }).nncPlayground.phase);
}

async function trainAndWait(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForSelector('#train:not([disabled])');
  await page.click('#train');
  await page.waitForFunction(() => (window as unknown as { nncPlayground: PageState }).nncPlayground.phase !== 'training', null, { timeout });
}

describe.skipIf(!haveChromium())('the playground in Chromium with WebGPU', () => {
  let browser: Browser;
  let served: Served;

  beforeAll(async () => {
    [browser, served] = await Promise.all([launch(true), startPlayground()]);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('loads: the example, its summary, "ok", and the WebGPU adapter it got', async () => {
    const { page, errors } = await openPage(browser, served.url);
    await page.waitForSelector('body[data-ready=true]');
    expect(await page.textContent('#backend')).toMatch(/^webgpu: google swiftshader \[software, core\]$/);
    expect(await page.inputValue('#example')).toBe('demo.nn');
    expect(await page.textContent('#check')).toBe('ok');
    expect(await page.textContent('#summary')).toContain('Model: "classifier"');
    expect(await page.textContent('#summary')).toContain('Total params: 337');
    // the editor is coloured by the lexer: keywords, calls, strings, comments
    expect(await page.locator('#highlight .kw', { hasText: 'model' }).count()).toBe(1);
    expect(await page.locator('#highlight .call', { hasText: 'Dense' }).count()).toBe(3);
    expect(await page.locator('#highlight .com').first().textContent()).toMatch(/^# demo\.nn/);
    expect(await page.locator('#datasets li').allTextContents()).toEqual(['moons: builtin("moons"), 1000 rows, 2 features', 'train: split of moons (train), 800 rows, 2 features', 'test: split of moons (test), 200 rows, 2 features']);
    console.log(`screenshot: ${await screenshot(page, 'playground-loads')}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a typo shows its diagnostic at its line as you type, and goes when fixed', async () => {
    const { page, errors } = await openPage(browser, `${served.url}?example=pima.nn`);
    await page.waitForSelector('body[data-ready=true]');
    const pima = await page.inputValue('#source');
    const typo = pima.replace('  Dense(12, input_dim=8', '  Dens(12, input_dim=8');
    expect(typo.split('\n')[5]).toBe('  Dens(12, input_dim=8, activation="relu")');
    await type(page, typo);
    await page.waitForFunction(() => document.getElementById('diagnostics')!.textContent!.includes('NNC2001'));
    const diagnostics = await page.textContent('#diagnostics');
    expect(diagnostics).toContain("pima.nn:6:3: error NNC2001: unknown layer 'Dens'\n  |\n6 |   Dens(12, input_dim=8, activation=\"relu\")\n  |   ^^^^\n  = help: did you mean 'Dense'?");
    expect(await page.textContent('#check')).toBe('1 error, 1 warning');
    expect(await page.locator('#gutter .err').allTextContents()).toEqual(['6']);
    expect(await page.locator('#highlight .err').allTextContents()).toEqual(['Dens']);
    expect(await page.isDisabled('#train')).toBe(true);
    console.log(`screenshot: ${await screenshot(page, 'playground-typo')}`);
    await type(page, pima);
    await page.waitForFunction(() => !document.getElementById('diagnostics')!.textContent!.includes('NNC2001'));
    // only the warning is left: the CSV is not in the page yet
    expect(await page.textContent('#check')).toBe('ok, but it reads pima-indians-diabetes.csv: drop it on the page to train');
    expect(await page.locator('#gutter .err').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a small program trains 3 epochs on the page's WebGPU with the Node CPU run's numbers (1e-5)", async () => {
    const node = await runNn(new SourceFile('small.nn', SMALL));
    const nodeHistory = fitHistory(node);
    const nodeWeights = decodeSafetensors(readFileSync(join(node.outDir, 'm.safetensors')), 'node');

    const { page, errors } = await openPage(browser, served.url);
    await page.waitForSelector('body[data-ready=true]');
    await type(page, SMALL);
    await page.waitForFunction(() => document.getElementById('check')!.textContent === 'ok');
    await trainAndWait(page);
    expect(await phase(page)).toBe('done');
    const result = await page.evaluate(() => {
      const s = (window as unknown as { nncPlayground: PageState & { runner: { files: Map<string, { bytes: Uint8Array }> } } }).nncPlayground;
      return { history: s.histories.get('m')!, weights: Array.from(s.runner.files.get('m.safetensors')!.bytes) };
    });
    expect(result.history.epoch).toEqual([0, 1, 2]);
    for (const key of ['loss', 'accuracy']) {
      result.history.history[key]!.forEach((v, i) => expect(Math.abs(v - nodeHistory.history[key]![i]!), `${key} at epoch ${i}`).toBeLessThanOrEqual(1e-5));
    }
    const pageWeights = decodeSafetensors(Uint8Array.from(result.weights), 'page');
    for (const [name, t] of nodeWeights.tensors) {
      const got = pageWeights.tensors.get(name)!.data;
      let worst = 0;
      t.data.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - got[i]!))));
      expect(worst, name).toBeLessThanOrEqual(1e-5);
    }
    // the chart has both panels, and the weights are offered for download
    expect(await page.locator('#chart svg').count()).toBe(1);
    expect(await page.locator('#downloads a').allTextContents()).toContain('download m.safetensors');
    console.log(`screenshot: ${await screenshot(page, 'playground-trains-webgpu')}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Stop stops a long fit within a few steps; the page can train again', async () => {
    const { page, errors } = await openPage(browser, served.url);
    await page.waitForSelector('body[data-ready=true]');
    await type(page, (await page.inputValue('#source')).replace('epochs=50', 'epochs=100000').replace(/, +callbacks=\[[^\]]*\]/, ''));
    await page.waitForFunction(() => document.getElementById('check')!.textContent === 'ok');
    await page.click('#train');
    // two epochs on the chart, then Stop
    await page.waitForFunction(() => ((window as unknown as { nncPlayground: PageState }).nncPlayground.histories.get('classifier')?.epoch.length ?? 0) >= 2);
    await page.click('#stop');
    await page.waitForFunction(() => (window as unknown as { nncPlayground: PageState }).nncPlayground.phase !== 'training');
    expect(await phase(page)).toBe('stopped');
    expect(await page.textContent('#status')).toBe('stopped');
    const epochs = await page.evaluate(() => (window as unknown as { nncPlayground: PageState }).nncPlayground.histories.get('classifier')!.epoch.length);
    expect(epochs).toBeLessThan(100);
    expect(await page.isDisabled('#train')).toBe(false);
    expect(await page.isDisabled('#stop')).toBe(true);
    // nothing runs on: the model answers evaluate with the weights it had when stopped
    await page.click('#evaluate');
    await page.waitForSelector('#result-evaluation table');
    expect(await page.evaluate(() => (window as unknown as { nncPlayground: PageState }).nncPlayground.histories.get('classifier')!.epoch.length)).toBe(epochs);
    console.log(`screenshot: ${await screenshot(page, 'playground-stopped')}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!haveSharedData())('the Pima example trains in the page on a dropped CSV of another name, with the Node CPU run\'s result (1e-3)', async () => {
    const node = await runNn(new SourceFile(example('pima.nn'), readFileSync(example('pima.nn'), 'utf8').replace('epochs=100', 'epochs=5')), { data: sharedData('pima') });
    const { page, errors } = await openPage(browser, `${served.url}?example=pima.nn`);
    await page.waitForSelector('body[data-ready=true]');
    await type(page, (await page.inputValue('#source')).replace('epochs=100', 'epochs=5'));
    await page.waitForFunction(() => document.getElementById('check')!.textContent!.startsWith('ok, but it reads'));
    // the file as a user might have it: another name; the one missing file is read as it
    await page.setInputFiles('#file', { name: 'diabetes.csv', mimeType: 'text/csv', buffer: readFileSync(sharedDataset('pima-indians-diabetes.csv')) });
    await page.waitForFunction(() => document.getElementById('check')!.textContent === 'ok');
    expect(await page.textContent('#log')).toContain('diabetes.csv is read as pima-indians-diabetes.csv');
    expect(await page.locator('#datasets li').allTextContents()).toEqual(['pima: "pima-indians-diabetes.csv", 768 rows, 8 features']);
    await trainAndWait(page);
    expect(await phase(page)).toBe('done');
    const got = await page.evaluate(() => (window as unknown as { nncPlayground: { evaluation: { logs: Record<string, number> } } }).nncPlayground.evaluation.logs);
    const want = evaluation(node);
    expect(Math.abs(got.loss! - want.loss!)).toBeLessThanOrEqual(1e-3);
    expect(Math.abs(got.accuracy! - want.accuracy!)).toBeLessThanOrEqual(2 / 768);
    expect(await page.locator('#downloads a').allTextContents()).toEqual(['download predictions.csv', 'download diabetes.safetensors']);
    console.log(`screenshot: ${await screenshot(page, 'playground-pima')}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
