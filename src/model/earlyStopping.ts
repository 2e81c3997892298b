import { metricFor, type TaskSpec } from './task';

/**
 * Keras 3's `EarlyStopping(monitor, mode, min_delta, patience, baseline,
 * restore_best_weights)`, as a pure state machine the trainer feeds one
 * monitored value per epoch. Checked against Keras 3.15's
 * `callbacks/early_stopping.py` and `monitor_callback.py`, whose own outputs
 * on scripted sequences are in earlyStopping.keras.json.
 *
 * Keras's rules, kept exactly:
 * - the direction (`monitor_op`) is `less` for mode 'min', `greater` for
 *   'max'; 'auto' takes it from the monitored quantity: less for a loss,
 *   the metric's own direction otherwise (accuracy up, MAE down);
 * - an epoch improves when `current − min_delta > best` (max) or
 *   `current + min_delta < best` (min); `best` starts empty, so the first
 *   epoch always improves, even with a NaN (after which nothing ever
 *   compares better: NaN never improves on anything, nor is improved on);
 * - a counter of epochs without improvement is incremented every epoch; an
 *   improving epoch resets it only when it also beats `baseline` (when one
 *   is given), and an improving epoch never stops training;
 * - training stops when the counter reaches `patience`, never after the very
 *   first epoch;
 * - with `restore_best_weights` the best epoch's weights are put back when
 *   training ends, whether it stopped early or ran out of epochs.
 */
export interface EarlyStoppingConfig {
  enabled: boolean;
  /** Epochs without improvement to wait before stopping; whole number ≥ 0. */
  patience: number;
  /** How much the monitored value must improve to count; ≥ 0, in its units. */
  minDelta: number;
  restoreBestWeights: boolean;
  /** What is watched; Keras's default 'val_loss' when absent (configs from before the choice existed). */
  monitor?: MonitorKind;
  /** Which way is better; Keras's default 'auto' when absent. */
  mode?: MonitorMode;
  /** A value the monitored quantity must beat before waiting restarts; none (Keras's `None`) when null or absent. */
  baseline?: number | null;
}

/**
 * The quantities of Keras's epoch logs the playground can watch, named by
 * role because the metric's own name depends on the task: 'val_metric' is
 * val_accuracy for classification and val_mae for regression.
 */
export const monitorKinds = ['val_loss', 'val_metric', 'loss', 'metric'] as const;
export type MonitorKind = (typeof monitorKinds)[number];

export const monitorModes = ['auto', 'min', 'max'] as const;
export type MonitorMode = (typeof monitorModes)[number];

export type MonitorDirection = 'min' | 'max';

export const defaultEarlyStopping: Required<EarlyStoppingConfig> = {
  enabled: false,
  patience: 20,
  minDelta: 0.001,
  restoreBestWeights: true,
  monitor: 'val_loss',
  mode: 'auto',
  baseline: null,
};

/** The name Keras logs the monitored quantity under for a task: val_loss, val_accuracy, mae… */
export function monitorName(monitor: MonitorKind | undefined, task: TaskSpec | null): string {
  const metric = task ? metricFor(task) : 'metric';
  switch (monitor ?? 'val_loss') {
    case 'val_loss':
      return 'val_loss';
    case 'loss':
      return 'loss';
    case 'val_metric':
      return `val_${metric}`;
    case 'metric':
      return metric;
  }
}

/** The monitor a Keras name stands for on a task, or null when the playground does not log it (val_precision, or val_mae on a classifier). */
export function monitorFromName(name: string, task: TaskSpec): MonitorKind | null {
  return monitorKinds.find((kind) => monitorName(kind, task) === name) ?? null;
}

/**
 * Keras's `monitor_op` for the config: mode 'auto' is 'min' for a loss and
 * the metric's direction otherwise (accuracy's `_direction` is "up", MAE's
 * "down"). Without a task, a metric is taken as accuracy.
 */
export function monitorDirection(config: Pick<EarlyStoppingConfig, 'monitor' | 'mode'>, task: TaskSpec | null): MonitorDirection {
  const mode = config.mode ?? 'auto';
  if (mode !== 'auto') return mode;
  const monitor = config.monitor ?? 'val_loss';
  if (monitor === 'val_loss' || monitor === 'loss') return 'min';
  return task && metricFor(task) === 'mae' ? 'min' : 'max';
}

