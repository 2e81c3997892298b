import { expect, test, type Page } from '@playwright/test';
import { historyRows, openPlayground } from './helpers';

/** Each hidden layer's 10 %–90 % weight range at the last epoch, as the Weight distribution figure words it, averaged. */
async function weightSpread(page: Page): Promise<number> {
  const items = await page.getByRole('list', { name: /^Weight spread at epoch \d+$/ }).getByRole('listitem').allTextContents();
  const ranges = items.map((text) => {
    const match = /from (\S+) to (\S+)$/.exec(text);
    if (!match) throw new Error(`Unexpected spread text: ${text}`);
    return Number(match[2]) - Number(match[1]);
  });
  // The last kernel is the output layer's, which the lesson leaves without a penalty.
  const hidden = ranges.slice(0, -1);
  return hidden.reduce((a, b) => a + b, 0) / hidden.length;
}

/** val_loss − loss over the last ten epochs. */
async function gap(page: Page): Promise<number> {
  const rows = (await historyRows(page)).slice(-10);
  return rows.reduce((sum, row) => sum + row.valLoss - row.loss, 0) / rows.length;
}

async function trainToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText('Finished 150 epochs', { timeout: 90_000 });
}

test('an L2 penalty on the overfitting network keeps its weights’ spread lower and its train/val gap narrower', async ({ page }) => {
  // Auto: the JavaScript engine, on which the lesson is tuned.
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: '15. L2 weight penalty' });
  const select = page.getByRole('combobox', { name: 'Regularization', exact: true });
  await expect(select).toHaveValue('l2');
  await expect(page.getByRole('slider', { name: 'Regularization rate' })).toHaveAttribute('aria-valuetext', '0.003');
  await expect(page.getByRole('figure', { name: 'Loss per epoch' })).toContainText('include the L2 penalty');
  await page.locator('summary', { hasText: /^Gradients and weights$/ }).click();

  await trainToEnd(page);
  const withL2 = { spread: await weightSpread(page), gap: await gap(page) };

  await select.selectOption('none');
  await trainToEnd(page);
  // The note follows the run on the chart.
  await expect(page.getByRole('figure', { name: 'Loss per epoch' })).not.toContainText('penalty');
  const without = { spread: await weightSpread(page), gap: await gap(page) };

  expect(withL2.spread, JSON.stringify({ withL2, without })).toBeLessThan(0.7 * without.spread);
  expect(withL2.gap, JSON.stringify({ withL2, without })).toBeLessThan(0.5 * without.gap);
});
