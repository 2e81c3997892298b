import { concatBytes } from '../data/bytes';
import { deflateSync, inflateSync } from 'node:zlib';
import { pngChunk } from '../data/pngEncoder';
import type { Rgba } from '../data/imagePixels';

/*
 * A tiny PNG writer and reader for tests (8-bit RGBA, no row filters), so
 * the image loader can be tried in Node, where no browser decoder exists.
 */


const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** A PNG file of the image. */
export function encodePng(image: Rgba): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, image.width);
  view.setUint32(4, image.height);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = new Uint8Array(image.height * (1 + image.width * 4));
  for (let y = 0; y < image.height; y++) rows.set(image.data.subarray(y * image.width * 4, (y + 1) * image.width * 4), y * (1 + image.width * 4) + 1);
  const parts = [Uint8Array.from(SIGNATURE), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', new Uint8Array())];
  return concatBytes(parts);
}

/** Reads a PNG that encodePng wrote; throws on anything else. */
export function decodePng(bytes: Uint8Array): Rgba {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = new TextDecoder().decode(bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      if (data[8] !== 8 || data[9] !== 6) throw new Error('only 8-bit RGBA');
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    if (rows[y * (1 + width * 4)] !== 0) throw new Error('only unfiltered rows');
    data.set(rows.subarray(y * (1 + width * 4) + 1, (y + 1) * (1 + width * 4)), y * width * 4);
  }
  return { width, height, data };
}

/** An image of one colour with a filled rectangle of another. */
export function rectImage(width: number, height: number, back: number[], fore: number[], rect: { x: number; y: number; w: number; h: number }): Rgba {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = x >= rect.x && x < rect.x + rect.w && y >= rect.y && y < rect.y + rect.h;
      data.set(inside ? fore : back, (y * width + x) * 4);
    }
  }
  return { width, height, data };
}
