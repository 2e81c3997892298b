import * as tf from '@tensorflow/tfjs';
import { shuffledIndices } from '../data/split';
import { EarlyStopper } from '../model/earlyStopping';
import type { LayerSpec } from '../model/layers';
import type { TaskSpec } from '../model/task';
import type { TrainingConfig } from '../model/trainingConfig';
import { WEIGHT_VIEW_LIMIT, type EpochRecord, type RunOutcome, type TrainingData, type WeightSlot } from './protocol';
import type { RunControl } from './runControl';
import { buildModel } from './tf/buildModel';
import { createOptimizer, disposeOptimizer } from './tf/createOptimizer';
import { readEpoch, trainEpoch } from './tf/epoch';
import { setLearningRate } from './tf/learningRate';
import { lossFunctions, metricFunction } from './tf/objectives';
import { snapshotWeights, weightLayout, weightReadout } from './tf/weights';

export interface RunRequest {
  layers: readonly LayerSpec[];
  task: TaskSpec;
  config: TrainingConfig;
  data: TrainingData;
}

export interface RunHooks {
  /** The model is built: its weight count, and the weight layout when it is small enough to show. */
  onStart?(info: { params: number; stepsPerEpoch: number; weightLayout: WeightSlot[] | null }): void;
  /** An epoch has finished; called once per epoch, in order. */
  onEpoch(record: EpochRecord, weights: Float32Array | null): void;
  /** A new learning rate took effect during `epoch`. */
  onLearningRate?(epoch: number, learningRate: number): void;
  /** The run paused itself after `epoch` because a step asked for one epoch. */
  onAutoPause?(epoch: number): void;
}

export interface RunResult {
  outcome: RunOutcome;
  /** `tf.memory().numTensors` before the run and after everything it made was disposed. */
  tensorsBefore: number;
  tensorsAfter: number;
  /** Final weights (after any restore), for models small enough to show. */
  weights: Float32Array | null;
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

  const model = buildModel(data.inputShape, request.layers, config.seed);
  const optimizer = createOptimizer(config.optimizer, config.learningRate);
  const xTrain = tf.tensor(data.xTrain, [numTrain, ...data.inputShape]);
  const yTrain = tf.tensor2d(data.yTrain, [numTrain, data.targetSize]);
  const xVal = tf.tensor(data.xVal, [numVal, ...data.inputShape]);
  const yVal = tf.tensor2d(data.yVal, [numVal, data.targetSize]);
  const showWeights = model.countParams() <= WEIGHT_VIEW_LIMIT;
  const validate = (): [tf.Scalar, tf.Scalar] => {
    const pred = model.apply(xVal, { training: false }) as tf.Tensor;
    return [lossFn(yVal, pred), metricFn(yVal, pred)];
  };
  let learningRate = config.learningRate;
  let best: tf.Tensor[] | null = null;
  let outcome: RunOutcome = { kind: 'completed', epochs: config.epochs, restoredFrom: null };
  let finalWeights: Float32Array | null = null;
  try {
    hooks.onStart?.({
      params: model.countParams(),
      stepsPerEpoch: Math.ceil(numTrain / config.batchSize),
      weightLayout: showWeights ? weightLayout(model) : null,
    });
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
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
      const read = await readEpoch(sums, numTrain, validate, showWeights ? () => weightReadout(model) : null);
      const { loss, metric, valLoss, valMetric } = read;
      hooks.onEpoch({ epoch, loss, valLoss, metric, valMetric, ms: performance.now() - started, learningRate }, read.weights);
      if (!Number.isFinite(loss)) {
        outcome = { kind: 'diverged', epoch, value: Number.isNaN(loss) ? 'NaN' : 'Infinity' };
        break;
      }
      if (stopper) {
        const verdict = stopper.observe(epoch, valLoss);
        if (verdict.snapshot && early.restoreBestWeights) {
          if (best) tf.dispose(best);
          best = snapshotWeights(model);
        }
        if (verdict.stop) {
          outcome = { kind: 'earlyStopped', epoch, bestEpoch: stopper.bestEpoch, restoredFrom: null };
          break;
        }
      }
      if (control.endEpoch()) hooks.onAutoPause?.(epoch);
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
    if (showWeights) {
      const readout = weightReadout(model);
      finalWeights = (await readout.data()) as Float32Array;
      readout.dispose();
    }
  } finally {
    if (best) tf.dispose(best);
    tf.dispose([xTrain, yTrain, xVal, yVal]);
    disposeOptimizer(optimizer);
    model.dispose();
  }
  return { outcome, tensorsBefore, tensorsAfter: tf.memory().numTensors, weights: finalWeights };
}
