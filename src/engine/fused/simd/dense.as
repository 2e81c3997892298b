// The dense layer's three products over float32 matrices in the module's
// memory, row-major, every pointer a byte offset:
//   denseForward   y = x·W + b
//   weightGradient dW += xᵀ·dy (rows j0..j1 of dW), and db += Σ dy
//   inputGradient  dx = dy·Wᵀ
// Each keeps a block of outputs in registers (four rows by eight columns, or
// two rows by four inputs) so every value loaded serves several
// multiply-adds. Sums run in float32, in the scalar engine's order along the
// inner dimension (the input gradient adds four partial sums at the end), so
// the results agree with it to float rounding.

import { hsum, madd } from './lanes';

/** y = x·W + b: x rows × inS, W inS × size, y rows × size. */
export function denseForward(x: usize, y: usize, w: usize, b: usize, rows: i32, inS: i32, size: i32): void {
  const xs = (<usize>inS) << 2;
  const ws = (<usize>size) << 2;
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const x0 = x + <usize>r * xs;
    const x1 = x0 + xs;
    const x2 = x1 + xs;
    const x3 = x2 + xs;
    const y0 = y + <usize>r * ws;
    let o = 0;
    for (; o + 8 <= size; o += 8) {
      const ob = (<usize>o) << 2;
      const bl = v128.load(b + ob);
      const bh = v128.load(b + ob, 16);
      let a0l = bl, a0h = bh, a1l = bl, a1h = bh, a2l = bl, a2h = bh, a3l = bl, a3h = bh;
      let wp = w + ob;
      for (let j = 0; j < inS; j++) {
        const jb = (<usize>j) << 2;
        const wl = v128.load(wp);
        const wh = v128.load(wp, 16);
        const s0 = f32x4.splat(load<f32>(x0 + jb));
        const s1 = f32x4.splat(load<f32>(x1 + jb));
        const s2 = f32x4.splat(load<f32>(x2 + jb));
        const s3 = f32x4.splat(load<f32>(x3 + jb));
        a0l = madd(a0l, s0, wl);
        a0h = madd(a0h, s0, wh);
        a1l = madd(a1l, s1, wl);
        a1h = madd(a1h, s1, wh);
        a2l = madd(a2l, s2, wl);
        a2h = madd(a2h, s2, wh);
        a3l = madd(a3l, s3, wl);
        a3h = madd(a3h, s3, wh);
        wp += ws;
      }
      const yp = y0 + ob;
      v128.store(yp, a0l);
      v128.store(yp, a0h, 16);
      v128.store(yp + ws, a1l);
      v128.store(yp + ws, a1h, 16);
      v128.store(yp + 2 * ws, a2l);
      v128.store(yp + 2 * ws, a2h, 16);
      v128.store(yp + 3 * ws, a3l);
      v128.store(yp + 3 * ws, a3h, 16);
    }
    for (; o + 4 <= size; o += 4) {
      const ob = (<usize>o) << 2;
      const bv = v128.load(b + ob);
      let a0 = bv, a1 = bv, a2 = bv, a3 = bv;
      let wp = w + ob;
      for (let j = 0; j < inS; j++) {
        const jb = (<usize>j) << 2;
        const wv = v128.load(wp);
        a0 = madd(a0, f32x4.splat(load<f32>(x0 + jb)), wv);
        a1 = madd(a1, f32x4.splat(load<f32>(x1 + jb)), wv);
        a2 = madd(a2, f32x4.splat(load<f32>(x2 + jb)), wv);
        a3 = madd(a3, f32x4.splat(load<f32>(x3 + jb)), wv);
        wp += ws;
      }
      const yp = y0 + ob;
      v128.store(yp, a0);
      v128.store(yp + ws, a1);
      v128.store(yp + 2 * ws, a2);
      v128.store(yp + 3 * ws, a3);
    }
    for (; o < size; o++) {
      const ob = (<usize>o) << 2;
      const bv = load<f32>(b + ob);
      let a0 = bv, a1 = bv, a2 = bv, a3 = bv;
      let wp = w + ob;
      for (let j = 0; j < inS; j++) {
        const jb = (<usize>j) << 2;
        const wv = load<f32>(wp);
        a0 += load<f32>(x0 + jb) * wv;
        a1 += load<f32>(x1 + jb) * wv;
        a2 += load<f32>(x2 + jb) * wv;
        a3 += load<f32>(x3 + jb) * wv;
        wp += ws;
      }
      const yp = y0 + ob;
      store<f32>(yp, a0);
      store<f32>(yp + ws, a1);
      store<f32>(yp + 2 * ws, a2);
      store<f32>(yp + 3 * ws, a3);
    }
  }
  for (; r < rows; r++) {
    const x0 = x + <usize>r * xs;
    const y0 = y + <usize>r * ws;
    let o = 0;
    for (; o + 4 <= size; o += 4) {
      const ob = (<usize>o) << 2;
      let a0 = v128.load(b + ob);
      let wp = w + ob;
      for (let j = 0; j < inS; j++) {
        a0 = madd(a0, f32x4.splat(load<f32>(x0 + ((<usize>j) << 2))), v128.load(wp));
        wp += ws;
      }
      v128.store(y0 + ob, a0);
    }
    for (; o < size; o++) {
      const ob = (<usize>o) << 2;
      let a0 = load<f32>(b + ob);
      let wp = w + ob;
      for (let j = 0; j < inS; j++) {
        a0 += load<f32>(x0 + ((<usize>j) << 2)) * load<f32>(wp);
        wp += ws;
      }
      store<f32>(y0 + ob, a0);
    }
  }
}

