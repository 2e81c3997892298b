import { expect, test } from '@playwright/test';
import { historyRows, openPlayground, waitForEpoch, stopIfRunning } from './helpers';

for (const backend of ['webgl', 'wasm', 'cpu', 'js'] as const) {
  test(`?backend=${backend} trains on ${backend}`, async ({ page }) => {
    await openPlayground(page, `?backend=${backend}`);
    await expect(page.getByText(`Backend: ${backend}`, { exact: true })).toBeVisible();
    if (backend === 'webgl') await expect(page.locator('.backend')).toContainText(/\(.+\)/);
    await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
    await page.getByRole('button', { name: 'Train' }).click();
    await waitForEpoch(page, 3);
    await stopIfRunning(page);
    const rows = await historyRows(page);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((row) => Number.isFinite(row.loss) && row.loss > 0)).toBe(true);
  });
}

test('an unknown ?backend= is reported and the choice is automatic', async ({ page }) => {
  await openPlayground(page, '?backend=quantum');
  await expect(page.getByRole('alert')).toContainText('"quantum", which is not one of webgl, wasm, cpu or js');
});

test('Auto picks WASM where WebGL is drawn in software, says why, and the Backend box switches backends', async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByRole('combobox', { name: 'Backend' })).toHaveValue('auto');
  // Headless Chromium here renders WebGL with SwiftShader, on the CPU.
  await expect(page.getByText('Backend: wasm', { exact: true })).toBeVisible();
  await expect(page.locator('.backend')).toContainText('Auto: WebGL here is drawn in software, so WASM is faster.');
  await page.getByRole('combobox', { name: 'Backend' }).selectOption('cpu');
  await expect(page.getByText('Backend: cpu', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 2);
  await expect(page.getByLabel('Run settings')).toContainText('on cpu');
  // Switching during a run ends it cleanly and starts the new backend.
  await page.getByRole('combobox', { name: 'Backend' }).selectOption('webgl');
  await expect(page.getByText('Backend: webgl', { exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Ready. Press Train to start.');
});

test('Auto trains a small model on the JavaScript engine and says why', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 2);
  await expect(page.getByText('Backend: js', { exact: true })).toBeVisible();
  await expect(page.locator('.backend')).toContainText(/Auto: a model this size \(\d+ weights\) trains fastest on the playground's JavaScript engine/);
  await expect(page.getByLabel('Run settings')).toContainText('on js');
  await stopIfRunning(page);
  const rows = await historyRows(page);
  expect(rows.every((row) => Number.isFinite(row.loss) && row.loss > 0)).toBe(true);
});
