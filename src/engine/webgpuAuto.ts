/**
 * Auto's WebGPU decision, kept pure (no tfjs, no browser) so its rules are
 * unit-tested: WebGPU only on a hardware adapter, and only when it ran the
 * same test step faster than the backend Auto would use otherwise.
 */
import type { TfjsBackendName } from './protocol';

/** What a WebGPU adapter says about itself: GPUAdapterInfo's strings and whether it is the browser's fallback adapter. */
export interface WebgpuAdapterFacts {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** `GPUAdapterInfo.isFallbackAdapter` (or the older `GPUAdapter.isFallbackAdapter`): a software implementation. */
  isFallbackAdapter: boolean;
}

/** Adapters that compute on the CPU: Chromium's SwiftShader, Mesa's llvmpipe/lavapipe, Windows' Basic Render Driver. */
const softwareAdapter = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render/i;

/** The adapter in a few words ("nvidia ampere", "google swiftshader"), or null when it says nothing. */
export function describeAdapter(facts: WebgpuAdapterFacts): string | null {
  const words = [facts.vendor, facts.architecture, facts.device || facts.description].map((word) => word.trim()).filter(Boolean);
  return words.length > 0 ? words.join(' ') : null;
}

/** Whether the adapter is a real GPU: not a fallback adapter and no software renderer's name in its info. */
export function isHardwareAdapter(facts: WebgpuAdapterFacts): boolean {
  if (facts.isFallbackAdapter) return false;
  return ![facts.vendor, facts.architecture, facts.device, facts.description].some((field) => softwareAdapter.test(field));
}

/** How the backend names read in a sentence. */
const label: Record<TfjsBackendName, string> = { webgl: 'WebGL', webgpu: 'WebGPU', wasm: 'WASM', cpu: 'CPU' };

/** What Auto would use without WebGPU, and its note ("Auto: a hardware GPU."). */
export interface AutoChoice {
  name: TfjsBackendName;
  note: string;
}

/**
 * Milliseconds of the fastest timed test step (a 256 × 256 matMul + relu and
 * its gradient) on WebGPU and on the other choice.
 */
export interface TestStepTimes {
  webgpu: number;
  other: number;
}

const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

/**
 * Auto's final choice between WebGPU and what it would use otherwise.
 * `adapter` is null where the browser offers no WebGPU adapter; `times` is
 * null where no test step was timed (a software adapter is never timed).
 */
export function autoWithWebgpu(adapter: WebgpuAdapterFacts | null, other: AutoChoice, times: TestStepTimes | null): AutoChoice {
  if (adapter === null) return other;
  if (!isHardwareAdapter(adapter)) {
    const what = describeAdapter(adapter);
    return { name: other.name, note: `${other.note} WebGPU here is a software adapter${what ? ` (${what})` : ''}, not a GPU.` };
  }
  if (times === null || !Number.isFinite(times.webgpu) || !Number.isFinite(times.other)) {
    return { name: other.name, note: `${other.note} WebGPU could not run a test step here.` };
  }
  const measured = `WebGPU ran a test step in ${ms(times.webgpu)}, ${label[other.name]} in ${ms(times.other)}`;
  if (times.webgpu < times.other) return { name: 'webgpu', note: `Auto: a hardware GPU; ${measured}.` };
  return { name: other.name, note: `${other.note} ${measured}, so ${label[other.name]} is used.` };
}

/** Whether Auto should time WebGPU at all: only a hardware adapter can win. */
export const worthTiming = (adapter: WebgpuAdapterFacts | null): adapter is WebgpuAdapterFacts => adapter !== null && isHardwareAdapter(adapter);
