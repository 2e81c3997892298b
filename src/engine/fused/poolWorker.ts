/// <reference lib="webworker" />
import { instantiateKernels } from './kernels';
import { serve } from './poolJobs';

/*
 * One helper thread of the engine's kernel pool (pool.ts): it instantiates
 * the kernels over the pool's shared memory, says it is ready, then serves
 * jobs from its slot until told to stop.
 */

declare const self: DedicatedWorkerGlobalScope;

export interface PoolWorkerStart {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  slot: number;
}

self.onmessage = async (message: MessageEvent<PoolWorkerStart>) => {
  const { module, memory, control, slot } = message.data;
  try {
    const k = await instantiateKernels(module, memory);
    self.postMessage({ ready: true });
    serve(k, new Int32Array(control), slot);
  } catch (error) {
    self.postMessage({ ready: false, message: error instanceof Error ? error.message : String(error) });
  }
  self.close();
};
