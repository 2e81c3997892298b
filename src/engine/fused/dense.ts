/*
 * The dense layer's loops live in small functions of their own, with plain
 * typed-array arguments: V8 optimizes such a function far better than the
 * same loop inside one large switch (about three times faster here).
 */

/**
 * y = x·W + b for `rows` rows: x is rows × inSize, W inSize × size (row-major),
 * y rows × size. Four inputs at a time, so each output is loaded and stored a
 * quarter as often, and two rows at a time, so each weight serves two outputs.
 */
export function denseForward(x: Float32Array, y: Float32Array, w: Float32Array, b: Float32Array, rows: number, inSize: number, size: number): void {
  let r = 0;
  // Two rows at a time as well: each weight loaded serves two outputs.
  for (; r + 2 <= rows; r += 2) {
    const yo = r * size;
    const yo1 = yo + size;
    const xo = r * inSize;
    const xo1 = xo + inSize;
    for (let o = 0; o < size; o++) {
      y[yo + o] = b[o]!;
      y[yo1 + o] = b[o]!;
    }
    let j = 0;
    for (; j + 4 <= inSize; j += 4) {
      const a0 = x[xo + j]!;
      const a1 = x[xo + j + 1]!;
      const a2 = x[xo + j + 2]!;
      const a3 = x[xo + j + 3]!;
      const c0 = x[xo1 + j]!;
      const c1 = x[xo1 + j + 1]!;
      const c2 = x[xo1 + j + 2]!;
      const c3 = x[xo1 + j + 3]!;
      const w0 = j * size;
      const w1 = w0 + size;
      const w2 = w1 + size;
      const w3 = w2 + size;
      for (let o = 0; o < size; o++) {
        const v0 = w[w0 + o]!;
        const v1 = w[w1 + o]!;
        const v2 = w[w2 + o]!;
        const v3 = w[w3 + o]!;
        y[yo + o] = y[yo + o]! + a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
        y[yo1 + o] = y[yo1 + o]! + c0 * v0 + c1 * v1 + c2 * v2 + c3 * v3;
      }
    }
    for (; j < inSize; j++) {
      const a = x[xo + j]!;
      const c = x[xo1 + j]!;
      const wo = j * size;
      for (let o = 0; o < size; o++) {
        const v = w[wo + o]!;
        y[yo + o] = y[yo + o]! + a * v;
        y[yo1 + o] = y[yo1 + o]! + c * v;
      }
    }
  }
  for (; r < rows; r++) {
    const yo = r * size;
    const xo = r * inSize;
    for (let o = 0; o < size; o++) y[yo + o] = b[o]!;
    let j = 0;
    for (; j + 4 <= inSize; j += 4) {
      const a0 = x[xo + j]!;
      const a1 = x[xo + j + 1]!;
      const a2 = x[xo + j + 2]!;
      const a3 = x[xo + j + 3]!;
      const w0 = j * size;
      const w1 = w0 + size;
      const w2 = w1 + size;
      const w3 = w2 + size;
      for (let o = 0; o < size; o++) y[yo + o] = y[yo + o]! + a0 * w[w0 + o]! + a1 * w[w1 + o]! + a2 * w[w2 + o]! + a3 * w[w3 + o]!;
    }
    for (; j < inSize; j++) {
      const a = x[xo + j]!;
      const wo = j * size;
      for (let o = 0; o < size; o++) y[yo + o] = y[yo + o]! + a * w[wo + o]!;
    }
  }
}

