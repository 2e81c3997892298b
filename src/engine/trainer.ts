import * as tf from '@tensorflow/tfjs';
import { shuffledIndices } from '../data/split';
import { EarlyStopper, monitorDirection, monitoredValue, type EarlyStoppingState } from '../model/earlyStopping';
import type { SerializedModel } from '../model/file/modelFile';
import type { LayerSpec } from '../model/layers';
import type { TaskSpec } from '../model/task';
import type { TrainingConfig } from '../model/trainingConfig';
import { batchOrder, inModelOrder, type Readout, type WeightSnapshot } from './engine';
import { createFusedEngine } from './fused/fusedEngine';
import { FORECAST_INTERVAL_MS, PREDICTION_INTERVAL_MS, PROBE_INTERVAL_MS, type EpochRecord, type ProbeKind, type ProbeResult, type RunOutcome, type TestResult, type TrainingData, type WeightSlot } from './protocol';
import type { RunControl } from './runControl';
import { disposeReadsInFlight } from './tf/epoch';
import { createTfEngine } from './tf/tfEngine';
import { TrendBuffer } from './trends';

export interface RunRequest {
  layers: readonly LayerSpec[];
  task: TaskSpec;
  config: TrainingConfig;
  data: TrainingData;
  /** Weights to start from instead of fresh ones. */
  initialModel?: SerializedModel | null;
  /** 'evaluate' measures the initial model and trains nothing. */
  mode?: 'run' | 'step' | 'evaluate';
  /** 'fused' trains the model in plain JavaScript (see fused/net.ts); tfjs otherwise. */
  engine?: 'tfjs' | 'fused';
  /** Goes on from these weights after this epoch (a run moved to another backend), instead of from epoch 1. */
  startFrom?: ResumePoint | null;
  /** When given, the trainer keeps a copy of recent weights in it, in main memory, to go on from elsewhere. */
  resumeHolder?: ResumeHolder | null;
}

/** Where a run stood after an epoch, held in main memory: its weights (in `model.getWeights()` order) and settings that moved. */
export interface ResumePoint {
  epoch: number;
  weights: Float32Array[];
  /** The learning rate then, which the person may have changed during the run. */
  learningRate?: number;
  /** Early stopping's counters, and the best epoch's weights when they are to be restored. */
  early?: EarlyStoppingState | null;
  bestWeights?: Float32Array[] | null;
}

export interface ResumeHolder {
  point: ResumePoint | null;
  /**
   * `tf.memory().numTensors` when the run first started, before any move:
   * the baseline its end is held to (a move starts a second runTraining while
   * the lost device's last reads may still be settling).
   */
  tensorsBefore?: number;
}

/** How often weights are copied to main memory for a resume point, for models too big to copy every epoch. */
const RESUME_COPY_INTERVAL_MS = 2000;

export interface RunHooks {
  /** The model is built: its weight count, and the weight layout when it is small enough to show. */
  onStart?(info: { params: number; stepsPerEpoch: number; weightLayout: WeightSlot[] | null }): void;
  /** An epoch has finished; called once per epoch, in order, with the training loss of each of its batches. */
  onEpoch(record: EpochRecord, weights: Float32Array | null, stepLosses: Float32Array): void;
  /** A new learning rate took effect during `epoch`. */
  onLearningRate?(epoch: number, learningRate: number): void;
  /** Outputs for the validation rows and the grid after `epoch`: a few times a second, and at the end. */
  onPredictions?(epoch: number, validation: Float32Array, grid: Float32Array | null): void;
  /** What the open inside views asked for, after `epoch`: a few times a second while they are open, and at the end. */
  onProbe?(epoch: number, result: ProbeResult): void;
}

export interface RunResult {
  outcome: RunOutcome;
  /** `tf.memory().numTensors` before the run and after everything it made was disposed. */
  tensorsBefore: number;
  tensorsAfter: number;
  /** Final weights (after any restore), for models small enough to show. */
  weights: Float32Array | null;
  /** The final model, serialized for export; null when stopped before any epoch. A diverged run's is its last good one. */
  model: SerializedModel | null;
  /** The final model on the held-out test rows; null without them, before any epoch, or after diverging. */
  test: TestResult | null;
}

/**
 * Trains a fresh (or imported) model on the data with the config, epoch by
 * epoch, with tfjs or with the fused JavaScript engine (see engine.ts).
 *
 * Rows are reshuffled each epoch with a seed and cut into batches of one
 * shape. Pause, step, stop and learning-rate changes take effect between
 * batches. Early stopping follows Keras, restoring the best weights when
 * training ends; a NaN or infinite loss ends the run with the last good
 * weights put back. Every tensor the run makes, the optimizer's included,
 * is disposed when it ends, however it ends.
 */
