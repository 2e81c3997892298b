import type { Page } from '@playwright/test';

/** What the page heard from its training worker during a run, with the page's clock (performance.now()). */
export interface WorkerTrace {
  /** Each epoch event: its epoch, the worker's own ms for it (training and the epoch's report), and when it arrived. */
  epochs: { epoch: number; ms: number; at: number }[];
  /** Each probe event: when it arrived and which results it carried. */
  probes: { at: number; kinds: string[] }[];
  predictions: number;
}

/**
 * Listens, from before the page's scripts run, to every message its workers
 * post back (a listener added to each Worker the page makes; the app's code
 * is untouched). Call before `page.goto`; read with readWorkerTrace.
 */
export async function tapWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const trace = { epochs: [] as unknown[], probes: [] as unknown[], predictions: 0 };
    (window as unknown as { __workerTrace: typeof trace }).__workerTrace = trace;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (message: MessageEvent) => {
          type Heard = { type?: string; record?: { epoch: number; ms: number }; result?: Record<string, unknown> };
          // The training worker posts its events in arrays (src/engine/eventBatcher.ts).
          const events = (Array.isArray(message.data) ? message.data : [message.data]) as Heard[];
          for (const event of events) {
            if (event?.type === 'epoch' && event.record) trace.epochs.push({ epoch: event.record.epoch, ms: event.record.ms, at: performance.now() });
            if (event?.type === 'probe' && event.result) {
              trace.probes.push({ at: performance.now(), kinds: Object.keys(event.result).filter((key) => event.result![key] != null) });
            }
            if (event?.type === 'predictions') trace.predictions++;
          }
        });
      }
    };
  });
}

/** Returns what was heard since the last call, and starts afresh. */
export const readWorkerTrace = (page: Page): Promise<WorkerTrace> =>
  page.evaluate(() => {
    const trace = (window as unknown as { __workerTrace: WorkerTrace }).__workerTrace;
    const heard = { epochs: trace.epochs, probes: trace.probes, predictions: trace.predictions };
    trace.epochs = [];
    trace.probes = [];
    trace.predictions = 0;
    return heard;
  });