/** dW += xᵀ·dy and db += Σ dy over `rows` rows. */
export function addWeightGradient(x: Float32Array, dy: Float32Array, dw: Float32Array, db: Float32Array, rows: number, inSize: number, size: number): void {
  for (let r = 0; r < rows; r++) {
    const go = r * size;
    for (let o = 0; o < size; o++) db[o] = db[o]! + dy[go + o]!;
  }
  // Four rows at a time, so each weight's gradient is loaded and stored a quarter as often.
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const g0 = r * size;
    const g1 = g0 + size;
    const g2 = g1 + size;
    const g3 = g2 + size;
    const x0 = r * inSize;
    for (let j = 0; j < inSize; j++) {
      const a0 = x[x0 + j]!;
      const a1 = x[x0 + inSize + j]!;
      const a2 = x[x0 + 2 * inSize + j]!;
      const a3 = x[x0 + 3 * inSize + j]!;
      const wo = j * size;
      for (let o = 0; o < size; o++) dw[wo + o] = dw[wo + o]! + a0 * dy[g0 + o]! + a1 * dy[g1 + o]! + a2 * dy[g2 + o]! + a3 * dy[g3 + o]!;
    }
  }
  for (; r < rows; r++) {
    const go = r * size;
    const xo = r * inSize;
    for (let j = 0; j < inSize; j++) {
      const a = x[xo + j]!;
      const wo = j * size;
      for (let o = 0; o < size; o++) dw[wo + o] = dw[wo + o]! + a * dy[go + o]!;
    }
  }
}

/** dx = dy·Wᵀ, four inputs and two rows at a time, so each loaded value serves several sums. */
export function denseInputGradient(dy: Float32Array, dx: Float32Array, w: Float32Array, rows: number, inSize: number, size: number): void {
  let r = 0;
  for (; r + 2 <= rows; r += 2) {
    const go = r * size;
    const go1 = go + size;
    const xo = r * inSize;
    const xo1 = xo + inSize;
    let j = 0;
    for (; j + 4 <= inSize; j += 4) {
      const w0 = j * size;
      const w1 = w0 + size;
      const w2 = w1 + size;
      const w3 = w2 + size;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let o = 0; o < size; o++) {
        const g = dy[go + o]!;
        const h = dy[go1 + o]!;
        const v0 = w[w0 + o]!;
        const v1 = w[w1 + o]!;
        const v2 = w[w2 + o]!;
        const v3 = w[w3 + o]!;
        s0 += g * v0;
        s1 += g * v1;
        s2 += g * v2;
        s3 += g * v3;
        t0 += h * v0;
        t1 += h * v1;
        t2 += h * v2;
        t3 += h * v3;
      }
      dx[xo + j] = s0;
      dx[xo + j + 1] = s1;
      dx[xo + j + 2] = s2;
      dx[xo + j + 3] = s3;
      dx[xo1 + j] = t0;
      dx[xo1 + j + 1] = t1;
      dx[xo1 + j + 2] = t2;
      dx[xo1 + j + 3] = t3;
    }
    for (; j < inSize; j++) {
      const wo = j * size;
      let sum = 0;
      let sum1 = 0;
      for (let o = 0; o < size; o++) {
        sum += dy[go + o]! * w[wo + o]!;
        sum1 += dy[go1 + o]! * w[wo + o]!;
      }
      dx[xo + j] = sum;
      dx[xo1 + j] = sum1;
    }
  }
  for (; r < rows; r++) {
    const go = r * size;
    const xo = r * inSize;
    for (let j = 0; j < inSize; j++) {
      const wo = j * size;
      let sum = 0;
      for (let o = 0; o < size; o++) sum += dy[go + o]! * w[wo + o]!;
      dx[xo + j] = sum;
    }
  }
}

/** Dropout's mask in training: each value kept (and scaled by 1 / keep) with probability keep. */
export function dropoutForward(x: Float32Array, y: Float32Array, mask: Float32Array, count: number, keep: number, seed: number): number {
  // xorshift32, inline: the mask takes a random number per value.
  let state = seed | 0 || 1;
  const scale = 1 / keep;
  for (let i = 0; i < count; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const m = (state >>> 0) / 4294967296 < keep ? scale : 0;
    mask[i] = m;
    y[i] = x[i]! * m;
  }
  return state;
}
