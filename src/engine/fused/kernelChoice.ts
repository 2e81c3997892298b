import { ARENA_START, MAXIMUM_PAGES, instantiateKernels, kernelModule, scalarKernels, simdKernels, type Kernels } from './kernels';
import type { KernelMode } from '../protocol';
import { KernelPool } from './pool';

/*
 * Which kernels a new network gets: the pool of threads where the page is
 * cross-origin isolated, WASM SIMD on this thread where it is not, the scalar
 * loops where WASM SIMD is missing.
 */

let mode: KernelMode = 'auto';

/** 'auto' (the best that works here), or one kind for every new network: the tests run each. */
export function setKernelMode(next: KernelMode): void {
  mode = next;
}

/** The most helper threads: beyond a few, a batch of a learner's model is cut too thin to gain. */
const MAX_HELPERS = 7;

let pool: Promise<KernelPool | null> | null = null;

/** The pool, started on first use with a helper for each core beyond this one; null where it cannot run. */
export function kernelPool(): Promise<KernelPool | null> {
  const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
  pool ??= KernelPool.create(Math.min(MAX_HELPERS, cores - 1));
  return pool;
}

/**
 * Kernels for a network that needs `floats` float32s of arrays (see
 * FusedNet.floatsNeeded): the pool's where it runs, else WASM SIMD with a
 * memory of exactly that size, else the scalar loops.
 */
export async function createKernels(floats: number): Promise<Kernels> {
  if (mode === 'scalar') return scalarKernels();
  if (mode === 'auto') {
    const threads = await kernelPool();
    if (threads) return threads.kernels(floats);
  }
  const module = await kernelModule();
  if (!module) {
    if (mode === 'simd') throw new Error('WebAssembly SIMD is not available here.');
    return scalarKernels();
  }
  const pages = Math.ceil((ARENA_START + floats * 4) / 65536);
  if (pages > MAXIMUM_PAGES) return scalarKernels();
  const memory = new WebAssembly.Memory({ initial: pages, maximum: MAXIMUM_PAGES });
  return simdKernels(await instantiateKernels(module, memory), memory, floats);
}

/** What the JavaScript engine computes with here, for the Backend line: "WebAssembly SIMD, 2 threads". */
export async function describeKernels(): Promise<string> {
  if (mode === 'scalar') return 'scalar JavaScript';
  const threads = mode === 'auto' ? await kernelPool() : null;
  if (threads) return `WebAssembly SIMD, ${threads.threads} threads`;
  if (!(await kernelModule())) return 'scalar JavaScript: no WebAssembly SIMD here';
  return globalThis.crossOriginIsolated ? 'WebAssembly SIMD, 1 thread' : 'WebAssembly SIMD, 1 thread: the page is not cross-origin isolated';
}
