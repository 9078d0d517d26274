// The image dataset sources as tables: idx(...) (MNIST's IDX files) and images(...) (a folder of
// class subfolders). Read errors become located diagnostics at the dataset's declaration.
import { statSync } from 'node:fs';
import { fail } from '../diagnostics/diagnostic.js';
import type { Span } from '../source.js';
import { kindOfFile } from '../files.js';
import type { DatasetSource } from './spec.js';
import { numericClasses, type Table } from './dataset.js';
import { displayPath, osReason } from './csv-file.js';
import { IdxError, readIdx, type IdxArray } from './idx.js';
import { ImageFolderError, readImageFolder } from './images.js';

function looked(path: string, resolved: string): string {
  const shown = displayPath(resolved);
  return shown !== path ? ` (looked for ${shown})` : '';
}

function readIdxFile(path: string, resolved: string, span: Span): IdxArray {
  try {
    const stats = statSync(resolved);
    if (!stats.isFile()) fail('NNC4018', span, { path, reason: kindOfFile(stats) + looked(path, resolved) });
    return readIdx(resolved);
  } catch (err) {
    if (err instanceof IdxError) fail('NNC4018', span, { path, reason: err.message });
    if ((err as NodeJS.ErrnoException).code) fail('NNC4018', span, { path, reason: osReason(err) + looked(path, resolved) });
    throw err;
  }
}

/** idx(images, labels=...): samples of the images file's shape ([28, 28] gets a channel: [28, 28, 1]), labels as class indices. */
export function loadIdx(source: Extract<DatasetSource, { kind: 'idx' }>, span: Span): Table {
  const images = readIdxFile(source.path, source.resolvedPath, span);
  const rows = images.dims[0]!;
  if (rows === 0) fail('NNC4018', span, { path: source.path, reason: 'it holds no items' });
  const sample = images.dims.slice(1);
  const featureShape = sample.length === 2 ? [...sample, 1] : sample.length === 0 ? [1] : sample;
  const featureDim = sample.reduce((n, d) => n * d, 1);
  let labels: Float32Array = new Float32Array(0);
  let labelColumns = 0;
  let classes: string[] | null = null;
  if (source.labels) {
    const read = readIdxFile(source.labels.path, source.labels.resolvedPath, span);
    if (read.dims[0] !== rows) fail('NNC4019', span, { images: rows, labels: read.dims[0]!, path: source.labels.path });
    labelColumns = read.dims.slice(1).reduce((n, d) => n * d, 1);
    labels = read.values;
    classes = labelColumns === 1 ? numericClasses(labels) : null;
  }
  return {
    rows,
    featureDim,
    featureShape,
    features: images.values,
    labelColumns,
    labels,
    classes,
    stringLabels: false,
    featureNames: null,
    labelNames: null,
  };
}

/** images(folder, size=, color=): the class folders' images, resized; labels are the class names (as text labels). */
export function loadImages(source: Extract<DatasetSource, { kind: 'images' }>, span: Span): Table {
  let folder;
  try {
    const stats = statSync(source.resolvedPath);
    if (!stats.isDirectory()) fail('NNC4020', span, { path: source.path, reason: 'it is not a folder' + looked(source.path, source.resolvedPath) });
    folder = readImageFolder(source.resolvedPath, source.size, source.color);
  } catch (err) {
    if (err instanceof ImageFolderError) {
      if (err.file) fail('NNC4021', span, { file: displayPath(err.file), reason: err.message });
      fail('NNC4020', span, { path: source.path, reason: err.message });
    }
    if ((err as NodeJS.ErrnoException).code) fail('NNC4020', span, { path: source.path, reason: osReason(err) + looked(source.path, source.resolvedPath) });
    throw err;
  }
  return {
    rows: folder.rows,
    featureDim: folder.shape.reduce((n, d) => n * d, 1),
    featureShape: folder.shape,
    features: folder.features,
    labelColumns: 1,
    labels: folder.labels,
    classes: folder.classes,
    stringLabels: true,
    featureNames: null,
    labelNames: null,
  };
}
