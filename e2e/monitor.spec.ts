import { expect, test, type Page } from '@playwright/test';
import { openPlayground } from './helpers';

/** The "Training history" table's epoch and val_accuracy columns, as numbers (the column found by its header). */
async function valAccuracies(page: Page): Promise<{ epoch: number; value: number }[]> {
  const table = page.getByRole('table', { name: 'Training history', exact: true });
  const headers = await table.locator('thead th').allTextContents();
  const column = headers.indexOf('val_accuracy');
  expect(column, `val_accuracy column in ${headers.join(', ')}`).toBeGreaterThan(0);
  const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => td.textContent ?? '')));
  return cells.map((row) => ({ epoch: Number(row[0]), value: Number(row[column]) }));
}

/**
 * Keras 3's EarlyStopping on a quantity that should rise (mode 'auto' for
 * accuracy is 'max'): `best` starts empty, every epoch adds one to `wait`,
 * an epoch improves when `value − min_delta > best` and resets `wait`; it
 * stops once `wait ≥ patience`, never after the first epoch.
 */
function kerasStop(rows: { epoch: number; value: number }[], patience: number, minDelta: number): { stoppedAt: number | null; bestEpoch: number } {
  let best: number | null = null;
  let bestEpoch = 0;
  let wait = 0;
  for (const { epoch, value } of rows) {
    wait += 1;
    if (best === null || value - minDelta > best) {
      best = value;
      bestEpoch = epoch;
      wait = 0;
    } else if (wait >= patience && epoch > 1) return { stoppedAt: epoch, bestEpoch };
  }
  return { stoppedAt: null, bestEpoch };
}

test('Monitor = val_accuracy stops a classification run patience epochs after its best accuracy and restores that epoch', async ({ page }) => {
  await openPlayground(page);
  // Noisy moons and an over-sized network, with early stopping on.
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: '6. Early stopping' });
  await expect(page.getByRole('checkbox', { name: 'Early stopping' })).toBeChecked();
  const monitor = page.getByRole('combobox', { name: 'Monitor' });
  await monitor.selectOption('val_accuracy');
  await expect(monitor.locator('option:checked')).toHaveText('val_accuracy');
  await expect(page.getByRole('combobox', { name: 'Mode' }).locator('option:checked')).toHaveText('auto (max)');
  await page.getByRole('spinbutton', { name: 'Patience' }).fill('3');
  await expect(page.getByRole('checkbox', { name: 'Restore best weights' })).toBeChecked();
  await expect(page.getByText(/^Stops when val_accuracy has not risen by more than [\d.]+ for 3 epochs/)).toBeVisible();
  const minDelta = Number(await page.getByRole('spinbutton', { name: 'Min delta' }).inputValue());
  const limit = Number(await page.getByRole('slider', { name: 'Epochs' }).getAttribute('aria-valuetext'));

  await page.getByRole('button', { name: 'Train' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('Stopped early at epoch', { timeout: 120_000 });
  const text = (await status.textContent()) ?? '';
  const [, stopped, restored, best] = /Stopped early at epoch (\d+); restored weights from epoch (\d+) \(best val_accuracy ([\d.]+)\)/.exec(text) ?? [];
  expect(stopped, text).toBeDefined();

  const rows = await valAccuracies(page);
  expect(rows).toHaveLength(Number(stopped));
  const keras = kerasStop(rows, 3, minDelta);
  expect(keras.stoppedAt).toBe(Number(stopped));
  expect(Number(restored)).toBe(keras.bestEpoch);
  // The restored epoch is the first of the highest val_accuracy, and patience epochs followed it.
  const values = rows.map((row) => row.value);
  expect(Number(restored)).toBe(values.indexOf(Math.max(...values)) + 1);
  expect(Number(stopped) - Number(restored)).toBe(3);
  expect(Number(best)).toBeCloseTo(Math.max(...values), 3);
  expect(Number(stopped)).toBeLessThan(limit / 2);
  // Both charts mark the restored epoch: the metric chart is where val_accuracy is drawn.
  await expect(page.getByRole('figure', { name: 'Loss per epoch' }).locator('svg text', { hasText: 'restored' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'accuracy per epoch' }).locator('svg text', { hasText: 'restored' })).toBeVisible();
});
