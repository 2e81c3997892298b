import type { SyntheticOptions } from './synthetic';
import type { Table } from './table';

/**
 * Engineered input features of a 2-D set, as TensorFlow Playground offers
 * them: the model's inputs are computed from each point's coordinates x1, x2
 * (in the plane's own units, before any scaling). With x1² and x2² a single
 * neuron draws a circle; with x1 and x2 alone it can only draw a line.
 */

/** Each feature and how it is computed from the point (sin in radians). */
const featureTable = {
  x1: { formula: 'x1', value: (x1: number) => x1 },
  x2: { formula: 'x2', value: (_x1: number, x2: number) => x2 },
  'x1²': { formula: 'x1 * x1', value: (x1: number) => x1 * x1 },
  'x2²': { formula: 'x2 * x2', value: (_x1: number, x2: number) => x2 * x2 },
  'x1·x2': { formula: 'x1 * x2', value: (x1: number, x2: number) => x1 * x2 },
  'sin(x1)': { formula: 'sin(x1)', value: (x1: number) => Math.sin(x1) },
  'sin(x2)': { formula: 'sin(x2)', value: (_x1: number, x2: number) => Math.sin(x2) },
} as const satisfies Record<string, { formula: string; value: (x1: number, x2: number) => number }>;

export type InputFeature = keyof typeof featureTable;

/** Every feature, in the order the checkboxes show them and the model takes them. */
export const inputFeatures = Object.keys(featureTable) as InputFeature[];

/** The plain coordinates: what a 2-D set feeds the model unless the person ticks others. */
export const DEFAULT_FEATURES: readonly InputFeature[] = ['x1', 'x2'];

/** A 2-D set's settings as the experiment holds them: the generator's options, and the inputs computed from each point (absent: x1, x2). */
export type PlaneSettings = SyntheticOptions & { features?: InputFeature[] };

export function isInputFeature(name: string): name is InputFeature {
  return Object.hasOwn(featureTable, name);
}

/** The value of one feature at a point. */
export function featureValue(name: InputFeature, x1: number, x2: number): number {
  return featureTable[name].value(x1, x2);
}

/** The chosen features in the model's order (the checkboxes' order), each once. */
export function orderedFeatures(chosen: readonly InputFeature[]): InputFeature[] {
  return inputFeatures.filter((name) => chosen.includes(name));
}

/** A feature and how it is computed from the point's x1, x2, as the model file writes it. */
export interface FeatureFormula {
  name: InputFeature;
  formula: string;
}

/** Each input of an engineered 2-D table and its formula in x1, x2 (for the model file); null when its inputs are the coordinates themselves. */
export function featureFormulas(table: Pick<Table, 'featureNames' | 'plane'>): FeatureFormula[] | null {
  if (!table.plane) return null;
  return table.featureNames.filter(isInputFeature).map((name) => ({ name, formula: featureTable[name].formula }));
}

const sameAsCoordinates = (chosen: readonly InputFeature[]): boolean => chosen.length === 2 && chosen[0] === 'x1' && chosen[1] === 'x2';

/**
 * A 2-D table whose two columns are the points' x1, x2 turned into one with
 * the chosen features as its columns (in the checkboxes' order). The points
 * stay in `plane`, for what draws them or builds a grid over the plane. The
 * plain x1, x2 give back the table itself; a table that is not a plain 2-D
 * one (already engineered, or of other data) is given back as it is.
 */
export function applyFeatures(table: Table, chosen: readonly InputFeature[]): Table {
  const names = orderedFeatures(chosen);
  if (table.modality !== 'plane' || table.plane || table.featureNames.length !== 2 || sameAsCoordinates(names)) return table;
  const width = names.length;
  const features = new Float32Array(table.numRows * width);
  const values = names.map((name) => featureTable[name].value);
  for (let r = 0; r < table.numRows; r++) {
    const x1 = table.features[2 * r]!;
    const x2 = table.features[2 * r + 1]!;
    for (let c = 0; c < width; c++) features[r * width + c] = values[c]!(x1, x2);
  }
  return { ...table, featureNames: names, features, plane: table.features, featureKinds: names.map(() => 'numeric') };
}

/** The points' coordinates x1, x2, row after row, of a 2-D table (engineered or not). */
export function planeCoordinates(table: Table): Float32Array {
  return table.plane ?? table.features;
}

/**
 * How a 2-D table's model inputs are computed from a point of the plane: the
 * engineered features of its columns, or the coordinates themselves for a
 * plain one (whatever its columns are named, as an uploaded 2-column CSV).
 */
export function pointInputs(table: Pick<Table, 'featureNames' | 'plane'>): readonly PointFunction[] {
  if (!table.plane) return coordinates;
  return table.featureNames.map((name) => {
    const value = featureFunction(name);
    if (!value) throw new Error(`"${name}" is not a feature computed from the point.`);
    return value;
  });
}

/** A model input as a function of the point's x1, x2. */
export type PointFunction = (x1: number, x2: number) => number;

/** The plain inputs: the first coordinate, then the second. */
export const coordinates: readonly PointFunction[] = [(x1) => x1, (_x1, x2) => x2];

/** A feature, by name, as a function of the point; null for a name that is none. */
export function featureFunction(name: string): PointFunction | null {
  return isInputFeature(name) ? featureTable[name].value : null;
}

/** Why a 2-D set with these features cannot train, in words; empty when it can. */
export function featureProblems(table: Table): string[] {
  return table.modality === 'plane' && table.featureNames.length === 0
    ? ['No input feature is ticked: tick at least one under "Input features" (x1 and x2 are the point itself).']
    : [];
}
