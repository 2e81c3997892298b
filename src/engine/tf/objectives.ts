import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../model/losses';
import type { TaskSpec } from '../../model/task';

/** A loss or metric averaged over a batch: (targets, predictions) → scalar. */
export type BatchObjective = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar;

/** The losses with Keras's definitions (mean over the batch; Huber with delta 1; cross-entropy on probabilities). */
export const lossFunctions: Record<LossName, BatchObjective> = {
  mae: (t, p) => tf.losses.absoluteDifference(t, p) as tf.Scalar,
  mse: (t, p) => tf.losses.meanSquaredError(t, p) as tf.Scalar,
  huber: (t, p) => tf.losses.huberLoss(t, p, undefined, 1) as tf.Scalar,
  binaryCrossentropy: (t, p) => tf.mean(tf.metrics.binaryCrossentropy(t, p)) as tf.Scalar,
  categoricalCrossentropy: (t, p) => tf.mean(tf.metrics.categoricalCrossentropy(t, p)) as tf.Scalar,
};

/** The metric reported beside the loss: accuracy (0.5 threshold for binary) or MAE. */
export function metricFunction(task: TaskSpec): BatchObjective {
  switch (task.kind) {
    case 'regression':
      return (t, p) => tf.mean(tf.metrics.meanAbsoluteError(t, p)) as tf.Scalar;
    case 'binary':
      return (t, p) => tf.mean(tf.metrics.binaryAccuracy(t, p)) as tf.Scalar;
    case 'multiclass':
      return (t, p) => tf.mean(tf.metrics.categoricalAccuracy(t, p)) as tf.Scalar;
  }
}

/**
 * The loss Keras 3 minimizes and reports, as loss and as val_loss: the
 * data loss plus the model's weight penalties (tfjs keeps each layer's
 * kernel_regularizer as a function in its `losses`). model.fit adds them
 * itself; the playground's own loop calls model.apply, which does not. They
 * are read from the layers: a tfjs 4.22 Sequential's own `losses` and
 * `calculateLosses()` come back empty.
 */
export function withPenalties(model: tf.LayersModel, lossFn: BatchObjective): BatchObjective {
  const penalized = model.layers.filter((layer) => layer.losses.length > 0);
  if (penalized.length === 0) return lossFn;
  return (t, p) => tf.tidy(() => tf.addN([lossFn(t, p), ...penalized.flatMap((layer) => layer.calculateLosses())]) as tf.Scalar);
}
