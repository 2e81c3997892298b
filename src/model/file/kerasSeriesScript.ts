import type { LayerSpec } from '../layers';
import { losses } from '../losses';
import { comment, earlyStoppingArgs, layerCode, num, optimizerCode, py } from './kerasScript';
import type { PlaygroundBlock } from './schema';

/*
 * The Keras script of a time series: it reads the series, scales it with the
 * training steps' statistics, cuts it into windows and splits them as the
 * playground does (data/series.ts), then trains the same model and prints
 * the validation loss beside the naive forecast's error. The windowing and
 * the split are written as plain NumPy so a learner can read every step.
 */

/** How the script finds a series: the file it reads, and the facts of the playground's windowing it repeats. */
export interface SeriesScriptData {
  kind: 'series';
  /** The CSV the script reads: a shipped file's name, or `<dataset id>.csv` for a generated series saved beside the script. */
  file: string;
  /** The column holding the values (the last column of the file). */
  column: string;
  /** Steps in the series, so the script can tell when it is given another file. */
  numRows: number;
  /** Steps of history in one example. */
  window: number;
  /** Steps after the window's last step whose value is predicted. */
  horizon: number;
  /** For a generated series, the CSV text to save as `file` beside the script; null for a shipped file. */
  csv: string | null;
}

/** A generated series as CSV text: a step column, then the values, as parseSeriesCsv reads a shipped file. */
export function seriesCsv(column: string, values: Float32Array): string {
  const lines = [`step,${column}`];
  // Nine significant digits give back every float32 exactly.
  values.forEach((v, t) => lines.push(`${t},${Number(v.toPrecision(9))}`));
  return `${lines.join('\n')}\n`;
}

/** What seriesScriptData reads of a series table (data/table.ts's Table fits it). */
export interface SeriesTableFacts {
  targetName: string;
  targets: Float32Array;
  numRows: number;
  series?: { window: number; horizon: number } | null;
}

/**
 * The script data of a series: `source` is the shipped file, or the dataset
 * id of a generated series, whose values then go with the script.
 */
export function seriesScriptData(source: { file: string } | { generated: string }, table: SeriesTableFacts): SeriesScriptData {
  if (!table.series) throw new Error('seriesScriptData needs a time-series table.');
  const { window, horizon } = table.series;
  const shared = { kind: 'series' as const, column: table.targetName, numRows: table.numRows, window, horizon };
  return 'file' in source
    ? { ...shared, file: source.file, csv: null }
    : { ...shared, file: `${source.generated}.csv`, csv: seriesCsv(table.targetName, table.targets) };
}

/** The first validation row, as data/split.ts's splitSizes puts it: the last `fraction` of the steps (at least one) are held out. */
export function seriesSplitRow(numRows: number, fraction: number): number {
  return numRows - Math.min(numRows - 1, Math.max(1, Math.round(numRows * fraction)));
}

function scalingLines(scaling: PlaygroundBlock['config']['scaling']): string[] {
  switch (scaling) {
    case 'standard':
      return [
        '# Standard scaling: subtract the mean, divide by the standard deviation, both of the training steps only,',
        '# so nothing about the validation part leaks into training.',
        'offset = values[:split].mean()',
        'scale = values[:split].std()',
      ];
    case 'minmax':
      return [
        '# Min-max scaling to 0 … 1 with the smallest and largest value of the training steps only,',
        '# so nothing about the validation part leaks into training.',
        'offset = values[:split].min()',
        'scale = values[:split].max() - offset',
      ];
    case 'none':
      return ['# No scaling, as in the playground.', 'offset, scale = 0.0, 1.0'];
  }
}

function splitLines(shuffled: boolean, validationSplit: number, seed: number): string[] {
  if (!shuffled) {
    return [
      '# The chronological split: a window trains only if its target lies before the split,',
      '# so no training example has seen a step of the validation part.',
      'train = np.flatnonzero(targets_at < split)',
      'valid = np.flatnonzero(targets_at >= split)',
    ];
  }
  return [
    '# The shuffled split, as the playground was set: the windows whose target lies before the split',
    '# are shuffled and a random part of them validates, as rows of a table would.',
    '# This flatters the validation loss: a validation window overlaps training windows that saw the',
    '# same steps, so the model is judged on a past it has nearly seen. The windows after the split,',
    '# the "future", are held out to show how it really forecasts.',
    'past = np.flatnonzero(targets_at < split)',
    'future = np.flatnonzero(targets_at >= split)',
    `rng = np.random.default_rng(${seed})`,
    'order = rng.permutation(len(past))',
    `n_valid = min(len(past) - 1, max(1, int(np.floor(len(past) * ${num(validationSplit)} + 0.5))))`,
    '# NumPy draws other windows than the playground, the same number of them.',
    'train = np.sort(past[order[n_valid:]])',
    'valid = np.sort(past[order[:n_valid]])',
  ];
}

