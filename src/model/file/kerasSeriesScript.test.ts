import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareSeries, splitSeries } from '../../data/series';
import { generateSeries, parseSeriesCsv } from '../../data/seriesSources';
import type { LayerSpec } from '../layers';
import { kerasScript } from './kerasScript';
import { seriesCsv, seriesScriptData, seriesSplitRow } from './kerasSeriesScript';
import type { PlaygroundBlock } from './schema';

const sunspots = parseSeriesCsv(readFileSync('public/datasets/sunspots_yearly.csv', 'utf8'), { window: 20, horizon: 1 });
const layers: LayerSpec[] = [
  { id: 'a', kind: 'lstm', units: 32, activation: 'tanh', returnSequences: false },
  { id: 'b', kind: 'dense', units: 1, activation: 'linear' },
];

function block(config: Partial<PlaygroundBlock['config']> = {}): PlaygroundBlock {
  return {
    version: 1,
    dataset: { id: 'sunspots', label: 'Sunspots' },
    task: { kind: 'regression' },
    target: 'sunspots',
    features: ['sunspots'],
    inputShape: [20, 1],
    encodings: [],
    classNames: null,
    scaler: { kind: 'standard', offset: [0], scale: [1], fill: [0] },
    config: {
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 32,
      epochs: 50,
      loss: 'mae',
      validationSplit: 0.2,
      scaling: 'standard',
      seed: 42,
      earlyStopping: { enabled: true, patience: 10, minDelta: 0, restoreBestWeights: true },
      ...config,
    },
    history: [],
  };
}

/** The Python parser's view of the script: it must be valid Python, and these are its top-level assignments. */
function assignments(code: string): Record<string, string> {
  const out = execFileSync(
    'python3',
    [
      '-c',
      [
        'import ast, json, sys',
        'tree = ast.parse(sys.stdin.read())',
        'found = {}',
        'for node in tree.body:',
        '    if isinstance(node, ast.Assign):',
        '        for target in node.targets:',
        '            found[ast.unparse(target)] = ast.unparse(node.value)',
        'print(json.dumps(found))',
      ].join('\n'),
    ],
    { input: code },
  );
  return JSON.parse(out.toString()) as Record<string, string>;
}

