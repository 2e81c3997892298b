import { describe, expect, it } from 'vitest';
import { forecastLines } from './forecast';
import { prepareData } from './prepare';
import { naiveForecastMae, prepareSeries, splitSeries, targetRow } from './series';
import { seriesTable } from './seriesSources';

const wave = (n: number, settings = { window: 5, horizon: 2 }) =>
  seriesTable('v', Float32Array.from({ length: n }, (_, i) => 10 + 3 * Math.sin(i / 3) + i * 0.05), null, null, settings);

describe('the shuffled split of lesson 14', () => {
  const table = wave(60);
  const settings = table.series!;

  it('draws validation windows at random from before the held-out end, which stays the future', () => {
    const chrono = splitSeries(60, settings, 0.2);
    const shuffled = splitSeries(60, settings, 0.2, { mode: 'shuffled', seed: 3 });
    expect(shuffled.split).toBe(chrono.split);
    // The future is the chronological split's validation part, the same windows.
    expect(shuffled.futureStarts).toEqual(chrono.validationStarts);
    expect(chrono.futureStarts).toEqual(chrono.validationStarts);
    // Training and validation share out the windows before the end: the chronological training windows.
    expect([...shuffled.trainStarts, ...shuffled.validationStarts].sort((a, b) => a - b)).toEqual(chrono.trainStarts);
    expect(shuffled.validationStarts).toHaveLength(Math.round(chrono.trainStarts.length * 0.2));
    for (const start of [...shuffled.trainStarts, ...shuffled.validationStarts]) expect(targetRow(start, settings)).toBeLessThan(shuffled.split);
    // Drawn from all over the part before the end, not its last stretch; each part in time order.
    const { validationStarts: v } = shuffled;
    expect(v.some((start, i) => i > 0 && start - v[i - 1]! > 1)).toBe(true);
    expect([...v].sort((a, b) => a - b)).toEqual(v);
  });

  it('repeats with its seed and moves with another', () => {
    const a = splitSeries(60, settings, 0.2, { mode: 'shuffled', seed: 3 });
    expect(splitSeries(60, settings, 0.2, { mode: 'shuffled', seed: 3 })).toEqual(a);
    expect(splitSeries(60, settings, 0.2, { mode: 'shuffled', seed: 4 }).validationStarts).not.toEqual(a.validationStarts);
    // prepareData passes the run's seed through, and only for the shuffled split.
    expect(prepareData(table, 0.2, 3, 'standard', 'shuffled').validationRows).toEqual(prepareSeries(table, 0.2, 'standard', { mode: 'shuffled', seed: 3 }).validationRows);
    expect(prepareData(table, 0.2, 3).validationRows).toEqual(prepareData(table, 0.2, 99).validationRows);
  });

  it('keeps the future windows and the scaling of the chronological split', () => {
    const chrono = prepareSeries(table, 0.2, 'standard');
    const shuffled = prepareSeries(table, 0.2, 'standard', { mode: 'shuffled', seed: 3 });
    expect(shuffled.shuffled).toBe(true);
    expect(chrono.shuffled).toBe(false);
    expect(Array.from(shuffled.futureRows)).toEqual(Array.from(chrono.validationRows));
    expect(Array.from(shuffled.xFuture)).toEqual(Array.from(chrono.xVal));
    expect(shuffled.scaler).toEqual(chrono.scaler);
    expect(shuffled.targetScaling).toEqual(chrono.targetScaling);
    expect(shuffled.numTrain + shuffled.numVal).toBe(chrono.numTrain);
  });

  it('measures the model on the future and, apart, on the shuffled validation windows', () => {
    const prepared = prepareSeries(table, 0.2, 'none', { mode: 'shuffled', seed: 3 });
    // A model off by exactly +1 on the validation windows and +2 on the future, in the series' units (no scaling).
    const plus = (rows: Uint32Array, by: number) => Float32Array.from(rows, (row) => table.targets[row]! + by);
    const lines = forecastLines(table, prepared, { train: plus(prepared.trainRows, 0), validation: plus(prepared.validationRows, 1), future: plus(prepared.futureRows, 2), rollOut: null });
    expect(lines.errors.shuffledValidation).toBeCloseTo(1, 5);
    expect(lines.errors.oneStep).toBeCloseTo(2, 5);
    expect(lines.errors.naive).toBe(naiveForecastMae(table, 0.2, 'none').mae);
    expect(lines.naive).toHaveLength(prepared.futureRows.length);
  });
});
