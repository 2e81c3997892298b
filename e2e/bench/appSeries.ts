import { expect, type Page } from '@playwright/test';
import { startRecording, stopRecording, type MainThreadRecord } from './longFrames';

/** The Sunspots defaults' epochs (src/state/defaults.ts), checked on the page before a run. */
export const W5_EPOCHS = 50;

/**
 * W5 in the app as a person gets it: the Sunspots set with the model it
 * opens with (20-step windows → LSTM(32) → Dense(1), Adam 0.01, MAE, batch
 * 32, 50 epochs), nothing changed. Checks that the page shows that model.
 */
export async function setUpW5(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('sunspots');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  const layers = page.getByRole('list', { name: 'Layers' }).getByRole('listitem');
  await expect(layers).toHaveCount(2);
  await expect(layers.first()).toContainText('LSTM');
  await expect(layers.first().getByRole('spinbutton', { name: 'Units' })).toHaveValue('32');
  await expect(page.getByRole('slider', { name: 'Window' })).toHaveAttribute('aria-valuetext', /^20\b/);
  await expect(page.getByRole('slider', { name: 'Epochs' })).toHaveAttribute('aria-valuetext', String(W5_EPOCHS));
}

export interface SeriesRun extends MainThreadRecord {
  /** From the click on Train until the status line says the run finished. */
  seconds: number;
  /** Epochs a second from the first epoch shown to the last (the first epoch builds the model). */
  epochsPerSecond: number;
  /** The backend the page names once the run is over. */
  backend: string;
}

/**
 * Clicks Train and waits for the run's end, recording the main thread. The
 * status line is watched from inside the page (a MutationObserver noting when
 * each epoch is shown), not with Playwright's role locators, whose every poll
 * is itself a long task on this page (see e2e/w2.ts).
 */
export async function trainW5(page: Page): Promise<SeriesRun> {
  await page.waitForTimeout(500);
  const status = await page.getByRole('status').elementHandle();
  await page.evaluate((el) => {
    const shown: { epoch: number; at: number }[] = [];
    (window as unknown as { __epochsShown: typeof shown }).__epochsShown = shown;
    new MutationObserver(() => {
      const epoch = Number(/Epoch (\d+)\//.exec(el?.textContent ?? '')?.[1] ?? 0);
      if (epoch > (shown[shown.length - 1]?.epoch ?? 0)) shown.push({ epoch, at: performance.now() });
    }).observe(el!, { subtree: true, characterData: true, childList: true });
  }, status);
  await startRecording(page);
  const started = Date.now();
  await page.getByRole('button', { name: 'Train' }).click();
  await page.waitForFunction((el) => /Finished \d+ epochs|Stopped early|Diverged/.test(el?.textContent ?? ''), status, { polling: 250, timeout: 600_000 });
  const seconds = (Date.now() - started) / 1000;
  // The last frames of the run (final predictions, the forecast) are drawn.
  await page.waitForTimeout(1000);
  const record = await stopRecording(page);
  const shown = await page.evaluate(() => (window as unknown as { __epochsShown: { epoch: number; at: number }[] }).__epochsShown);
  const first = shown[0];
  const last = shown[shown.length - 1];
  const epochsPerSecond = first && last && last.epoch > first.epoch ? ((last.epoch - first.epoch) / (last.at - first.at)) * 1000 : Number.NaN;
  const backend = /Backend: (\w+)/.exec((await page.getByText(/Backend: (webgl|wasm|cpu|js)/).textContent()) ?? '')?.[1] ?? '?';
  await expect(page.getByRole('status')).toContainText(`Finished ${W5_EPOCHS} epochs`);
  return { ...record, seconds, epochsPerSecond, backend };
}
