import * as tf from '@tensorflow/tfjs';
import { isRecurrent, type LayerKind, type LayerOf, type LayerSpec, type RecurrentSpec, type Shape } from '../../model/layers';
import { dropoutSeed } from './epoch';
import { orthogonal } from './orthogonal';
import { isPenalized, penaltyOf } from '../../model/regularizers';

/** Extra arguments the first layer gets: the input shape, as Keras's `input_shape=[...]`. */
type FirstLayerArgs = { inputShape?: number[] };

/** Builds one tfjs layer; `seed` makes its initial weights repeatable. */
type LayerBuilder<L extends LayerSpec> = (layer: L, first: FirstLayerArgs, seed: number) => tf.layers.Layer;

/**
 * The gate function of LSTM and GRU: Keras 3's default. tfjs defaults them to
 * hardSigmoid, and its hard sigmoid (0.2·x + 0.5, Keras 2's) is not Keras 3's
 * (x/6 + 0.5), so no Keras 3 script could name the same cell; sigmoid is the
 * same function in both.
 */
const GATES = 'sigmoid';

/** Keras's kernel_regularizer as tfjs's L1L2 (tfjs adds it to model.losses; see objectives.ts). */
const penalty = (layer: LayerSpec): { kernelRegularizer?: ReturnType<typeof tf.regularizers.l1l2> } => {
  const strengths = penaltyOf(layer);
  return isPenalized(strengths) ? { kernelRegularizer: tf.regularizers.l1l2(strengths) } : {};
};

const builders: { [K in LayerKind]: LayerBuilder<LayerOf<K>> } = {
  // Keras's default initializers (Glorot uniform kernel, zero bias), seeded.
  dense: (layer, first, seed) =>
    tf.layers.dense({
      units: layer.units,
      activation: layer.activation,
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
      biasInitializer: 'zeros',
      ...penalty(layer),
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
      ...penalty(layer),
      ...first,
    }),
  // Keras's default: strides equal to the pool size, no padding.
  maxPooling2d: (layer, first) => tf.layers.maxPooling2d({ poolSize: layer.poolSize, strides: layer.poolSize, padding: 'valid', ...first }),
  flatten: (_layer, first) => tf.layers.flatten(first),
  // Keras's recurrent defaults, seeded: Glorot-uniform kernel, orthogonal
  // recurrent kernel (set after building, see seedRecurrentKernels), zero bias.
  simpleRnn: (layer, first, seed) => tf.layers.simpleRNN({ ...recurrentArgs(layer, seed), ...first }),
  // tfjs leaves unit_forget_bias off unless asked; Keras turns it on (forget-gate bias 1), which helps long memories.
  lstm: (layer, first, seed) => tf.layers.lstm({ ...recurrentArgs(layer, seed), recurrentActivation: GATES, unitForgetBias: true, ...first }),
  // tfjs 4.22 builds only the reset_after=False cell (see sequenceKinds.ts for the weight count).
  gru: (layer, first, seed) => tf.layers.gru({ ...recurrentArgs(layer, seed), recurrentActivation: GATES, ...first }),
  globalAveragePooling1D: (_layer, first) => tf.layers.globalAveragePooling1d(first),
};

/**
 * A seeded mask draw for a recurrent layer's dropout. tfjs draws a cell's
 * masks once per call while training (one mask for all the steps of the
 * batch, as Keras does) with an unseeded tf.dropout; counting the calls
 * gives each batch a fresh mask that the same seed repeats.
 */
function seededDropout(seed: number): (ones: tf.Tensor, rate: number) => tf.Tensor {
  let draws = 0;
  return (ones, rate) => tf.dropout(ones, rate, undefined, dropoutSeed(seed, draws++, 0x7e));
}

/** Arguments the three recurrent layers share, with Keras's default initializers. */
function recurrentArgs(layer: RecurrentSpec, seed: number) {
  const dropout = layer.dropout ?? 0;
  const recurrentDropout = layer.recurrentDropout ?? 0;
  return {
    units: layer.units,
    activation: layer.activation,
    returnSequences: layer.returnSequences,
    // Applied only while training (tfjs passes `training` down to the cell); prediction uses every input.
    ...(dropout > 0 || recurrentDropout > 0 ? { dropout, recurrentDropout, dropoutFunc: seededDropout(seed) } : {}),
    kernelInitializer: tf.initializers.glorotUniform({ seed }),
    // Zeros only as a placeholder: tfjs's orthogonal initializer takes seconds (see orthogonal.ts);
    // the real orthogonal draw replaces it right after the model is built.
    recurrentInitializer: 'zeros' as const,
    biasInitializer: 'zeros' as const,
  };
}

function buildLayer<L extends LayerSpec>(layer: L, first: FirstLayerArgs, seed: number): tf.layers.Layer {
  return (builders[layer.kind] as LayerBuilder<L>)(layer, first, seed);
}

/**
 * Turns a validated layer stack into a tfjs Sequential model with fresh
 * weights; the same seed gives the same initial weights.
 */
export function buildModel(inputShape: Shape, layers: readonly LayerSpec[], seed: number): tf.Sequential {
  const model = tf.sequential();
  // tidy: tfjs 4.22's LSTM with unitForgetBias builds its bias from temporary tensors it
  // never disposes (4 per layer, measured); the weights are variables, which tidy keeps.
  tf.tidy(() =>
    layers.forEach((layer, index) =>
      model.add(buildLayer(layer, index === 0 ? { inputShape: [...inputShape] } : {}, seed * 101 + index)),
    ),
  );
  seedRecurrentKernels(model, layers, seed);
  return model;
}

/**
 * Gives every recurrent layer Keras's orthogonal recurrent kernel, seeded
 * per layer (a different stream from its Glorot kernel). tfjs orders a
 * recurrent layer's weights kernel, recurrent kernel, bias.
 */
function seedRecurrentKernels(model: tf.Sequential, layers: readonly LayerSpec[], seed: number): void {
  layers.forEach((layer, index) => {
    if (!isRecurrent(layer)) return;
    const built = model.layers[index]!;
    const [kernel, recurrent, bias] = built.getWeights();
    if (!kernel || !recurrent || !bias) return;
    const [rows, cols] = recurrent.shape as [number, number];
    const values = tf.tensor2d(orthogonal(rows, cols, (seed * 101 + index) ^ 0x5eed), [rows, cols]);
    built.setWeights([kernel, values, bias]);
    values.dispose();
  });
}

/** A recurrent cell as tfjs keeps it: the masks of its last call stay alive until the next call. */
interface CellWithMasks {
  dropoutMask: tf.Tensor | tf.Tensor[] | null;
  recurrentDropoutMask: tf.Tensor | tf.Tensor[] | null;
}

/**
 * Frees the dropout masks tfjs's recurrent cells keep from their last call;
 * model.dispose() leaves them behind. Call it before disposing the model.
 */
export function disposeRecurrentMasks(model: tf.LayersModel): void {
  for (const layer of model.layers) {
    const cell = (layer as unknown as { cell?: Partial<CellWithMasks> }).cell;
    if (!cell) continue;
    if (cell.dropoutMask) tf.dispose(cell.dropoutMask);
    if (cell.recurrentDropoutMask) tf.dispose(cell.recurrentDropoutMask);
    cell.dropoutMask = null;
    cell.recurrentDropoutMask = null;
  }
}
