import { mkdir, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { RunState } from '../../src/state/runState';
import { MAX_RUNS, recordOf, type RunRecord } from '../../src/state/runsList';
import { defaultExperiment } from '../../src/state/defaults';
import { benchSelected } from './only';

/** The app's production build, served beside the bench page (playwright.bench.config.ts). */
const APP_URL = 'http://localhost:4175/?testHooks';
/** Runs back to back; SOAK_RUNS=20 for a longer look. */
const RUNS = Number(process.env.SOAK_RUNS ?? 5);

/** MAX_RUNS finished runs of 300 epochs each, as the runs list stores them. */
function storedRuns(): RunRecord[] {
  const { layers, config } = defaultExperiment('circle');
  return Array.from({ length: MAX_RUNS }, (_, n) => {
    const run: RunState = {
      runId: null,
      phase: 'ended',
      setup: { datasetId: 'circle', layers, config: { ...config, epochs: 300 } },
      history: Array.from({ length: 300 }, (_, i) => ({ epoch: i + 1, loss: 0.7 / (i + 1), valLoss: 0.8 / (i + 1), metric: 0.9, valMetric: 0.9, ms: 1, learningRate: 0.03 })),
      outcome: { kind: 'completed', epochs: 300, restoredFrom: null },
    } as unknown as RunState;
    return { ...recordOf(run, n + 1)!, id: `soak-${n + 1}` };
  });
}

interface Sample {
  seconds: number;
  epoch: number;
  heapMb: number | null;
  storageKb: number;
}

/** The JS heap (Chromium's performance.memory), the saved entries' size and the epoch shown, now. */
const sample = (page: Page, started: number): Promise<Sample> =>
  page.evaluate((t0) => {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    let chars = 0;
    for (let i = 0; i < localStorage.length; i++) chars += (localStorage.getItem(localStorage.key(i)!) ?? '').length;
    const status = document.querySelector('[role="status"]')?.textContent ?? '';
    const epoch = Number(/Epoch (\d+)\/|Finished (\d+)/.exec(status)?.slice(1).find(Boolean) ?? 0);
    return { seconds: (Date.now() - t0) / 1000, epoch, heapMb: memory ? memory.usedJSHeapSize / 2 ** 20 : null, storageKb: (chars * 2) / 1024 };
  }, started);

/**
 * Issue 14's soak: with the runs list full (200 finished runs) and every view
 * open (Network, Gradients and weights, Weights, Predictions), runs of 2,000
 * epochs back to back on the circle. Heap, saved size and the worker's tensors
 * must stay flat or bounded; saving must not fail silently.
 */
test('benchmark: soak, 200 saved runs and every view open', async ({ page }) => {
  test.skip(!benchSelected('soak'), 'BENCH_ONLY leaves this out');
  const runs = storedRuns();
  await page.addInitScript((entry) => {
    if (!sessionStorage.getItem('soak-seeded')) {
      localStorage.setItem('nn-playground', entry);
      sessionStorage.setItem('soak-seeded', '1');
    }
  }, JSON.stringify({ state: { experiment: null, runs, compared: [] }, version: 1 }));
  await page.goto(APP_URL);
  await page.getByText(/Backend: (webgl|wasm|cpu|js)/).waitFor();
  const runsSummary = page.locator('summary', { hasText: /^Runs \(\d+\)$/ });
  await expect(runsSummary).toHaveText(`Runs (${MAX_RUNS})`);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
  for (const section of ['Network', 'Gradients and weights', 'Weights']) await page.locator('summary', { hasText: new RegExp(`^${section}$`) }).click();
  const epochs = page.getByRole('slider', { name: 'Epochs' });
  await epochs.focus();
  await page.keyboard.press('End');
  const started = Date.now();
  const samples: Sample[] = [await sample(page, started)];
  const tensors: ({ before: number; after: number } | null)[] = [];
  // What the page holds after a full collection, at the end of each run: the samples between rise and fall with the collector's timing.
  const cdp = await page.context().newCDPSession(page);
  const retainedMb: (number | null)[] = [];
  const collected = async (): Promise<number | null> => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await sample(page, started)).heapMb;
  };
  retainedMb.push(await collected());
  const status = await page.getByRole('status').elementHandle();
  for (let r = 0; r < RUNS; r++) {
    if (r > 0) await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('button', { name: 'Train' }).click();
    while (!((await status?.textContent()) ?? '').includes('Finished 2000 epochs')) {
      await page.waitForTimeout(2000);
      samples.push(await sample(page, started));
    }
    tensors.push(await page.evaluate(() => window.__playgroundTest?.lastRunTensors() ?? null));
    retainedMb.push(await collected());
  }
  samples.push(await sample(page, started));
  const notices = (await page.locator('.notices').allTextContents()).join(' ');
  const listed = Number(/\((\d+)\)/.exec((await runsSummary.textContent()) ?? '')?.[1] ?? 0);
  const heap = samples.flatMap((s) => (s.heapMb === null ? [] : [s.heapMb]));
  console.log(
    [
      '| soak | value |',
      '| --- | ---: |',
      `| epochs trained | ${(RUNS * 2000).toLocaleString('en-US')} in ${samples.at(-1)!.seconds.toFixed(0)} s |`,
      `| JS heap, first / max / last sample (MB) | ${heap.length ? `${heap[0]!.toFixed(1)} / ${Math.max(...heap).toFixed(1)} / ${heap.at(-1)!.toFixed(1)}` : 'n/a'} |`,
      `| JS heap after a collection, before the first run and after each (MB) | ${retainedMb.map((mb) => (mb === null ? '?' : mb.toFixed(1))).join(', ')} |`,
      `| saved entries, first / last (KB) | ${samples[0]!.storageKb.toFixed(0)} / ${samples.at(-1)!.storageKb.toFixed(0)} |`,
      `| worker tensors before / after each run | ${tensors.map((t) => (t ? `${t.before}/${t.after}` : '?')).join(', ')} |`,
      `| runs listed at the end | ${listed} |`,
      `| notices | ${notices || 'none'} |`,
    ].join('\n'),
  );
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/soak.json', JSON.stringify({ date: new Date().toISOString(), samples, retainedMb, tensors, listed, notices }, null, 2));
  for (const t of tensors) expect(t && t.after).toBe(t?.before);
  // The first run leaves its views and history (about 6 MB); the runs after it add almost nothing.
  const [, afterFirst] = retainedMb;
  const afterLast = retainedMb.at(-1);
  if (typeof afterFirst === 'number' && typeof afterLast === 'number') {
    expect(afterLast - afterFirst, 'MB the page keeps, after a collection, between the end of the first run and of the last').toBeLessThan(4);
  }
});
