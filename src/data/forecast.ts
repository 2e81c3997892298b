import type { PreparedData } from './prepare';
import { naiveMaeOn, type PreparedSeries, type TargetScaling } from './series';
import type { Table } from './table';

/*
 * The Forecast view's arithmetic, pure so it is checked by hand in Vitest:
 * a model rolled out on its own predictions, and the errors of the model and
 * of the naive forecast in the series' own units.
 */

/**
 * Feeds a one-column series model its own predictions. `xVal` holds the
 * validation windows (numVal × window values, in time order, one column on
 * the target's scale); window i predicts row split + i, so its step j is
 * row split + i + j − window − horizon + 1. Steps before the split keep
 * their true values; steps at or after it take the model's earlier
 * prediction for that row, so the forecast never sees a validation value.
 * Returns one prediction per validation window, in the same scaled units.
 */
export async function rollOut(
  xVal: Float32Array,
  window: number,
  horizon: number,
  predictOne: (input: Float32Array) => number | Promise<number>,
): Promise<Float32Array> {
  const numVal = Math.floor(xVal.length / window);
  const predictions = new Float32Array(numVal);
  const input = new Float32Array(window);
  for (let i = 0; i < numVal; i++) {
    for (let j = 0; j < window; j++) {
      const fed = i + j - window - horizon + 1;
      input[j] = fed >= 0 ? predictions[fed]! : xVal[i * window + j]!;
    }
    predictions[i] = await predictOne(input);
  }
  return predictions;
}

/** What the worker needs to roll a series model out on its own predictions. */
export interface SeriesProbeSetup {
  /** Steps ahead each example predicts. */
  horizon: number;
  /**
   * With a shuffled split, the windows of the held-out end (in time order),
   * which the validation windows are not; absent for a chronological split,
   * where the validation windows are that end.
   */
  xFuture?: Float32Array;
  /**
   * The inputs are the predicted column alone, on the target's scale, so a
   * prediction can be fed back as the next input step; otherwise there is no roll-out.
   */
  feedback: boolean;
}

/**
 * What the worker needs for a series' roll-out. A prediction can be fed back
 * only when the inputs are the predicted column alone: then the target is
 * scaled as that input is (see prepareSeries), and no other column would
 * need forecasting too.
 */
export function seriesProbeSetup(table: Table, prepared?: PreparedData | PreparedSeries): SeriesProbeSetup | null {
  if (!table.series) return null;
  const setup = { horizon: table.series.horizon, feedback: table.featureNames.length === 1 && table.featureNames[0] === table.targetName };
  return prepared && 'shuffled' in prepared && prepared.shuffled ? { ...setup, xFuture: prepared.xFuture } : setup;
}

/**
 * A series model's predictions, in the scaled units it trains on: one step
 * ahead on every training and validation window (in time order, as xTrain
 * and xVal), and fed back on its own predictions from the first validation
 * window on (see rollOut), one value per validation window.
 */
export interface ScaledForecast {
  train: Float32Array;
  validation: Float32Array;
  /** One step ahead on the held-out end, when the split was shuffled (else that end is `validation`). */
  future?: Float32Array;
  /** From the first window of the held-out end on; null when the inputs are not the predicted column alone (see SeriesProbeSetup). */
  rollOut: Float32Array | null;
}

/** Scaled model outputs back in the series' units (y = y' · scale + offset). */
export function unscale(values: Float32Array, { offset, scale }: TargetScaling): Float32Array {
  return values.map((v) => v * scale + offset);
}

/** Mean absolute error of `predicted[i]` against `targets[rows[i]]`, in the targets' units; NaN with no rows. */
export function maeAt(targets: ArrayLike<number>, rows: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const n = Math.min(rows.length, predicted.length);
  if (n === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(targets[rows[i]!]! - predicted[i]!);
  return sum / n;
}

/** The errors the Forecast view compares on the held-out end of the series, in the series' units. */
export interface ForecastErrors {
  naive: number;
  oneStep: number;
  /** Null without a roll-out (inputs other than the predicted column). */
  rollOut: number | null;
  /** With a shuffled split: the one-step error on the randomly drawn validation windows, the number val_loss reflects. */
  shuffledValidation: number | null;
}

/** One number at a sensible precision for a sentence ("21.3", "0.412"). */
export const formatMae = (value: number | null): string =>
  value === null || !Number.isFinite(value) ? '—' : Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(1) : value.toPrecision(3);

/**
 * "Naive forecast MAE 21.3; model one-step MAE 14.2; model fed back on itself
 * MAE 30.1", led by the shuffled validation windows' MAE when there are any.
 */
export function describeErrors({ naive, oneStep, rollOut: fed, shuffledValidation }: ForecastErrors): string {
  const parts = [`Naive forecast MAE ${formatMae(naive)}`, `model one-step MAE ${formatMae(oneStep)}`];
  if (fed !== null) parts.push(`model fed back on itself MAE ${formatMae(fed)}`);
  const future = parts.join('; ');
  return shuffledValidation === null ? future : `Shuffled validation windows: model MAE ${formatMae(shuffledValidation)}. The future (the held-out end): ${future.charAt(0).toLowerCase()}${future.slice(1)}`;
}

/** The Forecast view's lines in the series' units, each value paired with the table row it is for. */
export interface ForecastLines {
  /** One-step predictions for `trainRows`, `validationRows` and `futureRows` (the validation rows but for a shuffled split). */
  train: Float32Array;
  validation: Float32Array;
  future: Float32Array;
  /** For `futureRows`; null without a roll-out. */
  rollOut: Float32Array | null;
  /** The naive forecast for `futureRows`: the value `horizon` steps before. */
  naive: Float32Array;
  errors: ForecastErrors;
}

/**
 * Unscales a forecast probe and measures it on the validation rows against
 * the naive forecast. `prepared` must be the run's own windows (the same
 * split and scaling), so its rows pair with the probe's values.
 */
export function forecastLines(table: Table, prepared: PreparedSeries, forecast: ScaledForecast): ForecastLines {
  const horizon = table.series?.horizon ?? 1;
  const train = unscale(forecast.train, prepared.targetScaling);
  const validation = unscale(forecast.validation, prepared.targetScaling);
  const future = forecast.future ? unscale(forecast.future, prepared.targetScaling) : validation;
  const fed = forecast.rollOut ? unscale(forecast.rollOut, prepared.targetScaling) : null;
  const rows = prepared.futureRows;
  const naive = Float32Array.from(rows, (row) => table.targets[row - horizon]!);
  return {
    train,
    validation,
    future,
    rollOut: fed,
    naive,
    errors: {
      // On the rows the probe pairs with, not the table windowed once more: this runs at each probe.
      naive: naiveMaeOn(table, rows, horizon),
      oneStep: maeAt(table.targets, rows, future),
      rollOut: fed ? maeAt(table.targets, rows, fed) : null,
      shuffledValidation: prepared.shuffled ? maeAt(table.targets, prepared.validationRows, validation) : null,
    },
  };
}
