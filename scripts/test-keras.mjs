#!/usr/bin/env node
/*
 * npm run test:keras — an optional check that exported Keras scripts (of a
 * recurrent model, a table, images, a regularized model, and scripts that
 * start from the trained weights) run in real Keras and agree with the playground.
 *
 * It needs a Python with tensorflow, pandas and matplotlib: $KERAS_PYTHON (a
 * python executable or a virtual environment's folder), else `python3`.
 * Without one it says so and exits 0, so machines without TensorFlow skip it.
 *
 * With one it runs the two series cases below, then cases 3 to 6 of
 * kerasTableCases.mjs (concrete, the CNN lesson on digits, a network with L2
 * penalties and BatchNormalization on breast cancer, and each of the three
 * started from its trained weights; their checks are listed there).
 * Each series case exports a script, runs it beside its CSV
 * in a temporary folder, and compares with what the playground's own code
 * computes in Node:
 *   1. Sunspots, Window 20, LSTM(32) → Dense(1) (the playground's default
 *      experiment for it, with fewer epochs), the shipped CSV beside it;
 *   2. the upload e2e/fixtures/monthly-sales.csv read as a series ordered by
 *      its "date" column (its rows are not in time order in the file), two
 *      inputs (temperature, visitors) predicting sales, which is no input,
 *      Window 12, the model an uploaded series starts with; the script data
 *      is the export's own (exportMetaFor), so the CSV of ordered rows it
 *      saves beside the script is what the script reads.
 * The checks:
 *   - the parameter count: exactly the summary's;
 *   - the number of training and validation windows: exactly prepareSeries's;
 *   - the naive forecast's validation MAE: equal to 4 decimals (same rows, same split);
 *   - case 2: the training and validation windows and targets the script
 *     built (dumped by lines appended to it) against prepareSeries's arrays,
 *     value by value (within 1e-5: float32 of sums taken in another order);
 *   - case 1: the final val_loss against the playground training the same
 *     config on tfjs's CPU backend: within a factor of 2 either way. The two
 *     start from different random weights (TensorFlow's generator is not the
 *     playground's), shuffle the batches differently and sum in another
 *     order, so after a few epochs their losses differ by tens of percent; a
 *     mistake in the data (unscaled values, another split, a shifted target)
 *     moves the loss by far more. (Case 2's 40-odd windows make that ratio
 *     too noisy to check; its arrays are checked directly instead.)
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRatio, createChecks, findPython, scriptRunner } from './kerasHarness.mjs';
import { runTableCases } from './kerasTableCases.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const EPOCHS = Number(process.env.KERAS_EPOCHS ?? 8);
const TOLERANCE = 2;

const found = findPython();
if (!found.python) {
  console.log(`test:keras skipped: no Python with tensorflow, pandas and matplotlib (${found.tried.join('; ')}).`);
  console.log('Set KERAS_PYTHON to one (for example a virtual environment with `pip install tensorflow-cpu pandas matplotlib`) to run it.');
  process.exit(0);
}
console.log(`test:keras: ${found.python}, TensorFlow ${found.version}, ${EPOCHS} epochs`);

// The playground's TypeScript, loaded through Vite as the tests load it.
const { createServer } = await import('vite');
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
const load = (path) => server.ssrLoadModule(path);

const { check, failures } = createChecks();
const work = mkdtempSync(join(tmpdir(), 'test-keras-'));
const runScript = scriptRunner(found.python, work);

/** The playground block an export writes for a run of `config` on `table`. */
const blockFor = (dataset, table, prepared, config) => ({
  version: 1,
  dataset,
  task: table.task,
  target: table.targetName,
  features: table.featureNames,
  inputShape: prepared.inputShape,
  encodings: [],
  classNames: null,
  scaler: prepared.scaler,
  config,
  history: [],
});

