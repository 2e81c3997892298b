import { describe, expect, it } from 'vitest';
import { autoWithWebgpu, describeAdapter, isHardwareAdapter, worthTiming, type WebgpuAdapterFacts } from './webgpuAuto';

const adapter = (facts: Partial<WebgpuAdapterFacts>): WebgpuAdapterFacts => ({
  vendor: '',
  architecture: '',
  device: '',
  description: '',
  isFallbackAdapter: false,
  ...facts,
});

/** What headless Chromium reports here with --use-webgpu-adapter=swiftshader. */
const swiftshader = adapter({ vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true });
const nvidia = adapter({ vendor: 'nvidia', architecture: 'hopper' });
const hardwareWebgl = { name: 'webgl', note: 'Auto: a hardware GPU.' } as const;
const softwareWebgl = { name: 'wasm', note: 'Auto: WebGL here is drawn in software, so WASM is faster.' } as const;

describe('which WebGPU adapters count as a GPU', () => {
  it('refuses fallback adapters and software renderers, whatever flag they carry', () => {
    expect(isHardwareAdapter(swiftshader)).toBe(false);
    // Without the fallback flag (older Chromium reports it on the adapter, or not at all), the name still tells.
    expect(isHardwareAdapter({ ...swiftshader, isFallbackAdapter: false })).toBe(false);
    expect(isHardwareAdapter(adapter({ vendor: 'mesa', device: 'llvmpipe (LLVM 15.0.6, 256 bits)' }))).toBe(false);
    expect(isHardwareAdapter(adapter({ description: 'Microsoft Basic Render Driver' }))).toBe(false);
    expect(isHardwareAdapter(adapter({ vendor: 'nvidia', isFallbackAdapter: true }))).toBe(false);
  });

  it('accepts a real GPU, also one whose info the browser keeps blank', () => {
    expect(isHardwareAdapter(nvidia)).toBe(true);
    expect(isHardwareAdapter(adapter({ vendor: 'intel', architecture: 'gen-12lp' }))).toBe(true);
    expect(isHardwareAdapter(adapter({}))).toBe(true);
  });

  it('describes the adapter in a few words for the Backend box', () => {
    expect(describeAdapter(swiftshader)).toBe('google swiftshader');
    expect(describeAdapter(adapter({ vendor: 'apple', architecture: 'metal-3', description: 'Apple M2' }))).toBe('apple metal-3 Apple M2');
    expect(describeAdapter(adapter({}))).toBeNull();
  });

  it('times only hardware adapters', () => {
    expect(worthTiming(null)).toBe(false);
    expect(worthTiming(swiftshader)).toBe(false);
    expect(worthTiming(nvidia)).toBe(true);
  });
});

describe("Auto's choice with WebGPU", () => {
  it('keeps the choice and its note where there is no adapter', () => {
    expect(autoWithWebgpu(null, hardwareWebgl, null)).toEqual(hardwareWebgl);
  });

  it('never picks a software adapter, and says why', () => {
    // Even with timings that favour it: a fallback adapter is not a GPU.
    const choice = autoWithWebgpu(swiftshader, softwareWebgl, { webgpu: 1, other: 50 });
    expect(choice.name).toBe('wasm');
    expect(choice.note).toBe('Auto: WebGL here is drawn in software, so WASM is faster. WebGPU here is a software adapter (google swiftshader), not a GPU.');
  });

  it('picks WebGPU on a hardware GPU where its test step was faster, with both numbers', () => {
    expect(autoWithWebgpu(nvidia, hardwareWebgl, { webgpu: 2.14, other: 5.66 })).toEqual({
      name: 'webgpu',
      note: 'Auto: a hardware GPU; WebGPU ran a test step in 2.1 ms, WebGL in 5.7 ms.',
    });
    // Against WASM where WebGL is software-drawn but WebGPU has the GPU.
    expect(autoWithWebgpu(nvidia, softwareWebgl, { webgpu: 3, other: 31.6 }).note).toBe('Auto: a hardware GPU; WebGPU ran a test step in 3.0 ms, WASM in 32 ms.');
  });

  it('keeps WebGL where WebGPU was slower or only as fast', () => {
    expect(autoWithWebgpu(nvidia, hardwareWebgl, { webgpu: 8, other: 3 })).toEqual({
      name: 'webgl',
      note: 'Auto: a hardware GPU. WebGPU ran a test step in 8.0 ms, WebGL in 3.0 ms, so WebGL is used.',
    });
    expect(autoWithWebgpu(nvidia, hardwareWebgl, { webgpu: 3, other: 3 }).name).toBe('webgl');
  });

  it('keeps the other choice where WebGPU could not run a test step', () => {
    expect(autoWithWebgpu(nvidia, hardwareWebgl, null)).toEqual({ name: 'webgl', note: 'Auto: a hardware GPU. WebGPU could not run a test step here.' });
    expect(autoWithWebgpu(nvidia, hardwareWebgl, { webgpu: Number.NaN, other: 3 }).name).toBe('webgl');
  });
});
