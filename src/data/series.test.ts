import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { datasetIds, datasetInfo, loadDataset, type FileSource } from './datasets';
import { prepareData } from './prepare';
import { checkWindow, naiveForecastMae, prepareSeries, splitSeries, targetRow } from './series';
import { generateSeries, parseSeriesCsv, seriesTable } from './seriesSources';
import { inputShapeOf } from './table';

const files: FileSource = {
  text: (file) => readFile(new URL(`../../public/datasets/${file}`, import.meta.url), 'utf8'),
  bytes: async (file) => new Uint8Array(await readFile(new URL(`../../public/datasets/${file}`, import.meta.url))),
};

const ramp = (n: number, settings = { window: 5, horizon: 2 }) =>
  seriesTable('v', Float32Array.from({ length: n }, (_, i) => i * i * 0.01 + Math.sin(i)), null, null, settings);

describe('windows and the chronological split', () => {
  it('holds out the end of the series, and no training window touches a validation step', () => {
    const table = ramp(50);
    const split = splitSeries(50, table.series!, 0.2);
    expect(split.split).toBe(40);
    // 50 − 5 − 2 + 1 = 44 windows: 34 end before row 40, 10 predict row 40 or later.
    expect(split.trainStarts).toHaveLength(34);
    expect(split.validationStarts).toHaveLength(10);
    for (const start of split.trainStarts) {
      // Every row a training window touches, from its first input to its target.
      for (let row = start; row <= targetRow(start, table.series!); row++) expect(row).toBeLessThan(40);
    }
    for (const start of split.validationStarts) expect(targetRow(start, table.series!)).toBeGreaterThanOrEqual(40);
    // Time order, nothing shuffled: the validation windows are the last ones.
    expect(split.validationStarts[0]).toBe(split.trainStarts[split.trainStarts.length - 1]! + 1);
  });

  it('lays out each example as window × features and targets the value horizon steps after it', () => {
    const table = ramp(50);
    const prepared = prepareSeries(table, 0.2, 'none');
    expect(prepared.inputShape).toEqual([5, 1]);
    expect(prepared.xTrain.length).toBe(34 * 5);
    expect(Array.from(prepared.xTrain.subarray(5, 10))).toEqual(Array.from(table.features.subarray(1, 6)));
    // Example 1: rows 1…5, target row 5 + 2 = 7.
    expect(prepared.trainRows[1]).toBe(7);
    expect(prepared.yTrain[1]).toBe(table.targets[7]);
    expect(prepared.validationRows[0]).toBe(40);
    expect(prepared.yVal[prepared.numVal - 1]).toBe(table.targets[49]);
  });

  it('fits the scaler on the training part only', () => {
    const table = ramp(50);
    const changed = { ...table, features: table.features.slice(), targets: table.targets.slice() };
    for (let row = 40; row < 50; row++) {
      changed.features[row] = 1000 + row;
      changed.targets[row] = 1000 + row;
    }
    const a = prepareSeries(table, 0.2, 'standard');
    const b = prepareSeries(changed, 0.2, 'standard');
    expect(b.scaler).toEqual(a.scaler);
    expect(b.xTrain).toEqual(a.xTrain);
    const training = Array.from(table.features.subarray(0, 40));
    const mean = training.reduce((s, v) => s + v, 0) / 40;
    expect(a.scaler.offset[0]).toBeCloseTo(mean, 5);
    expect(a.scaler.scale[0]).toBeCloseTo(Math.sqrt(training.reduce((s, v) => s + (v - mean) ** 2, 0) / 40), 5);
    // The target is the same column on the same scale.
    expect(a.targetScaling).toEqual({ offset: a.scaler.offset[0], scale: a.scaler.scale[0] });
    expect(a.yTrain[0]).toBeCloseTo((table.targets[6]! - a.scaler.offset[0]!) / a.scaler.scale[0]!, 6);
  });

  it('windows several input columns, and scales a target that is not an input on the training part', () => {
    const n = 30;
    const table = {
      ...ramp(n, { window: 3, horizon: 1 }),
      featureNames: ['a', 'b'],
      targetName: 'c',
      // Row r holds a = r and b = −r.
      features: Float32Array.from({ length: n * 2 }, (_, i) => (i % 2 === 0 ? i / 2 : -(i - 1) / 2)),
      targets: Float32Array.from({ length: n }, (_, i) => 10 * i),
      featureKinds: ['numeric', 'numeric'] as ('numeric' | 'onehot')[],
    };
    const prepared = prepareSeries(table, 0.2, 'minmax');
    expect(prepared.inputShape).toEqual([3, 2]);
    // Example 0: rows 0, 1, 2, both columns per step, min–max scaled on rows 0…23 (a: 0…23, b: −23…0).
    expect(prepared.scaler.offset).toEqual([0, -23]);
    expect(prepared.scaler.scale).toEqual([23, 23]);
    const expected = [0, 1, 1 / 23, 22 / 23, 2 / 23, 21 / 23];
    Array.from(prepared.xTrain.subarray(0, 6)).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
    // The target c is min–max scaled by its own training rows (0 … 230).
    expect(prepared.targetScaling).toEqual({ offset: 0, scale: 230 });
    expect(prepared.yTrain[0]).toBeCloseTo(30 / 230, 6);
  });

  it('goes through prepareData for a series table, without using the seed', () => {
    const table = ramp(50);
    expect(prepareData(table, 0.2, 1).xTrain).toEqual(prepareData(table, 0.2, 99).xTrain);
    expect(prepareData(table, 0.2, 1).numTrain).toBe(34);
  });

  it('says in plain words when the window does not fit', () => {
    expect(checkWindow(30, { window: 20, horizon: 5 }, 0.2)).toEqual([
      'A window of 20 steps predicting 5 ahead leaves fewer than 2 training examples in the first 24 of 30 steps; shorten the window or the horizon, or lower the validation split.',
    ]);
    expect(checkWindow(30, { window: 0, horizon: 1 }, 0.2)[0]).toMatch(/Window must be a whole number/);
    expect(checkWindow(300, { window: 20, horizon: 1 }, 0.2)).toEqual([]);
  });
});

