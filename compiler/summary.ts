// model.summary() as Keras 3 prints it (keras/src/utils/summary_utils.py through rich): a table of
// 88 characters with columns 38/29/17 wide including borders, a line between rows, then the
// parameter counts with their size at 4 bytes each.
import type { Layer, Model } from './program.js';
import { parameterCounts, shapeText } from './layers.js';

/** Column widths inside the borders, each with one space of padding on both sides. */
const WIDTHS = [38, 29, 17];
const ALIGN: ('left' | 'right')[] = ['left', 'left', 'right'];
const BYTES_PER_PARAM = 4;

export function formatSummary(model: Model): string {
  const lines: string[] = [`Model: "${model.name}"`];
  lines.push(rule('┏', '━', '┳', '┓'));
  lines.push(...row(['Layer (type)', 'Output Shape', 'Param #'], '┃'));
  lines.push(rule('┡', '━', '╇', '┩'));
  model.layers.forEach((layer, i) => {
    if (i > 0) lines.push(rule('├', '─', '┼', '┤'));
    lines.push(...row([`${layer.name} (${layer.kind})`, shapeText(layer.outputShape, true), thousands(layerParams(layer))], '│'));
  });
  lines.push(rule('└', '─', '┴', '┘'));
  const total = model.trainableParams + model.nonTrainableParams;
  lines.push(` Total params: ${thousands(total)} (${readableSize(total * BYTES_PER_PARAM)})`);
  lines.push(` Trainable params: ${thousands(model.trainableParams)} (${readableSize(model.trainableParams * BYTES_PER_PARAM)})`);
  lines.push(` Non-trainable params: ${thousands(model.nonTrainableParams)} (${readableSize(model.nonTrainableParams * BYTES_PER_PARAM)})`);
  return lines.join('\n') + '\n';
}

/** Weights of one layer, trainable or not (the table's Param # column). */
export function layerParams(layer: Layer): number {
  const { trainable, nonTrainable } = parameterCounts(layer);
  return trainable + nonTrainable;
}

/** Bytes in B, KB, MB ... with base 1024 and two decimals, as Keras' readable_memory_size. */
export function readableSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let size = bytes;
  for (const unit of units) {
    if (size / 1024 < 1) return `${size.toFixed(2)} ${unit}`;
    size /= 1024;
  }
  return `${size.toFixed(2)} PB`;
}

/** 1234567 -> "1,234,567" (Python's format(n, ",")). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function rule(left: string, fill: string, join: string, right: string): string {
  return left + WIDTHS.map((w) => fill.repeat(w)).join(join) + right;
}

/** One table row; a cell too long for its column wraps at spaces (rich folds the same way). */
function row(cells: string[], border: string): string[] {
  const wrapped = cells.map((cell, i) => wrap(cell, WIDTHS[i]! - 2));
  const height = Math.max(...wrapped.map((w) => w.length));
  const out: string[] = [];
  for (let r = 0; r < height; r++) {
    const parts = wrapped.map((w, i) => {
      const text = w[r] ?? '';
      const width = WIDTHS[i]! - 2;
      return ` ${ALIGN[i] === 'right' ? text.padStart(width) : text.padEnd(width)} `;
    });
    out.push(border + parts.join(border) + border);
  }
  return out;
}

function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    let w = word;
    while (w.length > width) {
      if (current) {
        lines.push(current);
        current = '';
      }
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (!current) current = w;
    else if (current.length + 1 + w.length <= width) current += ` ${w}`;
    else {
      lines.push(current);
      current = w;
    }
  }
  if (current) lines.push(current);
  return lines;
}
