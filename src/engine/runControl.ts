import type { SerializedModel } from '../model/file/modelFile';
import type { ProbeInput, ProbeKind, ProbeResult } from './protocol';

/** Resolvers waiting for their turn, in order, and the one channel that wakes them. */
const waiting: (() => void)[] = [];
let channel: MessageChannel | null = null;

/**
 * One turn of the event loop, so queued messages (pause, stop) are read.
 * A MessageChannel message rather than setTimeout(0), which browsers clamp
 * to 4 ms once nested; never requestAnimationFrame, which stops in hidden
 * tabs. One channel serves every turn (a new one each time cost more than a
 * small model's whole epoch).
 */
function nextTurn(): Promise<void> {
  // Node (the unit tests) has setImmediate for exactly this; its MessagePort
  // would run a thousand queued turns before any timer.
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => void }).setImmediate;
  if (typeof immediate === 'function') return new Promise((resolve) => immediate(resolve));
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}

/** Thrown out of a run's pending work when the run is abandoned (see RunControl.abandon). */
export class RunAbandoned extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RunAbandoned';
  }
}

/**
 * Pause, resume, step and stop for one run, plus learning-rate changes,
 * checked by the training loop between batches. The loop also gives the
 * event loop a turn here (see nextTurn).
 */
export class RunControl {
  private state: 'running' | 'paused' | 'stopped' = 'running';
  private wake: (() => void) | null = null;
  private sliceStart = performance.now();
  private pauseAfterEpoch = false;
  private pendingLearningRate: number | null = null;
  /**
   * Called when the loop has actually stopped to wait, which is when the run
   * is paused: not when Pause was asked for, since the epoch under way may
   * still finish and be reported first.
   */
  onPause: (() => void) | null = null;
  /** Whether the page shows the weights now, so each epoch's are worth reading and sending. */
  wantWeights = true;
  /** Reads the run's weights now (null for models too big to show); set by the trainer while it has a model. */
  weightsReader: (() => Promise<Float32Array | null>) | null = null;
  /** What the open inside views measure, each epoch at most every PROBE_INTERVAL_MS; [] when none is open. */
  probes: readonly ProbeKind[] = [];
  /** Measures the probes on the run's model now (`kinds`, or else `probes`); set by the trainer while it has a model. */
  prober: ((kinds?: readonly ProbeKind[]) => Promise<ProbeResult>) | null = null;
  /** The image the feature maps are measured on (see the probeInput command); null for none. */
  probeInput: ProbeInput | null = null;
  /** Serializes the run's model; set by the trainer while it has one. */
  serializer: (() => Promise<SerializedModel>) | null = null;
  private abandonReason: string | null = null;
  private rejectAbandoned: (error: RunAbandoned) => void = () => undefined;
  private readonly abandonedPromise = new Promise<never>((_resolve, reject) => {
    this.rejectAbandoned = reject;
  });

  /**
   * @param sliceMs longest stretch of work between two turns of the event
   *   loop, in milliseconds: how late a pause or stop can be noticed. A turn
   *   costs tens of microseconds, so 5 ms keeps it under 1 % of the run and
   *   leaves most of a frame for the page to show the pause.
   */
  constructor(private readonly sliceMs = 5) {
    // Nobody may be waiting when a run is abandoned; that is not an error.
    this.abandonedPromise.catch(() => undefined);
  }

  /** Why the run was abandoned, or null. */
  get abandoned(): string | null {
    return this.abandonReason;
  }

  /**
   * Ends the run at once, without waiting for work under way: the device it
   * runs on is gone (a lost WebGL context), so a pending read may never end.
   * Everything awaited through guard() rejects with RunAbandoned.
   */
  abandon(reason: string): void {
    if (this.abandonReason !== null) return;
    this.abandonReason = reason;
    this.stop();
    this.rejectAbandoned(new RunAbandoned(reason));
  }

  /** `work`, unless the run is abandoned first. */
  guard<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.abandonedPromise]);
  }

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

  /** Runs one more epoch, then pauses (from paused or running). */
  step(): void {
    if (this.state === 'stopped') return;
    this.pauseAfterEpoch = true;
    this.resume();
  }

  stop(): void {
    this.state = 'stopped';
    this.release();
  }

  /** Asks for a new learning rate from the next batch on. */
  setLearningRate(learningRate: number): void {
    this.pendingLearningRate = learningRate;
  }

  /** The learning rate asked for since the last call, if any. */
  takeLearningRate(): number | null {
    const rate = this.pendingLearningRate;
    this.pendingLearningRate = null;
    return rate;
  }

  /** Called after each epoch; pauses (at the next checkpoint) when a step asked for it. */
  endEpoch(): void {
    if (!this.pauseAfterEpoch || this.state !== 'running') return;
    this.pauseAfterEpoch = false;
    this.state = 'paused';
  }

  /**
   * Whether checkpoint() has anything to do now: the time slice is spent, or
   * the run is not simply running. Lets a loop over tiny batches skip the
   * awaited call (and its promise) on most of them.
   */
  due(): boolean {
    return this.state !== 'running' || performance.now() - this.sliceStart >= this.sliceMs;
  }

  /**
   * Called between batches. Yields when the time slice is spent (or always,
   * with `force`), then waits while paused. Resolves to false when the run
   * must stop.
   */
  async checkpoint(force = false): Promise<boolean> {
    if (force || performance.now() - this.sliceStart >= this.sliceMs) {
      await nextTurn();
      this.sliceStart = performance.now();
    }
    if (this.state === 'paused') this.onPause?.();
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
