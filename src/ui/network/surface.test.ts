import { describe, expect, it } from 'vitest';
import { divergingRgb, inputSurface, normalizer, surfacePixels } from './surface';

describe('neuron pictures', () => {
  it('colour below zero orange, zero white, above zero blue', () => {
    expect(divergingRgb(0)).toEqual([255, 255, 255]);
    expect(divergingRgb(1)).toEqual([0, 0x72, 0xb2]);
    expect(divergingRgb(-1)).toEqual([0xe6, 0x9f, 0]);
    expect(divergingRgb(5)).toEqual(divergingRgb(1));
  });

  it('map tanh as it is, sigmoid around 0.5, and unbounded outputs by their largest magnitude', () => {
    expect(normalizer('tanh', [], 0, 1, 0)(0.5)).toBe(0.5);
    expect(normalizer('sigmoid', [], 0, 1, 0)(0.75)).toBe(0.5);
    const relu = normalizer('relu', [0, 2, 4], 0, 1, 3);
    expect(relu(4)).toBe(1);
    expect(relu(2)).toBe(0.5);
    expect(normalizer('linear', [0, 0], 0, 1, 2)(3)).toBe(0);
  });

  it('read one unit out of points × units outputs', () => {
    // Two points, two units: unit 1's outputs are -1 and 1.
    const pixels = surfacePixels(Float32Array.of(0, -1, 0, 1), 1, 2, 2, 'tanh');
    expect(Array.from(pixels.subarray(0, 4))).toEqual([...divergingRgb(-1, 0.85), 255]);
    expect(Array.from(pixels.subarray(4, 8))).toEqual([...divergingRgb(1, 0.85), 255]);
    expect(Array.from(surfacePixels(Float32Array.of(0.1, -0.2), 0, 1, 2, 'tanh', true).subarray(0, 3))).toEqual(divergingRgb(1, 0.85));
  });

  it('give an input’s scaled value over the grid, top row first', () => {
    const grid = { size: 2, xMin: 0, xMax: 2, yMin: 0, yMax: 2 };
    expect(Array.from(inputSurface(grid, (x1) => x1, 1, 1))).toEqual([-0.5, 0.5, -0.5, 0.5]);
    expect(Array.from(inputSurface(grid, (_x1, x2) => x2, 0, 2))).toEqual([0.75, 0.75, 0.25, 0.25]);
    // An engineered input is computed from each cell centre's point: x1·x2 at (0.5, 1.5), (1.5, 1.5), (0.5, 0.5), (1.5, 0.5).
    expect(Array.from(inputSurface(grid, (x1, x2) => x1 * x2, 0, 1))).toEqual([0.75, 2.25, 0.25, 0.75]);
  });
});
