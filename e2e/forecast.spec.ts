import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openPlayground, stopIfRunning, waitForEpoch } from './helpers';

const errorsText = /Naive forecast MAE (\d+(?:\.\d+)?); model one-step MAE (\d+(?:\.\d+)?); model fed back on itself MAE (\d+(?:\.\d+)?)/;

test('Sunspots: the Forecast figure shows the series, both forecasts and the naive forecast’s MAE beside the model’s', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('sunspots');
  const figure = page.getByRole('figure', { name: 'Forecast' });
  await expect(figure).toBeVisible();
  await expect(figure).toContainText('Train to see the model forecast the series.');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 3, 120_000);
  await expect(figure.getByText(errorsText)).toBeVisible({ timeout: 30_000 });
  for (const line of ['series', 'train', 'validation', 'rollOut', 'naive']) await expect(figure.locator(`path[data-series="${line}"]`)).toHaveCount(1);
  await expect(figure.getByRole('list', { name: 'Legend' })).toContainText('fed back on its own predictions');
  await stopIfRunning(page);
  await figure.screenshot({ path: test.info().outputPath('forecast.png') });
  // The run's final model is measured too, so the numbers stay after it ends.
  const text = (await figure.getByText(errorsText).textContent()) ?? '';
  test.info().annotations.push({ type: 'forecast', description: text });
  const [, naive, oneStep, fed] = errorsText.exec(text)!.map(Number);
  // Sunspots' naive forecast is off by about 20 a year on validation; every error is a positive number of sunspots.
  expect(naive).toBeGreaterThan(5);
  for (const value of [oneStep!, fed!]) expect(value).toBeGreaterThan(0);
  // The figure passes axe's serious and critical rules.
  const { violations } = await new AxeBuilder({ page }).include('figure[aria-label="Forecast"]').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
