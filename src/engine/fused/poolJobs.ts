import type { KernelExports } from './kernels';

/*
 * The hand-off between the engine's thread and its helper threads (see
 * pool.ts): one slot of SLOT int32s per helper in a SharedArrayBuffer, with
 * the job's sequence number, its kernel and up to 13 arguments, and where
 * the helper says it is done.
 */

export const SLOT = 16;
/** Offsets in a slot. */
export const SEQ = 0;
export const OP = 1;
export const ARGS = 2;
/** Set to 1 when the helper's kernel threw. */
export const FAILED = 14;
/** The sequence number of the last job the helper finished. */
export const DONE = 15;

export const Op = {
  denseForward: 1,
  weightGradient: 2,
  inputGradient: 3,
  relu: 4,
  reluBackward: 5,
  im2col: 6,
  col2im: 7,
  maxPool: 8,
  stop: 9,
} as const;

/** Runs the kernel a slot names with its arguments. */
export function runJob(k: KernelExports, control: Int32Array, slot: number): void {
  const a = (i: number): number => control[slot + ARGS + i]!;
  switch (control[slot + OP]) {
    case Op.denseForward:
      k.denseForward(a(0), a(1), a(2), a(3), a(4), a(5), a(6));
      return;
    case Op.weightGradient:
      k.weightGradient(a(0), a(1), a(2), a(3), a(4), a(5), a(6), a(7), a(8));
      return;
    case Op.inputGradient:
      k.inputGradient(a(0), a(1), a(2), a(3), a(4), a(5));
      return;
    case Op.relu:
      k.reluForward(a(0), a(1), a(2));
      return;
    case Op.reluBackward:
      k.reluBackward(a(0), a(1), a(2), a(3));
      return;
    case Op.im2col:
      k.im2col(a(0), a(1), a(2), a(3), a(4), a(5), a(6), a(7), a(8), a(9), a(10), a(11), a(12));
      return;
    case Op.col2im:
      k.col2im(a(0), a(1), a(2), a(3), a(4), a(5), a(6), a(7), a(8), a(9), a(10), a(11), a(12));
      return;
    case Op.maxPool:
      k.maxPool(a(0), a(1), a(2), a(3), a(4), a(5), a(6), a(7), a(8), a(9), a(10));
      return;
  }
}

/** Loads of the slot's sequence number a helper makes before it sleeps: a few microseconds, so back-to-back layers find it awake. */
export const SPIN = 4000;

/**
 * A helper's loop: waits for each new job in its slot, runs it, says it is
 * done, until told to stop. Never returns otherwise (the helper's thread
 * does nothing else).
 */
export function serve(k: KernelExports, control: Int32Array, slot: number): void {
  let seen = Atomics.load(control, slot + SEQ);
  for (;;) {
    let seq = Atomics.load(control, slot + SEQ);
    for (let i = 0; seq === seen && i < SPIN; i++) seq = Atomics.load(control, slot + SEQ);
    if (seq === seen) {
      Atomics.wait(control, slot + SEQ, seen);
      continue;
    }
    seen = seq;
    if (control[slot + OP] === Op.stop) return;
    try {
      runJob(k, control, slot);
    } catch {
      Atomics.store(control, slot + FAILED, 1);
    }
    Atomics.store(control, slot + DONE, seen);
    Atomics.notify(control, slot + DONE);
  }
}