/** The four values of an epoch's logs early stopping can watch. */
export interface MonitoredLogs {
  loss: number;
  valLoss: number;
  metric: number;
  valMetric: number;
}

/** The value of the monitored quantity in an epoch's logs. */
export function monitoredValue(monitor: MonitorKind | undefined, logs: MonitoredLogs): number {
  switch (monitor ?? 'val_loss') {
    case 'val_loss':
      return logs.valLoss;
    case 'loss':
      return logs.loss;
    case 'val_metric':
      return logs.valMetric;
    case 'metric':
      return logs.metric;
  }
}

/** What the trainer must do after an epoch. */
export interface EarlyStoppingVerdict {
  /** Snapshot the current weights: they are the best so far. */
  snapshot: boolean;
  /** Stop training now. */
  stop: boolean;
}

/** Where an EarlyStopper stands, to carry it over when a run moves to another backend. */
export interface EarlyStoppingState {
  /** Best monitored value so far (may be NaN, as in Keras); null before any epoch. */
  best: number | null;
  /** 1-based epoch of `best`; 0 before any epoch. */
  bestEpoch: number;
  wait: number;
}

/** What an EarlyStopper needs of the config, its direction resolved (see monitorDirection). */
export interface StopperConfig {
  patience: number;
  minDelta: number;
  baseline?: number | null;
  /** 'min' when absent, as for Keras's default val_loss. */
  direction?: MonitorDirection;
}

export class EarlyStopper {
  /** Best monitored value that counted as an improvement; null before any epoch (Keras's `None`). */
  best: number | null = null;
  /** 1-based epoch of `best`; 0 before any epoch. */
  bestEpoch = 0;
  private wait = 0;
  private readonly direction: MonitorDirection;
  /** Keras's signed min_delta: `abs(min_delta)`, negated for 'min'. */
  private readonly delta: number;

  constructor(
    private readonly config: StopperConfig,
    from?: EarlyStoppingState | null,
  ) {
    this.direction = config.direction ?? 'min';
    this.delta = this.direction === 'min' ? -Math.abs(config.minDelta) : Math.abs(config.minDelta);
    if (from) ({ best: this.best, bestEpoch: this.bestEpoch, wait: this.wait } = from);
  }

  get state(): EarlyStoppingState {
    return { best: this.best, bestEpoch: this.bestEpoch, wait: this.wait };
  }

  /** Keras's `_is_improvement`: `monitor_op(current − min_delta, reference)`; NaN compares false. */
  private improves(current: number, reference: number | null): boolean {
    if (reference === null) return true;
    const shifted = current - this.delta;
    return this.direction === 'min' ? shifted < reference : shifted > reference;
  }

  /** Feeds the monitored value of a finished epoch (1-based). */
  observe(epoch: number, current: number): EarlyStoppingVerdict {
    this.wait += 1;
    if (this.improves(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      const baseline = this.config.baseline ?? null;
      // Only restart waiting if the value beats both the previous best and the baseline.
      if (baseline === null || this.improves(current, baseline)) this.wait = 0;
      return { snapshot: true, stop: false };
    }
    return { snapshot: false, stop: this.wait >= this.config.patience && epoch > 1 };
  }
}

/**
 * Replays early stopping over a history: the epoch it would stop at (null if
 * it would not) and its best epoch (0 for an empty history), so a chart can
 * mark the best epoch of the monitored value while a run is still going.
 */
export function replayEarlyStopping(
  history: readonly (MonitoredLogs & { epoch: number })[],
  config: EarlyStoppingConfig,
  task: TaskSpec | null,
): { stoppedAt: number | null; bestEpoch: number } {
  const stopper = new EarlyStopper({ ...config, direction: monitorDirection(config, task) });
  for (const record of history) {
    if (stopper.observe(record.epoch, monitoredValue(config.monitor, record)).stop) return { stoppedAt: record.epoch, bestEpoch: stopper.bestEpoch };
  }
  return { stoppedAt: null, bestEpoch: stopper.bestEpoch };
}
