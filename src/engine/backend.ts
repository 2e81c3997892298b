import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { isRecurrent, type LayerSpec } from '../model/layers';
import { summarize } from '../model/summary';
import { describeKernels } from './fused/kernelChoice';
import { canFuse } from './fused/stages';
import { tfjsBackendNames, type BackendInfo, type BackendPreference, type TfjsBackendName, type TrainCommand } from './protocol';
import { autoWithWebgpu, describeAdapter, worthTiming, type TestStepTimes } from './webgpuAuto';
import { hasWebgpuApi, loadWebgpu, timeTestStep, webgpuAdapter } from './webgpuProbe';

// Vite turns the ?url imports into the files' addresses in the build, so the
// WASM backend loads from our own origin and never from a CDN.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});
// The page is cross-origin isolated (for the JavaScript engine's threads), where
// tfjs's WASM backend would pick its threaded build; that build's helper
// workers, started from a script tfjs 4.22 keeps as a string, fail once bundled
// ("e is not defined") and the backend never starts. Its single-threaded SIMD
// build is what it used before the page was isolated.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

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

/** What the Backend box shows in brackets: WebGL's renderer, or the WebGPU adapter ("nvidia ampere"). */
async function hardwareOf(name: TfjsBackendName): Promise<string | null> {
  if (name === 'webgl') return webglRenderer();
  if (name !== 'webgpu') return null;
  const adapter = await webgpuAdapter();
  return adapter ? describeAdapter(adapter) : null;
}

/** Why WebGPU did not start, for the note that names the backend used instead. */
async function whyNoWebgpu(): Promise<string> {
  if (!hasWebgpuApi()) return 'this browser has no WebGPU';
  return (await webgpuAdapter()) === null ? 'the browser offers no WebGPU adapter' : 'its device did not start';
}

async function tryBackend(name: TfjsBackendName): Promise<boolean> {
  // tfjs's WebGPU backend is a chunk of its own, fetched the first time it is needed.
  if (name === 'webgpu' && !(await loadWebgpu())) return false;
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
  // WEBGL_USE_SHAPES_UNIFORMS (one shader for every shape) is left at tfjs's
  // default, off: the trainer's batches have one shape per run, and in `npm
  // run bench` the flag made the CNN 18-30 % slower and the MLP no faster.
  if (preference === 'auto') return autoBackend();
  if (preference === 'js') {
    // Models the fused engine cannot run still need a tfjs backend: the automatic one.
    const fallback = await autoBackend();
    return { name: 'js', renderer: await describeKernels(), note: `Dense models train in plain JavaScript; others on ${fallback.name}.`, auto: false };
  }
  const order: TfjsBackendName[] = [preference, ...tfjsBackendNames.filter((b) => b !== preference)];
  for (const name of order) {
    if (!(await tryBackend(name))) continue;
    await tf.ready();
    const why = preference === 'webgpu' && name !== preference ? ` (${await whyNoWebgpu()})` : '';
    const note = preference === name ? null : `${preference} is not available here${why}, so ${name} is used.`;
    return { name, renderer: await hardwareOf(name), note, auto: false };
  }
  throw new Error('No tfjs backend could start in this browser (tried WebGL, WASM and CPU).');
}

/** Renderers that draw WebGL on the CPU: there WASM trains small models faster. */
const softwareRenderer = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * The automatic choice: WebGPU on a hardware WebGPU adapter where it ran a
 * test step faster than the choice without it (see webgpuAuto.ts), which is
 * WebGL on a hardware GPU; WASM where WebGL is software-rendered or missing;
 * CPU as the last resort. (Models WASM cannot train move to WebGL or CPU per
 * run, see backendForRun.)
 */
async function autoBackend(): Promise<BackendInfo> {
  const other = await autoWithoutWebgpu();
  const adapter = await webgpuAdapter();
  if (adapter === null) return other;
  let times: TestStepTimes | null = null;
  // A software adapter is never timed: it cannot win, and its first step alone takes seconds here.
  if (worthTiming(adapter)) {
    try {
      const otherMs = await timeTestStep();
      if (await tryBackend('webgpu')) times = { webgpu: await timeTestStep(), other: otherMs };
    } catch {
      times = null;
    }
  }
  const choice = autoWithWebgpu(adapter, { name: other.name, note: other.note ?? '' }, times);
  if (tf.getBackend() !== choice.name && !(await tryBackend(choice.name))) return other;
  await tf.ready();
  return { name: choice.name, renderer: await hardwareOf(choice.name), note: choice.note, auto: true };
}

