/// <reference lib="webworker" />
/// <reference path="../../src/engine/fused/simd/kernelModules.d.ts" />
import kernelBytes from '../../src/engine/fused/simd/kernels.as';
import { timePeak } from './peakLoop';

/*
 * One core's share of the machine peak: the engine's own SIMD multiply-add
 * loop (kernels.as, peak), started when the page says so, run for the
 * window it gives, so every worker of the pool runs at the same time.
 */

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (message: MessageEvent<{ startAt: number; windowMs: number }>) => {
  const gmacs = await timePeak(kernelBytes, message.data.windowMs, message.data.startAt);
  self.postMessage({ gmacs });
};
