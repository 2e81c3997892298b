import { describe, expect, it } from 'vitest';
import { fitScaler, takeScaledRows } from '../../data/scaler';
import { drawnImage, fitToFrame, recipeFor, scaleExample } from './drawnImage';

/** A pad of `rows` × `cols` cells with the cells of `inked` ([y, x]) at full ink. */
function pad(rows: number, cols: number, inked: [number, number][]): Float32Array {
  const ink = new Float32Array(rows * cols);
  for (const [y, x] of inked) ink[y * cols + x] = 1;
  return ink;
}

describe('a drawing preprocessed as the data set’s images', () => {
  it('digits: thresholded, fitted to the 32 × 32 frame, counted in 4 × 4 blocks and divided by 16', () => {
    const recipe = recipeFor('digits', 8, 8);
    expect(recipe).toMatchObject({ factor: 4, kind: 'bitmap', fit: true });
    // A full 16 × 16 square in the top-left quarter of the pad grows to fill the whole frame.
    const cells: [number, number][] = [];
    for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) cells.push([y, x]);
    expect(Array.from(drawnImage(pad(32, 32, cells), recipe))).toEqual(new Array(64).fill(1));
    // Faint ink (below half) is off, as in a bitmap.
    const faint = pad(32, 32, cells).map((v) => v * 0.4);
    expect(Array.from(drawnImage(faint, recipe))).toEqual(new Array(64).fill(0));
  });

  it('digits: a vertical bar keeps its aspect ratio, is centred, and counts partly covered blocks', () => {
    // 2 cells wide, 32 tall, at the pad's left edge: already fills the height, so only centring moves it.
    const cells: [number, number][] = [];
    for (let y = 0; y < 32; y++) for (const x of [0, 1]) cells.push([y, x]);
    const image = drawnImage(pad(32, 32, cells), recipeFor('digits', 8, 8));
    // Centred: columns 15–16 of the pad, i.e. half of image column 3 (cells 12–15) and half of column 4 (16–19).
    for (let row = 0; row < 8; row++) {
      expect(Array.from(image.subarray(row * 8, row * 8 + 8))).toEqual([0, 0, 0, 4 / 16, 4 / 16, 0, 0, 0]);
    }
  });

  it('fashion: block means of grey ink, fitted and centred', () => {
    const recipe = recipeFor('fashion', 28, 28);
    expect(recipe).toMatchObject({ factor: 4, kind: 'grey', fit: true });
    const ink = new Float32Array(112 * 112);
    // A 56 × 56 square of half ink in the bottom-right corner fills the frame once fitted.
    for (let y = 56; y < 112; y++) for (let x = 56; x < 112; x++) ink[y * 112 + x] = 0.5;
    const image = drawnImage(ink, recipe);
    expect(image).toHaveLength(784);
    expect(Array.from(image).every((v) => Math.abs(v - 0.5) < 1e-6)).toBe(true);
  });

  it('a blank pad stays blank, and a drawing of the wrong size is refused', () => {
    expect(Array.from(fitToFrame(new Float32Array(16), 4, 4))).toEqual(new Array(16).fill(0));
    expect(Array.from(drawnImage(new Float32Array(32 * 32), recipeFor('digits', 8, 8)))).toEqual(new Array(64).fill(0));
    expect(() => drawnImage(new Float32Array(10), recipeFor('digits', 8, 8))).toThrow(/cells/);
  });

  it('is scaled with the run’s scaler exactly as its training rows are', () => {
    const features = Float32Array.of(0, 0.5, 1, 0.25, 0.5, 0.75);
    for (const kind of ['standard', 'minmax', 'none'] as const) {
      const scaler = fitScaler(kind, features, 3, [0, 1]);
      const example = Float32Array.of(0.2, 0.4, 0.6);
      const expected = takeScaledRows(example, 3, [0], scaler);
      expect(Array.from(scaleExample(example, scaler))).toEqual(Array.from(expected));
    }
  });
});
