import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { LayerSpec } from '../model/layers';
import { backendNames, type BackendInfo, type BackendName, type BackendPreference } from './protocol';

// Vite turns the ?url imports into the files' addresses in the build, so the
// WASM backend loads from our own origin and never from a CDN.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});

/** The renderer string of the GPU WebGL would use ("ANGLE (NVIDIA ...)", "SwiftShader ..."), or null. */
function webglRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}

async function tryBackend(name: BackendName): Promise<boolean> {
  try {
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/**
 * Switches tfjs to the preferred backend, or to the first of WebGL, WASM and
 * CPU that works, and says which one it is and why.
 */
export async function initBackend(preference: BackendPreference): Promise<BackendInfo> {
  // One set of shader programs for every batch shape instead of one per shape.
  tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', true);
  if (preference === 'auto') return autoBackend();
  const order: BackendName[] = [preference, ...backendNames.filter((b) => b !== preference)];
  for (const name of order) {
    if (!(await tryBackend(name))) continue;
    await tf.ready();
    const note = preference === name ? null : `${preference} is not available here, so ${name} is used.`;
    return { name, renderer: name === 'webgl' ? webglRenderer() : null, note };
  }
  throw new Error('No tfjs backend could start in this browser (tried WebGL, WASM and CPU).');
}

/** Renderers that draw WebGL on the CPU: there WASM trains small models faster. */
const softwareRenderer = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * The automatic choice: WebGL on a hardware GPU; WASM where WebGL is
 * software-rendered or missing; CPU as the last resort. (Models WASM cannot
 * train move to WebGL or CPU per run, see backendForRun.)
 */
async function autoBackend(): Promise<BackendInfo> {
  const renderer = webglRenderer();
  if (renderer !== null && !softwareRenderer.test(renderer) && (await tryBackend('webgl'))) {
    await tf.ready();
    return { name: 'webgl', renderer, note: 'Auto: a hardware GPU.' };
  }
  const why = renderer === null ? 'WebGL is not available here' : 'WebGL here is drawn in software';
  for (const name of ['wasm', 'cpu', 'webgl'] as const) {
    if (!(await tryBackend(name))) continue;
    await tf.ready();
    return { name, renderer: name === 'webgl' ? renderer : null, note: `Auto: ${why}, so ${name === 'wasm' ? 'WASM is faster' : `${name} is used`}.` };
  }
  throw new Error('No tfjs backend could start in this browser (tried WebGL, WASM and CPU).');
}

/**
 * tfjs 4.22's WASM backend has no kernels for the gradients of convolution
 * and max pooling (Conv2DBackpropFilter, MaxPoolGrad), so such models cannot
 * train there.
 */
export function wasmCanTrain(layers: readonly LayerSpec[]): boolean {
  return !layers.some((layer) => layer.kind === 'conv2d' || layer.kind === 'maxPooling2d');
}

/**
 * The backend a run uses: the session's own, unless that is WASM and the
 * model needs kernels WASM lacks, in which case WebGL, or else CPU, with a
 * note saying why. Switches tfjs to it.
 */
export async function backendForRun(preferred: BackendInfo, layers: readonly LayerSpec[]): Promise<BackendInfo> {
  const wanted: BackendName[] = preferred.name === 'wasm' && !wasmCanTrain(layers) ? ['webgl', 'cpu'] : [preferred.name];
  for (const name of wanted) {
    if (tf.getBackend() === name || (await tryBackend(name))) {
      await tf.ready();
      if (name === preferred.name) return preferred;
      return {
        name,
        renderer: name === 'webgl' ? webglRenderer() : null,
        note: `WASM cannot train convolution layers (tfjs has no Conv2DBackpropFilter kernel for it), so this run trains on ${name}.`,
      };
    }
  }
  return preferred;
}
