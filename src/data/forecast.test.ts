import { describe, expect, it } from 'vitest';
import { describeErrors, forecastLines, formatMae, maeAt, rollOut, seriesProbeSetup, unscale } from './forecast';
import { naiveForecastMae, prepareSeries } from './series';
import { seriesTable } from './seriesSources';

/** A "model" that predicts the mean of its window, so every roll-out value is checked by hand. */
const mean = (input: Float32Array): number => input.reduce((a, b) => a + b, 0) / input.length;

describe('rollOut: the model fed back on its own predictions', () => {
  it('horizon 1: after the first window, each new step is the previous prediction', async () => {
    // Series 1…6, split at row 4, window 2: validation windows rows 2–3 (→ row 4) and 3–4 (→ row 5).
    const xVal = Float32Array.from([3, 4, 4, 5]);
    const fed = await rollOut(xVal, 2, 1, mean);
    // Row 4 from [3, 4] = 3.5; row 5 from [4, prediction of row 4] = 3.75, never the true 5.
    expect(Array.from(fed)).toEqual([3.5, 3.75]);
  });

  it('horizon 2: true values up to the split, then the prediction made for that row', async () => {
    // Series 1…8, split at row 5, window 2, horizon 2: windows rows 2–3 (→ 5), 3–4 (→ 6), 4–5 (→ 7).
    const xVal = Float32Array.from([3, 4, 4, 5, 5, 6]);
    const fed = await rollOut(xVal, 2, 2, mean);
    // Rows 2–4 are training rows (kept); row 5 in the last window is the prediction for row 5 (3.5), not the true 6.
    expect(Array.from(fed)).toEqual([3.5, 4.5, 4.25]);
  });

  it('a model that is right one step ahead stays right fed back on itself', async () => {
    // A linear ramp and a "model" that extends the window's line: feeding it its own (exact) values changes nothing.
    const table = seriesTable('v', Float32Array.from({ length: 30 }, (_, i) => 2 * i + 1), null, null, { window: 3, horizon: 1 });
    const prepared = prepareSeries(table, 0.2, 'none');
    const extend = (w: Float32Array): number => 2 * w[2]! - w[1]!;
    const fed = await rollOut(prepared.xVal, 3, 1, extend);
    expect(Array.from(fed)).toEqual(Array.from(prepared.yVal));
  });
});

describe('the Forecast view’s errors', () => {
  it('unscales and measures MAE at the rows given', () => {
    expect(Array.from(unscale(Float32Array.from([0, 1, -1]), { offset: 10, scale: 2 }))).toEqual([10, 12, 8]);
    expect(maeAt([0, 10, 20, 30], [2, 3], [21, 27])).toBe(2);
    expect(maeAt([1], [], [])).toBeNaN();
  });

  it('puts the model’s MAEs beside the naive forecast’s, in the series’ units', () => {
    // Squares 0, 1, 4, …, 81; window 2, validation rows 8 and 9 (64 and 81): naive errors 15 and 17.
    const table = seriesTable('v', Float32Array.from({ length: 10 }, (_, i) => i * i), null, null, { window: 2, horizon: 1 });
    const prepared = prepareSeries(table, 0.2, 'standard');
    const { offset, scale } = prepared.targetScaling;
    const scaled = (values: number[]): Float32Array => Float32Array.from(values, (v) => (v - offset) / scale);
    // Training one-step exact; validation 60 and 85 (errors 4, 4); fed back 50 and 60 (errors 14, 21).
    const forecast = { train: scaled(Array.from(prepared.trainRows, (row) => row * row)), validation: scaled([60, 85]), rollOut: scaled([50, 60]) };
    const lines = forecastLines(table, prepared, forecast);
    expect(Array.from(lines.naive)).toEqual([49, 64]);
    expect(lines.errors.naive).toBe(naiveForecastMae(table, 0.2, 'standard').mae);
    expect(lines.errors.naive).toBe(16);
    expect(lines.errors.oneStep).toBeCloseTo(4, 4);
    expect(lines.errors.rollOut).toBeCloseTo(17.5, 4);
    expect(lines.train[3]).toBeCloseTo(prepared.trainRows[3]! ** 2, 3);
    expect(describeErrors(lines.errors)).toBe('Naive forecast MAE 16.0; model one-step MAE 4.0; model fed back on itself MAE 17.5');
    expect(describeErrors({ ...lines.errors, rollOut: null })).toBe('Naive forecast MAE 16.0; model one-step MAE 4.0');
  });

  it('formats errors for a sentence and feeds back only a series that predicts its only input', () => {
    expect([formatMae(123.4), formatMae(21.34), formatMae(0.41234), formatMae(Number.NaN), formatMae(null)]).toEqual(['123', '21.3', '0.412', '—', '—']);
    const table = seriesTable('v', Float32Array.from({ length: 10 }, (_, i) => i), null, null, { window: 2, horizon: 3 });
    expect(seriesProbeSetup(table)).toEqual({ horizon: 3, feedback: true });
    expect(seriesProbeSetup({ ...table, featureNames: ['v', 'w'] })?.feedback).toBe(false);
    expect(seriesProbeSetup({ ...table, series: undefined })).toBeNull();
  });
});
