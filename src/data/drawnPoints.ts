import { applyFeatures, DEFAULT_FEATURES, orderedFeatures, type InputFeature } from './engineeredFeatures';
import type { Table } from './table';

/**
 * A point the person placed on the plane: x1, x2 and its label (a class 0/1
 * for classification, a number for regression). A tuple keeps the stored
 * and shared form short: a link carries every point.
 */
export type DrawnPoint = [x1: number, x2: number, label: number];

/** What the drawn points pose: two classes, or a value to predict. */
export type DrawnTask = 'binary' | 'regression';

export interface DrawnSet {
  task: DrawnTask;
  points: DrawnPoint[];
  /**
   * The inputs the model reads from each point, as the generated 2-D sets'
   * "Input features" (absent: x1, x2). Kept with the points, not with the
   * generated sets' options: those start over with each set picked, while
   * the drawn set (and how it is read) stays in the page meanwhile.
   */
  features?: InputFeature[];
}

/** The plane the points are drawn on runs from −6 to 6 on both axes, as the generated sets do. */
export const DRAW_RANGE = 6;

/**
 * The most points a drawn set holds. At the longest every point takes about
 * 22 characters of a link once encoded, so 500 stay well inside the link's
 * 20,000 (share.ts); a test checks the worst case.
 */
export const MAX_DRAWN_POINTS = 500;

/** Regression values are kept within ±this. */
export const MAX_DRAWN_VALUE = 100;

/** Fewest points a drawn set trains on. */
export const MIN_DRAWN_POINTS = 4;

/** How near (in plane units) a point must be to the pointer to be erased. */
export const ERASE_RADIUS = 0.6;

export const emptyDrawnSet: DrawnSet = { task: 'binary', points: [] };

/** A coordinate kept on the plane and rounded to hundredths (finer than a pixel of the plot). */
export function snapCoordinate(value: number): number {
  const clamped = Math.max(-DRAW_RANGE, Math.min(DRAW_RANGE, value));
  return Math.round(clamped * 100) / 100 || 0;
}

/** A label fit for the task: a class 0/1, or a value rounded to hundredths within the allowed range. */
export function snapLabel(task: DrawnTask, label: number): number {
  if (task === 'binary') return label >= 0.5 ? 1 : 0;
  if (!Number.isFinite(label)) return 0;
  const clamped = Math.max(-MAX_DRAWN_VALUE, Math.min(MAX_DRAWN_VALUE, label));
  return Math.round(clamped * 100) / 100 || 0;
}

/** The set with one more point; the same set (unchanged object) when it is full. */
export function addDrawnPoint(set: DrawnSet, x1: number, x2: number, label: number): DrawnSet {
  if (set.points.length >= MAX_DRAWN_POINTS) return set;
  return { ...set, points: [...set.points, [snapCoordinate(x1), snapCoordinate(x2), snapLabel(set.task, label)]] };
}

/** The set without the points within `radius` of (x1, x2); the same object when none were that near. */
export function eraseDrawnPoints(set: DrawnSet, x1: number, x2: number, radius = ERASE_RADIUS): DrawnSet {
  const kept = set.points.filter(([x, y]) => (x - x1) ** 2 + (y - x2) ** 2 > radius * radius);
  return kept.length === set.points.length ? set : { ...set, points: kept };
}

/** The set posing another task: labels become classes (at 0.5 and above, class 1) or stay as values. */
export function withDrawnTask(set: DrawnSet, task: DrawnTask): DrawnSet {
  if (task === set.task) return set;
  return { ...set, task, points: set.points.map(([x, y, label]) => [x, y, snapLabel(task, label)]) };
}

/** The set read through other input features (in the checkboxes' order); the same object when they are the ones it has. */
export function withDrawnFeatures(set: DrawnSet, chosen: readonly InputFeature[]): DrawnSet {
  const features = orderedFeatures(chosen);
  const before = set.features ?? DEFAULT_FEATURES;
  if (features.length === before.length && features.every((name, i) => name === before[i])) return set;
  return { ...set, features };
}

/**
 * Why the drawn set cannot train yet, in words, or null when it can: too
 * few points, or (for classes) only one class.
 */
export function drawnSetProblem(set: DrawnSet): string | null {
  const count = set.points.length;
  const drawn = count === 0 ? 'no points are drawn yet' : `${count} point${count === 1 ? ' is' : 's are'} drawn`;
  if (count < MIN_DRAWN_POINTS) return `Training needs at least ${MIN_DRAWN_POINTS} points; ${drawn}.`;
  if (set.task === 'binary') {
    const ones = set.points.filter(([, , label]) => label === 1).length;
    if (ones === 0 || ones === count) return `Training needs points of both classes; all ${count} are class ${ones === 0 ? 0 : 1}.`;
  }
  return null;
}

/** Points a set started from another 2-D set takes from it: enough to show its shape, few enough to draw over. */
export const STARTER_POINTS = 100;

/**
 * A drawn set begun from a 2-D table's first rows (their coordinates kept on
 * the plane and rounded), posing that table's task; the person draws on from there.
 */
export function drawnFromTable(table: Table, count = STARTER_POINTS): DrawnSet {
  const task: DrawnTask = table.task.kind === 'regression' ? 'regression' : 'binary';
  const rows = Math.min(count, table.numRows, MAX_DRAWN_POINTS);
  const points: DrawnPoint[] = [];
  for (let r = 0; r < rows; r++) {
    points.push([snapCoordinate(table.features[2 * r]!), snapCoordinate(table.features[2 * r + 1]!), snapLabel(task, table.targets[r]!)]);
  }
  return { task, points };
}

/**
 * The drawn points as a table like the generated 2-D sets': target label or
 * value, rows in the order drawn, and as inputs the set's features computed
 * from each point (x1, x2 themselves unless others are chosen; the points
 * then stay in the table's `plane`).
 */
export function drawnTable(set: DrawnSet): Table {
  return applyFeatures(drawnPointsTable(set), set.features ?? DEFAULT_FEATURES);
}

/** The drawn points as a table with x1, x2 as its columns. */
function drawnPointsTable(set: DrawnSet): Table {
  const { points, task } = set;
  const features = new Float32Array(points.length * 2);
  const targets = new Float32Array(points.length);
  points.forEach(([x, y, label], i) => {
    features[2 * i] = x;
    features[2 * i + 1] = y;
    targets[i] = label;
  });
  return {
    featureNames: ['x1', 'x2'],
    targetName: task === 'binary' ? 'label' : 'value',
    features,
    targets,
    numRows: points.length,
    task: { kind: task },
    modality: 'plane',
    ...(task === 'binary' ? { classNames: ['0', '1'] } : {}),
  };
}