/**
 * dW[j][o] += Σ_r x[r][j]·dy[r][o] for j in j0..j1 (x rows × inS, dy and dW
 * rows of `size`); and db += Σ_r dy[r] unless db is 0.
 */
export function weightGradient(x: usize, dy: usize, dw: usize, db: usize, rows: i32, inS: i32, size: i32, j0: i32, j1: i32): void {
  const xs = (<usize>inS) << 2;
  const gs = (<usize>size) << 2;
  if (db != 0) {
    let o = 0;
    for (; o + 4 <= size; o += 4) {
      const ob = (<usize>o) << 2;
      let acc = v128.load(db + ob);
      let gp = dy + ob;
      for (let r = 0; r < rows; r++) {
        acc = f32x4.add(acc, v128.load(gp));
        gp += gs;
      }
      v128.store(db + ob, acc);
    }
    for (; o < size; o++) {
      const ob = (<usize>o) << 2;
      let acc = load<f32>(db + ob);
      let gp = dy + ob;
      for (let r = 0; r < rows; r++) {
        acc += load<f32>(gp);
        gp += gs;
      }
      store<f32>(db + ob, acc);
    }
  }
  let j = j0;
  for (; j + 4 <= j1; j += 4) {
    const xj = x + ((<usize>j) << 2);
    const d0 = dw + <usize>j * gs;
    let o = 0;
    for (; o + 8 <= size; o += 8) {
      const ob = (<usize>o) << 2;
      const dp = d0 + ob;
      let a0l = v128.load(dp), a0h = v128.load(dp, 16);
      let a1l = v128.load(dp + gs), a1h = v128.load(dp + gs, 16);
      let a2l = v128.load(dp + 2 * gs), a2h = v128.load(dp + 2 * gs, 16);
      let a3l = v128.load(dp + 3 * gs), a3h = v128.load(dp + 3 * gs, 16);
      let gp = dy + ob;
      let xp = xj;
      for (let r = 0; r < rows; r++) {
        const gl = v128.load(gp);
        const gh = v128.load(gp, 16);
        const s0 = f32x4.splat(load<f32>(xp));
        const s1 = f32x4.splat(load<f32>(xp, 4));
        const s2 = f32x4.splat(load<f32>(xp, 8));
        const s3 = f32x4.splat(load<f32>(xp, 12));
        a0l = madd(a0l, s0, gl);
        a0h = madd(a0h, s0, gh);
        a1l = madd(a1l, s1, gl);
        a1h = madd(a1h, s1, gh);
        a2l = madd(a2l, s2, gl);
        a2h = madd(a2h, s2, gh);
        a3l = madd(a3l, s3, gl);
        a3h = madd(a3h, s3, gh);
        gp += gs;
        xp += xs;
      }
      v128.store(dp, a0l);
      v128.store(dp, a0h, 16);
      v128.store(dp + gs, a1l);
      v128.store(dp + gs, a1h, 16);
      v128.store(dp + 2 * gs, a2l);
      v128.store(dp + 2 * gs, a2h, 16);
      v128.store(dp + 3 * gs, a3l);
      v128.store(dp + 3 * gs, a3h, 16);
    }
    for (; o + 4 <= size; o += 4) {
      const ob = (<usize>o) << 2;
      const dp = d0 + ob;
      let a0 = v128.load(dp), a1 = v128.load(dp + gs), a2 = v128.load(dp + 2 * gs), a3 = v128.load(dp + 3 * gs);
      let gp = dy + ob;
      let xp = xj;
      for (let r = 0; r < rows; r++) {
        const g = v128.load(gp);
        a0 = madd(a0, f32x4.splat(load<f32>(xp)), g);
        a1 = madd(a1, f32x4.splat(load<f32>(xp, 4)), g);
        a2 = madd(a2, f32x4.splat(load<f32>(xp, 8)), g);
        a3 = madd(a3, f32x4.splat(load<f32>(xp, 12)), g);
        gp += gs;
        xp += xs;
      }
      v128.store(dp, a0);
      v128.store(dp + gs, a1);
      v128.store(dp + 2 * gs, a2);
      v128.store(dp + 3 * gs, a3);
    }
    for (; o < size; o++) {
      const ob = (<usize>o) << 2;
      const dp = d0 + ob;
      let a0 = load<f32>(dp), a1 = load<f32>(dp + gs), a2 = load<f32>(dp + 2 * gs), a3 = load<f32>(dp + 3 * gs);
      let gp = dy + ob;
      let xp = xj;
      for (let r = 0; r < rows; r++) {
        const g = load<f32>(gp);
        a0 += load<f32>(xp) * g;
        a1 += load<f32>(xp, 4) * g;
        a2 += load<f32>(xp, 8) * g;
        a3 += load<f32>(xp, 12) * g;
        gp += gs;
        xp += xs;
      }
      store<f32>(dp, a0);
      store<f32>(dp + gs, a1);
      store<f32>(dp + 2 * gs, a2);
      store<f32>(dp + 3 * gs, a3);
    }
  }
  for (; j < j1; j++) {
    const xj = x + ((<usize>j) << 2);
    const d0 = dw + <usize>j * gs;
    let o = 0;
    for (; o + 4 <= size; o += 4) {
      const ob = (<usize>o) << 2;
      let a0 = v128.load(d0 + ob);
      let gp = dy + ob;
      let xp = xj;
      for (let r = 0; r < rows; r++) {
        a0 = madd(a0, f32x4.splat(load<f32>(xp)), v128.load(gp));
        gp += gs;
        xp += xs;
      }
      v128.store(d0 + ob, a0);
    }
    for (; o < size; o++) {
      const ob = (<usize>o) << 2;
      let a0 = load<f32>(d0 + ob);
      let gp = dy + ob;
      let xp = xj;
      for (let r = 0; r < rows; r++) {
        a0 += load<f32>(xp) * load<f32>(gp);
        gp += gs;
        xp += xs;
      }
      store<f32>(d0 + ob, a0);
    }
  }
}

