import type { ActivationName } from '../../model/activations';
import type { LayerSpec, Shape } from '../../model/layers';
import type { LossName } from '../../model/losses';
import type { TaskSpec } from '../../model/task';
import { createRng } from '../../data/rng';

/**
 * A dense network trained in plain JavaScript over Float32Arrays: the
 * "fused" engine. For the small models people build while learning,
 * each tfjs operation's fixed cost (tens of microseconds) dwarfs the
 * arithmetic, so one loop per layer over preallocated buffers runs many
 * times faster than any tfjs backend. It follows tfjs's definitions exactly
 * (forward pass, gradients, losses, metrics, optimizers; see optimizer.ts),
 * so a run here and a run on tfjs from the same weights agree to float
 * rounding, and the weights go back into a tfjs model for export.
 */

/** The tfjs/Keras backend epsilon, used by the cross-entropy clip. */
const EPSILON = 1e-7;
/** Keras's BatchNormalization defaults, as buildModel sets them. */
const BN_MOMENTUM = 0.99;
const BN_EPSILON = 1e-3;
const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;

/**
 * Whether the fused engine can run this model: dense layers, dropout, batch
 * normalization and activations on flat inputs, and convolutions, max
 * pooling, activations and dropout on images (height × width × channels)
 * up to a Flatten.
 */
export function canFuse(inputShape: Shape, layers: readonly LayerSpec[]): boolean {
  if (layers.length === 0 || (inputShape.length !== 1 && inputShape.length !== 3)) return false;
  let image = inputShape.length === 3;
  for (const layer of layers) {
    switch (layer.kind) {
      case 'conv2d':
      case 'maxPooling2d':
        if (!image) return false;
        break;
      case 'flatten':
        if (!image) return false;
        image = false;
        break;
      case 'dense':
      case 'batchNormalization':
        if (image) return false;
        break;
      case 'activation':
        // Softmax on an image works per pixel in tfjs; the engine's works per row.
        if (image && layer.activation === 'softmax') return false;
        break;
      case 'dropout':
        break;
    }
    if ((layer.kind === 'conv2d' || layer.kind === 'dense') && image && layer.activation === 'softmax') return false;
  }
  return true;
}

/** One trainable array and its gradient, in tfjs's weight order. */
export interface Param {
  value: Float32Array;
  grad: Float32Array;
}

interface DenseStage {
  kind: 'dense';
  inSize: number;
  size: number;
  kernel: Param;
  bias: Param;
}
interface ActivationStage {
  kind: 'activation';
  size: number;
  activation: ActivationName;
}
interface DropoutStage {
  kind: 'dropout';
  size: number;
  rate: number;
  mask: Float32Array;
}
interface NormStage {
  kind: 'batchNormalization';
  size: number;
  gamma: Param;
  beta: Param;
  movingMean: Float32Array;
  movingVariance: Float32Array;
  /** Per-batch caches for the backward pass. */
  normalized: Float32Array;
  invStd: Float64Array;
}
/** Conv2D as im2col: each output pixel's patch is a row, multiplied by the kernel like a dense layer. */
interface ConvStage {
  kind: 'conv2d';
  size: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  filters: number;
  kernelSize: number;
  stride: number;
  /** Rows and columns of zero padding before the image ('same'); 0 for 'valid'. */
  padTop: number;
  padLeft: number;
  kernel: Param;
  bias: Param;
  /** The batch's patches, batchSize × outH·outW × kernelSize²·inC, kept for the backward pass. */
  patches: Float32Array;
  /** Scratch for the patches' gradients of one example. */
  patchGrad: Float32Array;
}
interface PoolStage {
  kind: 'maxPooling2d';
  size: number;
  inH: number;
  inW: number;
  channels: number;
  outH: number;
  outW: number;
  pool: number;
  /** Index in the input of each output's maximum, for the backward pass. */
  argmax: Int32Array;
}
interface FlattenStage {
  kind: 'flatten';
  size: number;
}
type Stage = DenseStage | ActivationStage | DropoutStage | NormStage | ConvStage | PoolStage | FlattenStage;

