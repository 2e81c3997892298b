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
  for (const [x, y] of points) {
    if (!Number.isFinite(y) || (log && y <= 0)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px(x).toFixed(1)} ${py(y).toFixed(1)}`;
    pen = true;
  }
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
