import { isActivationName } from './activations';
import type { MonitorMode } from './earlyStopping';
import { readKerasRegularizer } from './kerasRegularizer';
import { readCompile, readEarlyStopping, readFit } from './kerasTraining';
import { kindOf } from './layerKinds';
import type { LayerDraft, LayerSpec } from './layers';
import type { LossName } from './losses';
import type { OptimizerName } from './optimizers';
import { lastName, num, Reader, str, tokenize, type Call, type Value } from './pythonReader';

/** EarlyStopping as the code gives it; the monitor as Keras names it, matched to the task later (see kerasSettings). */
export interface KerasEarlyStopping {
  enabled: true;
  monitor: string;
  mode?: MonitorMode;
  patience?: number;
  minDelta?: number;
  restoreBestWeights?: boolean;
  baseline?: number | null;
}

/**
 * Reads the Keras code of the course — `keras.Sequential([...])` or
 * `Sequential()` with `model.add(...)`, `model.compile(...)`,
 * `EarlyStopping(...)` and `model.fit(...)` — into a layer stack and
 * training settings. It reads code as data and never runs it. What it
 * cannot read is reported with its line number. What a call it reads
 * leaves out is what Keras 3 would run (`fit` without `epochs` trains one
 * epoch), listed in `defaults`.
 */
export interface KerasReading {
  layers: LayerDraft[];
  /** `input_shape` of the first layer, when given. */
  inputShape: number[] | null;
  config: {
    optimizer?: OptimizerName;
    learningRate?: number;
    loss?: LossName;
    batchSize?: number;
    epochs?: number;
    validationSplit?: number;
    earlyStopping?: KerasEarlyStopping;
  };
  /** Settings the code left out and Keras's default filled in, as the dialog lists them: "batch size 32 (fit's default)". */
  defaults: string[];
  /** Information about what was read that is not a failure ("fit trains one epoch when epochs is not given…"). */
  notes: string[];
  /** What `fit` validates on: its validation_split, its validation_data, nothing; null without a `fit` call. */
  validation: 'split' | 'data' | 'none' | null;
  problems: { line: number; message: string }[];
}

/** 3, (3, 3) or [3, 3] as one side of a square. */
const side = (value: Value | undefined): number | null =>
  typeof value === 'number' ? value : Array.isArray(value) && value.length === 2 && value[0] === value[1] ? num(value[0]) : null;
const shape = (value: Value | undefined): number[] | null =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number') ? (value as number[]) : null;

const layerClasses = new Set([
  'Dense',
  'Dropout',
  'BatchNormalization',
  'Activation',
  'Conv2D',
  'MaxPool2D',
  'MaxPooling2D',
  'Flatten',
  'InputLayer',
  'SimpleRNN',
  'LSTM',
  'GRU',
  'GlobalAveragePooling1D',
  'GlobalAvgPool1D',
]);
const ignoredCalls = new Set(['Sequential', 'add', 'compile', 'fit', 'EarlyStopping', 'summary', 'print', 'evaluate', 'predict']);

function readLayer(call: Call, reading: KerasReading): LayerDraft | null {
  const problem = (message: string) => {
    reading.problems.push({ line: call.line, message });
    return null;
  };
  const kind = lastName(call.callee);
  const input = shape(call.kwargs.input_shape);
  if (input && reading.inputShape === null) reading.inputShape = input;
  const activation = (value: Value | undefined): string | null => {
    const name = value === undefined ? 'linear' : str(value);
    if (name !== null && isActivationName(name)) return name;
    problem(`${kind}: the activation ${JSON.stringify(value)} is not one the playground has.`);
    return null;
  };
  // Dense and Conv2D: a kernel penalty the playground cannot read is said, and the layer is read without it.
  const penalty = (): { kernelRegularizer?: { l1: number; l2: number } } => {
    const read = readKerasRegularizer(call.kwargs.kernel_regularizer);
    if (typeof read === 'string') problem(`${kind}: ${read} The layer is read without a penalty.`);
    return read && typeof read !== 'string' ? { kernelRegularizer: read } : {};
  };
  switch (kind) {
    case 'InputLayer':
      if (!input && shape(call.kwargs.shape) && reading.inputShape === null) reading.inputShape = shape(call.kwargs.shape);
      return null;
    case 'Dense': {
      const units = num(call.kwargs.units ?? call.args[0]);
      if (units === null) return problem('Dense needs a number of units.');
      const act = activation(call.kwargs.activation ?? call.args[1]);
      return act === null ? null : ({ kind: 'dense', units, activation: act, ...penalty() } as LayerDraft);
    }
    case 'Dropout': {
      const rate = num(call.kwargs.rate ?? call.args[0]);
      return rate === null ? problem('Dropout needs a rate.') : { kind: 'dropout', rate };
    }
    case 'BatchNormalization':
      return { kind: 'batchNormalization' };
    case 'Activation': {
      const act = activation(call.kwargs.activation ?? call.args[0]);
      return act === null ? null : ({ kind: 'activation', activation: act } as LayerDraft);
    }
    case 'Flatten':
      return { kind: 'flatten' };
    case 'Conv2D': {
      const filters = num(call.kwargs.filters ?? call.args[0]);
      const kernelSize = side(call.kwargs.kernel_size ?? call.args[1]);
      const strides = call.kwargs.strides === undefined ? 1 : side(call.kwargs.strides);
      const padding = str(call.kwargs.padding ?? 'valid');
      if (filters === null || kernelSize === null) return problem('Conv2D needs filters and a square kernel_size.');
      if (strides === null) return problem('Conv2D: only equal strides both ways are supported.');
      if (padding !== 'valid' && padding !== 'same') return problem(`Conv2D: padding must be "valid" or "same".`);
      const act = activation(call.kwargs.activation);
      return act === null ? null : ({ kind: 'conv2d', filters, kernelSize, strides, padding, activation: act, ...penalty() } as LayerDraft);
    }
    case 'MaxPool2D':
    case 'MaxPooling2D': {
      const poolSize = call.kwargs.pool_size === undefined && call.args[0] === undefined ? 2 : side(call.kwargs.pool_size ?? call.args[0]);
      return poolSize === null ? problem(`${kind} needs a square pool_size.`) : { kind: 'maxPooling2d', poolSize };
    }
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return readRecurrent(call, kind, reading, problem, activation);
    case 'GlobalAveragePooling1D':
    case 'GlobalAvgPool1D':
      return { kind: 'globalAveragePooling1D' };
    default:
      return null;
  }
}

