import * as tf from '@tensorflow/tfjs';
import { SGD_MOMENTUM, type OptimizerName } from '../../model/optimizers';

/** Keras's epsilon, so the adaptive optimizers behave as they do there. */
const EPSILON = 1e-7;

const factories: Record<OptimizerName, (learningRate: number) => tf.Optimizer> = {
  sgd: (lr) => tf.train.sgd(lr),
  momentum: (lr) => tf.train.momentum(lr, SGD_MOMENTUM),
  adam: (lr) => tf.train.adam(lr, 0.9, 0.999, EPSILON),
  rmsprop: (lr) => tf.train.rmsprop(lr, 0.9, 0, EPSILON),
  adagrad: (lr) => tf.train.adagrad(lr, 0.1),
  adadelta: (lr) => tf.train.adadelta(lr, 0.95, EPSILON),
  adamax: (lr) => tf.train.adamax(lr, 0.9, 0.999, EPSILON, 0),
};

/** A fresh optimizer; the caller disposes it with `disposeOptimizer` (model.dispose() does not). */
export function createOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  return factories[name](learningRate);
}

/**
 * Disposes an optimizer and its state. tfjs 4.22's `MomentumOptimizer.dispose()`
 * forgets the learning-rate scalar its SGD base class keeps, which would leak
 * one tensor per run; it is freed here.
 */
export function disposeOptimizer(optimizer: tf.Optimizer): void {
  optimizer.dispose();
  const rate = (optimizer as { c?: tf.Tensor }).c;
  if (rate && !rate.isDisposed) rate.dispose();
}
