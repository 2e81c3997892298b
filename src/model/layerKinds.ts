import { activations } from './activations';
import type { LayerKind, LayerOf, LayerSpec, Shape } from './layers';
import { limits } from './limits';
import { penaltyProblems, penaltySuffix } from './regularizers';
import { globalAveragePooling1D, gru, lstm, simpleRnn } from './sequenceKinds';

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
  check: (layer) => [
    ...(Number.isInteger(layer.units) && layer.units >= 1 && layer.units <= limits.maxUnits
      ? []
      : [`Units must be a whole number from 1 to ${limits.maxUnits.toLocaleString('en-US')} (it is ${layer.units}).`]),
    ...penaltyProblems(layer.kernelRegularizer),
  ],
  describe: (layer) => `Dense ${layer.units}, ${activations[layer.activation].label}${penaltySuffix(layer.kernelRegularizer)}`,
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

const formatInput = (shape: Shape): string => `(None, ${shape.join(', ')})`;
const needsImage = (name: string, input: Shape): string | null =>
  input.length === 3
    ? null
    : `${name} needs an image input (height × width × channels), but gets ${formatInput(input)}. Put it before Flatten.`;
const wholeInRange = (value: number, min: number, max: number): boolean =>
  Number.isInteger(value) && value >= min && value <= max;

/** Output length of a window sliding over `size` pixels, as Keras computes it. */
function windowOutput(size: number, window: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

const conv2d: LayerKindDef<LayerOf<'conv2d'>> = {
  label: 'Conv2D',
  kerasClass: 'Conv2D',
  kerasName: 'conv2d',
  outputShape: (layer, input) => {
    const problem = needsImage('Conv2D', input);
    if (problem) return problem;
    const [h, w] = input as [number, number, number];
    const outH = windowOutput(h, layer.kernelSize, layer.strides, layer.padding);
    const outW = windowOutput(w, layer.kernelSize, layer.strides, layer.padding);
    if (outH < 1 || outW < 1) {
      return `A ${layer.kernelSize}×${layer.kernelSize} kernel does not fit in a ${h}×${w} input without padding; use padding "same" or a smaller kernel.`;
    }
    return [outH, outW, layer.filters];
  },
  params: (layer, input) => ({
    trainable: layer.kernelSize * layer.kernelSize * lastAxis(input) * layer.filters + layer.filters,
    nonTrainable: 0,
  }),
  check: (layer) => [
    ...(wholeInRange(layer.filters, 1, 512) ? [] : [`Filters must be a whole number from 1 to 512 (it is ${layer.filters}).`]),
    ...(wholeInRange(layer.kernelSize, 1, 15) ? [] : [`Kernel size must be a whole number from 1 to 15 (it is ${layer.kernelSize}).`]),
    ...(wholeInRange(layer.strides, 1, 8) ? [] : [`Strides must be a whole number from 1 to 8 (it is ${layer.strides}).`]),
    ...penaltyProblems(layer.kernelRegularizer),
  ],
  describe: (layer) =>
    `Conv2D ${layer.filters} × ${layer.kernelSize}×${layer.kernelSize}, ${activations[layer.activation].label}${penaltySuffix(layer.kernelRegularizer)}`,
};

const maxPooling2d: LayerKindDef<LayerOf<'maxPooling2d'>> = {
  label: 'MaxPooling2D',
  kerasClass: 'MaxPooling2D',
  kerasName: 'max_pooling2d',
  outputShape: (layer, input) => {
    const problem = needsImage('MaxPooling2D', input);
    if (problem) return problem;
    const [h, w, c] = input as [number, number, number];
    const outH = windowOutput(h, layer.poolSize, layer.poolSize, 'valid');
    const outW = windowOutput(w, layer.poolSize, layer.poolSize, 'valid');
    if (outH < 1 || outW < 1) return `A ${layer.poolSize}×${layer.poolSize} pool is larger than its ${h}×${w} input.`;
    return [outH, outW, c];
  },
  params: () => noParams,
  check: (layer) =>
    wholeInRange(layer.poolSize, 1, 8) ? [] : [`Pool size must be a whole number from 1 to 8 (it is ${layer.poolSize}).`],
  describe: (layer) => `MaxPooling2D ${layer.poolSize}×${layer.poolSize}`,
};

const flatten: LayerKindDef<LayerOf<'flatten'>> = {
  label: 'Flatten',
  kerasClass: 'Flatten',
  kerasName: 'flatten',
  // tfjs's Flatten refuses an input that is already flat (Keras would pass it
  // through), so the model would fail to build; say so here instead. A
  // sequence [steps, features] flattens like an image, step after step.
  outputShape: (_layer, input) =>
    input.length >= 2
      ? [input.reduce((a, b) => a * b, 1)]
      : `Flatten needs an image of features (height × width × channels) or a sequence (steps × features), but gets ${formatInput(input)}, which is already flat. Remove the Flatten layer.`,
  params: () => noParams,
  check: () => [],
  describe: () => 'Flatten',
};

export const layerKinds: { [K in LayerKind]: LayerKindDef<LayerOf<K>> } = {
  dense,
  dropout,
  batchNormalization,
  activation,
  conv2d,
  maxPooling2d,
  flatten,
  simpleRnn,
  lstm,
  gru,
  globalAveragePooling1D,
};

/** Layer kinds that only make sense on images. */
export const imageLayerKinds: readonly LayerKind[] = ['conv2d', 'maxPooling2d', 'flatten'];

/** Layer kinds that only make sense on sequences (time-series windows), Flatten included. */
export const sequenceLayerKinds: readonly LayerKind[] = ['simpleRnn', 'lstm', 'gru', 'globalAveragePooling1D', 'flatten'];

/** The registry entry for a layer, typed to that layer. */
export function kindOf<L extends LayerSpec>(layer: L): LayerKindDef<L> {
  return layerKinds[layer.kind] as unknown as LayerKindDef<L>;
}
