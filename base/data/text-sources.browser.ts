// base/data/text-sources.ts for a web page: text(...) lists a folder's subfolders and reads their
// files from the disk, which a page does not have; such a dataset is a located diagnostic there.
// Browser bundles use this module in text-sources.ts's place.
import { fail } from '../diagnostics/diagnostic.js';
import type { Span } from '../source.js';
import type { Table } from './dataset.js';
import type { DatasetSource } from './spec.js';

export function loadTextFolder(source: Extract<DatasetSource, { kind: 'text' }>, span: Span): Table {
  fail('NNC4031', span, { path: source.path, reason: 'it is read from the disk, which a web page does not have; train on it with the nnc command or the library in Node, or use csv(..., text=COLUMN)' });
}
