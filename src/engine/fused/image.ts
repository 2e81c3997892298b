import type { ConvStage, PoolStage } from './stages';

/* Convolution as im2col, and max pooling, one example at a time. */

/** One example's patches: row p = output pixel p's window, ordered kernel row, kernel column, channel (tfjs's kernel order). */
export function im2col(x: Float32Array, xo: number, stage: ConvStage, out: Float32Array, oo: number): void {
  const { inH, inW, inC, outH, outW, kernelSize: k, stride, padTop, padLeft } = stage;
  let i = oo;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      for (let ky = 0; ky < k; ky++) {
        const iy = oy * stride + ky - padTop;
        for (let kx = 0; kx < k; kx++) {
          const ix = ox * stride + kx - padLeft;
          if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) {
            for (let c = 0; c < inC; c++) out[i++] = 0;
          } else {
            const base = xo + (iy * inW + ix) * inC;
            for (let c = 0; c < inC; c++) out[i++] = x[base + c]!;
          }
        }
      }
    }
  }
}

/** The reverse of im2col for gradients: each patch value's gradient (from `go` on) is added to the input pixel it came from. */
export function col2im(grad: Float32Array, go: number, stage: ConvStage, dx: Float32Array, xo: number): void {
  const { inH, inW, inC, outH, outW, kernelSize: k, stride, padTop, padLeft } = stage;
  let i = go;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      for (let ky = 0; ky < k; ky++) {
        const iy = oy * stride + ky - padTop;
        for (let kx = 0; kx < k; kx++) {
          const ix = ox * stride + kx - padLeft;
          if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) {
            i += inC;
          } else {
            const base = xo + (iy * inW + ix) * inC;
            for (let c = 0; c < inC; c++) dx[base + c] = dx[base + c]! + grad[i++]!;
          }
        }
      }
    }
  }
}

/** Max pooling of one example, noting where each maximum came from (the first, on ties, as tfjs). */
export function maxPoolForward(x: Float32Array, y: Float32Array, argmax: Int32Array, xo: number, yo: number, stage: PoolStage): void {
  const { inW, channels, outH, outW, pool } = stage;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      for (let c = 0; c < channels; c++) {
        let best = Number.NEGATIVE_INFINITY;
        let where = -1;
        for (let py = 0; py < pool; py++) {
          for (let px = 0; px < pool; px++) {
            const i = xo + ((oy * pool + py) * inW + ox * pool + px) * channels + c;
            if (x[i]! > best || where < 0) {
              best = x[i]!;
              where = i;
            }
          }
        }
        const o = yo + (oy * outW + ox) * channels + c;
        y[o] = best;
        argmax[o] = where;
      }
    }
  }
}
