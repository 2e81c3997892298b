import { test } from '@playwright/test';
import { startTrace, stopTrace } from './trace';
import { setUpW1InApp } from './w1';

const APP_URL = 'http://localhost:4175/';

/**
 * A diagnosis, not a measure: W1 in the app under Chromium's tracing, Train
 * then Pause after 100 ms, naming the code behind the main thread's heaviest
 * tasks (those that delay the status line). Runs only with BENCH_TRACE=1,
 * best against a build without minifying (see appTrace.spec.ts).
 */
test('diagnosis: what the main thread does between Train, Pause and "Paused" in W1', async ({ page }) => {
  test.skip(!process.env.BENCH_TRACE, 'set BENCH_TRACE=1 to trace');
  await page.addInitScript(() => {
    const heard: string[] = [];
    (window as unknown as { __heard: string[] }).__heard = heard;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (message: MessageEvent) => {
          const t0 = (window as unknown as { __t0?: number }).__t0;
          if (t0 === undefined) return;
          const events = (Array.isArray(message.data) ? message.data : [message.data]) as { type?: string; record?: { epoch: number } }[];
          const epochs = events.filter((e) => e?.type === 'epoch').map((e) => e.record?.epoch);
          const others = events.filter((e) => e?.type !== 'epoch').map((e) => e?.type);
          heard.push(`${(performance.now() - t0).toFixed(0)} ms: worker → ${epochs.length} epochs ${epochs[0] ?? ''}–${epochs.at(-1) ?? ''} ${others.join(',')}`);
        });
      }
    };
  });
  await page.goto(APP_URL);
  await page.getByText(/Backend: (webgl|webgpu|wasm|cpu|js)/).waitFor();
  await setUpW1InApp(page);
  await startTrace(page);
  const marks = await page.evaluate(async () => {
    const status = document.querySelector('[role="status"]')!;
    const seen: string[] = [];
    const t0 = performance.now();
    (window as unknown as { __t0?: number }).__t0 = t0;
    const observer = new MutationObserver(() => seen.push(`${(performance.now() - t0).toFixed(0)} ms: ${(status.textContent ?? '').slice(0, 40)}`));
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === name)!;
    button('Train').click();
    while (!/Epoch \d+\//.test(status.textContent ?? '')) await new Promise((resolve) => setTimeout(resolve, 1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen.push(`${(performance.now() - t0).toFixed(0)} ms: click Pause`);
    button('Pause').click();
    while (!(status.textContent ?? '').startsWith('Paused')) await new Promise((resolve) => setTimeout(resolve, 1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    observer.disconnect();
    return [...seen, ...(window as unknown as { __heard: string[] }).__heard].sort((a, b) => parseFloat(a) - parseFloat(b));
  });
  const summary = await stopTrace(page, []);
  console.log(marks.join('\n'));
  for (const [kind, task] of [...summary.longTasks.map((t) => ['over 50 ms', t] as const), ...summary.heaviestTasks.map((t) => ['most CPU', t] as const)]) {
    console.log(`- ${kind}: task at ${task.at} ms: ${task.wallMs} ms wall, ${task.cpuMs ?? '?'} ms CPU; self: ${task.self.map(([n, ms]) => `${n} ${ms}`).join(', ')}`);
    if (task.components.length > 0) console.log(`    components: ${task.components.map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
    console.log(`    on the stack: ${task.inclusive.map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
  }
});
