import { mkdir, writeFile } from 'node:fs/promises';
import { test } from '@playwright/test';
import { observeLongTasks, setUpW2, trainW2, W2_EPOCHS } from '../w2';

/** The app's production build, served beside the bench page (playwright.bench.config.ts). */
const APP_URL = 'http://localhost:4175/';
const RUNS = 3;

/**
 * Issue 7's smoothness in the app itself: W2 trained through the UI, with a
 * PerformanceObserver counting the main thread's tasks over 50 ms from Train
 * until the last epoch is drawn, three runs in one page load.
 */
test('benchmark: main-thread long tasks during W2 runs in the app', async ({ page }) => {
  await observeLongTasks(page);
  await page.goto(APP_URL);
  await page.getByText(/Backend: (webgl|wasm|cpu|js)/).waitFor();
  await setUpW2(page);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(() => {
      const state = (window as unknown as { __longTasks: { longTasks: number[] } }).__longTasks;
      state.longTasks = [];
    });
    runs.push(await trainW2(page));
  }
  // The backend Auto chose for the run, as the page says it.
  const backend = /Backend: (\w+)/.exec((await page.getByText(/Backend: (webgl|wasm|cpu|js)/).textContent()) ?? '')?.[1] ?? '?';
  const lines = [
    '| app run | backend | epochs | seconds (click to finished) | epochs/s shown | tasks over 50 ms | longest (ms) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...runs.map(
      (run, i) =>
        `| W2 run ${i + 1} | ${backend} | ${W2_EPOCHS} | ${run.seconds.toFixed(2)} | ${(W2_EPOCHS / run.seconds).toFixed(0)} | ${run.longTasks.length} | ${run.longTasks.length ? Math.max(...run.longTasks) : '—'} |`,
    ),
  ];
  console.log(lines.join('\n'));
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/app.json', JSON.stringify({ date: new Date().toISOString(), workload: 'W2', backend, epochs: W2_EPOCHS, runs }, null, 2));
});
