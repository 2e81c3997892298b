import { describe, expect, it } from 'vitest';
import { prepareData } from './prepare';
import { fitStandardScaler } from './scaler';
import { splitRows } from './split';
import type { Table } from './table';

/** 100 rows, 2 features; the second feature is constant. */
function makeTable(): Table {
  const features = new Float32Array(200);
  for (let i = 0; i < 100; i++) {
    features[2 * i] = i;
    features[2 * i + 1] = 5;
  }
  return {
    featureNames: ['a', 'b'],
    targetName: 'y',
    features,
    targets: Float32Array.from({ length: 100 }, (_, i) => i * 2),
    numRows: 100,
    task: { kind: 'regression' },
  };
}

describe('standardization', () => {
  it('fits mean and standard deviation on the given rows only', () => {
    const features = Float32Array.from([1, 3, 1000]);
    const scaler = fitStandardScaler(features, 1, [0, 1]);
    expect(scaler.mean).toEqual([2]);
    expect(scaler.std).toEqual([1]);
  });

  it('maps a constant feature to 0 instead of dividing by 0', () => {
    const scaler = fitStandardScaler(Float32Array.from([4, 4, 4]), 1, [0, 1, 2]);
    expect(scaler.std).toEqual([1]);
  });

  it('uses training statistics only: changing validation rows changes neither the scaler nor the training data', () => {
    const table = makeTable();
    const before = prepareData(table, 0.25, 3);
    const { validation } = splitRows(100, 0.25, 3);
    const altered = makeTable();
    for (const row of validation) altered.features[2 * row] = 1e6;
    const after = prepareData(altered, 0.25, 3);
    expect(after.scaler).toEqual(before.scaler);
    expect(Array.from(after.xTrain)).toEqual(Array.from(before.xTrain));
    expect(Array.from(after.xVal)).not.toEqual(Array.from(before.xVal));
  });

  it('gives the training split mean 0 and standard deviation 1 per feature', () => {
    const prepared = prepareData(makeTable(), 0.2, 1);
    const column = Array.from({ length: prepared.numTrain }, (_, r) => prepared.xTrain[2 * r]!);
    const mean = column.reduce((s, v) => s + v, 0) / column.length;
    const variance = column.reduce((s, v) => s + (v - mean) ** 2, 0) / column.length;
    expect(mean).toBeCloseTo(0, 5);
    expect(variance).toBeCloseTo(1, 4);
    expect(prepared.inputShape).toEqual([2]);
    expect(prepared.numTrain + prepared.numVal).toBe(100);
  });

  it('keeps each row with its own target', () => {
    const prepared = prepareData(makeTable(), 0.2, 1);
    const { mean, std } = prepared.scaler;
    for (let r = 0; r < prepared.numVal; r++) {
      const original = prepared.xVal[2 * r]! * std[0]! + mean[0]!;
      expect(prepared.yVal[r]).toBeCloseTo(original * 2, 2);
    }
  });

  it('one-hot encodes class indices for multi-class tables', () => {
    const table: Table = {
      featureNames: ['x'],
      targetName: 'class',
      features: Float32Array.from([0, 1, 2, 3]),
      targets: Float32Array.from([0, 1, 2, 1]),
      numRows: 4,
      task: { kind: 'multiclass', numClasses: 3 },
    };
    const prepared = prepareData(table, 0.5, 1);
    expect(prepared.targetSize).toBe(3);
    for (let r = 0; r < prepared.numTrain; r++) {
      const row = Array.from(prepared.yTrain.slice(3 * r, 3 * r + 3));
      expect(row.reduce((s, v) => s + v, 0)).toBe(1);
    }
  });
});
