import { expect, test } from '@playwright/test';
import { historyRows, openPlayground, waitForEpoch } from './helpers';

for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
  test(`?backend=${backend} trains on ${backend}`, async ({ page }) => {
    await openPlayground(page, `?backend=${backend}`);
    await expect(page.getByText(`Backend: ${backend}`, { exact: true })).toBeVisible();
    if (backend === 'webgl') await expect(page.locator('.backend')).toContainText(/\(.+\)/);
    await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
    await page.getByRole('button', { name: 'Train' }).click();
    await waitForEpoch(page, 3);
    await page.getByRole('button', { name: 'Stop' }).click();
    const rows = await historyRows(page);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((row) => Number.isFinite(row.loss) && row.loss > 0)).toBe(true);
  });
}

test('an unknown ?backend= is reported and the choice is automatic', async ({ page }) => {
  await openPlayground(page, '?backend=quantum');
  await expect(page.getByRole('alert')).toContainText('"quantum", which is not one of webgl, wasm or cpu');
});
