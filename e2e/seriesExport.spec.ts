import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, test, type Browser, type Download, type Page } from '@playwright/test';
import { longRun, openPlayground, waitForEpoch } from './helpers';

/*
 * A recurrent model exported from the playground (the one-file JSON and the
 * model.json + weights.bin pair, downloaded with the buttons a person uses)
 * loads in plain tfjs, in a page that has nothing of the playground, and
 * predicts there what the Forecast figure shows for the same windows. The
 * windows are built from the series file and the file's playground block
 * alone, as a user of the model would build them.
 */

const tfjsBundle = createRequire(import.meta.url).resolve('@tensorflow/tfjs/dist/tf.min.js');
/**
 * Forecast steps (a step is a table row + 1) whose predictions are compared:
 * one in training, the first and last validation ones (309 years, the last
 * 20 % of them held out from year 248 on) and one between.
 */
const steps = [{ step: 101, line: 'one step ahead (training)' }, ...[248, 280, 309].map((step) => ({ step, line: 'one step ahead (validation)' }))];

interface Block {
  dataset: { id: string };
  target: string;
  features: string[];
  inputShape: number[];
  scaler: { kind: string; offset: number[]; scale: number[]; fill: number[] };
  series: { window: number; horizon: number; timeName: string | null; targetScaling: { offset: number; scale: number } };
}
interface OneFile {
  format: string;
  modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
  playground: Block;
}
interface Exported {
  oneFile: string;
  modelJson: string;
  weightsBin: Buffer;
}

const text = async (download: Download): Promise<string> => readFile(await download.path(), 'utf8');

/** Trains a couple of epochs and stops, as a person does; the stopped model is what gets exported. */
async function trainAndStop(page: Page): Promise<void> {
  await longRun(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 2, 120_000);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status')).toContainText('Stopped at epoch');
  await expect(page.getByRole('figure', { name: 'Forecast' }).getByText(/model one-step MAE/)).toBeVisible();
}

/** Both exports, through the download buttons. */
async function exportBoth(page: Page): Promise<Exported> {
  const one = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export model', exact: true }).click();
  const oneFile = await one;
  expect(oneFile.suggestedFilename()).toBe('sunspots_model.json');
  const pair: Download[] = [];
  const onDownload = (d: Download) => pair.push(d);
  page.on('download', onDownload);
  await page.getByRole('button', { name: 'Export tfjs pair' }).click();
  await expect.poll(() => pair.length).toBe(2);
  page.off('download', onDownload);
  const named = (name: string) => pair.find((d) => d.suggestedFilename() === name)!;
  return { oneFile: await text(oneFile), modelJson: await text(named('model.json')), weightsBin: await readFile(await named('weights.bin').path()) };
}

/** What the Forecast figure's readout says each line predicts at each step, in sunspots. */
async function forecastReadout(page: Page): Promise<number[]> {
  const figure = page.getByRole('figure', { name: 'Forecast' });
  const plot = figure.getByRole('application', { name: /^Forecast:/ });
  const values: number[] = [];
  for (const { step, line } of steps) {
    await plot.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < Math.floor((step - 1) / 10); i++) await page.keyboard.press('Shift+ArrowRight');
    for (let i = 0; i < (step - 1) % 10; i++) await page.keyboard.press('ArrowRight');
    const readout = figure.locator('.chart-readout');
    await expect(readout.locator('div').first()).toHaveText(`step ${step}`);
    const row = readout.locator('div').filter({ hasText: `${line}: ` });
    const value = Number(/: (-?[\d.]+)$/.exec((await row.textContent()) ?? '')?.[1]);
    expect(Number.isFinite(value), `${line} at step ${step}`).toBe(true);
    values.push(value);
  }
  return values;
}

/**
 * The scaled window before each compared step, built from the series file
 * and the block alone: its `series` gives the window and the horizon.
 */
async function windowsFor(block: Block): Promise<number[][]> {
  const lines = (await readFile('public/datasets/sunspots_yearly.csv', 'utf8')).trim().split('\n');
  expect(lines[0]).toBe(`year,${block.features[0]}`);
  const values = lines.slice(1).map((line) => Number(line.split(',')[1]));
  const { window, horizon } = block.series;
  const { offset, scale, fill } = block.scaler;
  return steps.map(({ step }) => {
    const target = step - 1;
    return values.slice(target - horizon + 1 - window, target - horizon + 1).map((v) => ((Number.isNaN(v) ? fill[0]! : v) - offset[0]!) / scale[0]!);
  });
}

