import { expect, test } from '@playwright/test';
import { openPlayground, waitForEpoch } from './helpers';

test('a lesson loads its experiment, explains itself, and the badge names what the run shows', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: '4. Underfitting' });
  const lesson = page.getByRole('complementary', { name: 'Lesson' });
  await expect(lesson).toContainText('A single neuron draws one straight line');
  await expect(lesson).toContainText('Try next:');
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('circle');
  await expect(page.getByRole('list', { name: 'Layers' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 2);
  await expect(page.getByLabel('Fit diagnosis')).toBeVisible();
  await expect(page.getByLabel('Fit diagnosis')).toContainText('Underfitting', { timeout: 60_000 });
  await expect(lesson).toBeVisible();
  // Picking other data ends the lesson.
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('wine');
  await expect(lesson).toBeHidden();
});

test('the too-high learning rate lesson diverges and says why', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: '11. A learning rate too high' });
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText(
    /Diverged: loss became (NaN|Infinity) at epoch \d+; the (weights of epoch \d+|initial weights) are kept\. Try a learning rate below 1, such as 0\.1\./,
  );
  await expect(page.getByLabel('Fit diagnosis')).toContainText('Diverged');
});
