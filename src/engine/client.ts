import { runIdOf, transferables, type BackendPreference, type Command, type KernelMode, type ProbeInput, type ProbeKind, type TrainCommand, type WorkerEvent } from './protocol';

export type WorkerEventListener = (event: WorkerEvent) => void;

/** What the client needs of a Worker; tests hand in a fake. */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

const spawnTrainingWorker = (): WorkerLike =>
  new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'training' });

/**
 * The page's side of the training worker. It starts the worker on first use,
 * numbers runs, forwards only the events of the current run (a stopped or
 * replaced run may still have messages in flight), and when the worker
 * crashes reports it as an error of the current run and starts a fresh worker
 * on the next command.
 */
export class TrainingClient {
  private worker: WorkerLike | null = null;
  private currentRunId: number | null = null;
  private lastRunId = 0;
  private readonly listeners = new Set<WorkerEventListener>();
  private weightsWatched = true;
  private kernelMode: KernelMode = 'auto';
  private probesWatched: ProbeKind[] = [];
  /** A copy of the last probeInput, for a fresh worker (the sent buffer moves to the worker). */
  private input: ProbeInput | null = null;
  private lastInputId = 0;

  constructor(
    private backend: BackendPreference,
    private readonly spawn: () => WorkerLike = spawnTrainingWorker,
  ) {}

  subscribe(listener: WorkerEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts a run (stopping any other in the worker) and returns its id;
   * with mode 'step' it trains one epoch and pauses.
   */
  startRun(run: Omit<TrainCommand, 'type' | 'runId' | 'mode'>, mode: TrainCommand['mode'] = 'run'): number {
    const runId = ++this.lastRunId;
    this.currentRunId = runId;
    this.send({ type: 'train', runId, mode, ...run });
    return runId;
  }

  pause(): void {
    if (this.currentRunId !== null) this.send({ type: 'pause', runId: this.currentRunId });
  }

  resume(): void {
    if (this.currentRunId !== null) this.send({ type: 'resume', runId: this.currentRunId });
  }

  /** Trains one more epoch of the current run, then pauses. */
  step(): void {
    if (this.currentRunId !== null) this.send({ type: 'step', runId: this.currentRunId });
  }

  stop(): void {
    if (this.currentRunId !== null) this.send({ type: 'stop', runId: this.currentRunId });
  }

  /** Asks for the current (paused) run's model; it comes back as a 'model' event. */
  exportModel(): void {
    if (this.currentRunId !== null) this.send({ type: 'exportModel', runId: this.currentRunId });
  }

  setLearningRate(learningRate: number): void {
    if (this.currentRunId !== null) this.send({ type: 'setLearningRate', runId: this.currentRunId, learningRate });
  }

  /** Stops the current run and ignores anything it still sends. */
  abandon(): void {
    this.stop();
    this.currentRunId = null;
  }

  /** Switches the backend; the current run, if there is one, is stopped and forgotten first. */
  setBackend(preference: BackendPreference): void {
    this.abandon();
    this.backend = preference;
    if (this.worker) this.send({ type: 'init', backend: preference });
  }

  /**
   * Ends the worker at once and reports it exactly as a crash, so tests can
   * check that the page recovers; a fresh worker starts on the next command.
   * Does nothing when no worker is running.
   */
  kill(): void {
    if (this.worker) this.crashed(this.worker, 'it was ended on purpose');
  }

  /** Tells the worker whether the page shows the weights (a fresh worker is told when it starts). */
  watchWeights(on: boolean): void {
    this.weightsWatched = on;
    if (this.worker) this.send({ type: 'watchWeights', on });
  }

  /** Tells the worker what the open inside views measure (a fresh worker is told when it starts). */
  watchProbes(probes: readonly ProbeKind[]): void {
    this.probesWatched = [...probes];
    if (this.worker) this.send({ type: 'watchProbes', probes: this.probesWatched });
  }

  /**
   * Sets the image the feature maps are measured on (scaled as the run's
   * rows are), or none; returns its id, which the FeatureMaps of it carry.
   */
  probeInput(values: Float32Array | null): number {
    const id = ++this.lastInputId;
    this.input = values ? { id, values: values.slice() } : null;
    if (this.worker) this.send({ type: 'probeInput', input: values ? { id, values } : null });
    return id;
  }

  /** Loses the worker's WebGL context on purpose, as a GPU reset would; for tests only. */
  /** The JavaScript engine's kernels for the runs that follow (see the kernelMode command); kept for a fresh worker. */
  setKernelMode(mode: KernelMode): void {
    this.kernelMode = mode;
    if (this.worker) this.send({ type: 'kernelMode', mode });
  }

  loseGpu(): void {
    if (this.worker) this.send({ type: 'loseGpu' });
  }

  /** Whether a worker is running now (it starts on first use). */
  get started(): boolean {
    return this.worker !== null;
  }

  /** Starts the worker if needed, so the backend is known before the first run. */
  warmUp(): void {
    this.ensureWorker();
  }

  private send(command: Command): void {
    this.ensureWorker().postMessage(command, transferables(command));
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    this.worker = worker;
    // The worker sends its events in arrays (see eventBatcher.ts), one at a time before that.
    worker.addEventListener('message', (message: MessageEvent<WorkerEvent | WorkerEvent[]>) => {
      if (this.worker !== worker) return;
      const events = Array.isArray(message.data) ? message.data : [message.data];
      for (const event of events) if (this.worker === worker) this.deliver(event);
    });
    worker.addEventListener('error', (error: ErrorEvent) => {
      error.preventDefault();
      this.crashed(worker, error.message || 'unknown error');
    });
    worker.addEventListener('messageerror', () => this.crashed(worker, 'a message could not be read'));
    worker.postMessage({ type: 'init', backend: this.backend } satisfies Command);
    if (!this.weightsWatched) worker.postMessage({ type: 'watchWeights', on: false } satisfies Command);
    if (this.kernelMode !== 'auto') worker.postMessage({ type: 'kernelMode', mode: this.kernelMode } satisfies Command);
    if (this.probesWatched.length > 0) worker.postMessage({ type: 'watchProbes', probes: this.probesWatched } satisfies Command);
    if (this.input) worker.postMessage({ type: 'probeInput', input: { id: this.input.id, values: this.input.values.slice() } } satisfies Command);
    return worker;
  }

  private crashed(worker: WorkerLike, reason: string): void {
    if (this.worker !== worker) return;
    worker.terminate();
    this.worker = null;
    const runId = this.currentRunId;
    this.currentRunId = null;
    this.emit({
      type: 'error',
      runId,
      message: `The training worker crashed (${reason}). A fresh one starts with your next run; your experiment is unchanged.`,
    });
  }

  private deliver(event: WorkerEvent): void {
    const runId = runIdOf(event);
    if (runId !== null && runId !== this.currentRunId) return;
    this.emit(event);
  }

  private emit(event: WorkerEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
