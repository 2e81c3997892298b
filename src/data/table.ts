import type { TaskSpec } from '../model/task';

/** How examples are shown: points on a plane, rows of a table, or images. */
export type Modality = 'plane' | 'tabular' | 'image';

/** How a categorical column was turned into 0/1 features, kept for the model file. */
export interface Encoding {
  column: string;
  categories: string[];
}

/**
 * A dataset ready for a model: one row per example, numeric features stored
 * row-major (NaN marks a missing value to be filled from the training rows),
 * one target per row (a class index for classification).
 */
export interface Table {
  featureNames: string[];
  targetName: string;
  /** numRows × featureNames.length values, row after row. */
  features: Float32Array;
  /** numRows targets: a number (regression), 0/1 (binary) or a class index. */
  targets: Float32Array;
  numRows: number;
  task: TaskSpec;
  modality: Modality;
  /** Names of the classes, by index, for classification. */
  classNames?: string[];
  /** Shape of one example: [features] for tables (the default), [height, width, channels] for images. */
  inputShape?: number[];
  /** Per feature: a measured number (scaled) or a one-hot indicator (left as 0/1). */
  featureKinds?: ('numeric' | 'onehot')[];
  encodings?: Encoding[];
}

export function numFeatures(table: Table): number {
  return table.featureNames.length;
}

/** Shape of one example as the model's input layer takes it. */
export function inputShapeOf(table: Table): number[] {
  return table.inputShape ?? [table.featureNames.length];
}
