import { expect, test, type Page, type Worker } from '@playwright/test';
import type {} from '../src/state/testHooks';
import { chooseBackendAgain, trainThroughGpuLoss } from './gpuLoss';
import { expectEpochsFromOne, historyRows, longRun, openPlayground, statusEpoch, waitForEpoch } from './helpers';

/** The training worker's script (the CSV parser runs in a worker of its own). */
const isTrainingWorker = (worker: Worker): boolean => /\/worker-[^/]*\.js$/.test(new URL(worker.url()).pathname);

const sliderNames = ['Learning rate', 'Batch size', 'Epochs', 'Validation split', 'Dropout rate'] as const;

/** What the person set up: every slider's value and the model summary's text. */
async function experimentOnScreen(page: Page): Promise<{ sliders: (string | null)[]; summary: string | null; layers: number }> {
  return {
    sliders: await Promise.all(sliderNames.map((name) => page.getByRole('slider', { name }).getAttribute('aria-valuetext'))),
    summary: await page.getByRole('table', { name: 'Model summary' }).textContent(),
    layers: await page.getByRole('list', { name: 'Layers' }).getByRole('listitem').count(),
  };
}

test('killing the training worker mid-run: a clear error, the experiment intact, a fresh worker for the next run', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const workers: Worker[] = [];
  const closed = new Set<Worker>();
  page.on('worker', (worker) => {
    if (!isTrainingWorker(worker)) return;
    workers.push(worker);
    worker.on('close', () => closed.add(worker));
  });

  await openPlayground(page, '?testHooks');
  const rate = page.getByRole('slider', { name: 'Learning rate' });
  await rate.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(rate).toHaveAttribute('aria-valuetext', '0.005');
  const layers = page.getByRole('list', { name: 'Layers' }).getByRole('listitem');
  await expect(layers).toHaveCount(3);
  await page.getByRole('button', { name: 'Add layer' }).click();
  await expect(layers).toHaveCount(4);
  await longRun(page);
  const before = await experimentOnScreen(page);

  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 3);
  expect(workers).toHaveLength(1);
  await page.evaluate(() => window.__playgroundTest!.killWorker());

  const status = page.getByRole('status');
  await expect(status).toContainText('The training worker crashed');
  await expect(status).toContainText('your experiment is unchanged');
  await expect.poll(() => closed.has(workers[0]!), { message: 'the killed worker is gone' }).toBe(true);
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
  expect(await experimentOnScreen(page)).toEqual(before);
  // Nothing from the dead worker trickles in afterwards.
  const rowsAtCrash = (await historyRows(page)).length;
  await page.waitForTimeout(1000);
  expect((await historyRows(page)).length).toBe(rowsAtCrash);
  await expect(status).toContainText('The training worker crashed');

  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 3);
  expect(workers).toHaveLength(2);
  expect(closed.has(workers[1]!)).toBe(false);
  // A fresh run: its epochs count from 1 (while it trains the table may list only its latest, after a line for the rest).
  await expectEpochsFromOne(page);
  expect(await statusEpoch(page)).toBeGreaterThanOrEqual(3);
  // The new run trains the experiment as it was set up before the crash.
  await expect(page.getByLabel('Run settings')).toContainText('learning rate 0.005');
  expect(await experimentOnScreen(page)).toEqual(before);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(status).toContainText('Stopped at epoch');
  expect(pageErrors).toEqual([]);
});

test('the test hooks are not there in normal use', async ({ page }) => {
  await openPlayground(page);
  expect(await page.evaluate(() => window.__playgroundTest === undefined)).toBe(true);
});

test('WebGL lost mid-run: the run goes on on WASM from its last good weights, every epoch once, nothing leaked, and WebGL can be chosen again', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openPlayground(page, '?backend=webgl&testHooks');
  await expect(page.getByText('Backend: webgl', { exact: true })).toBeVisible();
  await longRun(page);
  const before = await experimentOnScreen(page);
  await trainThroughGpuLoss(page, 'WebGL', 3);
  expect(await experimentOnScreen(page)).toEqual(before);
  await chooseBackendAgain(page, 'webgl');
  expect(pageErrors).toEqual([]);
});
