/**
 * Axis scales for the history charts: a value range made "nice" (its ends
 * and ticks on round numbers) and a map from values to pixels. Pure, so the
 * charts' geometry is unit-tested without a browser.
 */

export interface Axis {
  /** Lowest and highest value the axis shows. */
  domain: [number, number];
  /** Values to label, inside the domain, increasing. */
  ticks: number[];
  log: boolean;
}

/** Strips the floating-point noise that adding steps leaves (0.30000000000000004). */
const clean = (value: number): number => Number(value.toPrecision(12));

/** The round step (1, 2 or 5 times a power of ten) nearest above `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return clean(nice * power);
}

/**
 * A linear axis from `min` to `max` widened to whole steps, with about
 * `count` ticks. An empty or one-value range gets a unit-wide axis.
 */
export function linearAxis(min: number, max: number, count = 5): Axis {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  if (hi <= lo) hi = lo === 0 ? 1 : lo + Math.abs(lo) * 0.1;
  const step = niceStep((hi - lo) / count);
  lo = clean(Math.floor(lo / step) * step);
  hi = clean(Math.ceil(hi / step) * step);
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step / 1e6; i++) ticks.push(clean(lo + i * step));
  return { domain: [lo, hi], ticks, log: false };
}

/**
 * A log axis covering the positive values from `min` to `max`, from one power
 * of ten to another. Ticks are the powers of ten, with 2 and 5 times them too
 * when the axis spans fewer than three decades.
 */
export function logAxis(min: number, max: number): Axis {
  const lo = min > 0 && Number.isFinite(min) ? min : 1e-3;
  const hi = max >= lo && Number.isFinite(max) ? max : lo * 10;
  const fromExp = Math.floor(Math.log10(lo));
  let toExp = Math.ceil(Math.log10(hi));
  if (toExp === fromExp) toExp += 1;
  const multiples = toExp - fromExp < 3 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = fromExp; e <= toExp; e++) {
    for (const m of multiples) {
      const value = clean(m * 10 ** e);
      if (value <= clean(10 ** toExp)) ticks.push(value);
    }
  }
  return { domain: [clean(10 ** fromExp), clean(10 ** toExp)], ticks, log: true };
}

/** Epoch ticks from 1 to `last`: whole numbers, about five of them. */
export function epochTicks(last: number): number[] {
  const step = Math.max(1, Math.round(niceStep((last - 1) / 5)));
  const ticks = [1];
  for (let t = step; t <= last; t += step) if (t > 1) ticks.push(t);
  return ticks;
}

/** A function from values on `axis` to pixels between `from` and `to` (`to` may be less, as for y). */
export function scaleOf(axis: Axis, from: number, to: number): (value: number) => number {
  const [d0, d1] = axis.domain;
  if (axis.log) {
    const l0 = Math.log10(d0);
    const span = Math.log10(d1) - l0 || 1;
    return (value) => from + ((Math.log10(value) - l0) / span) * (to - from);
  }
  const span = d1 - d0 || 1;
  return (value) => from + ((value - d0) / span) * (to - from);
}

/** A tick label: three significant digits, exponent notation for tiny or huge values. */
export function tickLabel(value: number): string {
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 0.01 || abs >= 1e4) ? value.toExponential(1) : String(Number(value.toPrecision(3)));
}
