import type { WorkerEvent } from './protocol';

/**
 * How long epoch events may wait in the worker before going to the page
 * together, in ms. A small model trains thousands of epochs a second, and one
 * message per epoch (each cloned, queued and dispatched on both sides) cost
 * more than the epoch; the page draws at most once a frame anyway, and a
 * batch every 25 ms still shows the epoch count 40 times a second.
 */
export const EPOCH_BATCH_MS = 25;

/**
 * The worker's outgoing events, posted as arrays. Epoch events that follow
 * one another within EPOCH_BATCH_MS wait and go in one message (a timer sends
 * the last of them: it fires at the training loop's next turn of the event
 * loop, a few ms later); any other event first sends what waits, so the page
 * sees every event in order. Only the newest waiting epoch keeps its weights
 * (the page shows the latest weights; the older copies would only be cloned
 * and dropped).
 */
export class EventBatcher {
  private waiting: WorkerEvent[] = [];
  private lastSent = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (events: WorkerEvent[]) => void,
    private readonly now: () => number = () => performance.now(),
    private readonly batchMs = EPOCH_BATCH_MS,
  ) {}

  post(event: WorkerEvent): void {
    if (event.type === 'epoch') {
      const previous = this.waiting[this.waiting.length - 1];
      if (previous?.type === 'epoch' && previous.runId === event.runId && event.weights) this.waiting[this.waiting.length - 1] = { ...previous, weights: null };
      this.waiting.push(event);
      const since = this.now() - this.lastSent;
      if (since >= this.batchMs) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.batchMs - since);
      return;
    }
    this.waiting.push(event);
    this.flush();
  }

  /** Sends whatever waits, now. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.waiting.length === 0) return;
    const events = this.waiting;
    this.waiting = [];
    this.lastSent = this.now();
    this.send(events);
  }
}
