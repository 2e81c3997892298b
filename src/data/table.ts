import type { TaskSpec } from '../model/task';

/**
 * How examples are shown: points on a plane, rows of a table, images, or a
 * time series (rows are time steps in order; an example is a window of them).
 */
export type Modality = 'plane' | 'tabular' | 'image' | 'series';

/** How a time series is cut into examples. */
export interface SeriesWindow {
  /** Steps of history in one example (the model sees [window, features]); whole number ≥ 1. */
  window: number;
  /** Steps after the window's last step whose value is predicted: 1 is the next step; whole number ≥ 1. */
  horizon: number;
}

/** What a series table knows beyond its values. */
export interface SeriesInfo extends SeriesWindow {
  /** Name of the time column (year, month), or null for a generated series counted in steps. */
  timeName: string | null;
  /** The time of each row as written in the file ("1958-03", "1700"), or null. */
  times: string[] | null;
}

/**
 * How an image set's pixels read: 'ink' (the shipped digits and
 * Fashion-MNIST: one channel, 0 blank paper, 1 full ink) or 'true'
 * (0 black, 1 white, grey or RGB, as a photo).
 */
export type ImageTones = 'ink' | 'true';

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
  /** For images: how their values read (see ImageTones); absent means 'ink'. */
  imageTones?: ImageTones;
  /** Per feature: a measured number (scaled) or a one-hot indicator (left as 0/1). */
  featureKinds?: ('numeric' | 'onehot')[];
  encodings?: Encoding[];
  /**
   * For a 2-D set whose inputs are computed from the points (engineered
   * features, see engineeredFeatures.ts): the points' own x1, x2, row after
   * row. Absent when the features are the coordinates themselves.
   */
  plane?: Float32Array;
  /**
   * Set for a time series (modality 'series'): each row is a time step, the
   * features are the input columns at that step and the target is the
   * predicted column at that step; examples are windows (see data/series.ts).
   */
  series?: SeriesInfo;
}

export function numFeatures(table: Table): number {
  return table.featureNames.length;
}

/** Shape of one example as the model's input layer takes it. */
export function inputShapeOf(table: Table): number[] {
  if (table.series) return [table.series.window, table.featureNames.length];
  return table.inputShape ?? [table.featureNames.length];
}
