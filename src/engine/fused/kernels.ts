/// <reference path="./simd/kernelModules.d.ts" />
import kernelBytes from './simd/kernels.as';
import { addWeightGradient, denseForward, denseInputGradient } from './dense';
import { col2im, im2col, maxPoolForward } from './image';
import type { ConvStage, PoolStage } from './stages';

/**
 * The dense products the JavaScript engine spends its time in (a Dense
 * layer's, and a convolution's after im2col), with the memory they work in:
 * every array handed to them comes from `alloc`. Either the scalar loops of
 * dense.ts over ordinary Float32Arrays, or the WebAssembly SIMD kernels
 * (simd/kernels.as) over one WebAssembly memory of the network's own, four
 * float32 lanes at a time: several times faster on the wide layers, same
 * results to float rounding. Where WASM SIMD is missing the scalar loops run.
 */
export interface Kernels {
  readonly kind: 'scalar' | 'simd';
  /** Threads the products are split over (1: this one only). */
  readonly threads: number;
  /** Gives the memory back when the network is done with (a pool's; a memory of its own is collected). */
  release(): void;
  alloc(length: number): Float32Array;
  /** Int32s in the same memory (max pooling's argmax), `length` floats' room. */
  allocInts(length: number): Int32Array;
  /** y = x·W + b over `rows` rows. */
  denseForward(x: Float32Array, y: Float32Array, w: Float32Array, b: Float32Array, rows: number, inSize: number, size: number): void;
  /** dW += xᵀ·dy and db += Σ dy over `rows` rows. */
  addWeightGradient(x: Float32Array, dy: Float32Array, dw: Float32Array, db: Float32Array, rows: number, inSize: number, size: number): void;
  /** dx = dy·Wᵀ over `rows` rows. */
  denseInputGradient(dy: Float32Array, dx: Float32Array, w: Float32Array, rows: number, inSize: number, size: number): void;
  /** y = max(x, 0) over `count` values (0 for NaN). */
  relu(x: Float32Array, y: Float32Array, count: number): void;
  /** dx = dy where x > 0, else 0. */
  reluBackward(x: Float32Array, dy: Float32Array, dx: Float32Array, count: number): void;
  /** The patches of `rows` examples into `out`, one after another (see image.ts). */
  im2col(x: Float32Array, out: Float32Array, rows: number, stage: ConvStage): void;
  /** dx (zeroed first) from the gradients of `rows` examples' patches. */
  col2im(grad: Float32Array, dx: Float32Array, rows: number, stage: ConvStage): void;
  /** Max pooling of `rows` examples, with the index in x of each maximum (argmax comes from allocInts). */
  maxPool(x: Float32Array, y: Float32Array, argmax: Int32Array, rows: number, stage: PoolStage): void;
  /** Adam's update of the weights v from their gradients g, moments m and s (see optimizer.ts), with bias corrections c1, c2. */
  adam(v: Float32Array, g: Float32Array, m: Float32Array, s: Float32Array, lr: number, c1: number, c2: number): void;
}

/** Adam's ε: the epsilon createOptimizer gives tfjs (Keras's). */
export const ADAM_EPSILON = 1e-7;

export function scalarKernels(): Kernels {
  return {
    kind: 'scalar',
    threads: 1,
    alloc: (length) => new Float32Array(length),
    allocInts: (length) => new Int32Array(length),
    release: () => undefined,
    denseForward,
    addWeightGradient,
    denseInputGradient,
    relu(x, y, count) {
      for (let i = 0; i < count; i++) y[i] = x[i]! > 0 ? x[i]! : 0;
    },
    reluBackward(x, dy, dx, count) {
      for (let i = 0; i < count; i++) dx[i] = x[i]! > 0 ? dy[i]! : 0;
    },
    im2col(x, out, rows, stage) {
      const inSize = stage.inH * stage.inW * stage.inC;
      const patches = stage.outH * stage.outW * stage.kernelSize * stage.kernelSize * stage.inC;
      for (let r = 0; r < rows; r++) im2col(x, r * inSize, stage, out, r * patches);
    },
    col2im(grad, dx, rows, stage) {
      const inSize = stage.inH * stage.inW * stage.inC;
      const patches = stage.outH * stage.outW * stage.kernelSize * stage.kernelSize * stage.inC;
      dx.fill(0, 0, rows * inSize);
      for (let r = 0; r < rows; r++) col2im(grad, r * patches, stage, dx, r * inSize);
    },
    maxPool(x, y, argmax, rows, stage) {
      const inSize = stage.inH * stage.inW * stage.channels;
      for (let r = 0; r < rows; r++) maxPoolForward(x, y, argmax, r * inSize, r * stage.size, stage);
    },
    adam(v, g, m, s, lr, c1, c2) {
      for (let i = 0; i < v.length; i++) {
        m[i] = 0.9 * m[i]! + 0.1 * g[i]!;
        s[i] = 0.999 * s[i]! + 0.001 * g[i]! * g[i]!;
        v[i] = v[i]! - (lr * (m[i]! / c1)) / (Math.sqrt(s[i]! / c2) + ADAM_EPSILON);
      }
    },
  };
}

