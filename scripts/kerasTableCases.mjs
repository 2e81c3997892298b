/*
 * test:keras's cases for data that is not a series (see test-keras.mjs for
 * the harness): a table, images and a regularized model, each exported as
 * the app exports it (exportFiles of a run state) and run in Keras beside its
 * shipped CSV (cases 3 to 5), then the script that starts from the
 * playground's trained weights (case 6: format 'kerasWeights', with the
 * one-file model beside it), for each of the three models.
 *
 * For each case:
 *   - parameters: Keras's count_params() exactly the playground summary's;
 *   - the final val_loss of Keras training the plain script against the
 *     playground training the same config on tfjs's CPU backend, within the
 *     factor of test-keras.mjs's case 1 (different random weights and batch
 *     order; a mistake in the data moves it by far more);
 *   - case 6, from the trained weights: the script holds the playground's
 *     own split, and lines appended to it write down its validation rows
 *     (and their targets, which must be the table's): they must be the
 *     run's validation rows, and the loss the script starts at must be the
 *     run's final val_loss. The
 *     playground then measures its trained model on exactly those rows,
 *     scaled with its own scaler (runTraining's 'evaluate' mode), and the
 *     loss the script prints at the start must equal it: within 0.01 % or
 *     2e-4, whichever is larger, room for the 4 decimals it prints and for
 *     float32 sums taken in another order, nothing more. A weight put in the
 *     wrong place, a kernel read transposed or inputs scaled another way
 *     would move it by far more, as would starting from fresh weights: the
 *     playground's fresh model on the same rows must be at least ten times
 *     that tolerance away. The script goes on for one epoch (its fit needs
 *     one for the history it plots); the start is measured before it.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Lines appended to a script: what it trained, for the checks. */
const resultLines = (file) =>
  [
    '',
    'import json',
    `with open(${JSON.stringify(file)}, "w") as result_file:`,
    '    json.dump({"params": int(model.count_params()), "final_val_loss": float(history.history["val_loss"][-1]),',
    '               "epochs": len(history.history["val_loss"])}, result_file)',
    '',
  ].join('\n');

/** Lines appended to a script started from saved weights: its validation rows, their targets, and where it started. */
const startLines = (file) =>
  [
    '',
    'import json',
    `with open(${JSON.stringify(file)}, "w") as result_file:`,
    '    json.dump({"rows": valid.tolist(), "targets": np.asarray(y)[valid].astype("float64").tolist(),',
    '               "start_loss": float(start_loss), "start_metric": float(start_metric)}, result_file)',
    '',
  ].join('\n');

