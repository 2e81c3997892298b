import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../engine/protocol';
import { defaultEarlyStopping, type EarlyStoppingConfig } from '../model/earlyStopping';
import type { TaskSpec } from '../model/task';
import { testConfig } from '../testing/fixtures';
import { idleRun, type RunData, type RunState } from './runState';
import { statusText } from './statusText';

const history: EpochRecord[] = [0.8, 0.9333, 0.9, 0.9333].map((valMetric, i) => ({
  epoch: i + 1,
  loss: 0.5 - i * 0.1,
  valLoss: 0.4 - i * 0.01,
  metric: 0.7 + i * 0.05,
  valMetric,
  ms: 1,
  learningRate: 0.01,
}));

/** An ended run with early stopping on the given monitor; only the task of its data matters here. */
function ended(early: Partial<EarlyStoppingConfig>, outcome: RunState['outcome'], task: TaskSpec = { kind: 'binary' }): RunState {
  const config = testConfig({ earlyStopping: { ...defaultEarlyStopping, enabled: true, ...early } });
  return {
    ...idleRun,
    runId: 1,
    phase: 'ended',
    setup: { datasetId: 'moons', layers: [], config },
    data: { exportMeta: { task } } as unknown as RunData,
    history,
    outcome,
  };
}

describe('statusText names what early stopping monitored', () => {
  it('keeps the sentence "Stopped early at epoch N; restored weights from epoch K" and adds the best monitored value', () => {
    const run = ended({ monitor: 'val_metric' }, { kind: 'earlyStopped', epoch: 4, bestEpoch: 2, restoredFrom: 2 });
    expect(statusText(run)).toBe('Stopped early at epoch 4; restored weights from epoch 2 (best val_accuracy 0.9333).');
  });

  it('names val_loss, loss and a regression metric the same way', () => {
    expect(statusText(ended({}, { kind: 'earlyStopped', epoch: 4, bestEpoch: 3, restoredFrom: 3 }))).toBe(
      'Stopped early at epoch 4; restored weights from epoch 3 (best val_loss 0.3800).',
    );
    expect(statusText(ended({ monitor: 'loss' }, { kind: 'earlyStopped', epoch: 4, bestEpoch: 1, restoredFrom: null }))).toBe(
      'Stopped early at epoch 4; the best epoch was 1 (loss 0.5000).',
    );
    expect(statusText(ended({ monitor: 'val_metric' }, { kind: 'completed', epochs: 4, restoredFrom: 1 }, { kind: 'regression' }))).toMatch(
      /^Finished 4 epochs; restored weights from epoch 1 \(best val_mae 0\.8000\)\. loss/,
    );
  });

  it('leaves the value out when the epoch is not in the history', () => {
    expect(statusText(ended({ monitor: 'val_metric' }, { kind: 'earlyStopped', epoch: 40, bestEpoch: 20, restoredFrom: 20 }))).toBe(
      'Stopped early at epoch 40; restored weights from epoch 20.',
    );
  });
});

describe('the advice after a run diverges', () => {
  const diverged = (epoch: number, setup: Partial<NonNullable<RunState['setup']>>): RunState => ({
    ...idleRun,
    runId: 1,
    phase: 'ended',
    setup: { datasetId: 'concrete', layers: [], config: testConfig({ learningRate: 0.1, scaling: 'none' }), ...setup },
    outcome: { kind: 'diverged', epoch, value: 'NaN', keptEpoch: 0 },
  });

  it('names unscaled inputs before the learning rate when it diverges at once', () => {
    const text = statusText(diverged(1, { largestInput: 1145.2 }));
    expect(text).toContain('The inputs are not scaled (values up to 1,150)');
    expect(text).toContain('set Scaling to Standardize');
    expect(text.indexOf('Scaling')).toBeLessThan(text.indexOf('learning rate below 0.1'));
  });

  it('names imported weights first when the run started from them', () => {
    expect(statusText(diverged(1, { imported: true, largestInput: 2 }))).toMatch(/^Diverged: .*imported weights, which may be broken/);
  });

  it('suggests a lower learning rate when the inputs are scaled, or when it diverged later', () => {
    expect(statusText(diverged(1, { largestInput: 3 }))).toContain('Try a learning rate below 0.1, such as 0.01.');
    expect(statusText(diverged(8, { largestInput: 900 }))).toContain('Try a learning rate below 0.1, such as 0.01.');
  });
});
