/**
 * Pixels of a decoded image turned into a model's input: resized to a square
 * side by area averaging (each output pixel is the mean of the source area it
 * covers, as tf.image.resize's "area" method), then grey or RGB in 0–1.
 */

/** Grey = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601, the weights of tf.image.rgb_to_grayscale, rounded). */
export const GREY_WEIGHTS = [0.299, 0.587, 0.114] as const;

/** The sizes the "Image size" select offers, in pixels per side. */
export const imageSizes = [16, 28, 32, 48, 64] as const;

/** 1 = grayscale, 3 = colour (RGB). */
export type ImageChannels = 1 | 3;

/** A decoded image: width × height pixels of R, G, B, A bytes, row after row. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** For each output cell along one axis: the source cells it covers and the share each contributes (shares add to 1). */
export function areaWeights(sourceLength: number, targetLength: number): { index: number; weight: number }[][] {
  const scale = sourceLength / targetLength;
  const out: { index: number; weight: number }[][] = [];
  for (let i = 0; i < targetLength; i++) {
    const lo = i * scale;
    const hi = (i + 1) * scale;
    const cells: { index: number; weight: number }[] = [];
    for (let j = Math.floor(lo); j < Math.min(sourceLength, Math.ceil(hi)); j++) {
      const overlap = Math.min(hi, j + 1) - Math.max(lo, j);
      if (overlap > 0) cells.push({ index: j, weight: overlap / scale });
    }
    out.push(cells);
  }
  return out;
}

/**
 * The image stretched to width × height (no cropping, as Keras's
 * image_dataset_from_directory does by default): R, G, B, A as floats 0–255.
 */
export function resizeRgba(image: Rgba, width: number, height: number): Float32Array {
  if (image.width < 1 || image.height < 1) throw new Error('the image has no pixels');
  if (image.data.length !== image.width * image.height * 4) throw new Error('the pixel data does not match the image size');
  const across = areaWeights(image.width, width);
  const down = areaWeights(image.height, height);
  const out = new Float32Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      for (const row of down[y]!) {
        for (const col of across[x]!) {
          const w = row.weight * col.weight;
          const s = (row.index * image.width + col.index) * 4;
          for (let c = 0; c < 4; c++) out[o + c] = out[o + c]! + w * image.data[s + c]!;
        }
      }
    }
  }
  return out;
}

/**
 * RGBA floats (0–255) as the model's input: height × width × channels values
 * in 0–1, grey by GREY_WEIGHTS or R, G, B. Alpha is dropped, as Keras's
 * loaders drop it: a transparent pixel counts as its colour values.
 */
export function toChannels(rgba: Float32Array, channels: ImageChannels): Float32Array {
  const pixels = rgba.length / 4;
  const out = new Float32Array(pixels * channels);
  for (let p = 0; p < pixels; p++) {
    const r = rgba[p * 4]!;
    const g = rgba[p * 4 + 1]!;
    const b = rgba[p * 4 + 2]!;
    if (channels === 1) out[p] = (GREY_WEIGHTS[0] * r + GREY_WEIGHTS[1] * g + GREY_WEIGHTS[2] * b) / 255;
    else {
      out[p * 3] = r / 255;
      out[p * 3 + 1] = g / 255;
      out[p * 3 + 2] = b / 255;
    }
  }
  return out;
}

/** A decoded image as a side × side input of the given channels. */
export function imageInput(image: Rgba, side: number, channels: ImageChannels): Float32Array {
  return toChannels(resizeRgba(image, side, side), channels);
}

/** How a new image must be prepared for the model, for the model file's playground block. */
export interface ImagePreprocessing {
  height: number;
  width: number;
  channels: ImageChannels;
  colour: 'grayscale' | 'rgb';
  /** Applied to each pixel's 0–255 values after resizing (grey = Σ weight · channel). */
  grayscaleWeights: number[] | null;
  divideBy: number;
  /** The steps in words. */
  steps: string;
}

export function imagePreprocessing(height: number, width: number, channels: ImageChannels): ImagePreprocessing {
  const grey = channels === 1;
  return {
    height,
    width,
    channels,
    colour: grey ? 'grayscale' : 'rgb',
    grayscaleWeights: grey ? [...GREY_WEIGHTS] : null,
    divideBy: 255,
    steps: [
      `Resize the image to ${width}×${height} pixels by area averaging (stretched, not cropped)`,
      grey ? `make it grey as 0.299·R + 0.587·G + 0.114·B (alpha ignored)` : 'keep R, G, B (alpha ignored)',
      `divide by 255, and give the model an array of shape [1, ${height}, ${width}, ${channels}] (rows, columns, channels).`,
    ].join(', '),
  };
}
