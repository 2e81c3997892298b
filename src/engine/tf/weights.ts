import * as tf from '@tensorflow/tfjs';
import type { WeightSlot } from '../protocol';

/**
 * The model's weights in layer order, each named after the layer of the
 * spec it belongs to (the spec's index, since tfjs may add an input layer).
 */
function weightsByLayer(model: tf.LayersModel): { slot: WeightSlot; variable: tf.LayerVariable }[] {
  const layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
  return layers.flatMap((layer, layerIndex) =>
    layer.weights.map((variable) => ({
      slot: { layerIndex, name: variable.originalName.split('/').pop() ?? variable.originalName, shape: variable.shape.map((dim) => dim ?? 0) },
      variable,
    })),
  );
}

/** Where each weight sits in the flat readout that `weightReadout` builds. */
export function weightLayout(model: tf.LayersModel): WeightSlot[] {
  return weightsByLayer(model).map(({ slot }) => slot);
}

/** Every weight flattened into one vector, in `weightLayout` order, to be read with the epoch's losses. */
export function weightReadout(model: tf.LayersModel): tf.Tensor1D {
  return tf.tidy(() => tf.concat(weightsByLayer(model).map(({ variable }) => variable.read().flatten())) as tf.Tensor1D);
}

/** A copy of the weights that later training does not touch (for restore-best-weights). */
export function snapshotWeights(model: tf.LayersModel): tf.Tensor[] {
  return model.getWeights().map((weight) => tf.clone(weight));
}

/** The kernel of each layer that has one (Dense, Conv2D), with the spec index of its layer. */
export function kernelVariables(model: tf.LayersModel): { layerIndex: number; variable: tf.LayerVariable }[] {
  return weightsByLayer(model)
    .filter(({ slot }) => slot.name === 'kernel')
    .map(({ slot, variable }) => ({ layerIndex: slot.layerIndex, variable }));
}
