/**
 * The optimizers of the course, with Keras's default learning rates.
 * `momentum` is SGD with Keras's `momentum=0.9`.
 */
export interface OptimizerInfo {
  label: string;
  defaultLearningRate: number;
}

export const optimizers = {
  sgd: { label: 'SGD', defaultLearningRate: 0.01 },
  momentum: { label: 'SGD + momentum 0.9', defaultLearningRate: 0.01 },
  adam: { label: 'Adam', defaultLearningRate: 0.001 },
  rmsprop: { label: 'RMSProp', defaultLearningRate: 0.001 },
  adagrad: { label: 'AdaGrad', defaultLearningRate: 0.001 },
  adadelta: { label: 'AdaDelta', defaultLearningRate: 0.001 },
  adamax: { label: 'Adamax', defaultLearningRate: 0.001 },
} as const satisfies Record<string, OptimizerInfo>;

export type OptimizerName = keyof typeof optimizers;

export const optimizerNames = Object.keys(optimizers) as OptimizerName[];

/** Momentum used by the `momentum` optimizer, as in `SGD(momentum=0.9)`. */
export const SGD_MOMENTUM = 0.9;
