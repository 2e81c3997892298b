// The machine's peak loop, and the elementwise steps around the products.

import { hsum, madd } from './lanes';

/**
 * The machine's peak for this kind of code: `iterations` rounds of eight
 * independent four-lane multiply-adds (32 a round), each accumulator's chain
 * waiting only on its own add, as in the kernels above. The multiplicands
 * are eight vectors read at `at` (32 floats, from the first-level cache), so
 * the products cannot be hoisted out of the loop. Returns a sum so the work
 * cannot be optimized away.
 */
export function peak(at: usize, iterations: i32): f32 {
  const m = f32x4.splat(0.999);
  let a0 = f32x4.splat(0), a1 = f32x4.splat(0), a2 = f32x4.splat(0), a3 = f32x4.splat(0);
  let a4 = f32x4.splat(0), a5 = f32x4.splat(0), a6 = f32x4.splat(0), a7 = f32x4.splat(0);
  for (let i = 0; i < iterations; i++) {
    a0 = madd(a0, v128.load(at), m);
    a1 = madd(a1, v128.load(at, 16), m);
    a2 = madd(a2, v128.load(at, 32), m);
    a3 = madd(a3, v128.load(at, 48), m);
    a4 = madd(a4, v128.load(at, 64), m);
    a5 = madd(a5, v128.load(at, 80), m);
    a6 = madd(a6, v128.load(at, 96), m);
    a7 = madd(a7, v128.load(at, 112), m);
  }
  return hsum(f32x4.add(f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)), f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7))));
}

// The elementwise and image steps around the products. In JavaScript they
// cost more than the products themselves once those run here: a branch per
// value on data whose sign is random is mispredicted half the time.

/** y = max(x, 0) over `count` values (0 for NaN, as x > 0 ? x : 0). */
export function reluForward(x: usize, y: usize, count: i32): void {
  const zero = f32x4.splat(0);
  const vec = count & ~3;
  let i = 0;
  for (; i < vec; i += 4) {
    const at = (<usize>i) << 2;
    v128.store(y + at, f32x4.pmax(zero, v128.load(x + at)));
  }
  for (; i < count; i++) {
    const at = (<usize>i) << 2;
    const v = load<f32>(x + at);
    store<f32>(y + at, v > 0 ? v : 0);
  }
}

/** dx = dy where x > 0, else 0. */
export function reluBackward(x: usize, dy: usize, dx: usize, count: i32): void {
  const zero = f32x4.splat(0);
  const vec = count & ~3;
  let i = 0;
  for (; i < vec; i += 4) {
    const at = (<usize>i) << 2;
    v128.store(dx + at, v128.and(v128.load(dy + at), f32x4.gt(v128.load(x + at), zero)));
  }
  for (; i < count; i++) {
    const at = (<usize>i) << 2;
    store<f32>(dx + at, load<f32>(x + at) > 0 ? load<f32>(dy + at) : 0);
  }
}

/**
 * Adam's update of `count` weights in place, as tfjs 4.22 computes it with
 * the settings the playground gives it (β1 0.9, β2 0.999, ε 1e-7): m and s
 * are the first and second moment estimates, c1 = 1 − β1^t and
 * c2 = 1 − β2^t the bias corrections of step t. In float32, as tfjs's CPU
 * backend does it, one operation at a time in its order.
 */
export function adam(v: usize, g: usize, m: usize, s: usize, count: i32, lr: f32, c1: f32, c2: f32): void {
  const b1 = f32x4.splat(0.9), n1 = f32x4.splat(0.1), b2 = f32x4.splat(0.999), n2 = f32x4.splat(0.001);
  const rate = f32x4.splat(lr), first = f32x4.splat(c1), second = f32x4.splat(c2), epsilon = f32x4.splat(1e-7);
  const vec = count & ~3;
  let i = 0;
  for (; i < vec; i += 4) {
    const at = (<usize>i) << 2;
    const gi = v128.load(g + at);
    const mi = f32x4.add(f32x4.mul(b1, v128.load(m + at)), f32x4.mul(n1, gi));
    const si = f32x4.add(f32x4.mul(b2, v128.load(s + at)), f32x4.mul(f32x4.mul(n2, gi), gi));
    v128.store(m + at, mi);
    v128.store(s + at, si);
    const step = f32x4.div(f32x4.mul(rate, f32x4.div(mi, first)), f32x4.add(f32x4.sqrt(f32x4.div(si, second)), epsilon));
    v128.store(v + at, f32x4.sub(v128.load(v + at), step));
  }
  for (; i < count; i++) {
    const at = (<usize>i) << 2;
    const gi = load<f32>(g + at);
    const mi: f32 = <f32>0.9 * load<f32>(m + at) + <f32>0.1 * gi;
    const si: f32 = <f32>0.999 * load<f32>(s + at) + <f32>0.001 * gi * gi;
    store<f32>(m + at, mi);
    store<f32>(s + at, si);
    store<f32>(v + at, load<f32>(v + at) - (lr * (mi / c1)) / (sqrt<f32>(si / c2) + <f32>1e-7));
  }
}
