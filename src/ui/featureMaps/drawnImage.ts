import type { Scaler } from '../../data/scaler';

/**
 * How a data set's images were made, so that a drawing is turned into an
 * image the same way before the model sees it.
 */
export interface ImageRecipe {
  /** The data set's image size, in pixels. */
  height: number;
  width: number;
  /** Drawing-pad cells per image pixel, each way: the pad is height·factor × width·factor cells. */
  factor: number;
  /**
   * 'bitmap': the ink is thresholded to on/off and each image pixel is the
   * share of its factor × factor block that is on. That is how optdigits
   * made the 8 × 8 digits: 32 × 32 bitmaps counted in 4 × 4 blocks (0–16),
   * which the playground divides by 16. 'grey': each pixel is its block's
   * mean ink (0–1), as a photo shrunk by averaging.
   */
  kind: 'bitmap' | 'grey';
  /**
   * Whether the drawing's bounding box is scaled (aspect ratio kept) until
   * its longer side fills the frame, and centred: NIST's normalization of
   * the optdigits bitmaps fills the 32 × 32 box, and Fashion-MNIST resized
   * each photo's longest edge to 28 and centred it.
   */
  fit: boolean;
}

/** The recipe of a data set's images; `height` and `width` from its input shape. */
export function recipeFor(datasetId: string, height: number, width: number): ImageRecipe {
  if (datasetId === 'digits') return { height, width, factor: 4, kind: 'bitmap', fit: true };
  if (datasetId === 'fashion') return { height, width, factor: 4, kind: 'grey', fit: true };
  return { height, width, factor: Math.max(1, Math.round(64 / Math.max(height, width))), kind: 'grey', fit: false };
}

/** Ink below this (0–1) counts as blank paper when the drawing's extent is measured. */
const BLANK = 0.05;

/**
 * The drawing scaled and centred into the frame (see ImageRecipe.fit), at
 * the pad's resolution: each cell takes the ink of the source cell its centre
 * falls on. A blank drawing stays blank.
 */
export function fitToFrame(ink: Float32Array, rows: number, cols: number): Float32Array {
  let top = rows;
  let bottom = -1;
  let left = cols;
  let right = -1;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      if (ink[y * cols + x]! <= BLANK) continue;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  const out = new Float32Array(rows * cols);
  if (bottom < 0) return out;
  const boxH = bottom - top + 1;
  const boxW = right - left + 1;
  const scale = Math.min(rows / boxH, cols / boxW);
  const offY = (rows - boxH * scale) / 2;
  const offX = (cols - boxW * scale) / 2;
  for (let y = 0; y < rows; y++) {
    const sy = Math.floor((y + 0.5 - offY) / scale);
    if (sy < 0 || sy >= boxH) continue;
    for (let x = 0; x < cols; x++) {
      const sx = Math.floor((x + 0.5 - offX) / scale);
      if (sx < 0 || sx >= boxW) continue;
      out[y * cols + x] = ink[(top + sy) * cols + left + sx]!;
    }
  }
  return out;
}

/**
 * A drawing (pad cells row-major, ink 0–1) as one of the data set's images:
 * height × width values in 0–1, row-major, before the run's scaler.
 */
export function drawnImage(ink: Float32Array, recipe: ImageRecipe): Float32Array {
  const { height, width, factor } = recipe;
  const rows = height * factor;
  const cols = width * factor;
  if (ink.length !== rows * cols) throw new Error(`The pad has ${ink.length} cells where ${rows * cols} are expected.`);
  const framed = recipe.fit ? fitToFrame(ink, rows, cols) : ink;
  const out = new Float32Array(height * width);
  const cells = factor * factor;
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        for (let dx = 0; dx < factor; dx++) {
          const v = framed[(py * factor + dy) * cols + px * factor + dx]!;
          sum += recipe.kind === 'bitmap' ? (v >= 0.5 ? 1 : 0) : v;
        }
      }
      out[py * width + px] = sum / cells;
    }
  }
  return out;
}

/** One example scaled by the run's scaler (fitted on its training rows), as its rows were: `(x − offset) / scale`. */
export function scaleExample(values: Float32Array, scaler: Scaler): Float32Array {
  if (scaler.offset.length !== values.length) throw new Error(`The scaler has ${scaler.offset.length} features, the image ${values.length}.`);
  return values.map((v, c) => (v - scaler.offset[c]!) / scaler.scale[c]!);
}
