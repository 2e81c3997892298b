import { describe, expect, it } from 'vitest';
import { checkTrainingConfig, type TrainingConfig } from './trainingConfig';

const good: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 32,
  epochs: 10,
  loss: 'mse',
  validationSplit: 0.2,
  seed: 1,
};

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
    expect(checkTrainingConfig({ ...good, batchSize: 900 }, 800)).toEqual([
      'Batch size 900 is larger than the 800 training rows.',
    ]);
    expect(checkTrainingConfig({ ...good, epochs: 0 }, 800)[0]).toMatch(/Epochs must be a whole number from 1 to 10,000/);
    expect(checkTrainingConfig({ ...good, validationSplit: 1 }, 800)[0]).toMatch(/Validation split/);
  });
});
