import { outputUnits } from '../model/task';
import { fitStandardScaler, takeScaledRows, type StandardScaler } from './scaler';
import { splitRows } from './split';
import { numFeatures, type Table } from './table';

/** Arrays a model trains on: standardized features and targets shaped for the output layer. */
export interface PreparedData {
  /** numTrain × inputSize, row-major, standardized. */
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
  scaler: StandardScaler;
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

/** Splits a table with a seed and standardizes it with training statistics. */
export function prepareData(table: Table, validationSplit: number, seed: number): PreparedData {
  const split = splitRows(table.numRows, validationSplit, seed);
  const cols = numFeatures(table);
  const scaler = fitStandardScaler(table.features, cols, split.train);
  const targetSize = outputUnits(table.task);
  return {
    xTrain: takeScaledRows(table.features, cols, split.train, scaler),
    yTrain: takeTargets(table, split.train, targetSize),
    xVal: takeScaledRows(table.features, cols, split.validation, scaler),
    yVal: takeTargets(table, split.validation, targetSize),
    numTrain: split.train.length,
    numVal: split.validation.length,
    inputShape: [cols],
    targetSize,
    scaler,
  };
}
