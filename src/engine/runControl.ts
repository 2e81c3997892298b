/**
 * Pause, resume and stop for one run, checked by the training loop between
 * batches. The loop also gives the event loop a turn here, with setTimeout
 * rather than requestAnimationFrame, which browsers stop in hidden tabs.
 */
export class RunControl {
  private state: 'running' | 'paused' | 'stopped' = 'running';
  private wake: (() => void) | null = null;
  private sliceStart = performance.now();

  /**
   * @param sliceMs longest stretch of work between two turns of the event
   *   loop, in milliseconds: how late a pause or stop can be noticed.
   */
  constructor(private readonly sliceMs = 15) {}

  get stopped(): boolean {
    return this.state === 'stopped';
  }

  get paused(): boolean {
    return this.state === 'paused';
  }

  pause(): void {
    if (this.state === 'running') this.state = 'paused';
  }

  resume(): void {
    if (this.state !== 'paused') return;
    this.state = 'running';
    this.release();
  }

  stop(): void {
    this.state = 'stopped';
    this.release();
  }

  /**
   * Called between batches. Yields when the time slice is spent (or always,
   * with `force`), then waits while paused. Resolves to false when the run
   * must stop.
   */
  async checkpoint(force = false): Promise<boolean> {
    if (force || performance.now() - this.sliceStart >= this.sliceMs) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      this.sliceStart = performance.now();
    }
    while (this.state === 'paused') {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.sliceStart = performance.now();
    }
    return this.state === 'running';
  }

  private release(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
