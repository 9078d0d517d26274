// Headless Chromium for the browser tests: Debian's `chromium` package (never a downloaded browser),
// driven by playwright-core, with the flags that give WebGPU on SwiftShader, Chromium's software
// adapter (../shared/reference/browser.md), or without them (no WebGPU: the CPU worker). Pages are
// served from 127.0.0.1 (a secure context). Each test saves a screenshot in test-results/browser/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inCI, repoRoot } from '../helpers/shared.js';

export const CHROMIUM = process.env.NNC_CHROMIUM ?? '/usr/lib/chromium/chromium';
export const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader', '--use-angle=swiftshader'];
export const SCREENSHOTS = join(repoRoot, 'test-results/browser');

/** True when Chromium is installed; in CI its absence is a failure (.ci/run installs it), not a skip. */
export function haveChromium(): boolean {
  const present = existsSync(CHROMIUM);
  if (!present && inCI) throw new Error(`CI=true but ${CHROMIUM} is missing (apt-get install chromium)`);
  if (!present) console.warn(`notice: ${CHROMIUM} not found (apt-get install chromium); the browser tests are skipped`);
  return present;
}

export function launch(webgpu: boolean): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: webgpu ? WEBGPU_FLAGS : [], timeout: 60_000 });
}

/** A page whose errors fail the test that reads `errors`; `requests`: the URLs it fetched, from the start. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('request', (r) => void requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { page, errors, requests };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** 64 rows, 4 steps an epoch, 3 epochs: few enough steps that the GPU stays within 1e-5 of the CPU. */
export const SMALL = `dataset moons = builtin("moons", rows=64, noise=0.2, seed=0)
model m = Sequential {
  Dense(8, input_dim=2, activation="relu")
  Dense(1, activation="sigmoid")
}
compile m(loss="binary_crossentropy", optimizer=Adam(learning_rate=0.01), metrics=["accuracy"])
fit m(moons, epochs=3, batch_size=16)
save m -> "m.safetensors"
`;
