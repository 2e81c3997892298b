import type * as tf from '@tensorflow/tfjs';

/** SGD and momentum: the rate lives in a cached scalar that only this method refreshes. */
type SettableRateOptimizer = tf.Optimizer & { setLearningRate(learningRate: number): void };
/** Adam, RMSProp, AdaGrad, AdaDelta, Adamax: each step reads this field. */
type FieldRateOptimizer = tf.Optimizer & { learningRate: number };

const hasSetter = (optimizer: tf.Optimizer): optimizer is SettableRateOptimizer =>
  typeof (optimizer as Partial<SettableRateOptimizer>).setLearningRate === 'function';

/**
 * Changes an optimizer's learning rate from its next step on. (Not with
 * `instanceof SGDOptimizer`: tfjs optimizers override `Symbol.hasInstance`,
 * so every optimizer passes that test.)
 */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  if (hasSetter(optimizer)) optimizer.setLearningRate(learningRate);
  else (optimizer as FieldRateOptimizer).learningRate = learningRate;
}
