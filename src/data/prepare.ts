import { outputUnits } from '../model/task';
import type { ScalingKind } from '../model/preprocessing';
import type { SeriesSplitMode } from '../model/trainingConfig';
import { fitScaler, takeScaledRows, type Scaler } from './scaler';
import { prepareSeries } from './series';
import { splitRows } from './split';
import { inputShapeOf, numFeatures, type Table } from './table';

/** Arrays a model trains on: standardized features and targets shaped for the output layer. */
export interface PreparedData {
  /** numTrain × inputSize, row-major, missing values filled, scaled. */
  xTrain: Float32Array;
  /** numTrain × targetSize. */
  yTrain: Float32Array;
  xVal: Float32Array;
  yVal: Float32Array;
  numTrain: number;
  numVal: number;
  inputShape: number[];
  /** Values per target row: 1, or the number of classes (one-hot). */
  targetSize: number;
  /** Fitted on the training rows only. */
  scaler: Scaler;
  /** Row indices of the validation split in the table, in the order of xVal. */
  validationRows: Uint32Array;
  /** Row indices of the training split, in the order of xTrain. */
  trainRows: Uint32Array;
  /**
   * The held-out test rows (numTest × inputSize and × targetSize), scaled with
   * the training rows' statistics; empty without a test split. Only the one
   * evaluation at the end of a run sees them. Absent without a test split.
   */
  xTest?: Float32Array;
  yTest?: Float32Array;
  /** Row indices of the test split in the table, in the order of xTest. */
  testRows?: Uint32Array;
}

function takeTargets(table: Table, rows: Uint32Array, targetSize: number): Float32Array {
  const out = new Float32Array(rows.length * targetSize);
  for (let r = 0; r < rows.length; r++) {
    const value = table.targets[rows[r]!]!;
    if (table.task.kind === 'multiclass') out[r * targetSize + value] = 1;
    else out[r] = value;
  }
  return out;
}

/** What a series says when asked for a test split, which it does not have (see prepareData). */
export const SERIES_TEST_SPLIT = 'A time series has no test split yet: its held-out end is the validation part. Set Test split to none.';

/**
 * Splits a table with a seed and fills and scales it with statistics of the
 * training rows. A series is split by time unless `seriesSplit` asks for the
 * shuffled split (see data/series.ts); only then does the seed draw there.
 * `testSplit` holds out a test part besides (not for a series, whose
 * chronological and shuffled splits would both have to make room for it).
 */
export function prepareData(
  table: Table,
  validationSplit: number,
  seed: number,
  scaling: ScalingKind = 'standard',
  seriesSplit: SeriesSplitMode = 'chronological',
  testSplit = 0,
): PreparedData {
  if (table.series) {
    if (testSplit > 0) throw new Error(SERIES_TEST_SPLIT);
    return prepareSeries(table, validationSplit, scaling, { mode: seriesSplit, seed });
  }
  const split = splitRows(table.numRows, validationSplit, seed, testSplit);
  const cols = numFeatures(table);
  const scaled = table.featureKinds?.map((kind) => kind === 'numeric') ?? [];
  const scaler = fitScaler(scaling, table.features, cols, split.train, scaled);
  const targetSize = outputUnits(table.task);
  return {
    xTrain: takeScaledRows(table.features, cols, split.train, scaler),
    yTrain: takeTargets(table, split.train, targetSize),
    xVal: takeScaledRows(table.features, cols, split.validation, scaler),
    yVal: takeTargets(table, split.validation, targetSize),
    numTrain: split.train.length,
    numVal: split.validation.length,
    inputShape: inputShapeOf(table),
    targetSize,
    scaler,
    validationRows: split.validation,
    trainRows: split.train,
    ...(split.test.length > 0
      ? { xTest: takeScaledRows(table.features, cols, split.test, scaler), yTest: takeTargets(table, split.test, targetSize), testRows: split.test }
      : {}),
  };
}
