import { describe, expect, it } from 'vitest';
import { prepareData } from './prepare';
import { fitScaler } from './scaler';
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
    modality: 'tabular',
  };
}

describe('scalers', () => {
  it('standard: mean and standard deviation of the given rows only', () => {
    const scaler = fitScaler('standard', Float32Array.from([1, 3, 1000]), 1, [0, 1]);
    expect(scaler.offset).toEqual([2]);
    expect(scaler.scale).toEqual([1]);
  });

  it('min–max: minimum and range of the given rows only', () => {
    const scaler = fitScaler('minmax', Float32Array.from([2, 6, -50]), 1, [0, 1]);
    expect(scaler.offset).toEqual([2]);
    expect(scaler.scale).toEqual([4]);
  });

  it('none, and one-hot columns, stay as they are', () => {
    expect(fitScaler('none', Float32Array.from([2, 6]), 1, [0, 1])).toMatchObject({ offset: [0], scale: [1] });
    const mixed = fitScaler('standard', Float32Array.from([10, 1, 20, 0]), 2, [0, 1], [true, false]);
    expect(mixed.offset).toEqual([15, 0]);
    expect(mixed.scale).toEqual([5, 1]);
  });

  it('map a constant feature to 0 instead of dividing by 0', () => {
    expect(fitScaler('standard', Float32Array.from([4, 4, 4]), 1, [0, 1, 2]).scale).toEqual([1]);
    expect(fitScaler('minmax', Float32Array.from([4, 4, 4]), 1, [0, 1, 2]).scale).toEqual([1]);
  });

  it('skip missing cells and fill them with the training mean', () => {
    const features = Float32Array.from([1, Number.NaN, 3, 100]);
    const scaler = fitScaler('none', features, 1, [0, 1, 2]);
    expect(scaler.fill).toEqual([2]);
    const prepared = prepareData(
      { ...makeTable(), featureNames: ['a'], features, numRows: 4, targets: Float32Array.from([0, 0, 0, 0]) },
      0.25,
      1,
      'none',
    );
    expect(Array.from(prepared.xTrain).some(Number.isNaN)).toBe(false);
  });
});

describe('prepareData', () => {
  for (const kind of ['standard', 'minmax'] as const) {
    it(`${kind}: uses training statistics only — changing validation rows changes neither the scaler nor the training data`, () => {
      const before = prepareData(makeTable(), 0.25, 3, kind);
      const { validation } = splitRows(100, 0.25, 3);
      const altered = makeTable();
      for (const row of validation) altered.features[2 * row] = 1e6;
      const after = prepareData(altered, 0.25, 3, kind);
      expect(after.scaler).toEqual(before.scaler);
      expect(Array.from(after.xTrain)).toEqual(Array.from(before.xTrain));
      expect(Array.from(after.xVal)).not.toEqual(Array.from(before.xVal));
    });
  }

  it('fills a missing validation cell with the training mean, not its own split’s', () => {
    const table = makeTable();
    const { train, validation } = splitRows(100, 0.25, 3);
    table.features[2 * validation[0]!] = Number.NaN;
    const prepared = prepareData(table, 0.25, 3, 'none');
    const trainMean = Array.from(train, (r) => r).reduce((sum, r) => sum + r, 0) / train.length;
    expect(prepared.xVal[0]).toBeCloseTo(trainMean, 3);
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

  it('keeps each row with its own target, and reports which rows went where', () => {
    const prepared = prepareData(makeTable(), 0.2, 1);
    const { offset, scale } = prepared.scaler;
    for (let r = 0; r < prepared.numVal; r++) {
      const original = prepared.xVal[2 * r]! * scale[0]! + offset[0]!;
      expect(prepared.yVal[r]).toBeCloseTo(original * 2, 2);
      expect(original).toBeCloseTo(prepared.validationRows[r]!, 3);
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
      modality: 'tabular',
    };
    const prepared = prepareData(table, 0.5, 1);
    expect(prepared.targetSize).toBe(3);
    for (let r = 0; r < prepared.numTrain; r++) {
      const row = Array.from(prepared.yTrain.slice(3 * r, 3 * r + 3));
      expect(row.reduce((s, v) => s + v, 0)).toBe(1);
    }
  });

  it('keeps an image table’s shape', () => {
    const table: Table = { ...makeTable(), featureNames: ['p0', 'p1'], inputShape: [1, 2, 1], modality: 'image' };
    expect(prepareData(table, 0.2, 1, 'none').inputShape).toEqual([1, 2, 1]);
  });
});
