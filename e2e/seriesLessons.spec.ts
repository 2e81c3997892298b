import { expect, test } from '@playwright/test';
import { historyRows, openPlayground } from './helpers';

const shuffledText = /Shuffled validation windows: model MAE (\d+(?:\.\d+)?)\. The future \(the held-out end\): naive forecast MAE (\d+(?:\.\d+)?); model one-step MAE (\d+(?:\.\d+)?)/;

test('lesson 14: with Shuffle time on, the validation windows flatter the model and the Forecast figure says so', async ({ page }) => {
  // Auto: tfjs (the JavaScript engine leaves recurrent layers to it).
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: '14. Why not shuffle time?' });
  await expect(page.getByRole('complementary', { name: 'Lesson' })).toContainText('Shuffle time on');
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('sunspots');
  const shuffle = page.getByRole('checkbox', { name: 'Shuffle time' });
  await expect(shuffle).toBeChecked();
  await page.getByRole('button', { name: 'Train' }).click();
  // The whole lesson (20 epochs): the final model's forecast is measured as the run ends.
  await expect(page.getByRole('status')).toContainText(/Finished 20 epochs/, { timeout: 240_000 });
  const figure = page.getByRole('figure', { name: 'Forecast' });
  await expect(figure.getByText(shuffledText)).toBeVisible({ timeout: 30_000 });
  const [, validation, naive, future] = shuffledText.exec((await figure.getByText(shuffledText).textContent()) ?? '')!.map(Number);
  test.info().annotations.push({ type: 'errors', description: `shuffled validation ${validation}, future ${future}, naive ${naive}` });
  expect(validation!).toBeLessThan(0.8 * future!);
  await expect(figure).toContainText('The shuffled validation windows flatter the model');
  for (const line of ['train', 'validation', 'future', 'rollOut', 'naive']) await expect(figure.locator(`path[data-series="${line}"]`)).toHaveCount(1);
  expect((await historyRows(page)).length).toBe(20);
  // Unticking it goes back to the chronological split, and the hint says what that means.
  await shuffle.uncheck();
  await expect(page.getByText('Validation is the end of the series, which no training window reaches')).toBeVisible();
});

test('lesson 13: the LSTM beats the naive forecast on validation, by the figure’s own numbers', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: '13. A recurrent network on sunspots' });
  await expect(page.getByRole('checkbox', { name: 'Shuffle time' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText(/Finished 20 epochs/, { timeout: 240_000 });
  const figure = page.getByRole('figure', { name: 'Forecast' });
  const errors = /Naive forecast MAE (\d+(?:\.\d+)?); model one-step MAE (\d+(?:\.\d+)?)/;
  await expect(figure.getByText(errors)).toBeVisible({ timeout: 30_000 });
  const [, naive, oneStep] = errors.exec((await figure.getByText(errors).textContent()) ?? '')!.map(Number);
  test.info().annotations.push({ type: 'errors', description: `naive ${naive}, one-step ${oneStep}` });
  expect(oneStep!).toBeLessThan(naive!);
  await expect(figure).toContainText('One step ahead, the model beats the naive forecast on validation.');
});
