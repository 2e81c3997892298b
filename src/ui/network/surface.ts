import type { GridSpec } from '../../data/grid';
import { palette } from '../charts/palette';

/**
 * Pictures of a neuron's output over the plane, in the colours of the
 * decision boundary: orange below zero, white at zero, blue above, as
 * TensorFlow Playground draws them.
 */

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const POSITIVE = rgb(palette.train);
const NEGATIVE = rgb(palette.validation);

/** A value in [−1, 1] as the RGB of the diverging scale (clamped outside it). */
export function divergingRgb(t: number, strength = 1): [number, number, number] {
  const clamped = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const to = clamped >= 0 ? POSITIVE : NEGATIVE;
  const amount = Math.abs(clamped) * strength;
  return [0, 1, 2].map((c) => Math.round(255 + (to[c]! - 255) * amount)) as [number, number, number];
}

/**
 * How a neuron's outputs map onto [−1, 1]: tanh's own range; sigmoid and
 * softmax around 0.5 (a probability); anything unbounded (relu, linear, an
 * input) by the largest magnitude in the picture, so its shape shows whatever its scale.
 */
export function normalizer(activation: string | null, values: ArrayLike<number>, offset: number, stride: number, count: number): (v: number) => number {
  if (activation === 'tanh' || activation === 'softsign') return (v) => v;
  if (activation === 'sigmoid' || activation === 'softmax' || activation === 'hardSigmoid') return (v) => 2 * v - 1;
  let max = 0;
  for (let i = 0; i < count; i++) {
    const v = Math.abs(values[offset + i * stride]!);
    if (Number.isFinite(v) && v > max) max = v;
  }
  return max > 0 ? (v) => v / max : () => 0;
}

/** RGBA pixels of one unit's outputs: `count` values read at `offset + i·stride` (points × units, point by point). */
export function surfacePixels(
  values: ArrayLike<number>,
  offset: number,
  stride: number,
  count: number,
  activation: string | null,
  discrete = false,
): Uint8ClampedArray<ArrayBuffer> {
  const norm = normalizer(activation, values, offset, stride, count);
  const pixels = new Uint8ClampedArray(count * 4);
  for (let i = 0; i < count; i++) {
    const t = norm(values[offset + i * stride]!);
    const [r, g, b] = divergingRgb(discrete ? Math.sign(t) : t, 0.85);
    pixels.set([r, g, b, 255], i * 4);
  }
  return pixels;
}

/**
 * An input feature's values over the grid, scaled as the model sees them:
 * `feature` computes it from a cell centre's x1, x2 (the coordinate itself,
 * or an engineered feature such as x1², see data/engineeredFeatures.ts).
 */
export function inputSurface(grid: GridSpec, feature: (x1: number, x2: number) => number, offset: number, scale: number): Float32Array {
  const { size } = grid;
  const values = new Float32Array(size * size);
  for (let row = 0; row < size; row++) {
    const y = grid.yMax - ((row + 0.5) / size) * (grid.yMax - grid.yMin);
    for (let col = 0; col < size; col++) {
      const x = grid.xMin + ((col + 0.5) / size) * (grid.xMax - grid.xMin);
      values[row * size + col] = (feature(x, y) - offset) / scale;
    }
  }
  return values;
}
