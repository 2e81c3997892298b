import { expect, test } from '@playwright/test';
import { longRun, openPlayground, statusEpoch, stopIfRunning, waitForEpoch } from './helpers';

test('the gradient-norm and weight-distribution charts have one curve per layer with weights, and fill while training', async ({ page }) => {
  await openPlayground(page);
  await longRun(page);
  await page.locator('summary', { hasText: /^Gradients and weights$/ }).click();
  const gradients = page.getByRole('figure', { name: 'Gradient norm per layer' });
  const weights = page.getByRole('figure', { name: 'Weight distribution' });
  await expect(gradients).toBeVisible();
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 3);
  // concrete's default model: Dense 64 → Dense 64 → Dense 1, three kernels.
  const curves = gradients.locator('path.curve');
  await expect(curves).toHaveCount(3);
  await expect(gradients.getByRole('list', { name: 'Legend' }).getByRole('listitem')).toHaveText(['dense', 'dense_1', 'dense_2']);
  await expect(weights.locator('g.weight-strip')).toHaveCount(3);
  const before = [await curves.first().getAttribute('d'), await weights.locator('path.median').first().getAttribute('d')];
  await waitForEpoch(page, (await statusEpoch(page)) + 5);
  await expect
    .poll(async () => [await curves.first().getAttribute('d'), await weights.locator('path.median').first().getAttribute('d')])
    .not.toEqual(before);
  await stopIfRunning(page);
});
