import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { historyRows, openPlayground } from './helpers';

async function setEpochs(page: Page, epochs: number): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Epochs' });
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 1; i < epochs; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', String(epochs));
}

async function importFiles(page: Page, files: Parameters<import('@playwright/test').FileChooser['setFiles']>[0]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import model' }).click();
  await (await chooser).setFiles(files);
}

const statusLoss = async (page: Page): Promise<number> =>
  Number(/val_loss ([\d.e+-]+)/.exec((await page.getByRole('status').textContent()) ?? '')?.[1]);

test('Export model downloads a file that Import model restores in a fresh page: same summary, same validation loss', async ({ page, browser }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('checkbox', { name: 'Batch normalization' }).check();
  await setEpochs(page, 4);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText('Finished 4 epochs');
  const summary = await page.getByRole('table', { name: 'Model summary' }).textContent();
  const lastValLoss = (await historyRows(page)).at(-1)!.valLoss;

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export model', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('concrete_model.json');
  const path = await download.path();
  const file = JSON.parse(await readFile(path, 'utf8')) as { format: string; weightData: string; playground: { features: string[]; history: unknown[] } };
  expect(file.format).toBe('layers-model');
  expect(file.playground.features[0]).toBe('cement');
  expect(file.playground.history).toHaveLength(4);

  const fresh = await (await browser.newContext()).newPage();
  await openPlayground(fresh, '?backend=wasm');
  await fresh.getByRole('combobox', { name: 'Dataset' }).selectOption('wine');
  await importFiles(fresh, path);
  await expect(fresh.getByRole('combobox', { name: 'Dataset' })).toHaveValue('concrete');
  await expect(fresh.getByRole('status')).toContainText('Imported model: val_loss');
  expect(await fresh.getByRole('table', { name: 'Model summary' }).textContent()).toBe(summary);
  expect(Math.abs((await statusLoss(fresh)) - lastValLoss)).toBeLessThan(1e-3);
  // Training continues from the imported weights: the first epoch starts near where the export ended.
  await fresh.getByRole('button', { name: 'Step' }).click();
  await expect(fresh.getByRole('status')).toHaveText(/^Paused\. Epoch 1\//);
  expect((await historyRows(fresh))[0]!.valLoss).toBeLessThan(lastValLoss * 1.5);
  await fresh.context().close();
});

test('the model.json + weights.bin pair and the Keras script download, and the pair imports', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Paused\. Epoch 1\//);
  // A paused run's model comes from the worker.
  const downloads: import('@playwright/test').Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Export tfjs pair' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['model.json', 'weights.bin']);
  const [jsonPath = '', binPath = ''] = await Promise.all(
    ['model.json', 'weights.bin'].map((name) => downloads.find((d) => d.suggestedFilename() === name)!.path()),
  );
  // A generated set's points download with the script, which reads them.
  downloads.length = 0;
  await page.getByRole('button', { name: 'Export Keras script' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const text = async (name: string) => readFile(await downloads.find((d) => d.suggestedFilename() === name)!.path(), 'utf8');
  const script = await text('circle_model.py');
  expect(script).toContain('layers.Dense(units=8, activation="tanh", input_shape=[2])');
  expect(script).toContain('pd.read_csv("circle.csv")');
  expect(script).toContain('model.fit(');
  const points = (await text('circle.csv')).trim().split('\n');
  expect(points[0]).toBe('x1,x2,label');
  const pointsSlider = page.getByRole('slider', { name: 'Points' });
  expect(points.length - 1).toBe(Number(await pointsSlider.getAttribute('aria-valuetext')));
  expect(points.slice(1).every((line) => /^-?[\d.e-]+,-?[\d.e-]+,[01]$/.test(line))).toBe(true);

  await page.getByRole('button', { name: 'Reset' }).click();
  await importFiles(page, [
    { name: 'model.json', mimeType: 'application/json', buffer: await readFile(jsonPath) },
    { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: await readFile(binPath) },
  ]);
  await expect(page.getByRole('status')).toContainText('Imported model: val_loss');
});

test('a corrupt model file gives a clear message and changes nothing', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('wine');
  const layersBefore = await page.getByRole('list', { name: 'Layers' }).textContent();
  await importFiles(page, { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "layers-model", "modelTo') });
  await expect(page.getByRole('alert')).toContainText('broken.json: The file is not JSON.');
  await importFiles(page, {
    name: 'conv1d.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'layers-model',
        modelTopology: { class_name: 'Sequential', config: { layers: [{ class_name: 'Conv1D', config: { filters: 4, kernel_size: 2, batch_input_shape: [null, 3, 2] } }] } },
        weightSpecs: [],
        weightData: '',
      }),
    ),
  });
  await expect(page.getByRole('alert')).toContainText('cannot build a Conv1D layer');
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('wine');
  expect(await page.getByRole('list', { name: 'Layers' }).textContent()).toBe(layersBefore);
  await expect(page.getByRole('status')).toHaveText('Ready. Press Train to start.');
});

test('Export Keras script downloads the shipped data file it reads beside it, and the model file when it starts from the trained weights', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await setEpochs(page, 1);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText('Finished 1 epoch');
  const downloads: import('@playwright/test').Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Export Keras script' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['concrete.csv', 'concrete_model.py']);
  const script = await readFile(await downloads.find((d) => d.suggestedFilename() === 'concrete_model.py')!.path(), 'utf8');
  expect(script).toContain('pd.read_csv("concrete.csv"');
  // The very file the playground trained on, byte for byte.
  const csv = await readFile(await downloads.find((d) => d.suggestedFilename() === 'concrete.csv')!.path());
  expect(csv.equals(await readFile('public/datasets/concrete.csv'))).toBe(true);
  // Starting from the trained weights: the model file they are read from comes too.
  downloads.length = 0;
  await page.getByRole('checkbox', { name: 'Keras script starts from the trained weights' }).check();
  await page.getByRole('button', { name: 'Export Keras script' }).click();
  await expect.poll(() => downloads.length).toBe(3);
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['concrete.csv', 'concrete_model.json', 'concrete_model.py']);
  const fromWeights = await readFile(await downloads.find((d) => d.suggestedFilename() === 'concrete_model.py')!.path(), 'utf8');
  expect(fromWeights).toContain('open("concrete_model.json", encoding="utf-8")');
  expect(fromWeights).toContain('model.set_weights(weights)');
  const saved = JSON.parse(await readFile(await downloads.find((d) => d.suggestedFilename() === 'concrete_model.json')!.path(), 'utf8')) as { format: string };
  expect(saved.format).toBe('layers-model');
});
