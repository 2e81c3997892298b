import { useRef } from 'react';

/**
 * `value` as it was at most `ms` ago while `live`, else as it is now. For
 * readings of a run's whole history that cost more than a frame on long
 * runs (the fit diagnosis' Theil–Sen slopes, the overfitting stretch):
 * while a fast run trains they follow it a few times a second, and the
 * moment it pauses or ends they read the latest history.
 */
export function useThrottled<T>(value: T, live: boolean, ms = 250): T {
  const held = useRef({ value, at: Number.NEGATIVE_INFINITY });
  if (!live) {
    held.current = { value, at: Number.NEGATIVE_INFINITY };
    return value;
  }
  const now = performance.now();
  if (now - held.current.at >= ms) held.current = { value, at: now };
  return held.current.value;
}

/** Runs longer than this many epochs are redrawn at most DRAW_MS apart while they train. */
const LIVE_EPOCHS = 100;
/** How often the charts and the history table follow a long, fast run: ten times a second. */
export const DRAW_MS = 100;

/**
 * Whether a run is live and long enough that its views should follow it at
 * DRAW_MS rather than at every frame: on a fast run they would otherwise
 * take the frames the status line needs (with software rendering here, a
 * 2,000-epoch run's charts and table cost 60-100 ms of layout and paint a frame).
 */
export function throttlesViews(phase: string, epochs: number): boolean {
  return phase === 'running' && epochs > LIVE_EPOCHS;
}
