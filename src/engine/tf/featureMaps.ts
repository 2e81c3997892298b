import * as tf from '@tensorflow/tfjs';
import type { LayerSpec } from '../../model/layers';
import { exampleSize, featureMapLayers } from '../featureMapLayers';
import type { FeatureMaps, ProbeInput } from '../protocol';
import { readBack } from './epoch';

/**
 * Measures feature maps on a tfjs model: the outputs of its conv, pooling
 * and dense layers (see featureMapLayers) and its own output for one image.
 * The returned function builds, on first use, a tf.model whose outputs are
 * those layers' outputs: it shares the trained model's layers and weights and
 * owns no tensors, so it is never disposed (disposing it would dispose the
 * trained model's weights). Resolves to null for an input of the wrong size
 * (an image of another data set still in flight).
 */
export function tfFeatureMapProbe(model: tf.LayersModel, layers: readonly LayerSpec[]): (input: ProbeInput) => Promise<FeatureMaps | null> {
  const kept = featureMapLayers(layers);
  let probeModel: tf.LayersModel | null = null;
  let outputAt = -1;
  return async (input) => {
    const inputShape = model.inputs[0]!.shape.slice(1) as number[];
    if (input.values.length !== exampleSize(inputShape)) return null;
    if (!probeModel) {
      const modelLayers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
      const outputs = kept.map((index) => modelLayers[index]!.output as tf.SymbolicTensor);
      // The last Dense layer usually is the model's output: asked for once, not twice.
      const modelOutput = model.outputs[0]!;
      outputAt = outputs.indexOf(modelOutput);
      if (outputAt < 0) outputAt = outputs.push(modelOutput) - 1;
      probeModel = tf.model({ inputs: model.inputs, outputs });
    }
    const probe = probeModel;
    const values = await readBack(() => {
      const out = probe.predict(tf.tensor(input.values, [1, ...inputShape]));
      return Array.isArray(out) ? out : [out];
    });
    const shapes = probe.outputs.map((output) => output.shape.slice(1) as number[]);
    return {
      inputId: input.id,
      layers: kept.map((layerIndex, k) => ({ layerIndex, shape: shapes[k]!, values: values[k]! })),
      // A copy when it is also a layer's values: each buffer is transferred once.
      output: outputAt < kept.length ? values[outputAt]!.slice() : values[outputAt]!,
    };
  };
}
