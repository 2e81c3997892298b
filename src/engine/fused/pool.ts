/// <reference path="./simd/kernelModules.d.ts" />
import sharedKernelBytes from './simd/kernels.as?shared';
import { ARENA_START, MAXIMUM_PAGES, aligned, instantiateKernels, type KernelExports, type Kernels } from './kernels';
import type { PoolWorkerStart } from './poolWorker';
import { denseForwardPart, emptyCall, inputGradientPart, maxPoolPart, patchesPart, reluBackwardPart, reluPart, weightGradientPart, type CallArgs, type PartWriter } from './poolArgs';
import { ARGS, DONE, FAILED, OP, Op, SEQ, SLOT, SPIN, runJob } from './poolJobs';

/**
 * Every core for the wide layers: where the page is cross-origin isolated
 * (SharedArrayBuffer exists), the engine's thread and helper threads share
 * one WebAssembly memory; a big product is cut into parts by rows (or, for
 * the weight gradient, by inputs), each helper runs its part in place, the
 * engine's thread runs the first, and Atomics hand the jobs over and wait for
 * them. Small calls run on the engine's thread alone: below MIN_PART of work a
 * part costs more to hand over than to compute.
 */

/**
 * Work (multiply-adds, or values moved) below which a part is not worth a
 * hand-off: about 20 µs of SIMD arithmetic, against a sleeping helper's
 * wake-up of tens of microseconds. (At 32,768 the bench's W2, whose
 * 64 × 32 layer at batch 32 was cut in two, ran at 0.6× its one-thread speed.)
 */
export const MIN_PART = 200_000;
/**
 * What a value moved (ReLU, im2col, col2im, pooling) weighs against
 * MIN_PART: such a pass streams memory and costs several SIMD multiply-adds a
 * value, so it is worth cutting from about 33,000 values.
 */
const MOVE = 6;
/** How long the engine's thread waits for a helper before it gives up on the pool. */
const HELPER_TIMEOUT_MS = 10_000;

/**
 * Where part `p` of `parts` over 0..total starts (total for p = parts): the
 * whole blocks of `multiple` dealt out evenly, the first parts taking one
 * more where they do not divide, the last part the rest. No two parts differ
 * by more than a block; none is empty while parts <= total / multiple.
 */
export function cutAt(p: number, parts: number, total: number, multiple: number): number {
  if (p >= parts) return total;
  const blocks = Math.floor(total / multiple);
  const each = Math.floor(blocks / parts);
  return multiple * (p * each + Math.min(p, blocks - each * parts));
}

export class KernelPool {
  private seq = 0;
  /** The arguments of the call being cut into parts: one object for the pool's life. */
  private readonly call: CallArgs = emptyCall();
  private top = ARENA_START;
  private live = 0;
  /** Every SharedArrayBuffer the memory has had (it is a new object after each growth); arrays on any of them are the pool's. */
  private readonly buffers = new Set<ArrayBufferLike>();

  private constructor(
    readonly memory: WebAssembly.Memory,
    private readonly k: KernelExports,
    private readonly control: Int32Array,
    private readonly workers: Worker[],
  ) {
    this.buffers.add(memory.buffer);
  }

  /** Threads a product may be split over: the helpers and this one. */
  get threads(): number {
    return this.workers.length + 1;
  }

