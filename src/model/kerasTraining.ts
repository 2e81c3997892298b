import { monitorModes, type MonitorMode } from './earlyStopping';
import type { KerasEarlyStopping, KerasReading } from './kerasCode';
import type { LossName } from './losses';
import { optimizerArgumentNotes } from './kerasOptimizerArgs';
import { optimizers, type OptimizerName } from './optimizers';
import { isCall, lastName, num, type Call, type Value } from './pythonReader';

/**
 * `model.compile(...)`, `model.fit(...)` and `EarlyStopping(...)` read into
 * training settings. An argument the code leaves out takes the value Keras 3
 * would run with — checked in its sources: `compile(optimizer="rmsprop")`,
 * `fit(batch_size=None → 32, epochs=1)`, `EarlyStopping(monitor="val_loss",
 * min_delta=0, patience=0, mode="auto", baseline=None,
 * restore_best_weights=False)`, and each optimizer's own learning rate (the
 * `defaultLearningRate`s of optimizers.ts: SGD 0.01, the others 0.001).
 * Each such value is listed in `reading.defaults`.
 */

const optimizerNames: Record<string, OptimizerName> = {
  sgd: 'sgd',
  adam: 'adam',
  rmsprop: 'rmsprop',
  adagrad: 'adagrad',
  adadelta: 'adadelta',
  adamax: 'adamax',
};
/** Keras's class name of each optimizer, as the dialog names it. */
const kerasClass: Record<OptimizerName, string> = {
  sgd: 'SGD',
  momentum: 'SGD',
  adam: 'Adam',
  rmsprop: 'RMSprop',
  adagrad: 'Adagrad',
  adadelta: 'Adadelta',
  adamax: 'Adamax',
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

/** Keras's `batch_size=None`, which fit reads as 32. */
const KERAS_BATCH_SIZE = 32;
/** Keras's `fit(epochs=1)`. */
const KERAS_EPOCHS = 1;

/** A Python value shown as the code wrote it, for a sentence. */
const shown = (value: Value): string => (typeof value === 'object' && value !== null && 'name' in value ? value.name : isCall(value) ? `${value.callee}(...)` : JSON.stringify(value));

/** Sets the optimizer's default learning rate and lists it. */
function defaultRate(name: OptimizerName, reading: KerasReading): void {
  const rate = optimizers[name].defaultLearningRate;
  reading.config.learningRate = rate;
  reading.defaults.push(`learning rate ${rate} (${kerasClass[name]}'s default)`);
}

export function readCompile(call: Call, reading: KerasReading): void {
  const optimizer = call.kwargs.optimizer ?? call.args[0];
  const problem = (line: number, message: string) => reading.problems.push({ line, message });
  if (optimizer === undefined) {
    reading.config.optimizer = 'rmsprop';
    reading.defaults.push("optimizer RMSprop (compile's default)");
    defaultRate('rmsprop', reading);
  } else if (typeof optimizer === 'string') {
    const name = optimizerNames[optimizer.toLowerCase()];
    if (!name) problem(call.line, `The optimizer "${optimizer}" is not one the playground has.`);
    else {
      reading.config.optimizer = name;
      defaultRate(name, reading);
    }
  } else if (isCall(optimizer)) {
    const name = optimizerNames[lastName(optimizer.callee).toLowerCase()];
    if (!name) problem(optimizer.line, `The optimizer ${lastName(optimizer.callee)} is not one the playground has.`);
    else {
      const momentum = num(optimizer.kwargs.momentum);
      const chosen = name === 'sgd' && momentum !== null && momentum > 0 ? 'momentum' : name;
      reading.config.optimizer = chosen;
      reading.notes.push(...optimizerArgumentNotes(optimizer, chosen, kerasClass[chosen]));
      const given = optimizer.kwargs.learning_rate ?? optimizer.kwargs.lr ?? optimizer.args[0];
      const rate = num(given);
      if (given === undefined) defaultRate(chosen, reading);
      else if (rate !== null) reading.config.learningRate = rate;
      else problem(optimizer.line, `The learning rate ${shown(given)} is not a number the playground can read; the current learning rate is kept.`);
    }
  } else if (optimizer !== null) {
    problem(call.line, `The optimizer ${shown(optimizer)} is not written out in the call, so the playground cannot read it; the current optimizer is kept.`);
  }
  const loss = call.kwargs.loss ?? call.args[1];
  if (typeof loss === 'string') {
    const name = lossNames[loss.toLowerCase()];
    if (name) reading.config.loss = name;
    else problem(call.line, `The loss "${loss}" is not one the playground has.`);
  }
}

/**
 * Reads a whole-number argument of fit: absent or None takes Keras's
 * default, a number is taken, anything else (a variable) is reported and
 * the current value kept.
 */
function fitCount(call: Call, reading: KerasReading, key: 'batch_size' | 'epochs', position: number, fallback: number, label: string): number | null {
  const given = call.kwargs[key] ?? call.args[position];
  if (given === undefined || given === null) {
    reading.defaults.push(`${label} ${fallback} (fit's default)`);
    return fallback;
  }
  const value = num(given);
  if (value === null) reading.problems.push({ line: call.line, message: `${key}=${shown(given)} is not a number the playground can read; the current ${label} is kept.` });
  return value;
}

export function readFit(call: Call, reading: KerasReading): void {
  // fit(x, y, batch_size, epochs, ...) when given by position.
  const batch = fitCount(call, reading, 'batch_size', 2, KERAS_BATCH_SIZE, 'batch size');
  const epochs = fitCount(call, reading, 'epochs', 3, KERAS_EPOCHS, 'epochs');
  if (batch !== null) reading.config.batchSize = batch;
  if (epochs !== null) reading.config.epochs = epochs;
  if (call.kwargs.epochs === undefined && call.args[3] === undefined) {
    reading.notes.push('Keras trains one epoch when fit is given no epochs: one pass over the data rarely shows a model learning, so raise Epochs to watch the curves.');
  }
  // Keras uses validation_data over validation_split when both are given.
  const split = num(call.kwargs.validation_split);
  const data = call.kwargs.validation_data;
  if (data !== undefined && data !== null) reading.validation = 'data';
  else if (split !== null && split > 0) {
    reading.validation = 'split';
    reading.config.validationSplit = split;
  } else {
    reading.validation = 'none';
    if (split !== null) reading.config.validationSplit = split;
  }
}

export function readEarlyStopping(call: Call, reading: KerasReading): void {
  const problem = (message: string) => reading.problems.push({ line: call.line, message });
  const byDefault = (what: string) => reading.defaults.push(`${what} (EarlyStopping's default)`);
  const given = (key: string): Value | undefined => call.kwargs[key];
  const monitor = given('monitor');
  const early: KerasEarlyStopping = { enabled: true, monitor: 'val_loss' };
  if (monitor === undefined) byDefault('monitor val_loss');
  else if (typeof monitor === 'string') early.monitor = monitor;
  else problem(`monitor=${shown(monitor)} is not a name the playground can read; it monitors val_loss, Keras's default.`);
  const mode = given('mode');
  if (mode === undefined) {
    early.mode = 'auto';
    byDefault('mode auto');
  } else if (typeof mode === 'string' && (monitorModes as readonly string[]).includes(mode)) early.mode = mode as MonitorMode;
  else {
    // Keras warns about an unknown mode and falls back to 'auto'.
    early.mode = 'auto';
    problem(`mode=${shown(mode)} is not auto, min or max; as Keras does, auto is used.`);
  }
  const number = (key: string, what: string, fallback: number, field: 'patience' | 'minDelta'): void => {
    const value = given(key);
    if (value === undefined) {
      early[field] = fallback;
      byDefault(`${what} ${fallback}`);
    } else if (typeof value === 'number') early[field] = value;
    else problem(`${key}=${shown(value)} is not a number the playground can read; the current ${what} is kept.`);
  };
  number('patience', 'patience', 0, 'patience');
  // Keras takes abs(min_delta); so does the playground's stopper, but its control shows the magnitude.
  number('min_delta', 'min delta', 0, 'minDelta');
  if (early.minDelta !== undefined) early.minDelta = Math.abs(early.minDelta);
  const restore = given('restore_best_weights');
  if (restore === undefined) {
    early.restoreBestWeights = false;
    byDefault('restore best weights off');
  } else if (typeof restore === 'boolean') early.restoreBestWeights = restore;
  else problem(`restore_best_weights=${shown(restore)} is not True or False; the current setting is kept.`);
  const baseline = given('baseline');
  if (baseline === undefined) {
    early.baseline = null;
    byDefault('no baseline');
  } else if (baseline === null || typeof baseline === 'number') early.baseline = baseline;
  else problem(`baseline=${shown(baseline)} is not a number or None; the current baseline is kept.`);
  reading.config.earlyStopping = early;
}
