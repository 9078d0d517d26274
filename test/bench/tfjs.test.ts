// The TF.js side of the benchmarks, which lives in bench/'s own package (bench/package.json): nnc's
// install does not bring TF.js. `npm run bench` installs it, and so does CI (.ci/run), where this
// test must run; elsewhere it is skipped with a notice when bench/node_modules is absent.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixedWeights, inferRows, pimaModel, referencePredict, syntheticClassification } from '../../bench/data.js';
import type { Dataset, LayerWeights, ModelSpec } from '../../bench/harness.js';
import { inCI, repoRoot } from '../helpers/shared.js';

/** bench/tfjs.ts's tfjsPredict, typed here: importing it statically would need TF.js's types to type-check the tests. */
type TfjsPredict = (spec: ModelSpec, weights: readonly LayerWeights[], data: Pick<Dataset, 'features' | 'rows'>) => Promise<Float32Array>;

function haveBenchPackages(): boolean {
  const present = existsSync(resolve(repoRoot, 'bench/node_modules/@tensorflow/tfjs/package.json'));
  if (!present && inCI) throw new Error('CI=true but bench/node_modules has no TF.js: .ci/run installs it with npm ci --prefix bench');
  if (!present) console.warn('notice: bench/node_modules not installed (npm install --prefix bench); the TF.js test is skipped');
  return present;
}

describe.runIf(haveBenchPackages())('the TF.js contender', () => {
  it("lays out fixed weights as Keras does: TF.js's predictions match the host's f64 forward pass", async () => {
    const tfjs = pathToFileURL(resolve(repoRoot, 'bench/tfjs.ts')).href;
    const { tfjsPredict } = (await import(tfjs)) as { tfjsPredict: TfjsPredict };
    const rows = 40;
    const pima = syntheticClassification({ rows, featureCount: 8, classes: 2 });
    // Pima-like scales: feature j spans ~10^j / 1000, as raw Pima columns differ by orders of magnitude.
    for (let i = 0; i < pima.features.length; i++) pima.features[i] = pima.features[i]! * 10 ** ((i % 8) - 3);
    const weights = fixedWeights(pimaModel, pima);
    const x = inferRows(pima, rows);
    const expected = referencePredict(pimaModel, weights, x, rows);
    const actual = await tfjsPredict(pimaModel, weights, { features: x, rows });
    for (let i = 0; i < rows; i++) expect(actual[i]).toBeCloseTo(expected[i]!, 5);
    // Not saturated: the predictions spread over (0, 1), so their mean is a sensitive check.
    expect(Math.max(...expected) - Math.min(...expected)).toBeGreaterThan(0.2);
  });
});
