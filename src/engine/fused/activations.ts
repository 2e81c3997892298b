import type { ActivationName } from '../../model/activations';

const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;

/** Forward pass of an activation over `count` values, `rows` rows of `size` (softmax works per row). */
export function activate(activation: ActivationName, x: Float32Array, y: Float32Array, rows: number, size: number): void {
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
      // Through one exp, which V8 computes faster than Math.tanh (same float32 values).
      for (let i = 0; i < count; i++) {
        const v = x[i]!;
        const e = Math.exp(-2 * Math.abs(v));
        const t = (1 - e) / (1 + e);
        y[i] = v < 0 ? -t : t;
      }
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
export function activateBackward(activation: ActivationName, x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array, rows: number, size: number): void {
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
