import { expect, test } from '@playwright/test';
import { expectEpochsFromOne, historyRows, listedHistory, longRun, openPlayground, statusEpoch, stopIfRunning, waitForEpoch } from './helpers';

test('keyboard moves the Learning rate and Batch size sliders, and the next run uses them', async ({ page }) => {
  await openPlayground(page);
  const rate = page.getByRole('slider', { name: 'Learning rate' });
  const batch = page.getByRole('slider', { name: 'Batch size' });
  await expect(rate).toHaveAttribute('aria-valuetext', '0.01');
  await rate.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(rate).toHaveAttribute('aria-valuetext', '0.03');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(rate).toHaveAttribute('aria-valuetext', '0.005');

  await expect(batch).toHaveAttribute('aria-valuetext', '32');
  await batch.focus();
  await page.keyboard.press('ArrowRight');
  await expect(batch).toHaveAttribute('aria-valuetext', '64');
  await page.keyboard.press('End');
  await expect(batch).toHaveAttribute('aria-valuetext', '824');
  await page.keyboard.press('ArrowLeft');
  await expect(batch).toHaveAttribute('aria-valuetext', '512');

  await page.getByRole('button', { name: 'Train' }).click();
  // 824 training rows in batches of 512: 2 steps per epoch, as the worker reports.
  await expect(page.getByLabel('Run settings')).toContainText('learning rate 0.005, batch size 512 (2 steps per epoch)');
  await waitForEpoch(page, 2);
  const { omitted, rows } = await listedHistory(page);
  expect(omitted + rows.length).toBeGreaterThanOrEqual(2);
  await stopIfRunning(page);
});

test('changing the learning rate mid-run keeps the epoch count going and marks the chart', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await longRun(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 3);
  const rate = page.getByRole('slider', { name: 'Learning rate' });
  await rate.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(rate).toHaveAttribute('aria-valuetext', '0.005');
  const changedAt = await statusEpoch(page);
  await waitForEpoch(page, changedAt + 3);
  await expect(page.getByLabel('Run settings')).toContainText('learning rate 0.005');
  await expect(page.getByRole('figure', { name: 'Loss per epoch' }).locator('svg text', { hasText: 'lr 0.005' })).toBeVisible();
  // No restart: one run, its epochs still counting from 1 without a gap.
  const rows = await expectEpochsFromOne(page);
  expect(rows.at(-1)!.epoch).toBeGreaterThan(changedAt);
  await expect(page.getByRole('note')).toHaveCount(0);
  await stopIfRunning(page);
});

test('other changes during a run are offered as a clean restart', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await longRun(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 2);
  await page.getByRole('slider', { name: 'Batch size' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('note')).toContainText('Changed since this run started: batch size');
  await page.getByRole('button', { name: 'Restart with changes' }).click();
  await expect(page.getByLabel('Run settings')).toContainText('batch size 16');
  await waitForEpoch(page, 1);
  await expectEpochsFromOne(page);
  await expect(page.getByRole('note')).toHaveCount(0);
  await stopIfRunning(page);
});

test('Step trains exactly one epoch at a time', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Paused\. Epoch 1\/100/);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Paused\. Epoch 2\/100/);
  await page.waitForTimeout(800);
  expect(await historyRows(page)).toHaveLength(2);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 4);
  await stopIfRunning(page);
});

test('early stopping on an over-parameterized model stops before the limit and names the restored epoch', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
  // Far more capacity than 350 noisy points need, and a brisk learning rate.
  for (const item of await page.getByRole('list', { name: 'Layers' }).getByRole('listitem').all()) {
    const units = item.getByRole('spinbutton', { name: 'Units' });
    if ((await units.inputValue()) !== '1') await units.fill('128');
  }
  await page.getByRole('checkbox', { name: 'Early stopping' }).check();
  await page.getByRole('spinbutton', { name: 'Patience' }).fill('5');
  await expect(page.getByRole('checkbox', { name: 'Restore best weights' })).toBeChecked();
  await page.getByRole('button', { name: 'Train' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('Stopped early at epoch', { timeout: 120_000 });
  const [, stopped, restored] = /Stopped early at epoch (\d+); restored weights from epoch (\d+)/.exec(
    (await status.textContent()) ?? '',
  )!.map(Number);
  expect(stopped).toBeLessThan(100);
  // Keras's rule: stop `patience` epochs after the best one.
  expect(stopped! - restored!).toBe(5);
  const rows = await historyRows(page);
  expect(rows).toHaveLength(stopped!);
  // The restored epoch is the last one that beat the best so far by more than min_delta (0.001).
  const restoredLoss = rows[restored! - 1]!.valLoss;
  for (const row of rows.slice(restored!)) expect(row.valLoss).toBeGreaterThanOrEqual(restoredLoss - 0.001 - 1e-4);
  const chart = page.getByRole('figure', { name: 'Loss per epoch' });
  await expect(chart.locator('svg text', { hasText: 'stopped early' })).toBeVisible();
  await expect(chart.locator('svg text', { hasText: 'restored' })).toBeVisible();
});