/** The kernels' exports: pointers are byte offsets into the memory. */
export interface KernelExports {
  denseForward(x: number, y: number, w: number, b: number, rows: number, inSize: number, size: number): void;
  weightGradient(x: number, dy: number, dw: number, db: number, rows: number, inSize: number, size: number, j0: number, j1: number): void;
  inputGradient(dy: number, dx: number, w: number, rows: number, inSize: number, size: number): void;
  reluForward(x: number, y: number, count: number): void;
  reluBackward(x: number, dy: number, dx: number, count: number): void;
  im2col(x: number, out: number, r0: number, r1: number, inH: number, inW: number, inC: number, outH: number, outW: number, k: number, stride: number, padTop: number, padLeft: number): void;
  col2im(grad: number, dx: number, r0: number, r1: number, inH: number, inW: number, inC: number, outH: number, outW: number, k: number, stride: number, padTop: number, padLeft: number): void;
  maxPool(x: number, y: number, argmax: number, r0: number, r1: number, inH: number, inW: number, channels: number, outH: number, outW: number, pool: number): void;
  peak(at: number, iterations: number): number;
  adam(v: number, g: number, m: number, s: number, count: number, lr: number, c1: number, c2: number): void;
}

/** Bytes below this offset are left to the module (AssemblyScript's own statics, none today). */
export const ARENA_START = 1024;
/** The most pages (64 KiB) the modules' memory may declare: as scripts/assemblyScriptPlugin.ts compiles them. */
export const MAXIMUM_PAGES = 16384;

let compiled: Promise<WebAssembly.Module | null> | null = null;

/** The kernels' module, compiled once; null where this engine has no WebAssembly SIMD. */
export function kernelModule(): Promise<WebAssembly.Module | null> {
  compiled ??= (async () => {
    if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(kernelBytes)) return null;
    try {
      return await WebAssembly.compile(kernelBytes);
    } catch {
      return null;
    }
  })();
  return compiled;
}

export const instantiateKernels = async (module: WebAssembly.Module, memory: WebAssembly.Memory): Promise<KernelExports> =>
  (await WebAssembly.instantiate(module, { env: { memory, abort: () => { throw new Error('A WebAssembly kernel aborted.'); } } })).exports as unknown as KernelExports;

/** Rounds up to whole 16-byte blocks (four floats), so every array starts aligned for SIMD loads. */
export const aligned = (length: number): number => Math.ceil(length / 4) * 4;

export function simdKernels(k: KernelExports, memory: WebAssembly.Memory, floats: number): Kernels {
  const buffer = memory.buffer;
  /** An array from elsewhere would be read at a meaningless offset of this memory: a mistake in the engine, never silent. */
  // Four parameters rather than a rest array: this runs on every kernel call.
  const own = (a: Float32Array | Int32Array, b: Float32Array | Int32Array, c: Float32Array | Int32Array = a, d: Float32Array | Int32Array = a): void => {
    if (a.buffer !== buffer || b.buffer !== buffer || c.buffer !== buffer || d.buffer !== buffer) throw new Error('A kernel was handed an array outside its memory.');
  };
  let next = ARENA_START;
  const end = ARENA_START + floats * 4;
  const take = (length: number): number => {
    const size = aligned(length) * 4;
    if (next + size > end) throw new Error(`The network's memory is full: ${length} more floats asked for beyond the ${floats} planned.`);
    next += size;
    return next - size;
  };
  return {
    kind: 'simd',
    threads: 1,
    alloc: (length) => new Float32Array(buffer, take(length), length),
    allocInts: (length) => new Int32Array(buffer, take(length), length),
    release: () => undefined,
    denseForward(x, y, w, b, rows, inSize, size) {
      own(x, y, w, b);
      k.denseForward(x.byteOffset, y.byteOffset, w.byteOffset, b.byteOffset, rows, inSize, size);
    },
    addWeightGradient(x, dy, dw, db, rows, inSize, size) {
      own(x, dy, dw, db);
      k.weightGradient(x.byteOffset, dy.byteOffset, dw.byteOffset, db.byteOffset, rows, inSize, size, 0, inSize);
    },
    denseInputGradient(dy, dx, w, rows, inSize, size) {
      own(dy, dx, w);
      k.inputGradient(dy.byteOffset, dx.byteOffset, w.byteOffset, rows, inSize, size);
    },
    relu(x, y, count) {
      own(x, y);
      k.reluForward(x.byteOffset, y.byteOffset, count);
    },
    reluBackward(x, dy, dx, count) {
      own(x, dy, dx);
      k.reluBackward(x.byteOffset, dy.byteOffset, dx.byteOffset, count);
    },
    im2col(x, out, rows, s) {
      own(x, out);
      k.im2col(x.byteOffset, out.byteOffset, 0, rows, s.inH, s.inW, s.inC, s.outH, s.outW, s.kernelSize, s.stride, s.padTop, s.padLeft);
    },
    col2im(grad, dx, rows, s) {
      own(grad, dx);
      k.col2im(grad.byteOffset, dx.byteOffset, 0, rows, s.inH, s.inW, s.inC, s.outH, s.outW, s.kernelSize, s.stride, s.padTop, s.padLeft);
    },
    maxPool(x, y, argmax, rows, s) {
      own(x, y, argmax);
      k.maxPool(x.byteOffset, y.byteOffset, argmax.byteOffset, 0, rows, s.inH, s.inW, s.channels, s.outH, s.outW, s.pool);
    },
    adam(v, g, m, s, lr, c1, c2) {
      own(v, g, m, s);
      k.adam(v.byteOffset, g.byteOffset, m.byteOffset, s.byteOffset, v.length, lr, c1, c2);
    },
  };
}
