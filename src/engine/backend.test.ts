import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FUSED_AUTO_MAX_PARAMS, backendForRun, fusedAutoNote, initBackend } from './backend';
import type { LayerSpec } from '../model/layers';

// Node has no WebGL (no OffscreenCanvas), like Safari's workers, and cannot load the WASM binary from the
// page's address either: every choice must still land on a backend that works.
describe('backends where WebGL is missing', () => {
  // The WASM loader's expected failure, and tfjs's advice to install tfjs-node, are kept out of the log,
  // where they read like errors of the test run; anything else logged still shows.
  const expected = /wasm|Aborted|TensorFlow\.js in Node|tfjs-node|^\s*=+\s*$/i;
  beforeAll(() => {
    for (const method of ['error', 'warn', 'log'] as const) {
      const original = console[method].bind(console);
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        if (!expected.test(args.map(String).join(' '))) original(...args);
      });
    }
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await tf.setBackend('cpu');
  });

  it('Auto says WebGL is not available and picks another backend', async () => {
    const info = await initBackend('auto');
    expect(info.name).not.toBe('webgl');
    expect(info.auto).toBe(true);
    expect(info.note).toContain('WebGL is not available here');
    expect(tf.getBackend()).toBe(info.name);
  });

  it('asking for WebGL falls back to a working backend and says so', async () => {
    const info = await initBackend('webgl');
    expect(info.name).not.toBe('webgl');
    expect(info.note).toBe(`webgl is not available here, so ${info.name} is used.`);
    const x = tf.tensor([1, 2, 3]);
    expect(Array.from(await x.square().data())).toEqual([1, 4, 9]);
    tf.dispose(x);
  });

  const conv: LayerSpec[] = [
    { id: 'c', kind: 'conv2d', filters: 2, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { id: 'f', kind: 'flatten' },
    { id: 'd', kind: 'dense', units: 2, activation: 'softmax' },
  ];

  it('Auto runs small dense models and CNNs on the JavaScript engine, and a model it cannot run on tfjs', async () => {
    const preferred = await initBackend('auto');
    const dense: LayerSpec[] = [{ id: 'a', kind: 'dense', units: 4, activation: 'relu' }];
    expect((await backendForRun(preferred, { layers: dense, data: { inputShape: [2] } as never })).name).toBe('js');
    const cnn = await backendForRun(preferred, { layers: conv, data: { inputShape: [8, 8, 1] } as never });
    expect(cnn.name).toBe('js');
    // 2 filters of 3×3 plus biases, and a 72 × 2 dense layer: 20 + 146 weights.
    expect(cnn.note).toContain('(166 weights)');
    // Dense on an image (per pixel in tfjs) is beyond the engine.
    const perPixel: LayerSpec[] = [{ id: 'a', kind: 'dense', units: 4, activation: 'relu' }];
    expect((await backendForRun(preferred, { layers: perPixel, data: { inputShape: [4, 4, 3] } as never })).name).not.toBe('js');
  });

  it('Auto keeps every model the engine can run on it without a hardware GPU, and leaves big ones to tfjs on a GPU', () => {
    for (const session of ['wasm', 'cpu'] as const) {
      expect(fusedAutoNote(66_049, session)).toMatch(/\(66,049 weights\) trains fastest on the playground's JavaScript engine: without a hardware GPU/);
      expect(fusedAutoNote(5_000_000, session)).not.toBeNull();
    }
    for (const session of ['webgl', 'webgpu'] as const) {
      expect(fusedAutoNote(66_049, session)).toMatch(/on the GPU, tfjs would spend more time per operation/);
      expect(fusedAutoNote(FUSED_AUTO_MAX_PARAMS.withGpu + 1, session)).toBeNull();
    }
  });

  it('a CNN asked to train on WASM moves to WebGL or CPU and says why', async () => {
    const cnn = await backendForRun({ name: 'wasm', renderer: null, note: null, auto: false }, { layers: conv, data: { inputShape: [8, 8, 1] } as never });
    expect(['webgl', 'cpu']).toContain(cnn.name);
    expect(cnn.note).toContain('WASM cannot train convolution layers');
  });
});
