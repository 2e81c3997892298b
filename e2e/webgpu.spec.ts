import { chromium, expect, test, type Page } from '@playwright/test';
import config from '../playwright.config';
import { chooseBackendAgain, trainThroughGpuLoss } from './gpuLoss';
import { historyRows, longRun } from './helpers';

// Headless Chromium offers WebGPU here only with these flags, and then only SwiftShader's software
// adapter: slow, so the runs below are a few epochs of small models.
const launchOptions = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launchOptions, args: [...(launchOptions.args ?? []), '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'] } });

/** Opens the playground and waits until the backend is known and the data loaded (helpers' openPlayground knows no webgpu). */
async function open(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByText(/^Backend: (webgl|webgpu|wasm|cpu|js)$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
}

/** The Epochs slider set to `epochs` (one of its first ten values, 1 to 10). */
async function setEpochs(page: Page, epochs: number): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Epochs' });
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 1; i < epochs; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', String(epochs));
}

/** Trains the current experiment for `epochs` on the chosen backend and checks what every WebGPU run must show. */
async function trainOnWebgpu(page: Page, epochs: number): Promise<void> {
  await setEpochs(page, epochs);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText(`Finished ${epochs} epochs`, { timeout: 120_000 });
  await expect(page.getByText('Backend: webgpu', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Run settings')).toContainText('on webgpu');
  const rows = await historyRows(page);
  expect(rows.map((row) => row.epoch)).toEqual(Array.from({ length: epochs }, (_, i) => i + 1));
  expect(rows.every((row) => Number.isFinite(row.loss) && Number.isFinite(row.valLoss))).toBe(true);
  expect(rows.at(-1)!.loss).toBeLessThan(rows[0]!.loss);
  await expect.poll(() => page.evaluate(() => window.__playgroundTest!.lastRunTensors())).not.toBeNull();
  const tensors = await page.evaluate(() => window.__playgroundTest!.lastRunTensors());
  expect(tensors!.after).toBe(tensors!.before);
}

test('?backend=webgpu trains a dense model on Wine on WebGPU: the loss falls and no tensor is left behind', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await open(page, '?backend=webgpu&testHooks');
  await expect(page.getByRole('combobox', { name: 'Backend' })).toHaveValue('webgpu');
  await expect(page.getByText('Backend: webgpu', { exact: true })).toBeVisible();
  // The adapter is named where WebGL's renderer would be.
  await expect(page.locator('.backend')).toContainText('(google swiftshader)');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('wine');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await trainOnWebgpu(page, 5);
  expect(pageErrors).toEqual([]);
});

// tfjs's WebGPU backend has the convolution and pooling gradients WASM lacks, so a CNN stays on WebGPU.
// (An LSTM trains there too, but its fed-back forecast makes a Sunspots run minutes long on SwiftShader.)
test('a CNN on the digits trains on WebGPU too', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, '?backend=webgpu&testHooks');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('digits');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await trainOnWebgpu(page, 2);
});

test('WebGPU lost mid-run: the run goes on on WASM from its last good weights, every epoch once, nothing leaked, and WebGPU can be chosen again', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await open(page, '?backend=webgpu&testHooks');
  await expect(page.getByText('Backend: webgpu', { exact: true })).toBeVisible();
  await longRun(page);
  await trainThroughGpuLoss(page, 'WebGPU', 2);
  await chooseBackendAgain(page, 'webgpu');
  expect(pageErrors).toEqual([]);
});

test('Auto does not pick the software WebGPU adapter, and says why', async ({ page }) => {
  await open(page, '');
  await expect(page.getByRole('combobox', { name: 'Backend' })).toHaveValue('auto');
  await expect(page.getByText('Backend: wasm', { exact: true })).toBeVisible();
  await expect(page.locator('.backend')).toContainText(
    'Auto: WebGL here is drawn in software, so WASM is faster. WebGPU here is a software adapter (google swiftshader), not a GPU.',
  );
  // Choosing WebGPU in the box switches to it.
  await page.getByRole('combobox', { name: 'Backend' }).selectOption('webgpu');
  await expect(page.getByText('Backend: webgpu', { exact: true })).toBeVisible();
});

test('without the WebGPU flags, ?backend=webgpu falls back to WebGL and says why', async ({ baseURL }) => {
  // A browser of its own: the file's launch options are a worker's, the same for all its tests.
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage({ baseURL });
    await open(page, '?backend=webgpu');
    await expect(page.getByRole('combobox', { name: 'Backend' })).toHaveValue('webgpu');
    await expect(page.getByText('Backend: webgl', { exact: true })).toBeVisible();
    await expect(page.locator('.backend')).toContainText(/webgpu is not available here \((this browser has no WebGPU|the browser offers no WebGPU adapter)\), so webgl is used\./);
  } finally {
    await browser.close();
  }
});
