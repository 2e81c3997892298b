import { describe, expect, it } from 'vitest';
import { drawnFit, gridValueAt } from './drawnFit';
import { generate } from './synthetic';
import {
  addDrawnPoint,
  DRAW_RANGE,
  drawnFromTable,
  drawnSetProblem,
  drawnTable,
  emptyDrawnSet,
  eraseDrawnPoints,
  MAX_DRAWN_POINTS,
  withDrawnFeatures,
  withDrawnTask,
  type DrawnSet,
} from './drawnPoints';
import type { GridSpec } from './grid';

const withPoints = (points: DrawnSet['points'], task: DrawnSet['task'] = 'binary'): DrawnSet => ({ task, points });

describe('drawn points', () => {
  it('become a plane table like the generated sets, in the order drawn', () => {
    const table = drawnTable(withPoints([[1, 2, 0], [-3, 4.5, 1], [5, -5, 1]]));
    expect(table.featureNames).toEqual(['x1', 'x2']);
    expect(table.targetName).toBe('label');
    expect(table.modality).toBe('plane');
    expect(table.task).toEqual({ kind: 'binary' });
    expect(table.classNames).toEqual(['0', '1']);
    expect(table.numRows).toBe(3);
    expect(Array.from(table.features)).toEqual([1, 2, -3, 4.5, 5, -5]);
    expect(Array.from(table.targets)).toEqual([0, 1, 1]);
    const values = drawnTable(withPoints([[0, 0, 2.5]], 'regression'));
    expect(values.task).toEqual({ kind: 'regression' });
    expect(values.targetName).toBe('value');
    expect(values.classNames).toBeUndefined();
  });

  it('become a table of their input features when others than x1, x2 are chosen, keeping the points', () => {
    const set = withDrawnFeatures(withPoints([[1, 2, 0], [-3, 0.5, 1]]), ['x1·x2', 'x1²']);
    expect(set.features).toEqual(['x1²', 'x1·x2']);
    const table = drawnTable(set);
    expect(table.featureNames).toEqual(['x1²', 'x1·x2']);
    expect(Array.from(table.features)).toEqual([1, 2, 9, -1.5]);
    expect(Array.from(table.plane!)).toEqual([1, 2, -3, 0.5]);
    expect(table.featureKinds).toEqual(['numeric', 'numeric']);
    expect(Array.from(table.targets)).toEqual([0, 1]);
    // The same choice again leaves the set as it is; the task keeps the features.
    expect(withDrawnFeatures(set, ['x1²', 'x1·x2'])).toBe(set);
    expect(withDrawnTask(set, 'regression').features).toEqual(['x1²', 'x1·x2']);
    const none = drawnTable(withDrawnFeatures(set, []));
    expect(none.featureNames).toEqual([]);
    expect(none.features).toHaveLength(0);
  });

  it('are kept on the plane, rounded, with a label fit for the task', () => {
    let set = addDrawnPoint(emptyDrawnSet, 9, -7.123, 0.7);
    expect(set.points).toEqual([[6, -6, 1]]);
    set = addDrawnPoint(set, 1.23456, 0, 0.2);
    expect(set.points[1]).toEqual([1.23, 0, 0]);
    const values = addDrawnPoint(withPoints([], 'regression'), 0, 0, 1234.567);
    expect(values.points[0]![2]).toBe(100);
  });

  it('hold at most MAX_DRAWN_POINTS: one more changes nothing', () => {
    let set = emptyDrawnSet;
    for (let i = 0; i < MAX_DRAWN_POINTS; i++) set = addDrawnPoint(set, (i % 24) / 2 - 6, Math.floor(i / 24) / 2 - 6, i % 2);
    expect(set.points).toHaveLength(MAX_DRAWN_POINTS);
    expect(addDrawnPoint(set, 0, 0, 1)).toBe(set);
  });

  it('erase only the points near the pointer', () => {
    const set = withPoints([[0, 0, 0], [0.3, 0.3, 1], [3, 3, 1]]);
    expect(eraseDrawnPoints(set, 0.1, 0.1).points).toEqual([[3, 3, 1]]);
    expect(eraseDrawnPoints(set, -4, -4)).toBe(set);
  });

  it('say why they cannot train yet: too few, or one class only', () => {
    expect(drawnSetProblem(emptyDrawnSet)).toBe('Training needs at least 4 points; no points are drawn yet.');
    expect(drawnSetProblem(withPoints([[0, 0, 0], [1, 1, 1], [2, 2, 1]]))).toBe('Training needs at least 4 points; 3 points are drawn.');
    expect(drawnSetProblem(withPoints([[0, 0, 1], [1, 1, 1], [2, 2, 1], [3, 3, 1]]))).toBe('Training needs points of both classes; all 4 are class 1.');
    expect(drawnSetProblem(withPoints([[0, 0, 0], [1, 1, 1], [2, 2, 1], [3, 3, 1]]))).toBeNull();
    expect(drawnSetProblem(withPoints([[0, 0, 1], [1, 1, 1], [2, 2, 1], [3, 3, 1]], 'regression'))).toBeNull();
  });

  it('keep their places when the task changes; values become classes at 0.5', () => {
    const values = withPoints([[1, 1, 0.4], [2, 2, 3]], 'regression');
    expect(withDrawnTask(values, 'binary')).toEqual(withPoints([[1, 1, 0], [2, 2, 1]]));
    expect(withDrawnTask(values, 'regression')).toBe(values);
  });
});

