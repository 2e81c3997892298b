import type { LayerSpec } from '../layers';
import { losses } from '../losses';
import { comment, earlyStoppingArgs, fitCode, layerCode, num, optimizerCode, py } from './kerasScript';
import { seriesSplitRow, type SeriesScriptData } from './kerasSeriesData';
import { readSavedModelCode, setSavedWeightsCode } from './kerasWeights';
import type { PlaygroundBlock } from './schema';

export { float32Text, seriesCsv, seriesScriptData, seriesSplitRow, uploadedSeriesCsv, uploadedSeriesFile } from './kerasSeriesData';
export type { SeriesScriptData, SeriesSource, SeriesTableFacts } from './kerasSeriesData';

/*
 * The Keras script of a time series: it reads the series, fills and scales
 * every input column with the training steps' statistics, cuts the rows into
 * windows and splits them as the playground does (data/series.ts), then
 * trains the same model and prints the validation error beside the naive
 * forecast's. The windowing and the split are written as plain NumPy so a
 * learner can read every step.
 */

type Scaling = PlaygroundBlock['config']['scaling'];

/** The rows' source in words, and the lines that read the input and target columns as float32. */
function readLines(data: SeriesScriptData): string[] {
  const saved =
    data.csv === null
      ? []
      : data.time === null
        ? [`# The series was generated in the playground and downloaded with this script as ${comment(data.file)}.`]
        : [
            `# ${comment(data.file)} was downloaded with this script: the rows of the uploaded file the playground kept`,
            '# (it drops a row missing the predicted value, or with "drop rows" missing an input), in the order of',
            `# their times in ${comment(JSON.stringify(data.time))} as the playground read and sorted them. Reading these rows`,
            '# rather than the uploaded file gives the very windows the model was trained on.',
          ];
  return [
    ...saved,
    `df = pd.read_csv(${py(data.file)})`,
    `assert len(df) == ${data.numRows}, "the playground's series had ${data.numRows} steps"`,
    '# The columns the model sees at each step, in the order of its input features, and the column it predicts.',
    `input_columns = [${data.inputs.map(py).join(', ')}]`,
    `target_column = ${py(data.target)}`,
    '# float32, as the playground holds the values; the statistics below are taken in float64 as it takes them.',
    'inputs = df[input_columns].to_numpy(dtype="float32").astype("float64")',
    'values = df[target_column].to_numpy(dtype="float32").astype("float64")',
  ];
}

/** Per input column: the statistics of the training steps (NaN-aware where a cell is missing), then the fill of missing cells. */
function inputScalingLines(scaling: Scaling, missing: boolean): string[] {
  const nan = missing ? 'nan' : '';
  // A column with no value in the training steps gets 0, as the playground gives it.
  const guard = (code: string): string => (missing ? `np.nan_to_num(${code})` : code);
  const stats: Record<Scaling, string[]> = {
    standard: [
      '# Standard scaling of each column: subtract its mean, divide by its standard deviation, both of the',
      '# training steps only, so nothing about the validation part leaks into training.',
      `offset = ${guard(`np.${nan}mean(inputs[:split], axis=0)`)}`,
      `scale = np.${nan}std(inputs[:split], axis=0)`,
    ],
    minmax: [
      '# Min-max scaling of each column to 0 … 1 with its smallest and largest value of the training steps only,',
      '# so nothing about the validation part leaks into training.',
      `offset = ${guard(`np.${nan}min(inputs[:split], axis=0)`)}`,
      `scale = np.${nan}max(inputs[:split], axis=0) - offset`,
    ],
    none: ['# No scaling, as in the playground.', 'offset = np.zeros(len(input_columns))', 'scale = np.ones(len(input_columns))'],
  };
  return [
    ...stats[scaling],
    '# A constant training column would divide by 0; the playground then divides by 1.',
    'scale = np.where(scale > 1e-12, scale, 1.0)',
    ...(missing
      ? [
          '# A missing cell is filled with its column\'s mean over the training steps (taken without the missing cells).',
          'fill = np.nan_to_num(np.nanmean(inputs[:split], axis=0))',
          'inputs = np.where(np.isnan(inputs), fill, inputs)',
        ]
      : []),
    'scaled = ((inputs - offset) / scale).astype("float32")',
  ];
}

