import type * as tf from '@tensorflow/tfjs';
import type { SerializedModel } from '../model/file/modelFile';
import type { LayerSpec } from '../model/layers';
import type { FeatureMaps, ProbeInput } from './protocol';
import { tfFeatureMapProbe } from './tf/featureMaps';
import { deserializeModel } from './tf/serialize';

/**
 * A finished run's trained model, kept by the session so the drawing pad
 * still predicts after the run has disposed its engine. It holds the
 * serialized model (a copy: the runEnded event hands the original bytes to
 * the page) and deserializes a tfjs model only when feature maps are first
 * asked for; dispose() frees that model's tensors, which the session does
 * before the next run starts or the backend changes.
 */
export class FinishedModel {
  private readonly saved: SerializedModel;
  private model: Promise<tf.LayersModel> | null = null;
  private probe: ((input: ProbeInput) => Promise<FeatureMaps | null>) | null = null;
  private disposed = false;

  /**
   * @param runId the run the model is of, which its probe events carry.
   * @param epoch the last epoch the run reported.
   */
  constructor(
    readonly runId: number,
    readonly epoch: number,
    private readonly layers: readonly LayerSpec[],
    model: SerializedModel,
  ) {
    this.saved = { ...model, weightData: model.weightData.slice(0) };
  }

  /** The feature maps of `input`; null once disposed or for an input of the wrong size. */
  async featureMaps(input: ProbeInput): Promise<FeatureMaps | null> {
    if (this.disposed) return null;
    this.model ??= deserializeModel(this.saved);
    const model = await this.model;
    if (this.disposed) return null;
    this.probe ??= tfFeatureMapProbe(model, this.layers);
    return this.probe(input);
  }

  /** Frees the deserialized model, now or as soon as its deserialization ends. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model?.then(
      (model) => model.dispose(),
      () => undefined,
    );
  }
}
