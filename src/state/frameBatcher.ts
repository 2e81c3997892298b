/**
 * Collects items and hands them over in one batch per animation frame, so a
 * worker reporting hundreds of epochs a second costs one render per frame.
 * Where there are no frames (tests in Node), a short timer stands in.
 */
export function createFrameBatcher<T>(flush: (items: T[]) => void): { push(item: T): void; flushNow(): void } {
  let pending: T[] = [];
  let scheduled = false;
  const schedule =
    typeof requestAnimationFrame === 'function'
      ? (run: () => void) => requestAnimationFrame(run)
      : (run: () => void) => setTimeout(run, 16);
  const flushNow = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    flush(items);
  };
  return {
    push(item) {
      pending.push(item);
      if (!scheduled) {
        scheduled = true;
        schedule(flushNow);
      }
    },
    flushNow,
  };
}
