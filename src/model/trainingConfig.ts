import { monitorKinds, monitorModes, type EarlyStoppingConfig } from './earlyStopping';
import { limits } from './limits';
import type { ScalingKind } from './preprocessing';
import type { LossName } from './losses';
import type { OptimizerName } from './optimizers';

/** Everything `model.compile` and `model.fit` are given, besides the data. */
export interface TrainingConfig {
  optimizer: OptimizerName;
  /** Step size of the optimizer; > 0. */
  learningRate: number;
  /** Examples per gradient step; whole number ≥ 1. */
  batchSize: number;
  /** Passes over the training split; whole number ≥ 1. */
  epochs: number;
  loss: LossName;
  /** Fraction of the rows held out for validation, in (0, 1). */
  validationSplit: number;
  /**
   * Fraction of the rows held out as a test set, in [0, 1): never trained on,
   * never watched by early stopping, measured once when a run ends (Keras's
   * `model.evaluate`). 0 or absent: no test set.
   */
  testSplit?: number;
  /** How features are rescaled, fitted on the training split. */
  scaling: ScalingKind;
  /** Seed of the initial weights, the shuffle and the split, so a run can be repeated. */
  seed: number;
  /** Keras's EarlyStopping, on the quantity it monitors. */
  earlyStopping: EarlyStoppingConfig;
  /**
   * How a time series' windows are split (ignored for other data):
   * 'chronological' (the default) holds out the end of the series;
   * 'shuffled' draws the validation windows at random from before that end,
   * which keeps the end as the future to compare with (see data/series.ts).
   */
  seriesSplit?: SeriesSplitMode;
}

export const seriesSplitModes = ['chronological', 'shuffled'] as const;
export type SeriesSplitMode = (typeof seriesSplitModes)[number];

/** Problems with a training config, in plain words; empty when it can run. */
export function checkTrainingConfig(config: TrainingConfig, _trainRows: number): string[] {
  const problems: string[] = [];
  const { learningRate, batchSize, epochs, validationSplit } = config;
  if (!(Number.isFinite(learningRate) && learningRate > 0 && learningRate <= limits.maxLearningRate)) {
    problems.push(`Learning rate must be above 0 and at most ${limits.maxLearningRate} (it is ${learningRate}).`);
  }
  // A batch larger than the training split is not a problem: the run clamps it and says so.
  if (!(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= limits.maxBatchSize)) {
    problems.push(`Batch size must be a whole number from 1 to ${limits.maxBatchSize.toLocaleString('en-US')} (it is ${batchSize}).`);
  }
  if (!(Number.isInteger(epochs) && epochs >= 1 && epochs <= limits.maxEpochs)) {
    problems.push(`Epochs must be a whole number from 1 to ${limits.maxEpochs.toLocaleString('en-US')} (it is ${epochs}).`);
  }
  if (!(validationSplit > 0 && validationSplit < 1)) {
    problems.push(`Validation split must be between 0 and 1, such as 0.2 (it is ${validationSplit}).`);
  }
  const testSplit = config.testSplit ?? 0;
  if (!(testSplit >= 0 && testSplit < 1)) {
    problems.push(`Test split must be 0 (none) or between 0 and 1, such as 0.1 (it is ${testSplit}).`);
  } else if (testSplit > 0 && !(validationSplit + testSplit < 1)) {
    problems.push(`Validation split and test split together must leave rows to train on (they add up to ${Number((validationSplit + testSplit).toPrecision(3))}).`);
  }
  if (config.seriesSplit !== undefined && !seriesSplitModes.includes(config.seriesSplit)) {
    problems.push(`A series' split is chronological or shuffled (not ${String(config.seriesSplit)}).`);
  }
  const { patience, minDelta } = config.earlyStopping;
  if (config.earlyStopping.enabled) {
    if (!(Number.isInteger(patience) && patience >= 0 && patience <= limits.maxEpochs)) {
      problems.push(`Patience must be a whole number of epochs, 0 or more (it is ${patience}).`);
    }
    if (!(Number.isFinite(minDelta) && minDelta >= 0)) {
      problems.push(`Min delta must be 0 or a positive number (it is ${minDelta}).`);
    }
    const { monitor, mode, baseline } = config.earlyStopping;
    if (monitor !== undefined && !monitorKinds.includes(monitor)) {
      problems.push(`Early stopping can monitor val_loss, the validation metric, loss or the metric (not ${String(monitor)}).`);
    }
    if (mode !== undefined && !monitorModes.includes(mode)) {
      problems.push(`Early stopping's mode must be auto, min or max (it is ${String(mode)}).`);
    }
    if (baseline !== undefined && baseline !== null && !Number.isFinite(baseline)) {
      problems.push(`Baseline must be a number, or empty for none (it is ${baseline}).`);
    }
  }
  return problems;
}
