import { lossScale, mean, median, overfittingRange, smooth, type LossPoint } from './curves';

/** The state of a run as its curves show it. 'unstable': the losses jump around instead of settling. */
export type FitState = 'early' | 'improving' | 'underfitting' | 'goodFit' | 'overfitting' | 'plateau' | 'unstable' | 'diverged';

export interface Diagnosis {
  state: FitState;
  /** Short label for the badge. */
  label: string;
  /** One sentence saying what the curves show and what to try. */
  sentence: string;
}

/** What else is known about the run besides its history. */
export interface DiagnoseOptions {
  /**
   * The epoch whose weights early stopping put back when the run ended
   * (RunOutcome's `restoredFrom`): the model is now that epoch's, and is
   * judged as such. Null or absent: none.
   */
  restoredFrom?: number | null;
  /**
   * The validation loss of predicting the best constant for every row
   * (constantLoss.ts), in the loss's units. Lets the rules tell a run stuck
   * at a constant output from one that converged. Null or absent: unknown.
   */
  constantLoss?: number | null;
}

/**
 * The thresholds of the rules, in one place so they can be documented and
 * tested. "Scale" is `lossScale` (the first val_loss, or the constant's loss
 * when larger); "recent" is the last `recentShare` of the epochs, at least
 * `minRecent`; noise is `stepNoise`, the median change from one epoch to the next.
 */
export const diagnosisRules = {
  /** Fewer epochs than this and nothing is concluded yet. */
  minEpochs: 5,
  /** The recent epochs: this share of the epochs so far, at least `minRecent` (all of them when fewer). */
  recentShare: 0.2,
  minRecent: 10,
  /** Diverging: the training loss grew this many times over in each of the last 3 epochs… */
  divergingGrowth: 3,
  /** …and is this many times its lowest value. */
  divergingFactor: 100,
  /** Unstable: training loss moves on average by more than this share of the scale per recent epoch… */
  unstableTrain: 0.25,
  /**
   * …or by more than this share while val_loss jumps by more than `unstableBoth` of the scale too, or while
   * it is not learning: val_loss at the stuck level, or training loss `unstableWorse` of the scale above its best.
   */
  unstableTrainNotLearning: 0.05,
  unstableBoth: 0.13,
  unstableWorse: 0.1,
  /** …or val_loss moves by more than this share per epoch while training loss moves at most a third as much. */
  unstableVal: 0.25,
  /**
   * Still improving: the recent val_loss is below every earlier (smoothed) value, and either by more than
   * `improvingAbs` of the scale and `improvingRel` of its level, or its trend (Theil–Sen, see `trend`) falls
   * by that much and is evident: a Mann–Kendall z above `improvingZ`, or above `improvingBothZ` for val_loss
   * and training loss both.
   */
  improvingAbs: 0.01,
  improvingRel: 0.02,
  improvingZ: 2,
  improvingBothZ: 1.5,
  /** …or, when the recent val_loss is that far below every earlier value, a z above this (it has not levelled off since). */
  improvingBelowZ: 1,
  /** Underfitting: recent val_loss at least this share of the constant's loss… */
  underfitConstant: 0.8,
  /** …or, when the constant's loss is not known, of the first epoch's val_loss. */
  underfitFirst: 0.9,
  /** Good fit: recent val_loss above recent training loss by at most this share of the training loss… */
  closeGap: 0.15,
  /** …or by at most this share of the scale (a gap between two losses near 0 is no gap). */
  closeGapAbs: 0.07,
} as const;

const isFiniteLoss = (p: LossPoint) => Number.isFinite(p.loss) && Number.isFinite(p.valLoss);

/**
 * The trend of `values` (one per epoch), robust to spikes: how much it falls
 * from the first to the last of them by the Theil–Sen slope (the median of
 * the slopes between all pairs; negative: it rises), and the Mann–Kendall
 * z-score of a falling trend (about 0 for noise alone; above 2 rarely by chance).
 */
