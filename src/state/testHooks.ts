import type { TrainingClient } from '../engine/client';
import type { KernelMode } from '../engine/protocol';

/**
 * What browser tests may reach into the page for: things a person cannot do
 * (kill the worker) or see (the worker's tensor counts). Installed only when
 * the address has a `testHooks` parameter, so normal use never has it.
 */
export interface PlaygroundTestHooks {
  /** Ends the training worker at once, as a crash would. */
  killWorker(): void;
  /** Loses the worker's GPU device (WebGL's context or WebGPU's device), as a GPU reset would. */
  loseGpu(): void;
  /** `tf.memory().numTensors` in the worker before and after the last run the page heard end; null before any. */
  lastRunTensors(): { before: number; after: number } | null;
  /** The JavaScript engine's kernels for the runs that follow: 'auto' (a thread per core where it can), 'simd' (one thread), 'scalar'. */
  setKernelMode(mode: KernelMode): void;
}

declare global {
  interface Window {
    __playgroundTest?: PlaygroundTestHooks;
  }
}

/** Whether the page address asks for the test hooks. */
export function wantsTestHooks(search: string): boolean {
  return new URLSearchParams(search).has('testHooks');
}

/** The hooks for a client; they listen to it from now on. */
export function createTestHooks(client: TrainingClient): PlaygroundTestHooks {
  let lastRun: { before: number; after: number } | null = null;
  client.subscribe((event) => {
    if (event.type === 'runEnded') lastRun = { before: event.tensorsBefore, after: event.tensorsAfter };
  });
  return {
    killWorker: () => client.kill(),
    loseGpu: () => client.loseGpu(),
    lastRunTensors: () => lastRun,
    setKernelMode: (mode) => client.setKernelMode(mode),
  };
}
