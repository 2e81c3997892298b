import { tfjsRegularizers } from '../../model/regularizers';
import * as tf from '@tensorflow/tfjs';
import type { SerializedModel, WeightSpec } from '../../model/file/modelFile';

/**
 * The model as tfjs saves it (topology, weight specs, weight bytes), caught
 * in memory with a save handler: nothing is written anywhere, and the bytes
 * can be transferred to the page.
 */
export async function serializeModel(model: tf.LayersModel): Promise<SerializedModel> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts = saved as tf.io.ModelArtifacts | null;
  if (!artifacts?.modelTopology || !artifacts.weightSpecs || !artifacts.weightData) {
    throw new Error('tfjs saved the model without its topology or weights.');
  }
  return {
    format: 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: artifacts.modelTopology as Record<string, unknown>,
    weightSpecs: artifacts.weightSpecs as WeightSpec[],
    weightData: tf.io.CompositeArrayBuffer.join(artifacts.weightData),
  };
}

/** A tfjs model from saved artifacts; tfjs checks that the weights fit the topology. */
export function deserializeModel(saved: SerializedModel): Promise<tf.LayersModel> {
  return tf.loadLayersModel(
    tf.io.fromMemory({
      // A Keras 3 file may name L1 or L2, which tfjs does not know: the same penalty as L1L2.
      modelTopology: tfjsRegularizers(saved.modelTopology) as tf.io.ModelArtifacts['modelTopology'],
      weightSpecs: saved.weightSpecs,
      weightData: saved.weightData,
      format: saved.format,
      generatedBy: saved.generatedBy,
      convertedBy: saved.convertedBy,
    }),
  );
}
