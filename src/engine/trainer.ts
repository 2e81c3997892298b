import * as tf from '@tensorflow/tfjs';
import { shuffledIndices } from '../data/split';
import { EarlyStopper } from '../model/earlyStopping';
import type { LayerSpec } from '../model/layers';
import type { TaskSpec } from '../model/task';
import type { TrainingConfig } from '../model/trainingConfig';
import {
  PREDICTION_INTERVAL_MS,
  WEIGHT_VIEW_LIMIT,
  type EpochRecord,
  type RunOutcome,
  type TrainingData,
  type WeightSlot,
} from './protocol';
import type { RunControl } from './runControl';
import { buildModel } from './tf/buildModel';
import { createOptimizer, disposeOptimizer } from './tf/createOptimizer';
import { readBack, trainEpoch } from './tf/epoch';
import { setLearningRate } from './tf/learningRate';
import { lossFunctions, metricFunction } from './tf/objectives';
import { deserializeModel, serializeModel } from './tf/serialize';
import { snapshotWeights, weightLayout, weightReadout } from './tf/weights';
import type { SerializedModel } from '../model/file/modelFile';

export interface RunRequest {
  layers: readonly LayerSpec[];
  task: TaskSpec;
  config: TrainingConfig;
  data: TrainingData;
  /** Weights to start from instead of fresh ones. */
  initialModel?: SerializedModel | null;
  /** 'evaluate' measures the initial model and trains nothing. */
  mode?: 'run' | 'step' | 'evaluate';
}

export interface RunHooks {
  /** The model is built: its weight count, and the weight layout when it is small enough to show. */
  onStart?(info: { params: number; stepsPerEpoch: number; weightLayout: WeightSlot[] | null }): void;
  /** An epoch has finished; called once per epoch, in order. */
  onEpoch(record: EpochRecord, weights: Float32Array | null): void;
  /** A new learning rate took effect during `epoch`. */
  onLearningRate?(epoch: number, learningRate: number): void;
  /** Outputs for the validation rows and the grid after `epoch`: a few times a second, and at the end. */
  onPredictions?(epoch: number, validation: Float32Array, grid: Float32Array | null): void;
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
}

/**
 * Trains a fresh model on the data with the config, epoch by epoch.
 *
 * Unlike `model.fit`, which reads every batch's loss back (a GPU sync per
 * batch on WebGL), the loss and metric are summed on the device and read once
 * per epoch, together with the validation loss. Rows are reshuffled each
 * epoch with a seed. Pause, step, stop and learning-rate changes take effect
 * between batches. Early stopping follows Keras, restoring the best weights
 * when training ends. Every tensor the run makes, the optimizer's included,
 * is disposed when it ends, however it ends.
 */