describe('a drawing started from a generated set', () => {
  it('takes its first points, on the plane, with its task', () => {
    const moons = generate('moons', { numPoints: 300, noise: 0.2, seed: 1 });
    const set = drawnFromTable(moons, 50);
    expect(set.task).toBe('binary');
    expect(set.points).toHaveLength(50);
    // Kept on the plane: a point just past ±6 is moved onto its edge.
    const onPlane = (v: number) => Math.max(-DRAW_RANGE, Math.min(DRAW_RANGE, v));
    set.points.forEach(([x, y, label], r) => {
      expect(x).toBeCloseTo(onPlane(moons.features[2 * r]!), 2);
      expect(y).toBeCloseTo(onPlane(moons.features[2 * r + 1]!), 2);
      expect(label).toBe(moons.targets[r]);
    });
    const bumps = drawnFromTable(generate('multiGauss', { numPoints: 20, noise: 0, seed: 2 }));
    expect(bumps.task).toBe('regression');
    expect(bumps.points).toHaveLength(20);
    expect(drawnTable(bumps).task.kind).toBe('regression');
  });
});

describe('the fit to the drawn points', () => {
  // A 2×2 grid over [−2, 2]²: left column class 0, right column class 1.
  const grid: GridSpec = { size: 2, xMin: -2, xMax: 2, yMin: -2, yMax: 2 };
  const leftRight = Float32Array.from([0.1, 0.9, 0.2, 0.8]);

  it('reads the cell a point lies in, top row first', () => {
    expect(gridValueAt(grid, Float32Array.from([1, 2, 3, 4]), -1, 1)).toBe(1);
    expect(gridValueAt(grid, Float32Array.from([1, 2, 3, 4]), 1, -1)).toBe(4);
    expect(gridValueAt(grid, Float32Array.from([1, 2, 3, 4]), 5, 0)).toBeNaN();
  });

  it('counts the points on their own class’s side', () => {
    const set = withPoints([[-1, 1, 0], [-1, -1, 0], [1, 1, 1], [1, -1, 0]]);
    expect(drawnFit(set, grid, leftRight)).toEqual({ task: 'binary', points: 4, correct: 3 });
    expect(drawnFit(set, grid, new Float32Array(3))).toBeNull();
  });

  it('gives the mean distance to drawn values', () => {
    const fit = drawnFit(withPoints([[-1, 1, 0], [1, 1, 1]], 'regression'), grid, leftRight);
    expect(fit?.task).toBe('regression');
    expect(fit && fit.task === 'regression' ? fit.meanAbsError : NaN).toBeCloseTo(0.1);
  });
});
