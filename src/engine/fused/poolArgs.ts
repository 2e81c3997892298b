import type { ConvStage, PoolStage } from './stages';

/*
 * How one part of a kernel call is written into a helper's slot (see
 * pool.ts and poolJobs.ts): the call's arguments sit in one object the pool
 * keeps for its life, and each kernel has a writer declared once here, so
 * cutting a call into parts allocates nothing (no argument array, no closure).
 */

/** The arguments of the kernel call being cut: byte offsets, sizes and the stage's geometry. */
export interface CallArgs {
  a: number;
  b: number;
  c: number;
  d: number;
  rows: number;
  inSize: number;
  size: number;
  conv: ConvStage | null;
  pool: PoolStage | null;
}

export const emptyCall = (): CallArgs => ({ a: 0, b: 0, c: 0, d: 0, rows: 0, inSize: 0, size: 0, conv: null, pool: null });

/** Writes the arguments of the part from..to of `call` at control[at...]. */
export type PartWriter = (control: Int32Array, at: number, from: number, to: number, call: CallArgs) => void;

/** Rows from..to of y = x·w + b: x at a, y at b, w at c, b at d. */
export const denseForwardPart: PartWriter = (o, at, r0, r1, k) => {
  o[at] = k.a + r0 * k.inSize * 4;
  o[at + 1] = k.b + r0 * k.size * 4;
  o[at + 2] = k.c;
  o[at + 3] = k.d;
  o[at + 4] = r1 - r0;
  o[at + 5] = k.inSize;
  o[at + 6] = k.size;
};

/** Inputs from..to of dw += xᵀ·dy (and db, by the part that starts at 0): x at a, dy at b, dw at c, db at d. */
export const weightGradientPart: PartWriter = (o, at, j0, j1, k) => {
  o[at] = k.a;
  o[at + 1] = k.b;
  o[at + 2] = k.c;
  o[at + 3] = j0 === 0 ? k.d : 0;
  o[at + 4] = k.rows;
  o[at + 5] = k.inSize;
  o[at + 6] = k.size;
  o[at + 7] = j0;
  o[at + 8] = j1;
};

/** Rows from..to of dx = dy·wᵀ: dy at a, dx at b, w at c. */
export const inputGradientPart: PartWriter = (o, at, r0, r1, k) => {
  o[at] = k.a + r0 * k.size * 4;
  o[at + 1] = k.b + r0 * k.inSize * 4;
  o[at + 2] = k.c;
  o[at + 3] = r1 - r0;
  o[at + 4] = k.inSize;
  o[at + 5] = k.size;
};

/** Values from..to of ReLU forward (x at a, y at b). */
export const reluPart: PartWriter = (o, at, i0, i1, k) => {
  o[at] = k.a + i0 * 4;
  o[at + 1] = k.b + i0 * 4;
  o[at + 2] = i1 - i0;
};

/** Values from..to of ReLU's gradient (x at a, dy at b, dx at c). */
export const reluBackwardPart: PartWriter = (o, at, i0, i1, k) => {
  o[at] = k.a + i0 * 4;
  o[at + 1] = k.b + i0 * 4;
  o[at + 2] = k.c + i0 * 4;
  o[at + 3] = i1 - i0;
};

/** Examples from..to of im2col (x at a, patches at b) or col2im (patch gradients at a, dx at b). */
export const patchesPart: PartWriter = (o, at, r0, r1, k) => {
  const s = k.conv!;
  o[at] = k.a;
  o[at + 1] = k.b;
  o[at + 2] = r0;
  o[at + 3] = r1;
  o[at + 4] = s.inH;
  o[at + 5] = s.inW;
  o[at + 6] = s.inC;
  o[at + 7] = s.outH;
  o[at + 8] = s.outW;
  o[at + 9] = s.kernelSize;
  o[at + 10] = s.stride;
  o[at + 11] = s.padTop;
  o[at + 12] = s.padLeft;
};

/** Examples from..to of max pooling (x at a, y at b, argmax at c). */
export const maxPoolPart: PartWriter = (o, at, r0, r1, k) => {
  const s = k.pool!;
  o[at] = k.a;
  o[at + 1] = k.b;
  o[at + 2] = k.c;
  o[at + 3] = r0;
  o[at + 4] = r1;
  o[at + 5] = s.inH;
  o[at + 6] = s.inW;
  o[at + 7] = s.channels;
  o[at + 8] = s.outH;
  o[at + 9] = s.outW;
  o[at + 10] = s.pool;
};
