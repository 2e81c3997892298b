import { isActivationName } from './activations';
import type { EarlyStoppingConfig } from './earlyStopping';
import { kindOf } from './layerKinds';
import type { LayerDraft, LayerSpec } from './layers';
import type { LossName } from './losses';
import type { OptimizerName } from './optimizers';

/**
 * Reads the Keras code of the course — `keras.Sequential([...])` or
 * `Sequential()` with `model.add(...)`, `model.compile(...)`,
 * `EarlyStopping(...)` and `model.fit(...)` — into a layer stack and
 * training settings. It reads code as data and never runs it. What it
 * cannot read is reported with its line number.
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
    earlyStopping?: Partial<EarlyStoppingConfig> & { enabled: true };
  };
  problems: { line: number; message: string }[];
}

type Value = number | string | boolean | null | Value[] | Call | { name: string };
interface Call {
  callee: string;
  args: Value[];
  kwargs: Record<string, Value>;
  line: number;
}
interface Token {
  kind: 'num' | 'str' | 'name' | 'punct';
  text: string;
  line: number;
}

function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /(#[^\n]*)|(\n)|([ \t\r\\]+)|("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(-?\d+\.?\d*(?:[eE][+-]?\d+)?|-?\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][\w.]*)|(\*\*|[()[\]{},=:*+\-/<>!%&|^~@.])|(.)/g;
  let line = 1;
  for (const m of code.matchAll(pattern)) {
    const [text, comment, newline, space, str, num, name, punct] = m;
    if (newline) line++;
    else if (comment || space) continue;
    else if (str) {
      tokens.push({ kind: 'str', text: str.replace(/^("""|'''|"|')|("""|'''|"|')$/g, ''), line });
      line += (str.match(/\n/g) ?? []).length;
    } else if (num) tokens.push({ kind: 'num', text: num, line });
    else if (name) tokens.push({ kind: 'name', text: name, line });
    else if (punct) tokens.push({ kind: 'punct', text: punct, line });
    else tokens.push({ kind: 'punct', text, line });
  }
  return tokens;
}

/** A recursive-descent reader of Python values and calls, enough for Keras model code. */
class Reader {
  private i = 0;
  readonly calls: Call[] = [];
  constructor(private readonly tokens: Token[]) {}

  run(): void {
    while (this.i < this.tokens.length) {
      const start = this.i;
      this.value();
      if (this.i === start) this.i++;
    }
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private sequence(close: string): Value[] {
    const items: Value[] = [];
    while (this.peek() && this.peek()!.text !== close) {
      const start = this.i;
      items.push(this.value());
      if (this.peek()?.text === ',') this.i++;
      else if (this.i === start) this.i++;
    }
    this.i++;
    return items;
  }

  /** Reads one value; calls are also collected in source order. */
  value(): Value {
    const token = this.peek();
    if (!token) return null;
    if (token.kind === 'num') {
      this.i++;
      return Number(token.text);
    }
    if (token.kind === 'str') {
      this.i++;
      return token.text;
    }
    if (token.text === '[' || token.text === '(') {
      this.i++;
      return this.sequence(token.text === '[' ? ']' : ')');
    }
    if (token.kind === 'name') {
      this.i++;
      if (token.text === 'True' || token.text === 'False') return token.text === 'True';
      if (token.text === 'None') return null;
      if (this.peek()?.text !== '(') return { name: token.text };
      this.i++;
      const call: Call = { callee: token.text, args: [], kwargs: {}, line: token.line };
      this.calls.push(call);
      while (this.peek() && this.peek()!.text !== ')') {
        const start = this.i;
        if (this.peek()?.kind === 'name' && this.peek(1)?.text === '=') {
          const key = this.peek()!.text;
          this.i += 2;
          call.kwargs[key] = this.value();
        } else {
          call.args.push(this.value());
        }
        if (this.peek()?.text === ',') this.i++;
        else if (this.i === start) this.i++;
      }
      this.i++;
      return call;
    }
    this.i++;
    return null;
  }
}

const lastName = (callee: string): string => callee.split('.').pop() ?? callee;
const isCall = (value: Value | undefined): value is Call => typeof value === 'object' && value !== null && 'callee' in value;
const str = (value: Value | undefined): string | null => (typeof value === 'string' ? value : null);
const num = (value: Value | undefined): number | null => (typeof value === 'number' ? value : null);
/** 3, (3, 3) or [3, 3] as one side of a square. */
const side = (value: Value | undefined): number | null =>
  typeof value === 'number' ? value : Array.isArray(value) && value.length === 2 && value[0] === value[1] ? num(value[0]) : null;
const shape = (value: Value | undefined): number[] | null =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number') ? (value as number[]) : null;

const layerClasses = new Set(['Dense', 'Dropout', 'BatchNormalization', 'Activation', 'Conv2D', 'MaxPool2D', 'MaxPooling2D', 'Flatten', 'InputLayer']);
const ignoredCalls = new Set(['Sequential', 'add', 'compile', 'fit', 'EarlyStopping', 'summary', 'print', 'evaluate', 'predict']);

const optimizerNames: Record<string, OptimizerName> = {
  sgd: 'sgd',
  adam: 'adam',
  rmsprop: 'rmsprop',
  adagrad: 'adagrad',
  adadelta: 'adadelta',
  adamax: 'adamax',
};
const lossNames: Record<string, LossName> = {
  mae: 'mae',
  mean_absolute_error: 'mae',
  mse: 'mse',
  mean_squared_error: 'mse',
  huber: 'huber',
  huber_loss: 'huber',
  binary_crossentropy: 'binaryCrossentropy',
  categorical_crossentropy: 'categoricalCrossentropy',
};

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
  switch (kind) {
    case 'InputLayer':
      if (!input && shape(call.kwargs.shape) && reading.inputShape === null) reading.inputShape = shape(call.kwargs.shape);
      return null;
    case 'Dense': {
      const units = num(call.kwargs.units ?? call.args[0]);
      if (units === null) return problem('Dense needs a number of units.');
      const act = activation(call.kwargs.activation ?? call.args[1]);
      return act === null ? null : ({ kind: 'dense', units, activation: act } as LayerDraft);
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
      return act === null ? null : ({ kind: 'conv2d', filters, kernelSize, strides, padding, activation: act } as LayerDraft);
    }
    case 'MaxPool2D':
    case 'MaxPooling2D': {
      const poolSize = call.kwargs.pool_size === undefined && call.args[0] === undefined ? 2 : side(call.kwargs.pool_size ?? call.args[0]);
      return poolSize === null ? problem(`${kind} needs a square pool_size.`) : { kind: 'maxPooling2d', poolSize };
    }
    default:
      return null;
  }
}

