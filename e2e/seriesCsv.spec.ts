import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openPlayground } from './helpers';

const errorsText = /Naive forecast MAE (\d+(?:\.\d+)?); model one-step MAE (\d+(?:\.\d+)?)/;

test('a CSV with a date column: read as a series, its inputs chosen, trained, forecast', async ({ page }) => {
  test.setTimeout(150_000);
  await openPlayground(page, '?backend=wasm');
  // 72 months (generated for this test), two of them out of order: a date, temperature, visitors and sales.
  await page.getByLabel('Load CSV…').setInputFiles('e2e/fixtures/monthly-sales.csv');
  const columns = page.getByRole('group', { name: 'Columns of monthly-sales.csv' });
  await expect(columns).toContainText('"date" reads as dates (such as 2015-01-01)');
  await columns.getByRole('combobox', { name: 'Time column' }).selectOption('date');
  await expect(columns).toContainText('A time series of 72 steps ordered by "date", predicting a number; the rows were not in time order, so they were sorted by time.');
  await expect(columns.getByRole('combobox', { name: 'Target' })).toHaveValue('sales');
  await expect(page.getByRole('slider', { name: 'Window' })).toHaveAttribute('aria-valuetext', '20 steps');
  await expect(page.getByRole('list', { name: 'Layers' }).getByRole('listitem').first()).toHaveAccessibleName('1. LSTM');

  // The inputs at each step: temperature and the sales themselves, not visitors.
  await columns.getByRole('checkbox', { name: 'Use visitors as an input' }).uncheck();
  await expect(columns.getByRole('checkbox', { name: 'Use sales as an input' })).toBeChecked();
  await expect(columns.getByRole('checkbox', { name: 'Use temperature as an input' })).toBeChecked();
  // With no input at all, the page says so in plain words, and recovers.
  await columns.getByRole('checkbox', { name: 'Use sales as an input' }).uncheck();
  await columns.getByRole('checkbox', { name: 'Use temperature as an input' }).uncheck();
  await expect(page.getByRole('alert')).toContainText('No column is an input');
  await columns.getByRole('checkbox', { name: 'Use sales as an input' }).check();
  await columns.getByRole('checkbox', { name: 'Use temperature as an input' }).check();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The planner read as a series passes axe's serious and critical rules.
  const { violations } = await new AxeBuilder({ page }).include('.column-planner').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const epochs = page.getByRole('slider', { name: 'Epochs' });
  await epochs.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(epochs).toHaveAttribute('aria-valuetext', '2');
  const figure = page.getByRole('figure', { name: 'Forecast' });
  await expect(figure).toContainText('Train to see the model forecast the series.');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText('Finished 2 epochs', { timeout: 120_000 });
  await expect(figure.getByText(errorsText)).toBeVisible();
  await expect(figure.locator('path[data-series="series"]')).toHaveCount(1);
  await expect(figure.locator('path[data-series="validation"]')).toHaveCount(1);
  await columns.screenshot({ path: test.info().outputPath('columns.png') });
  await figure.screenshot({ path: test.info().outputPath('forecast.png') });
});

test('Window and Horizon are kept through a reload and in a copied link', async ({ page, browser }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('co2');
  const windowSlider = page.getByRole('slider', { name: 'Window' });
  await windowSlider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(windowSlider).toHaveAttribute('aria-valuetext', '24 steps');
  await page.getByRole('slider', { name: 'Horizon' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('co2');
  await expect(page.getByRole('slider', { name: 'Window' })).toHaveAttribute('aria-valuetext', '24 steps');
  await expect(page.getByRole('slider', { name: 'Horizon' })).toHaveAttribute('aria-valuetext', '2 steps ahead');

  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByRole('textbox', { name: 'Link to this experiment' }).inputValue();
  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(other.getByRole('slider', { name: 'Window' })).toHaveAttribute('aria-valuetext', '24 steps');
  await expect(other.getByRole('slider', { name: 'Horizon' })).toHaveAttribute('aria-valuetext', '2 steps ahead');
  await other.context().close();
});
