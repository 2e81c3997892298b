import { describe, expect, it } from 'vitest';
import { EarlyStopper } from './earlyStopping';

/**
 * Feeds a scripted val_loss sequence and returns where training stops and
 * which epoch's weights would be restored, following Keras's
 * `EarlyStopping.on_epoch_end` / `on_train_end`. Expected values below were
 * worked out by stepping through Keras 3's code by hand (0-based epochs there,
 * 1-based here).
 */
function play(valLosses: number[], patience: number, minDelta = 0) {
  const stopper = new EarlyStopper({ patience, minDelta });
  const snapshots: number[] = [];
  for (const [i, valLoss] of valLosses.entries()) {
    const epoch = i + 1;
    const verdict = stopper.observe(epoch, valLoss);
    if (verdict.snapshot) snapshots.push(epoch);
    if (verdict.stop) return { stoppedAt: epoch, bestEpoch: stopper.bestEpoch, snapshots };
  }
  return { stoppedAt: null, bestEpoch: stopper.bestEpoch, snapshots };
}

describe('EarlyStopper (Keras semantics)', () => {
  it('stops after `patience` epochs without improvement and points at the best epoch', () => {
    // best 0.5 at epoch 3; epochs 4, 5, 6 do not improve → wait reaches 3 at epoch 6.
    expect(play([1, 0.8, 0.5, 0.6, 0.55, 0.7, 0.4], 3)).toEqual({ stoppedAt: 6, bestEpoch: 3, snapshots: [1, 2, 3] });
  });

  it('with patience 0 stops at the first epoch without improvement, but never after epoch 1', () => {
    expect(play([1, 1.1], 0)).toEqual({ stoppedAt: 2, bestEpoch: 1, snapshots: [1] });
    expect(play([1], 0).stoppedAt).toBeNull();
  });

  it('counts an epoch as better only when val_loss < best − min_delta', () => {
    // 0.95 and 0.91 are within 0.1 of 1.0; 0.85 is not.
    expect(play([1, 0.95, 0.91, 0.85, 0.84, 0.8], 2, 0.1)).toEqual({ stoppedAt: 3, bestEpoch: 1, snapshots: [1] });
    // 0.85 beats 1.0 by more than 0.1; 0.84 and 0.8 do not beat 0.85 by 0.1; 0.7 does.
    expect(play([1, 0.85, 0.84, 0.8, 0.7], 3, 0.1)).toEqual({ stoppedAt: null, bestEpoch: 5, snapshots: [1, 2, 5] });
  });

  it('a tie is not an improvement', () => {
    expect(play([1, 1, 1], 2)).toEqual({ stoppedAt: 3, bestEpoch: 1, snapshots: [1] });
  });

  it('resets its count on improvement', () => {
    // Improvements at 1, 3, 5; two stale epochs in a row never happen until 6, 7.
    expect(play([5, 6, 4, 4.5, 3, 3.5, 3.2, 2], 2)).toEqual({ stoppedAt: 7, bestEpoch: 5, snapshots: [1, 3, 5] });
  });

  it('a NaN val_loss never improves, and the first epoch still holds the restore point', () => {
    // Not even epoch 1 improves, so its count is not reset: it reaches 2 at epoch 2.
    expect(play([Number.NaN, Number.NaN, Number.NaN], 2)).toEqual({ stoppedAt: 2, bestEpoch: 1, snapshots: [1] });
  });

  it('runs to the end when val_loss keeps improving, with the last epoch as best', () => {
    expect(play([4, 3, 2, 1], 1)).toEqual({ stoppedAt: null, bestEpoch: 4, snapshots: [1, 2, 3, 4] });
  });
});
