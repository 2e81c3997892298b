import { concatBytes } from './bytes';
import { crc32 } from './crc32';

/**
 * A small PNG writer: 8-bit grey or RGB, every row unfiltered, the pixel
 * rows deflated by the platform's CompressionStream('deflate'), whose zlib
 * framing is what PNG's IDAT chunk holds. Enough for the playground's
 * images, which are small and already at their final size.
 */

/** Turns bytes into a zlib stream (deflate with its header and Adler-32). */
export type DeflateZlib = (bytes: Uint8Array) => Promise<Uint8Array>;

/** Deflates with the platform's CompressionStream (browsers, Node 18+). */
export const streamDeflate: DeflateZlib = async (bytes) => {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

export interface PngImage {
  width: number;
  height: number;
  /** 1: grey, 3: RGB. */
  channels: 1 | 3;
  /** height × width × channels values, row-major, in 0–1 (clipped, then rounded to 0–255). */
  values: ArrayLike<number>;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const ascii = new TextEncoder();

/** One PNG chunk: length, type, data and the CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(ascii.encode(type), 4);
  out.set(data, 8);
  // The CRC covers the type and the data, not the length.
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** The rows as PNG stores them before compression: a filter byte (0, none) before each row of 8-bit samples. */
export function pngRows(image: PngImage): Uint8Array {
  const { width, height, channels, values } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new Error(`a PNG needs a positive whole size, not ${width} × ${height}`);
  const rowBytes = width * channels;
  if (values.length !== height * rowBytes) throw new Error(`expected ${height * rowBytes} values for ${width} × ${height} × ${channels}, got ${values.length}`);
  const rows = new Uint8Array(height * (1 + rowBytes));
  for (let y = 0; y < height; y++) {
    const start = y * (1 + rowBytes) + 1;
    for (let i = 0; i < rowBytes; i++) {
      const v = values[y * rowBytes + i]!;
      rows[start + i] = Number.isNaN(v) ? 0 : Math.round(Math.min(1, Math.max(0, v)) * 255);
    }
  }
  return rows;
}

/** A PNG file of the image (colour type 0 for grey, 2 for RGB). */
export async function encodePng(image: PngImage, deflate: DeflateZlib = streamDeflate): Promise<Uint8Array> {
  const rows = pngRows(image);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, image.width);
  view.setUint32(4, image.height);
  // Bit depth 8, colour type, deflate, the standard filters, no interlace.
  header.set([8, image.channels === 1 ? 0 : 2, 0, 0, 0], 8);
  const parts = [Uint8Array.from(SIGNATURE), pngChunk('IHDR', header), pngChunk('IDAT', await deflate(rows)), pngChunk('IEND', new Uint8Array())];
  return concatBytes(parts);
}
