import { describe, expect, it } from 'vitest';
import { testConfig } from '../testing/fixtures';
import { readKerasCode } from './kerasCode';
import { mergeKerasSettings } from './kerasSettings';

const current = testConfig({
  learningRate: 0.01,
  batchSize: 32,
  epochs: 100,
  earlyStopping: { enabled: false, patience: 20, minDelta: 0.001, restoreBestWeights: true },
});
const merge = (code: string) => mergeKerasSettings(current, readKerasCode(code).config);

describe('settings from pasted Keras code', () => {
  it('are taken when they are within the playground’s bounds', () => {
    const { config, problems } = merge(`model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.003), loss='mae')
early = callbacks.EarlyStopping(patience=7, min_delta=0.01)
model.fit(X, y, batch_size=64, epochs=30, validation_split=0.25, callbacks=[early])`);
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ learningRate: 0.003, batchSize: 64, epochs: 30, validationSplit: 0.25, loss: 'mae', optimizer: 'adam' });
    expect(config.earlyStopping).toMatchObject({ enabled: true, patience: 7, minDelta: 0.01 });
  });

  it('keep the current value, and say so, for a value out of bounds', () => {
    const { config, problems } = merge(`model.compile(optimizer=keras.optimizers.SGD(learning_rate=50), loss='mse')
early = callbacks.EarlyStopping(patience=-3)
model.fit(X, y, batch_size=10000000, epochs=99999, validation_split=1.5, callbacks=[early])`);
    expect(config).toMatchObject({ learningRate: 0.01, batchSize: 32, epochs: 100, validationSplit: current.validationSplit, optimizer: 'sgd', loss: 'mse' });
    expect(config.earlyStopping).toMatchObject({ enabled: true, patience: 20 });
    expect(problems).toEqual([
      'Learning rate must be above 0 and at most 10 (it is 50). The current value, 0.01, is kept.',
      'Batch size must be a whole number from 1 to 100,000 (it is 10000000). The current value, 32, is kept.',
      'Epochs must be a whole number from 1 to 10,000 (it is 99999). The current value, 100, is kept.',
      `Validation split must be between 0 and 1, such as 0.2 (it is 1.5). The current value, ${current.validationSplit}, is kept.`,
      'Patience must be a whole number of epochs, 0 or more (it is -3). The current value, 20, is kept.',
    ]);
  });

  it('turn early stopping off when the code has no EarlyStopping, as Keras would', () => {
    const { config } = mergeKerasSettings({ ...current, earlyStopping: { ...current.earlyStopping, enabled: true } }, readKerasCode('model.fit(X, y, epochs=5)').config);
    expect(config.earlyStopping.enabled).toBe(false);
    expect(config.epochs).toBe(5);
  });
});
