/** The machine's limit for the JavaScript engine's kind of code, measured in this browser and run. */
export interface Peak {
  /** Giga multiply-adds a second of the WebAssembly SIMD multiply-add loop on one core (a worker). */
  oneCore: number;
  /** navigator.hardwareConcurrency. */
  cores: number;
  /** Whether the page is cross-origin isolated, so the engine may use a pool of threads. */
  isolated: boolean;
  /** Threads the engine's pool uses here (see src/engine/fused/kernelChoice.ts). */
  engineThreads: number;
  /** The same loop in one worker per core at once: what the page really gets from all of them. */
  allCores: number;
}

const WINDOW_MS = 400;

/** Runs the peak loop in `count` workers over the same window; their summed rate. */
async function inWorkers(count: number): Promise<number> {
  const workers = Array.from({ length: count }, () => new Worker(new URL('./peakWorker.ts', import.meta.url), { type: 'module' }));
  // Far enough ahead for every worker to compile and warm up first.
  const startAt = performance.timeOrigin + performance.now() + 1500;
  const rates = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<number>((resolve) => {
          worker.onmessage = (event: MessageEvent<{ gmacs: number }>) => resolve(event.data.gmacs);
          worker.postMessage({ startAt, windowMs: WINDOW_MS });
        }),
    ),
  );
  for (const worker of workers) worker.terminate();
  return rates.reduce((a, b) => a + b, 0);
}

export async function measurePeak(): Promise<Peak> {
  const cores = navigator.hardwareConcurrency || 1;
  const isolated = globalThis.crossOriginIsolated === true;
  const oneCore = await inWorkers(1);
  const allCores = cores > 1 ? await inWorkers(cores) : oneCore;
  return { oneCore, cores, isolated, engineThreads: isolated && cores > 1 ? Math.min(8, cores) : 1, allCores };
}