function readCompile(call: Call, reading: KerasReading): void {
  const optimizer = call.kwargs.optimizer ?? call.args[0];
  if (typeof optimizer === 'string') {
    const name = optimizerNames[optimizer.toLowerCase()];
    if (name) reading.config.optimizer = name;
    else reading.problems.push({ line: call.line, message: `The optimizer "${optimizer}" is not one the playground has.` });
  } else if (isCall(optimizer)) {
    const name = optimizerNames[lastName(optimizer.callee).toLowerCase()];
    if (!name) reading.problems.push({ line: optimizer.line, message: `The optimizer ${lastName(optimizer.callee)} is not one the playground has.` });
    else {
      const momentum = num(optimizer.kwargs.momentum);
      reading.config.optimizer = name === 'sgd' && momentum !== null && momentum > 0 ? 'momentum' : name;
      const rate = num(optimizer.kwargs.learning_rate ?? optimizer.kwargs.lr ?? optimizer.args[0]);
      if (rate !== null) reading.config.learningRate = rate;
    }
  }
  const loss = call.kwargs.loss ?? call.args[1];
  if (typeof loss === 'string') {
    const name = lossNames[loss.toLowerCase()];
    if (name) reading.config.loss = name;
    else reading.problems.push({ line: call.line, message: `The loss "${loss}" is not one the playground has.` });
  }
}

function readFit(call: Call, reading: KerasReading): void {
  const batch = num(call.kwargs.batch_size);
  const epochs = num(call.kwargs.epochs);
  const split = num(call.kwargs.validation_split);
  if (batch !== null) reading.config.batchSize = batch;
  if (epochs !== null) reading.config.epochs = epochs;
  if (split !== null) reading.config.validationSplit = split;
}

function readEarlyStopping(call: Call, reading: KerasReading): void {
  const monitor = str(call.kwargs.monitor);
  if (monitor !== null && monitor !== 'val_loss') {
    reading.problems.push({ line: call.line, message: `EarlyStopping here monitors val_loss only, not "${monitor}".` });
  }
  const early: NonNullable<KerasReading['config']['earlyStopping']> = { enabled: true };
  const minDelta = num(call.kwargs.min_delta);
  const patience = num(call.kwargs.patience);
  const restore = call.kwargs.restore_best_weights;
  if (minDelta !== null) early.minDelta = minDelta;
  if (patience !== null) early.patience = patience;
  if (typeof restore === 'boolean') early.restoreBestWeights = restore;
  reading.config.earlyStopping = early;
}

export function readKerasCode(code: string): KerasReading {
  const reading: KerasReading = { layers: [], inputShape: null, config: {}, problems: [] };
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
