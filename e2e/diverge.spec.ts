import { expect, test } from '@playwright/test';
import { openPlayground } from './helpers';

test('a run that diverges at once on unscaled inputs names the scaling before the learning rate', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Scaling' }).selectOption('none');
  await page.getByRole('combobox', { name: 'Optimizer' }).selectOption('sgd');
  await page.getByRole('combobox', { name: 'Loss' }).selectOption('mse');
  const rate = page.getByRole('slider', { name: 'Learning rate' });
  await rate.focus();
  await page.keyboard.press('End');
  await expect(rate).toHaveAttribute('aria-valuetext', '1');
  await page.getByRole('button', { name: 'Train' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText(/Diverged: loss became (NaN|Infinity) at epoch [12]\b/, { timeout: 60_000 });
  await expect(status).toContainText('The inputs are not scaled');
  await expect(status).toContainText('set Scaling to Standardize');
  // The fix it names works: standardized inputs at a sane rate train.
  await page.getByRole('combobox', { name: 'Scaling' }).selectOption('standard');
  await rate.focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft');
  await expect(rate).toHaveAttribute('aria-valuetext', '0.001');
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(status).toContainText(/Epoch \d+\/|Finished/);
  await expect(status).not.toContainText('Diverged', { timeout: 5_000 });
});
