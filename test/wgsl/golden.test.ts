// The WGSL of every example is pinned: a change to code generation shows up as a reviewed diff
// (NNC_UPDATE_GOLDEN=1 rewrites test/wgsl/golden/).
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { exampleShaders } from './emitted.js';

describe('WGSL of the examples', () => {
  for (const s of exampleShaders()) {
    it(`${s.example}: ${s.file}`, () => expectGolden(s.wgsl, join(import.meta.dirname, 'golden', s.example, s.file)));
  }
});
