/**
 * The one contract between the page and the training worker. Both sides
 * import only this file from each other. Messages are told apart by `type`;
 * everything about a run carries its `runId`, so the page can drop events of
 * a run it has already left behind.
 */
import type { ScaledForecast, SeriesProbeSetup } from '../data/forecast';
import type { SerializedModel } from '../model/file/modelFile';
import type { LayerSpec, Shape } from '../model/layers';
import type { TaskSpec } from '../model/task';
import type { TrainingConfig } from '../model/trainingConfig';

/** tfjs's backends, and 'js': the fused plain-JavaScript engine for dense models (engine/fused/). */
export type BackendName = TfjsBackendName | 'js';
export type TfjsBackendName = 'webgl' | 'wasm' | 'cpu' | 'webgpu';
export type BackendPreference = BackendName | 'auto';
export const tfjsBackendNames: readonly TfjsBackendName[] = ['webgl', 'wasm', 'cpu', 'webgpu'];

/** The backend the worker ended up on, and why. */
export interface BackendInfo {
  name: BackendName;
  /** The GPU's renderer string for WebGL ("SwiftShader ...", "NVIDIA ..."); null otherwise. */
  renderer: string | null;
  /** Whether it was chosen automatically (the person asked for Auto). */
  auto: boolean;
  /** Why this backend and not the preferred one; null when it is the one asked for. */
  note: string | null;
}

/** Training and validation arrays; their buffers are transferred, not copied. */
export interface TrainingData {
  xTrain: Float32Array;
  yTrain: Float32Array;
  xVal: Float32Array;
  yVal: Float32Array;
  inputShape: Shape;
  /** Values per target row: 1, or the number of classes. */
  targetSize: number;
  /** Scaled inputs of a grid of points over a 2-D dataset's plane, predicted now and then for the boundary view. */
  grid: Float32Array | null;
  /** A coarser grid over the same plane, where the inside views show each neuron's output (2-D sets only). */
  probeGrid?: Float32Array | null;
  /** A time series' window setup, for the 'forecast' probe (see ForecastProbe); absent for other data. */
  series?: SeriesProbeSetup | null;
  /**
   * The held-out test rows (see TrainingConfig.testSplit): the engines never
   * train or validate on them and measure them once, when the run ends (TestResult).
   */
  xTest?: Float32Array | null;
  yTest?: Float32Array | null;
}

/** The one measurement of the final model on the test rows, as Keras's `model.evaluate` gives it. */
export interface TestResult {
  loss: number;
  /** Accuracy for classification, MAE for regression, as the epochs' metric. */
  metric: number;
  /** The model's outputs for the test rows (numTest × targetSize), for the prediction views. */
  predictions: Float32Array;
}

/**
 * What an inside view measures. The page asks only for what an open view
 * shows (see watchProbes): 'neurons', each Dense unit's output over the
 * plane; 'trends', each layer's gradient norm and weight spread per epoch;
 * 'featureMaps', every layer's output for one input image (see probeInput);
 * 'forecast', a time series model's predictions over the series (see ForecastProbe).
 */
export type ProbeKind = 'neurons' | 'trends' | 'featureMaps' | 'forecast';

/** A series model's predictions for the Forecast view (see ScaledForecast). */
export type ForecastProbe = ScaledForecast;

/** One Dense layer's outputs (after its activation) over the probe grid: points × units, point by point. */
export interface LayerOutputs {
  /** Index of the layer in the spec. */
  layerIndex: number;
  units: number;
  values: Float32Array;
}

/**
 * Per epoch since the last report, for each layer with a kernel (Dense,
 * Conv2D): the L2 norm of its kernel's gradient (the mean over the epoch's
 * steps) and its kernel's spread (min, 10 %, 25 %, median, 75 %, 90 %, max).
 */
export interface LayerTrends {
  /** The first epoch of these rows (1-based); rows follow epoch by epoch. */
  fromEpoch: number;
  /** Spec indices of the layers, in column order. */
  layers: number[];
  /** epochs × layers. */
  gradientNorms: Float32Array;
  /** epochs × layers × QUANTILES.length. */
  weightQuantiles: Float32Array;
}

/** One epoch of layer trends, as the trainer collects them and the page keeps them. */
export interface TrendRow {
  epoch: number;
  /** One per layer of the trends' `layers`: the kernel's gradient norm, the mean over the epoch's steps. */
  gradientNorms: Float32Array;
  /** layers × QUANTILES.length. */
  weightQuantiles: Float32Array;
}

/** The shares at which weightQuantiles are taken. */
export const QUANTILES = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1] as const;

