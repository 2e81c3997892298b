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

/** Keras `Dense(units, activation)`: every output is a weighted sum of every input plus a bias. */
export interface DenseSpec extends LayerBase {
  kind: 'dense';
  units: number;
  activation: ActivationName;
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
}

/** Keras `MaxPooling2D(pool_size)`, with strides equal to the pool size. */
export interface MaxPooling2DSpec extends LayerBase {
  kind: 'maxPooling2d';
  poolSize: number;
}

/** Keras `Flatten()`: an image of features becomes one vector. */
export interface FlattenSpec extends LayerBase {
  kind: 'flatten';
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
  | FlattenSpec;

export type LayerKind = LayerSpec['kind'];

export type LayerOf<K extends LayerKind> = Extract<LayerSpec, { kind: K }>;

/** A layer without its editor id, as stored and shared (distributes over the kinds, unlike Omit). */
export type LayerDraft = { [K in LayerKind]: Omit<LayerOf<K>, 'id'> }[LayerKind];

/** The network: the shape of one input example and the layers applied to it in order. */
export interface ModelSpec {
  inputShape: Shape;
  layers: LayerSpec[];
}
