// base/data/csv-stream.ts for a web page: files a page holds are in its memory already, so none is
// streamed (STREAM_ABOVE_BYTES is never passed) and the streaming reader, which reads the disk a
// block at a time, is not there. Browser bundles use this module in csv-stream.ts's place.
import type { Span } from '../source.js';
import type { Table } from './dataset.js';
import type { DatasetSource } from './spec.js';

export const STREAM_ABOVE_BYTES = Number.POSITIVE_INFINITY;
export const BLOCK_BYTES = 4 * 2 ** 20;

export interface CsvBlock {
  start: number;
  end: number;
  firstRow: number;
  rows: number;
  firstLine: number;
  firstChar: number;
  header: boolean;
}

function notInPages(): never {
  throw new Error('streaming a CSV file from disk needs Node; a page reads its files whole');
}

export class CsvStream {
  constructor() {
    notInPages();
  }
}

export function lastRowEnd(_bytes: Uint8Array, _length: number, _delimiter: number): number {
  return notInPages();
}

export function scanCsvStream(_source: Extract<DatasetSource, { kind: 'csv' }>, _span: Span, _options: { blockBytes?: number; windowBytes?: number } = {}): Table {
  return notInPages();
}

export function streamedTable(_t: Omit<Table, 'features' | 'labels'>): Table {
  return notInPages();
}
