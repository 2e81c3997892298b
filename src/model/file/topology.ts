import { isActivationName } from '../activations';
import { kindOf } from '../layerKinds';
import { isRecurrent, type LayerSpec, type Padding, type Shape } from '../layers';
import { readTopologyRegularizer } from '../regularizers';

/** A layer of a Keras/tfjs Sequential topology, as JSON. */
interface KerasLayer {
  class_name: string;
  config: Record<string, unknown>;
}

export type TopologyResult = { ok: true; inputShape: number[]; layers: LayerSpec[] } | { ok: false; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A square size given as `3` or `[3, 3]`. */
function square(value: unknown, what: string): number | string {
  if (typeof value === 'number') return value;
  if (Array.isArray(value) && value.length === 2 && value[0] === value[1] && typeof value[0] === 'number') return value[0];
  return `${what} must be square (got ${JSON.stringify(value)}).`;
}

const activationOf = (config: Record<string, unknown>, index: number): string | LayerSpec['id'] => {
  const name = config.activation ?? 'linear';
  return typeof name === 'string' && isActivationName(name) ? name : `Layer ${index + 1} uses the activation ${JSON.stringify(name)}, which the playground does not have.`;
};

/** One Keras layer as a playground layer, or why it cannot be one. */
function toLayer(layer: KerasLayer, index: number): LayerSpec | string {
  const { config } = layer;
  const id = `imported-${index + 1}`;
  const at = `Layer ${index + 1} (${layer.class_name})`;
  const number = (key: string): number | string =>
    typeof config[key] === 'number' ? (config[key] as number) : `${at} has no numeric "${key}".`;
  switch (layer.class_name) {
    case 'Dense': {
      const units = number('units');
      const activation = activationOf(config, index);
      if (typeof units === 'string') return units;
      if (!isActivationName(activation)) return activation;
      if (config.use_bias === false) return `${at} has no bias, which the playground cannot build.`;
      const penalty = readTopologyRegularizer(config.kernel_regularizer);
      if (typeof penalty === 'string') return `${at} has ${penalty}`;
      return { id, kind: 'dense', units, activation, ...(penalty ? { kernelRegularizer: penalty } : {}) };
    }
    case 'Dropout': {
      const rate = number('rate');
      return typeof rate === 'string' ? rate : { id, kind: 'dropout', rate };
    }
    case 'BatchNormalization':
      return { id, kind: 'batchNormalization' };
    case 'Activation': {
      const activation = activationOf(config, index);
      return isActivationName(activation) ? { id, kind: 'activation', activation } : activation;
    }
    case 'Flatten':
      return { id, kind: 'flatten' };
    case 'Conv2D': {
      const filters = number('filters');
      const kernelSize = square(config.kernel_size, `${at}: the kernel`);
      const strides = square(config.strides ?? 1, `${at}: the strides`);
      const activation = activationOf(config, index);
      const padding = config.padding ?? 'valid';
      for (const value of [filters, kernelSize, strides]) if (typeof value === 'string') return value;
      if (!isActivationName(activation)) return activation;
      if (padding !== 'valid' && padding !== 'same') return `${at} has padding ${JSON.stringify(padding)}; only "valid" and "same" are supported.`;
      const penalty = readTopologyRegularizer(config.kernel_regularizer);
      if (typeof penalty === 'string') return `${at} has ${penalty}`;
      const conv = { id, kind: 'conv2d', filters: filters as number, kernelSize: kernelSize as number, strides: strides as number, padding: padding as Padding, activation } as const;
      return penalty ? { ...conv, kernelRegularizer: penalty } : conv;
    }
    case 'MaxPooling2D': {
      const poolSize = square(config.pool_size ?? 2, `${at}: the pool`);
      const strides = square(config.strides ?? poolSize, `${at}: the strides`);
      if (typeof poolSize === 'string') return poolSize;
      if (strides !== poolSize) return `${at} has strides different from its pool size, which the playground cannot build.`;
      return { id, kind: 'maxPooling2d', poolSize };
    }
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return recurrentLayer(layer.class_name, config, id, at, index);
    case 'GlobalAveragePooling1D':
      return { id, kind: 'globalAveragePooling1D' };
    default:
      return `${at}: the playground cannot build a ${layer.class_name} layer (it knows Dense, Dropout, BatchNormalization, Activation, Conv2D, MaxPooling2D, Flatten, SimpleRNN, LSTM, GRU and GlobalAveragePooling1D).`;
  }
}

const recurrentKind = { SimpleRNN: 'simpleRnn', LSTM: 'lstm', GRU: 'gru' } as const;

/**
 * A recurrent layer, if it is the cell the playground builds: sigmoid gates,
 * GRU with reset_after=False, dropout rates below 1, not stateful or
 * backwards. Anything else is refused with what differs, rather than loaded
 * as a different cell with the same weights.
 */
function recurrentLayer(className: keyof typeof recurrentKind, config: Record<string, unknown>, id: string, at: string, index: number): LayerSpec | string {
  const units = config.units;
  if (typeof units !== 'number') return `${at} has no numeric "units".`;
  const activation = activationOf({ activation: config.activation ?? 'tanh' }, index);
  if (!isActivationName(activation)) return activation;
  const differs: string[] = [];
  // A file that leaves the gate function out would be built by tfjs with its default, hard sigmoid: not the playground's cell.
  if (className !== 'SimpleRNN' && config.recurrent_activation !== 'sigmoid') {
    differs.push(
      config.recurrent_activation === undefined
        ? 'no recurrent_activation (tfjs would build hard sigmoid gates; the playground’s gates use sigmoid)'
        : `recurrent_activation ${JSON.stringify(config.recurrent_activation)} (the playground's gates use sigmoid)`,
    );
  }
  // Keras 3 writes reset_after=true by default; tfjs only has the other cell.
  if (className === 'GRU' && config.reset_after === true) differs.push('reset_after=True (tfjs builds only reset_after=False, which has one bias instead of two)');
  const rates: { dropout?: number; recurrentDropout?: number } = {};
  for (const [key, field] of [['dropout', 'dropout'], ['recurrent_dropout', 'recurrentDropout']] as const) {
    const rate = config[key] ?? 0;
    if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) differs.push(`${key}=${JSON.stringify(rate)} (a rate must be at least 0 and below 1)`);
    else if (rate > 0) rates[field] = rate;
  }
  for (const key of ['stateful', 'go_backwards', 'unroll'] as const) if (config[key] === true) differs.push(`${key}=True`);
  if (config.use_bias === false) differs.push('no bias');
  if (differs.length > 0) return `${at} cannot be rebuilt as the playground's ${className}: ${differs.join('; ')}.`;
  return { id, kind: recurrentKind[className], units, activation, returnSequences: config.return_sequences === true, ...rates };
}

