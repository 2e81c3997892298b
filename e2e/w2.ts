import { expect, type Page } from '@playwright/test';

/**
 * Issue 7's W2 in the app, set up as a person would: the breast cancer table
 * and the network pasted as Keras code (30-64-32-1 relu, dropout 0.3, batch
 * normalization, batch 32, Adam), 300 epochs. Shared by the smoothness test
 * (e2e/smooth.spec.ts) and the bench (e2e/bench/app.spec.ts).
 */
export const W2_EPOCHS = 300;

/** Installs a PerformanceObserver for long tasks before the page's own scripts run; call before `page.goto`. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = { recording: false, longTasks: [] as number[] };
    (window as unknown as { __longTasks: typeof state }).__longTasks = state;
    new PerformanceObserver((list) => {
      if (!state.recording) return;
      for (const entry of list.getEntries()) if (entry.duration > 50) state.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: false });
  });
}

/** Chooses a dataset, then pastes a network and its training settings as Keras code, as a person would. */
export async function pasteOnDataset(page: Page, datasetId: string, code: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption(datasetId);
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await page.getByRole('button', { name: 'Paste Keras code' }).click();
  await page.getByRole('dialog', { name: 'Paste Keras code' }).getByRole('textbox', { name: 'Keras code' }).fill(code);
  await applyAndClose(page);
}

/** Chooses the breast cancer set and pastes W2's network and training settings. */
export async function setUpW2(page: Page): Promise<void> {
  await pasteOnDataset(
    page,
    'breastCancer',
    `model = keras.Sequential([
    layers.Dense(64, activation='relu', input_shape=[30]),
    layers.Dropout(0.3),
    layers.BatchNormalization(),
    layers.Dense(32, activation='relu'),
    layers.Dropout(0.3),
    layers.BatchNormalization(),
    layers.Dense(1, activation='sigmoid'),
])
model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['binary_accuracy'])
model.fit(X_train, y_train, batch_size=32, epochs=${W2_EPOCHS})`,
  );
}

/**
 * Applies the code in the Paste Keras code dialog. The dialog stays open when
 * it has something to say (values set from Keras's defaults, notes); close it then.
 */
export async function applyAndClose(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Paste Keras code' });
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await dialog.getByRole('button', { name: 'Close' }).click({ timeout: 2_000 }).catch(() => undefined);
  await expect(dialog).toBeHidden();
}

export interface W2Run {
  /** Durations of the main thread's tasks over 50 ms, from Train until the last epoch is drawn. */
  longTasks: number[];
  /** From the click on Train until the status line says the run finished. */
  seconds: number;
}

/**
 * Clicks Train and waits for the run to finish, recording long tasks.
 * Waiting with Playwright's role locator would itself make long tasks: each
 * poll evaluates an ARIA query over the whole page in the page's main thread
 * (40-65 ms here, seen in a Chromium trace). The status element is found
 * once and watched with a cheap in-page check instead.
 */
export async function trainW2(page: Page): Promise<W2Run> {
  return trainRecording(page, W2_EPOCHS);
}

/** Clicks Train and records long tasks until the status line says `epochs` epochs finished; see trainW2. */
export async function trainRecording(page: Page, epochs: number): Promise<W2Run> {
  // Let the page settle after the edits, then record only the run itself.
  await page.waitForTimeout(500);
  const status = await page.getByRole('status').elementHandle();
  await page.evaluate(() => ((window as unknown as { __longTasks: { recording: boolean } }).__longTasks.recording = true));
  const started = Date.now();
  await page.getByRole('button', { name: 'Train' }).click();
  await page.waitForFunction(([el, n]) => el?.textContent?.includes(`Finished ${n} epochs`), [status, epochs] as const, {
    polling: 250,
    timeout: 120_000,
  });
  const seconds = (Date.now() - started) / 1000;
  // The last frames of the run are drawn.
  await page.waitForTimeout(500);
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: { longTasks: number[] } }).__longTasks.longTasks);
  return { longTasks, seconds };
}