/** The whole script for a series; `data` says where the values are and how the playground windowed them. */
export function kerasSeriesScript(layers: readonly LayerSpec[], block: PlaygroundBlock, data: SeriesScriptData): string {
  const { config } = block;
  const es = config.earlyStopping;
  const shuffled = config.seriesSplit === 'shuffled';
  const split = seriesSplitRow(data.numRows, config.validationSplit);
  const held = data.numRows - split;
  const ahead = data.horizon === 1 ? 'the next step' : `the step ${data.horizon} steps after the window's last`;
  return [
    `# Exported from the neural-network playground: ${comment(block.dataset.label)}, a time series (${comment(data.file)}).`,
    `# Each example is a window of ${data.window} steps; the model predicts the value of ${ahead}.`,
    'import numpy as np',
    'import pandas as pd',
    'from tensorflow import keras',
    'from tensorflow.keras import layers, callbacks',
    '',
    ...(data.csv === null ? [] : [`# The series was generated in the playground and downloaded with this script as ${comment(data.file)}.`]),
    `df = pd.read_csv(${py(data.file)})`,
    '# float32, as the playground holds the values; the statistics below are taken in float64 as it takes them.',
    `values = df[${py(data.column)}].to_numpy(dtype="float32").astype("float64")`,
    `assert len(values) == ${data.numRows}, "the playground's series had ${data.numRows} steps"`,
    `window, horizon = ${data.window}, ${data.horizon}`,
    '',
    `# Time is never shuffled into the split: the first ${split} steps are the training part,`,
    `# the last ${held} (${Math.round(config.validationSplit * 100)} % of ${data.numRows}) the validation part.`,
    `split = ${split}`,
    ...scalingLines(config.scaling),
    '# A constant training part would divide by 0; the playground then divides by 1.',
    'if not scale > 1e-12:',
    '    scale = 1.0',
    'scaled = ((values - offset) / scale).astype("float32")',
    '',
    '# Example k is the window of steps k … k + window - 1; its target is the value at',
    '# step k + window - 1 + horizon. Keras wants the windows as (examples, steps, features).',
    'starts = np.arange(len(values) - window - horizon + 1)',
    'targets_at = starts + window - 1 + horizon',
    'X = np.stack([scaled[k:k + window] for k in starts])[:, :, np.newaxis]',
    'y = scaled[targets_at]',
    ...splitLines(shuffled, config.validationSplit, config.seed),
    'X_train, y_train = X[train], y[train]',
    'X_valid, y_valid = X[valid], y[valid]',
    'print("Training windows:", len(train), " validation windows:", len(valid))',
    '',
    'model = keras.Sequential([',
    ...layers.map((layer, i) => `    ${layerCode(layer, i === 0 ? [data.window, 1] : null)},`),
    '])',
    'model.compile(',
    `    optimizer=${optimizerCode[config.optimizer]!(config.learningRate)},`,
    `    loss=${py(losses[config.loss as keyof typeof losses].keras)},`,
    '    metrics=["mae"],',
    ')',
    'model.summary()',
    'print("Parameters:", model.count_params())',
    ...(es.enabled ? ['', `early_stopping = callbacks.EarlyStopping(${earlyStoppingArgs(es, block.task)})`] : []),
    '',
    '# Shuffling the order of the training windows in each epoch is fine: each window keeps its own steps in order.',
    'history = model.fit(',
    '    X_train, y_train,',
    '    validation_data=(X_valid, y_valid),',
    '    shuffle=True,',
    `    batch_size=${config.batchSize},`,
    `    epochs=${config.epochs},`,
    ...(es.enabled ? ['    callbacks=[early_stopping],'] : []),
    ')',
    '',
    'history_df = pd.DataFrame(history.history)',
    'history_df.loc[:, ["loss", "val_loss"]].plot()',
    '# The losses are in scaled units, as the playground shows them.',
    'print("Minimum validation loss: {:0.4f}".format(history_df["val_loss"].min()))',
    'print("Final validation loss: {:0.4f}".format(history_df["val_loss"].iloc[-1]))',
    '',
    '',
    'def mae_in_series_units(rows):',
    '    """The model\'s mean absolute error on the given windows, its predictions scaled back to the series\' units."""',
    '    predicted = model.predict(X[rows], verbose=0).reshape(len(rows), -1)[:, -1] * scale + offset',
    '    return np.abs(predicted - values[targets_at[rows]]).mean()',
    '',
    '',
    'def naive_mae(rows):',
    '    """The naive forecast\'s error: the value horizon steps on is taken to be the last one seen (step t - horizon)."""',
    '    t = targets_at[rows]',
    '    return np.abs(values[t] - values[t - horizon]).mean()',
    '',
    '',
    '# The bar to beat: a model worse than the naive forecast has learned nothing useful.',
    'print("Validation MAE in series units: model {:0.4f}, naive forecast {:0.4f}".format(mae_in_series_units(valid), naive_mae(valid)))',
    ...(shuffled
      ? [
          '# The honest test of a shuffled split: the future after the split, which no training window touched.',
          'print("Future MAE in series units: model {:0.4f}, naive forecast {:0.4f}".format(mae_in_series_units(future), naive_mae(future)))',
        ]
      : []),
    '',
  ].join('\n');
}
