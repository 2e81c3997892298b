import * as tf from '@tensorflow/tfjs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { initBackend } from './backend';
import { timeTestStep } from './webgpuProbe';

// Node has no WebGPU: these tests hand the modules a stand-in `navigator.gpu`.
type Adapter = { info: Record<string, unknown> } | null;
function withAdapter(adapter: Adapter) {
  const requestAdapter = vi.fn(async () => adapter);
  vi.stubGlobal('navigator', { gpu: { requestAdapter } });
  return requestAdapter;
}

describe('WebGPU in the backend choice', () => {
  // The WASM loader's expected failure in Node, tfjs's Node advice and its note on a backend that did
  // not start are kept out of the log; anything else logged still shows.
  const expected = /wasm|Aborted|TensorFlow\.js in Node|tfjs-node|webgpu|^\s*=+\s*$/i;
  beforeAll(() => {
    for (const method of ['error', 'warn', 'log'] as const) {
      const original = console[method].bind(console);
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        if (!expected.test(args.map(String).join(' '))) original(...args);
      });
    }
  });
  afterEach(() => vi.unstubAllGlobals());
  afterAll(async () => {
    vi.restoreAllMocks();
    await tf.setBackend('cpu');
  });

  it('a test step is short, finite and leaves no tensor behind', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const ms = await timeTestStep();
    expect(ms).toBeGreaterThan(0);
    expect(Number.isFinite(ms)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Auto on a software adapter neither times nor picks WebGPU, and says why', async () => {
    const requestAdapter = withAdapter({ info: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true } });
    const info = await initBackend('auto');
    expect(info.name).not.toBe('webgpu');
    expect(info.note).toContain('WebGPU here is a software adapter (google swiftshader), not a GPU.');
    expect(tf.getBackend()).toBe(info.name);
    expect(requestAdapter).toHaveBeenCalledTimes(1);
    // Never timed, so tfjs's WebGPU backend was not even loaded.
    expect(tf.findBackendFactory('webgpu')).toBeNull();
  });

  it('Auto on a hardware adapter whose device cannot start keeps the other backend and says so', async () => {
    withAdapter({ info: { vendor: 'nvidia', architecture: 'hopper' } });
    const before = tf.memory().numTensors;
    const info = await initBackend('auto');
    expect(info.name).not.toBe('webgpu');
    expect(info.note).toMatch(/WebGPU could not run a test step here\.$/);
    expect(tf.getBackend()).toBe(info.name);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('asking for WebGPU where there is none falls back and says why', async () => {
    withAdapter(null);
    const info = await initBackend('webgpu');
    expect(info.name).not.toBe('webgpu');
    expect(info.note).toBe(`webgpu is not available here (the browser offers no WebGPU adapter), so ${info.name} is used.`);
    vi.unstubAllGlobals();
    expect((await initBackend('webgpu')).note).toMatch(/^webgpu is not available here \(this browser has no WebGPU\), so \w+ is used\.$/);
  });
});