/** The target's scale, as data/series.ts's targetScaling sets it. */
function targetScalingLines(data: SeriesScriptData, scaling: Scaling): string[] {
  const own = data.inputs.indexOf(data.target);
  if (own >= 0) {
    return [
      `# The series predicts its own column ${comment(JSON.stringify(data.target))}: the target is scaled with that column's statistics,`,
      '# so the last step the model sees and the value it predicts are on one scale.',
      `target_offset, target_scale = offset[${own}], scale[${own}]`,
    ];
  }
  const stats: Record<Scaling, string[]> = {
    standard: ['target_offset = values[:split].mean()', 'target_scale = values[:split].std()'],
    minmax: ['target_offset = values[:split].min()', 'target_scale = values[:split].max() - target_offset'],
    none: ['target_offset, target_scale = 0.0, 1.0'],
  };
  return [
    `# The predicted column ${comment(JSON.stringify(data.target))} is no input: its own scale is fitted on the training steps.`,
    ...stats[scaling],
    ...(scaling === 'none' ? [] : ['if not target_scale > 1e-12:', '    target_scale = 1.0']),
  ];
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
export function kerasSeriesScript(layers: readonly LayerSpec[], block: PlaygroundBlock, data: SeriesScriptData, weightsFile: string | null = null): string {
  const { config } = block;
  const es = config.earlyStopping;
  const shuffled = config.seriesSplit === 'shuffled';
  const split = seriesSplitRow(data.numRows, config.validationSplit);
  const held = data.numRows - split;
  const ahead = data.horizon === 1 ? 'the next step' : `the step ${data.horizon} steps after the window's last`;
  const columns = data.inputs.length;
  const what = columns === 1 && data.inputs[0] === data.target ? 'steps' : `steps of ${columns} column${columns === 1 ? '' : 's'}`;
  return [
    `# Exported from the neural-network playground: ${comment(block.dataset.label)}, a time series (${comment(data.file)}).`,
    `# Each example is a window of ${data.window} ${what}; the model predicts ${comment(JSON.stringify(data.target))} at ${ahead}.`,
    'import numpy as np',
    'import pandas as pd',
    'from tensorflow import keras',
    'from tensorflow.keras import layers, callbacks',
    '',
    ...(weightsFile ? [...readSavedModelCode(weightsFile, false), ''] : []),
    ...readLines(data),
    `window, horizon = ${data.window}, ${data.horizon}`,
    '',
    `# Time is never shuffled into the split: the first ${split} steps are the training part,`,
    `# the last ${held} (${Math.round(config.validationSplit * 100)} % of ${data.numRows}) the validation part.`,
    `split = ${split}`,
    ...inputScalingLines(config.scaling, data.missing),
    ...targetScalingLines(data, config.scaling),
    '',
    '# Example k is the window of steps k … k + window - 1 (every input column at each step); its target is',
    '# the predicted value at step k + window - 1 + horizon. Keras wants the windows as (examples, steps, columns).',
    'starts = np.arange(len(values) - window - horizon + 1)',
    'targets_at = starts + window - 1 + horizon',
    'X = np.stack([scaled[k:k + window] for k in starts])',
    'y = ((values[targets_at] - target_offset) / target_scale).astype("float32")',
    ...splitLines(shuffled, config.validationSplit, config.seed),
    'X_train, y_train = X[train], y[train]',
    'X_valid, y_valid = X[valid], y[valid]',
    'print("Training windows:", len(train), " validation windows:", len(valid))',
    '',
    'model = keras.Sequential([',
    ...layers.map((layer, i) => `    ${layerCode(layer, i === 0 ? [data.window, columns] : null)},`),
    '])',
    'model.compile(',
    `    optimizer=${optimizerCode[config.optimizer]!(config.learningRate)},`,
    `    loss=${py(losses[config.loss as keyof typeof losses].keras)},`,
    '    metrics=["mae"],',
    ')',
    'model.summary()',
    'print("Parameters:", model.count_params())',
    ...(weightsFile
      ? [
          '# The windows above are scaled exactly as the playground scaled them, so its weights fit them as they are.',
          ...setSavedWeightsCode(),
          'start_loss, start_mae = model.evaluate(X_valid, y_valid, verbose=0)',
          'print("Starting from the playground\'s weights: validation loss {:0.4f}, validation mae {:0.4f}".format(start_loss, start_mae))',
        ]
      : []),
    ...(es.enabled ? ['', `early_stopping = callbacks.EarlyStopping(${earlyStoppingArgs(es, block.task)})`] : []),
    '',
    '# Shuffling the order of the training windows in each epoch is fine: each window keeps its own steps in order.',
    ...fitCode(config, ['    shuffle=True,']),
    '# The losses are in scaled units, as the playground shows them.',
    'print("Minimum validation loss: {:0.4f}".format(history_df["val_loss"].min()))',
    'print("Final validation loss: {:0.4f}".format(history_df["val_loss"].iloc[-1]))',
    '',
    '',
    'def mae_in_series_units(rows):',
    '    """The model\'s mean absolute error on the given windows, its predictions scaled back to the series\' units."""',
    '    predicted = model.predict(X[rows], verbose=0).reshape(len(rows), -1)[:, -1] * target_scale + target_offset',
    '    return np.abs(predicted - values[targets_at[rows]]).mean()',
    '',
    '',
    'def naive_mae(rows):',
    '    """The naive forecast\'s error: the predicted value is taken to be the one horizon steps before it (step t - horizon)."""',
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
