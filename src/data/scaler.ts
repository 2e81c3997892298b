import type { ScalingKind } from '../model/preprocessing';

/**
 * Per-feature preprocessing, `x' = (x − offset) / scale`, with every
 * statistic taken from the training rows only so that nothing about the
 * validation rows leaks into training. A missing value (NaN) is first
 * replaced by the feature's training mean.
 */

export interface Scaler {
  kind: ScalingKind;
  /** Subtracted first: the mean (standard), the minimum (min–max) or 0. */
  offset: number[];
  /** Divided by next: the standard deviation, max − min, or 1. Never 0. */
  scale: number[];
  /** Training mean of each feature, used for missing values. */
  fill: number[];
}

/**
 * Fits a scaler on the given rows of a row-major feature matrix. Features
 * marked `false` in `scaled` (one-hot indicators) are left as they are.
 */
export function fitScaler(
  kind: ScalingKind,
  features: Float32Array,
  numCols: number,
  rows: ArrayLike<number>,
  scaled: readonly boolean[] = [],
): Scaler {
  const sum = new Array<number>(numCols).fill(0);
  const sumSq = new Array<number>(numCols).fill(0);
  const count = new Array<number>(numCols).fill(0);
  const min = new Array<number>(numCols).fill(Number.POSITIVE_INFINITY);
  const max = new Array<number>(numCols).fill(Number.NEGATIVE_INFINITY);
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * numCols;
    for (let c = 0; c < numCols; c++) {
      const v = features[base + c]!;
      if (Number.isNaN(v)) continue;
      sum[c]! += v;
      count[c]! += 1;
      min[c] = Math.min(min[c]!, v);
      max[c] = Math.max(max[c]!, v);
    }
  }
  const fill = sum.map((s, c) => (count[c]! > 0 ? s / count[c]! : 0));
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * numCols;
    for (let c = 0; c < numCols; c++) {
      const v = features[base + c]!;
      if (!Number.isNaN(v)) sumSq[c]! += (v - fill[c]!) ** 2;
    }
  }
  const offset: number[] = [];
  const scale: number[] = [];
  for (let c = 0; c < numCols; c++) {
    const identity = kind === 'none' || scaled[c] === false;
    const spread = kind === 'standard' ? Math.sqrt(sumSq[c]! / Math.max(1, count[c]!)) : max[c]! - min[c]!;
    offset.push(identity ? 0 : kind === 'standard' ? fill[c]! : Number.isFinite(min[c]!) ? min[c]! : 0);
    // A constant feature maps to 0 rather than dividing by 0.
    scale.push(identity || !(spread > 1e-12) ? 1 : spread);
  }
  return { kind, offset, scale, fill };
}

/** Copies the given rows out of a row-major matrix, missing values filled and scaled. */
export function takeScaledRows(features: Float32Array, numCols: number, rows: ArrayLike<number>, scaler: Scaler): Float32Array {
  const out = new Float32Array(rows.length * numCols);
  const { offset, scale, fill } = scaler;
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * numCols;
    for (let c = 0; c < numCols; c++) {
      const v = features[base + c]!;
      out[r * numCols + c] = ((Number.isNaN(v) ? fill[c]! : v) - offset[c]!) / scale[c]!;
    }
  }
  return out;
}
