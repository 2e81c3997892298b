import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ColumnPlan } from '../../data/buildTable';
import { describeColumns } from '../../data/columns';
import { parseCsvText } from '../../data/csvParse';
import { prepareData } from '../../data/prepare';
import { prepareSeries, splitSeries } from '../../data/series';
import { generateSeries, parseSeriesCsv } from '../../data/seriesSources';
import type { SeriesWindow, Table } from '../../data/table';
import { detectTimeColumns } from '../../data/timeColumn';
import { buildCustomTable, planUpload, planWithTime, type CustomData } from '../../state/customData';
import { exportMetaFor } from '../../state/exportMeta';
import type { LayerSpec } from '../layers';
import { kerasScript } from './kerasScript';
import { seriesCsv, seriesScriptData, seriesSplitRow, type SeriesScriptData } from './kerasSeriesScript';
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

/** An upload built as the app builds it: planned as a fresh upload, read as a series ordered by "date", then the plan changed as the person would. */
function uploaded(fileName: string, text: string, change: (plan: ColumnPlan) => ColumnPlan, window: SeriesWindow): { custom: CustomData; table: Table } {
  const parsed = parseCsvText(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const columns = describeColumns(parsed.raw);
  const planned = planUpload(fileName, parsed.raw, columns, detectTimeColumns(parsed.raw, columns));
  if (!planned.ok) throw new Error(planned.message);
  const custom: CustomData = { ...planned.custom, plan: change(planWithTime(planned.custom, 'date')) };
  const built = buildCustomTable(custom, window);
  if ('error' in built) throw new Error(built.error);
  return { custom, table: built.table };
}

const salesText = readFileSync('e2e/fixtures/monthly-sales.csv', 'utf8');
const leaveOut = (...names: string[]) => (plan: ColumnPlan): ColumnPlan => ({ ...plan, ignored: [...plan.ignored, ...names] });
const salesBlock = (table: Table, config: Partial<PlaygroundBlock['config']> = {}): PlaygroundBlock => ({
  ...block(config),
  dataset: { id: 'custom', label: 'monthly-sales.csv' },
  target: table.targetName,
  features: table.featureNames,
  inputShape: [table.series!.window, table.featureNames.length],
});

describe('an uploaded CSV read as a series goes with its script', () => {
  // Two inputs; the predicted "sales" is left out of them.
  const { custom, table } = uploaded('monthly-sales.csv', salesText, leaveOut('sales'), { window: 12, horizon: 2 });
  const data = seriesScriptData({ uploaded: custom.fileName }, table);
  const script = kerasScript(layers, salesBlock(table), data);

  it('names its input columns in feature order, the target, the window, horizon and split the playground used', () => {
    expect(table.featureNames).toEqual(['temperature', 'visitors']);
    expect(data).toMatchObject({ kind: 'series', file: 'monthly-sales_series.csv', inputs: ['temperature', 'visitors'], target: 'sales', time: 'date' });
    expect(data).toMatchObject({ numRows: 72, window: 12, horizon: 2, missing: false });
    const found = assignments(script);
    expect(found['df']).toBe("pd.read_csv('monthly-sales_series.csv')");
    expect(found['input_columns']).toBe("['temperature', 'visitors']");
    expect(found['target_column']).toBe("'sales'");
    expect(found['(window, horizon)']).toBe('(12, 2)');
    expect(found['split']).toBe(String(splitSeries(72, { window: 12, horizon: 2 }, 0.2).split));
    expect(script).toContain('input_shape=[12, 2])');
    expect(script).toContain('downloaded with this script');
  });

  it('scales the target, no input, with its own statistics of the training steps, as targetScaling does', () => {
    const found = assignments(script);
    expect(found['target_offset']).toBe('values[:split].mean()');
    expect(found['target_scale']).toBe('values[:split].std()');
    expect(found['y']).toBe("((values[targets_at] - target_offset) / target_scale).astype('float32')");
    expect(script).toContain('return np.abs(values[t] - values[t - horizon]).mean()');
    const minmax = assignments(kerasScript(layers, salesBlock(table, { scaling: 'minmax' }), data));
    expect(minmax['target_scale']).toBe('values[:split].max() - target_offset');
  });

  it('saves the rows in time order, as the file wrote them, and they build back to the same table', () => {
    // The fixture has March and April swapped; ISO dates sort as text in time order. Numbers as written (20.0 saved as 20).
    const numbers = (line: string): string => line.split(',').map((cell, i) => (i === 0 ? cell : String(Number(cell)))).join(',');
    const [header, ...file] = salesText.trim().split('\n');
    const rows = file.map(numbers);
    const [savedHeader, ...saved] = data.csv!.trim().split('\n');
    expect(savedHeader).toBe(header);
    expect(saved).toEqual([...rows].sort());
    expect(saved).not.toEqual(rows);
    const again = uploaded('again.csv', data.csv!, leaveOut('sales'), { window: 12, horizon: 2 }).table;
    expect(Array.from(again.features)).toEqual(Array.from(table.features));
    expect(Array.from(again.targets)).toEqual(Array.from(table.targets));
    expect(again.series!.times).toEqual(table.series!.times);
  });

  it('takes the target column\'s own statistics when the target is one of the inputs, and writes it once', () => {
    const own = uploaded('monthly-sales.csv', salesText, leaveOut('temperature'), { window: 6, horizon: 1 }).table;
    const ownData = seriesScriptData({ uploaded: 'monthly-sales.csv' }, own);
    expect(ownData.inputs).toEqual(['visitors', 'sales']);
    const found = assignments(kerasScript(layers, salesBlock(own), ownData));
    expect(found['input_columns']).toBe("['visitors', 'sales']");
    expect(found['(target_offset, target_scale)']).toBe('(offset[1], scale[1])');
    expect(ownData.csv!.split('\n')[0]).toBe('date,visitors,sales');
  });

  it('fills a missing input with its training mean, as the scaler fills it, leaving the saved cell empty', () => {
    const holed = salesText.replace('2015-02-01,3.9,365,104.1', '2015-02-01,3.9,NA,104.1');
    const filled = uploaded('holed.csv', holed, (plan) => ({ ...leaveOut('sales')(plan), missing: 'mean' }), { window: 12, horizon: 2 }).table;
    const holedData = seriesScriptData({ uploaded: 'holed.csv' }, filled);
    expect(holedData.missing).toBe(true);
    expect(holedData.csv).toContain('\n2015-02-01,3.9,,104.1\n');
    const found = assignments(kerasScript(layers, salesBlock(filled), holedData));
    expect(found['fill']).toBe('np.nan_to_num(np.nanmean(inputs[:split], axis=0))');
    expect(found['inputs']).toBe('np.where(np.isnan(inputs), fill, inputs)');
    expect(found['offset']).toBe('np.nan_to_num(np.nanmean(inputs[:split], axis=0))');
  });

  it('is the script data the export of an uploaded series gets; an uploaded table still gets the tabular one', () => {
    const prepared = prepareData(table, 0.2, 42, 'standard');
    expect(exportMetaFor('custom', table, prepared, custom).script).toEqual(data);
    const tabular = uploaded('monthly-sales.csv', salesText, (plan) => plan, { window: 12, horizon: 2 });
    const rows = buildCustomTable({ ...tabular.custom, plan: planWithTime(tabular.custom, null) });
    if ('error' in rows) throw new Error(rows.error);
    const meta = exportMetaFor('custom', rows.table, prepareData(rows.table, 0.2, 42, 'standard'), tabular.custom);
    expect(meta.script.kind).toBe('csv');
  });
});

/** A Python with NumPy and pandas ($KERAS_PYTHON, a python or a virtual environment's folder, else python3), or null. */
function dataPython(): string | null {
  const given = process.env.KERAS_PYTHON;
  const python = given ? (existsSync(given) && statSync(given).isDirectory() ? join(given, 'bin', 'python') : given) : 'python3';
  return spawnSync(python, ['-c', 'import numpy, pandas'], { encoding: 'utf8' }).status === 0 ? python : null;
}

const python = dataPython();
if (!python) console.info('Skipping the run of the series scripts\' data part: no Python with NumPy and pandas (set KERAS_PYTHON to one).');

describe.skipIf(!python)('the data part of an uploaded series\' script, run in Python', () => {
  /** Runs the script up to the model (TensorFlow not needed) beside its CSV and reads back its arrays. */
  function runDataPart(script: string, data: SeriesScriptData): Record<string, number[]> {
    const part = script.slice(0, script.indexOf('model = keras.Sequential(')).replace(/^from tensorflow.*$/gm, '');
    const dump = 'import json\nprint(json.dumps({k: np.asarray(v, dtype="float64").ravel().tolist() for k, v in dict(X_train=X_train, y_train=y_train, X_valid=X_valid, y_valid=y_valid).items()}))\n';
    const work = mkdtempSync(join(tmpdir(), 'series-script-'));
    try {
      writeFileSync(join(work, data.file), data.csv ?? readFileSync(`public/datasets/${data.file}`, 'utf8'));
      const run = spawnSync(python!, ['-c', `${part}\n${dump}`], { cwd: work, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(run.stderr);
      return JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, number[]>;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  const near = (actual: number[], expected: Float32Array) => {
    expect(actual.length).toBe(expected.length);
    expect(Math.max(0, ...actual.map((v, i) => Math.abs(v - expected[i]!)))).toBeLessThan(1e-5);
  };

  const holed = salesText.replace('2015-02-01,3.9,365,104.1', '2015-02-01,3.9,,104.1');
  const cases: { name: string; text: string; change: (plan: ColumnPlan) => ColumnPlan; scaling: 'standard' | 'minmax' | 'none' }[] = [
    { name: 'two inputs, the target not among them', text: salesText, change: leaveOut('sales'), scaling: 'standard' },
    { name: 'the target among the inputs, min-max', text: salesText, change: leaveOut('temperature'), scaling: 'minmax' },
    { name: 'a missing input filled, no scaling', text: holed, change: (plan) => ({ ...leaveOut('sales')(plan), missing: 'mean' }), scaling: 'none' },
    { name: 'a missing input filled, standard', text: holed, change: (plan) => ({ ...plan, missing: 'mean' }), scaling: 'standard' },
  ];
  it("gives the playground's windows for a shipped series predicting itself", () => {
    const data = seriesScriptData({ file: 'sunspots_yearly.csv' }, sunspots);
    const prepared = prepareSeries(sunspots, 0.2, 'standard');
    const arrays = runDataPart(kerasScript(layers, block(), data), data);
    near(arrays['X_train']!, prepared.xTrain);
    near(arrays['y_valid']!, prepared.yVal);
  });

  for (const c of cases) {
    it(`gives the playground's windows: ${c.name}`, () => {
      const { table } = uploaded('monthly-sales.csv', c.text, c.change, { window: 6, horizon: 2 });
      const data = seriesScriptData({ uploaded: 'monthly-sales.csv' }, table);
      const prepared = prepareSeries(table, 0.2, c.scaling);
      const arrays = runDataPart(kerasScript(layers, salesBlock(table, { scaling: c.scaling }), data), data);
      near(arrays['X_train']!, prepared.xTrain);
      near(arrays['y_train']!, prepared.yTrain);
      near(arrays['X_valid']!, prepared.xVal);
      near(arrays['y_valid']!, prepared.yVal);
    });
  }
});
