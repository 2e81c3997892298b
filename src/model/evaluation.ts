import type { TaskSpec } from './task';

/**
 * The class of each row: for binary outputs (a probability each) the 0.5
 * threshold of the course, for one-hot targets or softmax outputs the
 * largest value.
 */
export function classIndices(values: ArrayLike<number>, task: TaskSpec): Uint8Array {
  if (task.kind === 'binary') return Uint8Array.from(Array.from(values, (v) => (v >= 0.5 ? 1 : 0)));
  const k = task.kind === 'multiclass' ? task.numClasses : 1;
  const rows = values.length / k;
  const out = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (values[r * k + c]! > values[r * k + best]!) best = c;
    out[r] = best;
  }
  return out;
}

/** counts[actual][predicted] over the rows. */
export function confusionMatrix(actual: Uint8Array, predicted: Uint8Array, numClasses: number): number[][] {
  const counts = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < actual.length; i++) counts[actual[i]!]![predicted[i]!]! += 1;
  return counts;
}

/** Share of rows whose predicted class is the actual one. */
export function accuracy(actual: Uint8Array, predicted: Uint8Array): number {
  let right = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] === predicted[i]) right++;
  return actual.length > 0 ? right / actual.length : 0;
}

export function meanAbsoluteError(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i]! - predicted[i]!);
  return actual.length > 0 ? sum / actual.length : 0;
}
