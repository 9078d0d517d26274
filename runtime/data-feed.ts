// The rows of a streamed table (base/data/csv-stream.ts) as windows: in-memory tables of at most
// WINDOW_BYTES that the session binds to the executor one after another, so that a file larger than
// memory trains with bounded memory. Executors see ordinary tables; only the session knows.
//
// Shuffling (docs/data.md): each epoch reads the blocks (~4 MB of text each) in a random order and
// shuffles the rows of each window together, a shuffle buffer of a window's rows as tf.data's
// shuffle(buffer_size) keeps one; the rows of a window not filling a whole batch move on to the
// next window (already shuffled), so every batch but the epoch's last is full and an epoch has
// ceil(rows / batch) steps, as with a table in memory. Without shuffling, windows are the rows in
// file order. Seeded: the same seed and epoch give the same order.
import type { Table } from '../base/data/dataset.js';
import { permutation, Stream } from '../base/rng.js';

/** A window's features and labels together at most this many bytes (float32). */
export const WINDOW_BYTES = 64 * 2 ** 20;

export interface WindowOptions {
  batchSize: number;
  shuffle: boolean;
  seed: number;
  epoch: number;
  /** Bytes per window (default WINDOW_BYTES; tests use small ones). */
  windowBytes?: number;
}

interface Piece {
  features: Float32Array;
  labels: Float32Array;
  rows: number;
}

/** Rows per window: whole batches, at least one. */
export function windowRows(table: Pick<Table, 'featureDim' | 'labelColumns'>, batchSize: number, windowBytes = WINDOW_BYTES): number {
  const perRow = 4 * Math.max(1, table.featureDim + table.labelColumns);
  return Math.max(1, Math.floor(windowBytes / perRow / batchSize)) * batchSize;
}

/**
 * A window: rows in memory, the order the executor reads them in (null: as they are), and how many
 * of them (in that order) this window steps over; the others are carried to the next window.
 */
export interface Window {
  table: Table;
  order: Uint32Array | null;
  rows: number;
}

/** The rows [from, to) of a streamed table, as windows in the epoch's order. */
export function* streamWindows(table: Table, from: number, to: number, o: WindowOptions): Generator<Window> {
  const stream = table.stream;
  if (!stream) throw new Error('streamWindows: the table is not streamed');
  const parts = stream.blocks
    .map((b, i) => ({ i, lo: Math.max(b.firstRow, from) - b.firstRow, hi: Math.min(b.firstRow + b.rows, to) - b.firstRow }))
    .filter((p) => p.lo < p.hi);
  const blockOrder = o.shuffle ? permutation(parts.length, o.seed, Stream.streamedBlocks + o.epoch) : null;
  const target = windowRows(table, o.batchSize, o.windowBytes ?? stream.windowBytes);
  const fd = table.featureDim;
  const ld = table.labelColumns;
  let pending: Piece[] = [];
  let pendingRows = 0;
  let window = 0;

  // The window holds every pending row; the executor reads them through the window's permutation
  // (a gather it does anyway), so rows are never shuffled in memory. Only the rows left over (less
  // than a batch) are copied out, in permuted order, to start the next window.
  const emit = (last: boolean): Window => {
    const rows = last ? pendingRows : Math.floor(pendingRows / o.batchSize) * o.batchSize;
    const whole = gather(pending, pendingRows, null, 0, pendingRows, fd, ld);
    const order = o.shuffle ? permutation(pendingRows, (o.seed + Math.imul(window + 1, 0x9e3779b9)) >>> 0, Stream.streamedRows + o.epoch) : null;
    window++;
    const rest = rows < pendingRows ? gather([whole], pendingRows, order, rows, pendingRows, fd, ld) : null;
    pending = rest ? [rest] : [];
    pendingRows = rest ? rest.rows : 0;
    const { featureDim, labelColumns, classes, stringLabels, featureNames, labelNames } = table;
    return { table: { rows: whole.rows, featureDim, features: whole.features, labelColumns, labels: whole.labels, classes, stringLabels, featureNames, labelNames }, order, rows };
  };

  for (let k = 0; k < parts.length; k++) {
    const part = parts[blockOrder ? blockOrder[k]! : k]!;
    const block = stream.readBlock(part.i);
    const rows = part.hi - part.lo;
    pending.push({ features: block.features.subarray(part.lo * fd, part.hi * fd), labels: block.labels.subarray(part.lo * ld, part.hi * ld), rows });
    pendingRows += rows;
    while (pendingRows >= target) yield emit(false);
  }
  if (pendingRows > 0) yield emit(true);
}

/**
 * Rows [start, end) of the pieces taken together, in the order `perm` gives (identity when null), as
 * one piece: row i of the result is row perm[start + i] of the whole.
 */
function gather(pieces: Piece[], total: number, perm: Uint32Array | null, start: number, end: number, fd: number, ld: number): Piece {
  const rows = end - start;
  const features = new Float32Array(rows * fd);
  const labels = new Float32Array(rows * ld);
  if (!perm) {
    let at = 0;
    let skip = start;
    for (const p of pieces) {
      if (at >= rows) break;
      if (skip >= p.rows) {
        skip -= p.rows;
        continue;
      }
      const take = Math.min(p.rows - skip, rows - at);
      features.set(p.features.subarray(skip * fd, (skip + take) * fd), at * fd);
      labels.set(p.labels.subarray(skip * ld, (skip + take) * ld), at * ld);
      at += take;
      skip = 0;
    }
    return { features, labels, rows };
  }
  // which piece each row of the whole is in, and where that piece starts
  const pieceOf = new Uint32Array(total);
  const firstRow = new Uint32Array(pieces.length);
  let row = 0;
  pieces.forEach((p, n) => {
    firstRow[n] = row;
    pieceOf.fill(n, row, row + p.rows);
    row += p.rows;
  });
  // element by element: a subarray per row would cost more than the copy
  for (let i = 0; i < rows; i++) {
    const src = perm[start + i]!;
    const n = pieceOf[src]!;
    const p = pieces[n]!;
    const r = src - firstRow[n]!;
    const pf = p.features;
    for (let j = 0, from = r * fd, to = i * fd; j < fd; j++) features[to + j] = pf[from + j]!;
    const pl = p.labels;
    for (let j = 0, from = r * ld, to = i * ld; j < ld; j++) labels[to + j] = pl[from + j]!;
  }
  return { features, labels, rows };
}
