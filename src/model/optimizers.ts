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

/** Keras's epsilon, so the adaptive optimizers behave as they do there. */
export const KERAS_EPSILON = 1e-7;

/**
 * What each optimizer trains with besides its learning rate, by Keras's
 * argument names: Keras 3's defaults. tfjs gets these numbers
 * (createOptimizer), and a pasted optimizer asking for others is told so
 * (kerasOptimizerArgs).
 */
export const optimizerSettings = {
  sgd: { momentum: 0, nesterov: false },
  momentum: { momentum: SGD_MOMENTUM, nesterov: false },
  adam: { beta_1: 0.9, beta_2: 0.999, epsilon: KERAS_EPSILON, amsgrad: false },
  rmsprop: { rho: 0.9, momentum: 0, epsilon: KERAS_EPSILON, centered: false },
  adagrad: { initial_accumulator_value: 0.1, epsilon: KERAS_EPSILON },
  adadelta: { rho: 0.95, epsilon: KERAS_EPSILON },
  adamax: { beta_1: 0.9, beta_2: 0.999, epsilon: KERAS_EPSILON },
} as const satisfies Record<OptimizerName, Record<string, number | boolean>>;
