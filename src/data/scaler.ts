/**
 * Per-feature standardization, `(x − mean) / std`, with statistics taken
 * from the training rows only so that nothing about the validation rows
 * leaks into training.
 */
export interface StandardScaler {
  kind: 'standard';
  mean: number[];
  /** Population standard deviation; a constant feature gets 1 so it maps to 0. */
  std: number[];
}

/** Fits the scaler on the given rows of a row-major feature matrix. */
export function fitStandardScaler(features: Float32Array, numCols: number, rows: ArrayLike<number>): StandardScaler {
  const mean = new Array<number>(numCols).fill(0);
  const sq = new Array<number>(numCols).fill(0);
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * numCols;
    for (let c = 0; c < numCols; c++) mean[c]! += features[base + c]!;
  }
  for (let c = 0; c < numCols; c++) mean[c]! /= Math.max(1, rows.length);
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * numCols;
    for (let c = 0; c < numCols; c++) sq[c]! += (features[base + c]! - mean[c]!) ** 2;
  }
  const std = sq.map((s) => {
    const sd = Math.sqrt(s / Math.max(1, rows.length));
    return sd > 1e-12 ? sd : 1;
  });
  return { kind: 'standard', mean, std };
}

/** Copies the given rows out of a row-major matrix, standardized. */
export function takeScaledRows(
  features: Float32Array,
  numCols: number,
  rows: ArrayLike<number>,
  scaler: StandardScaler,
): Float32Array {
  const out = new Float32Array(rows.length * numCols);
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * numCols;
    for (let c = 0; c < numCols; c++) out[r * numCols + c] = (features[base + c]! - scaler.mean[c]!) / scaler.std[c]!;
  }
  return out;
}
