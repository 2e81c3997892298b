import { describe, expect, it } from 'vitest';
import {
  EarlyStopper,
  monitorDirection,
  monitorFromName,
  monitorName,
  monitorModes,
  replayEarlyStopping,
  type MonitorMode,
} from './earlyStopping';
import keras from './earlyStopping.keras.json';
import type { TaskSpec } from './task';

/** JSON has no NaN or Infinity: the fixture writes them as strings. */
const num = (value: number | string | null): number | null =>
  value === null ? null : typeof value === 'number' ? value : Number(value);

const taskOf = (compiledMetric: string): TaskSpec => (compiledMetric === 'mae' ? { kind: 'regression' } : { kind: 'binary' });

interface Played {
  stoppedAt: number | null;
  bestEpoch: number;
  best: number | null;
  wait: number;
  restoredFrom: number | null;
  snapshots: number[];
}

/**
 * Feeds a scripted sequence of monitored values the way the trainer does:
 * a snapshot is kept when the verdict says so and restore_best_weights is
 * on, and the last snapshot is put back when training ends.
 */
function play(values: number[], config: { patience: number; minDelta: number; baseline?: number | null; direction: 'min' | 'max'; restore?: boolean }): Played {
  const stopper = new EarlyStopper(config);
  const restore = config.restore ?? true;
  const snapshots: number[] = [];
  let stoppedAt: number | null = null;
  for (const [i, value] of values.entries()) {
    const verdict = stopper.observe(i + 1, value);
    if (verdict.snapshot && restore) snapshots.push(i + 1);
    if (verdict.stop) {
      stoppedAt = i + 1;
      break;
    }
  }
  const { best, bestEpoch, wait } = stopper.state;
  return { stoppedAt, bestEpoch, best, wait, restoredFrom: restore ? (snapshots.at(-1) ?? null) : null, snapshots };
}

describe('EarlyStopper against Keras 3 itself (earlyStopping.keras.json)', () => {
  it('was generated from Keras 3', () => {
    expect(keras.generatedBy).toMatch(/^keras 3\./);
    expect(keras.cases.length).toBeGreaterThanOrEqual(25);
  });

  for (const c of keras.cases) {
    it(c.name, () => {
      const task = taskOf(c.compiledMetric);
      const monitor = monitorFromName(c.monitor, task);
      expect(monitor).not.toBeNull();
      const config = { monitor: monitor!, mode: c.mode as MonitorMode };
      const direction = monitorDirection(config, task);
      expect(direction).toBe(c.expected.direction);
      const values = c.values.map((v) => num(v)!);
      const played = play(values, { patience: c.patience, minDelta: c.minDelta, baseline: c.baseline, direction, restore: c.restoreBestWeights });
      expect(played.stoppedAt).toBe(c.expected.stoppedAt);
      expect(played.bestEpoch).toBe(c.expected.bestEpoch);
      expect(played.best).toBe(num(c.expected.best));
      expect(played.wait).toBe(c.expected.wait);
      expect(played.restoredFrom).toBe(c.expected.restoredFrom);
      // Keras copies the first epoch's weights twice (once before judging it); the weights kept are the same.
      expect(played.snapshots).toEqual([...new Set(c.expected.snapshots)]);
    });
  }

  it('covers every monitor and every mode', () => {
    const monitors = new Set(keras.cases.map((c) => monitorFromName(c.monitor, taskOf(c.compiledMetric))));
    expect([...monitors].sort()).toEqual(['loss', 'metric', 'val_loss', 'val_metric']);
    expect(new Set(keras.cases.map((c) => c.mode))).toEqual(new Set(monitorModes));
    expect(keras.cases.some((c) => c.baseline !== null && c.minDelta > 0)).toBe(true);
  });
});

