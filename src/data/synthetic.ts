import { createRng, type Rng } from './rng';
import type { Table } from './table';

/** Settings shared by the 2-D generators. */
export interface SyntheticOptions {
  /** Number of points. */
  numPoints: number;
  /** Standard deviation of the Gaussian noise added to each coordinate, in the units of the plane (points lie within about ±6). */
  noise: number;
  seed: number;
}

type PointMaker = (rng: Rng, index: number, count: number) => [x: number, y: number, label: number];

/** Two classes: a disk in the middle (label 1) and a ring around it (label 0). */
const circlePoint: PointMaker = (rng, index) => {
  const inner = index % 2 === 0;
  const radius = inner ? rng.uniform(0, 2.5) : rng.uniform(3.5, 5);
  const angle = rng.uniform(0, 2 * Math.PI);
  return [radius * Math.cos(angle), radius * Math.sin(angle), inner ? 1 : 0];
};

/** Two interleaved spiral arms, one per class, each turning 1.75 times. */
const spiralPoint: PointMaker = (rng, index, count) => {
  const label = index % 2;
  const t = Math.floor(index / 2) / Math.ceil(count / 2);
  const radius = 5 * t + 0.3 * rng.next();
  const angle = 1.75 * 2 * Math.PI * t + label * Math.PI;
  return [radius * Math.sin(angle), radius * Math.cos(angle), label];
};

/** The generators, by the id the dataset registry uses. */
export const generators = {
  circle: circlePoint,
  spiral: spiralPoint,
} as const satisfies Record<string, PointMaker>;

export type GeneratorName = keyof typeof generators;

/** Makes a labelled 2-D point set; the same options always give the same points. */
export function generate(name: GeneratorName, options: SyntheticOptions): Table {
  const { numPoints, noise, seed } = options;
  const rng = createRng(seed);
  const features = new Float32Array(numPoints * 2);
  const targets = new Float32Array(numPoints);
  for (let i = 0; i < numPoints; i++) {
    const [x, y, label] = generators[name](rng, i, numPoints);
    features[2 * i] = x + noise * rng.normal();
    features[2 * i + 1] = y + noise * rng.normal();
    targets[i] = label;
  }
  return {
    featureNames: ['x1', 'x2'],
    targetName: 'label',
    features,
    targets,
    numRows: numPoints,
    task: { kind: 'binary' },
    classNames: ['0', '1'],
  };
}
