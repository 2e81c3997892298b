import { describe, expect, it } from 'vitest';
import { readKerasCode } from './kerasCode';

describe('reading the course’s Keras code', () => {
  it('a keras.Sequential model with compile, EarlyStopping and fit (the concrete lesson)', () => {
    const reading = readKerasCode(`
from tensorflow import keras
from tensorflow.keras import layers, callbacks

early_stopping = callbacks.EarlyStopping(
    min_delta=0.001, # minimium amount of change to count as an improvement
    patience=20, # how many epochs to wait before stopping
    restore_best_weights=True,
)

model = keras.Sequential([
    layers.Dense(512, activation='relu', input_shape=[8]),
    layers.Dropout(0.3),
    layers.BatchNormalization(),
    layers.Dense(units=512, activation="relu"),
    layers.Dense(1),
])
model.compile(
    optimizer='adam',
    loss='mae',
)
history = model.fit(
    X_train, y_train,
    validation_data=(X_valid, y_valid),
    batch_size=256,
    epochs=500,
    callbacks=[early_stopping],
)
`);
    expect(reading.problems).toEqual([]);
    expect(reading.inputShape).toEqual([8]);
    expect(reading.layers).toEqual([
      { kind: 'dense', units: 512, activation: 'relu' },
      { kind: 'dropout', rate: 0.3 },
      { kind: 'batchNormalization' },
      { kind: 'dense', units: 512, activation: 'relu' },
      { kind: 'dense', units: 1, activation: 'linear' },
    ]);
    expect(reading.config).toEqual({
      optimizer: 'adam',
      learningRate: 0.001,
      loss: 'mae',
      batchSize: 256,
      epochs: 500,
      earlyStopping: { enabled: true, monitor: 'val_loss', mode: 'auto', minDelta: 0.001, patience: 20, restoreBestWeights: true, baseline: null },
    });
    expect(reading.defaults).toEqual([
      "monitor val_loss (EarlyStopping's default)",
      "mode auto (EarlyStopping's default)",
      "no baseline (EarlyStopping's default)",
      "learning rate 0.001 (Adam's default)",
    ]);
    expect(reading.validation).toBe('data');
  });

  it('the Sequential() + model.add style, with an optimizer object and validation_split', () => {
    const reading = readKerasCode(`from keras.models import Sequential
from keras.layers import Dense, Activation
model = Sequential()
model.add(Dense(4, input_shape=(33,)))
model.add(Activation("elu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9), loss="binary_crossentropy", metrics=["binary_accuracy"])
model.fit(X, y, batch_size=512, epochs=1000, validation_split=0.3)`);
    expect(reading.problems).toEqual([]);
    expect(reading.inputShape).toEqual([33]);
    expect(reading.layers.map((l) => l.kind)).toEqual(['dense', 'activation', 'dense']);
    expect(reading.config).toEqual({ optimizer: 'momentum', learningRate: 0.01, loss: 'binaryCrossentropy', batchSize: 512, epochs: 1000, validationSplit: 0.3 });
  });

  it('a small CNN with Conv2D, MaxPool2D and Flatten', () => {
    const reading = readKerasCode(`model = keras.Sequential([
    layers.Conv2D(filters=32, kernel_size=(3, 3), activation="relu", padding='same', input_shape=[28, 28, 1]),
    layers.MaxPool2D(),
    layers.Conv2D(64, 3, strides=2, activation="relu"),
    layers.MaxPooling2D(pool_size=2),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])`);
    expect(reading.problems).toEqual([]);
    expect(reading.inputShape).toEqual([28, 28, 1]);
    expect(reading.layers).toEqual([
      { kind: 'conv2d', filters: 32, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
      { kind: 'maxPooling2d', poolSize: 2 },
      { kind: 'conv2d', filters: 64, kernelSize: 3, strides: 2, padding: 'valid', activation: 'relu' },
      { kind: 'maxPooling2d', poolSize: 2 },
      { kind: 'flatten' },
      { kind: 'dense', units: 10, activation: 'softmax' },
    ]);
  });

  it('reports what it cannot read, with line numbers, and keeps the rest', () => {
    const reading = readKerasCode(`model = keras.Sequential([
    layers.Dense(16, activation='relu', input_shape=[2]),
    layers.Conv1D(32, 3),
    layers.Dense(8, activation='gelu'),
    layers.Dense(1, activation='sigmoid'),
])
model.compile(optimizer='nadam', loss='hinge')`);
    expect(reading.problems).toEqual([
      { line: 3, message: 'The playground cannot build a Conv1D layer.' },
      { line: 4, message: 'Dense: the activation "gelu" is not one the playground has.' },
      { line: 7, message: 'The optimizer "nadam" is not one the playground has.' },
      { line: 7, message: 'The loss "hinge" is not one the playground has.' },
    ]);
    expect(reading.layers.map((l) => l.kind)).toEqual(['dense', 'dense']);
  });

  it('copes with malformed code without throwing', () => {
    for (const code of ['', 'model = keras.Sequential([layers.Dense(', ')))(((', 'layers.Dense(units="many")', '"unterminated', '\u0000\u0001']) {
      const reading = readKerasCode(code);
      expect(reading.problems.length).toBeGreaterThan(0);
    }
    expect(readKerasCode('layers.Dense(units="many")').problems[0]!.message).toBe('Dense needs a number of units.');
  });

  it('leaves out a layer beyond the playground’s bounds, saying why', () => {
    const reading = readKerasCode(`model = keras.Sequential([
    layers.Dense(100000, activation='relu', input_shape=[8]),
    layers.Dropout(1.5),
    layers.Conv2D(filters=8, kernel_size=40),
    layers.Dense(1),
])`);
    expect(reading.layers).toEqual([{ kind: 'dense', units: 1, activation: 'linear' }]);
    expect(reading.problems).toEqual([
      { line: 2, message: 'Units must be a whole number from 1 to 4,096 (it is 100000). This Dense layer is left out.' },
      { line: 3, message: 'Dropout rate must be at least 0 and below 1 (it is 1.5): a rate of 1 would drop every input. This Dropout layer is left out.' },
      { line: 4, message: 'Kernel size must be a whole number from 1 to 15 (it is 40). This Conv2D layer is left out.' },
    ]);
  });

  it('never runs anything: code that would have side effects is just text', () => {
    const reading = readKerasCode(`import os; os.system("rm -rf /")\nmodel = keras.Sequential([layers.Dense(1, input_shape=[3])])`);
    expect(reading.layers).toEqual([{ kind: 'dense', units: 1, activation: 'linear' }]);
  });
});