export async function runTableCases({ load, check, runScript, checkRatio, work, root, epochs, tolerance }) {
  const { loadDataset } = await load('/src/data/datasets.ts');
  const { prepareData } = await load('/src/data/prepare.ts');
  const { takeScaledRows } = await load('/src/data/scaler.ts');
  const { defaultExperiment } = await load('/src/state/defaults.ts');
  const { lessons } = await load('/src/state/lessons.ts');
  const { exportMetaFor } = await load('/src/state/exportMeta.ts');
  const { exportFiles } = await load('/src/state/exportFiles.ts');
  const { summarize } = await load('/src/model/summary.ts');
  const { runTraining } = await load('/src/engine/trainer.ts');
  const { RunControl } = await load('/src/engine/runControl.ts');

  const datasets = join(root, 'public', 'datasets');
  const files = { text: async (file) => readFileSync(join(datasets, file), 'utf8'), bytes: async (file) => new Uint8Array(readFileSync(join(datasets, file))) };
  const withIds = (prefix, layers) => layers.map((layer, i) => ({ ...layer, id: `${prefix}-${i + 1}` }));
  const describe = (layers) => layers.map((layer) => layer.kind + (layer.kernelRegularizer ? ` L2 ${layer.kernelRegularizer.l2}` : '')).join(' → ');

  /** Writes an export's files into `work` (a shipped CSV copied beside them), the first with `extra` appended, under `name`. */
  const writeExport = (exported, name, extra) => {
    const [script, ...rest] = exported;
    writeFileSync(join(work, name), script.content + extra);
    for (const file of rest) writeFileSync(join(work, file.name), typeof file.content === 'string' ? file.content : Buffer.from(file.content));
  };

  /** The targets of table rows as the model is trained against them (one-hot for classes). */
  const targetsOf = (table, rows, targetSize) => {
    const out = new Float32Array(rows.length * targetSize);
    rows.forEach((row, r) => {
      const value = table.targets[row];
      if (table.task.kind === 'multiclass') out[r * targetSize + value] = 1;
      else out[r] = value;
    });
    return out;
  };

  async function tableCase(label, id, layers, config) {
    const table = await loadDataset(id, files);
    const prepared = prepareData(table, config.validationSplit, config.seed, config.scaling, config.seriesSplit, config.testSplit ?? 0);
    const meta = exportMetaFor(id, table, prepared, null);
    if (meta.script.kind !== 'csv') throw new Error(`${label}: the export reads ${meta.script.kind} data, not a shipped CSV`);
    copyFileSync(join(datasets, meta.script.file), join(work, meta.script.file));
    const runState = (runConfig, history, model) => ({
      // The run's rows: the script holds the playground's own split.
      data: { exportMeta: meta, targetSize: prepared.targetSize, trainRows: prepared.trainRows, validationRows: prepared.validationRows, testRows: prepared.testRows },
      setup: { datasetId: id, layers, config: runConfig },
      history,
      model,
      test: null,
    });
    const data = { ...prepared, grid: null };
    const request = { layers, task: table.task, config, data };

    // The plain script, fresh weights, against the playground training the same config.
    writeExport(exportFiles(runState(config, [], null), 'keras'), `${label}_model.py`, resultLines(`${label}_result.json`));
    console.log(`${label}: running the exported script (${describe(layers)}, ${config.epochs} epochs) in Keras…`);
    runScript(`${label}_model.py`);
    const result = JSON.parse(readFileSync(join(work, `${label}_result.json`), 'utf8'));
    const summary = summarize(prepared.inputShape, layers);
    check(result.params === summary.totalParams, `${label} parameters: Keras ${result.params}, playground summary ${summary.totalParams}`);

    console.log(`${label}: training the same config in Node on tfjs's CPU backend…`);
    const history = [];
    const trained = await runTraining(request, new RunControl(), { onEpoch: (record) => history.push(record) });
    checkRatio(check, label, `${result.epochs} / ${history.length}`, result.final_val_loss, history[history.length - 1].valLoss, tolerance);

    // The script that starts from the trained weights, beside the model file the app exports with it.
    const fromWeights = exportFiles(runState({ ...config, epochs: 1 }, history, trained.model), 'kerasWeights');
    if (!fromWeights) throw new Error(`${label}: the app exports no script that starts from the weights`);
    writeExport(fromWeights, `${label}_from_weights.py`, startLines(`${label}_start.json`));
    console.log(`${label}: running the script that starts from the playground's weights (${fromWeights.map((file) => file.name).join(', ')})…`);
    const [printedLoss] = runScript(`${label}_from_weights.py`).number(/^Starting from the playground's weights: validation loss ([\d.]+), /m);
    const start = JSON.parse(readFileSync(join(work, `${label}_start.json`), 'utf8'));
    const rows = Uint32Array.from(start.rows);
    const wrongTarget = start.targets.findIndex((value, r) => Math.abs(value - table.targets[rows[r]]) > 1e-4 * Math.max(1, Math.abs(value)));
    check(wrongTarget < 0, `${label} the script's ${rows.length} validation rows are the table's rows ${wrongTarget < 0 ? '(every target the same)' : `(row ${rows[wrongTarget]}'s target differs)`}`);

    const sameRows = rows.length === prepared.validationRows.length && rows.every((row, i) => row === prepared.validationRows[i]);
    check(sameRows, `${label} the script validates on the playground's own ${prepared.validationRows.length} validation rows: ${sameRows}`);
    const finalValLoss = history[history.length - 1].valLoss;
    check(
      Math.abs(start.start_loss - finalValLoss) <= Math.max(2e-4, 1e-4 * finalValLoss),
      `${label} from the weights, on those rows Keras starts at the playground's final val_loss: ${start.start_loss.toFixed(4)} vs ${finalValLoss.toFixed(4)}`,
    );
    const numCols = table.featureNames.length;
    const onRows = { ...data, xVal: takeScaledRows(table.features, numCols, rows, prepared.scaler), yVal: targetsOf(table, rows, prepared.targetSize) };
    const measure = async (initialModel) => (await runTraining({ ...request, data: onRows, initialModel, mode: 'evaluate' }, new RunControl(), { onEpoch() {} })).outcome;
    const ours = await measure(trained.model);
    const fresh = await measure(null);
    const allowed = Math.max(2e-4, 1e-4 * ours.valLoss);
    check(
      Math.abs(printedLoss - ours.valLoss) <= allowed && Math.abs(start.start_loss - ours.valLoss) <= allowed,
      `${label} from the weights: Keras starts at validation loss ${printedLoss.toFixed(4)} (metric ${start.start_metric.toFixed(4)}), the playground's model on the same rows ${ours.valLoss.toFixed(4)} (metric ${ours.valMetric.toFixed(4)}), difference ${Math.abs(start.start_loss - ours.valLoss).toExponential(1)}, allowed ±${allowed.toExponential(1)}; playground's final val_loss ${history[history.length - 1].valLoss.toFixed(4)}`,
    );
    check(
      Math.abs(fresh.valLoss - ours.valLoss) >= 10 * allowed,
      `${label} a fresh model on the same rows: validation loss ${fresh.valLoss.toFixed(4)}, ${Math.abs(fresh.valLoss - ours.valLoss).toFixed(4)} from the trained one's (at least ${(10 * allowed).toExponential(1)} needed)`,
    );
  }

  // Case 3: a table, the app's default experiment for concrete, fewer epochs.
  {
    const experiment = defaultExperiment('concrete');
    await tableCase('concrete', 'concrete', experiment.layers, { ...experiment.config, epochs });
  }
  // Case 4: images, the CNN lesson's layers on the 8 × 8 digits.
  {
    const lesson = lessons.cnn;
    const config = { ...defaultExperiment('digits').config, ...lesson.config, epochs: 3 };
    await tableCase('digits', 'digits', withIds('cnn', lesson.layers), config);
  }
  // Case 5: L2 on the hidden layers of the breast cancer network, with a BatchNormalization between them.
  {
    const experiment = defaultExperiment('breastCancer');
    const [first, second, output] = experiment.layers;
    const l2 = { l1: 0, l2: 0.01 };
    const layers = [
      { ...first, kernelRegularizer: l2 },
      { id: 'breastCancer-bn', kind: 'batchNormalization' },
      { ...second, kernelRegularizer: l2 },
      output,
    ];
    await tableCase('regularized', 'breastCancer', layers, { ...experiment.config, epochs });
  }
}
