import type { LayerSpec, Shape } from '../../model/layers';
import { summarize } from '../../model/summary';
import { featureMapLayers } from '../featureMapLayers';
import type { FeatureMaps, ProbeInput } from '../protocol';
import type { FusedNet } from './net';

/**
 * The outputs of the conv, pooling and dense layers (see featureMapLayers)
 * and the model's output for one image, in inference mode, on the fused
 * network's inference buffers (the training pass's activations are left as
 * they are, so this may run between two batches). Null for an input of the
 * wrong size (an image of another data set still in flight).
 */
export function fusedFeatureMaps(net: FusedNet, inputShape: Shape, layers: readonly LayerSpec[], input: ProbeInput): FeatureMaps | null {
  if (input.values.length !== net.inputSize || layers.length === 0) return null;
  const kept = featureMapLayers(layers);
  const last = layers.length - 1;
  const indices = kept.includes(last) ? kept : [...kept, last];
  const outputs = net.layerOutputs(input.values, 1, indices);
  const { rows } = summarize(inputShape, layers);
  const output = outputs[indices.indexOf(last)]!;
  return {
    inputId: input.id,
    layers: kept.map((layerIndex, k) => ({ layerIndex, shape: [...rows[layerIndex]!.outputShape], values: outputs[k]! })),
    // A copy when it is also a layer's values: each buffer is transferred once.
    output: kept.includes(last) ? output.slice() : output,
  };
}
