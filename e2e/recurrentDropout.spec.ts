import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { historyRows, openPlayground } from './helpers';

test('Sunspots: Input dropout on the LSTM, set in the editor, trains one epoch and goes into the Keras script', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('sunspots');
  const lstm = page.getByRole('list', { name: 'Layers' }).getByRole('listitem').first();
  await expect(lstm).toHaveAccessibleName('1. LSTM');
  const input = lstm.getByRole('spinbutton', { name: 'Input dropout' });
  await expect(input).toHaveValue('0');
  await expect(lstm.getByRole('spinbutton', { name: 'Recurrent dropout' })).toHaveValue('0');
  await input.fill('0.2');
  await expect(input).toHaveValue('0.2');
  // A rate of 1 would drop every input: said in plain words, and Train waits for a usable rate.
  await lstm.getByRole('spinbutton', { name: 'Recurrent dropout' }).fill('1');
  await expect(lstm).toContainText('Recurrent dropout must be at least 0 and below 1 (it is 1)');
  await expect(page.getByRole('button', { name: 'Train' })).toBeDisabled();
  await lstm.getByRole('spinbutton', { name: 'Recurrent dropout' }).fill('0');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();

  const epochs = page.getByRole('slider', { name: 'Epochs' });
  await epochs.focus();
  await page.keyboard.press('Home');
  await expect(epochs).toHaveAttribute('aria-valuetext', '1');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText('Finished 1 epoch', { timeout: 120_000 });
  const rows = await historyRows(page);
  expect(rows).toHaveLength(1);
  expect(Number.isFinite(rows[0]!.loss) && Number.isFinite(rows[0]!.valLoss)).toBe(true);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Keras script' }).click();
  const script = await readFile(await (await download).path(), 'utf8');
  expect(script).toContain('layers.LSTM(units=32, activation="tanh", recurrent_activation="sigmoid", dropout=0.2, return_sequences=False, input_shape=[20, 1])');
});
