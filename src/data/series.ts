import type { ScalingKind } from '../model/preprocessing';
import type { SeriesSplitMode } from '../model/trainingConfig';
import type { PreparedData } from './prepare';
import { fitScaler, type Scaler } from './scaler';
import { shuffledIndices, splitSizes } from './split';
import type { SeriesWindow, Table } from './table';

/*
 * Time series cut into examples. Example k is the window of rows
 * k … k + window − 1 (every input column at each step) and its target is
 * the predicted column at row t = k + window − 1 + horizon. Time is never
 * shuffled into the split: the validation part is the END of the series, and
 * a window counts as training only if every row it touches, target included,
 * lies before the split, so no training example has seen a validation step.
 *
 * The 'shuffled' split is the mistake the lesson "Why not shuffle time?"
 * shows: the windows before the split are shuffled and a random part of them
 * validates, as for a table. The end of the series stays held out as the
 * future, so the view can put the flattering val_loss beside how the model
 * really forecasts what comes after its data.
 */

/** How the windows are divided: by time, or at random with a seed (the lesson's mistake). */
export interface SplitChoice {
  mode: SeriesSplitMode;
  seed: number;
}

export const chronological: SplitChoice = { mode: 'chronological', seed: 0 };

/** How the series' rows divide: training rows are 0 … split − 1, validation rows split … end. */
export interface SeriesSplit {
  /** First row of the validation part. */
  split: number;
  /** Start row k of each training window, in time order. */
  trainStarts: number[];
  /** Start row k of each validation window, in time order: its target lies at or after `split` (chronological) or before it, drawn at random (shuffled). */
  validationStarts: number[];
  /** Start row k of each window whose target lies at or after `split`, in time order: the future the forecast is judged on. */
  futureStarts: number[];
}

/** Row of the value an example starting at `start` predicts. */
export const targetRow = (start: number, { window, horizon }: SeriesWindow): number => start + window - 1 + horizon;

/** Problems with a window setup for a series of `numRows` steps, in plain words; empty when it fits. */
export function checkWindow(numRows: number, settings: SeriesWindow, validationSplit: number): string[] {
  const { window, horizon } = settings;
  const problems: string[] = [];
  if (!(Number.isInteger(window) && window >= 1)) problems.push(`Window must be a whole number of steps, 1 or more (it is ${window}).`);
  if (!(Number.isInteger(horizon) && horizon >= 1)) problems.push(`Horizon must be a whole number of steps, 1 or more (it is ${horizon}).`);
  if (problems.length > 0) return problems;
  const { split } = splitPoint(numRows, validationSplit);
  if (split - window - horizon + 1 < 2) {
    problems.push(
      `A window of ${window} steps predicting ${horizon} ahead leaves fewer than 2 training examples in the first ${split} of ${numRows} steps; shorten the window or the horizon, or lower the validation split.`,
    );
  }
  return problems;
}

/** The first validation row: the last `validationSplit` of the steps (at least one) are held out, as many as a shuffled split would hold out. */
function splitPoint(numRows: number, validationSplit: number): { split: number } {
  return { split: splitSizes(numRows, validationSplit).train };
}

/** The split of a series' windows: chronological, or shuffled before the held-out end. */
export function splitSeries(numRows: number, settings: SeriesWindow, validationSplit: number, choice: SplitChoice = chronological): SeriesSplit {
  const { split } = splitPoint(numRows, validationSplit);
  const before: number[] = [];
  const futureStarts: number[] = [];
  for (let start = 0; targetRow(start, settings) < numRows; start++) {
    (targetRow(start, settings) < split ? before : futureStarts).push(start);
  }
  if (choice.mode === 'chronological') return { split, trainStarts: before, validationStarts: futureStarts, futureStarts };
  // As a table is split: the same share held out, drawn with the seed; each part kept in time order.
  const order = shuffledIndices(before.length, choice.seed);
  const held = new Set(Array.from(order.subarray(0, splitSizes(before.length, validationSplit).validation)));
  return {
    split,
    trainStarts: before.filter((_, i) => !held.has(i)),
    validationStarts: before.filter((_, i) => held.has(i)),
    futureStarts,
  };
}

/**
 * Scale of the predicted column, `y' = (y − offset) / scale`: the input
 * column's own statistics when the series predicts itself (so the last input
 * step and the target are on one scale), else fitted on the training rows.
 */
export interface TargetScaling {
  offset: number;
  scale: number;
}

function targetScaling(table: Table, scaler: Scaler, scaling: ScalingKind, split: number): TargetScaling {
  const own = table.featureNames.indexOf(table.targetName);
  if (own >= 0) return { offset: scaler.offset[own]!, scale: scaler.scale[own]! };
  const rows = Array.from({ length: split }, (_, i) => i);
  const fitted = fitScaler(scaling, table.targets, 1, rows);
  return { offset: fitted.offset[0]!, scale: fitted.scale[0]! };
}

/**
 * The input scaler and the target's scale of a series, fitted on the
 * training rows (0 … split − 1): what prepareSeries scales with, without
 * cutting any window, for views that only need the scale.
 */
