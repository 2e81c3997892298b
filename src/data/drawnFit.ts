import type { DrawnSet } from './drawnPoints';
import type { GridSpec } from './grid';

/** How well the model's output over the plane fits the drawn points, read at each point's grid cell. */
export type DrawnFit =
  | { task: 'binary'; points: number; correct: number }
  | { task: 'regression'; points: number; meanAbsError: number };

/**
 * The model's output at (x1, x2): the value of the grid cell the point lies
 * in (top row first, as the boundary view draws it), or NaN off the grid.
 */
export function gridValueAt(grid: GridSpec, values: Float32Array, x1: number, x2: number): number {
  const col = Math.floor(((x1 - grid.xMin) / (grid.xMax - grid.xMin)) * grid.size);
  const row = Math.floor(((grid.yMax - x2) / (grid.yMax - grid.yMin)) * grid.size);
  if (col < 0 || row < 0 || col >= grid.size || row >= grid.size) return Number.NaN;
  return values[row * grid.size + col] ?? Number.NaN;
}

/**
 * For classes, how many drawn points lie on their own class's side of the
 * boundary (probability of class 1 at least 0.5 for class 1); for values,
 * the mean distance between the surface and the drawn values. Null when the
 * grid does not match its values.
 */
export function drawnFit(set: DrawnSet, grid: GridSpec, values: Float32Array): DrawnFit | null {
  if (values.length !== grid.size * grid.size || set.points.length === 0) return null;
  const outputs = set.points.map(([x, y]) => gridValueAt(grid, values, x, y));
  if (set.task === 'binary') {
    const correct = set.points.filter(([, , label], i) => (outputs[i]! >= 0.5 ? 1 : 0) === label).length;
    return { task: 'binary', points: set.points.length, correct };
  }
  const errors = set.points.map(([, , label], i) => Math.abs(outputs[i]! - label));
  return { task: 'regression', points: set.points.length, meanAbsError: errors.reduce((a, b) => a + b, 0) / errors.length };
}
