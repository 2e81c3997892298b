import { createRng } from './rng';

/** Row indices of the training and validation parts of a dataset. */
export interface Split {
  train: Uint32Array;
  validation: Uint32Array;
}

/** Fisher–Yates shuffle of 0..n-1 driven by a seed. */
export function shuffledIndices(n: number, seed: number): Uint32Array {
  const rng = createRng(seed);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = order[i]!;
    order[i] = order[j]!;
    order[j] = tmp;
  }
  return order;
}

/** Sizes of the two parts `splitRows` makes: at least one row on each side. */
export function splitSizes(numRows: number, validationFraction: number): { train: number; validation: number } {
  const validation = Math.min(numRows - 1, Math.max(1, Math.round(numRows * validationFraction)));
  return { train: numRows - validation, validation };
}

/**
 * Shuffles the rows with a seed and holds out `validationFraction` of them
 * (at least one row on each side).
 */
export function splitRows(numRows: number, validationFraction: number, seed: number): Split {
  if (numRows < 2) throw new Error(`A dataset needs at least 2 rows to split; it has ${numRows}.`);
  const order = shuffledIndices(numRows, seed);
  const numValidation = splitSizes(numRows, validationFraction).validation;
  return { validation: order.slice(0, numValidation), train: order.slice(numValidation) };
}
