import { describe, expect, it } from 'vitest';
import { testConfig } from '../testing/fixtures';
import { defaultEarlyStopping } from './earlyStopping';
import { readKerasCode } from './kerasCode';
import { settingsFromKeras } from './kerasSettings';

/**
 * What pasted code leaves out takes the value Keras 3 runs with (checked in
 * keras 3.15's sources: optimizers/*.py, trainers/trainer.py,
 * callbacks/early_stopping.py), and the dialog is told each one.
 */
const model = "model = keras.Sequential([layers.Dense(8, activation='relu', input_shape=[2]), layers.Dense(1, activation='sigmoid')])\n";
const read = (code: string) => readKerasCode(model + code);

describe("Paste Keras code takes Keras's defaults", () => {
  it.each([
    ['sgd', 'sgd', 0.01, 'SGD'],
    ['adam', 'adam', 0.001, 'Adam'],
    ['rmsprop', 'rmsprop', 0.001, 'RMSprop'],
    ['adagrad', 'adagrad', 0.001, 'Adagrad'],
    ['adadelta', 'adadelta', 0.001, 'Adadelta'],
    ['adamax', 'adamax', 0.001, 'Adamax'],
  ] as const)("optimizer='%s' runs at its default learning rate", (keras, optimizer, rate, label) => {
    const reading = read(`model.compile(optimizer='${keras}', loss='binary_crossentropy')`);
    expect(reading.config).toMatchObject({ optimizer, learningRate: rate });
    expect(reading.defaults).toEqual([`learning rate ${rate} (${label}'s default)`]);
    expect(reading.problems).toEqual([]);
  });

  it('an optimizer object without learning_rate takes its default too; one with it keeps it', () => {
    expect(read('model.compile(optimizer=keras.optimizers.Adam(), loss="mse")').config).toMatchObject({ optimizer: 'adam', learningRate: 0.001 });
    expect(read('model.compile(optimizer=keras.optimizers.SGD(momentum=0.9), loss="mse")').config).toMatchObject({ optimizer: 'momentum', learningRate: 0.01 });
    const given = read('model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss="mse")');
    expect(given.config.learningRate).toBe(0.02);
    expect(given.defaults).toEqual([]);
  });

  it('an optimizer setting the playground does not train with is named, with what it trains with instead', () => {
    const notesOf = (optimizer: string) => read(`model.compile(optimizer=${optimizer}, loss="mse")`).notes;
    expect(notesOf('keras.optimizers.SGD(momentum=0.5)')).toEqual([
      "SGD(momentum=0.5): the playground's SGD with momentum uses momentum 0.9, so it trains with 0.9, not 0.5.",
    ]);
    expect(read('model.compile(optimizer=keras.optimizers.SGD(momentum=0.5), loss="mse")').config.optimizer).toBe('momentum');
    expect(notesOf('keras.optimizers.SGD(momentum=0.9, nesterov=True)')).toEqual([
      "SGD(nesterov=True): the playground's SGD runs with nesterov=False, so it trains with that.",
    ]);
    expect(notesOf('keras.optimizers.Adam(learning_rate=0.01, beta_1=0.8, amsgrad=True)')).toEqual([
      "Adam(beta_1=0.8): the playground's Adam runs with beta_1=0.9, so it trains with that.",
      "Adam(amsgrad=True): the playground's Adam runs with amsgrad=False, so it trains with that.",
    ]);
    expect(notesOf('keras.optimizers.RMSprop(clipnorm=1.0)')).toEqual(['RMSprop(clipnorm=1): the playground does not apply clipnorm, so it trains without it.']);
    expect(notesOf('keras.optimizers.Adagrad(foo=3)')).toEqual(['Adagrad(foo=…): the playground does not read foo, so it trains without it.']);
    expect(notesOf('keras.optimizers.SGD(0.01, 0.5)')).toEqual([
      "SGD(…): the playground reads only the learning rate by position; it trains with its own value of each argument after it (write them by name to have them checked).",
    ]);
    // What it trains with anyway, written out, says nothing.
    expect(notesOf('keras.optimizers.Adam(beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False, weight_decay=None, name="adam")')).toEqual([]);
    expect(notesOf('keras.optimizers.SGD(momentum=0.0)')).toEqual([]);
    expect(notesOf('keras.optimizers.Adadelta(rho=0.95)')).toEqual([]);
  });

  it("compile without an optimizer is compile's own default, RMSprop at 0.001", () => {
    const reading = read("model.compile(loss='mse')");
    expect(reading.config).toMatchObject({ optimizer: 'rmsprop', learningRate: 0.001 });
    expect(reading.defaults).toEqual(["optimizer RMSprop (compile's default)", "learning rate 0.001 (RMSprop's default)"]);
  });

  it('a learning rate or optimizer held in a variable is reported, not guessed', () => {
    expect(read('model.compile(optimizer=keras.optimizers.Adam(learning_rate=LR), loss="mse")').problems).toEqual([
      { line: 2, message: 'The learning rate LR is not a number the playground can read; the current learning rate is kept.' },
    ]);
    expect(read('model.compile(optimizer=opt, loss="mse")').problems[0]!.message).toMatch(/^The optimizer opt is not written out in the call/);
  });

  it('fit without batch_size trains in batches of 32, and without epochs for one epoch, saying so', () => {
    const reading = read('model.fit(X, y)');
    expect(reading.config).toMatchObject({ batchSize: 32, epochs: 1 });
    expect(reading.defaults).toEqual(["batch size 32 (fit's default)", "epochs 1 (fit's default)"]);
    expect(reading.notes).toEqual([
      'Keras trains one epoch when fit is given no epochs: one pass over the data rarely shows a model learning, so raise Epochs to watch the curves.',
    ]);
    expect(read('model.fit(X, y, batch_size=None, epochs=5)').config).toMatchObject({ batchSize: 32, epochs: 5 });
    expect(read('model.fit(X, y, 16, 7)').config).toMatchObject({ batchSize: 16, epochs: 7 });
    expect(read('model.fit(X, y, batch_size=BATCH, epochs=5)').problems[0]!.message).toBe(
      'batch_size=BATCH is not a number the playground can read; the current batch size is kept.',
    );
  });

  it("EarlyStopping() alone is Keras's: val_loss, auto, patience 0, min_delta 0, no restore, no baseline", () => {
    const reading = read('early = callbacks.EarlyStopping()');
    expect(reading.config.earlyStopping).toEqual({
      enabled: true,
      monitor: 'val_loss',
      mode: 'auto',
      patience: 0,
      minDelta: 0,
      restoreBestWeights: false,
      baseline: null,
    });
    expect(reading.defaults).toEqual([
      "monitor val_loss (EarlyStopping's default)",
      "mode auto (EarlyStopping's default)",
      "patience 0 (EarlyStopping's default)",
      "min delta 0 (EarlyStopping's default)",
      "restore best weights off (EarlyStopping's default)",
      "no baseline (EarlyStopping's default)",
    ]);
  });

  it('reads monitor, mode and baseline, and falls back to auto on an unknown mode as Keras does', () => {
    const reading = read("early = EarlyStopping(monitor='val_accuracy', mode='max', baseline=0.8, patience=3, min_delta=0.01, restore_best_weights=True)");
    expect(reading.config.earlyStopping).toEqual({ enabled: true, monitor: 'val_accuracy', mode: 'max', patience: 3, minDelta: 0.01, restoreBestWeights: true, baseline: 0.8 });
    expect(reading.defaults).toEqual([]);
    const odd = read("early = EarlyStopping(monitor='val_loss', mode='up', patience=1, min_delta=0, restore_best_weights=False, baseline=None)");
    expect(odd.config.earlyStopping?.mode).toBe('auto');
    expect(odd.problems[0]!.message).toBe('mode="up" is not auto, min or max; as Keras does, auto is used.');
  });
});