/** Loads both exports with plain tfjs in a blank page (CPU backend) and predicts the windows, scaled as the model outputs. */
async function plainTfjs(browser: Browser, exported: Exported, windows: number[][], window: number) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent('<!doctype html><title>plain tfjs</title>');
  await page.addScriptTag({ path: tfjsBundle });
  const result = await page.evaluate(
    async ({ oneFile, modelJson, weightsBin, windows, window }) => {
      const tf = (globalThis as unknown as { tf: typeof import('@tensorflow/tfjs') }).tf;
      await tf.setBackend('cpu');
      const file = JSON.parse(oneFile) as { modelTopology: object; weightSpecs: import('@tensorflow/tfjs').io.WeightsManifestEntry[]; weightData: string };
      const bytes = Uint8Array.from(atob(file.weightData), (c) => c.charCodeAt(0));
      const fromJson = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: file.modelTopology, weightSpecs: file.weightSpecs, weightData: bytes.buffer }));
      // The pair as a browser hands files to tfjs.
      const fromPair = await tf.loadLayersModel(
        tf.io.browserFiles([new File([modelJson], 'model.json', { type: 'application/json' }), new File([new Uint8Array(weightsBin)], 'weights.bin')]),
      );
      const predict = (model: import('@tensorflow/tfjs').LayersModel) =>
        tf.tidy(() => Array.from((model.predict(tf.tensor3d(windows.flat(), [windows.length, window, 1])) as import('@tensorflow/tfjs').Tensor).dataSync()));
      const gates = (model: import('@tensorflow/tfjs').LayersModel) => (model.layers[0]!.getConfig() as { recurrentActivation?: unknown }).recurrentActivation;
      return { fromJson: predict(fromJson), fromPair: predict(fromPair), gates: [gates(fromJson), gates(fromPair)], classes: fromPair.layers.map((l) => l.getClassName()) };
    },
    { oneFile: exported.oneFile, modelJson: exported.modelJson, weightsBin: Array.from(exported.weightsBin), windows, window },
  );
  await context.close();
  return result;
}

/**
 * The exports of the model on screen, checked: the block says what a window
 * is made of, and plain tfjs predicts from both files what the Forecast
 * figure shows, within float32 noise (the readout rounds to 1e-4 sunspots).
 */
async function checkExports(page: Page, browser: Browser, layerClass: 'LSTM' | 'GRU'): Promise<{ shown: number[]; exported: Exported }> {
  const exported = await exportBoth(page);
  const file = JSON.parse(exported.oneFile) as OneFile;
  const block = file.playground;
  expect(file.format).toBe('layers-model');
  expect(block.dataset.id).toBe('sunspots');
  expect(block.inputShape).toEqual([20, 1]);
  // The series predicts itself: the target is the input column, so the feature scaler also unscales the output.
  expect(block.features).toEqual(['sunspots']);
  expect(block.target).toBe('sunspots');
  expect(block.scaler.kind).toBe('standard');
  expect(block.scaler.scale[0]).toBeGreaterThan(1);
  const recurrent = file.modelTopology.config.layers.find((layer) => layer.class_name === layerClass)!;
  // tfjs's own default gate is hardSigmoid; the playground's cells use sigmoid, and the file must say so.
  expect(recurrent.config.recurrent_activation).toBe('sigmoid');
  if (layerClass === 'GRU') expect(recurrent.config.reset_after).toBe(false);
  expect(JSON.parse(exported.modelJson).modelTopology).toEqual(file.modelTopology);
  // The file says how to cut and unscale windows: 20 steps predicting the next one, the target scaled as its own input column.
  expect(block.series).toEqual({ window: 20, horizon: 1, timeName: 'year', targetScaling: { offset: block.scaler.offset[0], scale: block.scaler.scale[0] } });
  await expect(page.getByRole('slider', { name: 'Horizon' })).toHaveAttribute('aria-valuetext', 'next step');

  const shown = await forecastReadout(page);
  const plain = await plainTfjs(browser, exported, await windowsFor(block), block.inputShape[0]!);
  expect(plain.classes).toEqual([layerClass, 'Dense']);
  expect(plain.gates).toEqual(['sigmoid', 'sigmoid']);
  expect(plain.fromPair).toEqual(plain.fromJson);
  const [offset = 0, scale = 1] = [block.scaler.offset[0], block.scaler.scale[0]];
  const predicted = plain.fromJson.map((v) => v * scale + offset);
  test.info().annotations.push({ type: `${layerClass} predictions`, description: `plain tfjs ${predicted.map((v) => v.toFixed(4)).join(', ')}; Forecast ${shown.join(', ')}` });
  predicted.forEach((value, i) => expect(Math.abs(value - shown[i]!), `step ${steps[i]!.step}`).toBeLessThan(5e-5 + 1e-5 * scale));
  return { shown, exported };
}