export async function runTraining(request: RunRequest, control: RunControl, hooks: RunHooks): Promise<RunResult> {
  const tensorsBefore = tf.memory().numTensors;
  if (request.resumeHolder && request.resumeHolder.tensorsBefore === undefined) request.resumeHolder.tensorsBefore = tensorsBefore;
  const { config, data } = request;
  const inputSize = data.inputShape.reduce((a, b) => a * b, 1);
  const numTrain = data.xTrain.length / inputSize;
  const batchSize = Math.max(1, Math.min(config.batchSize, numTrain));
  const early = config.earlyStopping;
  const resume = request.startFrom ?? null;
  const stopper = early.enabled ? new EarlyStopper({ ...early, direction: monitorDirection(early, request.task) }, resume?.early) : null;
  const startEpoch = resume?.epoch ?? 0;
  const engineRequest = { ...request, batchSize, startWeights: request.startFrom?.weights ?? null };
  const engine = request.engine === 'fused' ? await createFusedEngine(engineRequest) : await createTfEngine(engineRequest);
  // Export asks for the model between batches, when the loop is not using it.
  control.serializer = () => engine.serialize();
  control.weightsReader = async () => (await engine.readout()).weights;
  const trendBuffer = new TrendBuffer(engine.kernelLayers);
  /** The engine's probes, with the trends of the epochs since the last measurement when they are asked for. */
  const measure = async (kinds: readonly ProbeKind[]): Promise<ProbeResult> => {
    const result = await engine.probe(kinds, control.probeInput);
    return kinds.includes('trends') ? { ...result, trends: trendBuffer.take() } : result;
  };
  control.prober = (kinds = control.probes) => measure(kinds);
  let lastProbe = Number.NEGATIVE_INFINITY;
  let lastForecast = Number.NEGATIVE_INFINITY;
  /** How long the last measurement with the forecast took, in ms. */
  let forecastCost = 0;
  /** Measures the probes when a view wants them and the last measurement is old enough (or `now`). */
  const probe = async (epoch: number, now = false): Promise<void> => {
    // At the end the neurons are measured even when no view is open (a 2-D
    // set's small grid costs little), so a view opened later shows the final model.
    const watched = now && control.probes.length === 0 && data.probeGrid ? (['neurons'] as const) : control.probes;
    // A series' forecast too, so the Forecast figure shows the final model however the run ended.
    const asked: readonly ProbeKind[] = now && data.series && !watched.includes('forecast') ? [...watched, 'forecast'] : watched;
    // The forecast's roll-out calls the model once per validation step (half a second
    // for the Sunspots LSTM on tfjs's CPU backend in Node): it is measured at most every FORECAST_INTERVAL_MS
    // and at least nine times its own cost apart, so it never takes over a tenth of the run
    // (at four times, W5 on the CPU backend lost 30 % of its epochs per second to it).
    const forecastDue = now || performance.now() - lastForecast >= Math.max(FORECAST_INTERVAL_MS, 9 * forecastCost);
    const kinds = forecastDue ? asked : asked.filter((kind) => kind !== 'forecast');
    if (kinds.length === 0 || !hooks.onProbe) return;
    if (!now && performance.now() - lastProbe < PROBE_INTERVAL_MS) return;
    const started = (lastProbe = performance.now());
    const result = await control.guard(measure(kinds));
    if (kinds.includes('forecast')) {
      lastForecast = performance.now();
      forecastCost = lastForecast - started;
    }
    hooks.onProbe(epoch, result);
  };
  let lastPredictions = Number.NEGATIVE_INFINITY;
  const deliver = (epoch: number, readout: Readout): void => {
    if (!readout.predictions) return;
    lastPredictions = performance.now();
    hooks.onPredictions?.(epoch, readout.predictions.validation, readout.predictions.grid);
  };
  let learningRate = resume?.learningRate ?? config.learningRate;
  if (learningRate !== config.learningRate) engine.setLearningRate(learningRate);
  let best: WeightSnapshot | null = null;
  /** The best epoch's weights in main memory: kept in resume points, and given by one. */
  let bestHeld: Float32Array[] | null = resume?.bestWeights ?? null;
  /** Weights after the last epoch whose loss was finite, put back if the run diverges. */
  let lastGood: WeightSnapshot | null = null;
  let lastGoodEpoch = startEpoch;
  let lastResumeCopy = Number.NEGATIVE_INFINITY;
  /** Each epoch's order of rows and its batches, in the same two arrays every epoch. */
  const shuffled = new Uint32Array(numTrain);
  const batched = new Uint32Array(Math.ceil(numTrain / batchSize) * batchSize);
  let outcome: RunOutcome = { kind: 'completed', epochs: config.epochs, restoredFrom: null };
  let finalWeights: Float32Array | null = null;
  let finalModel: SerializedModel | null = null;
  let test: TestResult | null = null;
  try {
    hooks.onStart?.({ params: engine.params, stepsPerEpoch: Math.ceil(numTrain / batchSize), weightLayout: engine.weightLayout });
    if (request.mode === 'evaluate') outcome = { kind: 'evaluated', ...(await control.guard(engine.evaluate())) };
    else lastGood = engine.snapshot();
    for (let epoch = startEpoch + 1; epoch <= config.epochs && request.mode !== 'evaluate'; epoch++) {
      const started = performance.now();
      const order = batchOrder(shuffledIndices(numTrain, config.seed * 7919 + epoch, shuffled), batchSize, batched);
      const finished = await engine.trainEpoch(order, control, () => {
        const rate = control.takeLearningRate();
        if (rate === null || rate === learningRate) return;
        engine.setLearningRate(rate);
        learningRate = rate;
        hooks.onLearningRate?.(epoch, rate);
      });
      if (!finished) {
        outcome = { kind: 'stopped', epoch: epoch - 1 };
        break;
      }
      const stats = await control.guard(
        engine.report(performance.now() - lastPredictions >= PREDICTION_INTERVAL_MS, control.wantWeights, control.probes.includes('trends')),
      );
      if (stats.trends) {
        // Rows that do not follow the buffered ones (the view was closed for a while) go out first, on their own.
        const earlier = trendBuffer.add({ epoch, ...stats.trends });
        if (earlier) hooks.onProbe?.(epoch - 1, { neurons: null, trends: earlier });
      }
      const { loss, metric, valLoss, valMetric } = stats;
      // Early stopping judges the epoch first, so a resume point taken below carries its verdict.
      const verdict = stopper && Number.isFinite(loss) ? stopper.observe(epoch, monitoredValue(early.monitor, stats)) : null;
      const newBest = verdict?.snapshot === true && early.restoreBestWeights;
      if (newBest) {
        best?.dispose();
        best = engine.snapshot();
        bestHeld = null;
      }
      // A copy in main memory to go on from if the device is lost. Taken
      // before the epoch is reported, so the page never shows an epoch the
      // copy is older than without being told (see the movedBackend event).
      const holder = request.resumeHolder;
      if (holder && Number.isFinite(loss)) {
        let weights: Float32Array[] | null = null;
        if (stats.weights && engine.weightLayout) {
          weights = inModelOrder(engine.weightLayout, stats.weights);
        } else if (performance.now() - lastResumeCopy >= RESUME_COPY_INTERVAL_MS) {
          weights = await control.guard(engine.exportWeights());
          lastResumeCopy = performance.now();
        }
        if (newBest) bestHeld = weights ?? (await control.guard(engine.exportWeights()));
        if (weights) holder.point = { epoch, weights, learningRate, early: stopper?.state ?? null, bestWeights: bestHeld };
      }
      hooks.onEpoch({ epoch, loss, valLoss, metric, valMetric, ms: performance.now() - started, learningRate }, stats.weights, stats.stepLosses);
      deliver(epoch, stats);
      if (control.probes.length > 0) await probe(epoch);
      if (!Number.isFinite(loss)) {
        outcome = { kind: 'diverged', epoch, value: Number.isNaN(loss) ? 'NaN' : 'Infinity', keptEpoch: lastGoodEpoch };
        break;
      }
      lastGood?.dispose();
      lastGood = engine.snapshot();
      lastGoodEpoch = epoch;
      if (stopper && verdict?.stop) {
        outcome = { kind: 'earlyStopped', epoch, bestEpoch: stopper.bestEpoch, restoredFrom: null };
        break;
      }
      control.endEpoch();
      if (epoch < config.epochs && control.due() && !(await control.checkpoint())) {
        outcome = { kind: 'stopped', epoch };
        break;
      }
    }
    // As Keras's on_train_end: put the best weights back whether training
    // stopped early or ran out of epochs (not when the person stopped it).
    if ((best || bestHeld) && stopper && (outcome.kind === 'completed' || outcome.kind === 'earlyStopped')) {
      // The best epoch was before a move to this backend when only its copy in main memory is left.
      if (best) best.restore();
      else engine.loadWeights(bestHeld!);
      outcome = { ...outcome, restoredFrom: stopper.bestEpoch };
    }
    if (outcome.kind === 'diverged' && lastGood) lastGood.restore();
    // The final weights, predictions and model, after any restore.
    const lastEpoch = outcome.kind === 'completed' ? outcome.epochs : outcome.kind === 'evaluated' ? 0 : outcome.epoch;
    if (lastEpoch > 0 || outcome.kind === 'evaluated') {
      const final = await control.guard(engine.readout());
      finalWeights = final.weights;
      deliver(lastEpoch, final);
      await probe(lastEpoch, true);
      finalModel = await control.guard(engine.serialize());
      // Keras's model.evaluate on the test rows, once, after any restore: nothing
      // before this line (training, early stopping, the epochs' reports) saw them.
      // A diverged run's kept weights are not the model it was heading for, so it has none.
      if (outcome.kind !== 'diverged') test = await control.guard(engine.test());
    }
  } finally {
    control.serializer = null;
    control.weightsReader = null;
    control.prober = null;
    best?.dispose();
    lastGood?.dispose();
    engine.dispose();
    if (control.abandoned !== null) disposeReadsInFlight();
  }
  return { outcome, tensorsBefore, tensorsAfter: tf.memory().numTensors, weights: finalWeights, model: finalModel, test };
}
