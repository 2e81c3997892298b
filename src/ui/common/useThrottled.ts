import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * `value`, updated at most once per `intervalMs`; the latest value always
 * arrives (at most `intervalMs` late). For views that are costly to redraw,
 * such as the Recharts charts, whose redraw with hundreds of points takes
 * longer than a frame on slow machines. `delayMs` holds every update back a
 * little longer, so that two such views given different delays redraw in
 * two separate tasks rather than in one long one.
 */
export function useThrottled<T>(value: T, intervalMs: number, delayMs = 0): T {
  const [shown, setShown] = useState(value);
  const lastShown = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    const show = () => {
      lastShown.current = performance.now();
      // A transition: React renders it in slices of a few milliseconds,
      // yielding to the browser in between, instead of in one long task.
      startTransition(() => setShown(() => value));
    };
    const wait = Math.max(delayMs, lastShown.current + intervalMs - performance.now());
    if (wait <= 0) {
      show();
      return;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, intervalMs, delayMs]);
  return shown;
}
