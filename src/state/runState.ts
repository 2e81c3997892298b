import type { BackendName, EpochRecord, ForecastProbe, ProbeResult, RunOutcome, TestResult, WeightSlot, WorkerEvent } from '../engine/protocol';
import type { GridSpec } from '../data/grid';
import type { Scaler } from '../data/scaler';
import type { Encoding } from '../data/table';
import type { SerializedModel } from '../model/file/modelFile';
import type { PlaygroundBlock } from '../model/file/schema';
import type { ScriptData } from '../model/file/kerasScript';
import type { TaskSpec } from '../model/task';
import type { LayerSpec } from '../model/layers';
import type { TrainingConfig } from '../model/trainingConfig';
import { appendSteps, emptySteps, truncateSteps, type StepLog } from './stepLog';
import { appendTrends, emptyTrends, trendsUpTo, type TrendLog } from './trendLog';

/** Where the current run stands. */
export type RunPhase = 'idle' | 'starting' | 'running' | 'paused' | 'ended';

/** The experiment a run was started with, to tell what the person changed since. */
export interface RunSetup {
  datasetId: string;
  layers: LayerSpec[];
  config: TrainingConfig;
  /** The run started from an imported model's weights. */
  imported?: boolean;
  /** The largest magnitude among the training inputs as the model gets them (after scaling). */
  largestInput?: number;
}

/** What the prediction views need to read the worker's outputs: the validation targets and rows, and the grid. */
export interface RunData {
  /** Rows in the training split. */
  numTrain: number;
  /** The batch size the run really uses: the config's, at most the training rows. */
  batchSize: number;
  /** What the playground changed about the config for this run, and why. */
  notes: string[];
  /** numVal × targetSize, as the model was trained against. */
  yVal: Float32Array;
  targetSize: number;
  /** Row of the table each validation example came from. */
  validationRows: Uint32Array;
  /** Training rows, for drawing the points of a 2-D set. */
  trainRows: Uint32Array;
  /** numTest × targetSize and the table rows of the held-out test split; absent without one. */
  yTest?: Float32Array;
  testRows?: Uint32Array;
  grid: GridSpec | null;
  /** The coarser grid the inside views show each neuron's output on (2-D sets only). */
  probeGrid: GridSpec | null;
  /** What an exported model must say about its inputs: features, encodings, scaler, classes. */
  exportMeta: ExportMeta;
}

/** The data-side facts of a run that go into an exported model's playground block. */
export interface ExportMeta {
  dataset: { id: string; label: string };
  target: string;
  features: string[];
  inputShape: number[];
  encodings: Encoding[];
  classNames: string[] | null;
  scaler: Scaler;
  task: TaskSpec;
  /** How a Keras script reads the same data. */
  script: ScriptData;
  /** A 2-D set's engineered inputs and their formulas in x1, x2 (the playground block's `engineered`); absent when the inputs are x1, x2. */
  engineered?: NonNullable<PlaygroundBlock['engineered']>;
  /** A time series' window and target scaling (see the playground block's `series`); null for other data. */
  series: NonNullable<PlaygroundBlock['series']> | null;
}

/** The latest outputs of the model, for the prediction views. */
export interface Predictions {
  epoch: number;
  /** numVal × targetSize. */
  validation: Float32Array;
  /** size × size outputs over the grid, top row first (2-D sets only). */
  grid: Float32Array | null;
}

export interface RunState {
  runId: number | null;
  phase: RunPhase;
  setup: RunSetup | null;
  data: RunData | null;
  predictions: Predictions | null;
  /** The latest measurements for the inside views, and the epoch they are of. */
  probe: { epoch: number; result: ProbeResult } | null;
  /** The latest 'forecast' probe, kept apart so a probe of other views does not blank the Forecast figure. */
  forecast: { epoch: number; result: ForecastProbe } | null;
  /** Each layer's gradient norm and weight spread per epoch, while a view watched them. */
  trends: TrendLog;
  /** One record per finished epoch, in order. */
  history: EpochRecord[];
  /** The training loss of every step (batch) of those epochs, in order. */
  steps: StepLog;
  /** Learning-rate changes made during the run: the epoch they took effect in, and the new rate. */
  learningRateChanges: { epoch: number; learningRate: number }[];
  params: number | null;
  stepsPerEpoch: number | null;
  backend: BackendName | null;
  /** Latest weights of a small model, laid out as `weightLayout` says. */
  weightLayout: WeightSlot[] | null;
  weights: Float32Array | null;
  outcome: RunOutcome | null;
  /** A failure that ended the run (a crash, a model tfjs rejected). */
  error: string | null;
  /** Tensors alive in the worker before the run and after it was cleaned up. */
  tensors: { before: number; after: number } | null;
  /** The trained model (after the run, or fetched while paused), for export. */
  model: SerializedModel | null;
  /** The one evaluation on the test rows when the run ended; null without a test split or before the end. */
  test: TestResult | null;
}

