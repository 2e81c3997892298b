import type { Point } from './plot/path';

/**
 * What the per-step loss chart draws from a run's step losses: the raw
 * steps, thinned for display so that their spread survives, a smoothed
 * trend, and one number for how noisy the steps are.
 */

/**
 * The steps as points (x: the 1-based step), at most about `2 × buckets` of
 * them: each bucket of consecutive steps keeps its lowest and highest finite
 * value, in the order they came, so thinning never hides the jitter the chart
 * is there to show. A non-finite step is kept as a break in the line.
 */
export function envelopePoints(values: ArrayLike<number>, buckets = 300): Point[] {
  const n = values.length;
  if (n <= 2 * buckets) return Array.from({ length: n }, (_, i): Point => [i + 1, values[i]!]);
  const points: Point[] = [];
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.floor((b + 1) * size);
    let lo = -1;
    let hi = -1;
    let broken = false;
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) {
        broken = true;
        continue;
      }
      if (lo < 0 || v < values[lo]!) lo = i;
      if (hi < 0 || v > values[hi]!) hi = i;
    }
    if (broken) points.push([from + 1, Number.NaN]);
    if (lo < 0) continue;
    const [first, second] = lo <= hi ? [lo, hi] : [hi, lo];
    points.push([first + 1, values[first]!]);
    if (second !== first) points.push([second + 1, values[second]!]);
  }
  return points;
}

/**
 * An exponential moving average of the steps, debiased at the start as
 * TensorBoard's smoothing is (so the first steps are not pulled towards 0),
 * as at most `maxPoints` points. `weight` near 1 smooths more.
 */
export function smoothedPoints(values: ArrayLike<number>, weight: number, maxPoints = 400): Point[] {
  const n = values.length;
  const every = Math.max(1, Math.ceil(n / maxPoints));
  const points: Point[] = [];
  let average = 0;
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      average = weight * average + (1 - weight) * v;
      seen++;
    }
    if (i % every === 0 || i === n - 1) points.push([i + 1, seen > 0 ? average / (1 - weight ** seen) : Number.NaN]);
  }
  return points;
}

/** A smoothing weight that averages over about a tenth of the steps, between 0.6 and 0.99. */
export function smoothingFor(steps: number): number {
  return Math.min(0.99, Math.max(0.6, 1 - 10 / Math.max(1, steps)));
}

/** How many of the latest steps the noise figure is measured over. */
export const NOISE_WINDOW = 1000;

/**
 * How much the loss jumps from one step to the next, as a share of the loss:
 * the mean of |loss(s) − loss(s−1)| over the latest NOISE_WINDOW steps,
 * divided by their mean loss. Over a window the trend moves the loss little,
 * so this is mostly the noise of each batch's sample. Null with fewer than
 * two finite steps.
 */
export function relativeStepNoise(values: ArrayLike<number>, window = NOISE_WINDOW): number | null {
  const from = Math.max(0, values.length - window);
  let jumps = 0;
  let pairs = 0;
  let sum = 0;
  let finite = 0;
  for (let i = from; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    sum += v;
    finite++;
    const prev = i > from ? values[i - 1]! : Number.NaN;
    if (Number.isFinite(prev)) {
      jumps += Math.abs(v - prev);
      pairs++;
    }
  }
  if (pairs === 0 || sum <= 0) return null;
  return jumps / pairs / (sum / finite);
}
