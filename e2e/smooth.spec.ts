import { expect, test } from '@playwright/test';
import { historyRows, openPlayground } from './helpers';

/**
 * Issue 7's W2, set up as a person would: the breast cancer table and the
 * network pasted as Keras code, trained at over a hundred epochs a second.
 * The page's main thread must stay responsive: no task over 50 ms (a "long
 * task", as the Long Tasks API reports it) from Train until the run's last
 * epoch is drawn.
 */
test('a W2 run (breast cancer, dropout and batch normalization) keeps the main thread responsive', async ({ page }) => {
  await page.addInitScript(() => {
    const state = { recording: false, longTasks: [] as number[] };
    (window as unknown as { __longTasks: typeof state }).__longTasks = state;
    new PerformanceObserver((list) => {
      if (!state.recording) return;
      for (const entry of list.getEntries()) if (entry.duration > 50) state.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: false });
  });
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('breastCancer');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await page.getByRole('button', { name: 'Paste Keras code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste Keras code' });
  await dialog.getByRole('textbox', { name: 'Keras code' }).fill(`model = keras.Sequential([
    layers.Dense(64, activation='relu', input_shape=[30]),
    layers.Dropout(0.3),
    layers.BatchNormalization(),
    layers.Dense(32, activation='relu'),
    layers.Dropout(0.3),
    layers.BatchNormalization(),
    layers.Dense(1, activation='sigmoid'),
])
model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['binary_accuracy'])
model.fit(X_train, y_train, batch_size=32, epochs=300)`);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  // Let the page settle after the edits, then record only the run itself.
  await page.waitForTimeout(500);
  await page.evaluate(() => ((window as unknown as { __longTasks: { recording: boolean } }).__longTasks.recording = true));
  // Waiting with Playwright's role locator would itself make long tasks: each
  // poll evaluates an ARIA query over the whole page in the page's main thread
  // (40-65 ms here, seen in a Chromium trace). The status element is found
  // once, and watched with a cheap check instead.
  const status = await page.getByRole('status').elementHandle();
  await page.getByRole('button', { name: 'Train' }).click();
  await page.waitForFunction((el) => el?.textContent?.includes('Finished 300 epochs'), status, { polling: 250, timeout: 120_000 });
  // The last frames of the run are drawn.
  await page.waitForTimeout(500);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: { longTasks: number[] } }).__longTasks.longTasks);
  expect(longTasks, 'tasks over 50 ms during the run (ms)').toEqual([]);
  const rows = await historyRows(page);
  expect(rows).toHaveLength(300);
  expect(rows.at(-1)!.loss).toBeLessThan(rows[0]!.loss);
});
