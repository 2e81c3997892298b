/**
 * Reading a training history the way a teacher would: where validation loss
 * was lowest, and where the model started to overfit.
 */
export interface LossPoint {
  epoch: number;
  loss: number;
  valLoss: number;
}

/** The epoch with the lowest finite validation loss, or null when there is none. */
export function bestEpoch(history: readonly LossPoint[]): number | null {
  let best: LossPoint | null = null;
  for (const point of history) {
    if (Number.isFinite(point.valLoss) && (best === null || point.valLoss < best.valLoss)) best = point;
  }
  return best?.epoch ?? null;
}

/** How far validation loss must climb above its minimum, relative to it, to call the rise real. */
export const OVERFIT_RISE = 0.05;
/** How many epochs must follow the minimum before a rise counts; also the smoothing window. */
export const OVERFIT_MIN_EPOCHS = 3;
/** The rise must also be this share of the distance the validation loss fell from epoch 1 to its minimum, so it shows on the chart. */
export const OVERFIT_VISIBLE = 0.02;

const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * The stretch where the model overfits: from the epoch of lowest validation
 * loss to the last epoch, when over the last OVERFIT_MIN_EPOCHS epochs (at
 * least that many after the minimum) validation loss averaged more than
 * OVERFIT_RISE above its minimum — and by at least OVERFIT_VISIBLE of the
 * fall from epoch 1 to the minimum — while training loss averaged below its
 * value at the minimum. Averaging keeps one noisy epoch from counting as a
 * trend, and the second threshold keeps wiggles of a loss near zero from
 * counting. Null when that is not the case.
 */
export function overfittingRange(history: readonly LossPoint[]): { from: number; to: number } | null {
  const best = bestEpoch(history);
  const last = history[history.length - 1];
  if (best === null || !last || last.epoch - best < OVERFIT_MIN_EPOCHS) return null;
  const atBest = history.find((point) => point.epoch === best)!;
  const recent = history.slice(-OVERFIT_MIN_EPOCHS);
  const rise = mean(recent.map((p) => p.valLoss)) - atBest.valLoss;
  const fall = history[0]!.valLoss - atBest.valLoss;
  const valRose = rise > atBest.valLoss * OVERFIT_RISE && rise > fall * OVERFIT_VISIBLE;
  const trainFell = mean(recent.map((p) => p.loss)) < atBest.loss;
  return valRose && trainFell ? { from: best, to: last.epoch } : null;
}