/** Every layer's output for the input image set with probeInput, and the model's output for it. */
export interface FeatureMaps {
  /** The probeInput id these maps are of. */
  inputId: number;
  /** One entry per layer of the spec whose output is kept (conv, pooling, dense): its output shape without the batch and the values. */
  layers: { layerIndex: number; shape: number[]; values: Float32Array }[];
  /** The model's output for the image (class probabilities for classification). */
  output: Float32Array;
}

/**
 * The image the feature maps are measured on (see the probeInput command):
 * one example, scaled as the run's training rows are, in the input shape's
 * row-major order. `id` tells the page which image a FeatureMaps is of.
 */
export interface ProbeInput {
  id: number;
  values: Float32Array;
}

/** What the inside views asked for, measured on the model as it is after `epoch`. */
export interface ProbeResult {
  /** Every Dense layer's outputs over the probe grid; null without a grid (not a 2-D set) or when not asked for. */
  neurons: LayerOutputs[] | null;
  /** Gradient norms and weight spread of the epochs since the last probe; null when not asked for. */
  trends?: LayerTrends | null;
  /** Null when not asked for or without a probeInput. */
  featureMaps?: FeatureMaps | null;
  /** Null when not asked for or not a series. */
  forecast?: ForecastProbe | null;
}

export interface TrainCommand {
  type: 'train';
  runId: number;
  layers: LayerSpec[];
  task: TaskSpec;
  config: TrainingConfig;
  data: TrainingData;
  /**
   * 'step' trains one epoch and pauses, as a Step pressed before any run;
   * 'evaluate' only measures `initialModel` on the validation rows.
   */
  mode: 'run' | 'step' | 'evaluate';
  /** Weights to start from (an imported model) instead of fresh ones. */
  initialModel: SerializedModel | null;
}

export type Command =
  | { type: 'init'; backend: BackendPreference }
  | TrainCommand
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  /** Train one more epoch, then pause. */
  | { type: 'step'; runId: number }
  | { type: 'stop'; runId: number }
  /** Send the current run's model as it is now (the run must be paused). */
  | { type: 'exportModel'; runId: number }
  /** Use this learning rate from the next batch on. */
  | { type: 'setLearningRate'; runId: number; learningRate: number }
  /** Whether the page shows the weights: when not, epochs are reported without them (the final ones always come). */
  | { type: 'watchWeights'; on: boolean }
  /** What the open inside views need, measured a few times a second while a run trains; [] when none is open. */
  | { type: 'watchProbes'; probes: ProbeKind[] }
  /**
   * The image the feature maps are measured on from now on, or null for none;
   * a paused or finished run, or one between two measurements, is measured at once.
   */
  | { type: 'probeInput'; input: ProbeInput | null }
  /** Loses the GPU backend's device (WebGL's context, WebGPU's device) on purpose, as a GPU reset would: sent only by the test hooks. */
  | { type: 'loseGpu' }
  /**
   * Which kernels the JavaScript engine's next networks get: 'auto' (the
   * pool of threads or WASM SIMD, the best that runs), 'simd' (one thread)
   * or 'scalar' (the plain loops, as where WASM SIMD is missing). Sent only by
   * the bench and the tests, to measure and check each path in the browser.
   */
  | { type: 'kernelMode'; mode: KernelMode };

export type KernelMode = 'auto' | 'scalar' | 'simd';

/** One weight tensor of the model: which layer of the spec it belongs to, its name and shape. */
export interface WeightSlot {
  layerIndex: number;
  /** tfjs/Keras name: kernel, bias, gamma, beta, moving_mean, moving_variance. */
  name: string;
  shape: number[];
}

/** One row of the training history: what Keras's `History` records per epoch. */
export interface EpochRecord {
  /** 1-based, as Keras prints it. */
  epoch: number;
  /** Mean training loss over the epoch's batches. */
  loss: number;
  valLoss: number;
  /** Training-set metric (accuracy or MAE) over the epoch. */
  metric: number;
  valMetric: number;
  /** Wall time of the epoch in milliseconds. */
  ms: number;
  /** Learning rate in effect at the end of the epoch. */
  learningRate: number;
}

/** `restoredFrom` is the epoch whose weights early stopping put back, or null. */
export type RunOutcome =
  | { kind: 'completed'; epochs: number; restoredFrom: number | null }
  /** An imported model was measured, not trained. */
  | { kind: 'evaluated'; valLoss: number; valMetric: number }
  | { kind: 'earlyStopped'; epoch: number; bestEpoch: number; restoredFrom: number | null }
  | { kind: 'stopped'; epoch: number }
  /** `keptEpoch`: the last epoch with a finite loss, whose weights the model keeps (0: the initial ones). */
  | { kind: 'diverged'; epoch: number; value: 'NaN' | 'Infinity'; keptEpoch: number };

/** Least time between two prediction updates, in milliseconds: a few a second. */
export const PREDICTION_INTERVAL_MS = 250;

