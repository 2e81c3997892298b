/**
 * Reading a training history the way a teacher would: where validation loss
 * was lowest, how noisy the curves are, and where the model started to
 * overfit. Losses are in the loss's own units; epochs are 1-based.
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

/** The rise of val_loss above its smoothed minimum must exceed this share of that minimum… */
export const OVERFIT_RISE = 0.05;
/** …and this share of the loss's scale (see `lossScale`), so that wiggles of a loss near 0 do not count… */
export const OVERFIT_VISIBLE = 0.03;
/** …and this many times val_loss's noise since the minimum (see `noiseAround`), so that a few noisy epochs are not a trend. */
export const OVERFIT_NOISE = 3;
/** How many epochs must follow the minimum before a rise counts. */
export const OVERFIT_MIN_EPOCHS = 3;
/** The current level is the median of the last this-many epochs (fewer when the minimum is closer). */
export const OVERFIT_LEVEL_EPOCHS = 5;

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * Each value replaced by the median of itself and its neighbours (a window
 * of 3, 2 at the ends): one epoch's spike or dip disappears, a trend stays.
 */
export function smooth(values: readonly number[]): number[] {
  const n = values.length;
  if (n < 3) return values.map((_, i) => median(values.slice(Math.max(0, i - 1), i + 2)));
  // Without a slice and a sort per value: the page reads this on every epoch of a 2,000-epoch history.
  const out = new Array<number>(n);
  out[0] = (values[0]! + values[1]!) / 2;
  for (let i = 1; i < n - 1; i++) {
    const a = values[i - 1]!;
    const b = values[i]!;
    const c = values[i + 1]!;
    out[i] = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
  out[n - 1] = (values[n - 2]! + values[n - 1]!) / 2;
  return out;
}

/**
 * The typical change from one epoch to the next: the median of the absolute
 * differences, which a few spikes do not inflate. 0 for fewer than 2 values.
 */
export function stepNoise(values: readonly number[]): number {
  if (values.length < 2) return 0;
  return median(values.slice(1).map((v, i) => Math.abs(v - values[i]!)));
}

/**
 * The noise of a curve around its own trend: the mean distance of each
 * value from its 3-epoch median (`smooth`). A steady rise or fall is not
 * noise here, unlike in `stepNoise`; spikes are (a mean, not a median,
 * since the median of 3 is often the value itself). `from` is the first
 * index to count.
 */
export function noiseAround(values: readonly number[], from = 0): number {
  const smoothed = smooth(values);
  const rest = values.slice(from);
  return rest.length === 0 ? 0 : mean(rest.map((v, i) => Math.abs(v - smoothed[from + i]!)));
}

/**
 * The size of the loss on this run, to judge changes against: the first
 * epoch's val_loss, or the loss of predicting a constant when that is known
 * and larger (a run that starts well must not make later changes look big).
 */
export function lossScale(history: readonly LossPoint[], constantLoss?: number | null): number {
  const first = history[0]?.valLoss ?? Number.NaN;
  const candidates = [first, constantLoss ?? Number.NaN].filter((v) => Number.isFinite(v) && v > 0);
  return candidates.length ? Math.max(...candidates) : 1;
}

/**
 * The stretch where the model overfits: from the epoch of lowest validation
 * loss to the last epoch, when val_loss has risen clearly above that
 * minimum while training loss did not rise — the gap between them grew.
 *
 * The minimum is read from val_loss smoothed over 3 epochs (so a one-epoch
 * dip is not a minimum); at least OVERFIT_MIN_EPOCHS epochs must follow it;
 * the current level is the median of the last OVERFIT_LEVEL_EPOCHS epochs
 * (or of those after the minimum, when fewer), so one spike is not a rise.
 * The rise must exceed OVERFIT_RISE of the minimum, OVERFIT_VISIBLE of the
 * loss's scale (`lossScale`), and OVERFIT_NOISE times val_loss's noise
 * around its trend since the minimum (`noiseAround`). Training loss counts
 * as not rising when its level, read the same way, is at most its smoothed
 * value at the minimum plus its own noise — a flat training loss near 0
 * overfits too, as the gap grows. `constantLoss`: see `lossScale`. Null
 * when that is not the case.
 */
export function overfittingRange(history: readonly LossPoint[], constantLoss?: number | null): { from: number; to: number } | null {
  const n = history.length;
  if (n < 5 || history.some((p) => !Number.isFinite(p.loss) || !Number.isFinite(p.valLoss))) return null;
  const vals = history.map((p) => p.valLoss);
  const trains = history.map((p) => p.loss);
  const smoothVal = smooth(vals);
  let b = 0;
  for (let i = 1; i < n; i++) if (smoothVal[i]! < smoothVal[b]!) b = i;
  const after = n - 1 - b;
  if (after < OVERFIT_MIN_EPOCHS) return null;
  // Name the epoch a person sees as lowest, within the smoothing window.
  let from = Math.max(0, b - 1);
  for (let i = from + 1; i <= Math.min(n - 1, b + 1); i++) if (vals[i]! < vals[from]!) from = i;
  const k = Math.min(OVERFIT_LEVEL_EPOCHS, after);
  const rise = median(vals.slice(-k)) - smoothVal[b]!;
  const valRose =
    rise > OVERFIT_RISE * smoothVal[b]! &&
    rise > OVERFIT_VISIBLE * lossScale(history, constantLoss) &&
    rise > OVERFIT_NOISE * noiseAround(vals, b);
  const trainHeld = median(trains.slice(-k)) <= smooth(trains)[b]! + noiseAround(trains, b);
  return valRose && trainHeld ? { from: history[from]!.epoch, to: history[n - 1]!.epoch } : null;
}
