import { describe, expect, it } from 'vitest';
import { checkTrainingConfig } from '../model/trainingConfig';
import { testConfig } from '../testing/fixtures';
import { prepareData, SERIES_TEST_SPLIT } from './prepare';
import { seriesTable } from './seriesSources';
import { checkTestSplit, shuffledIndices, splitRows, splitSizes } from './split';
import { generate } from './synthetic';

const sorted = (rows: Uint32Array): number[] => Array.from(rows).sort((a, b) => a - b);

describe('the three-way split', () => {
  it('cuts the shuffled rows into disjoint validation, test and training parts that cover every row', () => {
    for (const [n, v, t] of [[100, 0.2, 0.1], [7, 0.3, 0.3], [3, 0.2, 0.05], [1000, 0.05, 0.3]] as const) {
      const split = splitRows(n, v, 9, t);
      const sizes = splitSizes(n, v, t);
      expect([split.train.length, split.validation.length, split.test.length]).toEqual([sizes.train, sizes.validation, sizes.test]);
      expect(sizes.test).toBeGreaterThanOrEqual(1);
      expect(sizes.train).toBeGreaterThanOrEqual(1);
      const all = [...split.train, ...split.validation, ...split.test];
      expect(new Set(all).size).toBe(n);
      expect(sorted(Uint32Array.from(all))).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('leaves the validation rows where they were: the test rows come from what would have trained', () => {
    const before = splitRows(200, 0.2, 4);
    const after = splitRows(200, 0.2, 4, 0.15);
    expect(Array.from(after.validation)).toEqual(Array.from(before.validation));
    expect(before.test.length).toBe(0);
    expect(Array.from(before.validation)).toEqual(Array.from(shuffledIndices(200, 4).subarray(0, 40)));
    const trainBefore = new Set(before.train);
    for (const row of after.test) expect(trainBefore.has(row)).toBe(true);
    expect(after.train.length + after.test.length).toBe(before.train.length);
  });

  it('says when too few rows are left for a test part', () => {
    expect(splitSizes(2, 0.5, 0.2).test).toBe(0);
    expect(checkTestSplit(2, 0.5, 0.2)).toMatch(/at least 3 rows/);
    expect(checkTestSplit(3, 0.2, 0.1)).toBeNull();
    expect(checkTestSplit(2, 0.5, 0)).toBeNull();
  });

  it('checks the config: the two held-out shares must leave rows to train on, and an absent test split is none', () => {
    expect(checkTrainingConfig(testConfig(), 10)).toEqual([]);
    expect(checkTrainingConfig(testConfig({ testSplit: 0 }), 10)).toEqual([]);
    expect(checkTrainingConfig(testConfig({ testSplit: 0.2 }), 10)).toEqual([]);
    expect(checkTrainingConfig(testConfig({ validationSplit: 0.5, testSplit: 0.5 }), 10).join(' ')).toMatch(/leave rows to train on/);
    expect(checkTrainingConfig(testConfig({ testSplit: -0.1 }), 10).join(' ')).toMatch(/Test split/);
    expect(checkTrainingConfig(testConfig({ testSplit: Number.NaN }), 10).join(' ')).toMatch(/Test split/);
  });
});

describe('prepareData with a test split', () => {
  const table = generate('circle', { numPoints: 300, noise: 0.1, seed: 2 });

  it('gives the test rows scaled with the training rows’ statistics, and nothing when there is no test split', () => {
    const plain = prepareData(table, 0.2, 5);
    expect(plain.xTest).toBeUndefined();
    const prepared = prepareData(table, 0.2, 5, 'standard', 'chronological', 0.1);
    expect(prepared.testRows!.length).toBe(30);
    expect(prepared.xTest!.length).toBe(30 * 2);
    expect(prepared.yTest!.length).toBe(30);
    expect(prepared.numTrain + prepared.numVal + prepared.testRows!.length).toBe(300);
    const r = prepared.testRows![3]!;
    const { offset, scale } = prepared.scaler;
    expect(prepared.xTest![6]).toBeCloseTo((table.features[2 * r]! - offset[0]!) / scale[0]!, 5);
    expect(prepared.yTest![3]).toBe(table.targets[r]);
  });

  it('never lets a test row reach the scaler or the training and validation arrays: poisoning them changes nothing there', () => {
    const clean = prepareData(table, 0.2, 5, 'standard', 'chronological', 0.2);
    const features = table.features.slice();
    const targets = table.targets.slice();
    for (const row of clean.testRows!) {
      features[2 * row] = 1e9;
      features[2 * row + 1] = -1e9;
      targets[row] = 1 - targets[row]!;
    }
    const poisoned = prepareData({ ...table, features, targets }, 0.2, 5, 'standard', 'chronological', 0.2);
    expect(poisoned.scaler).toEqual(clean.scaler);
    expect(Array.from(poisoned.xTrain)).toEqual(Array.from(clean.xTrain));
    expect(Array.from(poisoned.yTrain)).toEqual(Array.from(clean.yTrain));
    expect(Array.from(poisoned.xVal)).toEqual(Array.from(clean.xVal));
    expect(Array.from(poisoned.yVal)).toEqual(Array.from(clean.yVal));
    // The poison did land in the test part, which is where it was put.
    expect(Math.max(...Array.from(poisoned.xTest!, Math.abs))).toBeGreaterThan(1e6);
    for (const kind of ['minmax', 'none'] as const) {
      const a = prepareData(table, 0.2, 5, kind, 'chronological', 0.2);
      const b = prepareData({ ...table, features, targets }, 0.2, 5, kind, 'chronological', 0.2);
      expect(b.scaler).toEqual(a.scaler);
      expect(Array.from(b.xTrain)).toEqual(Array.from(a.xTrain));
    }
  });

  it('refuses a test split for a time series in plain words', () => {
    const series = seriesTable('v', Float32Array.from({ length: 60 }, (_, i) => Math.sin(i / 3)), null, null, { window: 5, horizon: 1 });
    expect(() => prepareData(series, 0.2, 1, 'standard', 'chronological', 0.1)).toThrow(SERIES_TEST_SPLIT);
    expect(prepareData(series, 0.2, 1).xTest).toBeUndefined();
  });
});
