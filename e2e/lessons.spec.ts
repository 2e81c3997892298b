import { expect, test } from '@playwright/test';
import { historyRows, openPlayground, waitForEpoch } from './helpers';

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

test('the too-high learning rate lesson climbs for several epochs, diverges and says why, and its fix settles', async ({ page }) => {
  // Auto: the JavaScript engine, on which the lesson is tuned.
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: '11. A learning rate too high' });
  await expect(page.getByRole('complementary', { name: 'Lesson' })).toContainText('Log scale');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText(
    /Diverged: loss became (NaN|Infinity) at epoch \d+; the weights of epoch \d+ are kept\. Try a learning rate below 0\.05, such as 0\.005\./,
  );
  await expect(page.getByLabel('Fit diagnosis')).toContainText('Diverged');
  // The chart had finite epochs to show the overshoot: the loss rose epoch over epoch before it overflowed.
  const finite = (await historyRows(page)).map((row) => row.loss).filter(Number.isFinite);
  const rises = finite.filter((loss, i) => i > 0 && loss > finite[i - 1]!).length;
  expect(finite.length).toBeGreaterThanOrEqual(5);
  expect(rises).toBeGreaterThanOrEqual(3);
  // Try next: at 0.01 the same run settles.
  const rate = page.getByRole('slider', { name: 'Learning rate' });
  await rate.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect(rate).toHaveAttribute('aria-valuetext', '0.01');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText('Finished 30 epochs', { timeout: 60_000 });
  const settled = await historyRows(page);
  expect(settled.at(-1)!.loss).toBeLessThan(0.1 * settled[0]!.loss);
});