describe('applying pasted code to the experiment', () => {
  const current = testConfig({ validationSplit: 0.2, earlyStopping: { ...defaultEarlyStopping } });
  const classifier = { task: { kind: 'binary' } as const, inputShape: [2] };

  it('follows val_accuracy on a classifier', () => {
    const applied = settingsFromKeras(current, read("early = EarlyStopping(monitor='val_accuracy', patience=3)"), classifier);
    expect(applied.config.earlyStopping).toMatchObject({ enabled: true, monitor: 'val_metric', mode: 'auto', patience: 3, minDelta: 0, restoreBestWeights: false });
    expect(applied.problems).toEqual([]);
    // Keras 2's short name is the same quantity.
    expect(settingsFromKeras(current, read("early = EarlyStopping(monitor='val_acc')"), classifier).config.earlyStopping.monitor).toBe('val_metric');
  });

  it('reports a monitor the playground does not log and keeps the current one', () => {
    const applied = settingsFromKeras(current, read("early = EarlyStopping(monitor='val_precision', patience=3)"), classifier);
    expect(applied.config.earlyStopping).toMatchObject({ enabled: true, monitor: 'val_loss', patience: 3 });
    expect(applied.problems).toEqual([
      'EarlyStopping monitors "val_precision", which the playground does not log (it logs loss, val_loss, accuracy, val_accuracy). The current monitor, val_loss, is kept.',
    ]);
    const regression = settingsFromKeras(current, read("early = EarlyStopping(monitor='val_accuracy')"), { task: { kind: 'regression' }, inputShape: [2] });
    expect(regression.problems[0]).toMatch(/^EarlyStopping monitors "val_accuracy", which the playground does not log \(it logs loss, val_loss, mae, val_mae\)/);
  });

  it('notes, rather than fails on, a replaced input_shape and validation Keras would not do', () => {
    const applied = settingsFromKeras(current, read('model.fit(X, y, epochs=10)'), { task: { kind: 'binary' }, inputShape: [3] });
    expect(applied.problems).toEqual([]);
    expect(applied.notes).toEqual([
      "The code's input_shape [2] differs from this dataset's [3]; the dataset's is used.",
      "Keras's fit holds nothing out without validation_split; the playground keeps its validation split (20 % of the rows) so that val_loss can be drawn and watched.",
    ]);
    expect(applied.defaults).toEqual(["batch size 32 (fit's default)"]);
    expect(settingsFromKeras(current, read('model.fit(X, y, epochs=10, validation_split=0.3)'), classifier).notes).toEqual([]);
    expect(settingsFromKeras(current, read('model.fit(X, y, epochs=10, validation_data=(Xv, yv))'), classifier).notes).toEqual([
      'fit validates on validation_data; the playground holds out its own validation split (20 % of the rows) instead.',
    ]);
  });

  it('puts problems with their line numbers', () => {
    const applied = settingsFromKeras(current, read("model.compile(optimizer='nadam', loss='mse')"), classifier);
    expect(applied.problems).toEqual(['Line 2: The optimizer "nadam" is not one the playground has.']);
  });
});
