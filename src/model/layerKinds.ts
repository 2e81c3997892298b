import { activations } from './activations';
import type { LayerKind, LayerOf, LayerSpec, Shape } from './layers';
import { limits } from './limits';

/** Weights of a layer, counted as Keras's `model.summary()` counts them. */
export interface ParamCount {
  /** Updated by the optimizer. */
  trainable: number;
  /** Stored with the model but not trained (BatchNormalization's moving statistics). */
  nonTrainable: number;
}

/** What the playground needs to know about one kind of layer. */
export interface LayerKindDef<L extends LayerSpec> {
  /** Name shown in the editor. */
  label: string;
  /** Keras class name, as `model.summary()` and the exported topology use it. */
  kerasClass: string;
  /** Base of the automatic layer name (`dense`, `dense_1`, ...). */
  kerasName: string;
  /** Output shape for an input shape, or a sentence saying why the input does not fit. */
  outputShape(layer: L, input: Shape): Shape | string;
  params(layer: L, input: Shape): ParamCount;
  /** Problems with the layer's own settings, in plain words; empty when fine. */
  check(layer: L): string[];
  /** One-line description such as "Dense 64, relu". */
  describe(layer: L): string;
}

const noParams: ParamCount = { trainable: 0, nonTrainable: 0 };
const lastAxis = (shape: Shape): number => shape[shape.length - 1] ?? 0;
const sameShape = (_layer: unknown, input: Shape): Shape => input;

const dense: LayerKindDef<LayerOf<'dense'>> = {
  label: 'Dense',
  kerasClass: 'Dense',
  kerasName: 'dense',
  outputShape: (layer, input) =>
    input.length === 0 ? 'Dense needs an input with at least one axis.' : [...input.slice(0, -1), layer.units],
  params: (layer, input) => ({ trainable: lastAxis(input) * layer.units + layer.units, nonTrainable: 0 }),
  check: (layer) =>
    Number.isInteger(layer.units) && layer.units >= 1 && layer.units <= limits.maxUnits
      ? []
      : [`Units must be a whole number from 1 to ${limits.maxUnits.toLocaleString('en-US')} (it is ${layer.units}).`],
  describe: (layer) => `Dense ${layer.units}, ${activations[layer.activation].label}`,
};

const dropout: LayerKindDef<LayerOf<'dropout'>> = {
  label: 'Dropout',
  kerasClass: 'Dropout',
  kerasName: 'dropout',
  outputShape: sameShape,
  params: () => noParams,
  check: (layer) =>
    Number.isFinite(layer.rate) && layer.rate >= 0 && layer.rate < 1
      ? []
      : [`Dropout rate must be at least 0 and below 1 (it is ${layer.rate}): a rate of 1 would drop every input.`],
  describe: (layer) => `Dropout ${layer.rate}`,
};

const batchNormalization: LayerKindDef<LayerOf<'batchNormalization'>> = {
  label: 'Batch normalization',
  kerasClass: 'BatchNormalization',
  kerasName: 'batch_normalization',
  outputShape: sameShape,
  // gamma and beta are trained; the moving mean and variance are not.
  params: (_layer, input) => ({ trainable: 2 * lastAxis(input), nonTrainable: 2 * lastAxis(input) }),
  check: () => [],
  describe: () => 'Batch normalization',
};

const activation: LayerKindDef<LayerOf<'activation'>> = {
  label: 'Activation',
  kerasClass: 'Activation',
  kerasName: 'activation',
  outputShape: sameShape,
  params: () => noParams,
  check: () => [],
  describe: (layer) => `Activation ${activations[layer.activation].label}`,
};

export const layerKinds: { [K in LayerKind]: LayerKindDef<LayerOf<K>> } = {
  dense,
  dropout,
  batchNormalization,
  activation,
};

/** The registry entry for a layer, typed to that layer. */
export function kindOf<L extends LayerSpec>(layer: L): LayerKindDef<L> {
  return layerKinds[layer.kind] as unknown as LayerKindDef<L>;
}
