import { describe, expect, it } from 'vitest';
import { createRng } from '../data/rng';
import { bestEpoch, median, noiseAround, overfittingRange, smooth, stepNoise, type LossPoint } from './curves';

const curve = (train: number[], val: number[]): LossPoint[] =>
  train.map((loss, i) => ({ epoch: i + 1, loss, valLoss: val[i]! }));

describe('bestEpoch', () => {
  it('finds the lowest validation loss and skips NaN', () => {
    expect(bestEpoch(curve([1, 1, 1, 1], [0.9, 0.5, Number.NaN, 0.7]))).toBe(2);
    expect(bestEpoch([])).toBeNull();
  });
});

describe('overfittingRange', () => {
  it('marks the epochs after the validation minimum when val rises while train falls', () => {
    const history = curve([1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2], [1, 0.8, 0.7, 0.72, 0.75, 0.8, 0.9]);
    expect(overfittingRange(history)).toEqual({ from: 3, to: 7 });
  });

  it('says nothing while both still fall, or when the rise is within noise', () => {
    expect(overfittingRange(curve([1, 0.8, 0.6, 0.5, 0.4], [1, 0.8, 0.7, 0.65, 0.6]))).toBeNull();
    expect(overfittingRange(curve([1, 0.8, 0.6, 0.5, 0.4, 0.3], [1, 0.7, 0.705, 0.708, 0.71, 0.709]))).toBeNull();
    // One noisy epoch well above the minimum is not a trend.
    expect(overfittingRange(curve([1, 0.8, 0.6, 0.5, 0.4, 0.3], [1, 0.7, 0.71, 0.72, 0.7, 0.76]))).toBeNull();
  });

  it('ignores wiggles that are large relative to a near-zero loss but invisible on the chart', () => {
    const train = [0.6, 0.3, 0.1, 0.01, 0.005, 0.004, 0.003, 0.002];
    const val = [0.55, 0.3, 0.1, 0.01, 0.004, 0.006, 0.0065, 0.007];
    expect(overfittingRange(curve(train, val))).toBeNull();
  });

  it('needs a few epochs past the minimum', () => {
    expect(overfittingRange(curve([1, 0.8, 0.6, 0.5], [1, 0.7, 0.9, 1.2]))).toBeNull();
  });

  it('is not overfitting when training loss rose too (that is instability)', () => {
    expect(overfittingRange(curve([1, 0.5, 0.6, 0.7, 0.8], [1, 0.5, 0.6, 0.7, 0.8]))).toBeNull();
  });
});

describe('smoothing and noise', () => {
  it('smooths away a one-epoch spike and keeps a trend', () => {
    expect(smooth([1, 1, 5, 1, 1])).toEqual([1, 1, 1, 1, 1]);
    expect(smooth([5, 4, 3, 2, 1])).toEqual([4.5, 4, 3, 2, 1.5]);
  });

  it('stepNoise counts a trend as movement, noiseAround does not', () => {
    expect(stepNoise([5, 4, 3, 2, 1])).toBe(1);
    // Only the last value, smoothed over 2, is off its line.
    expect(noiseAround([9, 8, 7, 6, 5, 4, 3, 2, 1, 0], 1)).toBeLessThan(0.1);
    expect(noiseAround([1, 2, 1, 2, 1, 2])).toBeGreaterThan(0.3);
  });
});

describe('overfittingRange on a flat training loss near 0', () => {
  it('counts val_loss rising while training loss sits at ~0 (the gap grows)', () => {
    const train = Array.from({ length: 40 }, (_, i) => 0.3 * Math.exp(-i / 3) + 1e-5);
    const val = Array.from({ length: 40 }, (_, i) => (i < 5 ? 0.4 - 0.06 * i : 0.1 + 0.012 * (i - 4)));
    // Lowest at epoch 6 (0.112), then up by 0.012 an epoch.
    expect(overfittingRange(curve(train, val))).toEqual({ from: 6, to: 40 });
  });
});


describe('smooth', () => {
  it('is the median of each value and its neighbours (the mean of two at the ends), for any curve', () => {
    const rng = createRng(3);
    for (const n of [1, 2, 3, 4, 10, 57]) {
      const values = Array.from({ length: n }, () => rng.uniform(-1, 1));
      const byDefinition = values.map((_, i) => median(values.slice(Math.max(0, i - 1), i + 2)));
      expect(smooth(values)).toEqual(byDefinition);
    }
  });
});