describe('the Keras script of a time series', () => {
  const data = seriesScriptData({ file: 'sunspots_yearly.csv' }, sunspots);
  const script = kerasScript(layers, block(), data);

  it('reads the shipped file and its value column, with the window, horizon and split the playground used', () => {
    expect(data).toEqual({
      kind: 'series',
      file: 'sunspots_yearly.csv',
      inputs: ['sunspots'],
      target: 'sunspots',
      time: 'year',
      numRows: 309,
      window: 20,
      horizon: 1,
      missing: false,
      csv: null,
    });
    const found = assignments(script);
    expect(found['df']).toBe("pd.read_csv('sunspots_yearly.csv')");
    expect(found['input_columns']).toBe("['sunspots']");
    expect(found['target_column']).toBe("'sunspots'");
    expect(found['inputs']).toBe("df[input_columns].to_numpy(dtype='float32').astype('float64')");
    expect(found['values']).toBe("df[target_column].to_numpy(dtype='float32').astype('float64')");
    expect(found['(window, horizon)']).toBe('(20, 1)');
    // 62 of the 309 steps (20 %) are held out: the playground's own split row.
    const { split } = splitSeries(309, { window: 20, horizon: 1 }, 0.2);
    expect(split).toBe(247);
    expect(found['split']).toBe(String(split));
    expect(script).toContain('assert len(df) == 309');
    expect(script).toContain('layers.LSTM(units=32, activation="tanh", recurrent_activation="sigmoid", return_sequences=False, input_shape=[20, 1])');
  });

  it('scales with the training steps only, cuts windows and splits them chronologically', () => {
    const found = assignments(script);
    expect(found['offset']).toBe('np.mean(inputs[:split], axis=0)');
    expect(found['scale']).toBe('np.where(scale > 1e-12, scale, 1.0)');
    expect(script).toContain('scale = np.std(inputs[:split], axis=0)');
    // The series predicts itself: the target takes its column's own statistics, as targetScaling in data/series.ts.
    expect(found['(target_offset, target_scale)']).toBe('(offset[0], scale[0])');
    expect(script).not.toContain('fill');
    expect(found['targets_at']).toBe('starts + window - 1 + horizon');
    expect(found['train']).toBe('np.flatnonzero(targets_at < split)');
    expect(found['valid']).toBe('np.flatnonzero(targets_at >= split)');
    expect(script).not.toContain('future');
  });

  it('trains as the tabular script does and prints the losses beside the naive forecast', () => {
    expect(script).toContain('early_stopping = callbacks.EarlyStopping(monitor="val_loss", mode="auto", min_delta=0, patience=10, restore_best_weights=True, baseline=None)');
    expect(script).toMatch(/validation_data=\(X_valid, y_valid\),\n {4}shuffle=True,\n {4}batch_size=32,\n {4}epochs=50,\n {4}callbacks=\[early_stopping\],/);
    expect(script).toContain('loss="mae"');
    expect(script).toContain('print("Minimum validation loss: {:0.4f}".format(history_df["val_loss"].min()))');
    expect(script).toContain('return np.abs(values[t] - values[t - horizon]).mean()');
    expect(script).toContain('format(mae_in_series_units(valid), naive_mae(valid))');
    expect(script).not.toContain('SystemExit');
  });

  it('writes min-max and no scaling as the playground fits them', () => {
    const minmax = assignments(kerasScript(layers, block({ scaling: 'minmax' }), data));
    expect(minmax['offset']).toBe('np.min(inputs[:split], axis=0)');
    expect(kerasScript(layers, block({ scaling: 'minmax' }), data)).toContain('scale = np.max(inputs[:split], axis=0) - offset');
    const none = assignments(kerasScript(layers, block({ scaling: 'none' }), data));
    expect(none['offset']).toBe('np.zeros(len(input_columns))');
    expect(none['scale']).toBe('np.where(scale > 1e-12, scale, 1.0)');
    expect(none['(target_offset, target_scale)']).toBe('(offset[0], scale[0])');
  });

  it('for a shuffled split, shuffles the windows before the split with the seed and reports the held-out future', () => {
    const shuffled = kerasScript(layers, block({ seriesSplit: 'shuffled', seed: 7, validationSplit: 0.25 }), data);
    const found = assignments(shuffled);
    expect(found['rng']).toBe('np.random.default_rng(7)');
    expect(found['n_valid']).toBe('min(len(past) - 1, max(1, int(np.floor(len(past) * 0.25 + 0.5))))');
    expect(found['split']).toBe(String(splitSeries(309, { window: 20, horizon: 1 }, 0.25).split));
    expect(shuffled).toContain('# This flatters the validation loss');
    expect(shuffled).toContain('format(mae_in_series_units(future), naive_mae(future))');
    // As many validation windows as the playground draws.
    const prepared = prepareSeries({ ...sunspots }, 0.25, 'standard', { mode: 'shuffled', seed: 7 });
    const past = splitSeries(309, { window: 20, horizon: 1 }, 0.25).trainStarts.length;
    expect(Math.min(past - 1, Math.max(1, Math.floor(past * 0.25 + 0.5)))).toBe(prepared.numVal);
  });

  it('a longer horizon is written and said in words', () => {
    const ahead = seriesScriptData({ file: 'co2_monthly.csv' }, { ...sunspots, series: { ...sunspots.series!, window: 12, horizon: 6 } });
    const code = kerasScript(layers, { ...block(), inputShape: [12, 1] }, ahead);
    expect(assignments(code)['(window, horizon)']).toBe('(12, 6)');
    expect(code).toContain('the model predicts "sunspots" at the step 6 steps after the window\'s last.');
    expect(code).toContain('input_shape=[12, 1]');
  });
});

describe('a generated series goes with its script', () => {
  const table = generateSeries('noisySine', { length: 120, noise: 0.1, seed: 3 }, { window: 10, horizon: 2 });
  const data = seriesScriptData({ generated: 'sine' }, table);

  it('as a CSV beside it that reads back to the same float32 values', () => {
    expect(data.file).toBe('sine.csv');
    expect(data.csv).toBe(seriesCsv('value', table.targets));
    const read = parseSeriesCsv(data.csv!);
    expect(read.featureNames).toEqual(['value']);
    expect(Array.from(read.targets)).toEqual(Array.from(table.targets));
    const code = kerasScript(layers, { ...block(), inputShape: [10, 1], dataset: { id: 'sine', label: 'Noisy sine' } }, data);
    const found = assignments(code);
    expect(found['df']).toBe("pd.read_csv('sine.csv')");
    expect(found['split']).toBe(String(seriesSplitRow(120, 0.2)));
    expect(code).toContain('downloaded with this script as sine.csv');
  });

  it('splits where data/series.ts splits, for any length and fraction', () => {
    for (const numRows of [3, 10, 57, 309, 733]) {
      for (const fraction of [0.05, 0.1, 0.2, 0.25, 0.5, 0.9]) {
        expect(seriesSplitRow(numRows, fraction)).toBe(splitSeries(numRows, { window: 1, horizon: 1 }, fraction).split);
      }
    }
  });
});