  /**
   * A pool of `helpers` threads, or null where the page is not cross-origin
   * isolated, the browser lacks threads in WebAssembly, or a helper does not
   * start (then the engine runs on one thread, as before).
   */
  static async create(helpers: number): Promise<KernelPool | null> {
    if (helpers < 1 || typeof SharedArrayBuffer === 'undefined' || typeof Worker === 'undefined' || !globalThis.crossOriginIsolated) return null;
    if (!WebAssembly.validate(sharedKernelBytes)) return null;
    const workers: Worker[] = [];
    try {
      const module = await WebAssembly.compile(sharedKernelBytes);
      const memory = new WebAssembly.Memory({ initial: 16, maximum: MAXIMUM_PAGES, shared: true });
      const k = await instantiateKernels(module, memory);
      // Slot 0 is this thread's own part; slots 1..helpers the helpers'.
      const control = new SharedArrayBuffer((helpers + 1) * SLOT * 4);
      const ready = Array.from({ length: helpers }, (_, i) => {
        const worker = new Worker(new URL('./poolWorker.ts', import.meta.url), { type: 'module', name: `kernels ${i + 1}` });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          worker.onmessage = (event: MessageEvent<{ ready: boolean; message?: string }>) => (event.data.ready ? resolve() : reject(new Error(event.data.message)));
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage({ module, memory, control, slot: (i + 1) * SLOT } satisfies PoolWorkerStart);
        });
      });
      await Promise.race([Promise.all(ready), new Promise((_, reject) => setTimeout(() => reject(new Error('helpers did not start')), HELPER_TIMEOUT_MS))]);
      return new KernelPool(memory, k, new Int32Array(control), workers);
    } catch {
      for (const worker of workers) worker.terminate();
      return null;
    }
  }

  /** Kernels over `floats` float32s of this pool's memory (grown to fit), released with the network. */
  kernels(floats: number): Kernels {
    const start = this.live === 0 ? ARENA_START : this.top;
    const end = start + floats * 4;
    const pages = Math.ceil(end / 65536) - this.memory.buffer.byteLength / 65536;
    if (pages > 0) {
      this.memory.grow(pages);
      this.buffers.add(this.memory.buffer);
    }
    this.live++;
    this.top = end;
    let next = start;
    const take = (length: number): number => {
      const size = aligned(length) * 4;
      if (next + size > end) throw new Error(`The network's memory is full: ${length} more floats asked for beyond the ${floats} planned.`);
      next += size;
      return next - size;
    };
    const buffer = this.memory.buffer;
    let released = false;
    return {
      ...this.operations(),
      kind: 'simd',
      threads: this.threads,
      alloc: (length) => new Float32Array(buffer, take(length), length),
      allocInts: (length) => new Int32Array(buffer, take(length), length),
      release: () => {
        if (released) return;
        released = true;
        this.live--;
      },
    };
  }

  /** The kernels' operations, each cut into parts over the threads when it is big enough. */
  private operations(): Omit<Kernels, 'kind' | 'threads' | 'alloc' | 'allocInts' | 'release'> {
    const call = this.call;
    return {
      denseForward: (x, y, w, b, rows, inSize, size) => {
        this.own(x, y, w, b);
        if (this.parts(rows * inSize * size, rows, 4) === 1) return this.k.denseForward(x.byteOffset, y.byteOffset, w.byteOffset, b.byteOffset, rows, inSize, size);
        this.setCall(x.byteOffset, y.byteOffset, w.byteOffset, b.byteOffset, rows, inSize, size);
        this.split(Op.denseForward, rows, 4, rows * inSize * size, denseForwardPart);
      },
      addWeightGradient: (x, dy, dw, db, rows, inSize, size) => {
        this.own(x, dy, dw, db);
        if (this.parts(rows * inSize * size, inSize, 4) === 1) return this.k.weightGradient(x.byteOffset, dy.byteOffset, dw.byteOffset, db.byteOffset, rows, inSize, size, 0, inSize);
        this.setCall(x.byteOffset, dy.byteOffset, dw.byteOffset, db.byteOffset, rows, inSize, size);
        this.split(Op.weightGradient, inSize, 4, rows * inSize * size, weightGradientPart);
      },
      denseInputGradient: (dy, dx, w, rows, inSize, size) => {
        this.own(dy, dx, w);
        if (this.parts(rows * inSize * size, rows, 2) === 1) return this.k.inputGradient(dy.byteOffset, dx.byteOffset, w.byteOffset, rows, inSize, size);
        this.setCall(dy.byteOffset, dx.byteOffset, w.byteOffset, 0, rows, inSize, size);
        this.split(Op.inputGradient, rows, 2, rows * inSize * size, inputGradientPart);
      },
      relu: (x, y, count) => {
        this.own(x, y);
        if (this.parts(count * MOVE, count, 4) === 1) return this.k.reluForward(x.byteOffset, y.byteOffset, count);
        this.setCall(x.byteOffset, y.byteOffset, 0, 0, count, 0, 0);
        this.split(Op.relu, count, 4, count * MOVE, reluPart);
      },
      reluBackward: (x, dy, dx, count) => {
        this.own(x, dy, dx);
        if (this.parts(count * MOVE, count, 4) === 1) return this.k.reluBackward(x.byteOffset, dy.byteOffset, dx.byteOffset, count);
        this.setCall(x.byteOffset, dy.byteOffset, dx.byteOffset, 0, count, 0, 0);
        this.split(Op.reluBackward, count, 4, count * MOVE, reluBackwardPart);
      },
      im2col: (x, out, rows, s) => {
        this.own(x, out);
        this.setCall(x.byteOffset, out.byteOffset, 0, 0, rows, 0, 0);
        call.conv = s;
        this.split(Op.im2col, rows, 1, out.length * MOVE, patchesPart);
      },
      col2im: (grad, dx, rows, s) => {
        this.own(grad, dx);
        this.setCall(grad.byteOffset, dx.byteOffset, 0, 0, rows, 0, 0);
        call.conv = s;
        this.split(Op.col2im, rows, 1, grad.length * MOVE, patchesPart);
      },
      // Adam's update is one pass over the weights: below any size worth a hand-off.
      adam: (v, g, m, s, lr, c1, c2) => {
        this.own(v, g, m, s);
        this.k.adam(v.byteOffset, g.byteOffset, m.byteOffset, s.byteOffset, v.length, lr, c1, c2);
      },
      maxPool: (x, y, argmax, rows, s) => {
        this.own(x, y, argmax);
        this.setCall(x.byteOffset, y.byteOffset, argmax.byteOffset, 0, rows, 0, 0);
        call.pool = s;
        this.split(Op.maxPool, rows, 1, rows * s.size * s.pool * s.pool * MOVE, maxPoolPart);
      },
    };
  }

  /** Sets the arguments of the call about to be cut into parts (see poolArgs.ts). */
  private setCall(a: number, b: number, c: number, d: number, rows: number, inSize: number, size: number): void {
    const call = this.call;
    call.a = a;
    call.b = b;
    call.c = c;
    call.d = d;
    call.rows = rows;
    call.inSize = inSize;
    call.size = size;
  }

  /** An array from elsewhere would be read at a meaningless offset of the memory: a mistake in the engine, never silent. */
  private own(a: Float32Array | Int32Array, b: Float32Array | Int32Array, c: Float32Array | Int32Array = a, d: Float32Array | Int32Array = a): void {
    // Four parameters rather than a rest array: this runs on every kernel call.
    const buffers = this.buffers;
    if (!buffers.has(a.buffer) || !buffers.has(b.buffer) || !buffers.has(c.buffer) || !buffers.has(d.buffer)) throw new Error('A kernel was handed an array outside its memory.');
  }

  /** How many parts `work` over 0..total (cut on multiples of `multiple`) is worth. */
  private parts(work: number, total: number, multiple: number): number {
    // At least a block a part, so that no two cuts round to the same multiple.
    return Math.max(1, Math.min(this.threads, Math.floor(work / MIN_PART), Math.floor(total / multiple)));
  }

  /**
   * Runs `op` over 0..total cut into parts (boundaries on multiples of
   * `multiple`, each as near an even share as that allows: a first
   * convolution's 9 inputs go 4 and 5, not 8 and 1), as many as the threads
   * and the work (`work`, in multiply-adds or values) allow; `part` writes
   * each part's arguments from `this.call`. This thread runs the first part.
   */
  private split(op: number, total: number, multiple: number, work: number, part: PartWriter): void {
    const parts = this.parts(work, total, multiple);
    const c = this.control;
    const call = this.call;
    if (parts === 1) {
      c[OP] = op;
      part(c, ARGS, 0, total, call);
      runJob(this.k, c, 0);
      return;
    }
    // No part is empty (parts <= total / multiple, see cutAt); the first, which computes a bias gradient, is this thread's.
    const seq = ++this.seq;
    for (let p = 1; p < parts; p++) {
      const slot = p * SLOT;
      c[slot + OP] = op;
      part(c, slot + ARGS, cutAt(p, parts, total, multiple), cutAt(p + 1, parts, total, multiple), call);
      c[slot + FAILED] = 0;
      Atomics.store(c, slot + SEQ, seq);
      Atomics.notify(c, slot + SEQ);
    }
    c[OP] = op;
    part(c, ARGS, 0, cutAt(1, parts, total, multiple), call);
    runJob(this.k, c, 0);
    for (let p = 1; p < parts; p++) this.await(p * SLOT, seq);
  }

  /** Waits until the helper at `slot` has finished job `seq`: a short spin, then sleeps on the flag. */
  private await(slot: number, seq: number): void {
    const c = this.control;
    for (let i = 0; i < SPIN && Atomics.load(c, slot + DONE) !== seq; i++);
    const started = performance.now();
    for (let done = Atomics.load(c, slot + DONE); done !== seq; done = Atomics.load(c, slot + DONE)) {
      // Returns at once if the flag moved since it was read.
      Atomics.wait(c, slot + DONE, done, 100);
      if (performance.now() - started > HELPER_TIMEOUT_MS) throw new Error('A helper thread of the JavaScript engine stopped answering.');
    }
    if (c[slot + FAILED] === 1) throw new Error('A helper thread of the JavaScript engine failed in its part of a product.');
  }
}
