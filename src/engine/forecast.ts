import { rollOut } from '../data/forecast';
import type { ForecastProbe, TrainingData } from './protocol';

/** A model's outputs for `rows` inputs laid out as TrainingData's arrays, row-major. */
export type PredictRows = (x: Float32Array, rows: number) => Promise<Float32Array>;

/**
 * The 'forecast' probe, for whichever engine trains the run: one step ahead
 * on every training and validation window, and, when the inputs are the
 * predicted column alone, the roll-out on the model's own predictions from
 * the first validation window. Null for data that is not a series.
 */
export async function measureForecast(data: TrainingData, predict: PredictRows): Promise<ForecastProbe | null> {
  const series = data.series;
  if (!series || data.targetSize !== 1) return null;
  const inputSize = data.inputShape.reduce((a, b) => a * b, 1);
  const train = await predict(data.xTrain, data.xTrain.length / inputSize);
  const validation = await predict(data.xVal, data.xVal.length / inputSize);
  // The held-out end: the validation windows, unless the split was shuffled.
  const xFuture = series.xFuture ?? data.xVal;
  const future = series.xFuture ? await predict(series.xFuture, series.xFuture.length / inputSize) : null;
  // One model call per step of the end, each on one window: the stretch is
  // short (tens to a few hundred steps) and the view asks a few times a second at most.
  const fed = series.feedback && data.inputShape.length === 2 && data.inputShape[1] === 1
    ? await rollOut(xFuture, data.inputShape[0]!, series.horizon, async (input) => (await predict(input, 1))[0]!)
    : null;
  return { train, validation, ...(future ? { future } : {}), rollOut: fed };
}
