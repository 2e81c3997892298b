import { QUANTILES, type LayerTrends, type TrendRow } from './protocol';

/** √(Σ v²) of an array, in double precision. */
export function l2Norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! * values[i]!;
  return Math.sqrt(sum);
}

/**
 * The QUANTILES of `values` into `out` at `offset`, by linear interpolation
 * between the sorted values (numpy's default), so the median of [1, 2, 3, 4] is 2.5.
 */
export function quantilesInto(values: Float32Array, out: Float32Array, offset: number): void {
  const sorted = values.slice().sort();
  const n = sorted.length;
  QUANTILES.forEach((q, i) => {
    if (n === 0) {
      out[offset + i] = Number.NaN;
      return;
    }
    const at = q * (n - 1);
    const lo = Math.floor(at);
    const hi = Math.min(n - 1, lo + 1);
    out[offset + i] = sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
  });
}


/**
 * Epoch rows collected between two probe reports, handed over as one
 * LayerTrends of consecutive epochs (a gap starts a new report).
 */
export class TrendBuffer {
  private rows: TrendRow[] = [];

  constructor(private readonly layers: number[]) {}

  /** Adds an epoch's row; returns the rows before it when it does not follow them, to be reported first. */
  add(row: TrendRow): LayerTrends | null {
    const last = this.rows[this.rows.length - 1];
    const flushed = last && row.epoch !== last.epoch + 1 ? this.take() : null;
    this.rows.push(row);
    return flushed;
  }

  /** The rows so far as one LayerTrends, emptying the buffer; null when there are none. */
  take(): LayerTrends | null {
    if (this.rows.length === 0) return null;
    const k = this.layers.length;
    const q = QUANTILES.length;
    const gradientNorms = new Float32Array(this.rows.length * k);
    const weightQuantiles = new Float32Array(this.rows.length * k * q);
    this.rows.forEach((row, r) => {
      gradientNorms.set(row.gradientNorms, r * k);
      weightQuantiles.set(row.weightQuantiles, r * k * q);
    });
    const trends = { fromEpoch: this.rows[0]!.epoch, layers: [...this.layers], gradientNorms, weightQuantiles };
    this.rows = [];
    return trends;
  }
}
