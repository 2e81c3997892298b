/**
 * Keras's `EarlyStopping(monitor='val_loss')`, as a pure state machine the
 * trainer feeds one validation loss per epoch.
 *
 * Keras's rules, kept exactly: an epoch improves when
 * `val_loss < best − min_delta`; a counter of epochs without improvement is
 * incremented every epoch and reset on improvement; training stops when the
 * counter reaches `patience` (never after the very first epoch); with
 * `restore_best_weights` the best epoch's weights are put back when training
 * ends, whether it stopped early or ran out of epochs. The weights of the
 * first epoch count as the best until an epoch improves on them.
 */
export interface EarlyStoppingConfig {
  enabled: boolean;
  /** Epochs without improvement to wait before stopping; whole number ≥ 0. */
  patience: number;
  /** How much val_loss must fall to count as an improvement; ≥ 0, in the loss's units. */
  minDelta: number;
  restoreBestWeights: boolean;
}

export const defaultEarlyStopping: EarlyStoppingConfig = {
  enabled: false,
  patience: 20,
  minDelta: 0.001,
  restoreBestWeights: true,
};

/** What the trainer must do after an epoch. */
export interface EarlyStoppingVerdict {
  /** Snapshot the current weights: they are the best so far. */
  snapshot: boolean;
  /** Stop training now. */
  stop: boolean;
}

/** Where an EarlyStopper stands, to carry it over when a run moves to another backend. */
export interface EarlyStoppingState {
  best: number;
  bestEpoch: number;
  wait: number;
}

export class EarlyStopper {
  /** Lowest val_loss seen that counted as an improvement. */
  best = Number.POSITIVE_INFINITY;
  /** 1-based epoch of `best`, or of the first epoch before any improvement; 0 before any epoch. */
  bestEpoch = 0;
  private wait = 0;

  constructor(
    private readonly config: Pick<EarlyStoppingConfig, 'patience' | 'minDelta'>,
    from?: EarlyStoppingState | null,
  ) {
    if (from) ({ best: this.best, bestEpoch: this.bestEpoch, wait: this.wait } = from);
  }

  get state(): EarlyStoppingState {
    return { best: this.best, bestEpoch: this.bestEpoch, wait: this.wait };
  }

  /** Feeds the val_loss of a finished epoch (1-based). */
  observe(epoch: number, valLoss: number): EarlyStoppingVerdict {
    const first = this.bestEpoch === 0;
    if (first) this.bestEpoch = epoch;
    this.wait += 1;
    // Keras's comparison, `current + min_delta < best`; NaN compares false,
    // so a NaN val_loss never counts as an improvement.
    if (valLoss + this.config.minDelta < this.best) {
      this.best = valLoss;
      this.bestEpoch = epoch;
      this.wait = 0;
      return { snapshot: true, stop: false };
    }
    const stop = this.wait >= this.config.patience && epoch > 1;
    return { snapshot: first, stop };
  }
}
