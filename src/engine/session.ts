import type { LayerSpec } from '../model/layers';
import type { BackendInfo, BackendPreference, ProbeInput, ProbeKind, TrainCommand, WorkerEvent } from './protocol';
import { FinishedModel } from './finishedModel';
import { RunAbandoned, RunControl } from './runControl';
import { runTraining, type ResumeHolder, type RunHooks, type RunResult } from './trainer';

/** The tfjs backends that run on a GPU device, which can be lost mid-run. */
export type GpuBackendName = 'webgl' | 'webgpu';

/** What the session needs to survive a lost GPU device (the worker gives the real one, gpuLoss.ts). */
export interface GpuWatch {
  /** Calls `onLost` when the backend's device (WebGL's context, WebGPU's device) is lost; returns a function that stops watching. */
  watch(backend: GpuBackendName, onLost: () => void): () => void;
  /** Whether the device is lost now (an operation can fail before the loss is announced). */
  lost(backend: GpuBackendName): Promise<boolean>;
  /** Switches tfjs to a backend that can train these layers without the lost one. */
  fallback(layers: readonly LayerSpec[], lost: GpuBackendName): Promise<BackendInfo>;
}

const GPU_LABEL: Record<GpuBackendName, { name: string; loss: string }> = {
  webgl: { name: 'WebGL', loss: 'its context was lost: the GPU was reset or another page took it' },
  webgpu: { name: 'WebGPU', loss: 'its device was lost: the GPU was reset, its driver failed or the browser took it back' },
};

interface ActiveRun {
  runId: number;
  /** Replaced when the run moves to another backend. */
  control: RunControl;
  /** Last finished epoch, reported when the run is paused. */
  lastEpoch: number;
  done: Promise<void>;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The worker's state: the backend and at most one run. Starting a run stops
 * the previous one and waits until it has disposed its tensors, so two runs
 * never share the device.
 */
export class TrainingSession {
  private backend: Promise<BackendInfo | null> = Promise.resolve(null);
  /** The backend in use now, which a run may have switched from the session's own. */
  private current: BackendInfo | null = null;
  private active: ActiveRun | null = null;
  private weightsWatched = true;
  private probesWatched: readonly ProbeKind[] = [];
  /** The image the feature maps are measured on (see probeInput). */
  private input: ProbeInput | null = null;
  /** The last run's trained model, so the drawing pad still predicts after the run (see FinishedModel). */
  private finished: FinishedModel | null = null;

  /**
   * @param startBackend picks the session's backend for a preference.
   * @param backendForRun picks (and switches to) the backend a model can train on.
   * @param gpu watches WebGL and WebGPU runs for a lost device; null where there is neither.
   */
  constructor(
    private readonly post: (event: WorkerEvent) => void,
    private readonly startBackend: (preference: BackendPreference) => Promise<BackendInfo>,
    private readonly backendForRun: (preferred: BackendInfo, run: TrainCommand) => Promise<BackendInfo> = async (p) => p,
    private readonly gpu: GpuWatch | null = null,
  ) {}

  /** Picks the backend, after stopping any run (its tensors live on the old backend). */
  init(preference: BackendPreference): void {
    this.dropFinished();
    const previous = this.active;
    previous?.control.stop();
    this.backend = (previous ? previous.done : Promise.resolve()).then(() => this.startBackend(preference)).then(
      (info) => {
        this.current = info;
        this.post({ type: 'backend', info });
        return info;
      },
      (error: unknown) => {
        this.post({ type: 'error', runId: null, message: messageOf(error) });
        return null;
      },
    );
  }

  async train(command: TrainCommand): Promise<void> {
    const previous = this.active;
    const run: ActiveRun = { runId: command.runId, control: new RunControl(), lastEpoch: 0, done: Promise.resolve() };
    // Part of the command, not a later message: on CPU and WASM a whole epoch can
    // pass before the worker reads its next message.
    if (command.mode === 'step') run.control.step();
    run.control.onPause = () => this.paused(run);
    run.control.wantWeights = this.weightsWatched;
    run.control.probes = this.probesWatched;
    run.control.probeInput = this.input;
    this.active = run;
    // The last run's model goes before this run counts its tensors.
    this.dropFinished();
    if (previous) {
      previous.control.stop();
      await previous.done;
    }
    run.done = this.execute(run, command);
    await run.done;
  }

  /** Pauses at the next batch; the 'paused' event follows once the loop has stopped. */
  pause(runId: number): void {
    this.runWithId(runId)?.control.pause();
  }

  resume(runId: number): void {
    const run = this.runWithId(runId);
    if (!run?.control.paused) return;
    run.control.resume();
    this.post({ type: 'resumed', runId });
  }

