// validation_split as Keras does it: the last rows, taken before any shuffling, are held out.

/** Rows that stay for training: floor(rows * (1 - split)); the rest validate. */
export function trainingRows(rows: number, split: number): number {
  return split > 0 ? Math.floor(rows * (1 - split)) : rows;
}

/** True when a split leaves both parts at least one row (Keras raises an error otherwise). */
export function splitLeavesBothParts(rows: number, split: number): boolean {
  if (split <= 0) return true;
  const train = trainingRows(rows, split);
  return train > 0 && train < rows;
}
