import { describe, expect, it } from 'vitest';
import { areaWeights, imageInput, imagePreprocessing, resizeRgba, toChannels, type Rgba } from './imagePixels';

const solid = (width: number, height: number, rgba: number[]): Rgba => ({
  width,
  height,
  data: Uint8ClampedArray.from({ length: width * height * 4 }, (_, i) => rgba[i % 4]!),
});

describe('image pixels', () => {
  it('area weights cover each output cell with shares that add to 1', () => {
    for (const [from, to] of [[10, 4], [4, 10], [7, 7], [3, 2]] as const) {
      const weights = areaWeights(from, to);
      expect(weights).toHaveLength(to);
      for (const cell of weights) expect(cell.reduce((sum, w) => sum + w.weight, 0)).toBeCloseTo(1, 6);
    }
    // 4 → 2: each output cell is the mean of two source cells.
    expect(areaWeights(4, 2)[1]).toEqual([{ index: 2, weight: 0.5 }, { index: 3, weight: 0.5 }]);
    // 3 → 2: the middle source cell is shared between the two outputs.
    expect(areaWeights(3, 2)[0]!.map((w) => w.index)).toEqual([0, 1]);
  });

  it('shrinking averages areas: a 4×2 image of a black left half and a white right half becomes 2×1 black, white', () => {
    const data = new Uint8ClampedArray(4 * 2 * 4);
    for (let y = 0; y < 2; y++) for (let x = 0; x < 4; x++) data.set(x < 2 ? [0, 0, 0, 255] : [255, 255, 255, 255], (y * 4 + x) * 4);
    const out = resizeRgba({ width: 4, height: 2, data }, 2, 1);
    expect(Array.from(out)).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    // To 1×1 it is the mean grey.
    expect(Array.from(resizeRgba({ width: 4, height: 2, data }, 1, 1)).map(Math.round)).toEqual([128, 128, 128, 255]);
  });

  it('enlarging keeps a solid colour, and stretches without cropping', () => {
    const out = resizeRgba(solid(3, 1, [10, 200, 30, 255]), 16, 16);
    expect(out).toHaveLength(16 * 16 * 4);
    for (let p = 0; p < 256; p++) expect(Array.from(out.subarray(p * 4, p * 4 + 3)).map((v) => Math.round(v))).toEqual([10, 200, 30]);
  });

  it('grey is 0.299 R + 0.587 G + 0.114 B over 255; RGB keeps the three channels; alpha is dropped', () => {
    const rgba = Float32Array.from([255, 0, 0, 0, 0, 255, 0, 255, 0, 0, 255, 128]);
    expect(Array.from(toChannels(rgba, 1))).toEqual([0.299, 0.587, 0.114].map((v) => Math.fround(v)));
    expect(Array.from(toChannels(rgba, 3))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const input = imageInput(solid(5, 9, [51, 51, 51, 255]), 28, 1);
    expect(input).toHaveLength(28 * 28);
    expect(input[0]).toBeCloseTo(0.2, 5);
  });

  it('refuses pixel data that does not match the size', () => {
    expect(() => resizeRgba({ width: 2, height: 2, data: new Uint8Array(12) }, 4, 4)).toThrow(/does not match/);
  });

  it('describes the preprocessing a new image needs', () => {
    expect(imagePreprocessing(32, 32, 1)).toMatchObject({ colour: 'grayscale', grayscaleWeights: [0.299, 0.587, 0.114], divideBy: 255, channels: 1 });
    expect(imagePreprocessing(48, 48, 3).grayscaleWeights).toBeNull();
    expect(imagePreprocessing(48, 48, 3).steps).toMatch(/48×48.*divide by 255.*\[1, 48, 48, 3\]/);
  });
});
