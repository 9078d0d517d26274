// Windows of a series as a dataset, as Keras' timeseries_dataset_from_array builds them.
import { fail } from '../diagnostics/diagnostic.js';
import type { Span } from '../source.js';
import { numericClasses, type Table } from './dataset.js';
import type { DatasetSource } from './spec.js';

/**
 * timeseries(series, window, horizon, stride): window i holds the series' rows stride * i ..
 * stride * i + window - 1 (every feature: [window, features]); its label is the series' label
 * (or, when it has none, its features) at row stride * i + window + horizon - 1. As Keras'
 * timeseries_dataset_from_array(data, targets=data[window + horizon - 1:], sequence_length=window,
 * sequence_stride=stride).
 */
export function windowSeries(parent: Table, source: Extract<DatasetSource, { kind: 'timeseries' }>, span: Span): Table {
  const bad = (reason: string, help: string): never => fail('NNC4032', span, { dataset: source.source, reason, help });
  if (parent.texts) bad('its rows are texts, not steps of a series', 'window a dataset of numbers: csv("series.csv", features="value", labels="value")');
  if (parent.stream) bad('it is streamed from a file too large to hold in memory', 'window a smaller file (the windows repeat each row `window` times)');
  const { window, horizon, stride } = source;
  const n = parent.rows;
  if (n < window + horizon) fail('NNC4030', span, { window, horizon, rows: n, dataset: source.source });
  const rows = Math.floor((n - window - horizon) / stride) + 1;
  const f = parent.featureDim;
  const fromLabels = parent.labelColumns > 0;
  const l = fromLabels ? parent.labelColumns : f;
  const targets = fromLabels ? parent.labels : parent.features;
  const features = new Float32Array(rows * window * f);
  const labels = new Float32Array(rows * l);
  for (let i = 0; i < rows; i++) {
    const start = i * stride;
    features.set(parent.features.subarray(start * f, (start + window) * f), i * window * f);
    const at = start + window + horizon - 1;
    labels.set(targets.subarray(at * l, (at + 1) * l), i * l);
  }
  return {
    rows,
    featureDim: window * f,
    featureShape: [window, f],
    features,
    labelColumns: l,
    labels,
    classes: fromLabels ? parent.classes : l === 1 ? numericClasses(labels) : null,
    stringLabels: fromLabels ? parent.stringLabels : false,
    featureNames: null,
    labelNames: fromLabels ? parent.labelNames : parent.featureNames,
  };
}