export const idleRun: RunState = {
  runId: null,
  phase: 'idle',
  setup: null,
  data: null,
  predictions: null,
  probe: null,
  forecast: null,
  trends: emptyTrends,
  history: [],
  steps: emptySteps,
  learningRateChanges: [],
  params: null,
  stepsPerEpoch: null,
  backend: null,
  weightLayout: null,
  weights: null,
  outcome: null,
  error: null,
  tensors: null,
  model: null,
  test: null,
};

/** The run after one worker event. Events of another run leave it as it is. */
export function applyRunEvent(run: RunState, event: WorkerEvent): RunState {
  if (event.type === 'backend' || event.runId !== run.runId) return run;
  switch (event.type) {
    case 'runStarted':
      return {
        ...run,
        phase: run.phase === 'starting' ? 'running' : run.phase,
        params: event.params,
        stepsPerEpoch: event.stepsPerEpoch,
        backend: event.backend,
        weightLayout: event.weightLayout,
      };
    case 'epoch': {
      // A record that does not continue the history is a duplicate or from a
      // confused worker; never show it.
      const last = run.history[run.history.length - 1];
      if (event.record.epoch !== (last?.epoch ?? 0) + 1) return run;
      return {
        ...run,
        history: [...run.history, event.record],
        steps: appendSteps(run.steps, event.stepLosses),
        weights: event.weights ?? run.weights,
      };
    }
    case 'paused':
      return run.phase === 'ended' ? run : { ...run, phase: 'paused' };
    case 'resumed':
      return run.phase === 'ended' ? run : { ...run, phase: 'running' };
    case 'predictions':
      return { ...run, predictions: { epoch: event.epoch, validation: event.validation, grid: event.grid } };
    case 'weights':
      return { ...run, weights: event.weights };
    case 'probe': {
      const { trends, forecast, ...rest } = event.result;
      // A report of trends alone does not replace the latest pictures.
      const pictures = rest.neurons !== null || rest.featureMaps ? { probe: { epoch: event.epoch, result: event.result } } : {};
      const series = forecast ? { forecast: { epoch: event.epoch, result: forecast } } : {};
      return { ...run, ...pictures, ...series, trends: trends ? appendTrends(run.trends, trends) : run.trends };
    }
    case 'movedBackend':
      // Epochs after the resume point are trained again on the new backend.
      return {
        ...run,
        history: run.history.filter((record) => record.epoch <= event.fromEpoch),
        steps: truncateSteps(run.steps, event.fromEpoch * (run.stepsPerEpoch ?? 0)),
        trends: trendsUpTo(run.trends, event.fromEpoch),
        learningRateChanges: run.learningRateChanges.filter((change) => change.epoch <= event.fromEpoch),
        backend: event.backend,
        data: run.data ? { ...run.data, notes: [...run.data.notes, event.message] } : run.data,
      };
    case 'learningRateChanged':
      return {
        ...run,
        learningRateChanges: [...run.learningRateChanges, { epoch: event.epoch, learningRate: event.learningRate }],
      };
    case 'runEnded':
      return {
        ...run,
        phase: 'ended',
        outcome: event.outcome,
        tensors: { before: event.tensorsBefore, after: event.tensorsAfter },
        weights: event.weights ?? run.weights,
        model: event.model,
        test: event.test ?? null,
      };
    case 'model':
      return { ...run, model: event.model };
    case 'error':
      return { ...run, phase: 'ended', error: event.message };
  }
}

/**
 * Applies a batch of events in order. Consecutive epochs are appended to one
 * copy of the history instead of one copy per epoch, which matters when a
 * fast run delivers hundreds of epochs in one animation frame.
 */
export function applyRunEvents(run: RunState, events: readonly WorkerEvent[]): RunState {
  let state = run;
  let pending: { history: EpochRecord[]; steps: StepLog; weights: Float32Array | null } | null = null;
  const settle = (): void => {
    if (pending) state = { ...state, ...pending };
    pending = null;
  };
  for (const event of events) {
    if (event.type !== 'epoch' || event.runId !== state.runId) {
      settle();
      state = applyRunEvent(state, event);
      continue;
    }
    pending ??= { history: [...state.history], steps: state.steps, weights: state.weights };
    const last = pending.history[pending.history.length - 1];
    if (event.record.epoch !== (last?.epoch ?? 0) + 1) continue;
    pending.history.push(event.record);
    pending.steps = appendSteps(pending.steps, event.stepLosses);
    pending.weights = event.weights ?? pending.weights;
  }
  settle();
  return state;
}

/** Whether a run is under way (training, starting or paused). */
export function isActive(run: RunState): boolean {
  return run.phase === 'starting' || run.phase === 'running' || run.phase === 'paused';
}

/** The epoch limit the run was started with (0 before any run). */
export function runEpochs(run: RunState): number {
  return run.setup?.config.epochs ?? 0;
}
