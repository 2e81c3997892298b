import type { ImageTones, Table } from '../../data/table';

export type { ImageTones };

/** The size of one image of a table: its rows, columns and channels (1 grey, 3 RGB). */
export interface ImageGeometry {
  height: number;
  width: number;
  channels: number;
}

/** An image table's geometry from its input shape [height, width, channels]; a missing channel count is one (grey). */
export function imageGeometry(table: Pick<Table, 'inputShape'>): ImageGeometry {
  const [height = 1, width = 1, channels = 1] = table.inputShape ?? [];
  return { height, width, channels };
}

/** Values in one image: height × width × channels. */
export const imageValues = ({ height, width, channels }: ImageGeometry): number => height * width * channels;

/** How a table's images are drawn: the shipped sets as dark ink on white ('ink'), the person's own images as they are ('true'). */
export const tonesOf = (table: Pick<Table, 'imageTones'>): ImageTones => table.imageTones ?? 'ink';

/** One row's image (a view into the table's features, channel last), `imageValues` long. */
export function imageRow(table: Pick<Table, 'inputShape' | 'features'>, row: number): Float32Array {
  const size = imageValues(imageGeometry(table));
  return table.features.subarray(row * size, (row + 1) * size);
}

const byte = (value: number): number => Math.round(255 * Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0)));

/**
 * An image's pixels (0–1, row-major, channel last) as RGBA bytes for a
 * canvas. 'ink': one channel, 1 is full ink, drawn dark on white. 'true':
 * 0 is black and 1 white, grey (one channel) or RGB (three).
 */
export function toRgba(pixels: ArrayLike<number>, geometry: ImageGeometry, tones: ImageTones): Uint8ClampedArray {
  const { height, width, channels } = geometry;
  const out = new Uint8ClampedArray(height * width * 4);
  for (let p = 0; p < height * width; p++) {
    const at = (c: number) => pixels[p * channels + (channels >= 3 ? c : 0)] ?? 0;
    if (tones === 'ink') {
      const grey = 255 - byte(at(0));
      out[p * 4] = grey;
      out[p * 4 + 1] = grey;
      out[p * 4 + 2] = grey;
    } else {
      out[p * 4] = byte(at(0));
      out[p * 4 + 1] = byte(at(1));
      out[p * 4 + 2] = byte(at(2));
    }
    out[p * 4 + 3] = 255;
  }
  return out;
}

/**
 * A drawing's ink (height × width, 0–1, 1 full ink) in a set's convention:
 * for 'true' tones the ink is dark on white paper (1 − ink), as the person
 * saw it on the pad; each value is repeated into every channel.
 */
export function inkAsImage(ink: Float32Array, channels: number, tones: ImageTones): Float32Array {
  const out = new Float32Array(ink.length * channels);
  for (let p = 0; p < ink.length; p++) {
    const value = tones === 'true' ? 1 - ink[p]! : ink[p]!;
    for (let c = 0; c < channels; c++) out[p * channels + c] = value;
  }
  return out;
}
