import type { TaskSpec } from '../model/task';

/**
 * A dataset ready for a model: one row per example, numeric features stored
 * row-major, one target per row (a class index for classification).
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
  /** Names of the classes, by index, for classification. */
  classNames?: string[];
}

export function numFeatures(table: Table): number {
  return table.featureNames.length;
}
