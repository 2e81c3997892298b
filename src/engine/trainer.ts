import * as tf from '@tensorflow/tfjs';
import type { LayerSpec } from '../model/layers';
import type { TaskSpec } from '../model/task';
import type { TrainingConfig } from '../model/trainingConfig';
import { shuffledIndices } from '../data/split';
import type { EpochRecord, RunOutcome, TrainingData } from './protocol';
import type { RunControl } from './runControl';
import { buildModel } from './tf/buildModel';
import { createOptimizer } from './tf/createOptimizer';
import { lossFunctions, metricFunction } from './tf/objectives';

export interface RunRequest {
  layers: readonly LayerSpec[];
  task: TaskSpec;
  config: TrainingConfig;
  data: TrainingData;
}

export interface RunHooks {
  /** The model is built; `params` is its weight count. */
  onStart?(params: number): void;
  /** An epoch has finished; called once per epoch, in order. */
  onEpoch(record: EpochRecord): void;
}

export interface RunResult {
  outcome: RunOutcome;
  /** `tf.memory().numTensors` before the run and after everything it made was disposed. */
  tensorsBefore: number;
  tensorsAfter: number;
}

/**
 * Trains a fresh model on the data with the config, epoch by epoch.
 *
 * Unlike `model.fit`, which reads every batch's loss back (a GPU sync per
 * batch on WebGL), the loss and metric are summed on the device and read once
 * per epoch, together with the validation loss. Rows are reshuffled each
 * epoch with a seed. Pause and stop are honoured between batches. Every
 * tensor the run makes, the optimizer's included, is disposed when it ends,
 * however it ends.
 */
export async function runTraining(request: RunRequest, control: RunControl, hooks: RunHooks): Promise<RunResult> {
  const tensorsBefore = tf.memory().numTensors;
  const { config, data, task } = request;
  const inputSize = data.inputShape.reduce((a, b) => a * b, 1);
  const numTrain = data.xTrain.length / inputSize;
  const numVal = data.xVal.length / inputSize;
  const lossFn = lossFunctions[config.loss];
  const metricFn = metricFunction(task);

  const model = buildModel(data.inputShape, request.layers, config.seed);
  const optimizer = createOptimizer(config.optimizer, config.learningRate);
  const xTrain = tf.tensor(data.xTrain, [numTrain, ...data.inputShape]);
  const yTrain = tf.tensor2d(data.yTrain, [numTrain, data.targetSize]);
  const xVal = tf.tensor(data.xVal, [numVal, ...data.inputShape]);
  const yVal = tf.tensor2d(data.yVal, [numVal, data.targetSize]);
  let outcome: RunOutcome = { kind: 'completed', epochs: config.epochs };
  try {
    hooks.onStart?.(model.countParams());
    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      const started = performance.now();
      const sums = await trainEpoch({ model, optimizer, xTrain, yTrain, lossFn, metricFn, control, numTrain, epoch, config });
      if (sums === null) {
        outcome = { kind: 'stopped', epoch: epoch - 1 };
        break;
      }
      const [loss, metric, valLoss, valMetric] = await readEpoch(sums, model, xVal, yVal, lossFn, metricFn, numTrain);
      hooks.onEpoch({ epoch, loss, valLoss, metric, valMetric, ms: performance.now() - started });
      if (!Number.isFinite(loss)) {
        outcome = { kind: 'diverged', epoch, value: Number.isNaN(loss) ? 'NaN' : 'Infinity' };
        break;
      }
      if (epoch < config.epochs && !(await control.checkpoint(true))) {
        outcome = { kind: 'stopped', epoch };
        break;
      }
    }
  } finally {
    tf.dispose([xTrain, yTrain, xVal, yVal]);
    optimizer.dispose();
    model.dispose();
  }
  return { outcome, tensorsBefore, tensorsAfter: tf.memory().numTensors };
}

interface EpochArgs {
  model: tf.LayersModel;
  optimizer: tf.Optimizer;
  xTrain: tf.Tensor;
  yTrain: tf.Tensor;
  lossFn: (t: tf.Tensor, p: tf.Tensor) => tf.Scalar;
  metricFn: (t: tf.Tensor, p: tf.Tensor) => tf.Scalar;
  control: RunControl;
  numTrain: number;
  epoch: number;
  config: TrainingConfig;
}

/**
 * One pass over the shuffled training rows. Returns the on-device sums of
 * loss × batch size and metric × batch size, or null when stopped mid-epoch
 * (having disposed what it made).
 */
async function trainEpoch(args: EpochArgs): Promise<[tf.Scalar, tf.Scalar] | null> {
  const { model, optimizer, lossFn, metricFn, control, numTrain, config } = args;
  // Indices fit in int32; reinterpret the buffer rather than copy it.
  const order = tf.tensor1d(new Int32Array(shuffledIndices(numTrain, config.seed * 7919 + args.epoch).buffer), 'int32');
  const xs = tf.gather(args.xTrain, order);
  const ys = tf.gather(args.yTrain, order);
  order.dispose();
  let lossSum: tf.Scalar = tf.scalar(0);
  let metricSum: tf.Scalar = tf.scalar(0);
  try {
    for (let start = 0; start < numTrain; start += config.batchSize) {
      if (!(await control.checkpoint())) {
        tf.dispose([lossSum, metricSum]);
        return null;
      }
      const size = Math.min(config.batchSize, numTrain - start);
      const next = tf.tidy(() => {
        const xb = xs.slice(start, size);
        const yb = ys.slice(start, size);
        let metric: tf.Scalar | null = null;
        const cost = optimizer.minimize(() => {
          const pred = model.apply(xb, { training: true }) as tf.Tensor;
          metric = tf.keep(metricFn(yb, pred));
          return lossFn(yb, pred);
        }, true) as tf.Scalar;
        // keep() protects the metric from the gradient scope; it is folded into the sum and freed here.
        const kept = metric as tf.Scalar | null;
        if (kept === null) throw new Error('The loss function did not run.');
        const sums: [tf.Scalar, tf.Scalar] = [lossSum.add(cost.mul(size)), metricSum.add(kept.mul(size))];
        kept.dispose();
        return sums;
      });
      tf.dispose([lossSum, metricSum]);
      [lossSum, metricSum] = next;
    }
    return [lossSum, metricSum];
  } finally {
    tf.dispose([xs, ys]);
  }
}

/** Reads the epoch's training means and the validation loss and metric back in one sync. */
async function readEpoch(
  [lossSum, metricSum]: [tf.Scalar, tf.Scalar],
  model: tf.LayersModel,
  xVal: tf.Tensor,
  yVal: tf.Tensor,
  lossFn: (t: tf.Tensor, p: tf.Tensor) => tf.Scalar,
  metricFn: (t: tf.Tensor, p: tf.Tensor) => tf.Scalar,
  numTrain: number,
): Promise<[number, number, number, number]> {
  const packed = tf.tidy(() => {
    const pred = model.apply(xVal, { training: false }) as tf.Tensor;
    return tf.stack([lossSum.div(numTrain), metricSum.div(numTrain), lossFn(yVal, pred), metricFn(yVal, pred)]);
  });
  tf.dispose([lossSum, metricSum]);
  try {
    const values = await packed.data();
    return [values[0]!, values[1]!, values[2]!, values[3]!];
  } finally {
    packed.dispose();
  }
}
