import * as tf from '@tensorflow/tfjs';
import type { WebgpuAdapterFacts } from './webgpuAuto';

/** The few members of the WebGPU API read here (the global GPU types are not part of the worker's lib). */
interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface AdapterLike {
  info?: AdapterInfoLike;
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<AdapterInfoLike>;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<AdapterLike | null>;
}

/** `navigator.gpu`, where this browser (and this worker) has the WebGPU API. */
function gpuApi(): GpuLike | null {
  if (typeof navigator === 'undefined') return null;
  return (navigator as unknown as { gpu?: GpuLike }).gpu ?? null;
}

/** Whether the WebGPU API exists here at all (it may still offer no adapter). */
export const hasWebgpuApi = (): boolean => gpuApi() !== null;

/** An adapter request that never answers (a hung driver) must not hold the backend choice up. */
const ADAPTER_TIMEOUT_MS = 3_000;

/**
 * The WebGPU adapter this browser offers now; null where there is none. Asked
 * afresh each time (a cheap call), so an adapter lost or gained since shows.
 */
export async function webgpuAdapter(): Promise<WebgpuAdapterFacts | null> {
  const gpu = gpuApi();
  if (!gpu) return null;
  try {
    // The same request tfjs's WebGPU backend makes, so this is the adapter it would train on.
    const request = gpu.requestAdapter({ powerPreference: 'high-performance' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ADAPTER_TIMEOUT_MS)));
    const adapter = await Promise.race([request, timeout]).finally(() => clearTimeout(timer));
    if (!adapter) return null;
    const info: AdapterInfoLike = adapter.info ?? (adapter.requestAdapterInfo ? await adapter.requestAdapterInfo() : {});
    return {
      vendor: info.vendor ?? '',
      architecture: info.architecture ?? '',
      device: info.device ?? '',
      description: info.description ?? '',
      isFallbackAdapter: info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false,
    };
  } catch {
    return null;
  }
}

let loading: Promise<boolean> | null = null;

/**
 * Loads tfjs's WebGPU backend (its own chunk, fetched only when WebGPU is
 * asked for or worth timing) and says whether it registered: it registers
 * only where `navigator.gpu` exists.
 */
export function loadWebgpu(): Promise<boolean> {
  if (!hasWebgpuApi()) return Promise.resolve(false);
  loading ??= import('@tensorflow/tfjs-backend-webgpu').then(
    () => tf.findBackendFactory('webgpu') != null,
    () => false,
  );
  return loading;
}

/** The test step's size: big enough that a GPU's arithmetic shows, small enough to stay short on a CPU backend. */
const SIZE = 256;
/** Timed steps at most, and the time after which no further one starts. */
const MAX_STEPS = 3;
const BUDGET_MS = 120;

/**
 * Milliseconds of one training step on the current tfjs backend: relu(x·w)
 * squared and averaged, its gradient for w and an SGD update, on 256 × 256
 * matrices, read back to the CPU so the GPU's work is counted. One untimed
 * step first (shader compiles, buffer allocation), then the fastest of up to
 * three, stopping once the budget is spent. Leaves no tensor behind.
 */
export async function timeTestStep(): Promise<number> {
  const x = tf.randomUniform([SIZE, SIZE], -1, 1, 'float32', 1);
  // The initial value is a tensor of its own: tidy disposes it, the variable keeps the data.
  const w = tf.tidy(() => tf.variable(tf.randomUniform([SIZE, SIZE], -0.1, 0.1, 'float32', 2)));
  const step = async (): Promise<number> => {
    const start = performance.now();
    const loss = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => tf.relu(tf.matMul(x, w)).square().mean() as tf.Scalar, [w]);
      w.assign(w.sub(grads[w.name]!.mul(0.01)));
      return value;
    });
    await loss.data();
    loss.dispose();
    return performance.now() - start;
  };
  try {
    const started = performance.now();
    await step();
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < MAX_STEPS && (i === 0 || performance.now() - started < BUDGET_MS); i++) best = Math.min(best, await step());
    return best;
  } finally {
    tf.dispose([x, w]);
  }
}