const param = (size: number): Param => ({ value: new Float32Array(size), grad: new Float32Array(size) });

function compile(inputShape: Shape, layers: readonly LayerSpec[], batchSize: number): Stage[] {
  const stages: Stage[] = [];
  let shape: number[] = [...inputShape];
  let size = shape.reduce((a, b) => a * b, 1);
  for (const layer of layers) {
    switch (layer.kind) {
      case 'conv2d': {
        const [inH, inW, inC] = shape as [number, number, number];
        const k = layer.kernelSize;
        const stride = layer.strides;
        const same = layer.padding === 'same';
        // Keras's output size and padding: 'same' pads evenly, the extra row or column after.
        const outH = same ? Math.ceil(inH / stride) : Math.floor((inH - k) / stride) + 1;
        const outW = same ? Math.ceil(inW / stride) : Math.floor((inW - k) / stride) + 1;
        const padTop = same ? Math.floor(Math.max((outH - 1) * stride + k - inH, 0) / 2) : 0;
        const padLeft = same ? Math.floor(Math.max((outW - 1) * stride + k - inW, 0) / 2) : 0;
        const patch = k * k * inC;
        shape = [outH, outW, layer.filters];
        size = outH * outW * layer.filters;
        stages.push({
          kind: 'conv2d',
          size,
          inH,
          inW,
          inC,
          outH,
          outW,
          filters: layer.filters,
          kernelSize: k,
          stride,
          padTop,
          padLeft,
          kernel: param(patch * layer.filters),
          bias: param(layer.filters),
          patches: new Float32Array(batchSize * outH * outW * patch),
          patchGrad: new Float32Array(outH * outW * patch),
        });
        if (layer.activation !== 'linear') stages.push({ kind: 'activation', size, activation: layer.activation });
        break;
      }
      case 'maxPooling2d': {
        const [inH, inW, channels] = shape as [number, number, number];
        const pool = layer.poolSize;
        const outH = Math.floor((inH - pool) / pool) + 1;
        const outW = Math.floor((inW - pool) / pool) + 1;
        shape = [outH, outW, channels];
        size = outH * outW * channels;
        stages.push({ kind: 'maxPooling2d', size, inH, inW, channels, outH, outW, pool, argmax: new Int32Array(batchSize * size) });
        break;
      }
      case 'flatten':
        // Row-major height × width × channels is already the order tfjs flattens in.
        shape = [size];
        stages.push({ kind: 'flatten', size });
        break;
      case 'dense':
        stages.push({ kind: 'dense', inSize: size, size: layer.units, kernel: param(size * layer.units), bias: param(layer.units) });
        size = layer.units;
        if (layer.activation !== 'linear') stages.push({ kind: 'activation', size, activation: layer.activation });
        break;
      case 'activation':
        if (layer.activation !== 'linear') stages.push({ kind: 'activation', size, activation: layer.activation });
        break;
      case 'dropout':
        stages.push({ kind: 'dropout', size, rate: layer.rate, mask: new Float32Array(batchSize * size) });
        break;
      case 'batchNormalization':
        stages.push({
          kind: 'batchNormalization',
          size,
          gamma: param(size),
          beta: param(size),
          movingMean: new Float32Array(size),
          movingVariance: new Float32Array(size),
          normalized: new Float32Array(batchSize * size),
          invStd: new Float64Array(size),
        });
        break;
    }
  }
  return stages;
}

