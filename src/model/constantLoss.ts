import type { LossName } from './losses';

/**
 * The loss of the best constant prediction on a set of targets: what a
 * model that ignores its inputs and outputs one value for every row scores.
 * A run whose validation loss stays near it has learned nothing from the
 * features ("stuck at a constant output"), however far its loss fell from
 * a bad start. The constant is the one that minimizes each loss on these
 * targets: the mean for MSE, the median for MAE (and Huber, close enough),
 * the class frequencies for the cross-entropies.
 *
 * `targets` is rows × `targetSize`, row-major, as the model is trained
 * against (one-hot rows for categorical cross-entropy). Returns NaN for no
 * rows. In the loss's own units, so it compares with val_loss directly.
 */
export function constantLoss(loss: LossName, targets: ArrayLike<number>, targetSize: number): number {
  const rows = Math.floor(targets.length / Math.max(1, targetSize));
  if (rows === 0) return Number.NaN;
  if (loss === 'categoricalCrossentropy') {
    const counts = new Float64Array(targetSize);
    for (let i = 0; i < rows * targetSize; i++) counts[i % targetSize]! += targets[i]!;
    return entropy(Array.from(counts, (c) => c / rows));
  }
  const values = Array.from({ length: rows }, (_, r) => targets[r * targetSize]!);
  if (loss === 'binaryCrossentropy') {
    const p = values.reduce((sum, v) => sum + v, 0) / rows;
    return entropy([p, 1 - p]);
  }
  if (loss === 'mse') {
    const mean = values.reduce((sum, v) => sum + v, 0) / rows;
    return values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / rows;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(rows / 2)]!;
  // Huber with Keras's delta of 1: quadratic within 1 of the prediction, linear beyond.
  const huber = (e: number) => (Math.abs(e) <= 1 ? 0.5 * e * e : Math.abs(e) - 0.5);
  const each = loss === 'huber' ? (v: number) => huber(v - median) : (v: number) => Math.abs(v - median);
  return values.reduce((sum, v) => sum + each(v), 0) / rows;
}

/** Cross-entropy of predicting the frequencies `p` for targets with those frequencies, in nats (Keras's natural log). */
function entropy(p: readonly number[]): number {
  return p.reduce((sum, q) => (q > 0 ? sum - q * Math.log(q) : sum), 0);
}
