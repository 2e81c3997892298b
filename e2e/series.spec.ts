import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { historyRows, openPlayground, stopIfRunning, waitForEpoch } from './helpers';

test('Sunspots: Window 20 → LSTM(32) → Dense(1) trains on a tfjs backend and the loss falls', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('sunspots');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  const layers = page.getByRole('list', { name: 'Layers' }).getByRole('listitem');
  await expect(layers).toHaveCount(2);
  await expect(layers.first()).toHaveAccessibleName('1. LSTM');
  await expect(layers.first().getByRole('spinbutton', { name: 'Units' })).toHaveValue('32');
  await expect(layers.first().getByRole('checkbox', { name: 'Return sequences' })).not.toBeChecked();
  await expect(page.getByRole('slider', { name: 'Window' })).toHaveAttribute('aria-valuetext', '20 steps');
  await expect(page.getByRole('slider', { name: 'Horizon' })).toHaveAttribute('aria-valuetext', 'next step');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 3, 120_000);
  // The JavaScript engine leaves recurrent layers to tfjs, and the Backend box says so.
  await expect(page.getByText(/Backend: (webgl|wasm|cpu)/)).toBeVisible();
  await expect(page.getByText(/leaves recurrent layers \(SimpleRNN, LSTM, GRU\) to tfjs/)).toBeVisible();
  test.info().annotations.push({ type: 'backend', description: (await page.locator('.backend').textContent()) ?? '' });
  const rows = await historyRows(page);
  expect(rows.length).toBeGreaterThanOrEqual(3);
  expect(rows.at(-1)!.loss).toBeLessThan(rows[0]!.loss);
  for (const row of rows) expect(Number.isFinite(row.valLoss)).toBe(true);
  await stopIfRunning(page);
});

test('"Return sequences" is needed between two recurrent layers, in plain words', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('sine');
  await page.getByRole('combobox', { name: 'Layer type' }).selectOption('GRU');
  await page.getByRole('button', { name: 'Add layer' }).click();
  const layers = page.getByRole('list', { name: 'Layers' }).getByRole('listitem');
  await expect(layers).toHaveCount(3);
  await expect(layers.first()).toContainText('passes on only its last step, but layer 2 (GRU) needs the whole sequence');
  await layers.first().getByRole('checkbox', { name: 'Return sequences' }).check();
  await expect(page.getByText('needs the whole sequence')).toHaveCount(0);
  await page.getByRole('slider', { name: 'Window' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('slider', { name: 'Window' })).toHaveAttribute('aria-valuetext', '24 steps');
  await expect(page.getByText('Input: windows of 24 steps × 1 value')).toBeVisible();
  // The new controls (Window, Horizon, Return sequences) pass axe's serious and critical rules.
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
