import type { LayerSpec } from '../model/layers';

/**
 * The spec indices of the layers the feature-map view shows: Conv2D and
 * MaxPooling2D outputs as one map per channel, Dense outputs as bars.
 */
export function featureMapLayers(layers: readonly LayerSpec[]): number[] {
  return layers.flatMap((layer, index) => (layer.kind === 'conv2d' || layer.kind === 'maxPooling2d' || layer.kind === 'dense' ? [index] : []));
}

/** The number of values of one input example of this shape. */
export function exampleSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
