import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { backendForRun, initBackend } from './backend';
import type { LayerSpec } from '../model/layers';

// Node has no WebGL (no OffscreenCanvas), like Safari's workers, and cannot load the WASM binary from the
// page's address either (hence the WASM errors in the log): every choice must still land on a backend that works.
describe('backends where WebGL is missing', () => {
  afterAll(async () => {
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

  it('Auto runs a small dense model on the JavaScript engine and a CNN on tfjs', async () => {
    const preferred = await initBackend('auto');
    const dense: LayerSpec[] = [{ id: 'a', kind: 'dense', units: 4, activation: 'relu' }];
    const fused = await backendForRun(preferred, { layers: dense, data: { inputShape: [2] } as never });
    expect(fused.name).toBe('js');
    const conv: LayerSpec[] = [
      { id: 'c', kind: 'conv2d', filters: 2, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
      { id: 'f', kind: 'flatten' },
      { id: 'd', kind: 'dense', units: 2, activation: 'softmax' },
    ];
    const tfjs = await backendForRun(preferred, { layers: conv, data: { inputShape: [8, 8, 1] } as never });
    expect(tfjs.name).not.toBe('js');
    expect(tfjs.name).not.toBe('wasm');
  });
});
