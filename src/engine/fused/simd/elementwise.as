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

/** Lanes 0–1 and 2–3 of four float32s as two float64 pairs. */
@inline function low(x: v128): v128 {
  return f64x2.promote_low_f32x4(x);
}
@inline function high(x: v128): v128 {
  return f64x2.promote_low_f32x4(v128.shuffle<f32>(x, x, 2, 3, 0, 1));
}
/** Two float64 pairs rounded back into four float32s. */
@inline function join(a: v128, b: v128): v128 {
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(a), f32x4.demote_f64x2_zero(b), 0, 1, 4, 5);
}

/** Adam's first and second moments and the weight's step for two lanes, in float64, as JavaScript computes them (see adam). */
@inline function adamStep(v: v128, g: v128, m: v128, s: v128, rate: v128, first: v128, second: v128): v128 {
  return f64x2.sub(v, f64x2.div(f64x2.mul(rate, f64x2.div(m, first)), f64x2.add(f64x2.sqrt(f64x2.div(s, second)), f64x2.splat(1e-7))));
}

/**
 * Adam's update of `count` weights in place with the settings the
 * playground gives tfjs (β1 0.9, β2 0.999, ε 1e-7): m and s are the first
 * and second moment estimates, c1 = 1 − β1^t and c2 = 1 − β2^t the bias
 * corrections of step t. Each value is computed in float64 from the stored
 * float32s and stored rounded to float32, in the scalar loop's order (the
 * step reads the moments as stored): bit for bit the scalar engine's
 * update, so a run trains the same on either path.
 */
export function adam(v: usize, g: usize, m: usize, s: usize, count: i32, lr: f64, c1: f64, c2: f64): void {
  const b1 = f64x2.splat(0.9), n1 = f64x2.splat(0.1), b2 = f64x2.splat(0.999), n2 = f64x2.splat(0.001);
  const rate = f64x2.splat(lr), first = f64x2.splat(c1), second = f64x2.splat(c2);
  const vec = count & ~3;
  let i = 0;
  for (; i < vec; i += 4) {
    const at = (<usize>i) << 2;
    const g4 = v128.load(g + at), m4 = v128.load(m + at), s4 = v128.load(s + at);
    const gl = low(g4), gh = high(g4);
    const mn = join(f64x2.add(f64x2.mul(b1, low(m4)), f64x2.mul(n1, gl)), f64x2.add(f64x2.mul(b1, high(m4)), f64x2.mul(n1, gh)));
    const sn = join(
      f64x2.add(f64x2.mul(b2, low(s4)), f64x2.mul(f64x2.mul(n2, gl), gl)),
      f64x2.add(f64x2.mul(b2, high(s4)), f64x2.mul(f64x2.mul(n2, gh), gh)),
    );
    v128.store(m + at, mn);
    v128.store(s + at, sn);
    const v4 = v128.load(v + at);
    v128.store(v + at, join(adamStep(low(v4), gl, low(mn), low(sn), rate, first, second), adamStep(high(v4), gh, high(mn), high(sn), rate, first, second)));
  }
  for (; i < count; i++) {
    const at = (<usize>i) << 2;
    // Each in a float64 variable first: inside <f32>(…) the literals would be float32s.
    const gi = <f64>load<f32>(g + at);
    const mf: f64 = 0.9 * <f64>load<f32>(m + at) + 0.1 * gi;
    const sf: f64 = 0.999 * <f64>load<f32>(s + at) + 0.001 * gi * gi;
    const mi = <f32>mf;
    const si = <f32>sf;
    store<f32>(m + at, mi);
    store<f32>(s + at, si);
    const vf: f64 = <f64>load<f32>(v + at) - (lr * (<f64>mi / c1)) / (Math.sqrt(<f64>si / c2) + 1e-7);
    store<f32>(v + at, <f32>vf);
  }
}
