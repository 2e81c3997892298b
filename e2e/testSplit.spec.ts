import { expect, test, type Page } from '@playwright/test';
import { openPlayground } from './helpers';

/** Moves a stepped slider to its `steps`-th value from the start with the keyboard, and checks what it reads. */
async function setSlider(page: Page, name: string, steps: number, text: string): Promise<void> {
  const slider = page.getByRole('slider', { name, exact: true });
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', text);
}

/** Every count in the confusion matrix, added up: the rows the matrix is of. */
async function matrixRows(page: Page): Promise<number> {
  const cells = await page.getByRole('table', { name: 'Confusion matrix' }).locator('tbody td').allTextContents();
  return cells.reduce((sum, cell) => sum + Number(cell), 0);
}

test('a test split is measured once when the run ends: the status, the runs list and the predictions on Test show it', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  // A small 2-D set with two classes, so the predictions include a confusion matrix to count rows in.
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  const slider = page.getByRole('slider', { name: 'Test split', exact: true });
  await expect(slider).toHaveAttribute('aria-valuetext', 'none');
  await setSlider(page, 'Epochs', 4, '5');
  await setSlider(page, 'Test split', 2, '10 %');

  await page.getByRole('button', { name: 'Train' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('Finished 5 epochs', { timeout: 90_000 });
  await expect(status).toContainText('Test set: test_loss');
  const text = (await status.textContent()) ?? '';
  const [, loss, accuracy] = /Test set: test_loss ([\d.]+), test_accuracy ([\d.]+)\./.exec(text) ?? [];
  expect(loss, text).toBeDefined();
  expect(Number(loss)).toBeGreaterThan(0);
  expect(Number(accuracy)).toBeGreaterThan(0);
  expect(Number(accuracy)).toBeLessThanOrEqual(1);

  // The runs list keeps the run with its test loss.
  const runs = page.getByRole('list', { name: 'Finished runs' });
  await expect(runs.getByRole('listitem')).toHaveCount(1);
  await expect(runs).toContainText(`test_loss ${Number(loss).toPrecision(4)}`);
  await expect(runs).toContainText('test_accuracy');

  // The predictions switch from the validation rows to the test rows.
  const on = page.getByRole('group', { name: 'Predictions on' });
  await expect(on.getByRole('radio', { name: 'Validation' })).toBeChecked();
  await expect(page.getByText(/Validation accuracy: \d+\.\d %/)).toBeVisible();
  const validationRows = await matrixRows(page);
  await on.getByRole('radio', { name: 'Test' }).check();
  await expect(on.getByRole('radio', { name: 'Test' })).toBeChecked();
  const hint = on.getByText(/\d+ test rows, measured once when the run ended/);
  await expect(hint).toBeVisible();
  const testRows = Number(/(\d+) test rows/.exec((await hint.textContent()) ?? '')?.[1]);
  await expect(page.getByText(`Test accuracy: ${(Number(accuracy) * 100).toFixed(1)} %`)).toBeVisible();
  expect(await matrixRows(page)).toBe(testRows);
  expect(testRows).toBeLessThan(validationRows);
  // The plane rings the test rows now, and says so.
  await expect(page.getByRole('checkbox', { name: 'Show test points' })).toBeChecked();
  await expect(page.getByText('ringed points are test data.')).toBeVisible();
  await on.getByRole('radio', { name: 'Validation' }).check();
  await expect.poll(() => matrixRows(page)).toBe(validationRows);
});
