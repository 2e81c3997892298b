import type { ActivationName } from './activations';

/**
 * Shape of one example as it flows through the network, without the batch
 * axis: `[8]` is a vector of 8 features, `[28, 28, 1]` a grey image.
 */
export type Shape = readonly number[];

interface LayerBase {
  /** Stable identity for the editor (React keys, reordering); not part of the model. */
  id: string;
}

/**
 * Keras's `kernel_regularizer=keras.regularizers.l1_l2(l1, l2)`: adds
 * l1·Σ|w| + l2·Σw² over the layer's kernel to the loss (see regularizers.ts).
 */
export interface KernelRegularizer {
  l1: number;
  l2: number;
}

/** Keras `Dense(units, activation)`: every output is a weighted sum of every input plus a bias. */
export interface DenseSpec extends LayerBase {
  kind: 'dense';
  units: number;
  activation: ActivationName;
  /** The kernel's weight penalty; absent means none. */
  kernelRegularizer?: KernelRegularizer;
}

/** Keras `Dropout(rate)`: while training, zeroes each input with probability `rate`. */
export interface DropoutSpec extends LayerBase {
  kind: 'dropout';
  rate: number;
}

/** Keras `BatchNormalization()`: rescales each feature with batch statistics while training. */
export interface BatchNormalizationSpec extends LayerBase {
  kind: 'batchNormalization';
}

/** Keras `Activation(name)`: applies a function on its own, with no weights. */
export interface ActivationSpec extends LayerBase {
  kind: 'activation';
  activation: ActivationName;
}

/** How a convolution or pooling window treats the border: Keras's 'valid' (no padding) or 'same'. */
export type Padding = 'valid' | 'same';

/** Keras `Conv2D(filters, kernel_size, strides, padding, activation)` on height × width × channels. */
export interface Conv2DSpec extends LayerBase {
  kind: 'conv2d';
  filters: number;
  /** Side of the square kernel, in pixels. */
  kernelSize: number;
  /** Step of the kernel, in pixels, both ways. */
  strides: number;
  padding: Padding;
  activation: ActivationName;
  /** The kernel's weight penalty; absent means none. */
  kernelRegularizer?: KernelRegularizer;
}

/** Keras `MaxPooling2D(pool_size)`, with strides equal to the pool size. */
export interface MaxPooling2DSpec extends LayerBase {
  kind: 'maxPooling2d';
  poolSize: number;
}

/** Keras `Flatten()`: an image of features, or a sequence of steps, becomes one vector. */
export interface FlattenSpec extends LayerBase {
  kind: 'flatten';
}

/** What the three recurrent layers share: Keras's `units`, `activation`, `return_sequences` and the two dropouts. */
interface RecurrentBase extends LayerBase {
  /** Size of the hidden state, and of the output at each step. */
  units: number;
  /** Applied to the candidate state (Keras's default: tanh). */
  activation: ActivationName;
  /**
   * True: the output is the hidden state at every step, [steps, units], as a
   * recurrent layer or a pooling after it needs. False: only the last step's, [units].
   */
  returnSequences: boolean;
  /**
   * Keras's `dropout`: the fraction of the inputs dropped at each step while
   * training (one mask for all the steps of a window), 0 ≤ rate < 1; absent means 0.
   */
  dropout?: number;
  /** Keras's `recurrent_dropout`: the same for the state carried from one step to the next; absent means 0. */
  recurrentDropout?: number;
}

/** Keras `SimpleRNN(units)`: the state is `activation(x·W + h·U + b)` at each step. */
export interface SimpleRnnSpec extends RecurrentBase {
  kind: 'simpleRnn';
}

/** Keras `LSTM(units)`: input, forget and output gates around a cell state. */
export interface LstmSpec extends RecurrentBase {
  kind: 'lstm';
}

/** Keras `GRU(units)` as tfjs builds it: update and reset gates, reset applied before the recurrent kernel (see layerKinds). */
export interface GruSpec extends RecurrentBase {
  kind: 'gru';
}

/** Keras `GlobalAveragePooling1D()`: a sequence of steps becomes the mean over its steps. */
export interface GlobalAveragePooling1DSpec extends LayerBase {
  kind: 'globalAveragePooling1D';
}

/**
 * One layer of a Keras-style Sequential stack. A new kind is a new member
 * here plus one entry in `layerKinds` (and a builder in the engine).
 */
export type LayerSpec =
  | DenseSpec
  | DropoutSpec
  | BatchNormalizationSpec
  | ActivationSpec
  | Conv2DSpec
  | MaxPooling2DSpec
  | FlattenSpec
  | SimpleRnnSpec
  | LstmSpec
  | GruSpec
  | GlobalAveragePooling1DSpec;

/** The recurrent layer kinds, which read a sequence [steps, features] step by step. */
export type RecurrentSpec = SimpleRnnSpec | LstmSpec | GruSpec;

export const recurrentKinds = ['simpleRnn', 'lstm', 'gru'] as const satisfies readonly LayerSpec['kind'][];

export function isRecurrent(layer: LayerSpec): layer is RecurrentSpec {
  return (recurrentKinds as readonly string[]).includes(layer.kind);
}

export type LayerKind = LayerSpec['kind'];

export type LayerOf<K extends LayerKind> = Extract<LayerSpec, { kind: K }>;

/** A layer without its editor id, as stored and shared (distributes over the kinds, unlike Omit). */
export type LayerDraft = { [K in LayerKind]: Omit<LayerOf<K>, 'id'> }[LayerKind];

/** The network: the shape of one input example and the layers applied to it in order. */
export interface ModelSpec {
  inputShape: Shape;
  layers: LayerSpec[];
}