  /** Trains one more epoch and pauses again. */
  step(runId: number): void {
    const run = this.runWithId(runId);
    if (!run) return;
    const wasPaused = run.control.paused;
    run.control.step();
    if (wasPaused) this.post({ type: 'resumed', runId });
  }

  /** Whether epochs should carry the weights: only while the page shows them. */
  async watchWeights(on: boolean): Promise<void> {
    this.weightsWatched = on;
    const run = this.active;
    if (!run) return;
    run.control.wantWeights = on;
    // A paused run sends no epochs, so its weights are read and sent now.
    const reader = run.control.weightsReader;
    if (!on || !run.control.paused || !reader) return;
    try {
      const weights = await reader();
      if (weights && this.active === run) this.post({ type: 'weights', runId: run.runId, weights });
    } catch (error) {
      this.post({ type: 'error', runId: null, message: `The weights could not be read: ${messageOf(error)}` });
    }
  }

  /** What the open inside views measure; a paused run is measured at once, since it sends no epochs. */
  async watchProbes(probes: readonly ProbeKind[]): Promise<void> {
    this.probesWatched = probes;
    const run = this.active;
    if (!run) {
      await this.probeFinished();
      return;
    }
    run.control.probes = probes;
    await this.probeNow(run);
  }

  /**
   * Sets the image the feature maps are measured on. It is measured at once
   * (feature maps only) when a view watches them, whether the run is paused,
   * training (between two batches, so drawing feels live) or over.
   */
  async probeInput(input: ProbeInput | null): Promise<void> {
    this.input = input;
    const run = this.active;
    if (!run) {
      await this.probeFinished();
      return;
    }
    run.control.probeInput = input;
    const prober = run.control.prober;
    if (!input || !run.control.probes.includes('featureMaps') || !prober) return;
    try {
      const result = await run.control.guard(prober(['featureMaps']));
      if (this.active === run && result.featureMaps) this.post({ type: 'probe', runId: run.runId, epoch: run.lastEpoch, result });
    } catch (error) {
      // A run that ended or was abandoned meanwhile has nothing to report.
      if (this.active === run && !(error instanceof RunAbandoned)) {
        this.post({ type: 'error', runId: null, message: `The feature maps could not be measured: ${messageOf(error)}` });
      }
    }
  }

  /** Measures the feature maps of the input on the last run's model, once that run is over. */
  private async probeFinished(): Promise<void> {
    const finished = this.finished;
    const input = this.input;
    if (!finished || !input || !this.probesWatched.includes('featureMaps')) return;
    try {
      const featureMaps = await finished.featureMaps(input);
      if (featureMaps && this.finished === finished && this.active === null) {
        this.post({ type: 'probe', runId: finished.runId, epoch: finished.epoch, result: { neurons: null, featureMaps } });
      }
    } catch (error) {
      this.post({ type: 'error', runId: null, message: `The feature maps could not be measured: ${messageOf(error)}` });
    }
  }

  /** Forgets the last run's model, disposing its tensors. */
  private dropFinished(): void {
    this.finished?.dispose();
    this.finished = null;
  }

  /** A run has paused: says so, and measures the open views on it (with the trends it holds back). */
  private paused(run: ActiveRun): void {
    this.post({ type: 'paused', runId: run.runId, epoch: run.lastEpoch });
    void this.probeNow(run);
  }

  /** Measures a paused run's probes, if any view wants them. */
  private async probeNow(run: ActiveRun): Promise<void> {
    const prober = run.control.prober;
    if (run.control.probes.length === 0 || !run.control.paused || !prober) return;
    try {
      const result = await prober();
      if (this.active === run) this.post({ type: 'probe', runId: run.runId, epoch: run.lastEpoch, result });
    } catch (error) {
      this.post({ type: 'error', runId: null, message: `The inside views could not be measured: ${messageOf(error)}` });
    }
  }

  stop(runId: number): void {
    this.runWithId(runId)?.control.stop();
  }

  /** Sends the paused run's model as it is now. */
  async exportModel(runId: number): Promise<void> {
    const run = this.runWithId(runId);
    const serializer = run?.control.paused ? run.control.serializer : null;
    if (!serializer) {
      this.post({ type: 'error', runId: null, message: 'Pause the run before exporting its model.' });
      return;
    }
    try {
      this.post({ type: 'model', runId, model: await serializer() });
    } catch (error) {
      this.post({ type: 'error', runId: null, message: `The model could not be exported: ${messageOf(error)}` });
    }
  }

  setLearningRate(runId: number, learningRate: number): void {
    this.runWithId(runId)?.control.setLearningRate(learningRate);
  }