/** The input shape a first layer or InputLayer declares, without the batch axis. */
function declaredInput(config: Record<string, unknown>): number[] | null {
  const shape = config.batch_input_shape ?? config.batch_shape;
  if (!Array.isArray(shape) || shape.length < 2) return null;
  const rest = shape.slice(1);
  return rest.every((d) => typeof d === 'number' && Number.isInteger(d) && d > 0) ? (rest as number[]) : null;
}

/**
 * Reads a Keras/tfjs Sequential topology (`modelTopology` of a layers model)
 * into the playground's layer stack and input shape, or says what stops it.
 */
export function topologyToLayers(topology: unknown): TopologyResult {
  const root = isRecord(topology) && isRecord(topology.model_config) ? topology.model_config : topology;
  if (!isRecord(root) || typeof root.class_name !== 'string') return { ok: false, message: 'The model has no Keras topology.' };
  if (root.class_name !== 'Sequential') {
    return { ok: false, message: `The model is a Keras ${root.class_name}; the playground reads Sequential models only.` };
  }
  const config = root.config;
  const rawLayers = isRecord(config) ? config.layers : Array.isArray(config) ? config : null;
  if (!Array.isArray(rawLayers)) return { ok: false, message: 'The Sequential model lists no layers.' };
  let inputShape: number[] | null = null;
  const layers: LayerSpec[] = [];
  for (const raw of rawLayers) {
    if (!isRecord(raw) || typeof raw.class_name !== 'string' || !isRecord(raw.config)) {
      return { ok: false, message: `Layer ${layers.length + 1} is not a Keras layer description.` };
    }
    inputShape ??= declaredInput(raw.config);
    if (raw.class_name === 'InputLayer') continue;
    const layer = toLayer({ class_name: raw.class_name, config: raw.config }, layers.length);
    if (typeof layer === 'string') return { ok: false, message: layer };
    layers.push(layer);
  }
  if (!inputShape) return { ok: false, message: 'The model does not say the shape of its input.' };
  if (layers.length === 0) return { ok: false, message: 'The model has no layers.' };
  return { ok: true, inputShape, layers };
}

/** A weight as tfjs saves it: trainable weights layer by layer, then the non-trainable ones. */
export interface WeightShape {
  layerIndex: number;
  shape: number[];
}

/** The shapes of the weights tfjs saves for a layer stack, in tfjs's order. */
export function expectedWeightShapes(inputShape: Shape, layers: readonly LayerSpec[]): WeightShape[] {
  const trainable: WeightShape[] = [];
  const fixed: WeightShape[] = [];
  let shape: Shape = inputShape;
  layers.forEach((layer, layerIndex) => {
    const inputs = shape[shape.length - 1] ?? 0;
    if (layer.kind === 'dense') trainable.push({ layerIndex, shape: [inputs, layer.units] }, { layerIndex, shape: [layer.units] });
    if (layer.kind === 'conv2d') {
      trainable.push({ layerIndex, shape: [layer.kernelSize, layer.kernelSize, inputs, layer.filters] }, { layerIndex, shape: [layer.filters] });
    }
    if (isRecurrent(layer)) {
      // tfjs's order: kernel, recurrent kernel, bias; the gates side by side (SimpleRNN 1, GRU 3, LSTM 4).
      const width = ({ simpleRnn: 1, gru: 3, lstm: 4 } as const)[layer.kind] * layer.units;
      trainable.push({ layerIndex, shape: [inputs, width] }, { layerIndex, shape: [layer.units, width] }, { layerIndex, shape: [width] });
    }
    if (layer.kind === 'batchNormalization') {
      trainable.push({ layerIndex, shape: [inputs] }, { layerIndex, shape: [inputs] });
      fixed.push({ layerIndex, shape: [inputs] }, { layerIndex, shape: [inputs] });
    }
    const out = kindOf(layer).outputShape(layer, shape);
    shape = typeof out === 'string' ? [] : out;
  });
  return [...trainable, ...fixed];
}
