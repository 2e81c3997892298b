import { describe, expect, it } from 'vitest';
import { testConfig } from '../testing/fixtures';
import { checkTrainingConfig } from './trainingConfig';

const good = testConfig({ optimizer: 'adam', learningRate: 0.01, batchSize: 32, epochs: 10, validationSplit: 0.2 });

describe('checkTrainingConfig', () => {
  it('accepts a sensible config', () => {
    expect(checkTrainingConfig(good, 800)).toEqual([]);
  });

  it('explains each bad value', () => {
    expect(checkTrainingConfig({ ...good, learningRate: 0 }, 800)).toEqual([
      'Learning rate must be above 0 and at most 10 (it is 0).',
    ]);
    expect(checkTrainingConfig({ ...good, learningRate: Number.NaN }, 800)[0]).toMatch(/Learning rate/);
    expect(checkTrainingConfig({ ...good, batchSize: 0 }, 800)[0]).toMatch(/Batch size must be a whole number/);
    // Larger than the training split is fine: the run clamps it (see runSlice).
    expect(checkTrainingConfig({ ...good, batchSize: 900 }, 800)).toEqual([]);
    expect(checkTrainingConfig({ ...good, epochs: 0 }, 800)[0]).toMatch(/Epochs must be a whole number from 1 to 10,000/);
    expect(checkTrainingConfig({ ...good, validationSplit: 1 }, 800)[0]).toMatch(/Validation split/);
  });

  it('checks patience and min delta only when early stopping is on', () => {
    const bad = { enabled: false, patience: -1, minDelta: -0.5, restoreBestWeights: true };
    expect(checkTrainingConfig({ ...good, earlyStopping: bad }, 800)).toEqual([]);
    expect(checkTrainingConfig({ ...good, earlyStopping: { ...bad, enabled: true } }, 800)).toEqual([
      'Patience must be a whole number of epochs, 0 or more (it is -1).',
      'Min delta must be 0 or a positive number (it is -0.5).',
    ]);
  });

  it("checks early stopping's monitor, mode and baseline", () => {
    const on = { ...good.earlyStopping, enabled: true };
    expect(checkTrainingConfig({ ...good, earlyStopping: { ...on, monitor: 'val_metric', mode: 'max', baseline: 0.8 } }, 800)).toEqual([]);
    expect(checkTrainingConfig({ ...good, earlyStopping: { ...on, baseline: null } }, 800)).toEqual([]);
    const wrong = { ...on, monitor: 'val_precision', mode: 'up', baseline: Number.NaN } as unknown as typeof on;
    expect(checkTrainingConfig({ ...good, earlyStopping: wrong }, 800)).toEqual([
      'Early stopping can monitor val_loss, the validation metric, loss or the metric (not val_precision).',
      "Early stopping's mode must be auto, min or max (it is up).",
      'Baseline must be a number, or empty for none (it is NaN).',
    ]);
  });
});