/** Least time between two measurements for the inside views, in milliseconds: a few a second. */
export const PROBE_INTERVAL_MS = 200;
/** The 'forecast' probe's roll-out runs the model once per validation step, so it is measured less often (see trainer.ts). */
export const FORECAST_INTERVAL_MS = 1000;


export type WorkerEvent =
  | { type: 'backend'; info: BackendInfo }
  | {
      type: 'runStarted';
      runId: number;
      backend: BackendName;
      params: number;
      /** Gradient steps per epoch: the training rows divided by the batch size, rounded up. */
      stepsPerEpoch: number;
      /** Layout of the `weights` the epoch events carry; null when the model is too large to show. */
      weightLayout: WeightSlot[] | null;
    }
  /**
   * `weights`: every weight after the epoch, flattened in `weightLayout` order (small models only);
   * `stepLosses`: the training loss of each of the epoch's batches (stepsPerEpoch values), in order.
   */
  | { type: 'epoch'; runId: number; record: EpochRecord; weights: Float32Array | null; stepLosses: Float32Array }
  | { type: 'paused'; runId: number; epoch: number }
  | { type: 'resumed'; runId: number }
  /** A new learning rate took effect during `epoch`. */
  | { type: 'learningRateChanged'; runId: number; epoch: number; learningRate: number }
  /**
   * The model's outputs after `epoch` for the validation rows (numVal × targetSize)
   * and the grid, if any: sent a few times a second and once when the run ends.
   */
  | { type: 'predictions'; runId: number; epoch: number; validation: Float32Array; grid: Float32Array | null }
  | {
      type: 'runEnded';
      runId: number;
      outcome: RunOutcome;
      tensorsBefore: number;
      tensorsAfter: number;
      /** The final weights (after any restore), for small models. */
      weights: Float32Array | null;
      /** The trained model, for export; null when the run made no model worth keeping. */
      model: SerializedModel | null;
      /** The final model on the test rows, when the run had them and ended with a model (not after diverging). */
      test?: TestResult | null;
    }
  /**
   * The run lost its device (WebGL's context) and goes on on another backend
   * from the weights after `fromEpoch`: epochs after it are trained again.
   */
  | { type: 'movedBackend'; runId: number; backend: BackendName; fromEpoch: number; message: string }
  /** What the inside views asked for (watchProbes): a few times a second, at the end, and when a paused run is first watched. */
  | { type: 'probe'; runId: number; epoch: number; result: ProbeResult }
  /** The weights of a paused run, sent when the page starts showing them (see watchWeights). */
  | { type: 'weights'; runId: number; weights: Float32Array }
  /** The model of a paused run, as asked for by exportModel. */
  | { type: 'model'; runId: number; model: SerializedModel }
  | { type: 'error'; runId: number | null; message: string };

/** The buffers a command can hand over without copying. */
export function transferables(command: Command): Transferable[] {
  if (command.type === 'probeInput') return command.input ? [command.input.values.buffer] : [];
  if (command.type !== 'train') return [];
  const { xTrain, yTrain, xVal, yVal, grid, probeGrid, xTest, yTest } = command.data;
  // The initial model's bytes are copied, not moved: the page keeps the imported model.
  return [
    xTrain.buffer,
    yTrain.buffer,
    xVal.buffer,
    yVal.buffer,
    ...[grid, probeGrid, xTest, yTest].flatMap((values) => (values ? [values.buffer] : [])),
  ];
}

/** The buffers an event can hand over without copying. */
export function eventTransferables(event: WorkerEvent): Transferable[] {
  if (event.type === 'runEnded') {
    return [...(event.weights ? [event.weights.buffer] : []), ...(event.model ? [event.model.weightData] : []), ...(event.test ? [event.test.predictions.buffer] : [])];
  }
  if (event.type === 'model') return [event.model.weightData];
  if (event.type === 'epoch' && event.weights) return [event.weights.buffer];
  if (event.type === 'weights') return [event.weights.buffer];
  if (event.type === 'probe') {
    const { neurons, trends, featureMaps, forecast } = event.result;
    return [
      ...(forecast ? [forecast.train, forecast.validation, forecast.future, forecast.rollOut].flatMap((values) => (values ? [values.buffer] : [])) : []),
      ...(neurons ?? []).map((layer) => layer.values.buffer),
      ...(trends ? [trends.gradientNorms.buffer, trends.weightQuantiles.buffer] : []),
      ...(featureMaps ? [...featureMaps.layers.map((layer) => layer.values.buffer), featureMaps.output.buffer] : []),
    ];
  }
  if (event.type === 'predictions') return [event.validation.buffer, ...(event.grid ? [event.grid.buffer] : [])];
  return [];
}

/** The run an event belongs to, or null for events about the worker as a whole. */
export function runIdOf(event: WorkerEvent): number | null {
  return event.type === 'backend' ? null : event.runId;
}
