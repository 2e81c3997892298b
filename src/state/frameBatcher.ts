/** How a frame batcher paces its hand-overs (see createFrameBatcher). */
export interface FrameBatcherOptions<T> {
  /** Shortest time between two hand-overs, in ms. */
  minIntervalMs?: number;
  /**
   * Longest time between two hand-overs while items wait, in ms: the pacing
   * by cost (below) never stretches past it.
   */
  maxIntervalMs?: number;
  /**
   * Largest share of the time the hand-overs may take: one that cost c ms
   * (the flush and the microtasks it queued, which is where React renders a
   * store update) makes the next wait at least c / maxShare.
   */
  maxShare?: number;
  /** Items that must not wait out the interval (a run paused or ended): handed over on the next frame. */
  urgent?: (item: T) => boolean;
  /** Stand-ins for requestAnimationFrame and performance.now (tests). */
  schedule?: (run: () => void) => void;
  now?: () => number;
  /** Whether the interval applies (false where there are no frames and a short timer stands in). */
  paced?: boolean;
}

export interface FrameBatcher<T> {
  push(item: T): void;
  flushNow(): void;
  /** The interval now in force, in ms (the pacing by cost included). */
  readonly intervalMs: number;
}

/**
 * Collects items and hands them over in one batch per animation frame, no
 * more often than every `minIntervalMs` and less often when a hand-over
 * proves costly, so a worker reporting thousands of epochs a second costs a
 * few renders a second, not one per epoch, and a slow machine is not flooded
 * with renders. Urgent items go on the next frame whatever the interval.
 * Where there are no frames (tests in Node), a short timer stands in and no
 * interval applies.
 */
export function createFrameBatcher<T>(flush: (items: T[]) => void, options: FrameBatcherOptions<T> = {}): FrameBatcher<T> {
  const hasFrames = typeof requestAnimationFrame === 'function';
  const schedule = options.schedule ?? (hasFrames ? (run: () => void) => requestAnimationFrame(run) : (run: () => void) => setTimeout(run, 16));
  const now = options.now ?? (() => performance.now());
  const paced = options.paced ?? hasFrames;
  const minIntervalMs = options.minIntervalMs ?? 0;
  const maxIntervalMs = Math.max(minIntervalMs, options.maxIntervalMs ?? Number.POSITIVE_INFINITY);
  const maxShare = options.maxShare ?? 1;
  let pending: T[] = [];
  let scheduled = false;
  let urgent = false;
  let lastFlush = Number.NEGATIVE_INFINITY;
  let intervalMs = minIntervalMs;

  const flushNow = (): void => {
    scheduled = false;
    urgent = false;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    const start = now();
    lastFlush = start;
    flush(items);
    // React renders a store update in a microtask queued by the update; this
    // one, queued after it, runs once that render and its commit are done.
    queueMicrotask(() => {
      const cost = now() - start;
      intervalMs = Math.min(maxIntervalMs, Math.max(minIntervalMs, cost / maxShare));
    });
  };
  const onFrame = (): void => {
    if (paced && !urgent && now() - lastFlush < intervalMs) {
      schedule(onFrame);
      return;
    }
    flushNow();
  };
  return {
    push(item) {
      pending.push(item);
      if (options.urgent?.(item)) urgent = true;
      if (!scheduled) {
        scheduled = true;
        schedule(onFrame);
      }
    },
    flushNow,
    get intervalMs() {
      return intervalMs;
    },
  };
}
