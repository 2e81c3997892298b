import { expect, test } from '@playwright/test';
import { expectEpochsFromOne, historyRows, listedHistory, longRun, openPlayground, statusEpoch, stopIfRunning, waitForEpoch } from './helpers';

test('Train runs epochs live: the status counts up, the table fills and the loss falls', async ({ page }) => {
  await openPlayground(page);
  await longRun(page);
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('concrete');
  await expect(page.getByRole('list', { name: 'Layers' }).getByRole('listitem')).toHaveCount(3);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 2);
  const early = await statusEpoch(page);
  await waitForEpoch(page, early + 3);
  // While a long run trains the table holds its latest epochs, one after another (a row above says so once there are more).
  const live = (await listedHistory(page)).rows;
  expect(live.length).toBeGreaterThanOrEqual(5);
  expect(live.map((r) => r.epoch)).toEqual(live.map((_, i) => live[0]!.epoch + i));
  for (const row of live) expect(Number.isFinite(row.valLoss)).toBe(true);
  await expect(page.getByRole('status')).toContainText(/loss [\d.]+, val_loss [\d.]+/);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status')).toContainText('Stopped at epoch');
  // Stopped, it lists every epoch from the first, and the loss fell.
  const stopped = await statusEpoch(page);
  await expect.poll(async () => (await listedHistory(page)).rows.length).toBe(stopped);
  const rows = await historyRows(page);
  expect(rows.map((r) => r.epoch)).toEqual(rows.map((_, i) => i + 1));
  expect(rows[rows.length - 1]!.loss).toBeLessThan(rows[0]!.loss);
});

test('the chart redraws while training, not only at the end', async ({ page }) => {
  await openPlayground(page);
  await longRun(page);
  await page.getByRole('button', { name: 'Train' }).click();
  const chart = page.getByRole('figure', { name: 'Loss per epoch' });
  const lossLine = chart.locator('path.curve[data-series="loss"]');
  await waitForEpoch(page, 2);
  const before = await lossLine.getAttribute('d');
  await waitForEpoch(page, (await statusEpoch(page)) + 2);
  const after = await lossLine.getAttribute('d');
  // Still running: the redraw happened mid-run.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeEnabled();
  expect(after).not.toEqual(before);
  const legend = (figure: typeof chart) => figure.getByRole('list', { name: 'Legend' }).getByRole('listitem').allTextContents();
  expect(await legend(chart)).toEqual(['loss', 'val_loss']);
  expect(await legend(page.getByRole('figure', { name: 'mae per epoch' }))).toEqual(['mae', 'val_mae']);
  // The log scale has no zero tick; the linear axis starts at 0.
  const ticks = () => chart.locator('.y-axis text.y-tick').allTextContents();
  expect(await ticks()).toContain('0');
  await chart.getByRole('checkbox', { name: 'Log scale' }).check();
  await expect.poll(ticks).not.toContain('0');
  await stopIfRunning(page);
});

test('the loss chart reads out the values at an epoch, by keyboard and by pointer', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText(/Finished \d+ epochs/, { timeout: 60_000 });
  const rows = await historyRows(page);
  const last = rows.at(-1)!;
  const chart = page.getByRole('figure', { name: 'Loss per epoch' });
  const plot = chart.getByLabel(/Loss per epoch: hover, or use the arrow keys/);
  const readout = chart.locator('.chart-readout');
  const value = async (name: string) => Number(/: (\S+)$/.exec((await readout.getByText(new RegExp(`^${name}:`)).textContent()) ?? '')?.[1]);

  await plot.focus();
  await page.keyboard.press('End');
  await expect(readout).toContainText(`epoch ${last.epoch}`);
  expect(await value('loss')).toBeCloseTo(last.loss, 3);
  expect(await value('val_loss')).toBeCloseTo(last.valLoss, 3);
  await page.keyboard.press('ArrowLeft');
  await expect(readout).toContainText(`epoch ${last.epoch - 1}`);
  expect(await value('loss')).toBeCloseTo(rows.at(-2)!.loss, 3);
  await page.keyboard.press('Home');
  await expect(readout).toContainText('epoch 1');
  await page.keyboard.press('Tab');
  await expect(readout).toBeHidden();

  // The pointer at the plot's left edge reads epoch 1; leaving the plot hides the readout.
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + 58, box.y + box.height / 2);
  await expect(readout).toContainText('epoch 1');
  expect(await value('loss')).toBeCloseTo(rows[0]!.loss, 3);
  await page.mouse.move(box.x + box.width / 2, box.y - 80);
  await expect(readout).toBeHidden();
});

test('Pause freezes the epoch count, Train resumes it, Stop ends the run', async ({ page }) => {
  await openPlayground(page);
  await longRun(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 2);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status')).toContainText('Paused.');
  const pausedAt = await statusEpoch(page);
  const rowsAtPause = (await historyRows(page)).length;
  await page.waitForTimeout(2500);
  expect(await statusEpoch(page)).toBe(pausedAt);
  expect((await historyRows(page)).length).toBe(rowsAtPause);

  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, pausedAt + 2);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status')).toContainText(/Stopped at epoch \d+/);
  const stoppedAt = await statusEpochFromStopped(page);
  await page.waitForTimeout(1500);
  expect((await historyRows(page)).length).toBe(stoppedAt);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeDisabled();
});

async function statusEpochFromStopped(page: import('@playwright/test').Page): Promise<number> {
  const text = (await page.getByRole('status').textContent()) ?? '';
  return Number(/Stopped at epoch (\d+)/.exec(text)?.[1] ?? Number.NaN);
}

test('after Reset a second run starts from epoch 1 with nothing of the first mixed in', async ({ page }) => {
  await openPlayground(page);
  await longRun(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 3);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('status')).toHaveText('Ready. Press Train to start.');
  expect(await historyRows(page)).toHaveLength(0);

  // Straight away, while the first run may still have messages in flight.
  await page.getByRole('button', { name: 'Train' }).click();
  await expect.poll(async () => (await listedHistory(page)).rows.length).toBeGreaterThanOrEqual(1);
  await expectEpochsFromOne(page);
  await waitForEpoch(page, 4);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status')).toContainText('Stopped at epoch');
  const rows = await historyRows(page);
  expect(rows.map((r) => r.epoch)).toEqual(rows.map((_, i) => i + 1));
  expect(await statusEpochFromStopped(page)).toBe(rows.length);
});

test('switching to a synthetic set mid-run starts clean on the new data', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 2);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
  await expect(page.getByRole('status')).toHaveText('Ready. Press Train to start.');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 3);
  const rows = await expectEpochsFromOne(page);
  // Concrete's MAE is in MPa (≥ 5); cross-entropy on the circle starts below 1.
  for (const row of rows) expect(row.loss).toBeLessThan(1.5);
  await stopIfRunning(page);
});