/** Auto's choice among WebGL, WASM and CPU, switched to. */
async function autoWithoutWebgpu(): Promise<BackendInfo & { name: TfjsBackendName }> {
  const renderer = webglRenderer();
  if (renderer !== null && !softwareRenderer.test(renderer) && (await tryBackend('webgl'))) {
    await tf.ready();
    return { name: 'webgl', renderer, note: 'Auto: a hardware GPU.', auto: true };
  }
  const why = renderer === null ? 'WebGL is not available here' : 'WebGL here is drawn in software';
  for (const name of ['wasm', 'cpu', 'webgl'] as const) {
    if (!(await tryBackend(name))) continue;
    await tf.ready();
    return { name, renderer: name === 'webgl' ? renderer : null, note: `Auto: ${why}, so ${name === 'wasm' ? 'WASM is faster' : `${name} is used`}.`, auto: true };
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
 * The largest model (in weights) Auto trains on the JavaScript engine.
 * Set for its WebAssembly SIMD kernels on every core (README, benchmark):
 * without a hardware GPU it beat tfjs's WASM backend at every size the
 * bench tried, W4's 2-256-256-1 network (66,000 weights) by 11×, and the
 * W3 CNN ran 42× faster than tfjs on SwiftShader's WebGL, so there is no
 * bound (the engine's memory is, at 1 GiB). With a hardware GPU, tfjs's
 * per-operation cost (tens of microseconds a kernel) is paid back only by
 * products far beyond a learner's models: the bound is an estimate, from
 * the engine's 15-20 G multiply-adds a second per core, to be measured on a
 * GPU machine.
 */
export const FUSED_AUTO_MAX_PARAMS = { withGpu: 250_000, withoutGpu: Number.POSITIVE_INFINITY } as const;

/**
 * Auto's note when the JavaScript engine should train a model it can run,
 * with `params` weights, on a machine whose session backend is `session`;
 * null when tfjs should (a bigger model on a hardware GPU).
 */
export function fusedAutoNote(params: number, session: TfjsBackendName | 'js'): string | null {
  const gpu = session === 'webgl' || session === 'webgpu';
  if (params > (gpu ? FUSED_AUTO_MAX_PARAMS.withGpu : FUSED_AUTO_MAX_PARAMS.withoutGpu)) return null;
  const size = `Auto: a model this size (${params.toLocaleString('en')} weights) trains fastest on the playground's JavaScript engine`;
  return gpu
    ? `${size}; on the GPU, tfjs would spend more time per operation than on the arithmetic.`
    : `${size}: without a hardware GPU its WebAssembly kernels beat tfjs's at every size measured.`;
}

/**
 * The backend a run uses. The fused JavaScript engine when it was asked for
 * or, under Auto, for a model it can run that is small enough; else the session's tfjs backend,
 * unless that is WASM and the model needs kernels WASM lacks, in which case
 * WebGL, or else CPU. Says why when it differs from the session's; switches
 * tfjs to it.
 */
export async function backendForRun(preferred: BackendInfo, run: Pick<TrainCommand, 'layers' | 'data'>): Promise<BackendInfo> {
  const fusable = canFuse(run.data.inputShape, run.layers);
  if (fusable && preferred.name === 'js') return preferred;
  if (fusable && preferred.auto) {
    const note = fusedAutoNote(summarize(run.data.inputShape, run.layers).totalParams, preferred.name);
    if (note) return { name: 'js', renderer: await describeKernels(), note, auto: true };
  }
  const base: TfjsBackendName = preferred.name === 'js' ? (tf.getBackend() as TfjsBackendName) : preferred.name;
  const wanted: TfjsBackendName[] = base === 'wasm' && !wasmCanTrain(run.layers) ? ['webgl', 'cpu'] : [base];
  // Said whenever the JavaScript engine could have been asked (chosen, or under Auto), so the
  // Backend box explains why a small LSTM does not get the engine small dense models get.
  const recurrent = run.layers.some(isRecurrent) && (preferred.name === 'js' || preferred.auto);
  const leftToTfjs = (name: string): string => `The JavaScript engine leaves recurrent layers (SimpleRNN, LSTM, GRU) to tfjs, so this run trains on ${name}.`;
  for (const name of wanted) {
    if (tf.getBackend() === name || (await tryBackend(name))) {
      await tf.ready();
      if (name === preferred.name) return recurrent ? { ...preferred, note: `${preferred.note ?? ''} ${leftToTfjs(name)}`.trim() } : preferred;
      const why =
        name !== base
          ? `WASM cannot train convolution layers (tfjs has no Conv2DBackpropFilter kernel for it), so this run trains on ${name}.`
          : recurrent
            ? leftToTfjs(name)
            : preferred.name === 'js'
              ? `The JavaScript engine trains dense layers on flat inputs only, so this run trains on ${name}.`
              : preferred.note;
      return { name, renderer: await hardwareOf(name), note: why, auto: preferred.auto };
    }
  }
  return preferred;
}

/** The WebGL context tfjs's WebGL backend draws with, if that backend exists. */
export function webglContext(): WebGL2RenderingContext | null {
  const backend = tf.engine().registry['webgl'] as { gpgpu?: { gl?: WebGL2RenderingContext } } | undefined;
  return backend?.gpgpu?.gl ?? null;
}

/**
 * After a GPU backend's device was lost (WebGL's context, WebGPU's device):
 * switches to WASM, or to CPU for models WASM cannot train, and drops the
 * broken backend, registering its factory again so that choosing it later
 * builds a fresh one on a new device.
 */
export async function backendWithoutGpu(layers: readonly LayerSpec[], lost: 'webgl' | 'webgpu'): Promise<BackendInfo> {
  const label = lost === 'webgl' ? 'WebGL stopped working (its context was lost)' : 'WebGPU stopped working (its device was lost)';
  const candidates: TfjsBackendName[] = wasmCanTrain(layers) ? ['wasm', 'cpu'] : ['cpu'];
  for (const name of candidates) {
    if (!(await tryBackend(name))) continue;
    await tf.ready();
    rebuildLater(lost);
    return { name, renderer: null, note: `${label}, so ${name} is used.`, auto: false };
  }
  throw new Error(`${label} and no other backend could start.`);
}

/** Disposes backend `name` and registers its factory anew, so that the next setBackend(name) makes a new one. */
function rebuildLater(name: TfjsBackendName): void {
  type Registries = { registry: Record<string, unknown>; registryFactory: Record<string, { factory: () => tf.KernelBackend; priority: number } | undefined> };
  const engine = tf.engine() as unknown as Registries;
  const entry = engine.registryFactory[name];
  if (!entry) return;
  try {
    tf.removeBackend(name);
  } catch {
    // Its disposal failed on the lost device: forget it all the same.
    delete engine.registry[name];
    delete engine.registryFactory[name];
  }
  tf.registerBackend(name, entry.factory, entry.priority);
}