type Picked = { name: string; mimeType: string; buffer: Buffer };

/**
 * Imports model files into a fresh page on Sunspots with another Window (24
 * steps), as a person would: the model's layers and window come back, and the
 * Forecast figure shows the predictions `shown` (the same weights on the same
 * windows, on the same backend).
 */
async function importAndCompare(browser: Browser, files: Picked[], layerClass: 'LSTM' | 'GRU', shown: number[]): Promise<void> {
  const fresh = await (await browser.newContext()).newPage();
  await openPlayground(fresh, '?backend=wasm');
  await fresh.getByRole('combobox', { name: 'Dataset' }).selectOption('sunspots');
  const windowSlider = fresh.getByRole('slider', { name: 'Window' });
  await windowSlider.focus();
  await fresh.keyboard.press('ArrowRight');
  await expect(windowSlider).toHaveAttribute('aria-valuetext', '24 steps');
  const chooser = fresh.waitForEvent('filechooser');
  await fresh.getByRole('button', { name: 'Import model' }).click();
  await (await chooser).setFiles(files);
  await expect(fresh.getByRole('status')).toContainText('Imported model: val_loss');
  await expect(windowSlider).toHaveAttribute('aria-valuetext', '20 steps');
  const restored = fresh.getByRole('list', { name: 'Layers' }).getByRole('listitem');
  await expect(restored).toHaveCount(2);
  await expect(restored.first()).toHaveAccessibleName(`1. ${layerClass}`);
  await expect(restored.first().getByRole('spinbutton', { name: 'Units' })).toHaveValue('32');
  await expect(fresh.getByRole('figure', { name: 'Forecast' }).getByText(/model one-step MAE/)).toBeVisible();
  const again = await forecastReadout(fresh);
  again.forEach((value, i) => expect(Math.abs(value - shown[i]!), `imported, step ${steps[i]!.step}`).toBeLessThan(2e-4));
  await fresh.context().close();
}

test('Sunspots LSTM: both exports load in plain tfjs and predict what the Forecast shows; the JSON imports back with the same forecast', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('sunspots');
  const layers = page.getByRole('list', { name: 'Layers' }).getByRole('listitem');
  await expect(layers.first()).toHaveAccessibleName('1. LSTM');
  await trainAndStop(page);
  const { shown, exported } = await checkExports(page, browser, 'LSTM');

  // Imported into a fresh page whose Window differs, the file brings back the LSTM, its window and its forecast.
  await importAndCompare(browser, [{ name: 'sunspots_model.json', mimeType: 'application/json', buffer: Buffer.from(exported.oneFile) }], 'LSTM', shown);
});

test('Sunspots GRU (set up in the editor): both exports keep its sigmoid gates and predict in plain tfjs what the Forecast shows; the pair imports back', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('sunspots');
  const layers = page.getByRole('list', { name: 'Layers' }).getByRole('listitem');
  await expect(layers.first()).toHaveAccessibleName('1. LSTM');
  // GRU goes in before the output; then the LSTM goes.
  await page.getByRole('combobox', { name: 'Layer type' }).selectOption('gru');
  await page.getByRole('button', { name: 'Add layer' }).click();
  await expect(layers).toHaveCount(3);
  await layers.first().getByRole('button', { name: 'Remove layer' }).click();
  await expect(layers).toHaveCount(2);
  await expect(layers.first()).toHaveAccessibleName('1. GRU');
  await expect(layers.first().getByRole('spinbutton', { name: 'Units' })).toHaveValue('32');
  await trainAndStop(page);
  const { shown, exported } = await checkExports(page, browser, 'GRU');
  // The pair imports back too, GRU and all.
  await importAndCompare(
    browser,
    [
      { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(exported.modelJson) },
      { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: exported.weightsBin },
    ],
    'GRU',
    shown,
  );
});
