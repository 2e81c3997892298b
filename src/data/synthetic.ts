import type { TaskSpec } from '../model/task';
import { createRng, type Rng } from './rng';
import type { Table } from './table';

/** Settings shared by the 2-D generators. */
export interface SyntheticOptions {
  /** Number of points. */
  numPoints: number;
  /**
   * Standard deviation of the Gaussian noise added to each coordinate after
   * the label is set, in the units of the plane (points lie within about ±6).
   */
  noise: number;
  seed: number;
}

/** One point and its label (a class 0/1, or a number for regression). */
type PointMaker = (rng: Rng, index: number, count: number) => [x: number, y: number, label: number];

/** Two classes: a disk in the middle (label 1) and a ring around it (label 0). */
const circle: PointMaker = (rng, index) => {
  const inner = index % 2 === 0;
  const radius = inner ? rng.uniform(0, 2.5) : rng.uniform(3.5, 5);
  const angle = rng.uniform(0, 2 * Math.PI);
  return [radius * Math.cos(angle), radius * Math.sin(angle), inner ? 1 : 0];
};

/** Two interleaved spiral arms, one per class, each turning 1.75 times. */
const spiral: PointMaker = (rng, index, count) => {
  const label = index % 2;
  const t = Math.floor(index / 2) / Math.ceil(count / 2);
  const radius = 5 * t + 0.3 * rng.next();
  const angle = 1.75 * 2 * Math.PI * t + label * Math.PI;
  return [radius * Math.sin(angle), radius * Math.cos(angle), label];
};

/** The four quadrants, diagonal ones alike: no single line separates them. */
const xor: PointMaker = (rng) => {
  // Keep a small margin off the axes so the classes are clean without noise.
  const coordinate = () => (rng.next() < 0.5 ? -1 : 1) * rng.uniform(0.3, 5);
  const x = coordinate();
  const y = coordinate();
  return [x, y, x * y > 0 ? 1 : 0];
};

/** Two round clouds around (2, 2) and (−2, −2). */
const gauss: PointMaker = (rng, index) => {
  const label = index % 2;
  const centre = label === 1 ? 2 : -2;
  return [centre + rng.normal(), centre + rng.normal(), label];
};

/** Two interlocking half-moons. */
const moons: PointMaker = (rng, index) => {
  const label = index % 2;
  const t = rng.uniform(0, Math.PI);
  const [x, y] = label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
  return [(x - 0.5) * 4, (y - 0.25) * 4, label];
};

/** Regression: the height of a tilted plane, (x + y) / 6, between −2 and 2. */
const plane: PointMaker = (rng) => {
  const x = rng.uniform(-6, 6);
  const y = rng.uniform(-6, 6);
  return [x, y, (x + y) / 6];
};

/** Regression: the sum of four Gaussian bumps, two up and two down. */
const bumps: [cx: number, cy: number, height: number][] = [
  [-3, 3, 1],
  [3, -3, 1],
  [3, 3, -1],
  [-3, -3, -1],
];
const multiGauss: PointMaker = (rng) => {
  const x = rng.uniform(-6, 6);
  const y = rng.uniform(-6, 6);
  const value = bumps.reduce((sum, [cx, cy, h]) => sum + h * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / 8), 0);
  return [x, y, value];
};

/** The generators, by the id the dataset registry uses, with the task their labels pose. */
export const generators = {
  circle: { make: circle, task: { kind: 'binary' } },
  xor: { make: xor, task: { kind: 'binary' } },
  gauss: { make: gauss, task: { kind: 'binary' } },
  spiral: { make: spiral, task: { kind: 'binary' } },
  moons: { make: moons, task: { kind: 'binary' } },
  plane: { make: plane, task: { kind: 'regression' } },
  multiGauss: { make: multiGauss, task: { kind: 'regression' } },
} as const satisfies Record<string, { make: PointMaker; task: TaskSpec }>;

export type GeneratorName = keyof typeof generators;

/** Makes a 2-D point set; the same options always give the same points. */
export function generate(name: GeneratorName, options: SyntheticOptions): Table {
  const { numPoints, noise, seed } = options;
  const rng = createRng(seed);
  const { make, task } = generators[name];
  const features = new Float32Array(numPoints * 2);
  const targets = new Float32Array(numPoints);
  for (let i = 0; i < numPoints; i++) {
    const [x, y, label] = make(rng, i, numPoints);
    features[2 * i] = x + noise * rng.normal();
    features[2 * i + 1] = y + noise * rng.normal();
    targets[i] = label;
  }
  return {
    featureNames: ['x1', 'x2'],
    targetName: task.kind === 'binary' ? 'label' : 'value',
    features,
    targets,
    numRows: numPoints,
    task,
    modality: 'plane',
    ...(task.kind === 'binary' ? { classNames: ['0', '1'] } : {}),
  };
}