describe('the naive forecast', () => {
  it('predicts the last value seen: its validation MAE by hand', () => {
    // Steps 0…9 of 0, 1, 4, 9, …: with horizon 1 the naive error at row t is t² − (t − 1)² = 2t − 1.
    const squares = seriesTable('v', Float32Array.from({ length: 10 }, (_, i) => i * i), null, null, { window: 2, horizon: 1 });
    // Validation split 0.2: rows 8 and 9 → errors 15 and 17.
    expect(naiveForecastMae(squares, 0.2, 'none')).toEqual({ mae: 16, scaledMae: 16 });
    // Horizon 2: the forecast for row t is row t − 2, errors 4t − 4: 28 and 32.
    const two = { ...squares, series: { ...squares.series!, horizon: 2 } };
    expect(naiveForecastMae(two, 0.2, 'none').mae).toBe(30);
    const standard = naiveForecastMae(squares, 0.2, 'standard');
    expect(standard.mae).toBe(16);
    expect(standard.scaledMae).toBeCloseTo(16 / prepareSeries(squares, 0.2, 'standard').targetScaling.scale, 6);
  });
});

describe('time-series datasets', () => {
  const expected = {
    sunspots: { rows: 309, first: ['1700', 5], time: 'year', value: 'sunspots' },
    co2: { rows: 526, first: ['1958-03', 316.1], time: 'month', value: 'co2_ppm' },
    elnino: { rows: 732, first: ['1950-01', 23.11], time: 'month', value: 'sst_celsius' },
  } as const;
  for (const [id, want] of Object.entries(expected)) {
    it(`${id}: ${want.rows} steps, windows of 20 × 1, credited`, async () => {
      const table = await loadDataset(id as keyof typeof expected, files);
      expect(table.modality).toBe('series');
      expect(table.numRows).toBe(want.rows);
      expect(inputShapeOf(table)).toEqual([20, 1]);
      expect(table.series?.times?.[0]).toBe(want.first[0]);
      expect(table.features[0]).toBeCloseTo(want.first[1], 4);
      expect([table.series?.timeName, table.targetName]).toEqual([want.time, want.value]);
      expect(datasetInfo(id as keyof typeof expected).credit?.licence).toMatch(/Public domain/);
    });
  }

  it('the generated series are seeded and noisy', () => {
    const a = generateSeries('noisySine', { length: 100, noise: 0.1, seed: 3 });
    expect(generateSeries('noisySine', { length: 100, noise: 0.1, seed: 3 }).features).toEqual(a.features);
    expect(generateSeries('noisySine', { length: 100, noise: 0.1, seed: 4 }).features).not.toEqual(a.features);
    const clean = generateSeries('squareWave', { length: 60, noise: 0, seed: 1 });
    expect([clean.features[0], clean.features[14], clean.features[15], clean.features[30]]).toEqual([1, 1, -1, 1]);
    const trend = generateSeries('sinesTrend', { length: 400, noise: 0, seed: 1 });
    const mean = (from: number, to: number) => Array.from(trend.features.subarray(from, to)).reduce((s, v) => s + v, 0) / (to - from);
    expect(mean(320, 400)).toBeGreaterThan(mean(0, 80) + 1);
  });

  it('every series dataset is in the registry under "Time series" and loads', async () => {
    const ids = datasetIds.filter((id) => datasetInfo(id).group === 'Time series');
    expect(ids).toEqual(['sunspots', 'co2', 'elnino', 'sine', 'sinesTrend', 'squareWave']);
    for (const id of ids) expect((await loadDataset(id, files)).series?.window).toBe(20);
  });

  it('refuses a series file whose values are not numbers', () => {
    expect(() => parseSeriesCsv('year,v\n1,2\n2,x\n')).toThrow('row 3: "x" is not a number');
  });
});
