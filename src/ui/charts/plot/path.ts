/** A point of a curve: the epoch and the value there. */
export type Point = readonly [x: number, y: number];

/**
 * An SVG path through `points`, mapped to pixels by `px` and `py`. A value the
 * axis cannot show (not finite, or not positive on a log axis) breaks the line
 * there instead of dropping it to the axis. Coordinates to a tenth of a pixel
 * keep the string short.
 */
export function linePath(points: readonly Point[], px: (x: number) => number, py: (y: number) => number, log: boolean): string {
  let d = '';
  let pen = false;
  // Points that fall in the same half-pixel column are drawn as that column's first, lowest,
  // highest and last values: the same picture, with a path of at most four points a column
  // (a 2,000-epoch curve, or 50,000 steps, would otherwise cost the page a frame to lay out).
  let column = Number.NaN;
  let x0 = 0;
  let first = 0;
  let last = 0;
  let low = 0;
  let high = 0;
  let lowAt = 0;
  let highAt = 0;
  let count = 0;
  const flush = (): void => {
    if (count === 0) return;
    const x = x0.toFixed(1);
    const ys = count === 1 ? [first] : lowAt < highAt ? [first, low, high, last] : [first, high, low, last];
    for (const y of ys) {
      d += `${pen ? 'L' : 'M'}${x} ${y.toFixed(1)}`;
      pen = true;
    }
    count = 0;
  };
  for (let i = 0; i < points.length; i++) {
    const [x, y] = points[i]!;
    if (!Number.isFinite(y) || (log && y <= 0)) {
      flush();
      pen = false;
      column = Number.NaN;
      continue;
    }
    const X = px(x);
    const Y = py(y);
    const at = Math.round(X * 2);
    if (at !== column) {
      flush();
      column = at;
      x0 = X;
      first = low = high = Y;
      lowAt = highAt = i;
    } else {
      if (Y < low) {
        low = Y;
        lowAt = i;
      }
      if (Y > high) {
        high = Y;
        highAt = i;
      }
    }
    last = Y;
    count++;
  }
  flush();
  return d;
}

/** The index of the point whose x is nearest `x`, in points sorted by x; -1 when there are none. */
export function nearestIndex(points: readonly Point[], x: number): number {
  if (points.length === 0) return -1;
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]![0] <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(points[lo]![0] - x) <= Math.abs(points[hi]![0] - x) ? lo : hi;
}

/** The smallest and largest finite values (positive ones only for a log axis) over all curves. */
export function valueRange(curves: readonly (readonly Point[])[], log: boolean): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const points of curves) {
    for (const [, y] of points) {
      if (!Number.isFinite(y) || (log && y <= 0)) continue;
      if (y < min) min = y;
      if (y > max) max = y;
    }
  }
  return [min, max];
}