/**
 * SimpleRNN, LSTM or GRU as the playground builds them (sigmoid gates; GRU
 * with reset_after=False, the only GRU tfjs has), with their dropout rates. What Keras would build
 * differently is said, never passed over: Keras 3's default GRU has a second
 * bias, so `GRU(32)` here has 3 × 32 fewer weights than in Keras 3.
 */
function readRecurrent(
  call: Call,
  kind: 'SimpleRNN' | 'LSTM' | 'GRU',
  reading: KerasReading,
  problem: (message: string) => null,
  activation: (value: Value | undefined) => string | null,
): LayerDraft | null {
  const units = num(call.kwargs.units ?? call.args[0]);
  if (units === null) return problem(`${kind} needs a number of units.`);
  const act = activation(call.kwargs.activation ?? 'tanh');
  if (act === null) return null;
  const returnSequences = call.kwargs.return_sequences ?? false;
  if (typeof returnSequences !== 'boolean') return problem(`${kind}: return_sequences must be True or False.`);
  const gate = call.kwargs.recurrent_activation === undefined ? 'sigmoid' : str(call.kwargs.recurrent_activation);
  if (kind !== 'SimpleRNN' && gate !== 'sigmoid') {
    return problem(`${kind}: recurrent_activation=${JSON.stringify(gate)} cannot be built; the playground's gates use sigmoid (Keras's default). This ${kind} layer is left out.`);
  }
  // Keras's two dropouts inside the cell: of the inputs, and of the state carried between steps.
  const rates: { dropout?: number; recurrentDropout?: number } = {};
  for (const [key, field] of [['dropout', 'dropout'], ['recurrent_dropout', 'recurrentDropout']] as const) {
    if (call.kwargs[key] === undefined) continue;
    const rate = num(call.kwargs[key]);
    if (rate === null || !(rate >= 0 && rate < 1)) {
      problem(`${kind}: ${key}=${JSON.stringify(call.kwargs[key])} is not a fraction from 0 up to (not including) 1; the layer is read without it.`);
    } else if (rate > 0) {
      rates[field] = rate;
    }
  }
  if (kind === 'GRU') {
    const resetAfter = call.kwargs.reset_after ?? true;
    if (resetAfter !== false) {
      reading.notes.push(
        `GRU(${units}) is built with reset_after=False, the only GRU tfjs has: Keras 3's default (reset_after=True) has a second bias, ${3 * units} more weights, and applies the reset gate after the recurrent kernel. The exported Keras script says reset_after=False.`,
      );
    }
  }
  const draftKind = ({ SimpleRNN: 'simpleRnn', LSTM: 'lstm', GRU: 'gru' } as const)[kind];
  return { kind: draftKind, units, activation: act, returnSequences, ...rates } as LayerDraft;
}

export function readKerasCode(code: string): KerasReading {
  const reading: KerasReading = { layers: [], inputShape: null, config: {}, defaults: [], notes: [], validation: null, problems: [] };
  if (code.length > 100_000) {
    reading.problems.push({ line: 1, message: 'The code is longer than the playground reads (100,000 characters).' });
    return reading;
  }
  const reader = new Reader(tokenize(code));
  reader.run();
  for (const call of reader.calls) {
    const name = lastName(call.callee);
    if (layerClasses.has(name)) {
      const layer = readLayer(call, reading);
      // A layer beyond the playground's bounds (Dense(100000), Dropout(1.5)) is left out, with the reason,
      // rather than put in a stack that cannot train and would not survive a reload.
      const wrong = layer ? kindOf(layer as LayerSpec).check(layer as LayerSpec) : [];
      if (wrong.length > 0) reading.problems.push({ line: call.line, message: `${wrong.join(' ')} This ${name} layer is left out.` });
      else if (layer) reading.layers.push(layer);
    } else if (name === 'compile') readCompile(call, reading);
    else if (name === 'fit') readFit(call, reading);
    else if (name === 'EarlyStopping') readEarlyStopping(call, reading);
    else if (/(^|\.)layers\./.test(call.callee) && !ignoredCalls.has(name)) {
      reading.problems.push({ line: call.line, message: `The playground cannot build a ${name} layer.` });
    }
  }
  if (reading.layers.length === 0 && reading.problems.length === 0) {
    reading.problems.push({ line: 1, message: 'No Keras layers were found: paste a keras.Sequential([...]) model.' });
  }
  return reading;
}
