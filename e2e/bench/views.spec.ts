import { mkdir, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { applyAndClose, observeLongTasks, setUpW2, trainRecording, trainW2 } from '../w2';
import { benchSelected } from './only';

/** The app's production build, served beside the bench page (playwright.bench.config.ts). */
const APP_URL = 'http://localhost:4175/';
const W1_EPOCHS = 1000;

/** W1 in the app as a person sets it up: the circle without noise, 2-4-2-1 tanh, SGD 0.03, batch 10, half for validation. */
async function setUpW1(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
  const noise = page.getByRole('slider', { name: 'Noise' });
  await noise.focus();
  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await page.getByRole('button', { name: 'Paste Keras code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste Keras code' });
  await dialog.getByRole('textbox', { name: 'Keras code' }).fill(`model = keras.Sequential([
    layers.Dense(4, activation='tanh', input_shape=[2]),
    layers.Dense(2, activation='tanh'),
    layers.Dense(1, activation='sigmoid'),
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.03), loss='binary_crossentropy', metrics=['accuracy'])
model.fit(X, y, batch_size=10, epochs=${W1_EPOCHS}, validation_split=0.5)`);
  await applyAndClose(page);
}

/** Counts, in the page, how often the network diagram's caption (which names the epoch drawn) changes. */
async function countDiagramRedraws(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = { redraws: 0 };
    (window as unknown as { __redraws: typeof state }).__redraws = state;
    const figure = document.querySelector('figure[aria-label="Network"]');
    if (!figure) throw new Error('The Network figure is not on the page.');
    new MutationObserver(() => state.redraws++).observe(figure, { subtree: true, characterData: true, childList: true });
  });
}

const redraws = (page: Page) => page.evaluate(() => (window as unknown as { __redraws: { redraws: number } }).__redraws.redraws);

/**
 * Issue 13's speed and smoothness with the inside views: W1 with every view
 * closed and with the Network open (epochs a second shown, diagram redraws a
 * second), and W2 with the Gradients and weights view open (main-thread
 * tasks over 50 ms), in one page load each.
 */
test('benchmark: the inside views while training', async ({ page }) => {
  test.skip(!benchSelected('views', 'W1', 'W2'), 'BENCH_ONLY leaves this out');
  await observeLongTasks(page);
  await page.goto(APP_URL);
  await page.getByText(/Backend: (webgl|wasm|cpu|js)/).waitFor();
  await setUpW1(page);
  const closed = await trainRecording(page, W1_EPOCHS);
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.locator('summary', { hasText: /^Network$/ }).click();
  await expect(page.getByRole('figure', { name: 'Network' })).toBeVisible();
  await countDiagramRedraws(page);
  const open = await trainRecording(page, W1_EPOCHS);
  const diagramRedraws = await redraws(page);
  await page.locator('summary', { hasText: /^Network$/ }).click();

  await page.reload();
  await page.getByText(/Backend: (webgl|wasm|cpu|js)/).waitFor();
  await setUpW2(page);
  await page.locator('summary', { hasText: /^Gradients and weights$/ }).click();
  await expect(page.getByRole('figure', { name: 'Gradient norm per layer' })).toBeVisible();
  const w2 = await trainW2(page);
  const rows = [
    { run: 'W1, every view closed', epochs: W1_EPOCHS, ...closed, redrawsPerSecond: null },
    { run: 'W1, Network open', epochs: W1_EPOCHS, ...open, redrawsPerSecond: diagramRedraws / open.seconds },
    { run: 'W2, Gradients and weights open', epochs: 300, ...w2, redrawsPerSecond: null },
  ];
  console.log(
    [
      '| app run | epochs | seconds | epochs/s shown | diagram redraws/s | tasks over 50 ms | longest (ms) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${r.run} | ${r.epochs} | ${r.seconds.toFixed(2)} | ${(r.epochs / r.seconds).toFixed(0)} | ${r.redrawsPerSecond === null ? '—' : r.redrawsPerSecond.toFixed(1)} | ${r.longTasks.length} | ${r.longTasks.length ? Math.max(...r.longTasks) : '—'} |`,
      ),
    ].join('\n'),
  );
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/views.json', JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
});