/** One example's patches: row p = output pixel p's window, ordered kernel row, kernel column, channel (tfjs's kernel order). */
function im2col(x: Float32Array, xo: number, stage: ConvStage, out: Float32Array, oo: number): void {
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

/** The reverse of im2col for gradients: each patch value's gradient is added to the input pixel it came from. */
function col2im(grad: Float32Array, stage: ConvStage, dx: Float32Array, xo: number): void {
  const { inH, inW, inC, outH, outW, kernelSize: k, stride, padTop, padLeft } = stage;
  let i = 0;
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
function maxPoolForward(x: Float32Array, y: Float32Array, argmax: Int32Array, xo: number, yo: number, stage: PoolStage): void {
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

/** Forward pass of an activation over `count` values, `rows` rows of `size` (softmax works per row). */
function activate(activation: ActivationName, x: Float32Array, y: Float32Array, rows: number, size: number): void {
  const count = rows * size;
  switch (activation) {
    case 'relu':
      for (let i = 0; i < count; i++) y[i] = x[i]! > 0 ? x[i]! : 0;
      return;
    case 'elu':
      for (let i = 0; i < count; i++) y[i] = x[i]! > 0 ? x[i]! : Math.expm1(x[i]!);
      return;
    case 'selu':
      for (let i = 0; i < count; i++) y[i] = x[i]! > 0 ? SELU_SCALE * x[i]! : SELU_SCALE * SELU_ALPHA * Math.expm1(x[i]!);
      return;
    case 'swish':
      for (let i = 0; i < count; i++) y[i] = x[i]! / (1 + Math.exp(-x[i]!));
      return;
    case 'sigmoid':
      for (let i = 0; i < count; i++) y[i] = 1 / (1 + Math.exp(-x[i]!));
      return;
    case 'tanh':
      for (let i = 0; i < count; i++) y[i] = Math.tanh(x[i]!);
      return;
    case 'linear':
      y.set(x.subarray(0, count));
      return;
    case 'softmax':
      for (let r = 0; r < rows; r++) {
        const o = r * size;
        let max = Number.NEGATIVE_INFINITY;
        for (let j = 0; j < size; j++) max = Math.max(max, x[o + j]!);
        let sum = 0;
        for (let j = 0; j < size; j++) {
          const e = Math.exp(x[o + j]! - max);
          y[o + j] = e;
          sum += e;
        }
        for (let j = 0; j < size; j++) y[o + j] = y[o + j]! / sum;
      }
      return;
  }
}

/** Backward pass of an activation: dx from dy, with x its input and y its output (as tfjs's gradients). */
function activateBackward(activation: ActivationName, x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array, rows: number, size: number): void {
  const count = rows * size;
  switch (activation) {
    case 'relu':
      for (let i = 0; i < count; i++) dx[i] = x[i]! > 0 ? dy[i]! : 0;
      return;
    case 'elu':
      for (let i = 0; i < count; i++) dx[i] = y[i]! >= 0 ? dy[i]! : dy[i]! * (y[i]! + 1);
      return;
    case 'selu':
      for (let i = 0; i < count; i++) dx[i] = x[i]! > 0 ? dy[i]! * SELU_SCALE : dy[i]! * SELU_SCALE * SELU_ALPHA * Math.exp(x[i]!);
      return;
    case 'swish':
      for (let i = 0; i < count; i++) {
        const s = 1 / (1 + Math.exp(-x[i]!));
        dx[i] = dy[i]! * (s + x[i]! * s * (1 - s));
      }
      return;
    case 'sigmoid':
      for (let i = 0; i < count; i++) dx[i] = dy[i]! * y[i]! * (1 - y[i]!);
      return;
    case 'tanh':
      for (let i = 0; i < count; i++) dx[i] = dy[i]! * (1 - y[i]! * y[i]!);
      return;
    case 'linear':
      dx.set(dy.subarray(0, count));
      return;
    case 'softmax':
      for (let r = 0; r < rows; r++) {
        const o = r * size;
        let dot = 0;
        for (let j = 0; j < size; j++) dot += dy[o + j]! * y[o + j]!;
        for (let j = 0; j < size; j++) dx[o + j] = y[o + j]! * (dy[o + j]! - dot);
      }
      return;
  }
}

/**
 * Loss and metric sums over `rows` rows of predictions `p` against targets
 * `t` (k values a row), and, when `grad` is given, d(mean loss)/dp into it
 * with the mean taken over `meanOver` rows. Definitions as in tfjs's
 * tf.losses / tf.metrics (see ../tf/objectives.ts).
 */
export function lossAndMetric(
  loss: LossName,
  task: TaskSpec,
  p: Float32Array,
  t: Float32Array,
  rows: number,
  k: number,
  grad: Float32Array | null,
  meanOver = rows,
): { loss: number; metric: number } {
  let lossSum = 0;
  let metricSum = 0;
  // The element-wise losses average over every value; the cross-entropies over rows.
  const elementScale = 1 / (meanOver * k);
  for (let r = 0; r < rows; r++) {
    const o = r * k;
    switch (loss) {
      case 'mae':
        for (let j = o; j < o + k; j++) {
          const e = p[j]! - t[j]!;
          lossSum += Math.abs(e) / k;
          if (grad) grad[j] = Math.sign(e) * elementScale;
        }
        break;
      case 'mse':
        for (let j = o; j < o + k; j++) {
          const e = p[j]! - t[j]!;
          lossSum += (e * e) / k;
          if (grad) grad[j] = 2 * e * elementScale;
        }
        break;
      case 'huber':
        for (let j = o; j < o + k; j++) {
          const e = p[j]! - t[j]!;
          const a = Math.abs(e);
          lossSum += (a <= 1 ? 0.5 * a * a : a - 0.5) / k;
          if (grad) grad[j] = (a <= 1 ? e : Math.sign(e)) * elementScale;
        }
        break;
      case 'binaryCrossentropy':
        for (let j = o; j < o + k; j++) {
          const clipped = Math.min(Math.max(p[j]!, EPSILON), 1 - EPSILON);
          const y = t[j]!;
          lossSum += -(y * Math.log(clipped) + (1 - y) * Math.log(1 - clipped)) / k;
          if (grad) {
            const inside = p[j]! >= EPSILON && p[j]! <= 1 - EPSILON;
            grad[j] = inside ? (clipped - y) / (clipped * (1 - clipped) * k * meanOver) : 0;
          }
        }
        break;
      case 'categoricalCrossentropy': {
        let sum = 0;
        for (let j = o; j < o + k; j++) sum += p[j]!;
        // -Σ t·log(clip(p / Σp)), and its gradient through the normalisation.
        let weighted = 0;
        for (let j = o; j < o + k; j++) {
          const q = p[j]! / sum;
          const clipped = Math.min(Math.max(q, EPSILON), 1 - EPSILON);
          lossSum -= t[j]! * Math.log(clipped);
          if (grad) {
            const g = q >= EPSILON && q <= 1 - EPSILON ? -t[j]! / clipped : 0;
            grad[j] = g;
            weighted += g * q;
          }
        }
        if (grad) for (let j = o; j < o + k; j++) grad[j] = (grad[j]! - weighted) / (sum * meanOver);
        break;
      }
    }
    metricSum += rowMetric(task, p, t, o, k);
  }
  return { loss: lossSum, metric: metricSum };
}

/** The metric of one row, as tfjs computes it: accuracy (0.5 threshold, or arg-max) or mean absolute error. */
function rowMetric(task: TaskSpec, p: Float32Array, t: Float32Array, o: number, k: number): number {
  switch (task.kind) {
    case 'regression': {
      let sum = 0;
      for (let j = o; j < o + k; j++) sum += Math.abs(p[j]! - t[j]!);
      return sum / k;
    }
    case 'binary': {
      let hits = 0;
      for (let j = o; j < o + k; j++) hits += (p[j]! > 0.5 ? 1 : 0) === t[j]! ? 1 : 0;
      return hits / k;
    }
    case 'multiclass': {
      let best = o;
      let truth = o;
      for (let j = o + 1; j < o + k; j++) {
        if (p[j]! > p[best]!) best = j;
        if (t[j]! > t[truth]!) truth = j;
      }
      return best === truth ? 1 : 0;
    }
  }
}

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
function denseForward(x: Float32Array, y: Float32Array, w: Float32Array, b: Float32Array, rows: number, inSize: number, size: number): void {
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

/** Gradients of a dense layer: dW = xᵀ·dy, db = Σ dy, and dx = dy·Wᵀ unless dx is null (the first layer). */
function denseBackward(
  x: Float32Array,
  dy: Float32Array,
  dx: Float32Array | null,
  w: Float32Array,
  dw: Float32Array,
  db: Float32Array,
  rows: number,
  inSize: number,
  size: number,
): void {
  dw.fill(0);
  db.fill(0);
  addWeightGradient(x, dy, dw, db, rows, inSize, size);
  if (dx) denseInputGradient(dy, dx, w, rows, inSize, size);
}

/** dW += xᵀ·dy and db += Σ dy over `rows` rows. */
function addWeightGradient(x: Float32Array, dy: Float32Array, dw: Float32Array, db: Float32Array, rows: number, inSize: number, size: number): void {
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
function denseInputGradient(dy: Float32Array, dx: Float32Array, w: Float32Array, rows: number, inSize: number, size: number): void {
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
function dropoutForward(x: Float32Array, y: Float32Array, mask: Float32Array, count: number, keep: number, seed: number): number {
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

/** A dense network's weights and its forward and backward passes, for one batch size. */
export class FusedNet {
  private readonly stages: Stage[];
  /** Activations: [input, output of stage 0, ...], each batchSize rows. */
  private readonly outputs: Float32Array[];
  /** Buffers for inference, so predicting does not disturb the training pass's activations. */
  private readonly scratch: Float32Array[];
  /** Gradients with respect to each stage's output, batchSize rows. */
  private readonly grads: Float32Array[];
  /** State of the generator that draws dropout masks, seeded per run. */
  private dropoutState: number;
  readonly outputSize: number;
  /** Trainable arrays, in tfjs's trainable-weight order. */
  readonly params: Param[];

  readonly inputSize: number;

  constructor(
    inputShape: Shape,
    layers: readonly LayerSpec[],
    readonly batchSize: number,
    seed: number,
  ) {
    this.inputSize = inputShape.reduce((a, b) => a * b, 1);
    this.stages = compile(inputShape, layers, batchSize);
    const sizes = [this.inputSize, ...this.stages.map((stage) => stage.size)];
    this.outputs = sizes.map((size) => new Float32Array(batchSize * size));
    this.grads = sizes.map((size) => new Float32Array(batchSize * size));
    this.scratch = sizes.map((size) => new Float32Array(batchSize * size));
    this.outputSize = sizes[sizes.length - 1]!;
    this.dropoutState = Math.floor(createRng(seed).next() * 0xffffffff) | 1;
    this.params = this.stages.flatMap((stage) =>
      stage.kind === 'dense' || stage.kind === 'conv2d' ? [stage.kernel, stage.bias] : stage.kind === 'batchNormalization' ? [stage.gamma, stage.beta] : [],
    );
  }

  /**
   * Every weight array, in tfjs's `model.getWeights()` order: the trainable
   * ones layer by layer (kernel, bias; gamma, beta), then the others (moving
   * mean and variance).
   */
  weights(): Float32Array[] {
    const moving = this.stages.flatMap((stage) => (stage.kind === 'batchNormalization' ? [stage.movingMean, stage.movingVariance] : []));
    return [...this.params.map((p) => p.value), ...moving];
  }

  /** Every weight array layer by layer, as the weights view lays them out (see tf/weights.ts). */
  layerWeights(): Float32Array[] {
    return this.stages.flatMap((stage) =>
      stage.kind === 'dense' || stage.kind === 'conv2d'
        ? [stage.kernel.value, stage.bias.value]
        : stage.kind === 'batchNormalization'
          ? [stage.gamma.value, stage.beta.value, stage.movingMean, stage.movingVariance]
          : [],
    );
  }

  /** Copies weights in `weights()` order into the network. */
  setWeights(values: readonly Float32Array[]): void {
    const targets = this.weights();
    if (values.length !== targets.length) throw new Error(`Expected ${targets.length} weight arrays, got ${values.length}.`);
    targets.forEach((target, i) => {
      const value = values[i]!;
      if (value.length !== target.length) throw new Error(`Weight ${i} has ${value.length} values where ${target.length} are expected.`);
      target.set(value);
    });
  }

  /** The input buffer of the training pass: fill its first batchSize rows, then call trainForward. */
  get input(): Float32Array {
    return this.outputs[0]!;
  }

  /** The forward pass in training mode over the rows in `input`; returns the outputs (batchSize rows). */
  trainForward(): Float32Array {
    const rows = this.batchSize;
    this.stages.forEach((stage, i) => this.forward(stage, this.outputs[i]!, this.outputs[i + 1]!, rows, true));
    return this.outputs[this.outputs.length - 1]!;
  }

  /** The buffer for d(loss)/d(output), to fill before calling backward. */
  get outputGrad(): Float32Array {
    return this.grads[this.grads.length - 1]!;
  }

  /** Back-propagates `outputGrad` through the last training pass into each param's grad. */
  backward(): void {
    const rows = this.batchSize;
    for (let i = this.stages.length - 1; i >= 0; i--) {
      this.backwardStage(this.stages[i]!, this.outputs[i]!, this.outputs[i + 1]!, this.grads[i + 1]!, i > 0 ? this.grads[i]! : null, rows);
    }
  }

  /**
   * Inference (dropout off, batch normalization with its moving statistics)
   * over `rows` rows of `x`, into `out` (rows × outputSize), a chunk at a time.
   */
  predict(x: Float32Array, rows: number, out: Float32Array): void {
    const chunk = this.batchSize;
    const scratch = this.scratch;
    for (let start = 0; start < rows; start += chunk) {
      const count = Math.min(chunk, rows - start);
      scratch[0]!.set(x.subarray(start * this.inputSize, (start + count) * this.inputSize));
      this.stages.forEach((stage, i) => this.forward(stage, scratch[i]!, scratch[i + 1]!, count, false));
      out.set(scratch[scratch.length - 1]!.subarray(0, count * this.outputSize), start * this.outputSize);
    }
  }

  private forward(stage: Stage, x: Float32Array, y: Float32Array, rows: number, training: boolean): void {
    switch (stage.kind) {
      case 'dense':
        denseForward(x, y, stage.kernel.value, stage.bias.value, rows, stage.inSize, stage.size);
        return;
      case 'conv2d': {
        const pixels = stage.outH * stage.outW;
        const patch = stage.kernelSize * stage.kernelSize * stage.inC;
        const inSize = stage.inH * stage.inW * stage.inC;
        for (let r = 0; r < rows; r++) {
          const po = r * pixels * patch;
          im2col(x, r * inSize, stage, stage.patches, po);
          const patches = stage.patches.subarray(po, po + pixels * patch);
          denseForward(patches, y.subarray(r * stage.size, (r + 1) * stage.size), stage.kernel.value, stage.bias.value, pixels, patch, stage.filters);
        }
        return;
      }
      case 'maxPooling2d': {
        const inSize = stage.inH * stage.inW * stage.channels;
        for (let r = 0; r < rows; r++) maxPoolForward(x, y, stage.argmax, r * inSize, r * stage.size, stage);
        return;
      }
      case 'flatten':
        y.set(x.subarray(0, rows * stage.size));
        return;
      case 'activation':
        activate(stage.activation, x, y, rows, stage.size);
        return;
      case 'dropout': {
        const count = rows * stage.size;
        if (!training || stage.rate === 0) {
          y.set(x.subarray(0, count));
          return;
        }
        this.dropoutState = dropoutForward(x, y, stage.mask, count, 1 - stage.rate, this.dropoutState);
        return;
      }
      case 'batchNormalization': {
        const { size } = stage;
        const gamma = stage.gamma.value;
        const beta = stage.beta.value;
        if (!training) {
          for (let j = 0; j < size; j++) {
            const inv = 1 / Math.sqrt(stage.movingVariance[j]! + BN_EPSILON);
            const mean = stage.movingMean[j]!;
            for (let r = 0; r < rows; r++) y[r * size + j] = (x[r * size + j]! - mean) * inv * gamma[j]! + beta[j]!;
          }
          return;
        }
        for (let j = 0; j < size; j++) {
          let mean = 0;
          for (let r = 0; r < rows; r++) mean += x[r * size + j]!;
          mean /= rows;
          let variance = 0;
          for (let r = 0; r < rows; r++) {
            const d = x[r * size + j]! - mean;
            variance += d * d;
          }
          variance /= rows;
          const inv = 1 / Math.sqrt(variance + BN_EPSILON);
          stage.invStd[j] = inv;
          for (let r = 0; r < rows; r++) {
            const normalized = (x[r * size + j]! - mean) * inv;
            stage.normalized[r * size + j] = normalized;
            y[r * size + j] = normalized * gamma[j]! + beta[j]!;
          }
          // As tfjs: moving ← moving − (moving − batch)·(1 − momentum), with the biased variance.
          stage.movingMean[j] = stage.movingMean[j]! - (stage.movingMean[j]! - mean) * (1 - BN_MOMENTUM);
          stage.movingVariance[j] = stage.movingVariance[j]! - (stage.movingVariance[j]! - variance) * (1 - BN_MOMENTUM);
        }
        return;
      }
    }
  }

  private backwardStage(stage: Stage, x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array | null, rows: number): void {
    switch (stage.kind) {
      case 'dense':
        denseBackward(x, dy, dx, stage.kernel.value, stage.kernel.grad, stage.bias.grad, rows, stage.inSize, stage.size);
        return;
      case 'conv2d': {
        const pixels = stage.outH * stage.outW;
        const patch = stage.kernelSize * stage.kernelSize * stage.inC;
        const inSize = stage.inH * stage.inW * stage.inC;
        stage.kernel.grad.fill(0);
        stage.bias.grad.fill(0);
        if (dx) dx.fill(0, 0, rows * inSize);
        for (let r = 0; r < rows; r++) {
          const patches = stage.patches.subarray(r * pixels * patch, (r + 1) * pixels * patch);
          const grad = dy.subarray(r * stage.size, (r + 1) * stage.size);
          addWeightGradient(patches, grad, stage.kernel.grad, stage.bias.grad, pixels, patch, stage.filters);
          if (!dx) continue;
          denseInputGradient(grad, stage.patchGrad, stage.kernel.value, pixels, patch, stage.filters);
          col2im(stage.patchGrad, stage, dx, r * inSize);
        }
        return;
      }
      case 'maxPooling2d': {
        if (!dx) return;
        const inSize = stage.inH * stage.inW * stage.channels;
        dx.fill(0, 0, rows * inSize);
        const count = rows * stage.size;
        for (let o = 0; o < count; o++) {
          const i = stage.argmax[o]!;
          dx[i] = dx[i]! + dy[o]!;
        }
        return;
      }
      case 'flatten':
        if (dx) dx.set(dy.subarray(0, rows * stage.size));
        return;
      case 'activation':
        if (dx) activateBackward(stage.activation, x, y, dy, dx, rows, stage.size);
        return;
      case 'dropout': {
        if (!dx) return;
        const count = rows * stage.size;
        if (stage.rate === 0) dx.set(dy.subarray(0, count));
        else for (let i = 0; i < count; i++) dx[i] = dy[i]! * stage.mask[i]!;
        return;
      }
      case 'batchNormalization': {
        const { size } = stage;
        const gamma = stage.gamma.value;
        const dGamma = stage.gamma.grad;
        const dBeta = stage.beta.grad;
        for (let j = 0; j < size; j++) {
          let sumDy = 0;
          let sumDyNorm = 0;
          for (let r = 0; r < rows; r++) {
            const g = dy[r * size + j]!;
            sumDy += g;
            sumDyNorm += g * stage.normalized[r * size + j]!;
          }
          dBeta[j] = sumDy;
          dGamma[j] = sumDyNorm;
          if (!dx) continue;
          // dx = γ·invStd/N · (N·dy − Σdy − x̂·Σ(dy·x̂))
          const factor = (gamma[j]! * stage.invStd[j]!) / rows;
          for (let r = 0; r < rows; r++) {
            const i = r * size + j;
            dx[i] = factor * (rows * dy[i]! - sumDy - stage.normalized[i]! * sumDyNorm);
          }
        }
        return;
      }
    }
  }
}
