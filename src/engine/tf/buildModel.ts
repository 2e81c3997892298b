import * as tf from '@tensorflow/tfjs';
import type { LayerKind, LayerOf, LayerSpec, Shape } from '../../model/layers';

/** Extra arguments the first layer gets: the input shape, as Keras's `input_shape=[...]`. */
type FirstLayerArgs = { inputShape?: number[] };

/** Builds one tfjs layer; `seed` makes its initial weights repeatable. */
type LayerBuilder<L extends LayerSpec> = (layer: L, first: FirstLayerArgs, seed: number) => tf.layers.Layer;

const builders: { [K in LayerKind]: LayerBuilder<LayerOf<K>> } = {
  // Keras's default initializers (Glorot uniform kernel, zero bias), seeded.
  dense: (layer, first, seed) =>
    tf.layers.dense({
      units: layer.units,
      activation: layer.activation,
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
      biasInitializer: 'zeros',
      ...first,
    }),
  // Seeded per batch while training (see epoch.ts): a seed fixed here would draw the same mask at every step.
  dropout: (layer, first) => tf.layers.dropout({ rate: layer.rate, ...first }),
  // Keras's defaults (momentum 0.99, epsilon 0.001) so results carry over to Keras.
  batchNormalization: (_layer, first) => tf.layers.batchNormalization({ momentum: 0.99, epsilon: 0.001, ...first }),
  activation: (layer, first) => tf.layers.activation({ activation: layer.activation, ...first }),
  conv2d: (layer, first, seed) =>
    tf.layers.conv2d({
      filters: layer.filters,
      kernelSize: layer.kernelSize,
      strides: layer.strides,
      padding: layer.padding,
      activation: layer.activation,
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
      biasInitializer: 'zeros',
      ...first,
    }),
  // Keras's default: strides equal to the pool size, no padding.
  maxPooling2d: (layer, first) => tf.layers.maxPooling2d({ poolSize: layer.poolSize, strides: layer.poolSize, padding: 'valid', ...first }),
  flatten: (_layer, first) => tf.layers.flatten(first),
};

function buildLayer<L extends LayerSpec>(layer: L, first: FirstLayerArgs, seed: number): tf.layers.Layer {
  return (builders[layer.kind] as LayerBuilder<L>)(layer, first, seed);
}

/**
 * Turns a validated layer stack into a tfjs Sequential model with fresh
 * weights; the same seed gives the same initial weights.
 */
export function buildModel(inputShape: Shape, layers: readonly LayerSpec[], seed: number): tf.Sequential {
  const model = tf.sequential();
  layers.forEach((layer, index) =>
    model.add(buildLayer(layer, index === 0 ? { inputShape: [...inputShape] } : {}, seed * 101 + index)),
  );
  return model;
}
