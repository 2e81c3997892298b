import { describe, expect, it } from 'vitest';
import { defaultEarlyStopping } from '../../model/earlyStopping';
import { earlyStoppingHint } from './earlyStoppingHint';

describe('earlyStoppingHint', () => {
  const on = { ...defaultEarlyStopping, enabled: true };

  it('follows the monitor and its direction', () => {
    expect(earlyStoppingHint(on, { kind: 'binary' })).toBe(
      'Stops when val_loss has not fallen by more than 0.001 for 20 epochs, then puts back the weights of the epoch with the lowest val_loss.',
    );
    expect(earlyStoppingHint({ ...on, monitor: 'val_metric', patience: 1, restoreBestWeights: false }, { kind: 'binary' })).toBe(
      'Stops when val_accuracy has not risen by more than 0.001 for 1 epoch.',
    );
    expect(earlyStoppingHint({ ...on, monitor: 'val_metric' }, { kind: 'regression' })).toMatch(/^Stops when val_mae has not fallen/);
    expect(earlyStoppingHint({ ...on, monitor: 'loss', mode: 'max' }, null)).toMatch(/^Stops when loss has not risen/);
  });

  it('says what a baseline does', () => {
    expect(earlyStoppingHint({ ...on, monitor: 'val_metric', baseline: 0.8, restoreBestWeights: false }, { kind: 'binary' })).toBe(
      'Stops when val_accuracy has not risen by more than 0.001 for 20 epochs; until it is above the baseline 0.8, no epoch restarts the count.',
    );
  });
});
