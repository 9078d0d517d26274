// What a program says about a dataset (its source and column selectors) and what reading it
// found (its shape): shared by the checker, which resolves them, and the loaders, which read them.
import type { Span } from '../source.js';

export type ColumnSelector =
  | { kind: 'index'; index: number; span: Span } // negative counts from the end, as in Python
  | { kind: 'slice'; start: number | null; end: number | null; span: Span }
  | { kind: 'name'; name: string; span: Span }
  | { kind: 'list'; items: ColumnSelector[]; span: Span };

export type DatasetSource =
  | {
      kind: 'csv';
      /** As written in the program. */
      path: string;
      /** Absolute: relative to the .nn file, or replaced by --data NAME=PATH. */
      resolvedPath: string;
      /** true, false, or 'auto' (a first row with a non-numeric feature cell is a header). */
      header: boolean | 'auto';
      delimiter: string;
      features: ColumnSelector;
      labels: ColumnSelector;
      /** text=: the one column that holds each row's text (the features are then that text); absent: numeric features. */
      text?: ColumnSelector;
    }
  | {
      kind: 'text';
      /** A folder with one subfolder of .txt files per class, as written and resolved like csv's path. */
      path: string;
      resolvedPath: string;
      /** Characters kept of each text (null: all), as Keras' max_length. */
      maxLength: number | null;
    }
  | {
      kind: 'timeseries';
      /** The dataset whose rows are the series' steps. */
      source: string;
      /** Steps per window, and how far after a window's last step its label is (1: the next step). */
      window: number;
      horizon: number;
      /** Steps between the starts of consecutive windows. */
      stride: number;
    }
  | {
      kind: 'idx';
      /** The images (or any IDX array of samples) and the labels, as written and resolved like csv's path. */
      path: string;
      resolvedPath: string;
      labels: { path: string; resolvedPath: string } | null;
    }
  | {
      kind: 'images';
      /** A folder with one subfolder of PNG/JPEG files per class. */
      path: string;
      resolvedPath: string;
      /** [height, width] every image is resized to. */
      size: [number, number];
      color: 'rgb' | 'grayscale' | 'rgba';
    }
  | {
      kind: 'builtin';
      /** A dataset nnc makes itself, offline and seeded (see base/data/builtin.ts). */
      which: string;
      /** Its numeric arguments with defaults filled in (rows, seed, noise, features, classes ...). */
      options: Record<string, number>;
    }
  | {
      kind: 'split';
      /** The dataset being split. */
      source: string;
      part: 'train' | 'test';
      /** Fraction of rows in the test part, 0 < testSize < 1. */
      testSize: number;
      seed: number;
      shuffle: boolean;
    };

/** What the checker learned by reading the data (it reads files before anything runs). */
export interface DataShape {
  rows: number;
  featureDim: number;
  /** One sample's shape: [featureDim] for rows of a CSV, [28, 28, 1] for images. */
  featureShape: number[];
  /** The feature of each row is one text (featureShape [1]): a model reads it through TextVectorization. */
  text?: boolean;
  /** Number of label columns as stored (1 for a class column). */
  labelColumns: number;
  /** Distinct label values when there is one label column with few distinct values, sorted; else null. */
  classes: string[] | null;
  /** True when the label column holds strings (iris): class indices come from `classes`. */
  stringLabels: boolean;
}
