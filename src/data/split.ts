import { createRng } from './rng';

/** Row indices of the training, validation and test parts of a dataset. */
export interface Split {
  train: Uint32Array;
  validation: Uint32Array;
  /** Held out from everything but the one evaluation at the end of a run; empty without a test split. */
  test: Uint32Array;
}

/** Fisher–Yates shuffle of 0..n-1 driven by a seed. */
export function shuffledIndices(n: number, seed: number, into?: Uint32Array): Uint32Array {
  const rng = createRng(seed);
  // A training loop hands in the same array every epoch.
  const order = into?.length === n ? into : new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const tmp = order[i]!;
    order[i] = order[j]!;
    order[j] = tmp;
  }
  return order;
}

/**
 * Sizes of the parts `splitRows` makes: at least one training and one
 * validation row; with a test fraction above 0, at least one test row when
 * the rows allow it (`test` is 0 when they do not: see checkTestSplit).
 */
export function splitSizes(numRows: number, validationFraction: number, testFraction = 0): { train: number; validation: number; test: number } {
  const validation = Math.min(numRows - 1, Math.max(1, Math.round(numRows * validationFraction)));
  const test = testFraction > 0 ? Math.max(0, Math.min(numRows - validation - 1, Math.max(1, Math.round(numRows * testFraction)))) : 0;
  return { train: numRows - validation - test, validation, test };
}

/** Why a test split cannot be made from `numRows` rows, or null when it can (or none is asked for). */
export function checkTestSplit(numRows: number, validationFraction: number, testFraction: number): string | null {
  if (!(testFraction > 0)) return null;
  if (splitSizes(numRows, validationFraction, testFraction).test === 0) {
    return `A test split needs at least 3 rows, one each for training, validation and test; this dataset has ${numRows}.`;
  }
  return null;
}

/**
 * Shuffles the rows with a seed and holds out `validationFraction` of them
 * (at least one row on each side), then `testFraction` of them for the test
 * part. Without a test split the validation and training rows are the same
 * as they always were: the test rows come from what would otherwise train.
 */
export function splitRows(numRows: number, validationFraction: number, seed: number, testFraction = 0): Split {
  if (numRows < 2) throw new Error(`A dataset needs at least 2 rows to split; it has ${numRows}.`);
  const order = shuffledIndices(numRows, seed);
  const sizes = splitSizes(numRows, validationFraction, testFraction);
  const trainStart = sizes.validation + sizes.test;
  return {
    validation: order.slice(0, sizes.validation),
    test: order.slice(sizes.validation, trainStart),
    train: order.slice(trainStart),
  };
}
