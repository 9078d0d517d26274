// A text dataset from the disk: a folder of class subfolders of .txt files, as Keras'
// text_dataset_from_directory reads one (class names: the subfolders' names, sorted; each class's
// .txt files, found in its subfolder and the folders below it, in sorted order; labels: the class
// indices). Read errors become located diagnostics at the dataset's declaration. A web page uses
// text-sources.browser.ts instead.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../diagnostics/diagnostic.js';
import type { Span } from '../source.js';
import { readRegularFile } from '../files.js';
import type { DatasetSource } from './spec.js';
import type { Table } from './dataset.js';
import { displayPath, osReason } from './csv-file.js';

const utf8 = new TextDecoder('utf-8');

function sortedNames(path: string): string[] {
  return readdirSync(path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The .txt files under `folder`, its subfolders' after its own files, all in sorted order (os.walk, sorted, as Keras). */
function textFiles(folder: string): string[] {
  const files: string[] = [];
  const folders: string[] = [];
  for (const name of sortedNames(folder)) {
    if (name.startsWith('.')) continue;
    const path = join(folder, name);
    const stats = statSync(path);
    if (stats.isDirectory()) folders.push(path);
    else if (name.toLowerCase().endsWith('.txt')) files.push(path);
  }
  for (const sub of folders) files.push(...textFiles(sub));
  return files;
}

/** text(folder): one row per .txt file, its text (cut to max_length characters) the feature, its class folder the label. */
export function loadTextFolder(source: Extract<DatasetSource, { kind: 'text' }>, span: Span): Table {
  const problem = (reason: string): never => fail('NNC4031', span, { path: source.path, reason });
  let classes: string[];
  try {
    const stats = statSync(source.resolvedPath);
    if (!stats.isDirectory()) problem('it is not a folder');
    classes = sortedNames(source.resolvedPath).filter((name) => !name.startsWith('.') && statSync(join(source.resolvedPath, name)).isDirectory());
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code) {
      const shown = displayPath(source.resolvedPath);
      problem(osReason(err) + (shown !== source.path ? ` (looked for ${shown})` : ''));
    }
    throw err;
  }
  if (classes.length === 0) problem('it has no subfolders: put the .txt files of each class in a subfolder named after the class');
  const texts: string[] = [];
  const labels: number[] = [];
  classes.forEach((name, label) => {
    for (const file of textFiles(join(source.resolvedPath, name))) {
      let bytes: Uint8Array;
      try {
        bytes = readRegularFile(file);
      } catch (err) {
        return problem(`cannot read ${displayPath(file)}: ${osReason(err)}`);
      }
      const text = utf8.decode(bytes); // Keras reads bytes; invalid UTF-8 becomes U+FFFD here
      texts.push(source.maxLength === null ? text : text.slice(0, source.maxLength));
      labels.push(label);
    }
  });
  if (texts.length === 0) problem(`its class folders (${classes.slice(0, 5).join(', ')}${classes.length > 5 ? ', ...' : ''}) hold no .txt files`);
  return {
    rows: texts.length,
    featureDim: 1,
    featureShape: [1],
    features: new Float32Array(texts.length),
    texts,
    labelColumns: 1,
    labels: Float32Array.from(labels),
    classes,
    stringLabels: true,
    featureNames: null,
    labelNames: null,
  };
}
