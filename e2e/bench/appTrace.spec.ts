import { mkdir, writeFile } from 'node:fs/promises';
import { test } from '@playwright/test';
import { setUpW5, trainW5 } from './appSeries';
import { observeMainThread } from './longFrames';
import { startTrace, stopTrace } from './trace';
import { readWorkerTrace, tapWorkers } from './workerTap';

const APP_URL = 'http://localhost:4175/';

/**
 * A diagnosis, not a measure (tracing slows the page): W5 in the app under
 * Chromium's tracing with the V8 sampling profiler, to name the code behind
 * each main-thread task over 50 ms and the worker's busiest functions. Runs
 * only with BENCH_TRACE=1, best against a build without minifying:
 * `npx vite build --minify false --outDir dist-trace && E2E_OUT_DIR=dist-trace BENCH_TRACE=1 BENCH_ONLY=W5 npx playwright test -c playwright.bench.config.ts appTrace`.
 */
test('diagnosis: what the main thread and the worker do during W5 in the app', async ({ page }) => {
  test.skip(!process.env.BENCH_TRACE, 'set BENCH_TRACE=1 to trace');
  await observeMainThread(page);
  await tapWorkers(page);
  await page.goto(APP_URL);
  await page.getByText(/Backend: (webgl|wasm|cpu|js)/).waitFor();
  await setUpW5(page);
  const preferences = (process.env.BENCH_TRACE_BACKENDS ?? 'auto,cpu').split(',');
  const report: Record<string, unknown>[] = [];
  for (const preference of preferences) {
    const box = page.getByRole('combobox', { name: 'Backend' });
    if ((await box.inputValue()) !== preference) {
      await box.selectOption(preference);
      await page.getByText(`Backend: ${preference}`).waitFor();
    }
    await readWorkerTrace(page);
    await startTrace(page);
    const run = await trainW5(page);
    const summary = await stopTrace(page, (process.env.BENCH_TRACE_CALLERS ?? 'readSync,getFilteredNodesXToY,readBack,rollOut,measureForecast').split(','));
    const worker = await readWorkerTrace(page);
    report.push({ preference, run, summary, worker });
    console.log(`\n## W5 in the app, ${preference} (${run.backend}): ${run.epochsPerSecond.toFixed(2)} epochs/s, ${run.longTasks.length} tasks over 50 ms`);
    console.log(`main thread busy ${summary.mainBusyMs} ms, worker busy ${summary.workerBusyMs} ms, of ${summary.traceMs} ms`);
    const tasks = [...summary.longTasks.map((t) => ['over 50 ms', t] as const), ...summary.heaviestTasks.map((t) => ['most CPU', t] as const)];
    for (const [kind, task] of tasks) {
      console.log(`- ${kind}: task at ${task.at} ms: ${task.wallMs} ms wall, ${task.cpuMs ?? '?'} ms CPU; self: ${task.self.map(([n, ms]) => `${n} ${ms}`).join(', ')}`);
      if (task.components.length > 0) console.log(`    components: ${task.components.map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
      console.log(`    on the stack: ${task.inclusive.map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
    }
    console.log(`main thread, busiest (self ms): ${summary.mainSelf.map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
    console.log(`worker, busiest (self ms): ${summary.workerSelf.map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
    console.log(`worker, on the stack (ms): ${summary.workerInclusive.map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
    console.log(`CPU ms by thread (top-level tasks): ${summary.threadCpu.map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
    for (const [name, chains] of Object.entries(summary.workerCallers)) console.log(`callers of ${name}: ${chains.map(([c, ms]) => `${c} ${ms}`).join(' || ')}`);
    const ms = worker.epochs.map((e) => e.ms).sort((a, b) => a - b);
    const gaps = worker.epochs.slice(2).map((e, i) => e.at - worker.epochs[i + 1]!.at);
    console.log(
      `worker epochs: ${worker.epochs.length}, median ms ${ms[Math.floor(ms.length / 2)]?.toFixed(0)}, mean gap between epoch events (from epoch 2) ${(gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length)).toFixed(0)} ms; probes ${worker.probes.length} (${worker.probes.filter((p) => p.kinds.includes('forecast')).length} with a forecast); predictions ${worker.predictions}`,
    );
  }
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/app-w5-trace.json', JSON.stringify({ date: new Date().toISOString(), report }, null, 2));
});
