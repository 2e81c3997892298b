#!/usr/bin/env node
/*
 * npm run test:keras — an optional check that the exported Keras script of
 * a recurrent model runs in real Keras and agrees with the playground.
 *
 * It needs a Python with tensorflow, pandas and matplotlib: $KERAS_PYTHON (a
 * python executable or a virtual environment's folder), else `python3`.
 * Without one it says so and exits 0, so machines without TensorFlow skip it.
 *
 * With one it exports the script for Sunspots, Window 20, LSTM(32) → Dense(1)
 * (the playground's default experiment for it, with fewer epochs), runs it
 * beside a copy of the CSV in a temporary folder, and compares with what the
 * playground's own code computes in Node:
 *   - the parameter count: exactly the summary's;
 *   - the number of training and validation windows: exactly prepareSeries's;
 *   - the naive forecast's validation MAE: equal to 4 decimals (same rows, same split);
 *   - the final val_loss against the playground training the same config on
 *     tfjs's CPU backend: within a factor of 2 either way. The two start from
 *     different random weights (TensorFlow's generator is not the playground's),
 *     shuffle the batches differently and sum in another order, so after a few
 *     epochs their losses differ by tens of percent; a mistake in the data
 *     (unscaled values, another split, a shifted target) moves the loss by far more.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const EPOCHS = Number(process.env.KERAS_EPOCHS ?? 8);
const TOLERANCE = 2;

/** The Python to run the script with, or null (with why) when none has what it needs. */
function findPython() {
  const given = process.env.KERAS_PYTHON;
  const candidates = given ? [existsSync(given) && statSync(given).isDirectory() ? join(given, 'bin', 'python') : given] : ['python3'];
  const tried = [];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import tensorflow, pandas, matplotlib; print(tensorflow.__version__)'], {
      encoding: 'utf8',
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' },
    });
    if (probe.status === 0) return { python, version: probe.stdout.trim().split('\n').pop() };
    const reason = probe.error ? probe.error.message : (probe.stderr.trim().split('\n').pop() ?? `exit ${probe.status}`);
    tried.push(`${python}: ${reason}`);
  }
  return { python: null, tried };
}

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

let failures = 0;
const check = (ok, message) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures += 1;
};

const work = mkdtempSync(join(tmpdir(), 'test-keras-'));
try {
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  await tf.ready();
  const { parseSeriesCsv } = await load('/src/data/seriesSources.ts');
  const { naiveForecastMae } = await load('/src/data/series.ts');
  const { prepareData } = await load('/src/data/prepare.ts');
  const { defaultExperiment } = await load('/src/state/defaults.ts');
  const { kerasScript } = await load('/src/model/file/kerasScript.ts');
  const { seriesScriptData } = await load('/src/model/file/kerasSeriesScript.ts');
  const { summarize } = await load('/src/model/summary.ts');
  const { runTraining } = await load('/src/engine/trainer.ts');
  const { RunControl } = await load('/src/engine/runControl.ts');

  const file = 'sunspots_yearly.csv';
  const table = parseSeriesCsv(readFileSync(join(root, 'public', 'datasets', file), 'utf8'), { window: 20, horizon: 1 });
  const experiment = defaultExperiment('sunspots');
  const config = { ...experiment.config, epochs: EPOCHS };
  const layers = experiment.layers;
  const kinds = layers.map((layer) => layer.kind).join(' → ');
  const prepared = prepareData(table, config.validationSplit, config.seed, config.scaling, config.seriesSplit ?? 'chronological');
  const block = {
    version: 1,
    dataset: { id: 'sunspots', label: 'Sunspots' },
    task: table.task,
    target: table.targetName,
    features: table.featureNames,
    inputShape: prepared.inputShape,
    encodings: [],
    classNames: null,
    scaler: prepared.scaler,
    config,
    history: [],
  };
  writeFileSync(join(work, 'sunspots_model.py'), kerasScript(layers, block, seriesScriptData({ file }, table)));
  copyFileSync(join(root, 'public', 'datasets', file), join(work, file));

  console.log(`Running the exported script (${kinds}) in Keras…`);
  const run = spawnSync(found.python, ['sunspots_model.py'], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2', MPLBACKEND: 'Agg', CUDA_VISIBLE_DEVICES: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    console.log(run.stdout.slice(-4000));
    console.log(run.stderr.slice(-4000));
    throw new Error(`the exported script failed (exit ${run.status})`);
  }
  const out = run.stdout;
  const number = (pattern) => {
    const match = out.match(pattern);
    if (!match) throw new Error(`the script did not print ${pattern}; its output ends:\n${out.slice(-2000)}`);
    return match.slice(1).map(Number);
  };
  const [params] = number(/^Parameters: (\d+)$/m);
  const [trainWindows, validWindows] = number(/^Training windows: (\d+)\s+validation windows: (\d+)$/m);
  const [kerasFinal] = number(/^Final validation loss: ([\d.]+)$/m);
  const [, naive] = number(/^Validation MAE in series units: model ([\d.]+), naive forecast ([\d.]+)$/m);

  const summary = summarize(prepared.inputShape, layers);
  check(params === summary.totalParams, `parameters: Keras ${params}, playground summary ${summary.totalParams}`);
  check(
    trainWindows === prepared.numTrain && validWindows === prepared.numVal,
    `windows: Keras ${trainWindows} training / ${validWindows} validation, playground ${prepared.numTrain} / ${prepared.numVal}`,
  );
  const naivePlayground = naiveForecastMae(table, config.validationSplit, config.scaling).mae;
  check(Math.abs(naive - naivePlayground) < 5e-5, `naive forecast validation MAE: Keras ${naive.toFixed(4)}, playground ${naivePlayground.toFixed(4)}`);

  console.log(`Training the same config in Node on tfjs's CPU backend…`);
  const history = [];
  const data = { ...prepared, grid: null };
  await runTraining({ layers, task: table.task, config, data }, new RunControl(), { onEpoch: (record) => history.push(record) });
  const tfjsFinal = history[history.length - 1].valLoss;
  const ratio = kerasFinal / tfjsFinal;
  check(
    ratio <= TOLERANCE && ratio >= 1 / TOLERANCE,
    `final val_loss after ${history.length} epochs: Keras ${kerasFinal.toFixed(4)}, playground ${tfjsFinal.toFixed(4)} (ratio ${ratio.toFixed(2)}, allowed ${1 / TOLERANCE}–${TOLERANCE})`,
  );
} catch (error) {
  check(false, error instanceof Error ? error.message : String(error));
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(failures === 0 ? 'test:keras passed' : `test:keras: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
