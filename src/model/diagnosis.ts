import { bestEpoch, overfittingRange, type LossPoint } from './curves';

/** The state of a run as its curves show it. */
export type FitState = 'early' | 'improving' | 'underfitting' | 'goodFit' | 'overfitting' | 'plateau' | 'diverged';

export interface Diagnosis {
  state: FitState;
  /** Short label for the badge. */
  label: string;
  /** One sentence saying what the curves show and what to try. */
  sentence: string;
}

/**
 * The thresholds of the rules, in one place so they can be documented and
 * tested. "Window" is the last stretch of epochs the trend is read from.
 */
export const diagnosisRules = {
  /** Fewer epochs than this and nothing is concluded yet. */
  minEpochs: 5,
  /** The window: this share of the epochs so far, at least `minWindow` epochs. */
  windowShare: 0.2,
  minWindow: 5,
  /** val_loss still falling by more than this share of itself across the window: still improving. */
  improving: 0.02,
  /** Training loss still above this share of its first-epoch value when it stops improving: underfitting. */
  underfitShare: 0.6,
  /** val_loss within this share above training loss counts as close together. */
  closeGap: 0.15,
} as const;

const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * Names the state of a run from its history, checked in this order:
 * diverged (a non-finite loss); early (too few epochs); overfitting (see
 * `overfittingRange`: val_loss has risen clearly above its minimum while
 * training loss kept falling); still improving (val_loss fell by more than
 * `improving` of itself between the first and second half of the window);
 * underfitting (it stopped improving with training loss still above
 * `underfitShare` of where it started); good fit (stopped improving with
 * val_loss within `closeGap` of training loss); otherwise plateau.
 */
export function diagnose(history: readonly LossPoint[]): Diagnosis {
  const last = history[history.length - 1];
  if (last && (!Number.isFinite(last.loss) || !Number.isFinite(last.valLoss))) {
    return { state: 'diverged', label: 'Diverged', sentence: `The loss became ${Number.isNaN(last.loss) ? 'NaN' : 'infinite'} at epoch ${last.epoch}: the steps are too large. Try a smaller learning rate.` };
  }
  const rules = diagnosisRules;
  if (!last || history.length < rules.minEpochs) {
    return { state: 'early', label: 'Still improving', sentence: 'Too early to tell: the first epochs always move fast.' };
  }
  const overfit = overfittingRange(history);
  if (overfit) {
    return {
      state: 'overfitting',
      label: `Overfitting since epoch ${overfit.from}`,
      sentence: `Validation loss was lowest at epoch ${overfit.from} and has risen since while training loss kept falling: the model is memorizing the training rows. Try dropout, fewer units, or early stopping.`,
    };
  }
  const size = Math.max(rules.minWindow, Math.round(history.length * rules.windowShare));
  const window = history.slice(-size);
  const half = Math.floor(window.length / 2);
  const before = mean(window.slice(0, half).map((p) => p.valLoss));
  const after = mean(window.slice(half).map((p) => p.valLoss));
  if (before - after > rules.improving * Math.abs(before)) {
    return { state: 'improving', label: 'Still improving', sentence: 'Both losses are still falling: more epochs will help.' };
  }
  const first = history[0]!;
  const trainNow = mean(window.slice(half).map((p) => p.loss));
  if (trainNow > rules.underfitShare * first.loss) {
    return {
      state: 'underfitting',
      label: 'Underfitting',
      sentence: 'Both losses levelled off high: the model is too simple for the data (or the learning rate too small). Try more units or layers.',
    };
  }
  if (after <= trainNow * (1 + rules.closeGap) || after <= trainNow + 1e-6) {
    const best = bestEpoch(history);
    return { state: 'goodFit', label: 'Good fit', sentence: `Both losses have levelled off close together${best ? ` (lowest val_loss at epoch ${best})` : ''}: a good place to stop.` };
  }
  return {
    state: 'plateau',
    label: 'Plateau',
    sentence: 'Validation loss has stopped falling and sits well above training loss. Regularization or more data may help; more epochs will not.',
  };
}