function trend(values: readonly number[]): { fall: number; z: number } {
  const n = values.length;
  if (n < 3) return { fall: 0, z: 0 };
  // A typed array, sorted natively: the recent stretch of a 2,000-epoch run has 125,000 pairs,
  // and the page reads the diagnosis as the run trains.
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let score = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      slopes[k++] = (values[j]! - values[i]!) / (j - i);
      score += Math.sign(values[i]! - values[j]!);
    }
  }
  slopes.sort();
  const mid = slopes.length >> 1;
  const medianSlope = slopes.length % 2 ? slopes[mid]! : (slopes[mid - 1]! + slopes[mid]!) / 2;
  const sd = Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  const z = score === 0 ? 0 : (score - Math.sign(score)) / sd;
  return { fall: -medianSlope * (n - 1), z };
}

/** Mean absolute change from one epoch to the next. */
const meanStep = (values: readonly number[]) => (values.length < 2 ? 0 : mean(values.slice(1).map((v, i) => Math.abs(v - values[i]!))));

/**
 * Names the state of a run from its history, checked in this order (the
 * README lists the rules with their thresholds, `diagnosisRules`):
 * diverged (a non-finite loss, or a training loss growing many times over
 * each epoch); early (too few epochs); restored (early stopping put back an
 * earlier epoch: the model is judged as that epoch's); unstable (the losses
 * jump by a large share of their scale from epoch to epoch); still improving
 * (val_loss making new lows with an evident downward trend); underfitting
 * (both losses at about the loss of a constant prediction); overfitting (see
 * `overfittingRange`); good fit (levelled off close together); otherwise
 * plateau (levelled off, val_loss well above training loss). Changes are
 * judged against the loss's scale and its noise as well as relatively, so a
 * loss near 0 changing by a few percent is not a trend.
 */
export function diagnose(history: readonly LossPoint[], options: DiagnoseOptions = {}): Diagnosis {
  const last = history[history.length - 1];
  if (last && !isFiniteLoss(last)) {
    const value = Number.isNaN(last.loss) || Number.isNaN(last.valLoss) ? 'NaN' : 'infinite';
    return { state: 'diverged', label: 'Diverged', sentence: `The loss became ${value} at epoch ${last.epoch}: the steps are too large. Try a smaller learning rate.` };
  }
  const rules = diagnosisRules;
  const losses = history.map((p) => p.loss);
  const last4 = losses.slice(-4);
  if (
    last4.length === 4 &&
    last4.every((v, i) => i === 0 || v >= rules.divergingGrowth * last4[i - 1]!) &&
    last4[3]! >= rules.divergingFactor * Math.min(...losses)
  ) {
    return { state: 'diverged', label: 'Diverging', sentence: 'The training loss grows many times over each epoch: the steps are too large and the weights run away. Stop and try a smaller learning rate.' };
  }
  if (!last || history.length < rules.minEpochs) {
    return { state: 'early', label: 'Still improving', sentence: 'Too early to tell: the first epochs always move fast.' };
  }
  const restored = options.restoredFrom ?? null;
  if (restored !== null && restored < last.epoch) return diagnoseRestored(history, restored, options.constantLoss ?? null);
  return diagnoseCurves(history, options.constantLoss ?? null);
}