export async function runTraining(request: RunRequest, control: RunControl, hooks: RunHooks): Promise<RunResult> {
  const tensorsBefore = tf.memory().numTensors;
  const { config, data, task } = request;
  const inputSize = data.inputShape.reduce((a, b) => a * b, 1);
  const numTrain = data.xTrain.length / inputSize;
  const numVal = data.xVal.length / inputSize;
  const lossFn = lossFunctions[config.loss];
  const metricFn = metricFunction(task);
  const early = config.earlyStopping;
  const stopper = early.enabled ? new EarlyStopper(early) : null;

  const model = request.initialModel
    ? await deserializeModel(request.initialModel)
    : buildModel(data.inputShape, request.layers, config.seed);
  // Export asks for the model between batches, when the loop is not using it.
  control.serializer = () => serializeModel(model);
  const optimizer = createOptimizer(config.optimizer, config.learningRate);
  const xTrain = tf.tensor(data.xTrain, [numTrain, ...data.inputShape]);
  const yTrain = tf.tensor2d(data.yTrain, [numTrain, data.targetSize]);
  const xVal = tf.tensor(data.xVal, [numVal, ...data.inputShape]);
  const yVal = tf.tensor2d(data.yVal, [numVal, data.targetSize]);
  const grid = data.grid ? tf.tensor(data.grid, [data.grid.length / inputSize, ...data.inputShape]) : null;
  const showWeights = model.countParams() <= WEIGHT_VIEW_LIMIT;
  const predict = (x: tf.Tensor): tf.Tensor => model.apply(x, { training: false }) as tf.Tensor;
  let lastPredictions = Number.NEGATIVE_INFINITY;
  /** The weights and, when asked, the predictions, as tensors to read back; in this order. */
  const extras = (withPredictions: boolean, valPred?: tf.Tensor): tf.Tensor[] => [
    ...(showWeights ? [weightReadout(model)] : []),
    ...(withPredictions ? [valPred ?? predict(xVal), ...(grid ? [predict(grid)] : [])] : []),
  ];
  /** Splits the read-back extras into the weights and, when asked for, the predictions (handed to the hook after `epoch`'s record). */
  const splitExtras = (parts: Float32Array[], withPredictions: boolean) => {
    const weights = showWeights ? parts.shift()! : null;
    const deliver = (epoch: number): void => {
      if (!withPredictions) return;
      lastPredictions = performance.now();
      hooks.onPredictions?.(epoch, parts[0]!, grid ? parts[1]! : null);
    };
    return { weights, deliver };
  };
  let learningRate = config.learningRate;
  let best: tf.Tensor[] | null = null;
  /** Weights after the last epoch whose loss was finite, put back if the run diverges. */
  let lastGood: tf.Tensor[] | null = null;
  let lastGoodEpoch = 0;
  let outcome: RunOutcome = { kind: 'completed', epochs: config.epochs, restoredFrom: null };
  let finalWeights: Float32Array | null = null;
  let finalModel: SerializedModel | null = null;
  try {
    hooks.onStart?.({
      params: model.countParams(),
      stepsPerEpoch: Math.ceil(numTrain / config.batchSize),
      weightLayout: showWeights ? weightLayout(model) : null,
    });
    if (request.mode === 'evaluate') {
      const [stats] = await readBack(() => {
        const valPred = predict(xVal);
        return [tf.stack([lossFn(yVal, valPred), metricFn(yVal, valPred)])];
      });
      outcome = { kind: 'evaluated', valLoss: stats![0]!, valMetric: stats![1]! };
    }
    if (request.mode !== 'evaluate') lastGood = snapshotWeights(model);
    for (let epoch = 1; epoch <= config.epochs && request.mode !== 'evaluate'; epoch++) {
      const started = performance.now();
      const sums = await trainEpoch({
        model,
        optimizer,
        xTrain,
        yTrain,
        lossFn,
        metricFn,
        control,
        batchSize: config.batchSize,
        order: shuffledIndices(numTrain, config.seed * 7919 + epoch),
        beforeBatch: () => {
          const rate = control.takeLearningRate();
          if (rate === null || rate === learningRate) return;
          setLearningRate(optimizer, rate);
          learningRate = rate;
          hooks.onLearningRate?.(epoch, rate);
        },
      });
      if (sums === null) {
        outcome = { kind: 'stopped', epoch: epoch - 1 };
        break;
      }
      const withPredictions = performance.now() - lastPredictions >= PREDICTION_INTERVAL_MS;
      const [stats, ...parts] = await readBack(() => {
        const valPred = predict(xVal);
        const means = [sums[0].div(numTrain), sums[1].div(numTrain), lossFn(yVal, valPred), metricFn(yVal, valPred)];
        return [tf.stack(means), ...extras(withPredictions, valPred)];
      });
      tf.dispose(sums);
      const [loss, metric, valLoss, valMetric] = Array.from(stats!);
      const { weights, deliver } = splitExtras(parts, withPredictions);
      hooks.onEpoch(
        { epoch, loss: loss!, valLoss: valLoss!, metric: metric!, valMetric: valMetric!, ms: performance.now() - started, learningRate },
        weights,
      );
      deliver(epoch);
      if (!Number.isFinite(loss)) {
        outcome = { kind: 'diverged', epoch, value: Number.isNaN(loss) ? 'NaN' : 'Infinity', keptEpoch: lastGoodEpoch };
        break;
      }
      // Clones share the device memory until training writes new values, so this is cheap.
      if (lastGood) tf.dispose(lastGood);
      lastGood = snapshotWeights(model);
      lastGoodEpoch = epoch;
      if (stopper) {
        const verdict = stopper.observe(epoch, valLoss!);
        if (verdict.snapshot && early.restoreBestWeights) {
          if (best) tf.dispose(best);
          best = snapshotWeights(model);
        }
        if (verdict.stop) {
          outcome = { kind: 'earlyStopped', epoch, bestEpoch: stopper.bestEpoch, restoredFrom: null };
          break;
        }
      }
      control.endEpoch();
      if (epoch < config.epochs && !(await control.checkpoint(true))) {
        outcome = { kind: 'stopped', epoch };
        break;
      }
    }
    // As Keras's on_train_end: put the best weights back whether training
    // stopped early or ran out of epochs (not when the person stopped it).
    if (best && stopper && (outcome.kind === 'completed' || outcome.kind === 'earlyStopped')) {
      model.setWeights(best);
      outcome = { ...outcome, restoredFrom: stopper.bestEpoch };
    }
    if (outcome.kind === 'diverged' && lastGood) model.setWeights(lastGood);
    // The final weights, predictions and model, after any restore.
    const lastEpoch = outcome.kind === 'completed' ? outcome.epochs : outcome.kind === 'evaluated' ? 0 : outcome.epoch;
    if (lastEpoch > 0 || outcome.kind === 'evaluated') {
      const final = splitExtras(await readBack(() => extras(true)), true);
      finalWeights = final.weights;
      final.deliver(lastEpoch);
      finalModel = await serializeModel(model);
    }
  } finally {
    control.serializer = null;
    if (best) tf.dispose(best);
    if (lastGood) tf.dispose(lastGood);
    tf.dispose([xTrain, yTrain, xVal, yVal, ...(grid ? [grid] : [])]);
    disposeOptimizer(optimizer);
    model.dispose();
  }
  return { outcome, tensorsBefore, tensorsAfter: tf.memory().numTensors, weights: finalWeights, model: finalModel };
}
