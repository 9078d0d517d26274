// nnc.js, the runtime of a web build (nnc.d.ts is its API): bundled by scripts/bundle-web.mjs.
import type * as Api from './nnc.js';
import { loadModel } from './model.js';
import { NncError } from '../base/diagnostics/diagnostic.js';
import { version } from '../base/version.js';

export { loadModel, NncError, version };

// This module is what nnc.d.ts declares.
const _api: Pick<typeof Api, 'loadModel' | 'version'> = { loadModel, version };
void _api;
