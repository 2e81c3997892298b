// The image steps of a convolutional network: im2col and col2im around the
// convolution's product, and max pooling with the index of each maximum.

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
