/** The values each training slider steps through. */

/** 1-2-3-5 steps per decade from 1e-5 to 1: a log scale with round numbers. */
export const learningRates: readonly number[] = [-5, -4, -3, -2, -1].flatMap((exp) =>
  [1, 2, 3, 5].map((m) => Number((m * 10 ** exp).toPrecision(1))),
).concat([1]);

/** Powers of two up to the training-set size, and the whole set (one batch per epoch). */
export function batchSizes(trainRows: number): number[] {
  const sizes: number[] = [];
  for (let size = 1; size < trainRows; size *= 2) sizes.push(size);
  sizes.push(Math.max(1, trainRows));
  return sizes;
}

export const epochCounts: readonly number[] = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500,
  2000,
];

export const validationSplits: readonly number[] = Array.from({ length: 10 }, (_, i) => (i + 1) / 20);

/** 0 (no test set), then 5 % to 30 % in steps of 5. */
export const testSplits: readonly number[] = Array.from({ length: 7 }, (_, i) => i / 20);

export const dropoutRates: readonly number[] = Array.from({ length: 18 }, (_, i) => (i + 1) / 20);

/** A number as people write it: 0.001, not 1e-3; 0.00003, not 3e-5. */
export function formatRate(value: number): string {
  return value >= 1e-4 ? String(Number(value.toPrecision(6))) : value.toFixed(Math.ceil(-Math.log10(value)) + 1).replace(/0+$/, '');
}

export const formatPercent = (value: number): string => `${Math.round(value * 100)} %`;