/** dx[r][j] = Σ_o dy[r][o]·W[j][o]: dy rows × size, W inS × size, dx rows × inS. */
export function inputGradient(dy: usize, dx: usize, w: usize, rows: i32, inS: i32, size: i32): void {
  const xs = (<usize>inS) << 2;
  const gs = (<usize>size) << 2;
  const vec = size & ~3;
  let r = 0;
  for (; r + 2 <= rows; r += 2) {
    const g0 = dy + <usize>r * gs;
    const g1 = g0 + gs;
    const d0 = dx + <usize>r * xs;
    const d1 = d0 + xs;
    let j = 0;
    for (; j + 4 <= inS; j += 4) {
      const w0 = w + <usize>j * gs;
      const w1 = w0 + gs;
      const w2 = w1 + gs;
      const w3 = w2 + gs;
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      let t0 = f32x4.splat(0), t1 = f32x4.splat(0), t2 = f32x4.splat(0), t3 = f32x4.splat(0);
      for (let o = 0; o < vec; o += 4) {
        const ob = (<usize>o) << 2;
        const g = v128.load(g0 + ob);
        const h = v128.load(g1 + ob);
        const v0 = v128.load(w0 + ob);
        const v1 = v128.load(w1 + ob);
        const v2 = v128.load(w2 + ob);
        const v3 = v128.load(w3 + ob);
        s0 = madd(s0, g, v0);
        s1 = madd(s1, g, v1);
        s2 = madd(s2, g, v2);
        s3 = madd(s3, g, v3);
        t0 = madd(t0, h, v0);
        t1 = madd(t1, h, v1);
        t2 = madd(t2, h, v2);
        t3 = madd(t3, h, v3);
      }
      let a0 = hsum(s0), a1 = hsum(s1), a2 = hsum(s2), a3 = hsum(s3);
      let c0 = hsum(t0), c1 = hsum(t1), c2 = hsum(t2), c3 = hsum(t3);
      for (let o = vec; o < size; o++) {
        const ob = (<usize>o) << 2;
        const g = load<f32>(g0 + ob);
        const h = load<f32>(g1 + ob);
        const v0 = load<f32>(w0 + ob);
        const v1 = load<f32>(w1 + ob);
        const v2 = load<f32>(w2 + ob);
        const v3 = load<f32>(w3 + ob);
        a0 += g * v0;
        a1 += g * v1;
        a2 += g * v2;
        a3 += g * v3;
        c0 += h * v0;
        c1 += h * v1;
        c2 += h * v2;
        c3 += h * v3;
      }
      const jb = (<usize>j) << 2;
      store<f32>(d0 + jb, a0);
      store<f32>(d0 + jb, a1, 4);
      store<f32>(d0 + jb, a2, 8);
      store<f32>(d0 + jb, a3, 12);
      store<f32>(d1 + jb, c0);
      store<f32>(d1 + jb, c1, 4);
      store<f32>(d1 + jb, c2, 8);
      store<f32>(d1 + jb, c3, 12);
    }
    for (; j < inS; j++) {
      const w0 = w + <usize>j * gs;
      let s0 = f32x4.splat(0), t0 = f32x4.splat(0);
      for (let o = 0; o < vec; o += 4) {
        const ob = (<usize>o) << 2;
        const v0 = v128.load(w0 + ob);
        s0 = madd(s0, v128.load(g0 + ob), v0);
        t0 = madd(t0, v128.load(g1 + ob), v0);
      }
      let a0 = hsum(s0), c0 = hsum(t0);
      for (let o = vec; o < size; o++) {
        const ob = (<usize>o) << 2;
        const v0 = load<f32>(w0 + ob);
        a0 += load<f32>(g0 + ob) * v0;
        c0 += load<f32>(g1 + ob) * v0;
      }
      const jb = (<usize>j) << 2;
      store<f32>(d0 + jb, a0);
      store<f32>(d1 + jb, c0);
    }
  }
  for (; r < rows; r++) {
    const g0 = dy + <usize>r * gs;
    const d0 = dx + <usize>r * xs;
    for (let j = 0; j < inS; j++) {
      const w0 = w + <usize>j * gs;
      let s0 = f32x4.splat(0);
      for (let o = 0; o < vec; o += 4) {
        const ob = (<usize>o) << 2;
        s0 = madd(s0, v128.load(g0 + ob), v128.load(w0 + ob));
      }
      let a0 = hsum(s0);
      for (let o = vec; o < size; o++) {
        const ob = (<usize>o) << 2;
        a0 += load<f32>(g0 + ob) * load<f32>(w0 + ob);
      }
      store<f32>(d0 + ((<usize>j) << 2), a0);
    }
  }
}
