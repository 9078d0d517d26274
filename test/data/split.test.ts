import { describe, expect, it } from 'vitest';
import type { DatasetSource } from '../../compiler/program.js';
import { SourceFile } from '../../base/source.js';
import { DataStore, splitTable, type Table } from '../../base/data/dataset.js';
import { permutation, Stream } from '../../base/rng.js';
import { haveSharedData, sharedDataset } from '../helpers/shared.js';
import { expectCode } from './helpers.js';

const span = new SourceFile('program.nn', 'dataset a, b = split(d, test_size=0.2)').span(29, 37);

/** n rows whose single feature is the row's index, labels cycling through 3 classes. */
function indexed(n: number): Table {
  return {
    rows: n,
    featureDim: 1,
    features: Float32Array.from({ length: n }, (_, i) => i),
    labelColumns: 1,
    labels: Float32Array.from({ length: n }, (_, i) => i % 3),
    classes: ['a', 'b', 'c'],
    stringLabels: true,
    featureNames: ['id'],
    labelNames: ['y'],
  };
}

type Split = Extract<DatasetSource, { kind: 'split' }>;
const split = (part: 'train' | 'test', testSize: number, seed = 0, shuffle = true): Split => ({ kind: 'split', source: 'd', part, testSize, seed, shuffle });
const ids = (t: Table) => Array.from(t.features);

describe('splitTable', () => {
  it('puts ceil(test_size * n) rows in the test part, as sklearn does', () => {
    for (const [n, size, test] of [
      [768, 0.2, 154],
      [150, 0.33, 50],
      [10, 0.25, 3],
      [10, 0.1, 1],
      [3, 0.5, 2],
    ] as const) {
      expect(splitTable(indexed(n), split('test', size), span).rows, `${n} x ${size}`).toBe(test);
      expect(splitTable(indexed(n), split('train', size), span).rows).toBe(n - test);
    }
  });

  it('takes the last n_test rows of permutation(n, seed, Stream.data) as the test part', () => {
    const order = Array.from(permutation(100, 7, Stream.data));
    expect(ids(splitTable(indexed(100), split('test', 0.2, 7), span))).toEqual(order.slice(80));
    expect(ids(splitTable(indexed(100), split('train', 0.2, 7), span))).toEqual(order.slice(0, 80));
  });

  it('covers every row exactly once, in two disjoint parts', () => {
    const train = ids(splitTable(indexed(1000), split('train', 0.3, 42), span));
    const test = ids(splitTable(indexed(1000), split('test', 0.3, 42), span));
    expect(new Set([...train, ...test]).size).toBe(1000);
    expect(train.length + test.length).toBe(1000);
    expect(train.filter((i) => test.includes(i))).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = ids(splitTable(indexed(500), split('test', 0.2, 1), span));
    expect(ids(splitTable(indexed(500), split('test', 0.2, 1), span))).toEqual(a);
    expect(ids(splitTable(indexed(500), split('test', 0.2, 2), span))).not.toEqual(a);
  });

  it('without shuffling keeps the order: the first rows train, the last rows test', () => {
    expect(ids(splitTable(indexed(10), split('train', 0.3, 5, false), span))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(ids(splitTable(indexed(10), split('test', 0.3, 5, false), span))).toEqual([7, 8, 9]);
  });

  it('moves labels with their rows and keeps the parent classes and names', () => {
    const test = splitTable(indexed(60), split('test', 0.05, 3), span);
    expect(test.rows).toBe(3);
    for (let i = 0; i < test.rows; i++) expect(test.labels[i]).toBe(test.features[i]! % 3);
    expect(test.classes).toEqual(['a', 'b', 'c']);
    expect(test.featureNames).toEqual(['id']);
    expect(test.stringLabels).toBe(true);
  });

  it('refuses a split that leaves no training rows (NNC4014), at the split', () => {
    const err = expectCode(() => splitTable(indexed(10), split('train', 0.95), span), 'NNC4014');
    expect(err.diagnostics[0]!.message).toBe('a test part of 10 of 10 rows leaves no rows for training');
    expect(err.diagnostics[0]!.span).toEqual(span);
    expectCode(() => splitTable(indexed(1), split('test', 0.5), span), 'NNC4014');
  });
});

describe('DataStore: splits of loaded datasets', () => {
  it('splits a builtin dataset by name, parts agreeing on classes', () => {
    const store = new DataStore();
    store.load('d', { kind: 'builtin', which: 'blobs', options: { rows: 100 } }, span);
    const train = store.load('d_train', { ...split('train', 0.25), source: 'd' }, span);
    const test = store.load('d_test', { ...split('test', 0.25), source: 'd' }, span);
    expect([train.rows, test.rows]).toEqual([75, 25]);
    expect(test.classes).toEqual(store.get('d')!.classes);
    expect(store.get('d_test')).toBe(test);
  });

  it.skipIf(!haveSharedData())('splits pima 614 / 154', () => {
    const store = new DataStore();
    const path = sharedDataset('pima-indians-diabetes.csv');
    store.load('pima', { kind: 'csv', path, resolvedPath: path, header: 'auto', delimiter: ',', features: { kind: 'list', items: [], span }, labels: { kind: 'index', index: -1, span } }, span);
    const train = store.load('train', { ...split('train', 0.2, 0), source: 'pima' }, span);
    const test = store.load('test', { ...split('test', 0.2, 0), source: 'pima' }, span);
    expect([train.rows, test.rows]).toEqual([614, 154]);
    expect(train.classes).toEqual(['0', '1']);
    const sum = (t: Table) => t.labels.reduce((a, b) => a + b, 0);
    expect(sum(train) + sum(test)).toBe(268);
  });
});
