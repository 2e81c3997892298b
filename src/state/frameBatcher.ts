/**
 * Collects items and hands them over in one batch per animation frame, and
 * no more often than every `minIntervalMs`, so a worker reporting hundreds
 * of epochs a second costs a few renders a second, not one per epoch. Where
 * there are no frames (tests in Node), a short timer stands in and the
 * interval is not applied.
 */
export function createFrameBatcher<T>(flush: (items: T[]) => void, minIntervalMs = 0): { push(item: T): void; flushNow(): void } {
  let pending: T[] = [];
  let scheduled = false;
  let lastFlush = Number.NEGATIVE_INFINITY;
  const hasFrames = typeof requestAnimationFrame === 'function';
  const schedule = hasFrames ? (run: () => void) => requestAnimationFrame(run) : (run: () => void) => setTimeout(run, 16);
  const flushNow = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    lastFlush = performance.now();
    flush(items);
  };
  const onFrame = (): void => {
    if (hasFrames && performance.now() - lastFlush < minIntervalMs) {
      schedule(onFrame);
      return;
    }
    flushNow();
  };
  return {
    push(item) {
      pending.push(item);
      if (!scheduled) {
        scheduled = true;
        schedule(onFrame);
      }
    },
    flushNow,
  };
}