export function seriesScaling(table: Table, validationSplit: number, scaling: ScalingKind): { scaler: Scaler; target: TargetScaling; split: number } {
  const { split } = splitPoint(table.numRows, validationSplit);
  const trainingRows = Array.from({ length: split }, (_, i) => i);
  const scaler = fitScaler(scaling, table.features, table.featureNames.length, trainingRows, table.featureKinds?.map((kind) => kind === 'numeric') ?? []);
  return { scaler, target: targetScaling(table, scaler, scaling, split), split };
}

/** Mean absolute error of the naive forecast (row t predicted as row t − horizon) over `rows`, in the series' units. */
export function naiveMaeOn(table: Table, rows: ArrayLike<number>, horizon: number): number {
  let sum = 0;
  for (let i = 0; i < rows.length; i++) sum += Math.abs(table.targets[rows[i]!]! - table.targets[rows[i]! - horizon]!);
  return sum / Math.max(1, rows.length);
}

/** Windowed, scaled arrays for a series table, with what the forecast views need. */
export interface PreparedSeries extends PreparedData {
  targetScaling: TargetScaling;
  /** The split the arrays follow. */
  seriesSplit: SeriesSplit;
  /** Windows whose target is at or after the split, in time order: the validation windows themselves unless the split was shuffled. */
  xFuture: Float32Array;
  futureRows: Uint32Array;
  /** Whether the validation windows were drawn at random from before the split. */
  shuffled: boolean;
}

/**
 * Windows a series table: the scaler is fitted on the training rows
 * (0 … split − 1) only; inputs are numExamples × window × features,
 * row-major; targets are the scaled predicted values. `trainRows` and
 * `validationRows` hold each example's target row.
 */
export function prepareSeries(table: Table, validationSplit: number, scaling: ScalingKind, choice: SplitChoice = chronological): PreparedSeries {
  const settings = table.series;
  if (!settings) throw new Error('prepareSeries needs a time-series table.');
  const problems = checkWindow(table.numRows, settings, validationSplit);
  if (problems.length > 0) throw new Error(problems.join(' '));
  const seriesSplit = splitSeries(table.numRows, settings, validationSplit, choice);
  const cols = table.featureNames.length;
  const { scaler, target } = seriesScaling(table, validationSplit, scaling);
  const windows = (starts: readonly number[]): { x: Float32Array; y: Float32Array; rows: Uint32Array } => {
    const x = new Float32Array(starts.length * settings.window * cols);
    const y = new Float32Array(starts.length);
    const rows = new Uint32Array(starts.length);
    starts.forEach((start, i) => {
      for (let step = 0; step < settings.window; step++) {
        for (let c = 0; c < cols; c++) {
          const v = table.features[(start + step) * cols + c]!;
          x[(i * settings.window + step) * cols + c] = ((Number.isNaN(v) ? scaler.fill[c]! : v) - scaler.offset[c]!) / scaler.scale[c]!;
        }
      }
      rows[i] = targetRow(start, settings);
      y[i] = (table.targets[rows[i]!]! - target.offset) / target.scale;
    });
    return { x, y, rows };
  };
  const train = windows(seriesSplit.trainStarts);
  const validation = windows(seriesSplit.validationStarts);
  const shuffled = choice.mode === 'shuffled';
  const future = shuffled ? windows(seriesSplit.futureStarts) : validation;
  return {
    xTrain: train.x,
    yTrain: train.y,
    xVal: validation.x,
    yVal: validation.y,
    numTrain: train.rows.length,
    numVal: validation.rows.length,
    inputShape: [settings.window, cols],
    targetSize: 1,
    scaler,
    trainRows: train.rows,
    validationRows: validation.rows,
    targetScaling: target,
    seriesSplit,
    xFuture: future.x,
    futureRows: future.rows,
    shuffled,
  };
}

/**
 * The naive forecast on the held-out end of the series (the validation part
 * of a chronological split): "the value `horizon` steps on equals the last
 * one seen", i.e. the prediction for row t is the value at row t − horizon.
 * Its mean absolute error, in the series' units and in the scaled units the
 * model's loss is measured in, is the bar a model must beat.
 */
export function naiveForecastMae(table: Table, validationSplit: number, scaling: ScalingKind = 'standard'): { mae: number; scaledMae: number } {
  const settings = table.series;
  if (!settings) throw new Error('naiveForecastMae needs a time-series table.');
  const problems = checkWindow(table.numRows, settings, validationSplit);
  if (problems.length > 0) throw new Error(problems.join(' '));
  const future = splitSeries(table.numRows, settings, validationSplit).futureStarts.map((start) => targetRow(start, settings));
  const mae = naiveMaeOn(table, future, settings.horizon);
  return { mae, scaledMae: mae / seriesScaling(table, validationSplit, scaling).target.scale };
}

/**
 * Every target of a series in the units the model is trained and judged in
 * (scaled with the training part's statistics, as prepareSeries scales
 * them), for charts that put predictions beside the series.
 */
export function scaledSeriesTargets(table: Table, validationSplit: number, scaling: ScalingKind): Float32Array {
  const { target: t } = seriesScaling(table, validationSplit, scaling);
  return table.targets.map((v) => (v - t.offset) / t.scale);
}
