// Every data error, rendered as the CLI shows it, against golden files beside the fixtures.
import { describe, it } from 'vitest';
import { DataStore } from '../../base/data/dataset.js';
import { expectGolden } from '../helpers/golden.js';
import { csvSource, fixture, Program, renderedError } from './helpers.js';

interface Case {
  name: string;
  program: string;
  source: (p: Program) => Parameters<DataStore['load']>[1];
}

const cases: Case[] = [
  {
    name: 'ragged',
    program: 'dataset d = csv("ragged.csv", features=0:3, labels=3)',
    source: (p) => csvSource('ragged.csv', p.slice('0:3'), p.index('3')),
  },
  {
    name: 'non-numeric',
    program: 'dataset d = csv("non-numeric.csv", features=0:3, labels=3)',
    source: (p) => csvSource('non-numeric.csv', p.slice('0:3'), p.index('3')),
  },
  {
    name: 'nan',
    program: 'dataset d = csv("nan.csv", labels=-1)',
    source: (p) => csvSource('nan.csv', p.allButLabels, p.index('-1')),
  },
  {
    name: 'empty-cell',
    program: 'dataset d = csv("empty-cell.csv", labels=-1)',
    source: (p) => csvSource('empty-cell.csv', p.allButLabels, p.index('-1')),
  },
  {
    name: 'empty',
    program: 'dataset d = csv("empty.csv", labels=-1)',
    source: (p) => csvSource('empty.csv', p.allButLabels, p.index('-1')),
  },
  {
    name: 'header-only',
    program: 'dataset d = csv("header-only.csv", labels=-1)',
    source: (p) => csvSource('header-only.csv', p.allButLabels, p.index('-1')),
  },
  {
    name: 'missing',
    program: 'dataset d = csv("no-such-file.csv", labels=-1)',
    source: (p) => csvSource('no-such-file.csv', p.allButLabels, p.index('-1')),
  },
  {
    name: 'column-out-of-range',
    program: 'dataset d = csv("named.csv", features=0:4, labels=5)',
    source: (p) => csvSource('named.csv', p.slice('0:4'), p.index('5')),
  },
  {
    name: 'slice-out-of-range',
    program: 'dataset d = csv("named.csv", features=0:6, labels=4)',
    source: (p) => csvSource('named.csv', p.slice('0:6'), p.index('4')),
  },
  {
    name: 'unknown-name',
    program: 'dataset d = csv("named.csv", features=["sepal_length", "petal_lenght"], labels="species")',
    source: (p) => csvSource('named.csv', p.list('["sepal_length", "petal_lenght"]', [p.name('sepal_length'), p.name('petal_lenght')]), p.name('species')),
  },
  {
    name: 'latin1',
    program: 'dataset d = csv("latin1.csv", labels=-1)',
    source: (p) => csvSource('latin1.csv', p.allButLabels, p.index('-1')),
  },
  {
    name: 'unterminated',
    program: 'dataset d = csv("unterminated.csv", labels=-1)',
    source: (p) => csvSource('unterminated.csv', p.allButLabels, p.index('-1')),
  },
  {
    name: 'after-quote',
    program: 'dataset d = csv("after-quote.csv", labels=-1)',
    source: (p) => csvSource('after-quote.csv', p.allButLabels, p.index('-1')),
  },
  {
    name: 'duplicate-column',
    program: 'dataset d = csv("named.csv", features=[0:3, 2], labels=4)',
    source: (p) => csvSource('named.csv', p.list('[0:3, 2]', [p.slice('0:3'), p.index('2')]), p.index('4')),
  },
  {
    name: 'empty-slice',
    program: 'dataset d = csv("named.csv", features=3:1, labels=4)',
    source: (p) => csvSource('named.csv', p.slice('3:1'), p.index('4')),
  },
  {
    name: 'name-without-header',
    program: 'dataset d = csv("named.csv", header=false, labels="species")',
    source: (p) => csvSource('named.csv', p.allButLabels, p.name('species'), { header: false }),
  },
  {
    name: 'header-false-text',
    program: 'dataset d = csv("named.csv", header=false, labels=4)',
    source: (p) => csvSource('named.csv', p.allButLabels, p.index('4'), { header: false }),
  },
  {
    name: 'overflow',
    program: 'dataset d = csv("overflow.csv", labels=-1)',
    source: (p) => csvSource('overflow.csv', p.allButLabels, p.index('-1')),
  },
  {
    name: 'nan-label',
    program: 'dataset d = csv("nan-label.csv", labels=-1)',
    source: (p) => csvSource('nan-label.csv', p.allButLabels, p.index('-1')),
  },
];

describe('data errors, rendered', () => {
  for (const c of cases) {
    it(c.name, () => {
      const p = new Program(c.program);
      const store = new DataStore();
      expectGolden(renderedError(() => store.load('d', c.source(p), p.pathSpan), p), fixture(`${c.name}.expected.txt`));
    });
  }
});

// A file streamed block by block (base/data/csv-stream.ts) gives the same errors at the same places:
// blocks of 16 bytes cut most rows' files into many blocks (a row longer than a block grows it).
describe('data errors of streamed files, rendered the same', () => {
  for (const blockBytes of [16, 64]) {
    for (const c of cases) {
      it(`${c.name} (blocks of ${blockBytes} bytes)`, () => {
        const p = new Program(c.program);
        const store = new DataStore({ streamAbove: 0, blockBytes });
        expectGolden(renderedError(() => store.load('d', c.source(p), p.pathSpan), p), fixture(`${c.name}.expected.txt`));
      });
    }
  }
});
