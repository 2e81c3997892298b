import { monitorName } from '../earlyStopping';
import type { LayerSpec, RecurrentSpec } from '../layers';
import { penaltyArg } from '../regularizers';
import { losses } from '../losses';
import { SGD_MOMENTUM } from '../optimizers';
import { kerasSeriesScript, type SeriesScriptData } from './kerasSeriesScript';
import { splitCode, type ScriptRows } from './kerasSplit';
import { readSavedModelCode, setSavedWeightsCode } from './kerasWeights';
import type { PlaygroundBlock } from './schema';

/** Where the script reads its data from, and how (mirrors the dataset registry and uploads). */
export type ScriptData =
  | { kind: 'csv'; file: string; target: string; ignored: string[]; categorical: string[]; image: { height: number; width: number; maxValue: number } | null }
  | { kind: 'fashionMnist'; file: string }
  /** A generated 2-D set: `csv` holds its points (x1, x2 and the target), saved beside the script as `<name>.csv`; the block's `engineered` says which inputs the script computes from them. */
  | { kind: 'synthetic'; name: string; csv: string }
  /** The person's own images, which stay in the browser: the script reads them from one folder per class (see ownImagesCode). */
  | { kind: 'ownImages'; size: number; channels: 1 | 3; classNames: string[] }
  /** A time series: a shipped file, or a generated one saved beside the script (see kerasSeriesScript.ts). */
  | SeriesScriptData;

export const py = (value: string): string => JSON.stringify(value);
/**
 * Text from the data (a file or column name) made safe for a `#` comment: a
 * line break inside a name would end the comment and turn the rest into code
 * that runs with the script.
 */
export const comment = (value: string): string => value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
export const num = (value: number): string => (Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(8))));

export const optimizerCode: Record<string, (lr: number) => string> = {
  sgd: (lr) => `keras.optimizers.SGD(learning_rate=${num(lr)})`,
  momentum: (lr) => `keras.optimizers.SGD(learning_rate=${num(lr)}, momentum=${SGD_MOMENTUM})`,
  adam: (lr) => `keras.optimizers.Adam(learning_rate=${num(lr)})`,
  rmsprop: (lr) => `keras.optimizers.RMSprop(learning_rate=${num(lr)})`,
  adagrad: (lr) => `keras.optimizers.Adagrad(learning_rate=${num(lr)})`,
  adadelta: (lr) => `keras.optimizers.Adadelta(learning_rate=${num(lr)})`,
  adamax: (lr) => `keras.optimizers.Adamax(learning_rate=${num(lr)})`,
};

/** One layer as the course writes it, with `input_shape` on the first. */
export function layerCode(layer: LayerSpec, inputShape: number[] | null): string {
  const input = inputShape ? `, input_shape=[${inputShape.join(', ')}]` : '';
  switch (layer.kind) {
    case 'dense':
      return `layers.Dense(units=${layer.units}, activation=${py(layer.activation)}${penaltyArg(layer.kernelRegularizer)}${input})`;
    case 'dropout':
      return inputShape ? `layers.InputLayer(input_shape=[${inputShape.join(', ')}]),\n    layers.Dropout(rate=${num(layer.rate)})` : `layers.Dropout(rate=${num(layer.rate)})`;
    case 'batchNormalization':
      return `layers.BatchNormalization(${inputShape ? `input_shape=[${inputShape.join(', ')}]` : ''})`;
    case 'activation':
      return `layers.Activation(${py(layer.activation)}${input})`;
    case 'conv2d':
      return `layers.Conv2D(filters=${layer.filters}, kernel_size=${layer.kernelSize}, strides=${layer.strides}, padding=${py(layer.padding)}, activation=${py(layer.activation)}${penaltyArg(layer.kernelRegularizer)}${input})`;
    case 'maxPooling2d':
      return `layers.MaxPool2D(pool_size=${layer.poolSize}${input})`;
    case 'flatten':
      return `layers.Flatten(${inputShape ? `input_shape=[${inputShape.join(', ')}]` : ''})`;
    case 'simpleRnn':
    case 'lstm':
    case 'gru':
      return recurrentCode(layer, input);
    case 'globalAveragePooling1D':
      return `layers.GlobalAveragePooling1D(${inputShape ? `input_shape=[${inputShape.join(', ')}]` : ''})`;
  }
}

/**
 * A recurrent layer as Keras 3 must be told to build the cell tfjs trains:
 * sigmoid gates (tfjs's default hard sigmoid differs from Keras 3's) and,
 * for GRU, reset_after=False, the only cell tfjs has (see sequenceKinds.ts).
 */
