// base/data/image-sources.ts for a web page: idx(...) and images(...) read files and folders from
// the disk (IDX files streamed, a folder's subfolders listed), which a page does not have; such a
// dataset is a located diagnostic there. Browser bundles use this module in image-sources.ts's place.
import { fail } from '../diagnostics/diagnostic.js';
import type { Span } from '../source.js';
import type { Table } from './dataset.js';
import type { DatasetSource } from './spec.js';

const REASON = 'it is read from the disk, which a web page does not have; train on it with the nnc command or the library in Node';

export function loadIdx(source: Extract<DatasetSource, { kind: 'idx' }>, span: Span): Table {
  fail('NNC4018', span, { path: source.path, reason: REASON });
}

export function loadImages(source: Extract<DatasetSource, { kind: 'images' }>, span: Span): Table {
  fail('NNC4020', span, { path: source.path, reason: REASON });
}
