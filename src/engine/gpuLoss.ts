import * as tf from '@tensorflow/tfjs';
import { backendWithoutGpu, webglContext } from './backend';
import type { GpuBackendName, GpuWatch } from './session';

/** What the session uses of a WebGPU device (the worker's types know no WebGPU). */
interface WebgpuDevice {
  lost: Promise<unknown>;
  destroy(): void;
}

/** The device tfjs's WebGPU backend runs on, if that backend exists. */
function webgpuDevice(): WebgpuDevice | null {
  const backend = tf.engine().registry['webgpu'] as { device?: WebgpuDevice } | undefined;
  return backend?.device ?? null;
}

/** Devices whose `lost` promise has settled. */
const lostDevices = new WeakSet<WebgpuDevice>();

/** How long lost() waits for a WebGPU device's loss to be announced after an operation failed, in ms. */
const ANNOUNCE_MS = 200;

/**
 * The worker's watch on the GPU a run trains on: tfjs's WebGL canvas fires
 * 'webglcontextlost' when the GPU is reset or taken away; a WebGPU device's
 * `lost` promise settles when it is destroyed, its driver fails or the
 * browser reclaims it.
 */
export const gpuWatch: GpuWatch = {
  watch(backend: GpuBackendName, onLost: () => void): () => void {
    if (backend === 'webgpu') {
      const device = webgpuDevice();
      if (!device) return () => undefined;
      let watching = true;
      void device.lost.then(() => {
        lostDevices.add(device);
        if (watching) onLost();
      });
      return () => {
        watching = false;
      };
    }
    const canvas = (webglContext() as { canvas?: OffscreenCanvas } | null)?.canvas;
    if (!canvas) return () => undefined;
    const listener = () => onLost();
    canvas.addEventListener('webglcontextlost', listener);
    return () => canvas.removeEventListener('webglcontextlost', listener);
  },
  async lost(backend: GpuBackendName): Promise<boolean> {
    if (backend === 'webgl') return webglContext()?.isContextLost() ?? false;
    const device = webgpuDevice();
    if (!device) return false;
    if (lostDevices.has(device)) return true;
    // A read on a lost device can fail before its `lost` promise settles.
    return Promise.race([device.lost.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ANNOUNCE_MS))]);
  },
  fallback: backendWithoutGpu,
};

/** What a GPU reset does to the backend in use: only the test hooks ask for it (the loseGpu command). */
export function loseGpu(): void {
  if (tf.getBackend() === 'webgpu') webgpuDevice()?.destroy();
  else webglContext()?.getExtension('WEBGL_lose_context')?.loseContext();
}
