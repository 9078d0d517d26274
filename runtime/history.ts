// What every fit leaves behind: its History as JSON, and a chart of loss and metrics per epoch
// (train and validation) as an SVG that any browser shows (runtime/chart.ts).
import { resolve } from 'node:path';
import { historyChart } from './chart.js';
import { writeFileAtomic } from './io/atomic.js';
import type { History } from './session.js';

export { historyChart };

/** Writes FOLDER/BASE.json and FOLDER/BASE.svg (the folder must exist); returns their paths. */
export function writeHistory(history: History, folder: string, base: string, model: string): { json: string; svg: string } {
  const json = resolve(folder, `${base}.json`);
  const svg = resolve(folder, `${base}.svg`);
  writeFileAtomic(json, historyJson(model, history));
  writeFileAtomic(svg, historyChart(history, model));
  return { json, svg };
}

/**
 * Keras' History as JSON: one key per quantity, each a list of per-epoch values on one line; then,
 * when EarlyStopping stopped training or restored weights, `early_stopping` with Keras' names
 * (`stopped_epoch`, and `best_epoch` when its weights were restored; 0-based as `epoch`).
 */
export function historyJson(model: string, history: History): string {
  const lines = Object.entries(history.history).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const es = history.earlyStopping;
  const marks = es ? { ...(es.stoppedEpoch !== undefined ? { stopped_epoch: es.stoppedEpoch } : {}), ...(es.restoredEpoch !== undefined ? { best_epoch: es.restoredEpoch } : {}) } : null;
  const tail = marks && Object.keys(marks).length > 0 ? `,\n  "early_stopping": ${JSON.stringify(marks)}` : '';
  return `{\n  "model": ${JSON.stringify(model)},\n  "epoch": ${JSON.stringify(history.epoch)},\n  "history": {\n${lines.join(',\n')}\n  }${tail}\n}\n`;
}