try {
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  await tf.ready();
  const { parseSeriesCsv } = await load('/src/data/seriesSources.ts');
  const { naiveForecastMae } = await load('/src/data/series.ts');
  const { prepareData } = await load('/src/data/prepare.ts');
  const { parseCsvText } = await load('/src/data/csvParse.ts');
  const { describeColumns } = await load('/src/data/columns.ts');
  const { detectTimeColumns } = await load('/src/data/timeColumn.ts');
  const { defaultExperiment } = await load('/src/state/defaults.ts');
  const { buildCustomTable, customSeriesExperiment, planUpload, planWithTime } = await load('/src/state/customData.ts');
  const { exportMetaFor } = await load('/src/state/exportMeta.ts');
  const { kerasScript } = await load('/src/model/file/kerasScript.ts');
  const { buildModelFile } = await load('/src/model/file/modelFile.ts');
  const { seriesScriptData } = await load('/src/model/file/kerasSeriesScript.ts');
  const { summarize } = await load('/src/model/summary.ts');
  const { runTraining } = await load('/src/engine/trainer.ts');
  const { RunControl } = await load('/src/engine/runControl.ts');

  /** The checks every case makes: parameters, windows, the naive forecast. */
  const checkCommon = (label, { number }, table, prepared, layers, config) => {
    const [params] = number(/^Parameters: (\d+)$/m);
    const [trainWindows, validWindows] = number(/^Training windows: (\d+)\s+validation windows: (\d+)$/m);
    const [, naive] = number(/^Validation MAE in series units: model ([\d.]+), naive forecast ([\d.]+)$/m);
    const summary = summarize(prepared.inputShape, layers);
    check(params === summary.totalParams, `${label} parameters: Keras ${params}, playground summary ${summary.totalParams}`);
    check(
      trainWindows === prepared.numTrain && validWindows === prepared.numVal,
      `${label} windows: Keras ${trainWindows} training / ${validWindows} validation, playground ${prepared.numTrain} / ${prepared.numVal}`,
    );
    const naivePlayground = naiveForecastMae(table, config.validationSplit, config.scaling).mae;
    check(Math.abs(naive - naivePlayground) < 5e-5, `${label} naive forecast validation MAE: Keras ${naive.toFixed(4)}, playground ${naivePlayground.toFixed(4)}`);
  };

  // Case 1: a shipped series predicting itself.
  {
    const file = 'sunspots_yearly.csv';
    const table = parseSeriesCsv(readFileSync(join(root, 'public', 'datasets', file), 'utf8'), { window: 20, horizon: 1 });
    const experiment = defaultExperiment('sunspots');
    const config = { ...experiment.config, epochs: EPOCHS };
    const layers = experiment.layers;
    const prepared = prepareData(table, config.validationSplit, config.seed, config.scaling, config.seriesSplit ?? 'chronological');
    const block = blockFor({ id: 'sunspots', label: 'Sunspots' }, table, prepared, config);
    writeFileSync(join(work, 'sunspots_model.py'), kerasScript(layers, block, seriesScriptData({ file }, table)));
    copyFileSync(join(root, 'public', 'datasets', file), join(work, file));

    console.log(`Sunspots: running the exported script (${layers.map((layer) => layer.kind).join(' → ')}) in Keras…`);
    const run = runScript('sunspots_model.py');
    checkCommon('sunspots', run, table, prepared, layers, config);
    const [kerasFinal] = run.number(/^Final validation loss: ([\d.]+)$/m);

    console.log(`Sunspots: training the same config in Node on tfjs's CPU backend…`);
    const history = [];
    const data = { ...prepared, grid: null };
    const trained = await runTraining({ layers, task: table.task, config, data }, new RunControl(), { onEpoch: (record) => history.push(record) });
    const finalValLoss = history[history.length - 1].valLoss;
    checkRatio(check, 'sunspots', history.length, kerasFinal, finalValLoss, TOLERANCE);

    // From the trained weights: the script's windows are the playground's, scaled alike, so Keras starts at its final val_loss.
    writeFileSync(join(work, 'sunspots_model.json'), buildModelFile(trained.model, block));
    writeFileSync(join(work, 'sunspots_from_weights.py'), kerasScript(layers, { ...block, config: { ...config, epochs: 1 } }, seriesScriptData({ file }, table), { weightsFile: 'sunspots_model.json' }));
    console.log('Sunspots: running the script that starts from the playground\'s weights (sunspots_from_weights.py, sunspots_model.json)…');
    const [startLoss] = runScript('sunspots_from_weights.py').number(/^Starting from the playground's weights: validation loss ([\d.]+), /m);
    check(
      Math.abs(startLoss - finalValLoss) <= Math.max(2e-4, 1e-4 * finalValLoss),
      `sunspots from the weights: Keras starts at validation loss ${startLoss.toFixed(4)}, the playground's final val_loss ${finalValLoss.toFixed(4)}`,
    );
  }

  // Case 2: an uploaded CSV read as a series, as the app builds it.
  {
    const fileName = 'monthly-sales.csv';
    const parsed = parseCsvText(readFileSync(join(root, 'e2e', 'fixtures', fileName), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const columns = describeColumns(parsed.raw);
    const planned = planUpload(fileName, parsed.raw, columns, detectTimeColumns(parsed.raw, columns));
    if (!planned.ok) throw new Error(planned.message);
    const byTime = planWithTime(planned.custom, 'date');
    const custom = { ...planned.custom, plan: { ...byTime, ignored: [...byTime.ignored, 'sales'] } };
    const window = { window: 12, horizon: 1 };
    const built = buildCustomTable(custom, window);
    if ('error' in built) throw new Error(built.error);
    const table = built.table;
    check(
      table.featureNames.join(',') === 'temperature,visitors' && table.targetName === 'sales' && built.report.timeOrder?.reordered === true,
      `upload: inputs ${table.featureNames.join(', ')} predicting ${table.targetName}, rows sorted by time: ${built.report.timeOrder?.reordered}`,
    );
    const experiment = customSeriesExperiment(parsed.raw.rows.length, window);
    const config = { ...experiment.config, epochs: EPOCHS };
    const layers = experiment.layers;
    const prepared = prepareData(table, config.validationSplit, config.seed, config.scaling, config.seriesSplit ?? 'chronological');
    const data = exportMetaFor('custom', table, prepared, custom).script;
    if (data.kind !== 'series' || data.csv === null) throw new Error(`an uploaded series exports ${data.kind} script data, not a series with its rows`);
    const block = blockFor({ id: 'custom', label: fileName }, table, prepared, config);
    // Lines appended to the exported script dump the arrays it trained on, to compare with the playground's.
    const dump = [
      '',
      'import json',
      'with open("arrays.json", "w") as arrays_file:',
      '    json.dump({name: np.asarray(a, dtype="float64").ravel().tolist() for name, a in',
      '               dict(X_train=X_train, y_train=y_train, X_valid=X_valid, y_valid=y_valid).items()}, arrays_file)',
      '',
    ].join('\n');
    writeFileSync(join(work, 'upload_model.py'), kerasScript(layers, block, data) + dump);
    writeFileSync(join(work, data.file), data.csv);

    console.log(`Upload: running the exported script (${layers.map((layer) => layer.kind).join(' → ')}) in Keras…`);
    const run = runScript('upload_model.py');
    checkCommon('upload', run, table, prepared, layers, config);
    const arrays = JSON.parse(readFileSync(join(work, 'arrays.json'), 'utf8'));
    for (const [name, expected] of [
      ['X_train', prepared.xTrain],
      ['y_train', prepared.yTrain],
      ['X_valid', prepared.xVal],
      ['y_valid', prepared.yVal],
    ]) {
      const actual = arrays[name];
      const worst = actual.length === expected.length ? Math.max(0, ...actual.map((v, i) => Math.abs(v - expected[i]))) : Number.POSITIVE_INFINITY;
      check(worst < 1e-5, `upload ${name}: ${actual.length} values in Keras, ${expected.length} in the playground, largest difference ${worst.toExponential(1)}`);
    }
  }

  // Cases 3 to 6: a table, images and a regularized model, and each started from its trained weights (kerasTableCases.mjs).
  await runTableCases({ load, check, runScript, checkRatio, work, root, epochs: EPOCHS, tolerance: TOLERANCE });
} catch (error) {
  check(false, error instanceof Error ? error.message : String(error));
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(failures() === 0 ? 'test:keras passed' : `test:keras: ${failures()} check(s) failed`);
process.exit(failures() === 0 ? 0 : 1);