function diagnoseCurves(history: readonly LossPoint[], constantLoss: number | null): Diagnosis {
  const rules = diagnosisRules;
  const n = history.length;
  const scale = lossScale(history, constantLoss);
  const trains = history.map((p) => p.loss);
  const vals = history.map((p) => p.valLoss);
  const size = Math.min(n, Math.max(rules.minRecent, Math.round(n * rules.recentShare)));
  // Epoch 1's training loss is a mean over steps from random weights, often far off the rest: never part of the recent stretch.
  const recentTrain = trains.slice(Math.max(1, n - size));
  const recentVal = vals.slice(-size);
  const half = Math.floor(size / 2);
  const valNow = median(recentVal.slice(half));
  const trainNow = median(recentTrain.slice(half));
  const stuckLevel = constantLoss !== null && Number.isFinite(constantLoss) && constantLoss > 0 ? rules.underfitConstant * constantLoss : rules.underfitFirst * vals[0]!;
  const jumpTrain = meanStep(recentTrain) / scale;
  const jumpVal = meanStep(recentVal) / scale;
  const trainWorse = trainNow - Math.min(...smooth(trains)) > rules.unstableWorse * scale;
  if (jumpTrain > rules.unstableTrain || (jumpTrain > rules.unstableTrainNotLearning && (jumpVal > rules.unstableBoth || trainWorse || valNow >= stuckLevel))) {
    return { state: 'unstable', label: 'Unstable', sentence: 'The training loss jumps up and down from epoch to epoch instead of settling: the learning rate is too high. Try a smaller one.' };
  }
  if (jumpVal > rules.unstableVal && jumpTrain < jumpVal / 3) {
    return {
      state: 'unstable',
      label: 'Unstable',
      sentence: 'Validation loss jumps from epoch to epoch while training loss is steady: predictions on new rows swing with every update. Read the trend, not one epoch; a smaller learning rate or larger batches steady it.',
    };
  }
  const valTrend = trend(recentVal);
  const trainTrend = trend(recentTrain);
  // New lows: a curve climbing back down after a burst of noise is not improving.
  const before = smooth(vals).slice(0, n - size);
  const newLows = before.length === 0 || valNow < Math.min(...before);
  const big = (drop: number) => drop > rules.improvingAbs * scale && drop > rules.improvingRel * valNow;
  const belowAll = before.length > 0 && big(Math.min(...before) - valNow) && valTrend.z > rules.improvingBelowZ;
  const evident = valTrend.z > rules.improvingZ || (valTrend.z > rules.improvingBothZ && trainTrend.z > rules.improvingBothZ);
  if (newLows && (belowAll || (big(valTrend.fall) && evident))) {
    return { state: 'improving', label: 'Still improving', sentence: 'Validation loss is still falling: more epochs will help.' };
  }
  if (valNow >= stuckLevel && trainNow >= stuckLevel) {
    return {
      state: 'underfitting',
      label: 'Underfitting',
      sentence:
        'Both losses levelled off about where predicting the same value for every row would be: the model has learned little from the inputs. Either the model is too simple for the data (try more units or layers), or training is stuck (a learning rate too small or too large, or unscaled inputs).',
    };
  }
  const overfit = overfittingRange(history, constantLoss);
  if (overfit) {
    return {
      state: 'overfitting',
      label: `Overfitting since epoch ${overfit.from}`,
      sentence: `Validation loss was lowest around epoch ${overfit.from} and has risen since while training loss did not: the model is memorizing the training rows. Try dropout, fewer units, or early stopping.`,
    };
  }
  if (valNow - trainNow <= Math.max(rules.closeGap * trainNow, rules.closeGapAbs * scale)) {
    return { state: 'goodFit', label: 'Good fit', sentence: 'Both losses have levelled off close together: a good place to stop.' };
  }
  return {
    state: 'plateau',
    label: 'Plateau',
    sentence: 'Validation loss has stopped falling and sits well above training loss. Regularization or more data may help; more epochs will not.',
  };
}

/** After a restore the model is epoch K's: judged from the history up to K, with what came after as context. */
function diagnoseRestored(history: readonly LossPoint[], restored: number, constantLoss: number | null): Diagnosis {
  const upTo = history.filter((p) => p.epoch <= restored);
  const then = upTo.length >= diagnosisRules.minEpochs ? diagnoseCurves(upTo, constantLoss) : null;
  const put = `Early stopping put back the weights of epoch ${restored}`;
  // A stuck model stays stuck when restored; anything else restored is the run's best epoch, which is what a person keeps.
  if (then?.state === 'underfitting') {
    return { ...then, sentence: `${put}. ${then.sentence}` };
  }
  const rose = overfittingRange(history, constantLoss) !== null;
  return {
    state: 'goodFit',
    label: `Best epoch ${restored} restored`,
    sentence: rose
      ? `${put}, its best, before validation loss began to rise: the model is now the one from before it started to overfit.`
      : `${put}, its best: the epochs after it did not improve on it.`,
  };
}
