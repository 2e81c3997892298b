// AssemblyScript, compiled to WebAssembly with SIMD at build time (see
// wasmPlugin.ts). The dense layer's three products over float32 matrices in
// the module's memory, row-major, every pointer a byte offset:
//   denseForward   y = x·W + b
//   weightGradient dW += xᵀ·dy (rows j0..j1 of dW), and db += Σ dy
//   inputGradient  dx = dy·Wᵀ
// Each keeps a block of outputs in registers (four rows by eight columns, or
// two rows by four inputs) so every value loaded serves several
// multiply-adds. Sums run in float32, in the scalar engine's order along the
// inner dimension (the input gradient adds four partial sums at the end), so
// the results agree with it to float rounding.

@inline function madd(acc: v128, a: v128, b: v128): v128 {
  return f32x4.add(acc, f32x4.mul(a, b));
}

@inline function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

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

/** Copies `count` floats: a loop, since most runs are a few channels long and memory.copy is a call. */
@inline function copy(to: usize, from: usize, count: i32): void {
  let c = 0;
  for (; c + 4 <= count; c += 4) v128.store(to + ((<usize>c) << 2), v128.load(from + ((<usize>c) << 2)));
  for (; c < count; c++) store<f32>(to + ((<usize>c) << 2), load<f32>(from + ((<usize>c) << 2)));
}

/** to[i] += from[i] for `count` floats. */
@inline function addTo(to: usize, from: usize, count: i32): void {
  let c = 0;
  for (; c + 4 <= count; c += 4) {
    const at = (<usize>c) << 2;
    v128.store(to + at, f32x4.add(v128.load(to + at), v128.load(from + at)));
  }
  for (; c < count; c++) {
    const at = (<usize>c) << 2;
    store<f32>(to + at, load<f32>(to + at) + load<f32>(from + at));
  }
}

@inline function fill(to: usize, count: i32): void {
  let c = 0;
  for (; c + 4 <= count; c += 4) v128.store(to + ((<usize>c) << 2), f32x4.splat(0));
  for (; c < count; c++) store<f32>(to + ((<usize>c) << 2), 0);
}

/**
 * The patches of examples r0..r1 (see image.ts): row p of example r is
 * output pixel p's window, ordered kernel row, kernel column, channel;
 * zeros where the window hangs over the padding.
 */
export function im2col(x: usize, out: usize, r0: i32, r1: i32, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, k: i32, stride: i32, padTop: i32, padLeft: i32): void {
  const inSize = (<usize>(inH * inW * inC)) << 2;
  const run = (<usize>inC) << 2;
  let o = out + <usize>r0 * ((<usize>(outH * outW * k * k * inC)) << 2);
  for (let r = r0; r < r1; r++) {
    const xr = x + <usize>r * inSize;
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * stride - padLeft;
        const inside = ix0 >= 0 && ix0 + k <= inW;
        for (let ky = 0; ky < k; ky++) {
          const iy = oy * stride + ky - padTop;
          if (iy < 0 || iy >= inH) {
            fill(o, k * inC);
            o += <usize>k * run;
          } else if (inside) {
            // The window's row is k pixels side by side in the image: one run of k·inC floats.
            copy(o, xr + ((<usize>(iy * inW + ix0) * inC) << 2), k * inC);
            o += <usize>k * run;
          } else {
            for (let kx = 0; kx < k; kx++) {
              const ix = ix0 + kx;
              if (ix < 0 || ix >= inW) fill(o, inC);
              else copy(o, xr + ((<usize>(iy * inW + ix) * inC) << 2), inC);
              o += run;
            }
          }
        }
      }
    }
  }
}

/** The reverse of im2col for examples r0..r1: each patch value's gradient is added to the input pixel it came from (their dx zeroed here first). */
export function col2im(grad: usize, dx: usize, r0: i32, r1: i32, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, k: i32, stride: i32, padTop: i32, padLeft: i32): void {
  const inSize = (<usize>(inH * inW * inC)) << 2;
  memory.fill(dx + <usize>r0 * inSize, 0, <usize>(r1 - r0) * inSize);
  let g = grad + <usize>r0 * ((<usize>(outH * outW * k * k * inC)) << 2);
  for (let r = r0; r < r1; r++) {
    const dr = dx + <usize>r * inSize;
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * stride - padLeft;
        const inside = ix0 >= 0 && ix0 + k <= inW;
        for (let ky = 0; ky < k; ky++) {
          const iy = oy * stride + ky - padTop;
          if (iy >= 0 && iy < inH && inside) {
            addTo(dr + ((<usize>(iy * inW + ix0) * inC) << 2), g, k * inC);
            g += (<usize>(k * inC)) << 2;
            continue;
          }
          for (let kx = 0; kx < k; kx++) {
            const ix = ix0 + kx;
            if (iy >= 0 && iy < inH && ix >= 0 && ix < inW) addTo(dr + ((<usize>(iy * inW + ix) * inC) << 2), g, inC);
            g += (<usize>inC) << 2;
          }
        }
      }
    }
  }
}

/**
 * Max pooling (non-overlapping windows of pool × pool) of examples r0..r1,
 * noting in `argmax` (int32) the flat index in x of each output's maximum:
 * the first on ties, as tfjs. Four channels at a time.
 */
export function maxPool(x: usize, y: usize, argmax: usize, r0: i32, r1: i32, inH: i32, inW: i32, channels: i32, outH: i32, outW: i32, pool: i32): void {
  const inSize = inH * inW * channels;
  const outSize = outH * outW * channels;
  for (let r = r0; r < r1; r++) {
    const xo = r * inSize;
    const yo = r * outSize;
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        const first = xo + ((oy * pool) * inW + ox * pool) * channels;
        const out = yo + (oy * outW + ox) * channels;
        let c = 0;
        for (; c + 4 <= channels; c += 4) {
          const start = first + c;
          let best = v128.load(x + ((<usize>start) << 2));
          let where = i32x4.add(i32x4.splat(start), i32x4(0, 1, 2, 3));
          for (let py = 0; py < pool; py++) {
            for (let px = 0; px < pool; px++) {
              if (py == 0 && px == 0) continue;
              const i = start + (py * inW + px) * channels;
              const v = v128.load(x + ((<usize>i) << 2));
              const greater = f32x4.gt(v, best);
              best = v128.bitselect(v, best, greater);
              where = v128.bitselect(i32x4.add(i32x4.splat(i), i32x4(0, 1, 2, 3)), where, greater);
            }
          }
          v128.store(y + ((<usize>(out + c)) << 2), best);
          v128.store(argmax + ((<usize>(out + c)) << 2), where);
        }
        for (; c < channels; c++) {
          const start = first + c;
          let best = load<f32>(x + ((<usize>start) << 2));
          let where = start;
          for (let py = 0; py < pool; py++) {
            for (let px = 0; px < pool; px++) {
              const i = start + (py * inW + px) * channels;
              const v = load<f32>(x + ((<usize>i) << 2));
              if (v > best) {
                best = v;
                where = i;
              }
            }
          }
          store<f32>(y + ((<usize>(out + c)) << 2), best);
          store<i32>(argmax + ((<usize>(out + c)) << 2), where);
        }
      }
    }
  }
}
