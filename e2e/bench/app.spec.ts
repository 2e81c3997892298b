import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { test } from '@playwright/test';
import { observeLongTasks, setUpW2, trainW2, W2_EPOCHS } from '../w2';
import { setUpW5, trainW5, W5_EPOCHS, type SeriesRun } from './appSeries';
import { observeMainThread, type LongFrame } from './longFrames';
import { benchSelected } from './only';
import { readWorkerTrace, tapWorkers, type WorkerTrace } from './workerTap';

/** The app's production build, served beside the bench page (playwright.bench.config.ts). */
const APP_URL = 'http://localhost:4175/';
const RUNS = 3;

/**
 * Issue 7's smoothness in the app itself: W2 trained through the UI, with a
 * PerformanceObserver counting the main thread's tasks over 50 ms from Train
 * until the last epoch is drawn, three runs in one page load.
 */
test('benchmark: main-thread long tasks during W2 runs in the app', async ({ page }) => {
  test.skip(!benchSelected('W2'), 'BENCH_ONLY leaves W2 out');
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

/** Where a long frame's time went: its scripts, longest first, as "invoker sourceURL:function ms". */
const blame = (frame: LongFrame): string =>
  frame.scripts
    .toSorted((a, b) => b.duration - a.duration)
    .slice(0, 3)
    .map((s) => `${s.invoker} ${s.sourceURL.split('/').pop()}${s.sourceFunctionName ? `:${s.sourceFunctionName}` : ''} ${s.duration} ms`)
    .join('; ');

/**
 * Issue 15's smoothness: W5 (the Sunspots LSTM the app opens with) trained
 * through the UI with Auto and with the CPU backend, the main thread's tasks
 * over 50 ms counted from Train until the last epoch and the forecast are
 * drawn, and the scripts Chromium blames for each long frame kept.
 */
test('benchmark: main-thread long tasks during W5 runs in the app', async ({ page }) => {
  test.skip(!benchSelected('W5'), 'BENCH_ONLY leaves W5 out');
  await observeMainThread(page);
  await tapWorkers(page);
  await page.goto(APP_URL);
  await page.getByText(/Backend: (webgl|wasm|cpu|js)/).waitFor();
  await setUpW5(page);
  const runs: (SeriesRun & { preference: string; worker: WorkerTrace; load: [number, number] })[] = [];
  for (const preference of ['auto', 'cpu']) {
    const box = page.getByRole('combobox', { name: 'Backend' });
    if ((await box.inputValue()) !== preference) {
      await box.selectOption(preference);
      await page.getByText(`Backend: ${preference}`).waitFor();
    }
    await readWorkerTrace(page);
    const before = loadavg()[0]!;
    const run = await trainW5(page);
    runs.push({ preference, ...run, worker: await readWorkerTrace(page), load: [before, loadavg()[0]!] });
  }
  /** The worker's own time per epoch (training and the epoch's report), the median from epoch 2. */
  const workerMs = (trace: WorkerTrace): number => {
    const ms = trace.epochs.slice(1).map((e) => e.ms).sort((a, b) => a - b);
    return ms[Math.floor(ms.length / 2)] ?? Number.NaN;
  };
  const lines = [
    '| app run | backend | epochs | seconds (click to finished) | epochs/s shown | worker ms/epoch (median) | forecasts measured | tasks over 50 ms | longest (ms) | load avg (1 min) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...runs.map(
      (run) =>
        `| W5, ${run.preference} | ${run.backend} | ${W5_EPOCHS} | ${run.seconds.toFixed(2)} | ${run.epochsPerSecond.toFixed(2)} | ${workerMs(run.worker).toFixed(0)} | ${run.worker.probes.filter((p) => p.kinds.includes('forecast')).length} | ${run.longTasks.length} | ${run.longTasks.length ? Math.max(...run.longTasks) : '—'} | ${run.load.map((l) => l.toFixed(1)).join(' → ')} |`,
    ),
    '',
    '| app run | long frame (ms) | blocking (ms) | rendering (ms) | scripts |',
    '| --- | ---: | ---: | ---: | --- |',
    ...runs.flatMap((run) =>
      run.longFrames.map((frame) => `| W5, ${run.preference} | ${frame.duration} | ${frame.blockingDuration} | ${frame.renderDuration} | ${blame(frame)} |`),
    ),
  ];
  console.log(lines.join('\n'));
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/app-w5.json', JSON.stringify({ date: new Date().toISOString(), workload: 'W5', epochs: W5_EPOCHS, runs }, null, 2));
});