  private runWithId(runId: number): ActiveRun | null {
    return this.active?.runId === runId ? this.active : null;
  }

  private async execute(run: ActiveRun, command: TrainCommand): Promise<void> {
    const { runId } = run;
    try {
      // A run stopped before the backend was ready still goes through the
      // trainer, which ends it at epoch 0 with a proper runEnded event.
      const preferred = await this.backend;
      const backend = preferred ? await this.backendForRun(preferred, command) : null;
      if (backend && backend !== this.current) {
        this.current = backend;
        this.post({ type: 'backend', info: backend });
      }
      const engine = backend?.name === 'js' ? 'fused' : 'tfjs';
      const hooks: RunHooks = {
        onStart: (info) => this.post({ type: 'runStarted', runId, backend: backend?.name ?? 'cpu', ...info }),
        onEpoch: (record, weights, stepLosses) => {
          run.lastEpoch = record.epoch;
          this.post({ type: 'epoch', runId, record, weights, stepLosses });
        },
        onLearningRate: (epoch, learningRate) => this.post({ type: 'learningRateChanged', runId, epoch, learningRate }),
        onPredictions: (epoch, validation, grid) => this.post({ type: 'predictions', runId, epoch, validation, grid }),
        onProbe: (epoch, result) => this.post({ type: 'probe', runId, epoch, result }),
      };
      const device: GpuBackendName | null = backend?.name === 'webgl' || backend?.name === 'webgpu' ? backend.name : null;
      const gpu = device ? this.gpu : null;
      const holder: ResumeHolder | null = gpu ? { point: null } : null;
      const control = run.control;
      const unwatch = device && gpu ? gpu.watch(device, () => control.abandon(`${GPU_LABEL[device].name} device lost`)) : () => undefined;
      let result: RunResult;
      try {
        result = await runTraining({ ...command, engine, resumeHolder: holder }, control, hooks);
      } catch (error) {
        if (!device || !gpu || !holder) throw error;
        const lost = (error instanceof RunAbandoned && control.abandoned !== null) || (await gpu.lost(device));
        if (!lost) throw error;
        result = await this.continueWithoutGpu(run, command, gpu, device, holder, hooks);
      } finally {
        unwatch();
      }
      // Kept before the event transfers the model's bytes to the page.
      // (Not when a newer run has taken over: its start dropped the last model already.)
      if (result.model && this.active === run) {
        this.dropFinished();
        this.finished = new FinishedModel(runId, run.lastEpoch, command.layers, result.model);
      }
      this.post({ type: 'runEnded', runId, ...result });
    } catch (error) {
      this.post({ type: 'error', runId, message: `Training failed: ${messageOf(error)}` });
    } finally {
      if (this.active === run) this.active = null;
    }
  }

  /**
   * After the GPU's device was lost mid-run: switches to a backend without
   * it and trains the rest of the run there, from the last weights copied
   * to main memory with the learning rate and early stopping's state of that
   * epoch (the optimizer's running averages are not kept), saying so. Its
   * tensors are held to the count before the run first started.
   */
  private async continueWithoutGpu(run: ActiveRun, command: TrainCommand, gpu: GpuWatch, device: GpuBackendName, holder: ResumeHolder, hooks: RunHooks): Promise<RunResult> {
    const next = await gpu.fallback(command.layers, device);
    this.current = next;
    this.backend = Promise.resolve(next);
    this.post({ type: 'backend', info: next });
    const point = holder.point;
    const fromEpoch = point?.epoch ?? 0;
    const lostAt = run.lastEpoch + 1;
    this.post({
      type: 'movedBackend',
      runId: run.runId,
      backend: next.name,
      fromEpoch,
      message: `${GPU_LABEL[device].name} stopped working during epoch ${lostAt} (${GPU_LABEL[device].loss}). Training goes on on ${next.name} from ${
        point ? `the weights after epoch ${fromEpoch}` : 'the initial weights'
      }, with its learning rate and early stopping as they were; the optimizer's running averages start afresh.`,
    });
    run.lastEpoch = fromEpoch;
    const stopped = run.control.stopped && run.control.abandoned === null;
    run.control = new RunControl();
    run.control.onPause = () => this.paused(run);
    run.control.wantWeights = this.weightsWatched;
    run.control.probes = this.probesWatched;
    if (stopped) run.control.stop();
    const { onStart: _onStart, ...rest } = hooks;
    const result = await runTraining({ ...command, engine: 'tfjs', startFrom: point }, run.control, rest);
    return { ...result, tensorsBefore: holder.tensorsBefore ?? result.tensorsBefore };
  }
}
