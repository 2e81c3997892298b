import { expect, test, type Page } from '@playwright/test';
import { longRun, openPlayground, statusEpoch, stopIfRunning, waitForEpoch } from './helpers';

/** Sets the Batch size slider to 2^power with the keyboard (its steps are 1, 2, 4, …). */
async function setBatchSize(page: Page, power: number): Promise<void> {
  const batch = page.getByRole('slider', { name: 'Batch size' });
  await batch.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < power; i++) await page.keyboard.press('ArrowRight');
  await expect(batch).toHaveAttribute('aria-valuetext', String(2 ** power));
}

/** The figures under the per-step chart: steps so far, and the step-to-step change in percent. */
async function stepSummary(page: Page): Promise<{ steps: number; change: number }> {
  const text = (await page.getByRole('figure', { name: 'Loss per step' }).locator('.step-noise').textContent()) ?? '';
  const match = /^([\d,]+) steps.*Step-to-step change: ([\d.]+) %/.exec(text);
  return match ? { steps: Number(match[1]!.replace(/,/g, '')), change: Number(match[2]) } : { steps: 0, change: Number.NaN };
}

/** Trains the current experiment until `epochs` epochs, checking that the step chart fills during the run; then stops. */
async function trainAndMeasure(page: Page, epochs: number): Promise<number> {
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForEpoch(page, 2);
  const early = await stepSummary(page);
  const figure = page.getByRole('figure', { name: 'Loss per step' });
  const line = figure.locator('path.curve[data-series="step"]');
  const before = await line.getAttribute('d');
  await waitForEpoch(page, Math.max(epochs, (await statusEpoch(page)) + 2));
  // The chart has more steps than a moment ago and its curve was redrawn (it
  // draws at most every 100 ms during a long run), and the run is still going: it fills live.
  const later = await stepSummary(page);
  expect(later.steps).toBeGreaterThan(early.steps);
  await expect.poll(() => line.getAttribute('d')).not.toEqual(before);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeEnabled();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status')).toContainText('Stopped at epoch');
  const final = await stepSummary(page);
  expect(final.steps).toBeGreaterThanOrEqual(later.steps);
  return final.change;
}

test('the per-step loss chart fills while a run trains and shows small batches to be noisier than large ones', async ({ page }) => {
  await openPlayground(page);
  await longRun(page);
  await setBatchSize(page, 1);
  const small = await trainAndMeasure(page, 4);
  await page.getByRole('button', { name: 'Reset' }).click();
  await setBatchSize(page, 6);
  const large = await trainAndMeasure(page, 90);
  expect(small).toBeGreaterThan(2 * large);
  await stopIfRunning(page);
});