describe('EarlyStopper (worked examples)', () => {
  it('val_loss: stops after `patience` epochs without a fall and points at the lowest', () => {
    expect(play([1, 0.8, 0.5, 0.6, 0.55, 0.7, 0.4], { patience: 3, minDelta: 0, direction: 'min' })).toMatchObject({ stoppedAt: 6, bestEpoch: 3 });
  });

  it('val_accuracy (max): a rise must exceed min_delta, `current − min_delta > best`', () => {
    // 0.54 is within 0.05 of 0.5, 0.6 within 0.05 of 0.56; 0.56, 0.62 and 0.7 rise by more.
    expect(play([0.5, 0.54, 0.56, 0.6, 0.62, 0.64, 0.7], { patience: 3, minDelta: 0.05, direction: 'max' })).toMatchObject({
      stoppedAt: null,
      bestEpoch: 7,
      snapshots: [1, 3, 5, 7],
    });
    expect(play([0.5, 0.54, 0.53, 0.55], { patience: 2, minDelta: 0.05, direction: 'max' }).stoppedAt).toBe(3);
  });

  it('the first of equal maxima is the best epoch', () => {
    expect(play([0.5, 0.8, 0.8, 0.7], { patience: 2, minDelta: 0, direction: 'max' })).toMatchObject({ stoppedAt: 4, bestEpoch: 2 });
  });

  it('with a baseline, an improving epoch that misses it keeps the count going but never stops', () => {
    // Rising every epoch but below 0.8: wait climbs to 4, yet only the flat epoch 5 can stop.
    expect(play([0.5, 0.6, 0.7, 0.75, 0.75], { patience: 3, minDelta: 0, baseline: 0.8, direction: 'max' })).toMatchObject({
      stoppedAt: 5,
      bestEpoch: 4,
      wait: 5,
    });
    // Once above the baseline it behaves as without one.
    expect(play([0.5, 0.85, 0.84, 0.83], { patience: 2, minDelta: 0, baseline: 0.8, direction: 'max' })).toMatchObject({ stoppedAt: 4, bestEpoch: 2 });
  });

  it('min_delta is taken as its absolute value, as Keras does', () => {
    expect(play([1, 0.95, 0.85], { patience: 5, minDelta: -0.1, direction: 'min' }).snapshots).toEqual([1, 3]);
  });

  it('goes on from a carried-over state as if it had never stopped', () => {
    const whole = play([1, 0.8, 0.9, 0.85, 0.95], { patience: 3, minDelta: 0, direction: 'min' });
    const first = new EarlyStopper({ patience: 3, minDelta: 0 });
    first.observe(1, 1);
    first.observe(2, 0.8);
    first.observe(3, 0.9);
    const second = new EarlyStopper({ patience: 3, minDelta: 0 }, first.state);
    expect(second.observe(4, 0.85).stop).toBe(false);
    expect(second.observe(5, 0.95).stop).toBe(true);
    expect(second.bestEpoch).toBe(whole.bestEpoch);
  });
});

describe('monitor names and directions', () => {
  const binary: TaskSpec = { kind: 'binary' };
  const regression: TaskSpec = { kind: 'regression' };

  it('names the monitor as Keras logs it for the task', () => {
    expect(monitorName('val_metric', binary)).toBe('val_accuracy');
    expect(monitorName('val_metric', regression)).toBe('val_mae');
    expect(monitorName('metric', { kind: 'multiclass', numClasses: 3 })).toBe('accuracy');
    expect(monitorName(undefined, binary)).toBe('val_loss');
    expect(monitorFromName('val_accuracy', binary)).toBe('val_metric');
    expect(monitorFromName('val_accuracy', regression)).toBeNull();
    expect(monitorFromName('val_precision', binary)).toBeNull();
  });

  it("follows Keras's 'auto' rule: max for accuracy, min for losses and MAE", () => {
    expect(monitorDirection({ monitor: 'val_metric', mode: 'auto' }, binary)).toBe('max');
    expect(monitorDirection({ monitor: 'metric', mode: 'auto' }, binary)).toBe('max');
    expect(monitorDirection({ monitor: 'val_metric', mode: 'auto' }, regression)).toBe('min');
    expect(monitorDirection({ monitor: 'loss', mode: 'auto' }, binary)).toBe('min');
    expect(monitorDirection({}, binary)).toBe('min');
    expect(monitorDirection({ monitor: 'val_loss', mode: 'max' }, binary)).toBe('max');
  });

  it('replays a history to find the best epoch of the monitored value', () => {
    const history = [0.6, 0.7, 0.7, 0.65, 0.66].map((valMetric, i) => ({ epoch: i + 1, loss: 1, valLoss: 1 - i * 0.1, metric: 0, valMetric }));
    const config = { enabled: true, patience: 3, minDelta: 0, restoreBestWeights: true, monitor: 'val_metric' as const };
    expect(replayEarlyStopping(history, config, binary)).toEqual({ stoppedAt: 5, bestEpoch: 2 });
    expect(replayEarlyStopping(history, { ...config, monitor: 'val_loss' }, binary)).toEqual({ stoppedAt: null, bestEpoch: 5 });
  });
});
