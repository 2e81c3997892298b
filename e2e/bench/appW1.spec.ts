import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { expect, test } from '@playwright/test';
import { benchSelected } from './only';
import { setUpW1InApp } from './w1';

/** The app's production build, served beside the bench page (playwright.bench.config.ts). */
const APP_URL = 'http://localhost:4175/';
const RUNS = 4;
/** How long a paused run trains, from its first epoch shown, before Pause is pressed: the whole run, 2,000 epochs (the most the app allows), is under half a second. */
const TRAIN_MS = 100;

interface W1AppRun {
  /** Whether Pause was clicked (runs alternate: one trains to the end, the next is paused). */
  paused: boolean;
  /** Epochs a second the status line showed, from its first epoch to the last it showed (before Pause, or Finished). */
  epochsPerSecond: number;
  /** Times a second the status line's epoch count changed over that stretch. */
  updatesPerSecond: number;
  /** From the click on Pause to the status line saying the run is paused, in ms (NaN for a run not paused). */
  pauseMs: number;
  /**
   * Epochs the worker trained after the click: the paused epoch less the
   * last one shown before the click (which lags the worker's, so this is
   * an upper bound); at the run's speed, how long Pause took to take effect.
   */
  epochsAfterPause: number;
  /** The epoch the status line showed last. */
  lastEpoch: number;
}

/**
 * Issue 17's W1 as a learner sees it: TensorFlow Playground's default
 * network (circle, 2-4-2-1 tanh, batch 10, SGD 0.03) trained through the
 * UI, the status line's epoch count read by a MutationObserver as it
 * changes, Train and then Pause clicked from the page itself (no
 * Playwright round trip in the timings) and the time until the status line
 * says Paused taken.
 */
test('benchmark: W1 in the app — epochs a second shown, updates a second, and how soon Pause takes effect', async ({ page }) => {
  test.skip(!benchSelected('W1'), 'BENCH_ONLY leaves W1 out');
  await page.goto(APP_URL);
  await page.getByText(/Backend: (webgl|webgpu|wasm|cpu|js)/).waitFor();
  await setUpW1InApp(page);
  const runs: W1AppRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(
      await page.evaluate(async ({ trainMs, paused }) => {
        const status = document.querySelector('[role="status"]')!;
        const epochOf = (text: string): number => Number(/Epoch (\d+)\//.exec(text)?.[1] ?? Number.NaN);
        const changes: { at: number; epoch: number }[] = [];
        let pausedAt = Number.NaN;
        const observer = new MutationObserver(() => {
          const text = status.textContent ?? '';
          if (text.startsWith('Paused') && Number.isNaN(pausedAt)) pausedAt = performance.now();
          const epoch = epochOf(text);
          if (Number.isFinite(epoch) && epoch !== changes[changes.length - 1]?.epoch) changes.push({ at: performance.now(), epoch });
        });
        observer.observe(status, { childList: true, subtree: true, characterData: true });
        const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === name)!;
        button('Train').click();
        const clickedTrainAt = performance.now();
        while (changes.length === 0 && performance.now() - clickedTrainAt < 10_000) await new Promise((resolve) => setTimeout(resolve, 1));
        if (changes.length === 0) throw new Error(`No epoch shown within 10 s of Train; the status says: ${status.textContent}`);
        let clickedAt = Number.POSITIVE_INFINITY;
        if (paused) {
          await new Promise((resolve) => setTimeout(resolve, trainMs));
          const pause = button('Pause');
          clickedAt = performance.now();
          // A run that ended before the click has nothing to pause: its row says so (NaN).
          if (pause.disabled) pausedAt = Number.POSITIVE_INFINITY;
          pause.click();
          while (Number.isNaN(pausedAt) && performance.now() - clickedAt < 5000) await new Promise((resolve) => setTimeout(resolve, 1));
        } else {
          while (!(status.textContent ?? '').startsWith('Finished') && performance.now() - clickedTrainAt < 20_000) await new Promise((resolve) => setTimeout(resolve, 5));
        }
        observer.disconnect();
        // From the first epoch shown to the last before the click on Pause (or to the end).
        const window = changes.filter((c) => c.at <= clickedAt);
        const seconds = (window[window.length - 1]!.at - window[0]!.at) / 1000;
        const shownAtClick = changes.filter((c) => c.at <= clickedAt).at(-1)?.epoch ?? Number.NaN;
        return {
          epochsAfterPause: paused && Number.isFinite(pausedAt) ? epochOf(status.textContent ?? '') - shownAtClick : Number.NaN,
          paused,
          epochsPerSecond: (window[window.length - 1]!.epoch - window[0]!.epoch) / seconds,
          updatesPerSecond: (window.length - 1) / seconds,
          pauseMs: paused && Number.isFinite(pausedAt) ? pausedAt - clickedAt : Number.NaN,
          lastEpoch: window[window.length - 1]!.epoch,
        };
      }, { trainMs: TRAIN_MS, paused: i % 2 === 1 }),
    );
    const stop = page.getByRole('button', { name: 'Stop' });
    if (await stop.isEnabled()) await stop.click();
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Ready/);
  }
  const backend = /Backend: (\w+)/.exec((await page.getByText(/Backend: (webgl|webgpu|wasm|cpu|js)/).textContent()) ?? '')?.[1] ?? '?';
  const lines = [
    '| app run | backend | paused | epochs/s shown | status updates/s | "Paused" shown after (ms) | last epoch shown |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: |',
    ...runs.map(
      (run, i) =>
        `| W1 run ${i + 1} | ${backend} | ${run.paused ? 'yes' : 'no, to the end'} | ${Number.isFinite(run.epochsPerSecond) ? run.epochsPerSecond.toFixed(0) : '—'} | ${Number.isFinite(run.updatesPerSecond) ? run.updatesPerSecond.toFixed(1) : '—'} | ${Number.isNaN(run.pauseMs) ? '—' : run.pauseMs.toFixed(0)} | ${run.lastEpoch} |`,
    ),
    '',
    `Load average (1 min): ${loadavg()[0]!.toFixed(1)}.`,
  ];
  console.log(lines.join('\n'));
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/app-w1.json', JSON.stringify({ date: new Date().toISOString(), workload: 'W1', backend, runs }, null, 2));
});
