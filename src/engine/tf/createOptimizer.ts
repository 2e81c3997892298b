import * as tf from '@tensorflow/tfjs';
import { optimizerSettings as settings, type OptimizerName } from '../../model/optimizers';

const factories: Record<OptimizerName, (learningRate: number) => tf.Optimizer> = {
  sgd: (lr) => tf.train.sgd(lr),
  momentum: (lr) => tf.train.momentum(lr, settings.momentum.momentum),
  adam: (lr) => tf.train.adam(lr, settings.adam.beta_1, settings.adam.beta_2, settings.adam.epsilon),
  rmsprop: (lr) => tf.train.rmsprop(lr, settings.rmsprop.rho, settings.rmsprop.momentum, settings.rmsprop.epsilon),
  adagrad: (lr) => tf.train.adagrad(lr, settings.adagrad.initial_accumulator_value),
  adadelta: (lr) => tf.train.adadelta(lr, settings.adadelta.rho, settings.adadelta.epsilon),
  adamax: (lr) => tf.train.adamax(lr, settings.adamax.beta_1, settings.adamax.beta_2, settings.adamax.epsilon, 0),
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