function recurrentCode(layer: RecurrentSpec, input: string): string {
  const kerasClass = { simpleRnn: 'SimpleRNN', lstm: 'LSTM', gru: 'GRU' }[layer.kind];
  const gates = layer.kind === 'simpleRnn' ? '' : ', recurrent_activation="sigmoid"';
  const cell = layer.kind === 'gru' ? ', reset_after=False' : '';
  const dropout = `${layer.dropout ? `, dropout=${num(layer.dropout)}` : ''}${layer.recurrentDropout ? `, recurrent_dropout=${num(layer.recurrentDropout)}` : ''}`;
  return `layers.${kerasClass}(units=${layer.units}, activation=${py(layer.activation)}${gates}${cell}${dropout}, return_sequences=${layer.returnSequences ? 'True' : 'False'}${input})`;
}

/** A generated table as CSV text: x1, x2 and the target, one row a point, numbers as JavaScript writes them. */
export function pointsCsv(featureNames: readonly string[], targetName: string, features: Float32Array, targets: Float32Array): string {
  const width = featureNames.length;
  const lines = [[...featureNames, targetName].join(',')];
  for (let i = 0; i < targets.length; i++) {
    const row: number[] = [];
    for (let j = 0; j < width; j++) row.push(features[i * width + j]!);
    row.push(targets[i]!);
    lines.push(row.map((v) => String(Number(v.toPrecision(7)))).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** NumPy for each engineered input of a 2-D set, from its points' x1 and x2 (the formulas of data/engineeredFeatures.ts). */
export const planeFeatureCode: Readonly<Record<string, string>> = {
  x1: 'x1',
  x2: 'x2',
  'x1²': 'x1 ** 2',
  'x2²': 'x2 ** 2',
  'x1·x2': 'x1 * x2',
  'sin(x1)': 'np.sin(x1)',
  'sin(x2)': 'np.sin(x2)',
};

/**
 * A 2-D set's inputs: the points' x1, x2, or the engineered features the
 * playground computed from them, in its order, before scaling. Only known
 * features become code; anything else in a block is refused, not written.
 */
function planeInputsCode(engineered: PlaygroundBlock['engineered']): string[] {
  if (!engineered) return ['X = df[["x1", "x2"]].to_numpy(dtype="float32")'];
  const columns = engineered.map(({ name }) => {
    const code = Object.hasOwn(planeFeatureCode, name) ? planeFeatureCode[name] : undefined;
    if (code === undefined) throw new Error(`The input feature "${name}" has no formula the script knows.`);
    return code;
  });
  return [
    'x1 = df["x1"].to_numpy(dtype="float32")',
    'x2 = df["x2"].to_numpy(dtype="float32")',
    `# The inputs the playground computed from each point, before scaling: ${comment(engineered.map(({ name }) => name).join(', '))}.`,
    `X = np.column_stack([${columns.join(', ')}]).astype("float32")`,
  ];
}

/** Characters a file name cannot hold on some system (Windows is the strictest), and control characters. */
const unsafeInName = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const reservedNames = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * The folder each class's images go in, safe as a file name everywhere and
 * unique even where names ignore case (macOS, Windows); the script lists
 * them as `class_names`, so their order is the model's output order.
 */
export function classFolderNames(classNames: readonly string[]): string[] {
  const taken = new Set<string>();
  return classNames.map((name) => {
    let base = name.replace(unsafeInName, '_').trim().replace(/[. ]+$/, '');
    if (base === '' || /^\.+$/.test(base)) base = 'class';
    if (reservedNames.test(base) || base.startsWith('.')) base = `_${base}`;
    let folder = base;
    for (let n = 2; taken.has(folder.toLowerCase()); n++) folder = `${base}_${n}`;
    taken.add(folder.toLowerCase());
    return folder;
  });
}

/**
 * Own images read as the playground read them: stretched to size × size by
 * area averaging, alpha dropped, grey as 0.299 R + 0.587 G + 0.114 B, / 255.
 */
function ownImagesCode(data: Extract<ScriptData, { kind: 'ownImages' }>): string[] {
  const folders = classFolderNames(data.classNames);
  return [
    '# Your images never left the browser: they downloaded with this script as images.zip, at the',
    '# size and colour the playground trained on. Unzip images.zip beside this script: it holds a',
    '# folder "images" with one sub-folder per class, in the order of the model\'s outputs:',
    ...folders.map((folder, i) => `#   images/${comment(folder)}/  (class ${i}: ${comment(data.classNames[i]!)})`),
    `classes = [${folders.map(py).join(', ')}]`,
    'images = keras.utils.image_dataset_from_directory(',
    `    "images", labels="inferred", label_mode="int", class_names=classes, color_mode="rgb",`,
    `    image_size=(${data.size}, ${data.size}), interpolation="area", batch_size=256, shuffle=False,`,
    ')',
    'X = np.concatenate([np.asarray(batch) for batch, _ in images]).astype("float32")',
    'y = np.concatenate([np.asarray(labels) for _, labels in images]).astype("int64")',
    ...(data.channels === 1
      ? ['# Grey as the playground makes it: 0.299 R + 0.587 G + 0.114 B.', 'X = (X @ np.array([0.299, 0.587, 0.114], dtype="float32"))[..., np.newaxis]']
      : []),
    'X = X / 255.0',
  ];
}

function loadDataCode(data: Exclude<ScriptData, { kind: 'series' }>, block: PlaygroundBlock): string[] {
  switch (data.kind) {
    case 'synthetic':
      return [
        `# The ${data.name} points were made in the playground (generated, or drawn by hand) and downloaded with this script as ${data.name}.csv.`,
        `df = pd.read_csv("${data.name}.csv")`,
        ...planeInputsCode(block.engineered),
        `y = df[${py(block.target)}].to_numpy(dtype="float32")`,
      ];
    case 'fashionMnist':
      return [
        `raw = np.fromfile(${py(data.file)}, dtype=np.uint8)`,
        'count = raw.size // (1 + 28 * 28)',
        'y = raw[:count].astype("int64")',
        'X = raw[count:].reshape(count, 28, 28, 1).astype("float32") / 255.0',
      ];
    case 'ownImages':
      return ownImagesCode(data);
    case 'csv': {
      const lines = [`df = pd.read_csv(${py(data.file)}, sep=None, engine="python")`];
      if (data.ignored.length > 0) lines.push(`df = df.drop(columns=[${data.ignored.map(py).join(', ')}])`);
      lines.push('df = df.dropna()');
      lines.push(`y = df.pop(${py(data.target)})`);
      if (data.categorical.length > 0) {
        lines.push(`X = pd.get_dummies(df, columns=[${data.categorical.map(py).join(', ')}], prefix_sep="=", dtype="float32")`);
      } else {
        lines.push('X = df');
      }
      if (data.image) {
        lines.push(`X = X.to_numpy(dtype="float32").reshape(-1, ${data.image.height}, ${data.image.width}, 1) / ${num(data.image.maxValue)}`);
      } else {
        lines.push(`X = X[[${block.features.map(py).join(', ')}]].to_numpy(dtype="float32")`);
      }
      if (block.task.kind === 'regression') lines.push('y = y.to_numpy(dtype="float32")');
      else lines.push(`classes = [${(block.classNames ?? []).map(py).join(', ')}]`, 'y = y.astype(str).map({c: i for i, c in enumerate(classes)}).to_numpy()');
      return lines;
    }
  }
}

/**
 * Keras's EarlyStopping arguments for the config. The monitor is named as
 * Keras logs it for `metrics=[metric]` above ('val_accuracy', 'val_mae'),
 * so the callback finds it in the epoch's logs.
 */
export function earlyStoppingArgs(es: PlaygroundBlock['config']['earlyStopping'], task: PlaygroundBlock['task']): string {
  const baseline = es.baseline ?? null;
  return [
    `monitor=${py(monitorName(es.monitor, task))}`,
    `mode=${py(es.mode ?? 'auto')}`,
    `min_delta=${num(es.minDelta)}`,
    `patience=${es.patience}`,
    `restore_best_weights=${es.restoreBestWeights ? 'True' : 'False'}`,
    `baseline=${baseline === null ? 'None' : num(baseline)}`,
  ].join(', ');
}

/**
 * A runnable Keras script in the course's style that repeats the experiment:
 * the same data and preprocessing (statistics of the training rows only),
 * the same layers, optimizer, loss, batch size, epochs and early stopping.
 * The split (and a test split) is drawn with NumPy, so its rows differ from the playground's.
 * A time series gets its own script, windowed and split by time as the
 * playground does it (kerasSeriesScript.ts).
 */
/** How a script starts: from fresh random weights, or from the playground's trained ones in the model file saved beside it. */
export interface ScriptStart {
  /** The one-file model the script reads its weights and scaler from; null for fresh weights. */
  weightsFile: string | null;
  /** The run's validation and test rows, which the script then holds (see kerasSplit.ts); absent: NumPy draws a split of the same sizes. */
  rows?: ScriptRows | null;
}

/**
 * `model.fit` on the training part, validated on the validation part with
 * the config's batch size, epochs and early stopping (the `early_stopping`
 * callback defined above when enabled), then the loss curves plotted; the
 * table and the series scripts share it. `options` go before batch_size.
 */
export function fitCode(config: PlaygroundBlock['config'], options: readonly string[]): string[] {
  return [
    'history = model.fit(',
    '    X_train, y_train,',
    '    validation_data=(X_valid, y_valid),',
    ...options,
    `    batch_size=${config.batchSize},`,
    `    epochs=${config.epochs},`,
    ...(config.earlyStopping.enabled ? ['    callbacks=[early_stopping],'] : []),
    ')',
    '',
    'history_df = pd.DataFrame(history.history)',
    'history_df.loc[:, ["loss", "val_loss"]].plot()',
  ];
}

export function kerasScript(layers: readonly LayerSpec[], block: PlaygroundBlock, data: ScriptData, start: ScriptStart = { weightsFile: null }): string {
  if (data.kind === 'series') return kerasSeriesScript(layers, block, data, start.weightsFile);
  const { config, task, inputShape } = block;
  const metric = task.kind === 'regression' ? 'mae' : 'accuracy';
  const es = config.earlyStopping;
  const testSplit = config.testSplit ?? 0;
  const parts = ['X_train', 'X_valid', ...(testSplit > 0 ? ['X_test'] : [])];
  const scaling = start.weightsFile
    ? config.scaling === 'none'
      ? ['# No scaling, as in the playground.']
      : ['# The playground\'s scaler, which the saved weights were trained with (one value per input, in the inputs\' shape).', ...parts.map((x) => `${x} = (${x} - offset.reshape(${x}.shape[1:])) / scale.reshape(${x}.shape[1:])`)]
    : config.scaling === 'standard'
      ? ['mean = X_train.mean(axis=0)', 'std = X_train.std(axis=0)', 'std[std == 0] = 1', 'X_train = (X_train - mean) / std', 'X_valid = (X_valid - mean) / std', ...(testSplit > 0 ? ['X_test = (X_test - mean) / std'] : [])]
      : config.scaling === 'minmax'
        ? ['lo = X_train.min(axis=0)', 'span = X_train.max(axis=0) - lo', 'span[span == 0] = 1', 'X_train = (X_train - lo) / span', 'X_valid = (X_valid - lo) / span', ...(testSplit > 0 ? ['X_test = (X_test - lo) / span'] : [])]
        : ['# No scaling, as in the playground.'];
  const oneHot = block.encodings.map((e) => e.column);
  const targetLines =
    task.kind === 'multiclass'
      ? [`y_train = keras.utils.to_categorical(y_train, ${task.numClasses})`, `y_valid = keras.utils.to_categorical(y_valid, ${task.numClasses})`, ...(testSplit > 0 ? [`y_test = keras.utils.to_categorical(y_test, ${task.numClasses})`] : [])]
      : [];
  return [
    `# Exported from the neural-network playground: ${comment(block.dataset.label)}.`,
    `# Task: ${task.kind}; target: ${comment(block.target)}${oneHot.length > 0 ? `; one-hot encoded: ${comment(oneHot.join(', '))}` : ''}.`,
    'import numpy as np',
    'import pandas as pd',
    'from tensorflow import keras',
    'from tensorflow.keras import layers, callbacks',
    '',
    ...(start.weightsFile ? [...readSavedModelCode(start.weightsFile), ''] : []),
    ...loadDataCode(data, block),
    '',
    ...splitCode(config.validationSplit, testSplit, config.seed, start.rows ?? null),
    ...scaling,
    ...targetLines,
    '',
    'model = keras.Sequential([',
    ...layers.map((layer, i) => `    ${layerCode(layer, i === 0 ? inputShape : null)},`),
    '])',
    '',
    'model.compile(',
    `    optimizer=${optimizerCode[config.optimizer]!(config.learningRate)},`,
    `    loss=${py(losses[config.loss as keyof typeof losses].keras)},`,
    `    metrics=[${py(metric)}],`,
    ')',
    ...(start.weightsFile
      ? [
          '',
          ...setSavedWeightsCode(),
          'start_loss, start_metric = model.evaluate(X_valid, y_valid, verbose=0)',
          `print("Starting from the playground's weights: validation loss {:0.4f}, validation ${metric} {:0.4f}".format(start_loss, start_metric))`,
        ]
      : []),
    ...(es.enabled
      ? ['', `early_stopping = callbacks.EarlyStopping(${earlyStoppingArgs(es, task)})`]
      : []),
    '',
    ...fitCode(config, []),
    'print("Minimum validation loss: {:0.4f}".format(history_df["val_loss"].min()))',
    ...(testSplit > 0
      ? [
          '',
          '# The test rows, untouched until now, measured once on the final model.',
          `test_loss, test_${metric} = model.evaluate(X_test, y_test, verbose=0)`,
          `print("Test loss: {:0.4f}, test ${metric}: {:0.4f}".format(test_loss, test_${metric}))`,
        ]
      : []),
    '',
  ].join('\n');
}

